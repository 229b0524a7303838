// A county database made by an earlier schema (migrations 1-5: records with class, teacher and
// batch columns, and on SQLite a rowid table) is converted to "a record stored once" by the real
// server at start, on both backends, and ingest goes on from the records it held.
#include <gtest/gtest.h>

#include "county_fixture.h"
#include "county_schema.h"
#include "database.h"
#include "pg_connection.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::Database;
using taizhang::OpenOptions;
using taizhang::server::openStorage;

namespace {
constexpr const char* kSchool = "3201020001";
constexpr int kPreviousVersion = 5;

// The INSERT ingest ran before migration 5, and the column list a query finds afterwards.
const char* const kOldInsert =
    "INSERT INTO records(id, school_code, kind, version, deleted, day, class_id, teacher_id, record_json, device_id,"
    " batch_id, received_at) VALUES ('%ID%', '3201020001', 'class', 1, %FALSE%, NULL, NULL, NULL, '%JSON%',"
    " 'old-device', 'old-batch', '2026-11-20T08:00:00.000Z')";

std::string fill(std::string sql, const std::string& id, const std::string& json, const std::string& falseValue)
{
    auto put = [&](const std::string& key, const std::string& value) {
        sql.replace(sql.find(key), key.size(), value);
    };
    put("%ID%", id);
    put("%JSON%", json);
    put("%FALSE%", falseValue);
    return sql;
}

// Builds the schema of `version` in `db` and runs `sql` (written for both backends) in it.
void makeCountyAt(const TestDatabase& db, int version, const std::string& sql)
{
    if (db.backend() == "sqlite") {
        OpenOptions old;
        old.migrateTo = version;
        Database file = Database::open(db.target(), taizhang::server::sqliteCountyMigrations(), old);
        file.exec(sql);
        return;
    }
    taizhang::server::PgConnection c(db.target());
    c.exec("CREATE TABLE county_schema (version INTEGER NOT NULL)");
    for (const auto& m : taizhang::server::postgresCountyMigrations()) {
        if (m.version > version) break;
        c.execScript(m.sql);
        c.exec("INSERT INTO county_schema(version) VALUES (" + std::to_string(m.version) + ")");
    }
    c.execScript(sql);
}

// Builds the previous schema in `db` and stores one class record the way ingest did then.
void makePreviousCounty(const TestDatabase& db, const std::string& id, const std::string& json)
{
    makeCountyAt(db, kPreviousVersion, fill(kOldInsert, id, json, db.backend() == "sqlite" ? "0" : "FALSE"));
}

std::vector<std::string> recordColumns(const TestDatabase& db)
{
    std::vector<std::string> out;
    if (db.backend() == "sqlite") {
        Database file = Database::open(db.target(), taizhang::server::sqliteCountyMigrations());
        auto s = file.prepare("SELECT name FROM pragma_table_info('records') ORDER BY cid");
        while (s.step()) out.push_back(s.text(0));
        return out;
    }
    taizhang::server::PgConnection c(db.target());
    auto r = c.exec("SELECT column_name FROM information_schema.columns WHERE table_name = 'records' "
                    "ORDER BY ordinal_position");
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

class CountyMigration : public ::testing::TestWithParam<std::string> {};

TEST_P(CountyMigration, GIVEN_a_county_database_of_the_previous_schema_WHEN_the_server_starts_THEN_records_are_stored_once_and_ingest_continues)
{
    TestDatabase db(GetParam());
    const std::string id = newId();
    const Json old = classRecord(id, "old-device", 1, "旧名");
    makePreviousCounty(db, id, old.dump());

    addSchool(db, kSchool);  // the admin command opens the storage: migration 6 runs here
    const auto columns = recordColumns(db);
    // Migration 9 (records packed, issue 15) rebuilds the table in its final form: the body
    // packed, ms timestamps, a device number, the natural key's hash; on SQLite a rowid table.
    std::vector<std::string> expected{"id",          "school_code", "kind",       "version",
                                      "deleted",     "day",         "body",       "device_ref",
                                      "received_ms", "first_received_ms", "change_seq", "key_hash"};
    if (db.backend() == "sqlite") expected.insert(expected.begin(), "rid");
    EXPECT_EQ(columns, expected);
    {
        auto storage = openStorage(db.target(), 1);
        EXPECT_EQ(storage->totalRecords(), 1);
        const auto held = storage->recordJsons({kSchool, "class", std::nullopt, std::nullopt});
        ASSERT_EQ(held.size(), 1u);
        EXPECT_EQ(Json::parse(held[0]), old);
    }

    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    // The migrated row takes part in ingest like any other: its version decides.
    const std::string key = newId();
    auto res = postBatch(c, device, key, makeBatch(device, key, {old}, 1));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(Json::parse(res->body)["counts"]["duplicate"], 1);
    const std::string key2 = newId();
    res = postBatch(c, device, key2, makeBatch(device, key2, {classRecord(id, device.deviceId, 2, "新名")}, 2));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(Json::parse(res->body)["counts"]["updated"], 1);
    auto storage = openStorage(db.target(), 1);
    const auto held = storage->recordJsons({kSchool, "class", std::nullopt, std::nullopt});
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(Json::parse(held[0])["body"]["name"], "新名");
    EXPECT_EQ(storage->totalRecords(), 1);
}

// Migration 7 (first arrivals, late class-days): a row still at version 1 arrived once, so its
// received_at is its first arrival; a row at a higher version has an unknown first arrival
// (NULL), which never counts as late.
TEST_P(CountyMigration, GIVEN_records_stored_before_migration_7_WHEN_the_county_opens_THEN_version_1_rows_keep_received_at_as_first_arrival_and_later_ones_are_unknown)
{
    TestDatabase db(GetParam());
    const std::string once = newId(), edited = newId(), cls = newId();
    const std::string insert =
        "INSERT INTO records(id, school_code, kind, version, deleted, day, record_json, device_id, received_at) VALUES"
        " ('" + once + "', '3201020001', 'homework', 1, " + (GetParam() == "sqlite" ? "0" : "FALSE") + ", '2026-11-23', '" +
        homeworkRecord(once, cls, "old-device", 1, 20, "2026-11-23").dump() + "', 'old-device', '2026-11-23T12:00:00.000Z'),"
        " ('" + edited + "', '3201020001', 'homework', 2, " + (GetParam() == "sqlite" ? "0" : "FALSE") + ", '2026-11-23', '" +
        homeworkRecord(edited, cls, "old-device", 2, 20, "2026-11-23").dump() + "', 'old-device', '2026-11-26T12:00:00.000Z');"
        "INSERT INTO day_summaries(school_code, day, homework, sleep, activity, findings_hard, findings_soft)"
        " VALUES ('3201020001', '2026-11-23', 2, 0, 0, 0, 0);";
    makeCountyAt(db, 6, insert);

    addSchool(db, kSchool);  // migration 7 runs here
    auto storage = openStorage(db.target(), 1);
    const auto arrivals = storage->firstArrivals(kSchool, "2026-11-23", "2026-11-23");
    ASSERT_EQ(arrivals.size(), 2u);
    EXPECT_EQ(arrivals.at(once), std::optional<std::string>("2026-11-23T12:00:00.000Z"));
    EXPECT_EQ(arrivals.at(edited), std::nullopt);
    const auto summaries = storage->daySummaries("2026-11-23", "2026-11-23");
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0].homework, 2);
    EXPECT_EQ(summaries[0].lateClassDays, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CountyMigration, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
