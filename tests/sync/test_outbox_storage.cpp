// A record's JSON is stored once (issue 15): the outbox and a creation's audit row refer to the
// record, acknowledged rows and batch bytes are pruned in the ack's transaction, the file gives
// the space back, and a ledger written by the previous schema (migrations 1-2) is converted.
#include <gtest/gtest.h>

#include <filesystem>

#include "outbox.h"
#include "record_store.h"
#include "sync_test_util.h"
#include "temp_dir.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
std::int64_t scalar(Database& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    s.step();
    return s.int64(0);
}

// Bytes the main file holds once the WAL is folded in.
std::int64_t fileBytes(Database& db, const std::string& path)
{
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return static_cast<std::int64_t>(std::filesystem::file_size(path));
}

struct Storage : ::testing::Test {
    TempDir dir;
    std::string path = dir.file("school.db");
    ManualClock clock{unixMillisAt(*Date::parse("2026-11-20"))};
    Database db = Database::open(path);
    RecordStore store{db, clock};
    Outbox outbox{db, clock};
};
}  // namespace

TEST_F(Storage, GIVEN_a_new_record_WHEN_saved_THEN_its_json_is_stored_once_and_history_and_the_batch_still_show_it)
{
    const auto rec = addHomework(store, 1).front();
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM audit WHERE after IS NULL AND action = 'create'"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE payload = ''"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM records"), 1);

    const auto history = store.history(rec.meta.id);
    ASSERT_EQ(history.size(), 1u);
    ASSERT_TRUE(history[0].after);
    EXPECT_EQ(history[0].after->dump(), recordToJson(rec).dump());

    const auto b = outbox.freezeNext({}, testEncoder());
    ASSERT_TRUE(b);
    const auto lines = batchLines(*b);
    ASSERT_EQ(lines.size(), 2u);
    Json sent = lines[1];
    sent.erase("seq");
    EXPECT_EQ(sent.dump(), recordToJson(rec).dump());
}

TEST_F(Storage, GIVEN_an_unsent_version_WHEN_the_record_is_edited_and_deleted_before_sync_THEN_every_version_is_sent_as_saved)
{
    const auto v1 = addHomework(store, 1).front();
    Json body = v1.body;
    body["minutes"] = 45;
    const auto v2 = store.update(v1.meta.id, body, 1, {"teacher-2", "device-1", "改时长"});
    const auto v3 = store.remove(v1.meta.id, 2, {"teacher-2", "device-1", "录错"});

    const auto b = outbox.freezeNext({}, testEncoder());
    ASSERT_TRUE(b);
    const auto lines = batchLines(*b);
    ASSERT_EQ(lines.size(), 4u);
    const Record* expected[] = {&v1, &v2, &v3};
    for (std::size_t i = 0; i < 3; ++i) {
        Json sent = lines[i + 1];
        sent.erase("seq");
        EXPECT_EQ(sent, recordToJson(*expected[i])) << "version " << i + 1;
    }
    // History keeps every version too; the creation's content comes from the next change's "before".
    const auto history = store.history(v1.meta.id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(*history[0].after, recordToJson(v1));
    EXPECT_EQ(*history[1].after, recordToJson(v2));
}

TEST_F(Storage, GIVEN_an_unsent_version_WHEN_a_later_version_arrives_from_elsewhere_skipping_numbers_THEN_the_unsent_one_is_sent_as_saved)
{
    // What a pull of the county's version 3 does: the record and an audit row (before = what this
    // computer had), no outbox row. The local version 1 is still waiting to be sent.
    const auto v1 = addHomework(store, 1).front();
    Json body = v1.body;
    body["minutes"] = 50;
    db.exec("INSERT INTO actors(name) VALUES('other-computer'), ('u')");
    auto rec = db.prepare("UPDATE records SET version = 3, body = ?, device = (SELECT n FROM actors WHERE name = "
                          "'other-computer') WHERE id = ?");
    rec.bind(1, body.dump()).bind(2, v1.meta.id).run();
    auto audit = db.prepare("INSERT INTO audit(rec, kind, version, action, at, author, device, before, after) "
                            "VALUES((SELECT rec FROM records WHERE id = ?), 'homework', 3, 'update', 1795251600000, "
                            "(SELECT n FROM actors WHERE name = 'u'), (SELECT n FROM actors WHERE name = "
                            "'other-computer'), ?, NULL)");
    audit.bind(1, v1.meta.id).bind(2, recordToJson(v1).dump()).run();

    const auto b = outbox.freezeNext({}, testEncoder());
    ASSERT_TRUE(b);
    Json sent = batchLines(*b).at(1);
    sent.erase("seq");
    EXPECT_EQ(sent, recordToJson(v1));
}

TEST_F(Storage, GIVEN_a_batch_with_a_refused_record_WHEN_acknowledged_THEN_its_rows_and_bytes_are_pruned_and_the_counts_kept)
{
    const auto recs = addHomework(store, 5);
    const auto b = *outbox.freezeNext({}, testEncoder());
    EXPECT_GT(scalar(db, "SELECT length(body) FROM sync_batches"), 0);
    Ack ack = ackAll(b);
    ack.counts.created = 4;
    ack.counts.rejected = 1;
    ack.exceptions.push_back({3, recs[2].meta.id, "rejected", "invalid_body", "不对"});
    const auto dead = outbox.applyAck(b, ack);

    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox"), 0);
    EXPECT_EQ(scalar(db, "SELECT length(body) FROM sync_batches"), 0);
    ASSERT_EQ(dead.size(), 1u);
    EXPECT_EQ(Json::parse(outbox.deadLetters().front().payload), recordToJson(recs[2]));
    const auto st = outbox.status();
    EXPECT_EQ(st.acknowledged, 5);
    EXPECT_EQ(st.maxAckedSeq, 5);
    EXPECT_EQ(st.maxBatchedSeq, 5);
    EXPECT_EQ(st.maxSeq, 5);
    EXPECT_EQ(st.unsent(), 0);

    // The refused record is resent as it is now, and a later save continues the sequence.
    EXPECT_EQ(outbox.resend(dead.front().id), 6);
    const auto again = *outbox.freezeNext({}, testEncoder());
    Json sent = batchLines(again)[1];
    sent.erase("seq");
    EXPECT_EQ(sent, recordToJson(recs[2]));
}

TEST_F(Storage, GIVEN_thousands_of_records_WHEN_all_are_acknowledged_THEN_the_file_gets_smaller)
{
    EXPECT_EQ(db.autoVacuumMode(), 2);
    addHomework(store, 3000);
    const auto before = fileBytes(db, path);
    BatchLimits limits;
    limits.maxRecords = 1000;
    while (auto b = outbox.freezeNext(limits, testEncoder())) outbox.applyAck(*b, ackAll(*b));
    const auto after = fileBytes(db, path);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox"), 0);
    EXPECT_LT(after, before) << "before " << before << ", after " << after;
    EXPECT_LT(scalar(db, "PRAGMA freelist_count"), 64);
}

// ---- A ledger written by the previous schema -------------------------------------------------

namespace {
// What RecordStore and Outbox of main at commit 618c83d wrote: the record, an audit row whose
// "after" is the whole record, an outbox row whose payload is the whole record again, and on
// ack the rows were only marked.
struct OldLedger {
    Database& db;
    std::int64_t write(const Record& r, const std::optional<Record>& before, const std::string& action)
    {
        const std::string text = recordToJson(r).dump();
        auto rec = db.prepare(
            "INSERT INTO records(id, kind, version, created_at, updated_at, author, device, deleted, day, class_id, "
            "teacher_id, body) VALUES(?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET version = excluded.version, "
            "updated_at = excluded.updated_at, deleted = excluded.deleted, body = excluded.body");
        rec.bind(1, r.meta.id).bind(2, kindName(r.kind)).bind(3, r.meta.version).bind(4, r.meta.createdAt)
            .bind(5, r.meta.updatedAt).bind(6, r.meta.author).bind(7, r.meta.device).bind(8, r.meta.deleted ? 1 : 0)
            .bind(9, r.date()->toString()).bind(10, r.classId()).bind(11, r.teacherId()).bind(12, r.body.dump()).run();
        auto audit = db.prepare("INSERT INTO audit(record_id, kind, version, action, at, author, device, before, after, "
                                "reason) VALUES(?,?,?,?,?,?,?,?,?,'')");
        audit.bind(1, r.meta.id).bind(2, kindName(r.kind)).bind(3, r.meta.version).bind(4, action)
            .bind(5, r.meta.updatedAt).bind(6, r.meta.author).bind(7, r.meta.device)
            .bind(8, before ? std::optional<std::string>(recordToJson(*before).dump()) : std::nullopt)
            .bind(9, text).run();
        auto out = db.prepare("INSERT INTO outbox(record_id, kind, version, payload, created_at) VALUES(?,?,?,?,?)");
        out.bind(1, r.meta.id).bind(2, kindName(r.kind)).bind(3, r.meta.version).bind(4, text)
            .bind(5, r.meta.updatedAt).run();
        return db.lastInsertRowId();
    }
    void batch(const std::string& id, std::int64_t first, std::int64_t last, const std::string& state)
    {
        auto b = db.prepare("INSERT INTO sync_batches(batch_id, first_seq, last_seq, count, body, raw_bytes, state, "
                            "created_at) VALUES(?,?,?,?,?,10,?,'2026-11-20T00:00:00.000Z')");
        const std::string bytes(200, 'z');
        b.bind(1, id).bind(2, first).bind(3, last).bind(4, last - first + 1).bindBlob(5, bytes.data(), bytes.size())
            .bind(6, state).run();
        auto mark = db.prepare("UPDATE outbox SET batch_id = ? WHERE seq BETWEEN ? AND ?");
        mark.bind(1, id).bind(2, first).bind(3, last).run();
        if (state == "acked") {
            auto ack = db.prepare("UPDATE outbox SET ack_status = 'accepted', acked_at = '2026-11-20T00:00:01.000Z' "
                                  "WHERE batch_id = ?");
            ack.bind(1, id).run();
        }
    }
};

Record homework(int i, std::int64_t version = 1)
{
    Record r;
    r.kind = Kind::Homework;
    r.body = homeworkBody(i);
    r.meta = RecordMeta{"0190a3b4-0000-7000-8000-0000000001" + std::to_string(10 + i), version,
                        "2026-11-20T08:00:00.000Z", "2026-11-20T08:0" + std::to_string(version) + ":00.000Z",
                        "teacher-1", "device-1", false};
    return r;
}
}  // namespace

TEST(StorageMigration, GIVEN_a_ledger_of_the_previous_schema_with_acked_pending_and_unsent_rows_WHEN_opened_THEN_it_is_converted_and_sync_continues_unchanged)
{
    TempDir dir;
    const std::string path = dir.file("old.db");
    std::vector<Record> v1;
    Record edited;
    {
        OpenOptions old;
        old.migrateTo = 2;
        Database db = Database::open(path, old);
        ASSERT_EQ(db.userVersion(), 2);
        ASSERT_EQ(db.autoVacuumMode(), 0);
        OldLedger w{db};
        auto tx = db.beginWrite();
        for (int i = 0; i < 8; ++i) {
            v1.push_back(homework(i));
            w.write(v1.back(), std::nullopt, "create");  // seq 1..8
        }
        w.batch("batch-acked", 1, 4, "acked");
        w.batch("batch-pending", 5, 6, "pending");
        // Record 7 (seq 7, unsent) is edited before sync: seq 9 holds version 2.
        edited = homework(7, 2);
        edited.body["minutes"] = 33;
        w.write(edited, v1[7], "update");
        tx.commit();
    }

    Database db = Database::open(path);
    EXPECT_EQ(db.userVersion(), static_cast<int>(clientMigrations().back().version));
    EXPECT_EQ(db.autoVacuumMode(), 2);
    EXPECT_TRUE(std::filesystem::exists(path + ".v2.bak"));
    // Acknowledged rows and bytes are gone; the pending batch keeps its bytes for its retry.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE batch_id = 'batch-acked'"), 0);
    EXPECT_EQ(scalar(db, "SELECT length(body) FROM sync_batches WHERE batch_id = 'batch-acked'"), 0);
    EXPECT_EQ(scalar(db, "SELECT length(body) FROM sync_batches WHERE batch_id = 'batch-pending'"), 200);
    // Unsent rows refer to their record; seq 7 (version 1 of an edited record) keeps its text.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE payload = ''"), 4);  // 5, 6, 8, 9
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE payload <> ''"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM audit WHERE action = 'create' AND after IS NOT NULL"), 0);

    ManualClock clock{unixMillisAt(*Date::parse("2026-11-21"))};
    RecordStore store(db, clock);
    EXPECT_EQ(*store.history(v1[0].meta.id).front().after, recordToJson(v1[0]));
    EXPECT_EQ(*store.history(v1[7].meta.id).front().after, recordToJson(v1[7]));
    Outbox outbox(db, clock);
    const auto st = outbox.status();
    EXPECT_EQ(st.acknowledged, 4);
    EXPECT_EQ(st.maxAckedSeq, 4);
    EXPECT_EQ(st.maxBatchedSeq, 6);
    EXPECT_EQ(st.unsent(), 5);

    // The pending batch comes back as it was; after its ack, the rest goes out as saved.
    const auto pending = *outbox.freezeNext({}, testEncoder());
    EXPECT_EQ(pending.batchId, "batch-pending");
    EXPECT_EQ(pending.body, std::string(200, 'z'));
    outbox.applyAck(pending, ackAll(pending));
    const auto rest = *outbox.freezeNext({}, testEncoder());
    const auto lines = batchLines(rest);
    ASSERT_EQ(lines.size(), 4u);
    const Record* expected[] = {&v1[6], &v1[7], &edited};
    for (std::size_t i = 0; i < 3; ++i) {
        Json sent = lines[i + 1];
        EXPECT_EQ(sent["seq"], static_cast<int>(i) + 7);
        sent.erase("seq");
        EXPECT_EQ(sent, recordToJson(*expected[i])) << "seq " << i + 7;
    }
    outbox.applyAck(rest, ackAll(rest));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox"), 0);
    EXPECT_EQ(outbox.status().acknowledged, 9);
    EXPECT_EQ(outbox.status().maxSeq, 9);
}
