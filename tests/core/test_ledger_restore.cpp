// Restore of a ledger backup killed (SIGKILL) at every step: afterwards the ledger always opens,
// is never empty, holds either the data before the restore or the backup's, and the next start
// finishes the restore; the changes made after the backup (still in the WAL when the program
// died) are kept in <db>.before-restore.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include <gtest/gtest.h>

#include "clock.h"
#include "database.h"
#include "demo_data.h"
#include "ledger.h"
#include "ledger_backup.h"
#include "school.h"
#include "temp_dir.h"

namespace taizhang::testing {
namespace {

std::int64_t liveClasses(Database& db)
{
    auto s = db.prepare("SELECT count(*) FROM records WHERE kind = 'class' AND deleted = 0");
    s.step();
    return s.int64(0);
}

bool integrityOk(Database& db)
{
    auto s = db.prepare("PRAGMA integrity_check");
    return s.step() && s.text(0) == "ok";
}

// Runs `body` in a child process and waits for it; returns the signal that ended it (0 if none).
template <class Body> int inChild(Body body)
{
    const pid_t pid = fork();
    if (pid == 0) {
        body();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

class LedgerRestore : public ::testing::Test {
protected:
    void SetUp() override
    {
        clock = std::make_unique<ManualClock>(unixMillisAt(Date{2026, 11, 20}, 19));
        {
            Database db = Database::open(live);
            DemoOptions options;
            options.classes = 6;
            options.today = Date{2026, 11, 20};
            createDemoSchool(db, *clock, options);
            classesInBackup = liveClasses(db);
        }
        ASSERT_EQ(backupLedgerFile(live, backup), "");
        // A change after the backup, made by a program killed right after its commit: the
        // change lives only in the WAL (never checkpointed into the main file).
        ASSERT_EQ(inChild([&] {
                      Database db = Database::open(live);
                      Ledger ledger(db, *clock);
                      auto r = ledger.save(Kind::SchoolClass, Json(SchoolClass{6, "六年级9班", 40, {}}),
                                           ChangeContext{"admin", "dev", ""});
                      if (!r.ok()) _exit(3);
                      raise(SIGKILL);
                  }),
                  SIGKILL);
        ASSERT_TRUE(std::filesystem::exists(live + "-wal"));
    }

    TempDir dir;
    std::unique_ptr<ManualClock> clock;
    std::string live = dir.file("ledger.db");
    std::string backup = dir.file("backup.db");
    std::int64_t classesInBackup = 0;
};

TEST_F(LedgerRestore, GIVEN_a_change_only_in_the_WAL_WHEN_a_restore_is_staged_THEN_nothing_changes_yet)
{
    ASSERT_EQ(stageRestore(backup, live), "");
    Database db = Database::open(live, OpenOptions{.create = false});
    EXPECT_EQ(liveClasses(db), classesInBackup + 1);
}

TEST_F(LedgerRestore, GIVEN_a_staged_restore_WHEN_the_program_is_killed_at_each_step_THEN_the_ledger_opens_and_the_next_start_finishes_it)
{
    for (RestoreStep killAt : {RestoreStep::KeptCurrent, RestoreStep::Marked, RestoreStep::CopyingPages,
                               RestoreStep::Copied, RestoreStep::Finished}) {
        SCOPED_TRACE(static_cast<int>(killAt));
        TempDir round;
        const std::string db = round.file("ledger.db");
        for (const char* suffix : {"", "-wal", "-shm"})
            if (std::filesystem::exists(live + suffix)) std::filesystem::copy_file(live + suffix, db + suffix);
        ASSERT_EQ(stageRestore(backup, db), "");

        ASSERT_EQ(inChild([&] {
                      applyRestore(db, [&](RestoreStep s) {
                          if (s == killAt) raise(SIGKILL);
                      });
                  }),
                  SIGKILL);
        {
            // Straight after the kill: a complete ledger, the old one or the backup, never empty.
            Database after = Database::open(db, OpenOptions{.create = false});
            EXPECT_TRUE(integrityOk(after));
            ASSERT_TRUE(loadSchoolProfile(after).has_value());
            const auto n = liveClasses(after);
            EXPECT_TRUE(n == classesInBackup || n == classesInBackup + 1) << n;
        }
        // The next start finishes the restore.
        const RestoreResult resumed = applyRestore(db);
        ASSERT_TRUE(resumed.ok) << resumed.problem;
        Database restored = Database::open(db, OpenOptions{.create = false});
        EXPECT_TRUE(integrityOk(restored));
        EXPECT_EQ(liveClasses(restored), classesInBackup);
        Database kept = Database::open(beforeRestorePath(db), OpenOptions{.create = false});
        EXPECT_EQ(liveClasses(kept), classesInBackup + 1) << "the change made after the backup was lost";
        EXPECT_FALSE(std::filesystem::exists(pendingRestorePath(db)));
        EXPECT_FALSE(std::filesystem::exists(applyingRestorePath(db)));
        // Nothing left to do: a further start changes nothing.
        EXPECT_TRUE(applyRestore(db).nothingToDo);
    }
}

TEST_F(LedgerRestore, GIVEN_a_file_that_is_not_a_ledger_WHEN_staged_THEN_it_is_refused_and_nothing_is_staged)
{
    const std::string junk = dir.file("junk.db");
    {
        std::FILE* f = std::fopen(junk.c_str(), "wb");
        std::fputs("not a database at all, just text", f);
        std::fclose(f);
    }
    EXPECT_NE(stageRestore(junk, live), "");
    EXPECT_NE(stageRestore(dir.file("missing.db"), live), "");
    EXPECT_FALSE(std::filesystem::exists(pendingRestorePath(live)));
    EXPECT_TRUE(applyRestore(live).nothingToDo);
}

}  // namespace
TEST_F(LedgerRestore, GIVEN_umask_022_WHEN_a_backup_and_the_before_restore_copy_are_written_THEN_both_are_owner_only)
{
    const mode_t old = ::umask(022);
    const std::string copy = dir.file("copy.db");
    const std::string problem = backupLedgerFile(live, copy);
    ::umask(old);
    ASSERT_EQ(problem, "");
    struct stat st{};
    ASSERT_EQ(::stat(copy.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "a backup holds password hashes and every record";
    ASSERT_EQ(::stat(backup.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 077, 0u);
}

}  // namespace taizhang::testing
