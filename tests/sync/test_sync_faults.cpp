// Faults between client and county: random network and HTTP faults from the proxy, kill -9 of
// the syncing process, a county killed in the middle of a batch. After all of it the county
// holds exactly the client's records.
#include <gtest/gtest.h>

#include <signal.h>

#include <iostream>
#include <random>
#include <thread>

#include "sync_client_fixture.h"
#include "wait_until.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {
// Homework whose content does not compress, so a batch takes a while on a slow link.
std::vector<Record> addBulky(RecordStore& store, int n, std::mt19937& rng)
{
    std::vector<NewRecord> rows;
    for (int i = 0; i < n; ++i) {
        auto body = homeworkBody(i);
        std::string content;
        for (int k = 0; k < 60; ++k) content += "0123456789abcdef"[rng() % 16];
        body["content"] = content;
        rows.push_back({Kind::Homework, body});
    }
    return store.createMany(rows, {"t", "d", ""});
}
}  // namespace

TEST_F(SyncFixture, GIVEN_random_network_and_http_faults_WHEN_syncing_with_new_data_between_passes_THEN_the_county_converges)
{
    // The faults (429 and 503 included) come from the proxy. The county's own per-device rate
    // limit is not what this test is about: 300 passes in a tight loop with batches in flight
    // would spend it, and its Retry-After then outlasts the last pass's 5 s budget.
    startCounty({"--max-batch-records", "10", "--rate-limit", "100000"});
    enrollOk();
    FaultProxy proxy(county.port(), {"--seed", "7"});
    pointAt(proxy.url());
    proxy.command("random 0.45 7");
    std::mt19937 rng(7);
    addHomework(store, 150);
    int partial = 0;
    for (int pass = 0; pass < 300; ++pass) {
        if (pass < 20 && rng() % 3 == 0) addHomework(store, 1 + static_cast<int>(rng() % 15));
        const auto r = syncOnce(300);
        ASSERT_NE(r.outcome, SyncOutcome::AuthProblem) << r.message;
        if (r.outcome == SyncOutcome::Partial) ++partial;
        if (r.outcome == SyncOutcome::AllSent && pass >= 20) break;
    }
    const auto stats = Json::parse(proxy.command("stats"));
    std::cout << "[ faults   ] injected by the proxy: " << stats.dump() << std::endl;
    EXPECT_GT(stats.value("drop", 0) + stats.value("reset_req", 0) + stats.value("lost_ack", 0) +
                  stats.value("truncate", 0),
              10)
        << stats.dump();
    EXPECT_GT(stats.value("http:503:1", 0) + stats.value("http:429:1", 0) + stats.value("http:500", 0), 3);
    EXPECT_GT(partial, 0);
    proxy.command("reset");
    EXPECT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    expectConverged();
    EXPECT_EQ(county.count("SELECT count(*) FROM batches"),
              county.count("SELECT count(DISTINCT batch_id) FROM batches"));
}

TEST_F(SyncFixture, GIVEN_429_and_503_with_retry_after_WHEN_syncing_THEN_the_client_waits_what_the_county_asked)
{
    startCounty();
    enrollOk();
    addHomework(store, 3);
    FaultProxy proxy(county.port());
    pointAt(proxy.url());
    proxy.command("plan http:429:3,http:503:2");  // the batch twice (no state read first: the county checks sequences)
    const auto r = syncOnce(10'000);
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.attempts, 3);
    ASSERT_EQ(sleeper.requested.size(), 2u);
    EXPECT_EQ(sleeper.requested[0], 3000);
    EXPECT_EQ(sleeper.requested[1], 2000);
    expectConverged();
}

TEST_F(SyncFixture, GIVEN_the_syncing_process_is_killed_at_random_moments_55_times_WHEN_finally_run_THEN_every_record_arrives_once)
{
    startCounty({"--max-batch-records", "4", "--rate-limit", "100000"});
    enrollOk();
    addHomework(store, 400);
    std::mt19937 rng(20261122);
    int killedWhileRunning = 0;
    for (int i = 0; i < 55; ++i) {
        // The kill lands after a random amount of progress (0 to 2 more batches stored by the
        // county), not after a random time: the same points are reached however loaded the machine.
        const std::int64_t target = county.count("SELECT count(*) FROM batches") + static_cast<std::int64_t>(rng() % 3);
        auto worker = ChildProcess::start({binPath("sync_worker"), dbPath}, dir.file("worker.log"));
        if (i % 4 == 0) addHomework(store, 1 + static_cast<int>(rng() % 6));  // new data while it syncs
        ASSERT_TRUE(waitUntil([&] { return county.count("SELECT count(*) FROM batches") >= target || !worker.running(); }))
            << "kill " << i << ": the worker made no progress";
        if (worker.running()) ++killedWhileRunning;
        worker.signal(SIGKILL);
        worker.wait();
    }
    EXPECT_GT(killedWhileRunning, 45);
    auto last = ChildProcess::start({binPath("sync_worker"), dbPath}, dir.file("worker.log"));
    EXPECT_EQ(last.wait(), 0);
    db = Database::open(dbPath);
    expectConverged();
    // No record was stored twice and no frozen batch changed its bytes (no 422 ever happened).
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), county.count("SELECT count(DISTINCT id) FROM records"));
    auto s = db.prepare("SELECT count(*) FROM sync_batches WHERE state = 'superseded'");
    s.step();
    EXPECT_EQ(s.int64(0), 0);
}

TEST_F(SyncFixture, GIVEN_the_county_is_killed_in_the_middle_of_a_batch_WHEN_it_restarts_THEN_the_client_converges)
{
    startCounty({"--max-batch-records", "1000"});
    enrollOk();
    std::mt19937 rng(3);
    addBulky(store, 1000, rng);  // about 2 s of upload at 25 kB/s: the kill lands mid-transfer
    FaultProxy proxy(county.port(), {"--bandwidth-bps", "25000"});
    pointAt(proxy.url());
    sync::SyncReport report;
    std::thread syncing([&] {
        Database own = Database::open(dbPath);
        sync::TransportOptions o;
        o.proxy = "none";
        sync::CurlTransport t(o);
        sync::SodiumRandom r;
        ScaledSleeper s(0.05);
        sync::SyncEngine engine(own, t, SystemClock::instance(), r, s, keyFile());
        engine.setRetryPolicy(fastRetries());
        sync::SyncOptions opts;
        opts.maxWaitMillis = 30'000;
        report = engine.runOnce(opts);
    });
    // The upload is under way once the proxy forwards more than any request head: the batch, which
    // the shaped link takes about 2 s to deliver, so the kill lands mid-transfer.
    const bool uploading = waitUntil([&] { return Json::parse(proxy.command("stats"))["bytes_up"].get<int>() > 8000; });
    county.kill9();
    ASSERT_TRUE(uploading) << proxy.command("stats");
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), 0);  // nothing half-written
    county.start({"--max-batch-records", "1000"});
    proxy.command("upstream " + std::to_string(county.port()));
    proxy.command("shape 0 0 0");
    syncing.join();
    EXPECT_EQ(report.outcome, SyncOutcome::AllSent) << report.message;
    EXPECT_GE(report.attempts, 2);
    expectConverged();
}

namespace {
class TopOfRange final : public sync::RandomSource {
public:
    double uniform01() override { return 0.9999999; }
};
}  // namespace

TEST_F(SyncFixture, GIVEN_repeated_server_errors_WHEN_retrying_THEN_backoff_doubles_from_2s_and_resets_after_a_success)
{
    startCounty({"--max-batch-records", "5"});
    enrollOk();
    addHomework(store, 10);  // two batches
    FaultProxy proxy(county.port());
    pointAt(proxy.url());
    // Batch 1 fails three times then passes, batch 2 fails once then passes (no state read
    // first: the county checks sequences).
    proxy.command("plan http:500,http:500,http:500,pass,http:502,pass");
    sync::TransportOptions o;
    o.proxy = "none";
    sync::CurlTransport t(o);
    TopOfRange top;
    ScaledSleeper instant(0.0);
    sync::SyncEngine engine(db, t, SystemClock::instance(), top, instant, keyFile());  // the real 2 s / 10 min policy
    sync::SyncOptions opts;
    opts.maxWaitMillis = 60'000;
    const auto r = engine.runOnce(opts);
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.attempts, 6);
    EXPECT_EQ(instant.requested, (std::vector<std::int64_t>{2000, 4000, 8000, 2000}));
    expectConverged();
}
