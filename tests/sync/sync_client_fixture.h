#pragma once
// A school installation (real SQLite file) enrolled with a real county server, plus the pieces to
// run sync passes against it with fast retries (the retry schedule itself is unit-tested).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "county_fixture.h"
#include "enrollment.h"
#include "outbox.h"
#include "record_store.h"
#include "sleeper.h"
#include "sync_engine.h"
#include "sync_state.h"
#include "sync_test_util.h"
#include "temp_dir.h"
#include "token_vault.h"

namespace taizhang::testing {

// Sleeps a fraction of what was asked (so Retry-After and backoff happen, quickly), and records
// every requested wait so tests can check them.
class ScaledSleeper final : public sync::Sleeper {
public:
    explicit ScaledSleeper(double scale) : scale_(scale) {}
    bool sleepFor(std::int64_t ms, const std::atomic<bool>* cancel) override
    {
        if (cancel && cancel->load()) return false;
        requested.push_back(ms);
        std::this_thread::sleep_for(std::chrono::microseconds(static_cast<std::int64_t>(ms * 1000 * scale_)));
        return true;
    }
    std::vector<std::int64_t> requested;

private:
    double scale_;
};

inline sync::RetryPolicy fastRetries()
{
    sync::RetryPolicy p;
    p.baseMillis = 20;
    p.capMillis = 200;
    return p;
}

struct SyncFixture : ::testing::Test {
    TempDir dir;
    CountyServer county{dir};
    std::string dbPath = dir.file("school.db");
    Database db = Database::open(dbPath);
    RecordStore store{db, SystemClock::instance()};
    sync::SodiumRandom random;
    ScaledSleeper sleeper{0.02};

    void startCounty(const std::vector<std::string>& extra = {})
    {
        county.addSchool(kSchool, "示范小学");
        county.addSchool(kOtherSchool, "另一所小学");
        county.start(extra);
    }
    std::string keyFile() const { return sync::TokenVault::keyFileFor(dbPath); }

    sync::EnrollResult enroll(const std::string& code, const std::string& school = kSchool)
    {
        sync::CurlTransport t;
        return sync::enrollDevice(db, t, {county.url(), school, code, "PC-1", "", "", "none"}, keyFile());
    }
    void enrollOk()
    {
        const auto r = enroll(county.issueCode(kSchool));
        ASSERT_TRUE(r.ok) << r.message;
    }
    // Routes later passes through another URL (the fault proxy).
    void pointAt(const std::string& url)
    {
        auto s = loadSyncSettings(db);
        s.serverUrl = url;
        saveSyncSettings(db, s);
    }
    // As the CLI runs a pass: batches of new records go several at a time, each on its own
    // connection (inFlight, SyncOptions::batchesInFlight).
    sync::SyncReport syncOnce(std::int64_t maxWaitMillis = 5000, const Clock& clock = SystemClock::instance(),
                              int inFlight = sync::SyncOptions{}.batchesInFlight)
    {
        sync::TransportOptions o;
        o.proxy = "none";
        o.lowSpeedTimeSeconds = 10;
        sync::CurlTransport t(o);
        sync::SyncEngine engine(db, t, clock, random, sleeper, keyFile());
        engine.setRetryPolicy(fastRetries());
        engine.setTransportFactory([o] { return std::make_unique<sync::CurlTransport>(o); });
        sync::SyncOptions opts;
        opts.maxWaitMillis = maxWaitMillis;
        opts.batchesInFlight = inFlight;
        return engine.runOnce(opts);
    }
    // Passes until nothing is left (bounded), as cron would run them.
    sync::SyncReport syncUntilDone(int maxPasses = 50)
    {
        sync::SyncReport r;
        for (int i = 0; i < maxPasses; ++i) {
            r = syncOnce();
            if (r.outcome != sync::SyncOutcome::Partial) break;
        }
        return r;
    }
    std::map<std::string, std::int64_t> localRecords(const std::set<std::string>& except = {})
    {
        RecordQuery q;
        q.includeDeleted = true;
        std::map<std::string, std::int64_t> out;
        for (const auto& r : store.query(q))
            if (!except.count(r.meta.id)) out[r.meta.id] = r.meta.version;
        return out;
    }
    // The county holds exactly the client's records: same ids, same versions, nothing more.
    void expectConverged(const std::set<std::string>& except = {})
    {
        const auto local = localRecords(except);
        const auto remote = county.records(kSchool);
        EXPECT_EQ(remote.size(), local.size());
        EXPECT_TRUE(remote == local) << "county and client differ";
        EXPECT_EQ(Outbox(db, SystemClock::instance()).status().unsent(), 0);
    }
};

}  // namespace taizhang::testing
