// Admin commands of taizhang-county: schools from CSV, overrides, offline bundles, reports.
#include <gtest/gtest.h>

#include <fstream>

#include "bundle.h"
#include "county_fixture.h"
#include "crypto.h"
#include "database.h"
#include "demo_data.h"
#include "record_store.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

constexpr const char* kSchool = "3201020001";

std::vector<std::string> withStorage(const TestDatabase& db, std::vector<std::string> args)
{
    for (const auto& a : db.storageArgs()) args.push_back(a);
    return args;
}

void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

class AdminTest : public ::testing::TestWithParam<std::string> {
protected:
    TestDatabase db{GetParam()};
};

TEST_P(AdminTest, GIVEN_school_csv_WHEN_one_row_is_bad_THEN_nothing_added_and_a_good_file_adds_all)
{
    const auto bad = db.dir().file("bad.csv"), good = db.dir().file("good.csv");
    writeFile(bad, "code,name,county,type\n3201020011,一小,320102,primary\n32010200,二小,320102,primary\n");
    writeFile(good, "code,name,county,type\n3201020011,一小,320102,primary\n3201020012,\"二小, 东校区\",320102,junior\n");
    auto r = runCounty(withStorage(db, {"school", "add", "--csv", bad}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(":3: school code must be 10 digits"), std::string::npos) << r.err;
    EXPECT_TRUE(openStorage(db.target(), 1)->listSchools().empty());
    r = runCounty(withStorage(db, {"school", "add", "--csv", good}));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const auto schools = openStorage(db.target(), 1)->listSchools();
    ASSERT_EQ(schools.size(), 2u);
    EXPECT_EQ(schools[1].name, "二小, 东校区");
    EXPECT_EQ(schools[1].type, "junior");
}

TEST_P(AdminTest, GIVEN_overrides_WHEN_looser_than_national_THEN_refused_and_stricter_ones_served_with_new_ETag)
{
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    const auto before = getWithToken(c, "/v1/config", device.token)->get_header_value("ETag");
    const auto loose = db.dir().file("loose.json"), strict = db.dir().file("strict.json");
    writeFile(loose, R"({"format":1,"homework":{"g3_6_max_minutes":75}})");
    writeFile(strict, R"({"format":1,"homework":{"g3_6_max_minutes":45}})");
    auto r = runCounty(withStorage(db, {"overrides", "set", "--file", loose}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("homework.g3_6_max_minutes"), std::string::npos) << r.err;
    EXPECT_EQ(getWithToken(c, "/v1/config", device.token)->get_header_value("ETag"), before);
    r = runCounty(withStorage(db, {"overrides", "set", "--file", strict}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto res = getWithToken(c, "/v1/config", device.token);
    EXPECT_NE(res->get_header_value("ETag"), before);
    EXPECT_EQ(Json::parse(res->body)["overrides"]["homework"]["g3_6_max_minutes"], 45);
}

TEST_P(AdminTest, GIVEN_offline_bundle_WHEN_imported_twice_THEN_records_once_and_tampering_refused)
{
    Enrolled device;
    {
        ServerProcess server(db);
        device = enroll(db, server, kSchool);
    }
    std::vector<taizhang::server::BundleBatch> batches;
    for (int b = 0; b < 3; ++b) {
        std::vector<Json> records;
        for (int i = 0; i < 10; ++i) records.push_back(classRecord(newId(), device.deviceId));
        const auto key = newId();
        batches.push_back({key, gzip(makeBatch(device, key, records, 1 + b * 10))});
    }
    const std::string bundle = taizhang::server::writeBundle(kSchool, device.deviceId, "2026-11-22T10:00:00.000Z",
                                                             batches, taizhang::server::bundleKeyForToken(device.token));
    const auto path = db.dir().file("school.tzbundle"), tampered = db.dir().file("tampered.tzbundle");
    writeFile(path, bundle);
    std::string altered = bundle;
    altered.replace(altered.find("\"batches\":3"), 11, "\"batches\":2");
    writeFile(tampered, altered);

    auto bad = runCounty(withStorage(db, {"bundle", "import", "--file", tampered}));
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), 0);
    std::string forged = bundle.substr(0, bundle.rfind("{\"hmac\"")) + "{\"hmac\":\"" + std::string(64, '0') + "\"}\n";
    writeFile(tampered, forged);
    bad = runCounty(withStorage(db, {"bundle", "import", "--file", tampered}));
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.err.find("HMAC"), std::string::npos) << bad.err;

    auto first = runCounty(withStorage(db, {"bundle", "import", "--file", path}));
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), 30);
    auto second = runCounty(withStorage(db, {"bundle", "import", "--file", path}));
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), 30);
    EXPECT_NE(second.out.find("already imported"), std::string::npos) << second.out;
    // The same batch later sent online is a replay of the imported ack.
    ServerProcess server(db);
    auto c = server.client();
    auto online = c.Post("/v1/batches",
                         httplib::Headers{{"Authorization", "Bearer " + device.token},
                                          {"Idempotency-Key", batches[0].batchId}, {"Content-Encoding", "gzip"}},
                         batches[0].gzipBytes, "application/x-ndjson");
    ASSERT_TRUE(online);
    EXPECT_EQ(online->status, 200);
    EXPECT_EQ(online->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_EQ(Json::parse(getWithToken(c, "/v1/state", device.token)->body)["contiguous_seq"], 30);
}

TEST_P(AdminTest, GIVEN_demo_school_synced_WHEN_report_THEN_findings_missing_days_and_county_shares_in_json_and_csv)
{
    TempDir clientDir;
    auto clientDb = taizhang::Database::open(clientDir.file("school.db"));
    taizhang::ManualClock clock(taizhang::unixMillisAt(*taizhang::Date::parse("2026-11-20")));
    taizhang::DemoOptions options;
    options.classes = 6;
    options.today = taizhang::Date::parse("2026-11-20");
    taizhang::createDemoSchool(clientDb, clock, options);
    taizhang::RecordStore store(clientDb, clock);
    taizhang::RecordQuery all;
    all.includeDeleted = true;
    const auto records = store.query(all);
    ASSERT_GT(records.size(), 100u);
    const auto school = taizhang::demoSchoolProfile().code;

    ServerProcess server(db);
    const auto device = enroll(db, server, school);
    auto c = server.client();
    for (std::size_t start = 0; start < records.size(); start += 1000) {
        std::vector<Json> chunk;
        for (std::size_t i = start; i < std::min(records.size(), start + 1000); ++i)
            chunk.push_back(taizhang::recordToJson(records[i]));
        const auto key = newId();
        auto res = postBatch(c, device, key, makeBatch(device, key, chunk, 1 + static_cast<std::int64_t>(start)));
        ASSERT_EQ(res->status, 200) << res->body;
        EXPECT_EQ(Json::parse(res->body)["counts"]["rejected"], 0) << res->body;
    }
    auto r = runCounty(withStorage(db, {"report", "--from", "2026-09-01", "--to", "2026-11-20"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto report = Json::parse(r.out);
    ASSERT_EQ(report["schools"].size(), 1u);
    const auto& s = report["schools"][0];
    EXPECT_EQ(s["school_code"], school);
    EXPECT_FALSE(s["last_sync"].is_null());
    EXPECT_GT(s["records"]["homework"].get<int>(), 0);
    EXPECT_GT(s["findings_count"].get<int>(), 0);
    bool homeworkCap = false;
    for (const auto& f : s["findings"]) homeworkCap |= f["rule"] == "homework.g3_6_cap";
    EXPECT_TRUE(homeworkCap) << "五年级1班's over-cap days must be found: ";
    EXPECT_GE(s["classes_over_homework_cap"].get<int>(), 1);
    const auto& county = report["county"];
    EXPECT_GT(county["share_classes_over_homework_cap"].get<double>(), 0.0);
    EXPECT_LT(county["share_classes_over_homework_cap"].get<double>(), 1.0);
    EXPECT_LT(county["teachers_on_track_360h"].get<int>(), county["teachers"].get<int>())
        << "the demo teacher far behind on 360 h is not on track";

    auto csv = runCounty(withStorage(db, {"report", "--from", "2026-09-01", "--to", "2026-11-20", "--format", "csv"}));
    ASSERT_EQ(csv.exitCode, 0);
    EXPECT_NE(csv.out.find("school_code,name,last_sync"), std::string::npos);
    EXPECT_NE(csv.out.find(school), std::string::npos);
    EXPECT_NE(csv.out.find("\r\ncounty,"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
