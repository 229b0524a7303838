#pragma once
// The client side of sync's storage: frozen batches, acknowledgements and the dead-letter list.
// All SQL for those lives here (nothing outside core/ writes SQL for the client database); the
// wire encoding (NDJSON + gzip) is sync's job and comes in as a callback, so core needs no zlib.
//
// Life of an outbox row: written by RecordStore (batch_id NULL, payload '' = "the record row at
// this version": the record's JSON is stored once) -> frozen into a batch (batch_id set, batch
// state 'pending', the gzip bytes stored) -> acknowledged: in the ack's transaction the rows are
// deleted and the batch's bytes dropped (the batch row keeps its sequence range and count for the
// status and the restored-disk check); rejected/conflict rows first get a dead_letters entry with
// their payload. A 413 splits a pending batch into two new ones; a 422 supersedes it.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "clock.h"
#include "database.h"

namespace taizhang {

// What the server advertises in GET /v1/capabilities.
struct BatchLimits {
    std::size_t maxRecords = 500;
    std::size_t maxBytes = 1 << 20;              // compressed request body
    std::size_t maxDecompressedBytes = 8 << 20;  // NDJSON after gunzip
    std::size_t maxRecordBytes = 64 << 10;       // one NDJSON line
};

struct OutboxRow {
    std::int64_t seq = 0;
    std::string recordId;
    std::string kind;
    std::int64_t version = 0;
    std::string payload;  // recordToJson(record).dump(), without "seq"
};

struct FrozenBatch {
    std::string batchId;
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
    int count = 0;
    std::string body;  // the exact bytes sent on every attempt (gzip)
    std::int64_t rawBytes = 0;
    std::string state;
    int attempts = 0;
    std::int64_t nextAttemptAt = 0;  // unix ms; 0 = now
    std::string lastError;
    std::string createdAt;
};

// Encodes the chosen rows into the request body for batch id `batchId`; returns the gzip bytes
// and sets `rawBytes` to the uncompressed size. Called inside the freezing transaction.
using BatchEncoder =
    std::function<std::string(const std::string& batchId, const std::vector<OutboxRow>& rows, std::size_t& rawBytes)>;

struct AckCounts {
    int created = 0;
    int updated = 0;
    int duplicate = 0;
    int rejected = 0;
    int conflict = 0;
    int total() const { return created + updated + duplicate + rejected + conflict; }
};

struct AckException {
    std::int64_t seq = 0;
    std::string id;
    std::string status;  // rejected | conflict
    std::string code;
    std::string message;
};

struct Ack {
    std::string batchId;
    AckCounts counts;
    std::vector<AckException> exceptions;
    std::string serverTime;
};

// The server's ack does not add up (counts vs batch count, unknown seq, wrong batch id): the batch
// is treated as failed and retried with the same bytes; nothing of the ack is applied.
class AckMismatch : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DeadLetter {
    std::int64_t id = 0;
    std::string recordId;
    std::string kind;
    std::int64_t version = 0;
    std::int64_t seq = 0;
    std::string batchId;
    std::string status;  // rejected | conflict | too_large
    std::string code;
    std::string message;
    std::string payload;
    std::string createdAt;
    bool resolved = false;
    std::string resolvedAt;
    std::string resolution;  // resent | superseded (a newer version was accepted) | dismissed
};

struct OutboxStatus {
    std::int64_t unbatched = 0;       // rows not yet in a batch
    std::int64_t inPendingBatches = 0;
    std::int64_t pendingBatches = 0;
    std::int64_t acknowledged = 0;
    std::int64_t openDeadLetters = 0;
    std::int64_t openConflicts = 0;
    std::int64_t maxSeq = 0;          // the highest sequence ever handed out (sqlite_sequence)
    std::int64_t maxAckedSeq = 0;
    std::int64_t maxBatchedSeq = 0;   // the highest sequence ever frozen into a batch
    std::string oldestUnsentAt;       // created_at of the oldest row not yet acknowledged, "" if none
    std::int64_t unsent() const { return unbatched + inPendingBatches; }
};

class Outbox {
public:
    Outbox(Database& db, const Clock& clock);

    // The oldest pending batch (a retry is sent before anything new is frozen).
    std::optional<FrozenBatch> pendingBatch() const;
    // Freezes the oldest unbatched rows (at most limits.maxRecords, and at most
    // limits.maxDecompressedBytes of payload) into a new batch in one transaction committed
    // with synchronous=FULL, unless a batch is already pending (then returns that one; with
    // alsoWhenPending a further batch is frozen anyway: the offline bundle takes them all).
    // Shrinks the selection if the encoded body exceeds limits.maxBytes. A row whose line alone
    // exceeds limits.maxRecordBytes is dead-lettered (too_large, record_too_large) in the same
    // transaction instead of being sent. nullopt when nothing is left to send.
    std::optional<FrozenBatch> freezeNext(const BatchLimits& limits, const BatchEncoder& encode,
                                          bool alsoWhenPending = false);

    // On a slow line the next batch travels while the county stores the ones before it
    // (docs/sync-protocol.md, "Batches in flight"). Freezes a further batch while others are
    // pending (in flight, or waiting for a retry after the line dropped them), only where the
    // order in which the county stores them cannot matter: every pending batch and every row of
    // the new one creates a record (version 1; new records have distinct ids, and this
    // computer's rules kept their natural keys apart), so an edit can never overtake its
    // record's creation nor a deletion the record recreated after it. The new batch takes the
    // oldest unbatched rows up to the first that is not a creation. nullopt when no batch is
    // pending (freezeNext is for that), when a pending batch holds an edit or a deletion, or
    // when the next row is one.
    std::optional<FrozenBatch> freezeAlongside(const BatchLimits& limits, const BatchEncoder& encode);
    // The oldest pending batch not among `inFlight` whose retry is due (next_attempt_at <= now),
    // to go again while others travel; nullopt when there is none or a pending batch holds an
    // edit or a deletion (then batches go one at a time).
    std::optional<FrozenBatch> dueRetryAlongside(const std::vector<std::string>& inFlight, std::int64_t now) const;

    // A failed attempt: attempts + 1, when to retry, why.
    void recordFailure(const std::string& batchId, std::string_view error, std::int64_t nextAttemptAt);

    // Applies the ack in one transaction; throws AckMismatch (nothing applied) unless it adds up.
    // Returns the dead letters it created.
    std::vector<DeadLetter> applyAck(const FrozenBatch& batch, const Ack& ack);

    // 413: replaces a pending batch of >= 2 rows by two batches (first half, second half), both
    // frozen in the same transaction, the first half pending first. A single-row batch instead
    // dead-letters its row with status too_large. Returns the new batches (0 or 2).
    std::vector<FrozenBatch> split(const FrozenBatch& batch, const BatchEncoder& encode,
                                   std::string_view code, std::string_view message);
    // The county refused this batch as a whole with a permanent 4xx (400 invalid_gzip, 415, ...):
    // sending the same bytes again cannot succeed, so in one transaction every row of the batch
    // is dead-lettered (status rejected, the county's code and message) and the batch is closed
    // (state acked, last_error says it was refused), letting later rows go. Returns the dead
    // letters created (none if the batch is no longer pending).
    std::vector<DeadLetter> refuseBatch(const FrozenBatch& batch, std::string_view code, std::string_view message);
    // 422 (the server holds a different body under this key): the rows go back to the queue and
    // are frozen again under a new key; records dedup on their id, so nothing doubles.
    void supersede(const std::string& batchId);

    std::vector<DeadLetter> deadLetters(bool includeResolved = false) const;
    // Queues the record's CURRENT stored version again (a new outbox row) and resolves the entry.
    // Returns the new sequence number. Throws std::invalid_argument if unknown/already resolved.
    std::int64_t resend(std::int64_t deadLetterId);
    void dismiss(std::int64_t deadLetterId);

    OutboxStatus status() const;
    std::vector<FrozenBatch> batches(std::size_t limit = 50) const;  // newest first, bodies omitted
    // Every pending batch with its bytes, oldest first (the offline bundle writes these, so a
    // later online sync of the same batch is a cheap replay on the server).
    std::vector<FrozenBatch> pendingBatches() const;

    // After a restored disk: guarantees every future sequence is > floor (bumps sqlite_sequence)
    // and renumbers rows not yet in a batch above it, so a sequence the server already holds is
    // never reused. Returns how many rows were renumbered.
    std::int64_t ensureSequenceAbove(std::int64_t floor);

private:
    // The oldest unbatched rows within the limits (dead-lettering any row too large to ever be
    // accepted); with creationsOnly, up to the first row that is not a version 1.
    std::vector<OutboxRow> chooseUnbatched(const BatchLimits& limits, bool creationsOnly);
    // Freezes the chosen rows into a batch and commits the freezing transaction (nullopt, still
    // committing any dead letters written while choosing, when none were chosen).
    std::optional<FrozenBatch> freezeChosen(Transaction& tx, const std::vector<OutboxRow>& rows,
                                            const BatchLimits& limits, const BatchEncoder& encode);
    std::optional<FrozenBatch> freezeRows(const std::vector<OutboxRow>& rows, const BatchLimits& limits,
                                          const BatchEncoder& encode);
    Database& db_;
    const Clock& clock_;
};

}  // namespace taizhang
