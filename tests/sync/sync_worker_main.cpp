// The process the kill -9 test shoots: sync passes over a school database until everything is
// sent (exit 0), the county refuses the device (exit 11) or the test kills it.
#include <cstdio>
#include <exception>

#include "curl_transport.h"
#include "database.h"
#include "sleeper.h"
#include "sync_engine.h"
#include "token_vault.h"

using namespace taizhang;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: sync_worker DATABASE\n");
        return 2;
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
        sync::RetryPolicy fast;
        fast.baseMillis = 10;
        fast.capMillis = 100;
        engine.setRetryPolicy(fast);
        for (int pass = 0; pass < 1000; ++pass) {
            const auto r = engine.runOnce();
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
