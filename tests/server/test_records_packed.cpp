// County migration 9 (records packed, server/record_body.h): the packing round-trips every byte,
// format 1 stays readable, and a county database made by the main of 2026-11-30 (schema 8, a
// 1-class demo school synced by the real programs, plus an edit, a tombstone and a conflict:
// tests/server/data/county-v8-demo.sql) is converted by the real server on both backends, after
// which GET /v1/changes serves the same canonical JSON, byte for byte, and the report is the one
// that main printed (tests/server/data/county-v8-demo-report.json).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "clock.h"
#include "county_fixture.h"
#include "county_schema.h"
#include "database.h"
#include "pg_connection.h"
#include "record_body.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::packRecordBody;
using taizhang::server::StorageError;
using taizhang::server::unpackRecordBody;

namespace {

constexpr const char* kDemoSchool = "2133010601";

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string dataFile(const std::string& name) { return std::string(TAIZHANG_SOURCE_DIR) + "/tests/server/data/" + name; }

// ---- The packing itself ----

TEST(RecordBody, GIVEN_records_of_every_size_WHEN_packed_and_unpacked_THEN_every_byte_comes_back_and_the_body_is_smaller)
{
    const std::string id = newId(), cls = newId();
    const std::string hw = homeworkRecord(id, cls, "dev", 3, 40, "2026-11-23").dump();
    const std::string packed = packRecordBody(hw, id);
    EXPECT_EQ(static_cast<unsigned char>(packed[0]), taizhang::server::kRecordBodyFormat);
    EXPECT_LT(packed.size(), hw.size() / 2) << "the dictionary and the id make a homework record less than half";
    EXPECT_EQ(unpackRecordBody(packed, id), hw);
    for (const std::string& odd : {std::string(), std::string("{}"), std::string(200000, 'x'), std::string("\0\xff\n\"", 4)})
        EXPECT_EQ(unpackRecordBody(packRecordBody(odd, id), id), odd);
}

// Format 1's dictionary is frozen: this body was packed on 2026-11-30 (a homework record of the
// demo school). If the dictionary changed by one byte, it would no longer unpack to the text.
TEST(RecordBody, GIVEN_a_body_packed_on_2026_11_30_WHEN_unpacked_today_THEN_it_gives_the_same_record)
{
    const std::string id = "01a22d7b-a312-7417-adc6-fd3874d748d7";
    const std::string json = readFile(dataFile("record-body-v1.json"));
    const std::string packed = taizhang::server::byteaFromHex(readFile(dataFile("record-body-v1.hex")));
    EXPECT_EQ(unpackRecordBody(packed, id), json.substr(0, json.find_last_not_of('\n') + 1));
}

TEST(RecordBody, GIVEN_a_damaged_or_unknown_body_WHEN_unpacked_THEN_it_is_refused_not_misread)
{
    const std::string id = newId();
    std::string packed = packRecordBody(classRecord(id, "dev").dump(), id);
    EXPECT_THROW(unpackRecordBody(packed, newId()), StorageError) << "another row's id is another dictionary";
    EXPECT_THROW(unpackRecordBody(packed.substr(0, packed.size() - 3), id), StorageError);
    EXPECT_THROW(unpackRecordBody(packed + "x", id), StorageError);
    std::string flipped = packed;
    flipped[1] = static_cast<char>(flipped[1] ^ 1);
    EXPECT_THROW(unpackRecordBody(flipped, id), StorageError) << "the CRC";
    packed[0] = 2;
    EXPECT_THROW(unpackRecordBody(packed, id), StorageError);
    EXPECT_THROW(unpackRecordBody("", id), StorageError);
}

TEST(RecordBody, GIVEN_timestamps_and_ids_WHEN_stored_as_numbers_and_bytes_THEN_they_come_back_and_sort_alike)
{
    for (const std::string t : {"2026-11-22T15:04:05.123Z", "1970-01-01T00:00:00.000Z", "2000-02-29T23:59:59.999Z"})
        EXPECT_EQ(taizhang::formatUtcTimestamp(taizhang::server::utcMillisOf(t)), t);
    EXPECT_EQ(taizhang::server::utcMillisOf("1970-01-01T00:00:01.000Z"), 1000);
    for (const std::string bad : {"2026-11-22 15:04:05.123Z", "2026-11-22T15:04:05Z", "2026-02-30T00:00:00.000Z", ""})
        EXPECT_THROW(taizhang::server::utcMillisOf(bad), StorageError) << bad;
    const std::string a = "01a22d7b-a312-7417-adc6-fd3874d748d7", b = "01a22d7b-a312-7417-adc6-fd3874d748e0";
    EXPECT_EQ(taizhang::server::uuidText(taizhang::server::uuidBytes(a)), a);
    EXPECT_LT(taizhang::server::uuidBytes(a), taizhang::server::uuidBytes(b));
    EXPECT_THROW(taizhang::server::uuidBytes("01A22D7B-A312-7417-ADC6-FD3874D748D7"), StorageError);
}

// ---- A county database of schema 8, converted by the server ----

// The v8 file made from the dump (a plain SQLite file, not opened through the migrations).
void loadDump(const std::string& path, const std::string& dumpSql)
{
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(raw, dumpSql.c_str(), nullptr, nullptr, &err);
    const std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(raw);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

// The same rows in a PostgreSQL database of schema 8 (every value through its text form).
void copyToPostgres(const std::string& sqlitePath, const std::string& url)
{
    taizhang::server::PgConnection c(url);
    c.exec("CREATE TABLE county_schema (version INTEGER NOT NULL)");
    for (const auto& m : taizhang::server::postgresCountyMigrations()) {
        if (m.version > 8) break;
        c.execScript(m.sql);
        c.exec("INSERT INTO county_schema(version) VALUES (" + std::to_string(m.version) + ")");
    }
    c.exec("DELETE FROM config");
    auto src = taizhang::Database::open(sqlitePath, taizhang::server::sqliteCountyMigrations(), [] {
        taizhang::OpenOptions o;
        o.migrateTo = 8;
        return o;
    }());
    for (const std::string table : {"schools", "devices", "records", "conflicts", "school_changes", "day_summaries",
                                    "day_findings", "config"}) {
        std::vector<std::string> columns;
        auto info = src.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        info.bind(1, table);
        while (info.step()) columns.push_back(info.text(0));
        std::string list, params;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            list += (i ? ", " : "") + columns[i];
            params += (i ? ", $" : "$") + std::to_string(i + 1);
        }
        auto rows = src.prepare("SELECT " + list + " FROM " + table);
        while (rows.step()) {
            std::vector<taizhang::server::PgParam> values;
            for (std::size_t i = 0; i < columns.size(); ++i)
                values.push_back(rows.isNull(static_cast<int>(i)) ? taizhang::server::PgParam()
                                                                   : rows.text(static_cast<int>(i)));
            c.exec("INSERT INTO " + table + "(" + list + ") VALUES (" + params + ")", values);
        }
    }
    c.exec("SELECT setval(pg_get_serial_sequence('conflicts', 'seq'), (SELECT max(seq) FROM conflicts))");
}

// What GET /v1/changes served from the v8 file: its rows verbatim, by change number.
std::map<std::int64_t, Json> feedOfSchema8(const std::string& path)
{
    auto db = taizhang::Database::open(path, taizhang::server::sqliteCountyMigrations(), [] {
        taizhang::OpenOptions o;
        o.migrateTo = 8;
        return o;
    }());
    std::map<std::int64_t, Json> out;
    auto r = db.prepare("SELECT change_seq, record_json, device_id, received_at FROM records WHERE school_code = ?");
    r.bind(1, kDemoSchool);
    while (r.step()) out[r.int64(0)] = Json{{"type", "record"}, {"record", r.text(1)}, {"from_device", r.text(2)}, {"received_at", r.text(3)}};
    auto c = db.prepare("SELECT change_seq, record_json, device_id, received_at, code, winner_id, winner_version"
                        " FROM conflicts WHERE school_code = ?");
    c.bind(1, kDemoSchool);
    while (c.step())
        out[c.int64(0)] = Json{{"type", "conflict"}, {"record", c.text(1)}, {"from_device", c.text(2)}, {"received_at", c.text(3)},
                               {"code", c.text(4)}, {"winner_id", c.text(5)}, {"winner_version", c.int64(6)}};
    return out;
}

class PackedRecordsMigration : public ::testing::TestWithParam<std::string> {
protected:
    // The demo county of schema 8 in db_ (on its backend); its feed as main served it.
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        v8Path_ = db_->dir().file("county-v8.db");
        loadDump(v8Path_, readFile(dataFile("county-v8-demo.sql")));
        expected_ = feedOfSchema8(v8Path_);
        if (GetParam() == "sqlite") std::filesystem::copy_file(v8Path_, db_->target());
        else copyToPostgres(v8Path_, db_->target());
    }
    std::unique_ptr<TestDatabase> db_;
    std::string v8Path_;
    std::map<std::int64_t, Json> expected_;
};

TEST_P(PackedRecordsMigration, GIVEN_a_county_database_made_by_the_main_of_2026_11_30_WHEN_the_server_converts_it_THEN_the_change_feed_and_the_report_are_byte_identical)
{
    ASSERT_EQ(expected_.size(), 96u) << "95 records and 1 conflict in the fixture";
    ServerProcess server(*db_);  // migration 9 runs here
    const auto device = enroll(*db_, server, kDemoSchool);
    auto client = server.client();
    std::map<std::int64_t, Json> served;
    std::int64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        auto res = getWithToken(client, "/v1/changes?after=" + std::to_string(cursor) + "&limit=40", device.token);
        ASSERT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
        // The record JSON is spliced into the page as stored: cut each one out of the raw text.
        const Json p = Json::parse(res->body);
        std::size_t at = 0;
        for (const auto& e : p["changes"]) {
            Json got{{"type", e["type"]}, {"from_device", e["from_device"]}, {"received_at", e["received_at"]}};
            at = res->body.find("\"record\":", at) + 9;
            const std::string text = e["record"].dump();
            EXPECT_EQ(res->body.compare(at, text.size(), text), 0) << "the served record is not canonical";
            got["record"] = text;
            if (e["type"] == "conflict") {
                got["code"] = e["code"];
                got["winner_id"] = e["winner_id"];
                got["winner_version"] = e["winner_version"];
            }
            served[e["change"].get<std::int64_t>()] = got;
        }
        cursor = p["cursor"];
        if (!p["more"].get<bool>()) break;
    }
    ASSERT_EQ(served.size(), expected_.size());
    for (const auto& [change, want] : expected_) EXPECT_EQ(served.at(change), want) << "change " << change;

    std::vector<std::string> args{"report", "--from", "2026-09-01", "--to", "2026-09-30", "--format", "json"};
    for (const auto& a : db_->storageArgs()) args.push_back(a);
    const auto report = runCounty(args);
    ASSERT_EQ(report.exitCode, 0) << report.err;
    EXPECT_EQ(report.out, readFile(dataFile("county-v8-demo-report.json")));
}

// One transaction: a row the migration cannot convert (a received_at not written by the server)
// stops it with the reason, and the database is left exactly as it was, still schema 8.
TEST_P(PackedRecordsMigration, GIVEN_a_row_the_migration_cannot_convert_WHEN_the_server_opens_the_database_THEN_it_refuses_and_nothing_changes)
{
    const std::string bad = "UPDATE records SET received_at = 'yesterday' WHERE kind = 'term'";
    if (GetParam() == "sqlite") {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db_->target().c_str(), &raw), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(raw, bad.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
    } else {
        taizhang::server::PgConnection(db_->target()).exec(bad);
    }
    EXPECT_THROW(taizhang::server::openStorage(db_->target(), 1), std::exception);
    std::vector<std::string> args{"school", "list"};
    for (const auto& a : db_->storageArgs()) args.push_back(a);
    const auto refused = runCounty(args);
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_NE(refused.err.find("yesterday"), std::string::npos) << refused.err;
    if (GetParam() == "sqlite") {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db_->target().c_str(), &raw), SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(raw, "SELECT count(*) FROM records WHERE record_json LIKE '{%'", -1, &s, nullptr);
        ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
        EXPECT_EQ(sqlite3_column_int64(s, 0), 95);
        sqlite3_finalize(s);
        sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &s, nullptr);
        ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
        EXPECT_EQ(sqlite3_column_int64(s, 0), 8);
        sqlite3_finalize(s);
        sqlite3_close(raw);
    } else {
        taizhang::server::PgConnection c(db_->target());
        EXPECT_EQ(c.exec("SELECT count(*) FROM records WHERE record_json LIKE '{%'").int64(0, 0), 95);
        EXPECT_EQ(c.exec("SELECT max(version) FROM county_schema").int64(0, 0), 8);
        EXPECT_EQ(c.exec("SELECT count(*) FROM pg_tables WHERE tablename IN ('record_devices', 'records_packed')").int64(0, 0), 0);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, PackedRecordsMigration, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
