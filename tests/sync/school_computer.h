#pragma once
// One computer of a school for the pull tests: its own ledger file (real SQLite), its own key
// file and enrollment, syncing with the real county on loopback.
#include <map>
#include <memory>
#include <string>

#include "county_fixture.h"
#include "enrollment.h"
#include "outbox.h"
#include "pull_apply.h"
#include "record_store.h"
#include "school.h"
#include "sync_client_fixture.h"
#include "sync_engine.h"
#include "temp_dir.h"
#include "token_vault.h"

namespace taizhang::testing {

struct SchoolComputer {
    SchoolComputer(const TempDir& dir, const std::string& name)
        : dbPath(dir.file(name + ".db")), db(Database::open(dbPath)), store(db, SystemClock::instance()),
          deviceId(ensureDeviceId(db, SystemClock::instance())), name(name)
    {
    }
    std::string keyFile() const { return sync::TokenVault::keyFileFor(dbPath); }
    sync::EnrollResult enroll(const CountyServer& county, const std::string& code, const std::string& school = kSchool)
    {
        sync::CurlTransport t;
        return sync::enrollDevice(db, t, {county.url(), school, code, name, "", "", "none"}, keyFile());
    }
    void pointAt(const std::string& url)
    {
        auto s = loadSyncSettings(db);
        s.serverUrl = url;
        saveSyncSettings(db, s);
    }
    sync::SyncReport sync(std::int64_t maxWaitMillis = 5000)
    {
        sync::TransportOptions o;
        o.proxy = "none";
        o.lowSpeedTimeSeconds = 10;
        sync::CurlTransport t(o);
        sync::SyncEngine engine(db, t, SystemClock::instance(), random, sleeper, keyFile());
        engine.setRetryPolicy(fastRetries());
        sync::SyncOptions opts;
        opts.maxWaitMillis = maxWaitMillis;
        return engine.runOnce(opts);
    }
    ChangeContext ctx(const std::string& author = "teacher-1") const { return {author, deviceId, ""}; }
    // Every record (tombstones included) as canonical JSON, by id.
    std::map<std::string, std::string> ledger()
    {
        RecordQuery q;
        q.includeDeleted = true;
        std::map<std::string, std::string> out;
        for (const auto& r : store.query(q)) out[r.meta.id] = recordToJson(r).dump();
        return out;
    }
    std::int64_t outboxRows()
    {
        auto s = db.prepare("SELECT count(*) FROM outbox");
        s.step();
        return s.int64(0);
    }

    std::string dbPath;
    Database db;
    RecordStore store;
    std::string deviceId;  // the device id this ledger writes into its records
    std::string name;
    sync::SodiumRandom random;
    ScaledSleeper sleeper{0.02};
};

// The county on loopback (the school and another one) and two computers of the school, both
// enrolled: the fixture of the tests where computers converge through the county.
struct TwoSchoolComputers : ::testing::Test {
    TempDir dir;
    CountyServer county{dir};
    SchoolComputer a{dir, "office"};
    SchoolComputer b{dir, "grade3"};

    void SetUp() override
    {
        county.addSchool(kSchool, "示范小学");
        county.addSchool(kOtherSchool, "另一所小学");
        county.start();
        ASSERT_TRUE(a.enroll(county, county.issueCode(kSchool)).ok);
        ASSERT_TRUE(b.enroll(county, county.issueCode(kSchool)).ok);
    }
};

}  // namespace taizhang::testing
