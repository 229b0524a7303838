#include "database.h"

#include "private_file.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

namespace taizhang {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what)
{
    std::string msg(what);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DbError(msg, rc);
}
}  // namespace

// ---- Statement ------------------------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "prepare failed for [" + std::string(sql.substr(0, 120)) + "]");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }

Statement& Statement::operator=(Statement&& o) noexcept
{
    if (this != &o) {
        sqlite3_finalize(stmt_);
        db_ = o.db_;
        stmt_ = o.stmt_;
        o.stmt_ = nullptr;
    }
    return *this;
}

Statement& Statement::bind(int i, std::int64_t v)
{
    if (int rc = sqlite3_bind_int64(stmt_, i, v); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}
Statement& Statement::bind(int i, double v)
{
    if (int rc = sqlite3_bind_double(stmt_, i, v); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}
Statement& Statement::bind(int i, std::string_view v)
{
    if (int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(db_, rc, "bind");
    return *this;
}
Statement& Statement::bind(int i, std::nullptr_t)
{
    if (int rc = sqlite3_bind_null(stmt_, i); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}
Statement& Statement::bindBlob(int i, const void* data, std::size_t size)
{
    if (int rc = sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_TRANSIENT); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset so the statement can be reused after a failed step (e.g. a constraint violation).
    sqlite3_reset(stmt_);
    fail(db_, rc, "step failed");
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
}

bool Statement::isNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
bool Statement::isInteger(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_INTEGER; }
std::int64_t Statement::int64(int c) const { return sqlite3_column_int64(stmt_, c); }
double Statement::real(int c) const { return sqlite3_column_double(stmt_, c); }
std::string Statement::text(int c) const
{
    const auto* p = sqlite3_column_text(stmt_, c);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string{};
}
std::string Statement::blob(int c) const
{
    const void* p = sqlite3_column_blob(stmt_, c);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string{};
}
std::optional<std::string> Statement::optText(int c) const
{
    if (isNull(c)) return std::nullopt;
    return text(c);
}

// ---- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database& db, bool immediate) : db_(db)
{
    if (!sqlite3_get_autocommit(db.handle())) {
        nested_ = true;
        db.exec("SAVEPOINT tz_nested");
        return;
    }
    // A write may wait for another connection's lock, but only up to the connection's bound in
    // total (busy_timeout inside one attempt plus the retries around it): BEGIN IMMEDIATE can
    // still report BUSY when a reader upgrades, hence the loop; without the deadline 50 attempts
    // x 5 s busy_timeout froze the UI thread for minutes.
    const char* sql = immediate ? "BEGIN IMMEDIATE" : "BEGIN";
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(0, db.writeWaitMillis()));
    const auto remainingMs = [&] {
        return static_cast<int>(
            std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count()));
    };
    for (int attempt = 0;; ++attempt) {
        sqlite3_busy_timeout(db.handle(), std::min(db.busyTimeoutMillis(), remainingMs()));
        char* err = nullptr;
        const int rc = sqlite3_exec(db.handle(), sql, nullptr, nullptr, &err);
        sqlite3_busy_timeout(db.handle(), db.busyTimeoutMillis());
        if (rc == SQLITE_OK) return;
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        const int primary = rc & 0xff;
        if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED) throw DbError("cannot begin transaction: " + msg, rc);
        const int left = remainingMs();
        if (left <= 0)
            throw DatabaseBusy("数据库正忙：另一个窗口、同步或导入正在写入，等待 " +
                                   std::to_string((db.writeWaitMillis() + 999) / 1000) +
                                   " 秒后仍未轮到。本次内容没有保存，请稍后再试。",
                               rc);
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(left, 20 * (attempt + 1))));
    }
}

Transaction::~Transaction()
{
    if (!open_) return;
    if (nested_)
        sqlite3_exec(db_.handle(), "ROLLBACK TO tz_nested; RELEASE tz_nested", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    db_.exec(nested_ ? "RELEASE tz_nested" : "COMMIT");
    open_ = false;
}

// ---- Database -------------------------------------------------------------------------------

Database Database::open(const std::string& path, const OpenOptions& options)
{
    return open(path, clientMigrations(), options);
}

Database Database::open(const std::string& path, const std::vector<Migration>& migrations,
                        const OpenOptions& options)
{
    Database db;
    db.path_ = path;
    // Create the file owner-only before SQLite does (it would use 0644 minus the umask).
    const bool isFile = !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
    if (isFile && (options.create || std::filesystem::exists(path))) {
        try {
            ensurePrivateFile(path, options.fileMode);
        } catch (const std::runtime_error& e) {
            throw DbError("cannot open database '" + path + "': " + e.what());
        }
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
    if (options.create) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database '" + path + "': " +
                          (db.db_ ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc));
        throw DbError(msg, rc);
    }
    sqlite3_extended_result_codes(db.db_, 1);
    db.busyTimeoutMs_ = options.busyTimeoutMs;
    db.writeWaitMs_ = options.writeWaitMs;
    sqlite3_busy_timeout(db.db_, options.busyTimeoutMs);
    db.exec("PRAGMA foreign_keys = ON");
    // auto_vacuum can only be chosen before the file is initialised (switching to WAL does that)
    // or by a VACUUM (see migrate).
    const int target = options.migrateTo.value_or(migrations.empty() ? 0 : migrations.back().version);
    const bool incremental = std::any_of(migrations.begin(), migrations.end(), [&](const Migration& m) {
        return m.incrementalVacuum && m.version <= target;
    });
    if (incremental && db.userVersion() == 0) db.exec("PRAGMA auto_vacuum = INCREMENTAL");
    // WAL lets the UI read while sync writes; NORMAL is durable across application crashes
    // (only a power cut can lose the last commits), FULL is used where sync freezes a batch.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    // 32 MB of page cache (the default is 2 MB): a bulk import of 100k records would otherwise
    // spill dirty pages to the WAL mid-transaction and read them back (bench/bench_import.cpp).
    db.exec("PRAGMA cache_size = -32768");
    db.migrate(migrations, options);
    return db;
}

Database::~Database()
{
    if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& o) noexcept
    : db_(o.db_), path_(std::move(o.path_)), lastBackup_(std::move(o.lastBackup_)), busyTimeoutMs_(o.busyTimeoutMs_),
      writeWaitMs_(o.writeWaitMs_)
{
    o.db_ = nullptr;
}

Database& Database::operator=(Database&& o) noexcept
{
    if (this != &o) {
        if (db_) sqlite3_close_v2(db_);
        db_ = o.db_;
        path_ = std::move(o.path_);
        lastBackup_ = std::move(o.lastBackup_);
        busyTimeoutMs_ = o.busyTimeoutMs_;
        writeWaitMs_ = o.writeWaitMs_;
        o.db_ = nullptr;
    }
    return *this;
}

void Database::exec(std::string_view sql)
{
    std::string copy(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw DbError("exec failed [" + copy.substr(0, 120) + "]: " + msg, rc);
    }
}

int Database::userVersion() const
{
    Statement s(db_, "PRAGMA user_version");
    s.step();
    return s.int32(0);
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

std::optional<std::string> Database::setting(std::string_view key) const
{
    Statement s(db_, "SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void Database::setSetting(std::string_view key, std::string_view value)
{
    Statement s(db_, "INSERT INTO settings(key, value) VALUES(?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value).run();
}

void Database::migrate(const std::vector<Migration>& migrations, const OpenOptions& options)
{
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    const int target = options.migrateTo.value_or(latest);
    const int current = userVersion();
    if (current > latest) {
        throw SchemaTooNewError("database '" + path_ + "' has schema version " + std::to_string(current) +
                                    ", newer than this program understands (" + std::to_string(latest) +
                                    "); install a newer taizhang instead of opening it with this one",
                                0);
    }
    if (current >= target) return;

    // Back up a file that already holds data before changing its schema, so a failed or
    // regretted upgrade can be undone by copying one file back.
    if (current > 0 && path_ != ":memory:" && !path_.empty()) {
        const std::string backup = options.backupPath.value_or(path_ + ".v" + std::to_string(current) + ".bak");
        std::error_code ec;
        std::filesystem::remove(backup, ec);
        ensurePrivateFile(backup, options.fileMode);  // VACUUM INTO fills an existing empty file
        Statement s(db_, "VACUUM INTO ?");
        s.bind(1, backup).run();
        lastBackup_ = backup;
    }

    bool convertToIncremental = false;
    for (const auto& m : migrations) {
        if (m.version <= current || m.version > target) continue;
        Transaction tx(*this, true);
        try {
            exec(m.sql);
        } catch (const DbError& e) {
            throw DbError("migration " + std::to_string(m.version) + " (" + m.description + ") failed: " + e.what(),
                          e.sqliteCode());
        }
        exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
        convertToIncremental = convertToIncremental || m.incrementalVacuum;
    }
    if (convertToIncremental && current > 0) {
        // Rewrites the file compactly: with the page bookkeeping incremental vacuum needs (once
        // per file), and without the space a migration that rebuilt tables left behind (5: the
        // old tables' pages, and rows shortened in place).
        if (autoVacuumMode() != 2) exec("PRAGMA auto_vacuum = INCREMENTAL");
        exec("VACUUM");
    }
}

int Database::autoVacuumMode() const
{
    Statement s(db_, "PRAGMA auto_vacuum");
    s.step();
    return s.int32(0);
}

std::int64_t Database::reclaimFreePages(std::int64_t atLeast)
{
    Statement count(db_, "PRAGMA freelist_count");
    count.step();
    const std::int64_t free = count.int64(0);
    count.reset();
    if (free < atLeast || autoVacuumMode() != 2) return 0;
    try {
        exec("PRAGMA incremental_vacuum");
    } catch (const DbError&) {
        return 0;  // another connection is writing: the pages are reclaimed after a later ack
    }
    return free;
}

}  // namespace taizhang
