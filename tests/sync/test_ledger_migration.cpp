// Client migration 5 (smaller records, issue 15) on a ledger that main at dd439f7 wrote:
// `taizhang init --demo --classes 1`, two edits and a delete of homework, an edit of a training
// record, nothing synced (tests/sync/fixtures/README.md). After the migration every record's
// canonical JSON, its history and its outbox rows are what they were, and a sync to the real
// county sends each change once.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "gzip.h"
#include "sync_client_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct OldAudit {
    std::string action, at, author, device, reason;
    std::optional<std::string> before, after;
    std::int64_t version = 0;
};

// What the file holds before the migration, read with the schema of migrations 1-4.
struct OldLedger {
    std::map<std::string, std::string> canonical;  // id -> the record's canonical JSON text
    std::map<std::string, std::vector<OldAudit>> audit;
    std::vector<std::pair<std::string, std::int64_t>> outbox;  // (record id, version) in seq order
    std::int64_t maxSeq = 0;

    explicit OldLedger(const std::string& path)
    {
        OpenOptions v4;
        v4.migrateTo = 4;
        Database db = Database::open(path, v4);
        EXPECT_EQ(db.userVersion(), 4);
        auto r = db.prepare("SELECT id, kind, version, created_at, updated_at, author, device, deleted, body FROM records");
        while (r.step()) {
            const RecordMeta m{r.text(0), r.int64(2), r.text(3), r.text(4), r.text(5), r.text(6), r.int64(7) != 0};
            canonical[m.id] = recordJsonText(m, r.text(1), r.text(8));
        }
        auto a = db.prepare("SELECT record_id, action, at, author, device, reason, before, after, version FROM audit "
                            "ORDER BY id");
        while (a.step())
            audit[a.text(0)].push_back(
                {a.text(1), a.text(2), a.text(3), a.text(4), a.text(5), a.optText(6), a.optText(7), a.int64(8)});
        auto o = db.prepare("SELECT record_id, version FROM outbox ORDER BY seq");
        while (o.step()) outbox.emplace_back(o.text(0), o.int64(1));
        auto seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'");
        if (seq.step()) maxSeq = seq.int64(0);
    }
};

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct MainLedger : SyncFixture {
    // The fixture, unpacked next to the fixture's own (empty) school database.
    std::string oldPath = dir.file("main-dd439f7.db");
    void SetUp() override
    {
        const std::string packed = readFile(std::string(TAIZHANG_TEST_FIXTURES) + "/ledger-main-dd439f7.db.gz");
        ASSERT_FALSE(packed.empty());
        std::ofstream(oldPath, std::ios::binary) << gzipInflate(packed, std::int64_t{64} << 20);
        startCounty();
    }
};
}  // namespace

TEST_F(MainLedger, GIVEN_a_ledger_written_by_main_before_migration_5_WHEN_opened_THEN_every_record_history_and_outbox_row_is_unchanged_and_sync_sends_each_change_once)
{
    const OldLedger old(oldPath);
    ASSERT_GT(old.canonical.size(), 300u);
    ASSERT_EQ(old.outbox.size(), 390u);  // 386 creations, 3 edits, 1 delete: nothing sent yet

    const auto oldBytes = std::filesystem::file_size(oldPath);
    dbPath = oldPath;
    db = Database::open(dbPath);  // migrates; `store` now reads it
    EXPECT_EQ(db.userVersion(), clientMigrations().back().version);
    EXPECT_TRUE(std::filesystem::exists(oldPath + ".v4.bak"));
    // The old tables' pages are given back: the file is smaller, not the old and new side by side.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    EXPECT_LT(std::filesystem::file_size(oldPath), oldBytes * 3 / 4);

    // Records: the same canonical JSON, byte for byte, and the bodies no longer repeat the columns.
    RecordQuery all;
    all.includeDeleted = true;
    const auto records = store.query(all);
    ASSERT_EQ(records.size(), old.canonical.size());
    for (const auto& r : records) EXPECT_EQ(recordToJson(r).dump(), old.canonical.at(r.meta.id)) << r.meta.id;
    auto repeated = db.prepare("SELECT count(*) FROM records WHERE instr(body, '\"class_id\"') OR "
                               "instr(body, '\"teacher_id\"') OR (kind <> 'training' AND instr(body, '\"date\"'))");
    ASSERT_TRUE(repeated.step());
    EXPECT_EQ(repeated.int64(0), 0);

    // History: who did what and when, and both sides of every change.
    for (const auto& [id, rows] : old.audit) {
        const auto history = store.history(id);
        ASSERT_EQ(history.size(), rows.size()) << id;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            EXPECT_EQ(history[i].action, rows[i].action);
            EXPECT_EQ(history[i].at, rows[i].at);
            EXPECT_EQ(history[i].author, rows[i].author);
            EXPECT_EQ(history[i].device, rows[i].device);
            EXPECT_EQ(history[i].reason, rows[i].reason);
            EXPECT_EQ(history[i].version, rows[i].version);
            EXPECT_EQ(history[i].before.has_value(), rows[i].before.has_value());
            // Braced: EXPECT_EQ expands to an if/else of its own (-Wdangling-else).
            if (rows[i].before && history[i].before) {
                EXPECT_EQ(history[i].before->dump(), *rows[i].before);
            }
            ASSERT_TRUE(history[i].after.has_value()) << id << " " << i;
            if (rows[i].after) {
                EXPECT_EQ(history[i].after->dump(), *rows[i].after);
            }
        }
    }

    // Outbox: the same rows in the same order, the sequence going on above the old numbers.
    Outbox outbox(db, SystemClock::instance());
    const auto status = outbox.status();
    EXPECT_EQ(status.unsent(), static_cast<std::int64_t>(old.outbox.size()));
    EXPECT_EQ(status.maxSeq, old.maxSeq);
    EXPECT_FALSE(status.oldestUnsentAt.empty());

    // Sync to the real county: every change once, the county ends with the client's records.
    enrollOk();
    const auto report = syncUntilDone();
    EXPECT_EQ(report.outcome, sync::SyncOutcome::AllSent) << report.message;
    EXPECT_EQ(outbox.status().acknowledged, static_cast<std::int64_t>(old.outbox.size()));
    expectConverged();
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), county.count("SELECT count(DISTINCT id) FROM records"));
    for (const auto& [id, json] : county.recordJsons(kSchool))
        EXPECT_EQ(Json::parse(json), Json::parse(old.canonical.at(id))) << id;
    const auto again = syncOnce();
    EXPECT_EQ(again.outcome, sync::SyncOutcome::AllSent);
    EXPECT_EQ(again.attempts, 0) << "a second pass sent something again";

    // A change after the migration gets the next sequence number and goes out.
    const auto live = std::find_if(records.begin(), records.end(), [](const Record& r) { return !r.meta.deleted; });
    const auto changed = store.update(live->meta.id, live->body, live->meta.version, {"u", "d", ""});
    EXPECT_EQ(outbox.status().maxSeq, old.maxSeq + 1);
    EXPECT_EQ(syncOnce().outcome, sync::SyncOutcome::AllSent);
    EXPECT_EQ(county.records(kSchool).at(changed.meta.id), changed.meta.version);
}
