#include "ledger_backup.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "database.h"
#include "private_file.h"
#include "school.h"

namespace taizhang {

namespace fs = std::filesystem;

namespace {

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, SqliteCloser>;

Handle openRaw(const std::string& path, int flags, std::string& problem)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        problem = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return Handle(db);
}

// Copies every page of `from` into `to` in one write transaction of `to`. onChunk runs between
// chunks (the transaction on `to` stays open across them; a kill there rolls it back).
std::string copyPages(sqlite3* from, sqlite3* to, const std::function<void()>& onChunk = {})
{
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) return std::string("backup could not start: ") + sqlite3_errmsg(to);
    int rc = SQLITE_OK;
    int busyTries = 0;
    do {
        rc = sqlite3_backup_step(b, 64);
        if (rc == SQLITE_OK && onChunk) onChunk();
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busyTries < 50) {
            sqlite3_sleep(100);
            rc = SQLITE_OK;
        }
    } while (rc == SQLITE_OK);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return std::string("backup failed: ") + sqlite3_errstr(rc);
    return sqlite3_errcode(to) == SQLITE_OK ? std::string() : std::string("backup failed: ") + sqlite3_errmsg(to);
}

// Writes `target` through `target.part` so that a kill never leaves a half file under the
// final name. The copy is committed by SQLite with synchronous=FULL before the rename.
std::string copyToNewFile(sqlite3* from, const std::string& target,
                          const std::function<std::string(const std::string&)>& check = {})
{
    const std::string part = target + ".part";
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(part + suffix, ec);
    std::string problem;
    try {
        // A backup holds every record and the accounts' password hashes: owner-only, like the
        // ledger, whatever the umask (SQLite fills an existing empty file).
        ensurePrivateFile(part);
    } catch (const std::exception& e) {
        return e.what();
    }
    {
        Handle to = openRaw(part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, problem);
        if (!to) return problem;
        sqlite3_exec(to.get(), "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
        problem = copyPages(from, to.get());
        if (problem.empty() && sqlite3_exec(to.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
            problem = std::string("cannot finish ") + part + ": " + sqlite3_errmsg(to.get());
    }
    if (problem.empty() && check) problem = check(part);
    if (problem.empty()) fs::rename(part, target, ec);
    if (!problem.empty() || ec) {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(part + suffix, ec);
        return problem.empty() ? "cannot rename " + part + ": " + ec.message() : problem;
    }
    return {};
}

}  // namespace

std::string pendingRestorePath(const std::string& dbPath) { return dbPath + ".restore-pending"; }
std::string applyingRestorePath(const std::string& dbPath) { return dbPath + ".restore-applying"; }
std::string beforeRestorePath(const std::string& dbPath) { return dbPath + ".before-restore"; }

std::string backupLedgerFile(const std::string& dbPath, const std::string& target)
{
    std::string problem;
    // Read-write so that SQLite may open the WAL index of a ledger in WAL mode; only read here.
    Handle from = openRaw(dbPath, SQLITE_OPEN_READWRITE, problem);
    if (!from) return problem;
    return copyToNewFile(from.get(), target);
}

std::string stageRestore(const std::string& backupPath, const std::string& dbPath)
{
    if (!fs::is_regular_file(backupPath)) return "no file " + backupPath;
    std::string problem;
    // The chosen file is only read; a copy of it is checked (and migrated when older).
    Handle from = openRaw(backupPath, SQLITE_OPEN_READONLY, problem);
    if (!from) return problem;
    return copyToNewFile(from.get(), pendingRestorePath(dbPath), [](const std::string& part) -> std::string {
        try {
            // Refuses what is not a ledger, or one newer than this program.
            Database probe = Database::open(part, OpenOptions{.create = false, .backupPath = part + ".old"});
            if (!loadSchoolProfile(probe)) return "no school profile";
        } catch (const std::exception& e) {
            return e.what();
        }
        std::error_code ec;
        fs::remove(part + ".old", ec);
        return {};
    });
}

RestoreResult applyRestore(const std::string& dbPath, const std::function<void(RestoreStep)>& onStep)
{
    RestoreResult result;
    auto step = [&](RestoreStep s) {
        if (onStep) onStep(s);
    };
    const std::string pending = pendingRestorePath(dbPath);
    const std::string applying = applyingRestorePath(dbPath);
    std::error_code ec;
    if (!fs::exists(applying)) {
        if (!fs::exists(pending)) {
            result.ok = true;
            result.nothingToDo = true;
            return result;
        }
        // (a) The current ledger, WAL included, aside before anything changes.
        if (fs::exists(dbPath)) {
            if (auto problem = backupLedgerFile(dbPath, beforeRestorePath(dbPath)); !problem.empty()) {
                result.problem = "cannot keep the current ledger: " + problem;
                return result;
            }
        }
        step(RestoreStep::KeptCurrent);
        // (b)
        fs::rename(pending, applying, ec);
        if (ec) {
            result.problem = "cannot rename " + pending + ": " + ec.message();
            return result;
        }
        step(RestoreStep::Marked);
    }
    // (c) One write transaction on the live file.
    {
        std::string problem;
        Handle from = openRaw(applying, SQLITE_OPEN_READWRITE, problem);
        Handle to = from ? openRaw(dbPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, problem) : nullptr;
        if (to) problem = copyPages(from.get(), to.get(), [&] { step(RestoreStep::CopyingPages); });
        if (!problem.empty()) {
            result.problem = "cannot copy the backup into the ledger: " + problem;
            return result;
        }
    }
    step(RestoreStep::Copied);
    // (d)
    fs::remove(applying, ec);
    step(RestoreStep::Finished);
    result.ok = true;
    return result;
}

}  // namespace taizhang
