#include "postgres_storage.h"

#include "clock.h"
#include "change_feed_sql.h"
#include "county_schema.h"
#include "crypto.h"
#include "day_summary_sql.h"
#include "pg_connection.h"
#include "record_body.h"
#include "records_packing.h"

namespace taizhang::server {
namespace {

PgParam str(const std::string& s) { return s; }
PgParam num(std::int64_t n) { return std::to_string(n); }
PgParam boolean(bool b) { return std::string(b ? "t" : "f"); }

constexpr const char* kDeviceColumns =
    "SELECT id, school_code, name, token_hash, bundle_key, created_at, revoked_at, last_sync_at FROM devices ";

DeviceRow readDevice(const PgResult& r, int i)
{
    return DeviceRow{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3),
                     r.text(i, 4), r.text(i, 5), r.optText(i, 6), r.optText(i, 7)};
}

SchoolRow readSchool(const PgResult& r, int i)
{
    return SchoolRow{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.boolean(i, 4), r.text(i, 5)};
}

// Runs f inside BEGIN/COMMIT on a pooled connection; rolls back on any exception.
template <class F> auto inTransaction(PgPool& pool, F&& f)
{
    auto c = pool.acquire();
    c->exec("BEGIN");
    try {
        if constexpr (std::is_void_v<decltype(f(*c))>) {
            f(*c);
            c->exec("COMMIT");
        } else {
            auto result = f(*c);
            c->exec("COMMIT");
            return result;
        }
    } catch (...) {
        try {
            c->exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

class PgIngestTx final : public IngestTx {
public:
    explicit PgIngestTx(PgPool& pool) : c_(pool.acquire()) { c_->exec("BEGIN"); }
    ~PgIngestTx() override
    {
        if (open_) {
            try {
                c_->exec("ROLLBACK");
            } catch (...) {
            }
        }
    }

    std::optional<IdempotencyRow> claimBatch(const BatchRow& b) override
    {
        // A concurrent transaction inserting the same key makes this INSERT wait for its commit;
        // then it does nothing and the SELECT sees the committed ack (replayed by the caller).
        auto ins = c_->exec(
            "INSERT INTO batches(device_id, batch_id, body_hash, first_seq, last_seq, count, response, received_at)"
            " VALUES ($1, $2, $3, $4, $5, $6, '', $7) ON CONFLICT (device_id, batch_id) DO NOTHING",
            {str(b.deviceId), str(b.batchId), str(b.bodyHash), num(b.firstSeq), num(b.lastSeq), num(b.count),
             str(b.receivedAt)});
        if (ins.affected() == 1) return std::nullopt;
        auto r = c_->exec("SELECT body_hash, response FROM batches WHERE device_id = $1 AND batch_id = $2",
                          {str(b.deviceId), str(b.batchId)});
        if (r.rows() == 0) throw StorageError("batch row vanished while claiming it");
        return IdempotencyRow{r.text(0, 0), r.text(0, 1)};
    }

    std::unordered_map<std::string, StoredRecord> findRecords(const std::string& schoolCode,
                                                              const std::vector<std::string>& ids) override
    {
        std::unordered_map<std::string, StoredRecord> found;
        if (ids.empty()) return found;
        std::vector<PgParam> values(ids.begin(), ids.end());
        // Two batches carrying the same record (two devices of one school editing it at once)
        // must not both read the old version: the second would report "updated" while the
        // upsert's version guard silently drops its content; nor may two batches creating the
        // same natural key both find it free. Records and keys belong to one school, so one
        // transaction-scoped advisory lock per school makes the second batch of a school wait
        // until the first commits and then see its writes, while other schools go on. One lock
        // per batch: a lock per record id and per key took about 2 000 of PostgreSQL's lock
        // table per batch of 1 000, and a few batches at once exhausted its default 6 400 slots.
        c_->exec("SELECT pg_advisory_xact_lock(hashtextextended('ingest:' || $1, 7382002))", {str(schoolCode)});
        auto r = c_->exec("SELECT id, school_code, version, body FROM records WHERE id = ANY($1::uuid[])",
                          {pgArray(values)});
        for (int i = 0; i < r.rows(); ++i) {
            const std::string id = r.text(i, 0);
            found.emplace(id, StoredRecord{r.text(i, 1), r.int64(i, 2),
                                           unpackRecordBody(byteaFromHex(r.text(i, 3)), id)});
        }
        return found;
    }

    std::unordered_map<std::string, KeyOwner> findKeyOwners(const std::string& schoolCode,
                                                            const std::vector<std::string>& keys) override
    {
        std::unordered_map<std::string, KeyOwner> found;
        if (keys.empty()) return found;
        // The school's ingest lock taken by findRecords holds the keys too.
        // Stored as 64-bit hashes (record_body.h); the oldest owner of each hash, as before.
        std::map<std::int64_t, std::string> byHash;
        std::vector<PgParam> hashes;
        for (const auto& key : keys) {
            const auto h = naturalKeyHash(schoolCode, key);
            byHash.emplace(h, key);
            hashes.push_back(std::to_string(h));
        }
        auto r = c_->exec("SELECT key_hash, id, version FROM records WHERE key_hash = ANY($2::bigint[])"
                          " AND school_code = $1 ORDER BY change_seq",
                          {str(schoolCode), pgArray(hashes)});
        for (int i = 0; i < r.rows(); ++i) {
            const auto key = byHash.find(r.int64(i, 0));
            if (key != byHash.end()) found.emplace(key->second, KeyOwner{r.text(i, 1), r.int64(i, 2)});
        }
        return found;
    }

    std::vector<std::string> liveRecordJsonsOn(const std::string& schoolCode, const std::string& kind,
                                               const std::vector<std::string>& days) override
    {
        std::vector<std::string> out;
        if (days.empty()) return out;
        const std::vector<PgParam> dayList(days.begin(), days.end());
        auto r = c_->exec("SELECT body, id FROM records WHERE school_code = $1 AND kind = $2 AND day = ANY($3::text[])"
                          " AND NOT deleted",
                          {str(schoolCode), str(kind), pgArray(dayList)});
        out.reserve(static_cast<std::size_t>(r.rows()));
        for (int i = 0; i < r.rows(); ++i) out.push_back(unpackRecordBody(byteaFromHex(r.text(i, 0)), r.text(i, 1)));
        return out;
    }

    void renumberRecords(const std::vector<std::pair<std::string, std::int64_t>>& idToChange) override
    {
        for (const auto& [id, change] : idToChange)
            c_->exec("UPDATE records SET change_seq = $1 WHERE id = $2::uuid", {num(change), str(id)});
    }

    std::int64_t allocateChanges(const std::string& schoolCode, std::int64_t count) override
    {
        // The row lock taken here is held until commit: a second batch of the school waits on it
        // and then reads the first one's committed value (READ COMMITTED re-reads the row).
        auto r = c_->exec("INSERT INTO school_changes(school_code, last_change) VALUES ($1, $2)"
                          " ON CONFLICT (school_code) DO UPDATE SET last_change = school_changes.last_change + $2"
                          " RETURNING last_change",
                          {str(schoolCode), num(count)});
        return r.int64(0, 0) - count + 1;
    }

    void writeRecords(const std::vector<RecordWrite>& rows) override
    {
        if (rows.empty()) return;
        std::map<std::string, std::int64_t> refs;
        std::vector<PgParam> cols[11];
        for (const auto& w : rows) {
            auto ref = refs.find(w.deviceId);
            if (ref == refs.end()) ref = refs.emplace(w.deviceId, deviceRef(w.deviceId)).first;
            cols[0].push_back(w.id);
            cols[1].push_back(w.schoolCode);
            cols[2].push_back(w.kind);
            cols[3].push_back(std::to_string(w.version));
            cols[4].push_back(std::string(w.deleted ? "t" : "f"));
            cols[5].push_back(w.day);
            cols[6].push_back(byteaHex(packRecordBody(w.recordJson, w.id)));
            cols[7].push_back(std::to_string(ref->second));
            cols[8].push_back(std::to_string(utcMillisOf(w.receivedAt)));
            cols[9].push_back(std::to_string(w.changeSeq));
            cols[10].push_back(w.naturalKey ? PgParam(std::to_string(naturalKeyHash(w.schoolCode, *w.naturalKey))) : PgParam());
        }
        std::vector<PgParam> params;
        for (auto& col : cols) params.push_back(pgArray(col));
        c_->exec(
            "INSERT INTO records(id, school_code, kind, version, deleted, day, body, device_ref, received_ms,"
            " first_received_ms, change_seq, key_hash) SELECT i, s, k, v, d, dy, b, dev, r, r, cs, kh FROM"
            " unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::boolean[], $6::text[], $7::bytea[],"
            " $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[]) AS u(i, s, k, v, d, dy, b, dev, r, cs, kh)"
            " ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version,"
            " deleted = EXCLUDED.deleted, day = EXCLUDED.day, body = EXCLUDED.body,"
            " device_ref = EXCLUDED.device_ref, received_ms = EXCLUDED.received_ms, change_seq = EXCLUDED.change_seq,"
            " key_hash = EXCLUDED.key_hash"
            " WHERE records.version < EXCLUDED.version AND records.school_code = EXCLUDED.school_code",
            params);
    }

    // The number standing for a device in records (see the SQLite backend). A concurrent batch
    // inserting the same device waits on the unique index, then finds its row.
    std::int64_t deviceRef(const std::string& deviceId)
    {
        c_->exec("INSERT INTO record_devices(device_id) VALUES ($1) ON CONFLICT (device_id) DO NOTHING", {str(deviceId)});
        auto r = c_->exec("SELECT ref FROM record_devices WHERE device_id = $1", {str(deviceId)});
        if (r.rows() == 0) throw StorageError("device " + deviceId + " has no number in record_devices");
        return r.int64(0, 0);
    }

    void writeConflicts(const std::vector<ConflictWrite>& rows) override
    {
        for (const auto& c : rows) {
            c_->exec("INSERT INTO conflicts(record_id, school_code, version, content_hash, record_json, device_id,"
                     " batch_id, received_at, change_seq, code, winner_id, winner_version)"
                     " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                     " ON CONFLICT (record_id, content_hash) DO NOTHING",
                     {str(c.recordId), str(c.schoolCode), num(c.version), str(sha256Hex(c.recordJson)),
                      str(c.recordJson), str(c.deviceId), str(c.batchId), str(c.receivedAt), num(c.changeSeq),
                      str(c.code), str(c.winnerId), num(c.winnerVersion)});
        }
    }

    std::optional<std::int64_t> sequencesTaken(const std::string& deviceId, const std::string& batchId,
                                               std::int64_t first, std::int64_t last) override
    {
        auto r = c_->exec("SELECT max(last_seq), bool_or(first_seq <= $3 AND last_seq >= $4) FROM batches"
                          " WHERE device_id = $1 AND batch_id <> $2 AND response <> ''",
                          {str(deviceId), str(batchId), num(last), num(first)});
        if (r.rows() == 0 || r.isNull(0, 1) || r.text(0, 1) != "t") return std::nullopt;
        return r.int64(0, 0);
    }

    void completeBatch(const BatchRow& b) override
    {
        c_->exec("UPDATE batches SET response = $1 WHERE device_id = $2 AND batch_id = $3",
                 {str(b.response), str(b.deviceId), str(b.batchId)});
        c_->exec("UPDATE devices SET last_sync_at = $1 WHERE id = $2", {str(b.receivedAt), str(b.deviceId)});
    }

    std::set<std::string> lockedWeeks(const std::string& schoolCode) override
    {
        c_->exec("SELECT pg_advisory_xact_lock_shared(hashtextextended('review:' || $1, 7382003))", {str(schoolCode)});
        auto r = c_->exec("SELECT week_start FROM period_reviews WHERE school_code = $1 AND state = 'approved'",
                          {str(schoolCode)});
        std::set<std::string> weeks;
        for (int i = 0; i < r.rows(); ++i) weeks.insert(r.text(i, 0));
        return weeks;
    }

    void lockSummaries(const std::string& schoolCode) override { pg_summaries::lock(*c_, schoolCode); }
    std::vector<std::string> schoolRecordJsons(const RecordQuery& q) override
    {
        return pg_summaries::schoolRecordJsons(*c_, q);
    }
    FirstArrivals firstArrivals(const std::string& schoolCode, const std::string& from, const std::string& to) override
    {
        return pg_summaries::firstArrivals(*c_, schoolCode, from, to);
    }
    DaySpan summaryDaySpan(const std::string& schoolCode) override { return pg_summaries::daySpan(*c_, schoolCode); }
    void replaceDaySummaries(const std::string& schoolCode, const std::string& from, const std::string& to,
                             const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings) override
    {
        pg_summaries::replace(*c_, schoolCode, from, to, days, findings);
    }

    void commit() override
    {
        c_->exec("COMMIT");
        open_ = false;
    }

private:
    PgPool::Lease c_;
    bool open_ = true;
};

class PostgresStorage final : public Storage {
public:
    PostgresStorage(const std::string& url, int connections) : pool_(url, connections) { migrate(); }

    std::string backendName() const override { return "postgresql"; }

    void addSchool(const SchoolRow& s) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("INSERT INTO schools(code, name, county_code, type, disabled, created_at)"
                         " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING",
                         {str(s.code), str(s.name), str(s.countyCode), str(s.type), boolean(s.disabled), str(s.createdAt)});
        if (r.affected() == 0) throw AlreadyExists("school " + s.code + " already exists");
    }

    std::optional<SchoolRow> findSchool(const std::string& code) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT code, name, county_code, type, disabled, created_at FROM schools WHERE code = $1", {str(code)});
        if (r.rows() == 0) return std::nullopt;
        return readSchool(r, 0);
    }

    std::vector<SchoolRow> listSchools() override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT code, name, county_code, type, disabled, created_at FROM schools ORDER BY code");
        std::vector<SchoolRow> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(readSchool(r, i));
        return out;
    }

    void setSchoolDisabled(const std::string& code, bool disabled) override
    {
        auto c = pool_.acquire();
        c->exec("UPDATE schools SET disabled = $1 WHERE code = $2", {boolean(disabled), str(code)});
    }

    void addEnrollmentCode(const EnrollmentCodeRow& e) override
    {
        auto c = pool_.acquire();
        c->exec("INSERT INTO enrollment_codes(code_hash, school_code, expires_at_ms, created_at) VALUES ($1, $2, $3, $4)",
                {str(e.codeHash), str(e.schoolCode), num(e.expiresAtMs), str(e.createdAt)});
    }

    EnrollOutcome enroll(const std::string& schoolCode, const std::string& codeHash, const DeviceRow& d,
                         std::int64_t nowMs, EnrollReplay& replay) override
    {
        return inTransaction(pool_, [&](PgConnection& c) {
            auto r = c.exec("SELECT c.expires_at_ms, c.used_at, s.disabled, c.device_id, c.client_nonce_hash,"
                            " c.sealed_token, dv.revoked_at FROM enrollment_codes c"
                            " JOIN schools s ON s.code = c.school_code LEFT JOIN devices dv ON dv.id = c.device_id"
                            " WHERE c.code_hash = $1 AND c.school_code = $2 FOR UPDATE OF c",
                            {str(codeHash), str(schoolCode)});
            if (r.rows() == 0) return EnrollOutcome::InvalidCode;
            const bool expired = r.int64(0, 0) <= nowMs;
            if (!r.isNull(0, 1)) {
                const bool sameClient = !replay.nonceHash.empty() && !r.isNull(0, 4) && r.text(0, 4) == replay.nonceHash;
                if (sameClient && !expired && !r.boolean(0, 2) && r.isNull(0, 6) && !r.isNull(0, 5)) {
                    replay.deviceId = r.text(0, 3);
                    replay.sealedToken = r.text(0, 5);
                    return EnrollOutcome::Replayed;
                }
                return EnrollOutcome::Used;
            }
            if (expired) return EnrollOutcome::Expired;
            if (r.boolean(0, 2)) return EnrollOutcome::SchoolDisabled;
            c.exec("UPDATE enrollment_codes SET used_at = $1, device_id = $2, client_nonce_hash = $3, sealed_token = $4"
                   " WHERE code_hash = $5",
                   {str(d.createdAt), str(d.id), replay.nonceHash.empty() ? PgParam() : str(replay.nonceHash),
                    replay.nonceHash.empty() ? PgParam() : str(replay.sealedToken), str(codeHash)});
            c.exec("INSERT INTO devices(id, school_code, name, token_hash, bundle_key, created_at)"
                   " VALUES ($1, $2, $3, $4, $5, $6)",
                   {str(d.id), str(d.schoolCode), str(d.name), str(d.tokenHash), str(d.bundleKey), str(d.createdAt)});
            return EnrollOutcome::Enrolled;
        });
    }

    std::optional<DeviceRow> findDeviceByTokenHash(const std::string& hash) override
    {
        auto c = pool_.acquire();
        auto r = c->exec(std::string(kDeviceColumns) + "WHERE token_hash = $1", {str(hash)});
        if (r.rows() == 0) return std::nullopt;
        return readDevice(r, 0);
    }

    std::optional<DeviceRow> findDevice(const std::string& id) override
    {
        auto c = pool_.acquire();
        auto r = c->exec(std::string(kDeviceColumns) + "WHERE id = $1", {str(id)});
        if (r.rows() == 0) return std::nullopt;
        return readDevice(r, 0);
    }

    std::vector<DeviceRow> listDevices(const std::string& schoolCode) override
    {
        auto c = pool_.acquire();
        auto r = c->exec(std::string(kDeviceColumns) + "WHERE $1 = '' OR school_code = $1 ORDER BY school_code, created_at",
                         {str(schoolCode)});
        std::vector<DeviceRow> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(readDevice(r, i));
        return out;
    }

    bool revokeDevice(const std::string& id, const std::string& at) override
    {
        auto c = pool_.acquire();
        return c->exec("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", {str(at), str(id)})
                   .affected() > 0;
    }

    DeviceState deviceState(const std::string& deviceId) override
    {
        auto c = pool_.acquire();
        DeviceState state;
        auto r = c->exec("SELECT first_seq, last_seq FROM batches WHERE device_id = $1 AND response <> ''"
                         " ORDER BY first_seq",
                         {str(deviceId)});
        for (int i = 0; i < r.rows(); ++i) state.ranges.push_back({r.int64(i, 0), r.int64(i, 1)});
        state.records = c->exec("SELECT count(*) FROM records"
                                " WHERE device_ref = (SELECT ref FROM record_devices WHERE device_id = $1)",
                                {str(deviceId)})
                            .int64(0, 0);
        return state;
    }

    std::optional<std::string> configValue(const std::string& key) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT value FROM config WHERE key = $1", {str(key)});
        if (r.rows() == 0) return std::nullopt;
        return r.text(0, 0);
    }

    void setConfigValue(const std::string& key, const std::string& value, const std::string& at) override
    {
        auto c = pool_.acquire();
        c->exec("INSERT INTO config(key, value, updated_at) VALUES ($1, $2, $3)"
                " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at",
                {str(key), str(value), str(at)});
    }

    std::unique_ptr<IngestTx> beginIngest() override { return std::make_unique<PgIngestTx>(pool_); }

    std::vector<std::string> recordJsons(const RecordQuery& q) override
    {
        auto c = pool_.acquire();
        return pg_summaries::schoolRecordJsons(*c, q);
    }

    std::map<std::string, std::int64_t> countByKind(const std::string& schoolCode) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT kind, count(*) FROM records WHERE school_code = $1 AND NOT deleted GROUP BY kind",
                         {str(schoolCode)});
        std::map<std::string, std::int64_t> out;
        for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.int64(i, 1);
        return out;
    }

    std::int64_t conflictCount(const std::string& schoolCode) override
    {
        auto c = pool_.acquire();
        return c->exec("SELECT count(*) FROM conflicts WHERE school_code = $1", {str(schoolCode)}).int64(0, 0);
    }

    std::vector<ConflictRow> listConflicts(const std::string& schoolCode) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT record_id, school_code, version, record_json, device_id, batch_id, received_at,"
                         " code, coalesce(winner_id, record_id), coalesce(winner_version, version)"
                         " FROM conflicts WHERE $1 = '' OR school_code = $1 ORDER BY seq",
                         {str(schoolCode)});
        std::vector<ConflictRow> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), r.text(i, 1), r.int64(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                           r.text(i, 6), r.text(i, 7), r.text(i, 8), r.int64(i, 9)});
        return out;
    }

    std::optional<std::string> lastSync(const std::string& schoolCode) override
    {
        auto c = pool_.acquire();
        return c->exec("SELECT max(last_sync_at) FROM devices WHERE school_code = $1", {str(schoolCode)}).optText(0, 0);
    }

    std::int64_t totalRecords() override
    {
        auto c = pool_.acquire();
        return c->exec("SELECT count(*) FROM records").int64(0, 0);
    }

    // ---- The console's overview (server/day_summary.cpp) ----
    std::vector<DaySummaryRow> daySummaries(const std::string& from, const std::string& to) override
    {
        auto c = pool_.acquire();
        return pg_summaries::daySummaries(*c, from, to);
    }
    std::vector<DayFindingRow> dayFindingTotals(const std::string& from, const std::string& to) override
    {
        auto c = pool_.acquire();
        return pg_summaries::findingTotals(*c, from, to);
    }
    std::map<std::string, std::int64_t> conflictCountsBySchool() override
    {
        auto c = pool_.acquire();
        return pg_summaries::conflictCounts(*c);
    }
    std::map<std::string, std::string> lastSyncBySchool() override
    {
        auto c = pool_.acquire();
        return pg_summaries::lastSyncs(*c);
    }
    FirstArrivals firstArrivals(const std::string& schoolCode, const std::string& from, const std::string& to) override
    {
        auto c = pool_.acquire();
        return pg_summaries::firstArrivals(*c, schoolCode, from, to);
    }
    std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(const std::string& kind) override
    {
        auto c = pool_.acquire();
        return pg_summaries::recordJsonsOfKind(*c, kind);
    }

    std::vector<ChangeEntry> changesAfter(const std::string& schoolCode, std::int64_t after, int limit,
                                          std::int64_t maxBytes) override
    {
        auto c = pool_.acquire();
        return pg_feed::changesAfter(*c, schoolCode, after, limit, maxBytes);
    }

    // ---- Console staff, sessions, throttling, audit ----
    void addStaff(const StaffRow& s) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("INSERT INTO staff(id, username, display_name, role, password_hash, disabled, created_at)"
                         " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING",
                         {str(s.id), str(s.username), str(s.displayName), str(s.role), str(s.passwordHash),
                          boolean(s.disabled), str(s.createdAt)});
        if (r.affected() == 0) throw AlreadyExists("staff account " + s.username + " already exists");
    }

    static StaffRow readStaff(const PgResult& r, int i)
    {
        return StaffRow{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.boolean(i, 5), r.text(i, 6)};
    }

    std::optional<StaffRow> findStaffByUsername(const std::string& username) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT id, username, display_name, role, password_hash, disabled, created_at FROM staff"
                         " WHERE username = $1", {str(username)});
        if (r.rows() == 0) return std::nullopt;
        return readStaff(r, 0);
    }

    std::vector<StaffRow> listStaff() override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT id, username, display_name, role, password_hash, disabled, created_at FROM staff"
                         " ORDER BY username");
        std::vector<StaffRow> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(readStaff(r, i));
        return out;
    }

    void createSession(const StaffSessionRow& s) override
    {
        auto c = pool_.acquire();
        c->exec("DELETE FROM staff_sessions WHERE expires_at_ms <= $1", {num(s.createdAtMs)});
        c->exec("INSERT INTO staff_sessions(token_hash, staff_id, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4)",
                {str(s.tokenHash), str(s.staffId), num(s.createdAtMs), num(s.expiresAtMs)});
    }

    std::optional<StaffRow> staffForSession(const std::string& tokenHash, std::int64_t nowMs) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT s.id, s.username, s.display_name, s.role, s.password_hash, s.disabled, s.created_at"
                         " FROM staff_sessions x JOIN staff s ON s.id = x.staff_id"
                         " WHERE x.token_hash = $1 AND x.expires_at_ms > $2 AND NOT s.disabled",
                         {str(tokenHash), num(nowMs)});
        if (r.rows() == 0) return std::nullopt;
        return readStaff(r, 0);
    }

    void deleteSession(const std::string& tokenHash) override
    {
        auto c = pool_.acquire();
        c->exec("DELETE FROM staff_sessions WHERE token_hash = $1", {str(tokenHash)});
    }

    void recordLoginFailure(const std::string& key, std::int64_t nowMs) override
    {
        auto c = pool_.acquire();
        c->exec("DELETE FROM login_failures WHERE at_ms < $1", {num(static_cast<std::int64_t>(nowMs - 24LL * 3600 * 1000))});
        c->exec("INSERT INTO login_failures(key, at_ms) VALUES ($1, $2)", {str(key), num(nowMs)});
    }

    std::int64_t loginFailuresSince(const std::string& key, std::int64_t sinceMs) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT count(*) FROM login_failures WHERE key = $1 AND at_ms >= $2", {str(key), num(sinceMs)});
        return r.int64(0, 0);
    }

    void appendAudit(const AuditRow& a) override
    {
        auto c = pool_.acquire();
        c->exec("INSERT INTO audit_log(at, staff_id, username, action, target, detail, address)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {str(a.at), str(a.staffId), str(a.username), str(a.action), str(a.target), str(a.detail), str(a.address)});
    }

    std::vector<AuditRow> recentAudit(int limit) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT at, staff_id, username, action, target, detail, address FROM audit_log"
                         " ORDER BY seq DESC LIMIT $1", {num(limit)});
        std::vector<AuditRow> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6)});
        return out;
    }

    // The exclusive side of the per-school review lock that ingest holds shared (lockedWeeks):
    // an approval waits for the school's batches in flight; batches after it see the lock.
    void setPeriodReview(const PeriodReviewRow& r) override
    {
        inTransaction(pool_, [&](PgConnection& c) {
            c.exec("SELECT pg_advisory_xact_lock(hashtextextended('review:' || $1, 7382003))", {str(r.schoolCode)});
            c.exec("INSERT INTO period_reviews(school_code, week_start, state, reason, staff_id, staff_name, at)"
                   " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (school_code, week_start) DO UPDATE SET"
                   " state = excluded.state, reason = excluded.reason, staff_id = excluded.staff_id,"
                   " staff_name = excluded.staff_name, at = excluded.at",
                   {str(r.schoolCode), str(r.weekStart), str(r.state), str(r.reason), str(r.staffId), str(r.staffName),
                    str(r.at)});
        });
    }

    std::vector<PeriodReviewRow> periodReviews(const std::string& schoolCode) override
    {
        auto c = pool_.acquire();
        auto r = c->exec("SELECT school_code, week_start, state, reason, staff_id, staff_name, at FROM period_reviews"
                         " WHERE school_code = $1 ORDER BY week_start", {str(schoolCode)});
        std::vector<PeriodReviewRow> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6)});
        return out;
    }

private:
    // Several server instances may start at once: an advisory lock serialises the migration.
    void migrate()
    {
        auto c = pool_.acquire();
        c->exec("SELECT pg_advisory_lock(7382001)");
        try {
            c->exec("CREATE TABLE IF NOT EXISTS county_schema (version INTEGER NOT NULL)");
            auto r = c->exec("SELECT coalesce(max(version), 0) FROM county_schema");
            const auto current = r.int64(0, 0);
            const auto& migrations = postgresCountyMigrations();
            if (current > migrations.back().version)
                throw StorageError("the county database has schema version " + std::to_string(current) +
                                   ", newer than this server (" + std::to_string(migrations.back().version) + ")");
            for (const auto& m : migrations) {
                if (m.version <= current) continue;
                c->exec("BEGIN");
                c->execScript(m.sql);
                if (m.version == kPackedRecordsMigration) packRecordsOnPostgres(*c);
                c->exec("INSERT INTO county_schema(version) VALUES ($1)", {num(m.version)});
                c->exec("COMMIT");
            }
        } catch (...) {
            try {
                c->exec("ROLLBACK");
            } catch (...) {
            }
            c->exec("SELECT pg_advisory_unlock(7382001)");
            throw;
        }
        c->exec("SELECT pg_advisory_unlock(7382001)");
    }

    PgPool pool_;
};

}  // namespace

std::unique_ptr<Storage> openPostgresStorage(const std::string& url, int connections)
{
    return std::make_unique<PostgresStorage>(url, connections);
}

}  // namespace taizhang::server
