// A new computer joining a school the county holds (issue 12): the demo school (30 classes,
// core's createDemoSchool) is set up and pushed by the office computer; then a computer that was
// never set up enrolls and runs one sync pass, which pulls the whole ledger. Timed over loopback
// and through the fault proxy shaped like sync_bench's school line (1 Mbit/s each way, +300 ms
// per request, 2 % dropped connections, the real retry policy). Baselines from the same run: the
// office computer's push of the same ledger over loopback, and for the shaped link the bytes
// that crossed the proxy divided by the bandwidth.
// Usage: join_bench [--classes N] [--years Y] [--shaped-runs K]
#include <chrono>
#include <cstdio>
#include <cstring>

#include "county_fixture.h"
#include "curl_transport.h"
#include "demo_data.h"
#include "enrollment.h"
#include "ledger.h"
#include "pull_apply.h"
#include "record_store.h"
#include "school.h"
#include "sleeper.h"
#include "sync_engine.h"
#include "sync_state.h"
#include "temp_dir.h"
#include "token_vault.h"

using namespace taizhang;
using namespace taizhang::testing;
using Steady = std::chrono::steady_clock;

namespace {

int argInt(int argc, char** argv, const char* name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::stoi(argv[i + 1]);
    return fallback;
}

void enroll(CountyServer& county, Database& db, const std::string& path, const std::string& name)
{
    sync::CurlTransport t;
    const auto r = sync::enrollDevice(db, t, {county.url(), kSchool, county.issueCode(kSchool), name, "", "", "none"},
                                      sync::TokenVault::keyFileFor(path));
    if (!r.ok) throw std::runtime_error("enroll failed: " + r.message);
}

struct Pass {
    sync::SyncReport report;
    double seconds = 0;
};

Pass syncPass(Database& db, const std::string& path)
{
    sync::TransportOptions o;
    o.proxy = "none";
    sync::CurlTransport t(o);
    sync::SodiumRandom random;
    sync::RealSleeper sleeper;
    sync::SyncEngine engine(db, t, SystemClock::instance(), random, sleeper, sync::TokenVault::keyFileFor(path));
    sync::SyncOptions opts;
    opts.maxWaitMillis = 600'000;
    const auto t0 = Steady::now();
    Pass p;
    p.report = engine.runOnce(opts);
    p.seconds = std::chrono::duration<double>(Steady::now() - t0).count();
    return p;
}

std::int64_t recordCount(Database& db)
{
    auto s = db.prepare("SELECT count(*) FROM records");
    s.step();
    return s.int64(0);
}

// The joined ledger works: it has the school, its classes and today's checks read them.
bool works(Database& db)
{
    const auto profile = loadSchoolProfile(db);
    Ledger ledger(db, SystemClock::instance());
    const auto ctx = ledger.buildContext();
    return profile && !ctx.classes.empty();
}

}  // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    const int classes = argInt(argc, argv, "--classes", 30);
    const int years = argInt(argc, argv, "--years", 2);
    const int shapedRuns = argInt(argc, argv, "--shaped-runs", 1);
    const std::string unlimited = "100000000";

    TempDir dir;
    CountyServer county{dir};
    county.addSchool(kSchool, "示范小学");
    county.start({"--rate-limit", unlimited});

    const std::string officePath = dir.file("office.db");
    Database office = Database::open(officePath);
    DemoOptions demo;
    demo.classes = classes;
    demo.schoolYears = years;
    demo.today = *Date::parse("2027-01-15");
    const auto f0 = Steady::now();
    const auto summary = createDemoSchool(office, SystemClock::instance(), demo);
    const auto records = recordCount(office);
    std::printf("demo school: %d classes, %d school year(s) up to %s: %lld records written in %.1f s\n", classes, years,
                summary.today.toString().c_str(), static_cast<long long>(records),
                std::chrono::duration<double>(Steady::now() - f0).count());

    enroll(county, office, officePath, "office");
    const auto push = syncPass(office, officePath);
    std::printf("office push (baseline): %lld records in %.2f s, %s\n", static_cast<long long>(push.report.recordsSent),
                push.seconds, sync::outcomeName(push.report.outcome));

    const std::string joinPath = dir.file("laptop.db");
    Database laptop = Database::open(joinPath);
    const auto j0 = Steady::now();
    enroll(county, laptop, joinPath, "laptop");
    const auto join = syncPass(laptop, joinPath);
    const double joinSeconds = std::chrono::duration<double>(Steady::now() - j0).count();
    std::printf("join over loopback: enroll + first pass %.2f s (pass %.2f s), %lld records received, ledger holds "
                "%lld, works: %s, %s -> %.2fx of the office push\n",
                joinSeconds, join.seconds, static_cast<long long>(join.report.pulled),
                static_cast<long long>(recordCount(laptop)), works(laptop) ? "yes" : "NO",
                sync::outcomeName(join.report.outcome), joinSeconds / push.seconds);

    for (int run = 1; run <= shapedRuns; ++run) {
        FaultProxy proxy(county.port(), {"--delay-ms", "150", "--bandwidth-bps", "125000", "--drop-rate", "0.02",
                                         "--seed", std::to_string(run)});
        const std::string path = dir.file("shaped" + std::to_string(run) + ".db");
        Database db = Database::open(path);
        const auto s0 = Steady::now();
        {
            sync::CurlTransport t;
            const auto r = sync::enrollDevice(db, t, {proxy.url(), kSchool, county.issueCode(kSchool), "shaped", "", "", "none"},
                                              sync::TokenVault::keyFileFor(path));
            if (!r.ok) throw std::runtime_error("enroll through the proxy failed: " + r.message);
        }
        const auto pass = syncPass(db, path);
        const double seconds = std::chrono::duration<double>(Steady::now() - s0).count();
        const auto stats = Json::parse(proxy.command("stats"));
        const double wire = stats["bytes_up"].get<double>() + stats["bytes_down"].get<double>();
        const double ideal = wire / 125000.0;
        std::printf("join shaped #%d: enroll + first pass %.2f s, %lld records received, ledger holds %lld, works: %s, "
                    "%s; %d requests, wire %.0f bytes = %.2f s at 1 Mbit/s -> %.2fx of it\n",
                    run, seconds, static_cast<long long>(pass.report.pulled), static_cast<long long>(recordCount(db)),
                    works(db) ? "yes" : "NO", sync::outcomeName(pass.report.outcome), stats["requests"].get<int>(), wire,
                    ideal, seconds / ideal);
    }
    return 0;
}
