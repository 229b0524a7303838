// The process the kill -9 tests shoot: sync passes over a school database until everything is
// sent (exit 0), the county refuses the device (exit 11) or the test kills it.
//   sync_worker DATABASE [PULL_PAGE_SIZE]
// With a page size, every progress step is printed ("phase sending", "phase receiving", ...) so
// a test can kill it in the middle of a push or a pull.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <exception>

#include "curl_transport.h"
#include "database.h"
#include "sleeper.h"
#include "sync_engine.h"
#include "token_vault.h"

using namespace taizhang;

int main(int argc, char** argv)
{
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: sync_worker DATABASE [PULL_PAGE_SIZE]\n");
        return 2;
    }
    sync::SyncOptions options;
    sync::ProgressCallback progress;
    if (argc == 3) {
        options.pullPageSize = std::atoi(argv[2]);
        progress = [](const sync::SyncProgress& p) {
            std::printf("phase %s\n", p.phase.c_str());
            std::fflush(stdout);
        };
    }
    try {
        Database db = Database::open(argv[1]);
        sync::TransportOptions o;
        o.proxy = "none";
        sync::CurlTransport transport(o);
        sync::SodiumRandom random;
        sync::RealSleeper sleeper;
        sync::SyncEngine engine(db, transport, SystemClock::instance(), random, sleeper,
                                sync::TokenVault::keyFileFor(argv[1]));
        // As the CLI: batches of new records several at a time, so a kill lands among them.
        engine.setTransportFactory([o] { return std::make_unique<sync::CurlTransport>(o); });
        sync::RetryPolicy fast;
        fast.baseMillis = 10;
        fast.capMillis = 100;
        engine.setRetryPolicy(fast);
        for (int pass = 0; pass < 1000; ++pass) {
            const auto r = engine.runOnce(options, progress);
            if (r.outcome != sync::SyncOutcome::Partial) {
                std::printf("%s %s\n", sync::outcomeName(r.outcome), r.message.c_str());
                return r.exitCode();
            }
        }
        return 10;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sync_worker: %s\n", e.what());
        return 70;
    }
}
