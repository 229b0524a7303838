#include "outbox.h"

#include <algorithm>

#include <map>
#include <set>

#include "record_store.h"
#include "uuid.h"

namespace taizhang {

namespace {
// A header line is small ({"protocol":1,"batch_id":...}); keep this much room under the limit.
constexpr std::size_t kHeaderAllowance = 512;
// Free pages (4 KiB) after which an ack gives the space back to the file system.
constexpr std::int64_t kReclaimAtPages = 64;

constexpr const char* kBatchColumns =
    "SELECT batch_id, first_seq, last_seq, count, body, raw_bytes, state, attempts, next_attempt_at, last_error, "
    "created_at FROM sync_batches ";

FrozenBatch batchFromRow(const Statement& s, bool withBody = true)
{
    FrozenBatch b;
    b.batchId = s.text(0);
    b.firstSeq = s.int64(1);
    b.lastSeq = s.int64(2);
    b.count = s.int32(3);
    if (withBody) b.body = s.blob(4);
    b.rawBytes = s.int64(5);
    b.state = s.text(6);
    b.attempts = s.int32(7);
    b.nextAttemptAt = s.int64(8);
    b.lastError = s.text(9);
    b.createdAt = s.text(10);
    return b;
}

DeadLetter deadLetterFromRow(const Statement& s)
{
    DeadLetter d;
    d.id = s.int64(0);
    d.recordId = s.text(1);
    d.kind = s.text(2);
    d.version = s.int64(3);
    d.seq = s.int64(4);
    d.batchId = s.text(5);
    d.status = s.text(6);
    d.code = s.text(7);
    d.message = s.text(8);
    d.payload = s.text(9);
    d.createdAt = s.text(10);
    d.resolved = s.int64(11) != 0;
    d.resolvedAt = s.optText(12).value_or("");
    d.resolution = s.optText(13).value_or("");
    return d;
}

// An outbox row with its wire text: its own payload (rows written before migration 3 for a
// version since replaced, resends of a record not stored here: rec NULL), or (payload '')
// version `version` of its record: the records row while the record is at that version, else
// the "before" of the audit row that moved it past that version.
const std::string& rowColumnsSql()
{
    static const std::string sql = std::string("SELECT o.seq, o.version, o.payload, o.rec, ") + recordColumnsSql() +
                                   " FROM outbox o LEFT JOIN records r ON r.rec = o.rec LEFT JOIN actors a ON "
                                   "a.n = r.author LEFT JOIN actors d ON d.n = r.device ";
    return sql;
}
constexpr int kRecordColumn = 4;  // where recordColumnsSql() starts

OutboxRow outboxRowFrom(Database& db, const Statement& s)
{
    OutboxRow row{s.int64(0), "", "", s.int64(1), s.text(2)};
    if (s.isNull(kRecordColumn)) {
        // Not stored here: the payload is the record (it names itself).
        try {
            const Json j = Json::parse(row.payload);
            row.recordId = j.at("id").get<std::string>();
            row.kind = j.at("kind").get<std::string>();
        } catch (const std::exception&) {
            throw DbError("outbox row " + std::to_string(row.seq) + " refers to a record that is not stored");
        }
        return row;
    }
    row.recordId = s.text(kRecordColumn);
    row.kind = s.text(kRecordColumn + 1);
    if (!row.payload.empty()) return row;
    if (s.int64(kRecordColumn + 2) == row.version) {
        row.payload = recordToJson(recordFromRow(s, kRecordColumn)).dump();
        return row;
    }
    // The change that moved the record past this version: version + 1 when made here, or a
    // higher version pulled from the county (a pull may skip versions made elsewhere).
    auto next = db.prepare("SELECT before FROM audit WHERE rec = ? AND version > ? AND before IS NOT NULL "
                           "ORDER BY version, id LIMIT 1");
    next.bind(1, s.int64(3)).bind(2, row.version);
    if (next.step() && Json::parse(next.text(0)).value("version", std::int64_t{0}) == row.version) {
        row.payload = next.text(0);
        return row;
    }
    throw DbError("outbox row " + std::to_string(row.seq) + " refers to version " + std::to_string(row.version) +
                  " of record " + row.recordId + ", which is no longer stored");
}

std::vector<OutboxRow> rowsOfBatch(Database& db, const std::string& batchId)
{
    auto s = db.prepare(rowColumnsSql() + "WHERE o.batch_id = ? ORDER BY o.seq");
    s.bind(1, batchId);
    std::vector<OutboxRow> rows;
    while (s.step()) rows.push_back(outboxRowFrom(db, s));
    return rows;
}

// Acknowledged (or dead-lettered) rows are not kept: the batch's counts and the dead letters
// hold what the status, the restored-disk check and the refused-records list need.
void pruneBatch(Database& db, const std::string& batchId)
{
    auto rows = db.prepare("DELETE FROM outbox WHERE batch_id = ?");
    rows.bind(1, batchId).run();
    auto bytes = db.prepare("UPDATE sync_batches SET body = x'' WHERE batch_id = ?");
    bytes.bind(1, batchId).run();
}

void dropRow(Database& db, std::int64_t seq)
{
    auto s = db.prepare("DELETE FROM outbox WHERE seq = ?");
    s.bind(1, seq).run();
}

std::optional<std::string> batchState(Database& db, const std::string& batchId)
{
    auto s = db.prepare("SELECT state FROM sync_batches WHERE batch_id = ?");
    s.bind(1, batchId);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

// Gives freed pages back once they add up, and all of them when the last waiting change is
// acknowledged: the outbox rows are small (migration 5), so a full sync may free fewer pages
// than the threshold, and the file must still end smaller than it was before the sync.
void reclaimAfterAck(Database& db)
{
    auto waiting = db.prepare("SELECT EXISTS (SELECT 1 FROM outbox)");
    waiting.step();
    const bool more = waiting.int64(0) != 0;
    waiting.reset();
    db.reclaimFreePages(more ? kReclaimAtPages : 1);
}

// Freezing is the one write where losing the last commit to a power cut would matter (the bytes
// must be identical on every retry), so it runs with synchronous=FULL and then goes back.
class FullSync {
public:
    explicit FullSync(Database& db) : db_(db) { db_.exec("PRAGMA synchronous = FULL"); }
    ~FullSync()
    {
        try {
            db_.exec("PRAGMA synchronous = NORMAL");
        } catch (...) {
        }
    }

private:
    Database& db_;
};

// Stores one dead letter and returns it as listDeadLetters() would.
DeadLetter insertDeadLetter(Database& db, const OutboxRow& row, const std::string& batchId, std::string_view status,
                            std::string_view code, std::string_view message, const std::string& now)
{
    auto s = db.prepare(
        "INSERT INTO dead_letters(record_id, kind, version, seq, batch_id, status, code, message, payload, created_at) "
        "VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, row.recordId)
        .bind(2, row.kind)
        .bind(3, row.version)
        .bind(4, row.seq)
        .bind(5, batchId)
        .bind(6, status)
        .bind(7, code)
        .bind(8, message)
        .bind(9, row.payload)
        .bind(10, now)
        .run();
    DeadLetter d;
    d.id = db.lastInsertRowId();
    d.recordId = row.recordId;
    d.kind = row.kind;
    d.version = row.version;
    d.seq = row.seq;
    d.batchId = batchId;
    d.status = std::string(status);
    d.code = std::string(code);
    d.message = std::string(message);
    d.payload = row.payload;
    d.createdAt = now;
    return d;
}
}  // namespace

Outbox::Outbox(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

std::optional<FrozenBatch> Outbox::pendingBatch() const
{
    auto s = db_.prepare(std::string(kBatchColumns) + "WHERE state = 'pending' ORDER BY first_seq LIMIT 1");
    if (!s.step()) return std::nullopt;
    return batchFromRow(s);
}

std::vector<FrozenBatch> Outbox::pendingBatches() const
{
    auto s = db_.prepare(std::string(kBatchColumns) + "WHERE state = 'pending' ORDER BY first_seq");
    std::vector<FrozenBatch> out;
    while (s.step()) out.push_back(batchFromRow(s));
    return out;
}

std::optional<FrozenBatch> Outbox::freezeNext(const BatchLimits& limits, const BatchEncoder& encode,
                                              bool alsoWhenPending)
{
    if (!alsoWhenPending)
        if (auto pending = pendingBatch()) return pending;
    FullSync full(db_);
    auto tx = db_.beginWrite();
    if (!alsoWhenPending)
        if (auto pending = pendingBatch()) return pending;  // another process froze one meanwhile
    return freezeChosen(tx, chooseUnbatched(limits, false), limits, encode);
}

namespace {
// Whether any pending batch (in flight or waiting for its retry) holds an edit or a deletion.
bool pendingBatchEdits(Database& db)
{
    auto s = db.prepare("SELECT 1 FROM outbox o JOIN sync_batches b ON b.batch_id = o.batch_id "
                        "WHERE b.state = 'pending' AND o.version > 1 LIMIT 1");
    return s.step();
}
}  // namespace

std::optional<FrozenBatch> Outbox::freezeAlongside(const BatchLimits& limits, const BatchEncoder& encode)
{
    FullSync full(db_);
    auto tx = db_.beginWrite();
    if (!pendingBatch() || pendingBatchEdits(db_)) return std::nullopt;
    return freezeChosen(tx, chooseUnbatched(limits, true), limits, encode);
}

std::optional<FrozenBatch> Outbox::freezeChosen(Transaction& tx, const std::vector<OutboxRow>& rows,
                                                const BatchLimits& limits, const BatchEncoder& encode)
{
    if (rows.empty()) {
        tx.commit();  // keeps any dead letters written while choosing
        return std::nullopt;
    }
    auto batch = freezeRows(rows, limits, encode);
    tx.commit();
    return batch;
}

std::optional<FrozenBatch> Outbox::dueRetryAlongside(const std::vector<std::string>& inFlight, std::int64_t now) const
{
    if (pendingBatchEdits(db_)) return std::nullopt;
    auto s = db_.prepare(std::string(kBatchColumns) +
                         "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY first_seq");
    s.bind(1, now);
    while (s.step()) {
        FrozenBatch b = batchFromRow(s);
        if (std::find(inFlight.begin(), inFlight.end(), b.batchId) == inFlight.end()) return b;
    }
    return std::nullopt;
}

std::vector<OutboxRow> Outbox::chooseUnbatched(const BatchLimits& limits, bool creationsOnly)
{
    const std::string now = formatUtcTimestamp(clock_.nowUnixMillis());
    const std::size_t maxRecords = std::max<std::size_t>(1, limits.maxRecords);
    auto s = db_.prepare(rowColumnsSql() + "WHERE o.batch_id IS NULL ORDER BY o.seq LIMIT ?");
    s.bind(1, static_cast<std::int64_t>(maxRecords));
    std::vector<OutboxRow> rows;
    std::size_t bytes = kHeaderAllowance;
    while (s.step()) {
        OutboxRow row = outboxRowFrom(db_, s);
        if (creationsOnly && row.version != 1) break;  // an edit or a deletion waits
        const std::size_t lineBytes = row.payload.size() + 32;  // + ,"seq":N and the newline
        if (lineBytes > limits.maxRecordBytes) {
            // Can never be accepted as it is: dead-letter now rather than block the queue.
            insertDeadLetter(db_, row, "", "too_large", "record_too_large",
                             "record is " + std::to_string(lineBytes) + " bytes, the county accepts at most " +
                                 std::to_string(limits.maxRecordBytes),
                             now);
            dropRow(db_, row.seq);
            continue;
        }
        if (!rows.empty() && bytes + lineBytes > limits.maxDecompressedBytes) break;
        bytes += lineBytes;
        rows.push_back(std::move(row));
    }
    s.reset();
    return rows;
}

std::optional<FrozenBatch> Outbox::freezeRows(const std::vector<OutboxRow>& chosen, const BatchLimits& limits,
                                              const BatchEncoder& encode)
{
    std::vector<OutboxRow> rows = chosen;
    FrozenBatch b;
    b.batchId = newUuidV7(clock_.nowUnixMillis());
    std::size_t raw = 0;
    for (;;) {
        b.body = encode(b.batchId, rows, raw);
        // gzip almost always fits; if not, halve rather than guess (a lone oversized row is sent
        // anyway and the server's 413 dead-letters it).
        if (b.body.size() <= limits.maxBytes || rows.size() == 1) break;
        rows.resize(rows.size() / 2);
    }
    b.firstSeq = rows.front().seq;
    b.lastSeq = rows.back().seq;
    b.count = static_cast<int>(rows.size());
    b.rawBytes = static_cast<std::int64_t>(raw);
    b.state = "pending";
    b.createdAt = formatUtcTimestamp(clock_.nowUnixMillis());

    auto ins = db_.prepare(
        "INSERT INTO sync_batches(batch_id, first_seq, last_seq, count, body, raw_bytes, state, created_at) "
        "VALUES(?,?,?,?,?,?,'pending',?)");
    ins.bind(1, b.batchId)
        .bind(2, b.firstSeq)
        .bind(3, b.lastSeq)
        .bind(4, b.count)
        .bindBlob(5, b.body.data(), b.body.size())
        .bind(6, b.rawBytes)
        .bind(7, b.createdAt)
        .run();
    auto mark = db_.prepare("UPDATE outbox SET batch_id = ? WHERE seq = ? AND batch_id IS NULL");
    for (const auto& row : rows) {
        mark.reset();
        mark.bind(1, b.batchId).bind(2, row.seq).run();
        if (db_.changes() != 1) throw DbError("outbox row " + std::to_string(row.seq) + " was batched twice");
    }
    return b;
}

void Outbox::recordFailure(const std::string& batchId, std::string_view error, std::int64_t nextAttemptAt)
{
    auto tx = db_.beginWrite();
    auto s = db_.prepare(
        "UPDATE sync_batches SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE batch_id = ?");
    s.bind(1, nextAttemptAt).bind(2, error).bind(3, batchId).run();
    tx.commit();
}

std::vector<DeadLetter> Outbox::applyAck(const FrozenBatch& batch, const Ack& ack)
{
    if (ack.batchId != batch.batchId)
        throw AckMismatch("ack is for batch '" + ack.batchId + "', expected '" + batch.batchId + "'");
    const AckCounts& c = ack.counts;
    if (c.created < 0 || c.updated < 0 || c.duplicate < 0 || c.rejected < 0 || c.conflict < 0)
        throw AckMismatch("ack has a negative count");
    if (c.total() != batch.count)
        throw AckMismatch("ack counts add up to " + std::to_string(c.total()) + ", batch holds " +
                          std::to_string(batch.count));

    auto tx = db_.beginWrite();
    const auto state = batchState(db_, batch.batchId);
    if (!state) throw AckMismatch("unknown batch '" + batch.batchId + "'");
    if (*state != "pending") return {};  // already applied (another process, or a replayed ack)

    const auto rows = rowsOfBatch(db_, batch.batchId);
    if (static_cast<int>(rows.size()) != batch.count)
        throw DbError("batch " + batch.batchId + " holds " + std::to_string(rows.size()) + " rows, frozen with " +
                      std::to_string(batch.count));
    std::map<std::int64_t, const OutboxRow*> bySeq;
    for (const auto& r : rows) bySeq[r.seq] = &r;

    int rejected = 0, conflicts = 0;
    std::set<std::int64_t> seen;
    for (const auto& e : ack.exceptions) {
        auto it = bySeq.find(e.seq);
        if (it == bySeq.end()) throw AckMismatch("ack lists seq " + std::to_string(e.seq) + " not in the batch");
        if (!e.id.empty() && e.id != it->second->recordId)
            throw AckMismatch("ack names record " + e.id + " for seq " + std::to_string(e.seq));
        if (!seen.insert(e.seq).second) throw AckMismatch("ack lists seq " + std::to_string(e.seq) + " twice");
        if (e.status == "rejected")
            ++rejected;
        else if (e.status == "conflict")
            ++conflicts;
        else
            throw AckMismatch("ack has unknown exception status '" + e.status + "'");
    }
    if (rejected != c.rejected || conflicts != c.conflict)
        throw AckMismatch("ack lists " + std::to_string(rejected) + " rejected and " + std::to_string(conflicts) +
                          " conflicts, counts say " + std::to_string(c.rejected) + " and " +
                          std::to_string(c.conflict));

    const std::string now = formatUtcTimestamp(clock_.nowUnixMillis());
    std::map<std::int64_t, const AckException*> exceptionBySeq;
    for (const auto& e : ack.exceptions) exceptionBySeq[e.seq] = &e;

    // A newer version of a record accepted by the county settles its older dead letters.
    auto settle = db_.prepare(
        "UPDATE dead_letters SET resolved = 1, resolved_at = ?, resolution = 'superseded' "
        "WHERE record_id = ? AND version <= ? AND resolved = 0 AND seq < ?");
    std::vector<DeadLetter> created;
    for (const auto& row : rows) {
        auto ex = exceptionBySeq.find(row.seq);
        if (ex == exceptionBySeq.end()) {
            settle.reset();
            settle.bind(1, now).bind(2, row.recordId).bind(3, row.version).bind(4, row.seq).run();
            continue;
        }
        const AckException& e = *ex->second;
        created.push_back(insertDeadLetter(db_, row, batch.batchId, e.status, e.code, e.message, now));
    }
    auto done = db_.prepare("UPDATE sync_batches SET state = 'acked', acked_at = ?, last_error = '' WHERE batch_id = ?");
    done.bind(1, now).bind(2, batch.batchId).run();
    pruneBatch(db_, batch.batchId);
    tx.commit();
    reclaimAfterAck(db_);
    return created;
}

std::vector<FrozenBatch> Outbox::split(const FrozenBatch& batch, const BatchEncoder& encode, std::string_view code,
                                       std::string_view message)
{
    FullSync full(db_);
    auto tx = db_.beginWrite();
    const auto state = batchState(db_, batch.batchId);
    if (!state || *state != "pending") return {};
    const auto rows = rowsOfBatch(db_, batch.batchId);
    const std::string now = formatUtcTimestamp(clock_.nowUnixMillis());
    auto close = db_.prepare("UPDATE sync_batches SET state = 'split', last_error = ?, body = x'' WHERE batch_id = ?");
    close.bind(1, std::string(code) + ": " + std::string(message)).bind(2, batch.batchId).run();

    std::vector<FrozenBatch> out;
    if (rows.size() <= 1) {
        // One record alone is too large for the county: it cannot ever be sent as it is.
        for (const auto& row : rows) {
            insertDeadLetter(db_, row, batch.batchId, "too_large", code, message, now);
            dropRow(db_, row.seq);
        }
        tx.commit();
        return out;
    }
    auto release = db_.prepare("UPDATE outbox SET batch_id = NULL WHERE batch_id = ?");
    release.bind(1, batch.batchId).run();
    const std::size_t half = rows.size() / 2;
    const std::vector<OutboxRow> first(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(half));
    const std::vector<OutboxRow> second(rows.begin() + static_cast<std::ptrdiff_t>(half), rows.end());
    // No byte limit here: the halves are smaller than what the server refused, and a further
    // 413 splits again.
    BatchLimits unlimited{rows.size(), static_cast<std::size_t>(-1), static_cast<std::size_t>(-1)};
    out.push_back(*freezeRows(first, unlimited, encode));
    out.push_back(*freezeRows(second, unlimited, encode));
    tx.commit();
    return out;
}

std::vector<DeadLetter> Outbox::refuseBatch(const FrozenBatch& batch, std::string_view code, std::string_view message)
{
    auto tx = db_.beginWrite();
    const auto state = batchState(db_, batch.batchId);
    if (!state || *state != "pending") return {};
    const auto rows = rowsOfBatch(db_, batch.batchId);
    const std::string now = formatUtcTimestamp(clock_.nowUnixMillis());
    std::vector<DeadLetter> created;
    for (const auto& row : rows)
        created.push_back(insertDeadLetter(db_, row, batch.batchId, "rejected", code, message, now));
    auto close = db_.prepare(
        "UPDATE sync_batches SET state = 'acked', acked_at = ?, last_error = ? WHERE batch_id = ?");
    close.bind(1, now).bind(2, "refused by the county: " + std::string(code) + ": " + std::string(message))
        .bind(3, batch.batchId)
        .run();
    pruneBatch(db_, batch.batchId);
    tx.commit();
    return created;
}

void Outbox::supersede(const std::string& batchId)
{
    auto tx = db_.beginWrite();
    const auto state = batchState(db_, batchId);
    if (!state || *state != "pending") return;
    auto close = db_.prepare("UPDATE sync_batches SET state = 'superseded', body = x'' WHERE batch_id = ?");
    close.bind(1, batchId).run();
    auto release = db_.prepare("UPDATE outbox SET batch_id = NULL WHERE batch_id = ?");
    release.bind(1, batchId).run();
    tx.commit();
}

std::vector<DeadLetter> Outbox::deadLetters(bool includeResolved) const
{
    std::string sql =
        "SELECT id, record_id, kind, version, seq, batch_id, status, code, message, payload, created_at, resolved, "
        "resolved_at, resolution FROM dead_letters ";
    if (!includeResolved) sql += "WHERE resolved = 0 ";
    sql += "ORDER BY id";
    auto s = db_.prepare(sql);
    std::vector<DeadLetter> out;
    while (s.step()) out.push_back(deadLetterFromRow(s));
    return out;
}

std::int64_t Outbox::resend(std::int64_t deadLetterId)
{
    auto tx = db_.beginWrite();
    auto s = db_.prepare("SELECT record_id, kind, version, payload FROM dead_letters WHERE id = ? AND resolved = 0");
    s.bind(1, deadLetterId);
    if (!s.step()) throw std::invalid_argument("no open dead letter with id " + std::to_string(deadLetterId));
    std::string recordId = s.text(0), payload = s.text(3);
    std::int64_t version = s.int64(2);
    s.reset();

    // Send what the record is NOW (the user may have fixed it meanwhile), not the refused copy.
    auto current = db_.prepare("SELECT rec, version FROM records WHERE id = ?");
    current.bind(1, recordId);
    std::optional<std::int64_t> rec;
    if (current.step()) {
        rec = current.int64(0);
        version = current.int64(1);
        payload.clear();  // '' = the record row at this version, like every new outbox row
    }
    current.reset();
    const std::int64_t nowMs = clock_.nowUnixMillis();
    const std::string now = formatUtcTimestamp(nowMs);
    auto ins = db_.prepare("INSERT INTO outbox(rec, version, payload, created_at) VALUES(?,?,?,?)");
    ins.bind(1, rec).bind(2, version).bind(3, payload).bind(4, nowMs).run();
    const std::int64_t seq = db_.lastInsertRowId();
    auto done = db_.prepare("UPDATE dead_letters SET resolved = 1, resolved_at = ?, resolution = 'resent' WHERE id = ?");
    done.bind(1, now).bind(2, deadLetterId).run();
    tx.commit();
    return seq;
}

void Outbox::dismiss(std::int64_t deadLetterId)
{
    auto tx = db_.beginWrite();
    auto s = db_.prepare(
        "UPDATE dead_letters SET resolved = 1, resolved_at = ?, resolution = 'dismissed' WHERE id = ? AND resolved = 0");
    s.bind(1, formatUtcTimestamp(clock_.nowUnixMillis())).bind(2, deadLetterId).run();
    if (db_.changes() != 1) throw std::invalid_argument("no open dead letter with id " + std::to_string(deadLetterId));
    tx.commit();
}

OutboxStatus Outbox::status() const
{
    OutboxStatus st;
    auto s = db_.prepare(
        "SELECT "
        "(SELECT count(*) FROM outbox WHERE batch_id IS NULL), "
        "(SELECT count(*) FROM outbox o JOIN sync_batches b ON b.batch_id = o.batch_id WHERE b.state = 'pending'), "
        "(SELECT count(*) FROM sync_batches WHERE state = 'pending'), "
        // Acknowledged rows are pruned: what the county acknowledged is counted by batch, plus
        // the rows dead-lettered as too large without a batch.
        "(SELECT coalesce(sum(count), 0) FROM sync_batches WHERE state = 'acked') + "
        "(SELECT count(*) FROM dead_letters WHERE status = 'too_large'), "
        "(SELECT count(*) FROM dead_letters WHERE resolved = 0 AND status <> 'conflict'), "
        "(SELECT count(*) FROM dead_letters WHERE resolved = 0 AND status = 'conflict'), "
        "(SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'), "
        "max((SELECT coalesce(max(last_seq), 0) FROM sync_batches WHERE state = 'acked'), "
        "    (SELECT coalesce(max(seq), 0) FROM dead_letters WHERE status = 'too_large')), "
        "(SELECT min(created_at) FROM outbox WHERE acked_at IS NULL), "
        "(SELECT coalesce(max(last_seq), 0) FROM sync_batches)");
    s.step();
    st.unbatched = s.int64(0);
    st.inPendingBatches = s.int64(1);
    st.pendingBatches = s.int64(2);
    st.acknowledged = s.int64(3);
    st.openDeadLetters = s.int64(4);
    st.openConflicts = s.int64(5);
    st.maxSeq = s.int64(6);
    st.maxAckedSeq = s.int64(7);
    st.oldestUnsentAt = s.isNull(8) ? "" : storedTimeText(s, 8);
    st.maxBatchedSeq = s.int64(9);
    return st;
}

std::vector<FrozenBatch> Outbox::batches(std::size_t limit) const
{
    auto s = db_.prepare(std::string(kBatchColumns) + "ORDER BY first_seq DESC, created_at DESC LIMIT ?");
    s.bind(1, static_cast<std::int64_t>(limit));
    std::vector<FrozenBatch> out;
    while (s.step()) out.push_back(batchFromRow(s, false));
    return out;
}

std::int64_t Outbox::ensureSequenceAbove(std::int64_t floor)
{
    auto tx = db_.beginWrite();
    auto cur = db_.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'");
    const bool hasRow = cur.step();
    const std::int64_t current = hasRow ? cur.int64(0) : 0;
    cur.reset();
    if (current < floor && hasRow) {
        auto up = db_.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'");
        up.bind(1, floor).run();
    } else if (current < floor) {
        auto ins = db_.prepare("INSERT INTO sqlite_sequence(name, seq) VALUES('outbox', ?)");
        ins.bind(1, floor).run();
    }
    // Rows not yet frozen may carry sequences the server already saw from the lost future of
    // this device: move every unfrozen row (in order, so changes to one record stay ordered)
    // above the floor. Frozen batches keep their bytes; the server replays or accepts them.
    auto pick = db_.prepare(
        "SELECT seq FROM outbox WHERE batch_id IS NULL AND (SELECT count(*) FROM outbox WHERE batch_id IS NULL AND "
        "seq <= ?) > 0 ORDER BY seq");
    pick.bind(1, floor);
    std::vector<std::int64_t> seqs;
    while (pick.step()) seqs.push_back(pick.int64(0));
    pick.reset();
    auto move = db_.prepare(
        "INSERT INTO outbox(rec, version, payload, created_at) "
        "SELECT rec, version, payload, created_at FROM outbox WHERE seq = ?");
    auto drop = db_.prepare("DELETE FROM outbox WHERE seq = ?");
    for (auto seq : seqs) {
        move.reset();
        move.bind(1, seq).run();
        drop.reset();
        drop.bind(1, seq).run();
    }
    tx.commit();
    return static_cast<std::int64_t>(seqs.size());
}

}  // namespace taizhang
