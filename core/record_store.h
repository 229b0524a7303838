#pragma once
// The repository for records. Every change writes, in one BEGIN IMMEDIATE transaction, the
// record, an audit row (before/after) and an outbox row; if any part fails nothing is written.
// It does not validate: Ledger (ledger.h) validates and then calls it.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clock.h"
#include "database.h"
#include "records.h"

namespace taizhang {

struct ChangeContext {
    std::string author;  // local user id, or "cli" / "import"
    std::string device;  // this installation's device id
    std::string reason;  // optional: why (e.g. why an over-cap entry was saved); kept in audit
};

struct RecordQuery {
    std::optional<Kind> kind;
    std::optional<Date> from;  // inclusive, on the record's day
    std::optional<Date> to;    // inclusive
    std::string classId;       // "" = any
    std::string teacherId;     // "" = any
    std::string author;        // "" = any
    bool includeDeleted = false;
    std::size_t limit = 0;     // 0 = no limit
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string recordId;
    Kind kind = Kind::Homework;
    std::int64_t version = 0;
    std::string action;  // create | update | delete
    std::string at;
    std::string author;
    std::string device;
    std::optional<Json> before;
    std::optional<Json> after;
    std::string reason;
};

class RecordNotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The caller edited a version that is no longer current (someone else saved in between).
class StaleVersion : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A row of the records or audit table names a kind this program does not know (the file was
// written by a newer taizhang, or edited by hand). Reading it as some other kind would show and
// sync a wrong record, so the read fails instead.
class UnknownRecordKind : public DbError {
public:
    using DbError::DbError;
};

struct NewRecord {
    Kind kind;
    Json body;
    std::string reason;  // audit reason for this row when it differs from the batch's ctx.reason
};

class RecordStore {
public:
    RecordStore(Database& db, const Clock& clock);

    Record create(Kind kind, Json body, const ChangeContext& ctx);
    // All or nothing, in one transaction (CSV import, demo data, bulk class creation).
    std::vector<Record> createMany(const std::vector<NewRecord>& records, const ChangeContext& ctx);
    std::vector<Record> createMany(std::vector<NewRecord>&& records, const ChangeContext& ctx);  // takes the bodies
    Record update(std::string_view id, Json body, std::int64_t expectedVersion, const ChangeContext& ctx);
    // Writes a tombstone: the body stays, deleted = true, version + 1.
    Record remove(std::string_view id, std::int64_t expectedVersion, const ChangeContext& ctx);

    std::optional<Record> find(std::string_view id) const;
    std::vector<Record> query(const RecordQuery& q) const;
    std::vector<AuditEntry> history(std::string_view id) const;

    std::int64_t outboxCount() const;

    // Test seam: called at "record_written" and "audit_written" inside the transaction; a hook
    // that throws must leave nothing behind.
    void setFaultHook(std::function<void(std::string_view stage)> hook) { faultHook_ = std::move(hook); }

    Database& database() { return db_; }
    const Clock& clock() const { return clock_; }

private:
    Record insertNew(Kind kind, Json body, const ChangeContext& ctx, const std::string& now);
    void writeChange(const Record& after, const std::optional<Record>& before, std::string_view action,
                     const ChangeContext& ctx);
    Record change(std::string_view id, std::optional<Json> body, std::int64_t expectedVersion,
                  const ChangeContext& ctx, bool deleting);

    Database& db_;
    const Clock& clock_;
    std::function<void(std::string_view)> faultHook_;
};

// Writes versions another computer of the school made, as the county's change feed brought them,
// inside the caller's write transaction (core/pull_apply.h): the record and an audit row naming
// the device that made the change, and NO outbox row: the county has the change already, and
// sending it back would make every pull a push.
class PulledVersionWriter {
public:
    explicit PulledVersionWriter(Database& db);
    ~PulledVersionWriter();
    void write(const Record& after, const std::optional<Record>& before, const std::string& reason);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// How a record is stored (client migration 5, docs/sync-protocol.md "Storage"): a rowid table
// whose `rec` the audit log and the outbox refer to; author and device by number (actors);
// timestamps as milliseconds when canonical; the body without the fields held in the day,
// class_id and teacher_id columns. recordFromRow is the one place a row becomes a Record again.

// "SELECT <the record's columns> FROM records r JOIN actors ...": append a WHERE on r.
// Columns in the order recordFromRow reads them (12 columns).
const char* recordSelectSql();
// The same twelve columns, as a list to put into another SELECT over `records r` joined to
// actors a (author) and d (device).
const char* recordColumnsSql();
Record recordFromRow(const Statement& row, int firstColumn = 0);

// A timestamp as stored: an INTEGER (ms since the epoch) when the text is canonical, else the text.
void bindStoredTime(Statement& s, int index, const std::string& timestamp);
std::string storedTimeText(const Statement& s, int column);

}  // namespace taizhang
