#include "sqlite_storage.h"

#include <mutex>

#include "clock.h"
#include "change_feed_sql.h"
#include "county_schema.h"
#include "crypto.h"
#include "database.h"
#include "day_summary_sql.h"
#include "platform/private_file.h"
#include "record_body.h"

namespace taizhang::server {
namespace {

// county.db holds every school's records and the bundle keys derived from device tokens: owner
// only (0600) whatever the umask. The file is created (or tightened, if an older server made it
// 0644) before SQLite opens it; SQLite gives -wal and -shm the mode of the database file, and
// files left over from before are tightened too. Returns the path for the caller's initialiser.
const std::string& ownerOnly(const std::string& path)
{
    platform::makeOwnerOnly(path, true);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) platform::makeOwnerOnly(path + suffix, false);
    return path;
}

SchoolRow readSchool(const Statement& st)
{
    return SchoolRow{st.text(0), st.text(1), st.text(2), st.text(3), st.int64(4) != 0, st.text(5)};
}

DeviceRow readDevice(const Statement& st)
{
    return DeviceRow{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.optText(6), st.optText(7)};
}

constexpr const char* kDeviceColumns =
    "SELECT id, school_code, name, token_hash, bundle_key, created_at, revoked_at, last_sync_at FROM devices ";

class SqliteIngestTx final : public IngestTx {
public:
    SqliteIngestTx(Database& db, std::mutex& mu) : lock_(mu), db_(db), tx_(db.beginWrite()) {}

    std::optional<IdempotencyRow> claimBatch(const BatchRow& b) override
    {
        auto st = db_.prepare("SELECT body_hash, response FROM batches WHERE device_id = ? AND batch_id = ?");
        st.bind(1, b.deviceId).bind(2, b.batchId);
        if (st.step()) return IdempotencyRow{st.text(0), st.text(1)};
        db_.prepare("INSERT INTO batches(device_id, batch_id, body_hash, first_seq, last_seq, count, response, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, '', ?)")
            .bind(1, b.deviceId).bind(2, b.batchId).bind(3, b.bodyHash).bind(4, b.firstSeq).bind(5, b.lastSeq)
            .bind(6, b.count).bind(7, b.receivedAt).run();
        return std::nullopt;
    }

    // One writer at a time (the write transaction): the school needs no hold of its own.
    std::unordered_map<std::string, StoredRecord> findRecords(const std::string& /*schoolCode*/,
                                                              const std::vector<std::string>& ids) override
    {
        std::unordered_map<std::string, StoredRecord> found;
        auto st = db_.prepare("SELECT school_code, version, body FROM records WHERE id = ?");
        for (const auto& id : ids) {
            st.reset();
            const std::string key = uuidBytes(id);
            st.bindBlob(1, key.data(), key.size());
            if (st.step()) found.emplace(id, StoredRecord{st.text(0), st.int64(1), unpackRecordBody(st.blob(2), id)});
        }
        return found;
    }

    std::unordered_map<std::string, KeyOwner> findKeyOwners(const std::string& schoolCode,
                                                            const std::vector<std::string>& keys) override
    {
        std::unordered_map<std::string, KeyOwner> found;
        auto st = db_.prepare("SELECT id, version FROM records WHERE key_hash = ? AND school_code = ?"
                              " ORDER BY change_seq LIMIT 1");
        for (const auto& key : keys) {
            st.reset();
            st.bind(1, naturalKeyHash(schoolCode, key)).bind(2, schoolCode);
            if (st.step()) found.emplace(key, KeyOwner{uuidText(st.blob(0)), st.int64(1)});
        }
        return found;
    }

    std::vector<std::string> liveRecordJsonsOn(const std::string& schoolCode, const std::string& kind,
                                               const std::vector<std::string>& days) override
    {
        std::vector<std::string> out;
        auto st = db_.prepare("SELECT body, id FROM records WHERE school_code = ? AND kind = ? AND day = ? AND deleted = 0");
        for (const auto& day : days) {
            st.reset();
            st.bind(1, schoolCode).bind(2, kind).bind(3, day);
            while (st.step()) out.push_back(unpackRecordBody(st.blob(0), uuidText(st.blob(1))));
        }
        return out;
    }

    void renumberRecords(const std::vector<std::pair<std::string, std::int64_t>>& idToChange) override
    {
        auto st = db_.prepare("UPDATE records SET change_seq = ? WHERE id = ?");
        for (const auto& [id, change] : idToChange) {
            const std::string key = uuidBytes(id);
            st.reset();
            st.bind(1, change).bindBlob(2, key.data(), key.size());
            st.run();
        }
    }

    std::int64_t allocateChanges(const std::string& schoolCode, std::int64_t count) override
    {
        // Batches are written one at a time here (the mutex and the write transaction), so the
        // numbers are in commit order without more.
        auto st = db_.prepare("INSERT INTO school_changes(school_code, last_change) VALUES (?1, ?2)"
                              " ON CONFLICT(school_code) DO UPDATE SET last_change = last_change + ?2"
                              " RETURNING last_change");
        st.bind(1, schoolCode).bind(2, count);
        if (!st.step()) throw StorageError("the change counter of school " + schoolCode + " did not answer");
        return st.int64(0) - count + 1;
    }

    void writeRecords(const std::vector<RecordWrite>& rows) override
    {
        auto st = db_.prepare(
            "INSERT INTO records(id, school_code, kind, version, deleted, day, body, device_ref, received_ms,"
            " first_received_ms, change_seq, key_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)"
            " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, version = excluded.version,"
            " deleted = excluded.deleted, day = excluded.day, body = excluded.body,"
            " device_ref = excluded.device_ref, received_ms = excluded.received_ms, change_seq = excluded.change_seq,"
            " key_hash = excluded.key_hash"
            " WHERE records.version < excluded.version AND records.school_code = excluded.school_code");
        std::map<std::string, std::int64_t> refs;
        for (const auto& r : rows) {
            auto ref = refs.find(r.deviceId);
            if (ref == refs.end()) ref = refs.emplace(r.deviceId, deviceRef(r.deviceId)).first;
            const std::string body = packRecordBody(r.recordJson, r.id);
            const std::string key = uuidBytes(r.id);
            st.reset();
            st.bindBlob(1, key.data(), key.size()).bind(2, r.schoolCode).bind(3, r.kind).bind(4, r.version).bind(5, r.deleted ? 1 : 0)
                .bind(6, r.day).bindBlob(7, body.data(), body.size()).bind(8, ref->second)
                .bind(9, utcMillisOf(r.receivedAt)).bind(10, r.changeSeq);
            if (r.naturalKey) st.bind(11, naturalKeyHash(r.schoolCode, *r.naturalKey));
            else st.bind(11, nullptr);
            st.run();
        }
    }

    // The number standing for a device in records (record_devices).
    std::int64_t deviceRef(const std::string& deviceId)
    {
        db_.prepare("INSERT INTO record_devices(device_id) VALUES (?) ON CONFLICT(device_id) DO NOTHING")
            .bind(1, deviceId).run();
        auto st = db_.prepare("SELECT ref FROM record_devices WHERE device_id = ?");
        st.bind(1, deviceId);
        if (!st.step()) throw StorageError("device " + deviceId + " has no number in record_devices");
        return st.int64(0);
    }

    void writeConflicts(const std::vector<ConflictWrite>& rows) override
    {
        auto st = db_.prepare(
            "INSERT INTO conflicts(record_id, school_code, version, content_hash, record_json, device_id, batch_id,"
            " received_at, change_seq, code, winner_id, winner_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(record_id, content_hash) DO NOTHING");
        for (const auto& c : rows) {
            st.reset();
            st.bind(1, c.recordId).bind(2, c.schoolCode).bind(3, c.version).bind(4, sha256Hex(c.recordJson))
                .bind(5, c.recordJson).bind(6, c.deviceId).bind(7, c.batchId).bind(8, c.receivedAt).bind(9, c.changeSeq)
                .bind(10, c.code).bind(11, c.winnerId).bind(12, c.winnerVersion);
            st.run();
        }
    }

    std::optional<std::int64_t> sequencesTaken(const std::string& deviceId, const std::string& batchId,
                                               std::int64_t first, std::int64_t last) override
    {
        auto st = db_.prepare("SELECT max(last_seq), max(first_seq <= ?3 AND last_seq >= ?4) FROM batches"
                              " WHERE device_id = ?1 AND batch_id <> ?2 AND response <> ''");
        st.bind(1, deviceId).bind(2, batchId).bind(3, last).bind(4, first);
        if (!st.step() || st.isNull(1) || st.int64(1) == 0) return std::nullopt;
        return st.int64(0);
    }

    void completeBatch(const BatchRow& b) override
    {
        db_.prepare("UPDATE batches SET response = ? WHERE device_id = ? AND batch_id = ?")
            .bind(1, b.response).bind(2, b.deviceId).bind(3, b.batchId).run();
        db_.prepare("UPDATE devices SET last_sync_at = ? WHERE id = ?").bind(1, b.receivedAt).bind(2, b.deviceId).run();
    }

    std::set<std::string> lockedWeeks(const std::string& schoolCode) override
    {
        std::set<std::string> weeks;
        auto st = db_.prepare("SELECT week_start FROM period_reviews WHERE school_code = ? AND state = 'approved'");
        st.bind(1, schoolCode);
        while (st.step()) weeks.insert(st.text(0));
        return weeks;
    }

    // Day summaries: the single writer already serialises every refresh.
    void lockSummaries(const std::string&) override {}
    std::vector<std::string> schoolRecordJsons(const RecordQuery& q) override
    {
        return sqlite_summaries::schoolRecordJsons(db_, q);
    }
    FirstArrivals firstArrivals(const std::string& schoolCode, const std::string& from, const std::string& to) override
    {
        return sqlite_summaries::firstArrivals(db_, schoolCode, from, to);
    }
    DaySpan summaryDaySpan(const std::string& schoolCode) override { return sqlite_summaries::daySpan(db_, schoolCode); }
    void replaceDaySummaries(const std::string& schoolCode, const std::string& from, const std::string& to,
                             const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings) override
    {
        sqlite_summaries::replace(db_, schoolCode, from, to, days, findings);
    }

    void commit() override { tx_.commit(); }

private:
    std::unique_lock<std::mutex> lock_;
    Database& db_;
    Transaction tx_;
};

// The server has no window to freeze; admin commands running beside it may hold the lock a
// while, so its writes wait much longer than the client's interactive bound.
inline OpenOptions serverOpenOptions()
{
    OpenOptions o;
    o.writeWaitMs = 60'000;
    return o;
}

class SqliteStorage final : public Storage {
public:
    explicit SqliteStorage(const std::string& path)
        : db_(Database::open(ownerOnly(path), sqliteCountyMigrations(), serverOpenOptions())),
          readDb_(Database::open(path, sqliteCountyMigrations(), serverOpenOptions()))
    {
        db_.exec("PRAGMA foreign_keys = ON");
    }

    std::string backendName() const override { return "sqlite"; }

    void addSchool(const SchoolRow& s) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        auto check = db_.prepare("SELECT 1 FROM schools WHERE code = ?");
        check.bind(1, s.code);
        if (check.step()) throw AlreadyExists("school " + s.code + " already exists");
        db_.prepare("INSERT INTO schools(code, name, county_code, type, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, s.code).bind(2, s.name).bind(3, s.countyCode).bind(4, s.type).bind(5, s.disabled ? 1 : 0)
            .bind(6, s.createdAt).run();
        tx.commit();
    }

    std::optional<SchoolRow> findSchool(const std::string& code) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT code, name, county_code, type, disabled, created_at FROM schools WHERE code = ?");
        st.bind(1, code);
        if (!st.step()) return std::nullopt;
        return readSchool(st);
    }

    std::vector<SchoolRow> listSchools() override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT code, name, county_code, type, disabled, created_at FROM schools ORDER BY code");
        std::vector<SchoolRow> out;
        while (st.step()) out.push_back(readSchool(st));
        return out;
    }

    void setSchoolDisabled(const std::string& code, bool disabled) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("UPDATE schools SET disabled = ? WHERE code = ?").bind(1, disabled ? 1 : 0).bind(2, code).run();
        tx.commit();
    }

    void addEnrollmentCode(const EnrollmentCodeRow& c) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("INSERT INTO enrollment_codes(code_hash, school_code, expires_at_ms, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, c.codeHash).bind(2, c.schoolCode).bind(3, c.expiresAtMs).bind(4, c.createdAt).run();
        tx.commit();
    }

    EnrollOutcome enroll(const std::string& schoolCode, const std::string& codeHash, const DeviceRow& device,
                         std::int64_t nowMs, EnrollReplay& replay) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        auto st = db_.prepare(
            "SELECT c.expires_at_ms, c.used_at, s.disabled, c.device_id, c.client_nonce_hash, c.sealed_token,"
            " d.revoked_at FROM enrollment_codes c JOIN schools s ON s.code = c.school_code"
            " LEFT JOIN devices d ON d.id = c.device_id WHERE c.code_hash = ? AND c.school_code = ?");
        st.bind(1, codeHash).bind(2, schoolCode);
        if (!st.step()) return EnrollOutcome::InvalidCode;
        const bool expired = st.int64(0) <= nowMs;
        if (!st.isNull(1)) {
            const bool sameClient = !replay.nonceHash.empty() && st.optText(4).value_or("") == replay.nonceHash;
            if (sameClient && !expired && st.int64(2) == 0 && st.isNull(6) && !st.isNull(5)) {
                replay.deviceId = st.text(3);
                replay.sealedToken = st.text(5);
                return EnrollOutcome::Replayed;
            }
            return EnrollOutcome::Used;
        }
        if (expired) return EnrollOutcome::Expired;
        if (st.int64(2) != 0) return EnrollOutcome::SchoolDisabled;
        st.reset();
        db_.prepare("UPDATE enrollment_codes SET used_at = ?, device_id = ?, client_nonce_hash = ?, sealed_token = ?"
                    " WHERE code_hash = ?")
            .bind(1, device.createdAt).bind(2, device.id)
            .bind(3, replay.nonceHash.empty() ? std::optional<std::string>() : replay.nonceHash)
            .bind(4, replay.nonceHash.empty() ? std::optional<std::string>() : replay.sealedToken)
            .bind(5, codeHash).run();
        db_.prepare("INSERT INTO devices(id, school_code, name, token_hash, bundle_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, device.id).bind(2, device.schoolCode).bind(3, device.name).bind(4, device.tokenHash)
            .bind(5, device.bundleKey).bind(6, device.createdAt).run();
        tx.commit();
        return EnrollOutcome::Enrolled;
    }

    std::optional<DeviceRow> findDeviceByTokenHash(const std::string& hash) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare(std::string(kDeviceColumns) + "WHERE token_hash = ?");
        st.bind(1, hash);
        if (!st.step()) return std::nullopt;
        return readDevice(st);
    }

    std::optional<DeviceRow> findDevice(const std::string& id) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare(std::string(kDeviceColumns) + "WHERE id = ?");
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return readDevice(st);
    }

    std::vector<DeviceRow> listDevices(const std::string& schoolCode) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare(std::string(kDeviceColumns) + "WHERE ? = '' OR school_code = ? ORDER BY school_code, created_at");
        st.bind(1, schoolCode).bind(2, schoolCode);
        std::vector<DeviceRow> out;
        while (st.step()) out.push_back(readDevice(st));
        return out;
    }

    bool revokeDevice(const std::string& id, const std::string& at) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(1, at).bind(2, id).run();
        const bool changed = db_.changes() > 0;
        tx.commit();
        return changed;
    }

    DeviceState deviceState(const std::string& deviceId) override
    {
        std::lock_guard lock(readMu_);
        auto tx = readDb_.beginRead();
        DeviceState state;
        auto st = readDb_.prepare("SELECT first_seq, last_seq FROM batches WHERE device_id = ? AND response <> ''"
                              " ORDER BY first_seq");
        st.bind(1, deviceId);
        while (st.step()) state.ranges.push_back({st.int64(0), st.int64(1)});
        auto count = readDb_.prepare("SELECT count(*) FROM records"
                                     " WHERE device_ref = (SELECT ref FROM record_devices WHERE device_id = ?)");
        count.bind(1, deviceId);
        count.step();
        state.records = count.int64(0);
        return state;
    }

    std::optional<std::string> configValue(const std::string& key) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT value FROM config WHERE key = ?");
        st.bind(1, key);
        if (!st.step()) return std::nullopt;
        return st.text(0);
    }

    void setConfigValue(const std::string& key, const std::string& value, const std::string& at) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("INSERT INTO config(key, value, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
            .bind(1, key).bind(2, value).bind(3, at).run();
        tx.commit();
    }

    std::unique_ptr<IngestTx> beginIngest() override { return std::make_unique<SqliteIngestTx>(db_, mu_); }

    std::vector<std::string> recordJsons(const RecordQuery& q) override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::schoolRecordJsons(readDb_, q);
    }

    std::map<std::string, std::int64_t> countByKind(const std::string& schoolCode) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT kind, count(*) FROM records WHERE school_code = ? AND deleted = 0 GROUP BY kind");
        st.bind(1, schoolCode);
        std::map<std::string, std::int64_t> out;
        while (st.step()) out[st.text(0)] = st.int64(1);
        return out;
    }

    std::int64_t conflictCount(const std::string& schoolCode) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT count(*) FROM conflicts WHERE school_code = ?");
        st.bind(1, schoolCode);
        st.step();
        return st.int64(0);
    }

    std::vector<ConflictRow> listConflicts(const std::string& schoolCode) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT record_id, school_code, version, record_json, device_id, batch_id, received_at,"
                                  " code, coalesce(winner_id, record_id), coalesce(winner_version, version)"
                                  " FROM conflicts WHERE ?1 = '' OR school_code = ?1 ORDER BY seq");
        st.bind(1, schoolCode);
        std::vector<ConflictRow> out;
        while (st.step())
            out.push_back({st.text(0), st.text(1), st.int64(2), st.text(3), st.text(4), st.text(5), st.text(6),
                           st.text(7), st.text(8), st.int64(9)});
        return out;
    }

    std::optional<std::string> lastSync(const std::string& schoolCode) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT max(last_sync_at) FROM devices WHERE school_code = ?");
        st.bind(1, schoolCode);
        st.step();
        return st.optText(0);
    }

    std::int64_t totalRecords() override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT count(*) FROM records");
        st.step();
        return st.int64(0);
    }

    // ---- The console's overview (server/day_summary.cpp) ----
    std::vector<DaySummaryRow> daySummaries(const std::string& from, const std::string& to) override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::daySummaries(readDb_, from, to);
    }
    std::vector<DayFindingRow> dayFindingTotals(const std::string& from, const std::string& to) override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::findingTotals(readDb_, from, to);
    }
    std::map<std::string, std::int64_t> conflictCountsBySchool() override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::conflictCounts(readDb_);
    }
    std::map<std::string, std::string> lastSyncBySchool() override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::lastSyncs(readDb_);
    }
    FirstArrivals firstArrivals(const std::string& schoolCode, const std::string& from, const std::string& to) override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::firstArrivals(readDb_, schoolCode, from, to);
    }
    std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(const std::string& kind) override
    {
        std::lock_guard lock(readMu_);
        return sqlite_summaries::recordJsonsOfKind(readDb_, kind);
    }

    std::vector<ChangeEntry> changesAfter(const std::string& schoolCode, std::int64_t after, int limit,
                                          std::int64_t maxBytes) override
    {
        std::lock_guard lock(readMu_);
        return sqlite_feed::changesAfter(readDb_, schoolCode, after, limit, maxBytes);
    }

    // ---- Console staff, sessions, throttling, audit ----
    void addStaff(const StaffRow& s) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        auto check = db_.prepare("SELECT 1 FROM staff WHERE username = ?");
        check.bind(1, s.username);
        if (check.step()) throw AlreadyExists("staff account " + s.username + " already exists");
        db_.prepare("INSERT INTO staff(id, username, display_name, role, password_hash, disabled, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, s.id).bind(2, s.username).bind(3, s.displayName).bind(4, s.role).bind(5, s.passwordHash)
            .bind(6, s.disabled ? 1 : 0).bind(7, s.createdAt).run();
        tx.commit();
    }

    static StaffRow readStaff(const Statement& st)
    {
        return StaffRow{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5) != 0, st.text(6)};
    }

    std::optional<StaffRow> findStaffByUsername(const std::string& username) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT id, username, display_name, role, password_hash, disabled, created_at"
                                  " FROM staff WHERE username = ?");
        st.bind(1, username);
        if (!st.step()) return std::nullopt;
        return readStaff(st);
    }

    std::vector<StaffRow> listStaff() override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT id, username, display_name, role, password_hash, disabled, created_at"
                                  " FROM staff ORDER BY username");
        std::vector<StaffRow> out;
        while (st.step()) out.push_back(readStaff(st));
        return out;
    }

    void createSession(const StaffSessionRow& s) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("DELETE FROM staff_sessions WHERE expires_at_ms <= ?").bind(1, s.createdAtMs).run();
        db_.prepare("INSERT INTO staff_sessions(token_hash, staff_id, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?)")
            .bind(1, s.tokenHash).bind(2, s.staffId).bind(3, s.createdAtMs).bind(4, s.expiresAtMs).run();
        tx.commit();
    }

    std::optional<StaffRow> staffForSession(const std::string& tokenHash, std::int64_t nowMs) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare(
            "SELECT s.id, s.username, s.display_name, s.role, s.password_hash, s.disabled, s.created_at"
            " FROM staff_sessions x JOIN staff s ON s.id = x.staff_id"
            " WHERE x.token_hash = ? AND x.expires_at_ms > ? AND s.disabled = 0");
        st.bind(1, tokenHash).bind(2, nowMs);
        if (!st.step()) return std::nullopt;
        return readStaff(st);
    }

    void deleteSession(const std::string& tokenHash) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("DELETE FROM staff_sessions WHERE token_hash = ?").bind(1, tokenHash).run();
        tx.commit();
    }

    void recordLoginFailure(const std::string& key, std::int64_t nowMs) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("DELETE FROM login_failures WHERE at_ms < ?").bind(1, static_cast<std::int64_t>(nowMs - 24LL * 3600 * 1000)).run();
        db_.prepare("INSERT INTO login_failures(key, at_ms) VALUES (?, ?)").bind(1, key).bind(2, nowMs).run();
        tx.commit();
    }

    std::int64_t loginFailuresSince(const std::string& key, std::int64_t sinceMs) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT count(*) FROM login_failures WHERE key = ? AND at_ms >= ?");
        st.bind(1, key).bind(2, sinceMs);
        st.step();
        return st.int64(0);
    }

    void appendAudit(const AuditRow& a) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("INSERT INTO audit_log(at, staff_id, username, action, target, detail, address)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, a.at).bind(2, a.staffId).bind(3, a.username).bind(4, a.action).bind(5, a.target)
            .bind(6, a.detail).bind(7, a.address).run();
        tx.commit();
    }

    std::vector<AuditRow> recentAudit(int limit) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT at, staff_id, username, action, target, detail, address FROM audit_log"
                                  " ORDER BY seq DESC LIMIT ?");
        st.bind(1, limit);
        std::vector<AuditRow> out;
        while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
        return out;
    }

    // Under mu_, the writer's lock: a batch in flight finishes first, later ones see the lock.
    void setPeriodReview(const PeriodReviewRow& r) override
    {
        std::lock_guard lock(mu_);
        auto tx = db_.beginWrite();
        db_.prepare("INSERT INTO period_reviews(school_code, week_start, state, reason, staff_id, staff_name, at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(school_code, week_start) DO UPDATE SET"
                    " state = excluded.state, reason = excluded.reason, staff_id = excluded.staff_id,"
                    " staff_name = excluded.staff_name, at = excluded.at")
            .bind(1, r.schoolCode).bind(2, r.weekStart).bind(3, r.state).bind(4, r.reason).bind(5, r.staffId)
            .bind(6, r.staffName).bind(7, r.at).run();
        tx.commit();
    }

    std::vector<PeriodReviewRow> periodReviews(const std::string& schoolCode) override
    {
        std::lock_guard lock(readMu_);
        auto st = readDb_.prepare("SELECT school_code, week_start, state, reason, staff_id, staff_name, at"
                                  " FROM period_reviews WHERE school_code = ? ORDER BY week_start");
        st.bind(1, schoolCode);
        std::vector<PeriodReviewRow> out;
        while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
        return out;
    }

private:
    // Writes (and the reads inside an ingest transaction) use db_ under mu_; everything else reads
    // through readDb_ so that authenticating a request never waits for a batch being written
    // (WAL lets one reader run beside the writer).
    std::mutex mu_;
    Database db_;
    std::mutex readMu_;
    Database readDb_;
};

}  // namespace

std::unique_ptr<Storage> openSqliteStorage(const std::string& path) { return std::make_unique<SqliteStorage>(path); }

}  // namespace taizhang::server
