#pragma once
// The one owner of the client's SQLite file: RAII handles, WAL, busy retry, BEGIN IMMEDIATE for
// writes, and numbered migrations on PRAGMA user_version. Repositories sit above it; nothing
// outside core/ writes SQL for the client database.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace taizhang {

class DbError : public std::runtime_error {
public:
    DbError(const std::string& what, int sqliteCode = 0) : std::runtime_error(what), code_(sqliteCode) {}
    int sqliteCode() const { return code_; }

private:
    int code_;
};

// A write waited for the lock longer than the connection's bound (another window, the sync
// thread or an import holds it). The message is Chinese, for the user as it is; nothing was written.
class DatabaseBusy : public DbError {
public:
    using DbError::DbError;
};

// The file was written by a newer taizhang: refused, never downgraded.
class SchemaTooNewError : public DbError {
public:
    using DbError::DbError;
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullptr_t);
    Statement& bindBlob(int index, const void* data, std::size_t size);
    template <class T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bind(index, nullptr);
    }

    // true while a row is available; false when done. Throws DbError on failure.
    bool step();
    // Runs to completion, ignoring rows.
    void run();
    void reset();  // ready to step again; keeps bindings until rebound

    bool isNull(int column) const;
    bool isInteger(int column) const;  // the value is stored as an INTEGER
    std::int64_t int64(int column) const;
    int int32(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    std::optional<std::string> optText(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database;

// Rolls back unless commit() was called; use Database::beginWrite() for writes. Opened while a
// transaction is already open (Ledger validates and writes inside one), it becomes a SAVEPOINT
// of the outer one, so the inner writer's all-or-nothing still holds and the outer decides.
class Transaction {
public:
    explicit Transaction(Database& db, bool immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
    bool nested_ = false;
};

struct Migration {
    int version;              // 1, 2, 3 ... applied in order
    std::string description;
    std::string sql;          // may hold several statements
    // From this version on the file uses auto_vacuum = INCREMENTAL (space freed by pruning is
    // given back with PRAGMA incremental_vacuum): a new file gets it before its first table, an
    // older one is converted by a VACUUM after its migrations. An older file that applies such
    // a migration is VACUUMed once after it (migration 5 rebuilds the record tables).
    bool incrementalVacuum = false;
};

// All migrations of the client database, in order (migrations.cpp).
const std::vector<Migration>& clientMigrations();

struct OpenOptions {
    bool create = true;
    int busyTimeoutMs = 5000;
    // The longest a write (BEGIN IMMEDIATE) waits for another connection's write lock, retries
    // included, before it fails with DatabaseBusy. A few seconds by default: the UI thread
    // writes through this, and a frozen window is worse than a clear "数据库正忙" it can show.
    // Background connections (the sync scheduler) may wait longer.
    int writeWaitMs = kInteractiveWriteWaitMs;
    static constexpr int kInteractiveWriteWaitMs = 3000;
    // Apply migrations up to this version only (tests that build an older file).
    std::optional<int> migrateTo;
    // Where the pre-migration backup goes; default "<path>.v<old>.bak".
    std::optional<std::string> backupPath;
    // Permissions of the file (and so of its -wal / -shm, which SQLite creates alike) and of the
    // migration backup: the client ledger holds password hashes and every record, so owner-only
    // whatever the umask. Bits beyond this are removed from an existing file too.
    unsigned fileMode = 0600;
};

class Database {
public:
    // Opens (and creates) the file, switches to WAL and migrates to the newest schema, backing up
    // the file first when it already held data of an older version. Throws SchemaTooNewError if
    // the file is newer than clientMigrations().
    static Database open(const std::string& path, const OpenOptions& options = {});
    // Opens with a custom migration list (the county server's SQLite backend uses its own).
    static Database open(const std::string& path, const std::vector<Migration>& migrations,
                         const OpenOptions& options = {});

    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) const { return Statement(db_, sql); }
    // BEGIN IMMEDIATE (retrying while another writer holds the lock): every write path uses one.
    Transaction beginWrite() { return Transaction(*this, true); }
    Transaction beginRead() { return Transaction(*this, false); }

    int userVersion() const;
    int writeWaitMillis() const { return writeWaitMs_; }
    int busyTimeoutMillis() const { return busyTimeoutMs_; }
    std::int64_t lastInsertRowId() const;
    int changes() const;
    // PRAGMA auto_vacuum: 0 none, 1 full, 2 incremental.
    int autoVacuumMode() const;
    // Gives the file's free pages back to the file system (PRAGMA incremental_vacuum) when there
    // are at least `atLeast` of them and the file is in incremental mode. Outside a transaction;
    // never fails (busy: left for a later call). Returns the pages freed.
    std::int64_t reclaimFreePages(std::int64_t atLeast = 1);

    // Key/value settings of this installation (school profile, device id, sync state, ...).
    std::optional<std::string> setting(std::string_view key) const;
    void setSetting(std::string_view key, std::string_view value);  // call inside a write transaction

    // Where the last migration's backup was written, if one was made.
    const std::optional<std::string>& lastBackupPath() const { return lastBackup_; }

private:
    Database() = default;
    void migrate(const std::vector<Migration>& migrations, const OpenOptions& options);

    sqlite3* db_ = nullptr;
    std::string path_;
    std::optional<std::string> lastBackup_;
    int busyTimeoutMs_ = 5000;
    int writeWaitMs_ = OpenOptions::kInteractiveWriteWaitMs;
};

}  // namespace taizhang
