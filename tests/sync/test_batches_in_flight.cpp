// Batches in flight (issue 15, docs/sync-protocol.md "Batches in flight"): which batches may travel
// together (only creations, never past a batch waiting for its retry), and that a real pass over a
// shaped link really has several on their way at once and still delivers each record once.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "outbox.h"
#include "record_store.h"
#include "sync_client_fixture.h"
#include "sync_test_util.h"
#include "temp_dir.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct Alongside : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(*Date::parse("2026-11-20"))};
    Database db = Database::open(dir.file("school.db"));
    RecordStore store{db, clock};
    Outbox outbox{db, clock};
    std::int64_t scalar(const std::string& sql)
    {
        auto s = db.prepare(sql);
        s.step();
        return s.int64(0);
    }
    BatchLimits limits = [] {
        BatchLimits l;
        l.maxRecords = 10;
        return l;
    }();
};
}  // namespace

TEST_F(Alongside, GIVEN_new_records_and_a_batch_of_creations_in_flight_WHEN_another_is_asked_for_THEN_the_next_rows_go)
{
    addHomework(store, 25);
    const auto first = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(first);
    const auto second = outbox.freezeAlongside(limits, testEncoder());
    ASSERT_TRUE(second);
    EXPECT_EQ(second->firstSeq, 11);
    EXPECT_EQ(second->lastSeq, 20);
    const auto third = outbox.freezeAlongside(limits, testEncoder());
    ASSERT_TRUE(third);
    EXPECT_EQ(third->count, 5);
    EXPECT_FALSE(outbox.freezeAlongside(limits, testEncoder()));
}

TEST_F(Alongside, GIVEN_an_edit_among_the_next_rows_WHEN_another_batch_is_asked_for_THEN_it_stops_before_the_edit)
{
    const auto made = addHomework(store, 15);
    const auto first = outbox.freezeNext(limits, testEncoder());  // seq 1-10
    ASSERT_TRUE(first);
    // seq 16: an edit of record 12, whose creation (seq 12) is not yet sent.
    store.update(made[12].meta.id, homeworkBody(12), 1, {"teacher-1", "device-1", ""});
    addHomework(store, 3);  // seq 17-19, creations after the edit
    const auto second = outbox.freezeAlongside(limits, testEncoder());
    ASSERT_TRUE(second);
    EXPECT_EQ(second->firstSeq, 11);
    EXPECT_EQ(second->lastSeq, 15);  // the edit and everything after it wait for a batch alone
    EXPECT_FALSE(outbox.freezeAlongside(limits, testEncoder()));
}

TEST_F(Alongside, GIVEN_a_batch_in_flight_that_edits_or_deletes_WHEN_another_is_asked_for_THEN_none_goes_with_it)
{
    const auto made = addHomework(store, 2);
    const auto sent = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(sent);
    outbox.applyAck(*sent, ackAll(*sent));
    store.remove(made[0].meta.id, 1, {"teacher-1", "device-1", ""});
    addHomework(store, 5);
    const auto deleting = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(deleting);
    // The deletion and the creations behind it share one batch; nothing may overtake it.
    EXPECT_FALSE(outbox.freezeAlongside(limits, testEncoder()));
}

TEST_F(Alongside, GIVEN_nothing_pending_WHEN_a_batch_alongside_is_asked_for_THEN_none_freezeNext_is_for_that)
{
    addHomework(store, 5);
    EXPECT_FALSE(outbox.freezeAlongside(limits, testEncoder()));
    EXPECT_EQ(scalar("SELECT count(*) FROM sync_batches"), 0);
}

TEST_F(Alongside, GIVEN_a_batch_of_creations_waiting_for_its_retry_WHEN_asked_THEN_new_records_go_and_it_goes_again_once_due)
{
    addHomework(store, 30);
    const auto first = outbox.freezeNext(limits, testEncoder());
    const auto second = outbox.freezeAlongside(limits, testEncoder());
    ASSERT_TRUE(first && second);
    outbox.recordFailure(first->batchId, "connection dropped", clock.nowUnixMillis() + 2000);
    // Only the line failed: the second is still on its way, new records may go beside it.
    const auto third = outbox.freezeAlongside(limits, testEncoder());
    ASSERT_TRUE(third);
    EXPECT_EQ(third->firstSeq, 21);
    EXPECT_FALSE(outbox.dueRetryAlongside({second->batchId, third->batchId}, clock.nowUnixMillis()));
    clock.advanceMillis(2000);
    const auto again = outbox.dueRetryAlongside({second->batchId, third->batchId}, clock.nowUnixMillis());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->batchId, first->batchId);
    EXPECT_EQ(again->body, first->body);  // the same bytes under the same key
    EXPECT_FALSE(outbox.dueRetryAlongside({first->batchId, second->batchId, third->batchId}, clock.nowUnixMillis()));
}

TEST_F(Alongside, GIVEN_a_waiting_batch_that_edits_WHEN_asked_THEN_nothing_goes_beside_it)
{
    const auto made = addHomework(store, 3);
    const auto sent = outbox.freezeNext(limits, testEncoder());
    outbox.applyAck(*sent, ackAll(*sent));
    Json body = homeworkBody(0);
    body["minutes"] = 45;
    store.update(made[0].meta.id, body, 1, {"teacher-1", "device-1", ""});
    const auto editing = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(editing);
    outbox.recordFailure(editing->batchId, "connection dropped", clock.nowUnixMillis());
    addHomework(store, 5);
    EXPECT_FALSE(outbox.freezeAlongside(limits, testEncoder()));
    EXPECT_FALSE(outbox.dueRetryAlongside({}, clock.nowUnixMillis()));
}

TEST_F(SyncFixture, GIVEN_many_new_records_on_a_slow_line_WHEN_synced_THEN_batches_travel_together_and_each_arrives_once)
{
    startCounty({"--max-batch-records", "50", "--rate-limit", "100000"});
    enrollOk();
    addHomework(store, 400);
    FaultProxy proxy(county.port(), {"--delay-ms", "20", "--bandwidth-bps", "200000"});
    pointAt(proxy.url());
    const auto r = syncOnce(30'000, SystemClock::instance(), 4);
    EXPECT_EQ(r.outcome, sync::SyncOutcome::AllSent) << r.message;
    // 400 waiting > a full first wave (4 x 50): the first batches grow, 12, 25, 37, then 50s.
    EXPECT_EQ(r.batchesSent, 10);
    const std::vector<std::int64_t> firstWave{12, 25, 37, 50};
    for (std::size_t i = 0; i < firstWave.size(); ++i)
        EXPECT_EQ(county.count("SELECT count FROM batches ORDER BY first_seq LIMIT 1 OFFSET " + std::to_string(i)),
                  firstWave[i]) << i;
    const auto stats = Json::parse(proxy.command("stats"));
    EXPECT_GE(stats["max_open"].get<int>(), 3) << stats.dump();
    expectConverged();
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), county.count("SELECT count(DISTINCT id) FROM records"));
}

TEST_F(SyncFixture, GIVEN_one_batch_in_flight_asked_for_WHEN_synced_THEN_the_requests_go_one_at_a_time)
{
    startCounty({"--max-batch-records", "50", "--rate-limit", "100000"});
    enrollOk();
    addHomework(store, 200);
    FaultProxy proxy(county.port(), {"--delay-ms", "20", "--bandwidth-bps", "200000"});
    pointAt(proxy.url());
    EXPECT_EQ(syncOnce(30'000, SystemClock::instance(), 1).outcome, sync::SyncOutcome::AllSent);
    EXPECT_EQ(Json::parse(proxy.command("stats"))["max_open"].get<int>(), 1);
    expectConverged();
}

TEST_F(SyncFixture, GIVEN_creations_edits_and_deletions_WHEN_synced_in_flight_over_a_dropping_line_THEN_the_county_holds_the_last_versions)
{
    startCounty({"--max-batch-records", "20", "--rate-limit", "100000"});
    enrollOk();
    const auto made = addHomework(store, 120);
    for (std::size_t i = 0; i < made.size(); i += 7) {  // edits: a longer evening, same class-day
        Json body = homeworkBody(static_cast<int>(i));
        body["minutes"] = 45;
        store.update(made[i].meta.id, body, 1, {"t", "d", ""});
    }
    for (std::size_t i = 3; i < made.size(); i += 11) {
        const auto current = store.find(made[i].meta.id);
        store.remove(current->meta.id, current->meta.version, {"t", "d", ""});
    }
    addHomework(store, 100);
    FaultProxy proxy(county.port(),
                     {"--delay-ms", "10", "--bandwidth-bps", "400000", "--drop-rate", "0.2", "--seed", "15"});
    pointAt(proxy.url());
    sync::SyncReport r;
    for (int pass = 0; pass < 40; ++pass) {
        r = syncOnce(2'000, SystemClock::instance(), 4);
        if (r.outcome == sync::SyncOutcome::AllSent) break;
    }
    EXPECT_EQ(r.outcome, sync::SyncOutcome::AllSent) << r.message;
    const auto stats = Json::parse(proxy.command("stats"));
    EXPECT_GT(stats.value("linkdrop", 0), 0) << stats.dump();
    EXPECT_GE(stats["max_open"].get<int>(), 2) << stats.dump();
    expectConverged();
}

// A county that checks sequences itself (capabilities "sequence_check") refuses a batch numbered
// like changes it holds, so the records need not wait for GET /v1/state (one round trip).
TEST_F(SyncFixture, GIVEN_a_county_that_checks_sequences_WHEN_records_wait_THEN_the_first_request_is_a_batch_and_no_state_is_read)
{
    startCounty({"--max-batch-records", "50", "--rate-limit", "100000"});
    enrollOk();
    ASSERT_TRUE(loadSyncState(db).countyChecksSequences);  // learnt at enrollment
    addHomework(store, 120);
    FaultProxy proxy(county.port(), {"--delay-ms", "5"});
    pointAt(proxy.url());
    const auto r = syncOnce(30'000, SystemClock::instance(), 4);
    EXPECT_EQ(r.outcome, sync::SyncOutcome::AllSent) << r.message;
    const auto first = Json::parse(proxy.command("stats"))["first_requests"];
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first[0], "/v1/batches") << first.dump();
    for (const auto& path : first) EXPECT_NE(path, "/v1/state") << first.dump();
    expectConverged();
    // With nothing to send, the pass reads the state as before (a restored disk with nothing new
    // is still told).
    FaultProxy idle(county.port(), {"--delay-ms", "5"});
    pointAt(idle.url());
    EXPECT_EQ(syncOnce(30'000, SystemClock::instance(), 4).outcome, sync::SyncOutcome::AllSent);
    const auto later = Json::parse(idle.command("stats"))["first_requests"];
    EXPECT_NE(std::find(later.begin(), later.end(), Json("/v1/state")), later.end()) << later.dump();
}

TEST_F(SyncFixture, GIVEN_a_disk_restored_from_an_old_copy_and_many_new_records_WHEN_synced_in_flight_THEN_refused_batches_are_renumbered_and_no_sequence_is_reused)
{
    startCounty({"--max-batch-records", "50", "--rate-limit", "100000"});
    enrollOk();
    addHomework(store, 100);
    ASSERT_EQ(syncOnce(30'000, SystemClock::instance(), 4).outcome, sync::SyncOutcome::AllSent);
    const std::string copy = dir.file("restore-card.db");
    db.exec("VACUUM INTO '" + copy + "'");
    addHomework(store, 300);
    const auto lost = syncOnce(30'000, SystemClock::instance(), 4);  // seq 101..400
    ASSERT_EQ(lost.outcome, sync::SyncOutcome::AllSent);
    // The 还原卡 puts the copy back: the next 300 changes are numbered 101..400 again.
    db = Database::open(dir.file("unused.db"));
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(dbPath + ext);
    std::filesystem::copy_file(copy, dbPath);
    db = Database::open(dbPath);
    RecordStore restored(db, SystemClock::instance());
    addHomework(restored, 300);
    FaultProxy proxy(county.port(), {"--delay-ms", "20", "--bandwidth-bps", "200000"});
    pointAt(proxy.url());
    const auto r = syncOnce(30'000, SystemClock::instance(), 4);
    EXPECT_EQ(r.outcome, sync::SyncOutcome::AllSent) << r.message;
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_NE(r.warnings[0].find("restored"), std::string::npos) << r.warnings[0];
    EXPECT_FALSE(loadSyncState(db).restoreWarning.empty());
    EXPECT_GE(Json::parse(proxy.command("stats"))["max_open"].get<int>(), 2);
    // Every record once, and no two batches of the device share a sequence.
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), 700);
    EXPECT_EQ(county.count("SELECT count(DISTINCT id) FROM records"), 700);
    EXPECT_EQ(county.count("SELECT count(*) FROM batches a JOIN batches b ON a.device_id = b.device_id AND "
                           "a.batch_id < b.batch_id AND a.first_seq <= b.last_seq AND b.first_seq <= a.last_seq"),
              0);
    // 101..400 are the lost future's batches only; the restored changes went above 400.
    EXPECT_EQ(county.count("SELECT count(*) FROM batches WHERE first_seq BETWEEN 101 AND 400"), lost.batchesSent);
    EXPECT_EQ(county.count("SELECT count(*) FROM batches WHERE first_seq > 400"), r.batchesSent);
    EXPECT_GT(r.batchesSent, 0);
    EXPECT_EQ(Outbox(db, SystemClock::instance()).status().unsent(), 0);
    EXPECT_EQ(syncOnce(30'000, SystemClock::instance(), 4).batchesSent, 0);
}
