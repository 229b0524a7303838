#pragma once
// The county database behind one interface with two backends: SQLite (a file, the default, no
// setup) and PostgreSQL (libpq, for a real county and several server instances). Everything
// above this interface (ingest, HTTP, admin commands, reports) is backend-agnostic; all SQL is
// parameterised and lives in the two backend files.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "county_types.h"
#include "day_summary_rows.h"

namespace taizhang::server {

class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A duplicate key where the caller asked for a new row (a school that exists, ...).
class AlreadyExists : public StorageError {
public:
    using StorageError::StorageError;
};

struct RecordQuery {
    std::string schoolCode;
    std::optional<std::string> kind;
    std::optional<std::string> from;  // day >= from (records without a day are included)
    std::optional<std::string> to;
};

// One ingest transaction: everything of one batch commits together or not at all.
class IngestTx {
public:
    virtual ~IngestTx() = default;
    // Claims the batch key for this transaction. Returns nullopt when the key was free (a
    // placeholder row is now held), or the committed row of an earlier batch with that key.
    virtual std::optional<IdempotencyRow> claimBatch(const BatchRow& batch) = 0;
    // Reads the stored versions of these ids (sorted, unique) and holds the school's ingest
    // until commit: a concurrent batch of the same school waits here, then sees this one's
    // writes (two devices editing one record, or creating one natural key, at once). Records
    // and natural keys belong to one school, so batches of other schools never wait.
    virtual std::unordered_map<std::string, StoredRecord> findRecords(const std::string& schoolCode,
                                                                      const std::vector<std::string>& ids) = 0;
    // The live records holding these natural keys (sorted, unique) in the school, by key. Call
    // after findRecords, whose hold on the school covers the keys.
    virtual std::unordered_map<std::string, KeyOwner> findKeyOwners(const std::string& schoolCode,
                                                                    const std::vector<std::string>& keys) = 0;
    // The live records of one kind of the school dated on these days (sorted, unique), as record
    // JSON: one range of records_school_kind_day per day. Call after findRecords, whose hold on
    // the school covers them (the class-days a 无作业 mark claims, server/class_day_marks.h).
    virtual std::vector<std::string> liveRecordJsonsOn(const std::string& schoolCode, const std::string& kind,
                                                       const std::vector<std::string>& days) = 0;
    // Gives stored records new change numbers without changing them: their current version
    // travels again (a refused edit's computer then receives the county's version).
    virtual void renumberRecords(const std::vector<std::pair<std::string, std::int64_t>>& idToChange) = 0;
    // Takes `count` numbers of the school's change feed and returns the first. Row-locks the
    // school's counter until commit: call it last, just before the writes that carry the numbers,
    // so that a school's numbers are handed out in commit order (county migration 6).
    virtual std::int64_t allocateChanges(const std::string& schoolCode, std::int64_t count) = 0;
    virtual void writeRecords(const std::vector<RecordWrite>& rows) = 0;
    virtual void writeConflicts(const std::vector<ConflictWrite>& rows) = 0;
    // When another batch of this device (not batchId) already holds a sequence in [first, last]:
    // the highest sequence the county holds from the device. nullopt when the range is free.
    // Call after findRecords: the school's hold orders it after the device's other batches.
    virtual std::optional<std::int64_t> sequencesTaken(const std::string& deviceId, const std::string& batchId,
                                                       std::int64_t first, std::int64_t last) = 0;
    // Stores the ack in the claimed row and marks the device as synced.
    virtual void completeBatch(const BatchRow& batch) = 0;
    // Mondays of the school's approved (locked) weeks. Read inside the transaction; on PostgreSQL
    // an approval waits for batches of the school in flight, and later batches see it.
    virtual std::set<std::string> lockedWeeks(const std::string& schoolCode) = 0;

    // Day summaries (server/day_summary*.cpp), inside this transaction. lockSummaries: on
    // PostgreSQL an exclusive lock on the school's summaries until commit (taken before reading).
    virtual void lockSummaries(const std::string& schoolCode) = 0;
    virtual std::vector<std::string> schoolRecordJsons(const RecordQuery& query) = 0;
    // First and last day of the school's daily records and of its summaries, nullopt if none.
    virtual std::optional<std::pair<std::string, std::string>> summaryDaySpan(const std::string& schoolCode) = 0;
    // When each homework and activity record of the school dated in [from, to] first reached the
    // county (id -> UTC timestamp; nullopt: unknown, stored before county migration 7).
    virtual FirstArrivals firstArrivals(const std::string& schoolCode, const std::string& from, const std::string& to) = 0;
    // Replaces the school's summary rows of the days in [from, to] by these.
    virtual void replaceDaySummaries(const std::string& schoolCode, const std::string& from, const std::string& to,
                                     const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings) = 0;
    virtual void commit() = 0;
};

class Storage {
public:
    virtual ~Storage() = default;
    virtual std::string backendName() const = 0;

    virtual void addSchool(const SchoolRow& school) = 0;  // AlreadyExists on a duplicate code
    virtual std::optional<SchoolRow> findSchool(const std::string& code) = 0;
    virtual std::vector<SchoolRow> listSchools() = 0;
    virtual void setSchoolDisabled(const std::string& code, bool disabled) = 0;

    virtual void addEnrollmentCode(const EnrollmentCodeRow& code) = 0;
    // Atomically checks the code (of this school, unexpired, unused), marks it used (keeping
    // replay.nonceHash and replay.sealedToken with it) and inserts the device. A code already
    // used with the same non-empty nonce hash, unexpired, whose device is not revoked, answers
    // Replayed and fills replay.deviceId / replay.sealedToken from the first enrollment.
    virtual EnrollOutcome enroll(const std::string& schoolCode, const std::string& codeHash, const DeviceRow& device,
                                 std::int64_t nowMs, EnrollReplay& replay) = 0;

    virtual std::optional<DeviceRow> findDeviceByTokenHash(const std::string& tokenHash) = 0;
    virtual std::optional<DeviceRow> findDevice(const std::string& id) = 0;
    virtual std::vector<DeviceRow> listDevices(const std::string& schoolCode) = 0;  // "" = all
    virtual bool revokeDevice(const std::string& id, const std::string& at) = 0;
    virtual DeviceState deviceState(const std::string& deviceId) = 0;

    virtual std::optional<std::string> configValue(const std::string& key) = 0;
    virtual void setConfigValue(const std::string& key, const std::string& value, const std::string& at) = 0;

    virtual std::unique_ptr<IngestTx> beginIngest() = 0;

    // Reports.
    virtual std::vector<std::string> recordJsons(const RecordQuery& query) = 0;  // current versions
    virtual std::map<std::string, std::int64_t> countByKind(const std::string& schoolCode) = 0;
    virtual std::int64_t conflictCount(const std::string& schoolCode) = 0;
    virtual std::vector<ConflictRow> listConflicts(const std::string& schoolCode) = 0;  // "" = all
    virtual std::optional<std::string> lastSync(const std::string& schoolCode) = 0;
    virtual std::int64_t totalRecords() = 0;  // all schools; tests and benchmarks

    // The console's overview for all schools at once (server/day_summary.cpp).
    virtual std::vector<DaySummaryRow> daySummaries(const std::string& from, const std::string& to) = 0;
    // Findings per school, rule and severity summed over [from, to] (day left empty).
    virtual std::vector<DayFindingRow> dayFindingTotals(const std::string& from, const std::string& to) = 0;
    virtual std::map<std::string, std::int64_t> conflictCountsBySchool() = 0;
    virtual std::map<std::string, std::string> lastSyncBySchool() = 0;
    // The same as IngestTx::firstArrivals, outside a transaction (the school's grid).
    virtual FirstArrivals firstArrivals(const std::string& schoolCode, const std::string& from, const std::string& to) = 0;
    // (school code, record JSON) of every school's current records of one kind.
    virtual std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(const std::string& kind) = 0;

    // The school's change feed: entries numbered above `after`, in order, at most `limit` of them
    // and, past the first, at most about maxBytes of JSON. Only this school's rows, ever.
    virtual std::vector<ChangeEntry> changesAfter(const std::string& schoolCode, std::int64_t after, int limit,
                                                  std::int64_t maxBytes) = 0;

    // Console staff and sessions (server/console*.cpp).
    virtual void addStaff(const StaffRow& staff) = 0;  // AlreadyExists on a duplicate username
    virtual std::optional<StaffRow> findStaffByUsername(const std::string& username) = 0;
    virtual std::vector<StaffRow> listStaff() = 0;
    virtual void createSession(const StaffSessionRow& session) = 0;  // also drops expired sessions
    // The session's staff member while the session is unexpired at nowMs and the account enabled.
    virtual std::optional<StaffRow> staffForSession(const std::string& tokenHash, std::int64_t nowMs) = 0;
    virtual void deleteSession(const std::string& tokenHash) = 0;
    // Failed sign-ins by key ("user:NAME", "addr:IP"); rows older than a day are pruned.
    virtual void recordLoginFailure(const std::string& key, std::int64_t nowMs) = 0;
    virtual std::int64_t loginFailuresSince(const std::string& key, std::int64_t sinceMs) = 0;
    virtual void appendAudit(const AuditRow& row) = 0;
    virtual std::vector<AuditRow> recentAudit(int limit) = 0;  // newest first

    // Review of school weeks (approve locks, return, reopen): replaces the week's state.
    virtual void setPeriodReview(const PeriodReviewRow& row) = 0;
    virtual std::vector<PeriodReviewRow> periodReviews(const std::string& schoolCode) = 0;  // by week
};

// "postgresql://..." or "postgres://..." opens PostgreSQL; anything else is a SQLite file path.
std::unique_ptr<Storage> openStorage(const std::string& target, int connections = 8);

}  // namespace taizhang::server
