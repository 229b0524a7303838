// Sync throughput and bytes on the wire, against the real county server on loopback:
//   1. N records (default 100k) in batches (the advertised 1000 per batch): records/s, bytes/record
//   2. the same records one request per record (the ODK way) on a subset, extrapolated
//   3. 10k records through the fault proxy shaped to 1 Mbit/s (one link shared by all connections),
//      +300 ms per request, 2 % dropped connections, with the real retry policy, one batch at a time
//      and with batches in flight: time vs wire bytes / bandwidth, exactly once
//   4. (--pull-runs K) the whole pass on that line, push then pull of the school's feed (its own
//      records come back) and config: pages of 1 000 (what counties before max_changes_limit
//      allow) against the client's default, same run
// Usage: sync_bench [--records N] [--single M] [--shaped N] [--shaped-runs K] [--shaped-batch B] [--in-flight F]
//                   [--skip-shaped] [--pull-runs K]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "county_fixture.h"
#include "batch_codec.h"
#include "county_client.h"
#include "curl_transport.h"
#include "enrollment.h"
#include "outbox.h"
#include "record_store.h"
#include "sleeper.h"
#include "sync_engine.h"
#include "sync_state.h"
#include "temp_dir.h"
#include "token_vault.h"
#include "uuid.h"

using namespace taizhang;
using namespace taizhang::testing;
using Clock_ = std::chrono::steady_clock;

namespace {
const char* kContents[] = {"口算练习第一组", "背诵课文第三段", "练习册第12页", "英语单词听写准备", "阅读《西游记》第五回",
                           "数学思维训练", "生字抄写两遍", "科学观察记录", "预习下一课", "完成实验报告"};
const char* kSubjects[] = {"chinese", "math", "foreign_language", "science", "moral", "history", "geography"};

// A school's homework as teachers type it: 30 classes, 40 teachers, a term of school days.
void fillSchool(Database& db, int n)
{
    RecordStore store(db, SystemClock::instance());
    std::mt19937 rng(42);
    std::vector<std::string> classes, teachers;
    for (int i = 0; i < 30; ++i) classes.push_back(newUuidV7(1'760'000'000'000 + i));
    for (int i = 0; i < 40; ++i) teachers.push_back(newUuidV7(1'760'000'100'000 + i));
    const Date start = *Date::parse("2026-09-01");
    int made = 0;
    while (made < n) {
        std::vector<NewRecord> chunk;
        for (int i = 0; i < 5000 && made < n; ++i, ++made) {
            Homework h;
            h.classId = classes[static_cast<std::size_t>(made) % classes.size()];
            h.date = start.addDays(made / 210);
            h.subject = kSubjects[(made / 30) % 7];
            h.minutes = 10 + static_cast<int>(rng() % 7) * 5;
            h.written = rng() % 4 != 0;
            h.content = kContents[rng() % 10];
            h.teacherId = teachers[rng() % teachers.size()];
            chunk.push_back({Kind::Homework, Json(h)});
        }
        store.createMany(chunk, {"0193b0f3-0000-7000-8000-0000000000a1", "0193b0f3-0000-7000-8000-0000000000d1", ""});
    }
}

struct Setup {
    TempDir dir;
    CountyServer county{dir};
    std::string dbPath = dir.file("school.db");
};

void startAndEnroll(Setup& s, Database& db, const std::vector<std::string>& serveArgs)
{
    s.county.addSchool(kSchool, "示范小学");
    s.county.start(serveArgs);
    sync::CurlTransport t;
    const auto r = sync::enrollDevice(db, t, {s.county.url(), kSchool, s.county.issueCode(kSchool), "bench", "", "", "none"},
                                      sync::TokenVault::keyFileFor(s.dbPath));
    if (!r.ok) throw std::runtime_error("enroll failed: " + r.message);
}

struct PassResult {
    sync::SyncReport report;
    double seconds = 0;
    double arrivalSeconds = 0;  // until the last batch was acknowledged
    std::int64_t bodyBytes = 0;
};

// A fresh county and a school ledger with `records` waiting, reached through a school's line:
// 1 Mbit/s each way shared by all connections, +300 ms per request (150 ms each way), 2 % drops
// (seeded by `seed`).
struct ShapedSchool {
    Setup setup;
    Database db;
    std::unique_ptr<FaultProxy> proxy;
    ShapedSchool(int records, int batchRecords, int seed) : db(Database::open(setup.dbPath))
    {
        fillSchool(db, records);
        startAndEnroll(setup, db, {"--rate-limit", "100000000", "--max-batch-records", std::to_string(batchRecords)});
        proxy = std::make_unique<FaultProxy>(setup.county.port(),
                                             std::vector<std::string>{"--delay-ms", "150", "--bandwidth-bps", "125000",
                                                                      "--drop-rate", "0.02", "--seed",
                                                                      std::to_string(seed)});
        auto s = loadSyncSettings(db);
        s.serverUrl = proxy->url();
        saveSyncSettings(db, s);
    }
};

// inFlight: batches on their way at once (1 = one at a time, the baseline); pull: the change feed
// and the config after the batches (off where only the push is measured).
PassResult runPass(Database& db, const std::string& dbPath, int inFlight, bool pull = true, int pullPage = 0)
{
    sync::TransportOptions o;
    o.proxy = "none";
    sync::CurlTransport t(o);
    sync::SodiumRandom random;
    sync::RealSleeper real;
    sync::SyncEngine engine(db, t, SystemClock::instance(), random, real, sync::TokenVault::keyFileFor(dbPath));
    engine.setTransportFactory([o] { return std::make_unique<sync::CurlTransport>(o); });
    sync::SyncOptions opts;
    opts.maxWaitMillis = 600'000;
    opts.batchesInFlight = inFlight;
    opts.pullChanges = pull;
    opts.pullConfig = pull;
    if (pullPage > 0) opts.pullPageSize = pullPage;
    PassResult r;
    const auto t0 = Clock_::now();
    const bool trace = std::getenv("SYNC_BENCH_TRACE") != nullptr;  // when each answer came back
    r.report = engine.runOnce(opts, [&](const sync::SyncProgress& p) {
        const double at = std::chrono::duration<double>(Clock_::now() - t0).count();
        if (trace) std::printf("  %.2f s %s %d batches\n", at, p.phase.c_str(), p.batchesDone);
        if (p.phase == "sending" && p.batchesDone > 0) r.arrivalSeconds = at;
    });
    r.seconds = std::chrono::duration<double>(Clock_::now() - t0).count();
    auto s = db.prepare("SELECT coalesce(sum(length(body)), 0) FROM sync_batches WHERE state = 'acked'");
    s.step();
    r.bodyBytes = s.int64(0);
    return r;
}

int argInt(int argc, char** argv, const char* name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::stoi(argv[i + 1]);
    return fallback;
}
bool argFlag(int argc, char** argv, const char* name)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return true;
    return false;
}
}  // namespace

int main(int argc, char** argv)
{
    const int n = argInt(argc, argv, "--records", 100'000);
    const int single = argInt(argc, argv, "--single", 2'000);
    const int shapedN = argInt(argc, argv, "--shaped", 10'000);
    const int shapedRuns = argInt(argc, argv, "--shaped-runs", 3);
    const int shapedBatch = argInt(argc, argv, "--shaped-batch", 1'000);  // the county's default
    const std::string unlimited = "100000000";
    const int inFlight = argInt(argc, argv, "--in-flight", sync::SyncOptions{}.batchesInFlight);

    // 1 + 2: the same client file, copied before the first sync, feeds both county servers.
    Setup batched;
    Database db = Database::open(batched.dbPath);
    const auto f0 = Clock_::now();
    fillSchool(db, n);
    std::printf("client database: %d homework records written in %.1f s\n", n,
                std::chrono::duration<double>(Clock_::now() - f0).count());
    Setup perRecord;
    db.exec("VACUUM INTO '" + perRecord.dbPath + "'");

    startAndEnroll(batched, db, {"--rate-limit", unlimited});
    const auto b = runPass(db, batched.dbPath, inFlight, false);  // the push alone, as before the pull existed
    const auto held = batched.county.count("SELECT count(*) FROM records");
    const double batchedRate = n / b.seconds;
    std::printf("batched:    %d records in %.2f s = %.0f records/s, %d batches (%d in flight), %s; county holds %lld\n",
                n, b.seconds, batchedRate, b.report.batchesSent, inFlight, sync::outcomeName(b.report.outcome), static_cast<long long>(held));
    std::printf("            gzip body %.1f bytes/record, request bytes incl. HTTP headers %.1f bytes/record\n",
                static_cast<double>(b.bodyBytes) / n, static_cast<double>(b.report.bytesSent) / n);

    // The ODK way: one HTTP request per record, keep-alive, each record gzip NDJSON on its own.
    // Only the network and the county's work are timed: the records are encoded beforehand and
    // no client bookkeeping is done, which flatters the baseline.
    Database db2 = Database::open(perRecord.dbPath);
    startAndEnroll(perRecord, db2, {"--rate-limit", unlimited});
    const auto settings = loadSyncSettings(db2);
    const std::string token = sync::TokenVault(sync::TokenVault::keyFileFor(perRecord.dbPath)).open(settings.sealedToken);
    RecordQuery q;
    q.limit = static_cast<std::size_t>(single);
    std::vector<FrozenBatch> singles;
    std::int64_t seq = 0;
    for (const auto& rec : RecordStore(db2, SystemClock::instance()).query(q)) {
        FrozenBatch fb;
        fb.batchId = newUuidV7(SystemClock::instance().nowUnixMillis());
        fb.count = 1;
        std::size_t raw = 0;
        fb.body = sync::makeBatchEncoder({settings.deviceId, settings.schoolCode})(
            fb.batchId, {OutboxRow{++seq, rec.meta.id, "homework", rec.meta.version, recordToJson(rec).dump()}}, raw);
        singles.push_back(std::move(fb));
    }
    sync::TransportOptions topts;
    topts.proxy = "none";
    sync::CurlTransport transport(topts);
    sync::CountyClient client(transport, settings.serverUrl);
    std::int64_t singleBytes = 0, accepted = 0;
    const auto s0 = Clock_::now();
    for (const auto& fb : singles) {
        const auto r = client.postBatch(token, fb, nullptr);
        singleBytes += r.bytesSent;
        if (r.ok() && r.response.status == 200) ++accepted;
    }
    const double singleSeconds = std::chrono::duration<double>(Clock_::now() - s0).count();
    const double singleRate = static_cast<double>(accepted) / singleSeconds;
    std::printf("per-record: %lld records (first %d, one request each) in %.2f s = %.0f records/s; "
                "%.1f request bytes/record; extrapolated to %d records: %.0f s\n",
                static_cast<long long>(accepted), single, singleSeconds, singleRate,
                static_cast<double>(singleBytes) / std::max<std::int64_t>(1, accepted), n, n / singleRate);
    std::printf("ratio:      batched / per-record = %.1fx\n", batchedRate / singleRate);

    if (argFlag(argc, argv, "--skip-shaped")) return 0;
    // 3: a school's line: 1 Mbit/s each way shared by all connections, +300 ms per request (150 ms
    // each way), 2 % drops. Each run sends the same 10k records twice, to two fresh counties: one
    // batch at a time (the baseline) and with batches in flight (--in-flight, default as the client: 4). Only the
    // push is timed and counted: the pull and the config come after the last acknowledgement.
    for (int run = 1; run <= shapedRuns; ++run) {
        double ratio[2] = {0, 0};
        for (const int flights : {1, inFlight}) {
            ShapedSchool school(shapedN, shapedBatch, run);
            auto& shaped = school.setup;
            const auto r = runPass(school.db, shaped.dbPath, flights, false);
            const auto stats = Json::parse(school.proxy->command("stats"));
            const double wire = stats["bytes_up"].get<double>() + stats["bytes_down"].get<double>();
            const double ideal = wire / 125000.0;
            const auto count = shaped.county.count("SELECT count(*) FROM records");
            const auto distinct = shaped.county.count("SELECT count(DISTINCT id) FROM records");
            ratio[flights == 1 ? 0 : 1] = r.arrivalSeconds / ideal;
            std::printf("shaped #%d, %d in flight: %d records arrived in %.2f s (%s), %d batches, %d requests, %lld "
                        "dropped; wire %.0f bytes through the proxy (both ways) = %.2f s at 1 Mbit/s -> arrival "
                        "took %.2fx of it (target <= 1.5x); county holds %lld (%lld distinct)\n",
                        run, flights, shapedN, r.arrivalSeconds, sync::outcomeName(r.report.outcome),
                        r.report.batchesSent, stats["requests"].get<int>(),
                        static_cast<long long>(stats.value("linkdrop", 0)), wire, ideal, r.arrivalSeconds / ideal,
                        static_cast<long long>(count), static_cast<long long>(distinct));
            if (count != shapedN || distinct != shapedN) {
                std::printf("FAILED: the county does not hold each record exactly once\n");
                return 1;
            }
        }
        std::printf("shaped #%d: %d in flight / one at a time = %.2f\n", run, inFlight, ratio[1] / ratio[0]);
    }
    const int pullRuns = argInt(argc, argv, "--pull-runs", 0);
    for (int run = 1; run <= pullRuns; ++run) {
        double whole[2] = {0, 0};
        for (const int page : {1000, sync::SyncOptions{}.pullPageSize}) {
            ShapedSchool school(shapedN, shapedBatch, run);
            const auto r = runPass(school.db, school.setup.dbPath, inFlight, true, page);
            const auto stats = Json::parse(school.proxy->command("stats"));
            whole[page == 1000 ? 0 : 1] = r.seconds;
            std::printf("whole pass #%d, pages of %d: %s in %.2f s (push arrived at %.2f s), %d requests, %lld "
                        "dropped, %.0f bytes down\n",
                        run, page, sync::outcomeName(r.report.outcome), r.seconds, r.arrivalSeconds,
                        stats["requests"].get<int>(), static_cast<long long>(stats.value("linkdrop", 0)),
                        stats["bytes_down"].get<double>());
        }
        std::printf("whole pass #%d: default pages / pages of 1000 = %.2f\n", run, whole[1] / whole[0]);
    }
    return 0;
}
