#pragma once
// The client side of pull (docs/sync-protocol.md, "Pull"): one page of the county's change feed
// is applied in ONE write transaction together with the feed's cursor, so a crash leaves either
// the page and its cursor or neither (the page is then fetched again and applies the same way).
// Pulled versions write the record and an audit row naming the device that made the change, and
// never an outbox row. The sync engine (sync/) fetches the pages; all SQL stays here in core.
#include <cstdint>
#include <string>
#include <vector>

#include "database.h"
#include "records.h"

namespace taizhang {

struct PulledChange {
    std::int64_t change = 0;  // the county's change number (the cursor after this entry)
    std::string type;         // "record" | "conflict"; a newer county's other types are skipped
    Json record;              // the wire form (recordToJson)
    std::string fromDevice;   // the device whose batch brought this version to the county
    std::string receivedAt;
    // Conflict entries: why, and the stored version this one lost to.
    std::string code;
    std::string winnerId;
    std::int64_t winnerVersion = 0;
};

struct PullPageResult {
    int applied = 0;    // versions written here
    int unchanged = 0;  // this ledger held exactly that version already (its own changes, mostly)
    int keptLocal = 0;  // a newer local version is still waiting to be sent
    int conflicts = 0;  // conflict rows recorded
    int skipped = 0;    // entries of a type or kind this program does not know
};

// A version the county kept for review instead of storing it (docs/sync-protocol.md).
struct SchoolConflict {
    std::int64_t change = 0;
    std::string recordId;
    Kind kind = Kind::Homework;
    std::int64_t version = 0;
    Json record;  // the version that was not stored
    std::string fromDevice;
    std::string receivedAt;
    std::string code;        // version_conflict | natural_key_conflict
    std::string winnerId;    // the record that was stored instead
    std::int64_t winnerVersion = 0;
    // Open while the winner is still at winnerVersion here: saving the winner again (keeping it,
    // or taking this version's content) resolves the conflict on every computer and the county.
    bool open = true;
};

// The cursor to pull after: the change number of the last applied page, 0 before the first.
std::int64_t pullCursor(const Database& db);

// Applies the page and stores `cursor` with it, in one write transaction. For each record R
// (L = the version held here):
//   no L, or R.version > L.version                 -> R is written
//   R.version == L.version, same content           -> nothing (unchanged)
//   R.version == L.version, other content          -> R is written: the county's stored version
//                                                     wins; this ledger's version is (or will be,
//                                                     once sent) a conflict at the county
//   R.version < L.version, L still waiting to send -> L is kept; it will reach the county and
//                                                     come back through the feed
//   R.version < L.version, nothing waiting         -> R is written (the county refused L; L is
//                                                     in the dead letters)
// Throws DbError (nothing written) on a storage failure; an entry that is not a valid record
// is skipped (a newer county's kinds), never half-applied.
PullPageResult applyPulledPage(Database& db, const std::vector<PulledChange>& page, std::int64_t cursor);

std::vector<SchoolConflict> schoolConflicts(const Database& db);

// How to resolve an open conflict: save its winner again (through the Ledger, validated, audited,
// queued like any edit) with the winner's own content (keep) or this version's content (take).
// The new version reaches the county and every computer, where the conflict then closes too.
struct ConflictResolution {
    std::string recordId;
    std::int64_t expectedVersion = 0;
    Json body;
};
// Throws std::invalid_argument (Chinese first) for an unknown or already resolved conflict.
ConflictResolution conflictResolution(const Database& db, std::int64_t change, bool takeConflictVersion);

}  // namespace taizhang
