// `taizhang sync` end to end: a demo school made with the CLI enrolls with and syncs to the real
// county server; exit codes for cron; dead letters; the offline bundle; a revoked device.
#include <gtest/gtest.h>

#include "sync_client_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct CliSync : ::testing::Test {
    TempDir dir;
    CountyServer county{dir};
    std::string dbPath = dir.file("demo.db");

    void SetUp() override
    {
        county.addSchool(kSchool, "示范小学");
        county.start();
    }
    CommandResult taizhang(std::vector<std::string> args)
    {
        args.insert(args.begin(), {binPath("taizhang"), "--db", dbPath});
        return runCommand(args);
    }
};
}  // namespace

TEST_F(CliSync, GIVEN_a_demo_school_made_with_the_cli_WHEN_enrolled_and_synced_THEN_the_county_holds_every_record)
{
    ASSERT_EQ(taizhang({"init", "--demo"}).exitCode, 0);
    auto r = taizhang({"sync"});
    EXPECT_EQ(r.exitCode, 12) << r.output;  // not enrolled
    r = taizhang({"sync", "--status"});
    EXPECT_EQ(r.exitCode, 10) << r.output;  // changes waiting
    EXPECT_NE(r.output.find("not enrolled"), std::string::npos);

    r = taizhang({"sync", "enroll", "--server", county.url(), "--school", kSchool, "--code", "AAAA-BBBB-CCCC"});
    EXPECT_EQ(r.exitCode, 11) << r.output;
    r = taizhang({"sync", "enroll", "--server", county.url(), "--school", kSchool, "--code", county.issueCode(kSchool),
                  "--proxy", "none"});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("device_token"), std::string::npos);

    r = taizhang({"sync", "--quiet"});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("all changes sent"), std::string::npos) << r.output;
    r = taizhang({"--json", "sync", "--status"});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const auto status = Json::parse(r.output);
    EXPECT_EQ(status["unsent"], 0);
    EXPECT_GT(status["acknowledged"].get<int>(), 1000);
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), status["acknowledged"].get<int>());

    r = taizhang({"sync", "dead-letters"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.output.find("no refused changes"), std::string::npos) << r.output;
    r = taizhang({"sync", "bundle", "--out", dir.file("empty.tzbundle")});
    EXPECT_EQ(r.exitCode, 0) << r.output;

    // The county revokes the device: cron sees exit 11 and a message saying so.
    Database db = Database::open(dbPath);
    county.revokeDevice(loadSyncSettings(db).deviceId);
    RecordStore store(db, SystemClock::instance());
    addHomework(store, 2);
    r = taizhang({"sync", "--quiet"});
    EXPECT_EQ(r.exitCode, 11) << r.output;
    EXPECT_NE(r.output.find("revoked"), std::string::npos) << r.output;
}
