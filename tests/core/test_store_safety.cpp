// Reads and writes that must fail loudly rather than guess or hang: a record kind this program
// does not know, and a write that cannot get the lock.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>

#include "record_store.h"
#include "temp_dir.h"

using namespace taizhang;
using taizhang::testing::TempDir;

namespace {
Json homeworkBody()
{
    Homework h;
    h.classId = "0190a3b4-0000-7000-8000-000000000001";
    h.date = *Date::parse("2026-11-20");
    h.subject = "math";
    h.minutes = 30;
    return h;
}

struct SafetyFixture : ::testing::Test {
    TempDir dir;
    std::string path = dir.file("school.db");
    ManualClock clock{unixMillisAt(*Date::parse("2026-11-20"))};
    Database db = Database::open(path);
    RecordStore store{db, clock};
    ChangeContext ctx{"user-1", "device-1", ""};
};
}  // namespace

TEST_F(SafetyFixture, GIVEN_a_row_of_an_unknown_kind_written_by_raw_sql_WHEN_read_THEN_an_error_names_it_instead_of_homework)
{
    const auto r = store.create(Kind::Homework, homeworkBody(), ctx);
    db.exec("UPDATE records SET kind = 'lunch_menu' WHERE id = '" + r.meta.id + "'");
    db.exec("UPDATE audit SET kind = 'lunch_menu' WHERE rec = (SELECT rec FROM records WHERE id = '" + r.meta.id + "')");

    try {
        store.find(r.meta.id);
        FAIL() << "a record of an unknown kind was read as some known kind";
    } catch (const UnknownRecordKind& e) {
        EXPECT_NE(std::string(e.what()).find("lunch_menu"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(r.meta.id), std::string::npos) << e.what();
    }
    RecordQuery all;
    EXPECT_THROW(store.query(all), UnknownRecordKind);
    EXPECT_THROW(store.history(r.meta.id), UnknownRecordKind);
}

TEST_F(SafetyFixture, GIVEN_another_connection_holds_the_write_lock_WHEN_the_ui_writes_THEN_it_fails_within_the_bound_saying_busy)
{
    // The other connection (the sync thread, an import) holds the write lock until this test's
    // write has given up, or at most 20 s: long enough that the old "50 x 5 s" wait would win.
    std::promise<void> writerDone;
    std::promise<void> locked;
    auto holder = std::async(std::launch::async, [&] {
        Database other = Database::open(path);
        auto tx = other.beginWrite();
        other.exec("INSERT INTO settings(key, value) VALUES('holder', 'x')");
        locked.set_value();
        writerDone.get_future().wait_for(std::chrono::seconds(20));
        tx.commit();
    });
    locked.get_future().wait();

    const auto start = std::chrono::steady_clock::now();
    std::string message;
    bool busy = false;
    try {
        store.create(Kind::Homework, homeworkBody(), ctx);
    } catch (const DatabaseBusy& e) {
        busy = true;
        message = e.what();
    }
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    writerDone.set_value();
    holder.get();

    EXPECT_TRUE(busy) << "the write neither failed nor was bounded (waited " << waited << " ms)";
    EXPECT_EQ(message.rfind("数据库正忙", 0), 0u) << message;
    EXPECT_GE(waited, OpenOptions::kInteractiveWriteWaitMs - 100);
    EXPECT_LE(waited, OpenOptions::kInteractiveWriteWaitMs + 1500);
    EXPECT_EQ(store.outboxCount(), 0) << "nothing may be half-written";
    // Once the lock is free the same write goes through.
    store.create(Kind::Homework, homeworkBody(), ctx);
    EXPECT_EQ(store.outboxCount(), 1);
}
