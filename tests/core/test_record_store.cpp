#include <gtest/gtest.h>

#include <sqlite3.h>

#include "record_store.h"
#include "school.h"
#include "temp_dir.h"
#include "uuid.h"

using namespace taizhang;
using taizhang::testing::TempDir;

namespace {
std::int64_t count(Database& db, const char* table)
{
    auto s = db.prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.int64(0);
}

Json homeworkBody()
{
    Homework h;
    h.classId = "0190a3b4-0000-7000-8000-000000000001";
    h.date = *Date::parse("2026-11-20");
    h.subject = "math";
    h.minutes = 30;
    return h;
}

struct StoreFixture : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(*Date::parse("2026-11-20"))};
    Database db = Database::open(dir.file("school.db"));
    RecordStore store{db, clock};
    ChangeContext ctx{"user-1", "device-1", ""};
};
}  // namespace

TEST_F(StoreFixture, GIVEN_new_record_WHEN_created_THEN_record_audit_and_outbox_rows_written)
{
    const auto r = store.create(Kind::Homework, homeworkBody(), ctx);
    EXPECT_EQ(r.meta.version, 1);
    EXPECT_TRUE(isCanonicalUuid(r.meta.id));
    EXPECT_EQ(count(db, "records"), 1);
    EXPECT_EQ(count(db, "audit"), 1);
    EXPECT_EQ(count(db, "outbox"), 1);
    const auto history = store.history(r.meta.id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].action, "create");
    EXPECT_FALSE(history[0].before);
    EXPECT_EQ(history[0].after->at("body").at("minutes"), 30);
}

TEST_F(StoreFixture, GIVEN_record_WHEN_edited_and_deleted_THEN_versions_bump_and_tombstone_kept)
{
    auto r = store.create(Kind::Homework, homeworkBody(), ctx);
    auto body = r.body;
    body["minutes"] = 45;
    clock.advanceMillis(1000);
    auto edited = store.update(r.meta.id, body, 1, ChangeContext{"user-2", "device-1", "typo"});
    EXPECT_EQ(edited.meta.version, 2);
    EXPECT_EQ(edited.meta.createdAt, r.meta.createdAt);
    EXPECT_NE(edited.meta.updatedAt, r.meta.updatedAt);
    EXPECT_THROW(store.update(r.meta.id, body, 1, ctx), StaleVersion);
    auto deleted = store.remove(r.meta.id, 2, ctx);
    EXPECT_TRUE(deleted.meta.deleted);
    EXPECT_EQ(deleted.meta.version, 3);
    EXPECT_TRUE(store.query({.kind = Kind::Homework}).empty());
    EXPECT_EQ(store.query({.kind = Kind::Homework, .includeDeleted = true}).size(), 1u);
    const auto history = store.history(r.meta.id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[1].before->at("body").at("minutes"), 30);
    EXPECT_EQ(history[1].after->at("body").at("minutes"), 45);
    EXPECT_EQ(history[1].reason, "typo");
    EXPECT_EQ(history[2].action, "delete");
    EXPECT_EQ(count(db, "outbox"), 3);
}

TEST_F(StoreFixture, GIVEN_failure_after_record_write_WHEN_creating_THEN_nothing_remains)
{
    for (const char* stage : {"record_written", "audit_written"}) {
        store.setFaultHook([stage](std::string_view s) {
            if (s == stage) throw std::runtime_error("injected");
        });
        EXPECT_THROW(store.create(Kind::Homework, homeworkBody(), ctx), std::runtime_error);
        EXPECT_EQ(count(db, "records"), 0) << stage;
        EXPECT_EQ(count(db, "audit"), 0) << stage;
        EXPECT_EQ(count(db, "outbox"), 0) << stage;
    }
}

TEST_F(StoreFixture, GIVEN_failure_midway_through_bulk_WHEN_creating_many_THEN_none_written)
{
    int calls = 0;
    store.setFaultHook([&](std::string_view s) {
        if (s == "audit_written" && ++calls == 50) throw std::runtime_error("injected");
    });
    std::vector<NewRecord> many(100, NewRecord{Kind::Homework, homeworkBody()});
    EXPECT_THROW(store.createMany(many, ctx), std::runtime_error);
    EXPECT_EQ(count(db, "records"), 0);
    EXPECT_EQ(count(db, "outbox"), 0);
}

TEST_F(StoreFixture, GIVEN_records_on_several_days_WHEN_queried_by_range_and_class_THEN_only_matches_returned)
{
    for (const char* day : {"2026-11-18", "2026-11-19", "2026-11-20"}) {
        auto body = homeworkBody();
        body["date"] = day;
        store.create(Kind::Homework, body, ctx);
    }
    auto other = homeworkBody();
    other["class_id"] = "0190a3b4-0000-7000-8000-000000000002";
    store.create(Kind::Homework, other, ctx);
    EXPECT_EQ(store.query({.kind = Kind::Homework, .from = Date::parse("2026-11-19")}).size(), 3u);
    EXPECT_EQ(store.query({.kind = Kind::Homework,
                           .from = Date::parse("2026-11-19"),
                           .classId = "0190a3b4-0000-7000-8000-000000000001"})
                  .size(),
              2u);
}

TEST(Database, GIVEN_file_from_newer_program_WHEN_opened_THEN_refused_with_clear_error)
{
    TempDir dir;
    { auto db = Database::open(dir.file("a.db")); db.exec("PRAGMA user_version = 999"); }
    try {
        Database::open(dir.file("a.db"));
        FAIL() << "expected SchemaTooNewError";
    } catch (const SchemaTooNewError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
    }
}

TEST(Database, GIVEN_older_schema_file_with_data_WHEN_opened_THEN_backed_up_then_migrated)
{
    TempDir dir;
    const std::vector<Migration> v1{{1, "one", "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                                               "INSERT INTO settings VALUES('school', 'kept');"}};
    auto v2 = v1;
    v2.push_back({2, "two", "CREATE TABLE extra(x INTEGER);"});
    { auto db = Database::open(dir.file("m.db"), v1); EXPECT_EQ(db.userVersion(), 1); }
    auto db = Database::open(dir.file("m.db"), v2);
    EXPECT_EQ(db.userVersion(), 2);
    EXPECT_EQ(db.setting("school"), "kept");
    ASSERT_TRUE(db.lastBackupPath());
    auto backup = Database::open(*db.lastBackupPath(), v1, {.create = false});
    EXPECT_EQ(backup.userVersion(), 1);
    EXPECT_EQ(backup.setting("school"), "kept");
}

TEST(Database, GIVEN_failing_migration_WHEN_opened_THEN_file_stays_at_old_version)
{
    TempDir dir;
    const std::vector<Migration> v1{{1, "one", "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"}};
    auto broken = v1;
    broken.push_back({2, "broken", "CREATE TABLE t(x); INSERT INTO nowhere VALUES(1);"});
    { auto db = Database::open(dir.file("m.db"), v1); }
    EXPECT_THROW(Database::open(dir.file("m.db"), broken), DbError);
    auto db = Database::open(dir.file("m.db"), v1);
    EXPECT_EQ(db.userVersion(), 1);
    auto s = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't'");
    s.step();
    EXPECT_EQ(s.int64(0), 0);
}

TEST(School, GIVEN_new_database_WHEN_device_id_requested_twice_THEN_same_id)
{
    TempDir dir;
    ManualClock clock(1700000000000);
    auto db = Database::open(dir.file("s.db"));
    const auto id = ensureDeviceId(db, clock);
    EXPECT_TRUE(isCanonicalUuid(id));
    EXPECT_EQ(ensureDeviceId(db, clock), id);
}
