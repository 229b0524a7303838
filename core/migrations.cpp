#include "database.h"

namespace taizhang {

// Append only: a released migration never changes. Numbers are reserved per area so that work
// in parallel does not collide: 1 base schema, 2 sync client state, 3 a record stored once,
// 4 pulled conflicts. Take the next free number.
const std::vector<Migration>& clientMigrations()
{
    static const std::vector<Migration> migrations{
        {1, "base schema: settings, records, audit, outbox, users", R"SQL(
CREATE TABLE settings(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Every synced entity (reference data and daily data) is a record: a common envelope plus a
-- JSON body. day/class_id/teacher_id are copied out of the body for indexed look-ups.
CREATE TABLE records(
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author     TEXT NOT NULL,
    device     TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    day        TEXT,
    class_id   TEXT,
    teacher_id TEXT,
    body       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX records_kind_day ON records(kind, day);
CREATE INDEX records_class_day ON records(class_id, day) WHERE class_id IS NOT NULL;
CREATE INDEX records_teacher ON records(teacher_id) WHERE teacher_id IS NOT NULL;

-- Who changed what, before and after; never updated or deleted.
CREATE TABLE audit(
    id        INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    version   INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    at        TEXT NOT NULL,
    author    TEXT NOT NULL,
    device    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_record ON audit(record_id, version);

-- What sync sends: one row per change, in order. AUTOINCREMENT so a sequence number is never
-- reused even after rows are removed.
CREATE TABLE outbox(
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Local accounts only; never synced. password_hash is an Argon2id string from libsodium.
CREATE TABLE users(
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'teacher')),
    teacher_id    TEXT,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);
)SQL"},
        {2, "sync client state: frozen batches, outbox batch marks, dead letters", R"SQL(
-- A batch is frozen once: its rows are chosen, its gzip bytes stored, and every retry sends
-- exactly these bytes under Idempotency-Key = batch_id. state: pending (not yet acknowledged),
-- acked, split (413: replaced by two halves), superseded (422: rows released, never sent again).
CREATE TABLE sync_batches(
    batch_id        TEXT PRIMARY KEY,
    first_seq       INTEGER NOT NULL,
    last_seq        INTEGER NOT NULL,
    count           INTEGER NOT NULL CHECK (count >= 1),
    body            BLOB NOT NULL,
    raw_bytes       INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'acked', 'split', 'superseded')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    acked_at        TEXT
);
CREATE INDEX sync_batches_pending ON sync_batches(first_seq) WHERE state = 'pending';

-- batch_id NULL = not yet in a batch; ack_status is the server's verdict once acknowledged
-- (accepted = created, updated or duplicate: the ack only itemises exceptions).
ALTER TABLE outbox ADD COLUMN batch_id TEXT;
ALTER TABLE outbox ADD COLUMN ack_status TEXT
    CHECK (ack_status IN ('accepted', 'rejected', 'conflict', 'too_large'));
ALTER TABLE outbox ADD COLUMN acked_at TEXT;
CREATE INDEX outbox_unbatched ON outbox(seq) WHERE batch_id IS NULL;
CREATE INDEX outbox_batch ON outbox(batch_id) WHERE batch_id IS NOT NULL;

-- Records the county refused (rejected) or kept for review (conflict), with the server's stable
-- code and message. They never block later records; the user fixes the record (a new outbox
-- row) or resends it, which resolves the entry.
CREATE TABLE dead_letters(
    id          INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    batch_id    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('rejected', 'conflict', 'too_large')),
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    resolved_at TEXT,
    resolution  TEXT
);
CREATE INDEX dead_letters_open ON dead_letters(record_id) WHERE resolved = 0;
)SQL"},
        {3, "a record stored once: outbox and creation audit refer to the record, acknowledged rows pruned", R"SQL(
-- An outbox row whose payload is '' stands for version `version` of its record: freezing builds
-- the wire text from the `records` row while the record is at that version, and from the
-- "before" of the audit row of the next version once it has moved on (every change writes one),
-- so an unsent old version is still sent exactly as it was saved (Outbox::freezeNext).

-- Acknowledged rows are kept nowhere but in their batch's counts (sync_batches) and, for the
-- refused ones, in dead_letters (which hold their own payload); the batch bytes only matter
-- until the ack.
DELETE FROM outbox WHERE acked_at IS NOT NULL;
UPDATE outbox SET payload = '' WHERE payload <> '' AND EXISTS
    (SELECT 1 FROM records r WHERE r.id = outbox.record_id AND r.version = outbox.version);
UPDATE sync_batches SET body = x'' WHERE state <> 'pending';

-- A creation's audit row names the version; its content is the record at version 1 (the
-- record itself, or the "before" of the audit row of version 2). RecordStore::history fills it in.
UPDATE audit SET after = NULL WHERE action = 'create' AND after IS NOT NULL AND (
    EXISTS (SELECT 1 FROM records r WHERE r.id = audit.record_id AND r.version = audit.version) OR
    EXISTS (SELECT 1 FROM audit b WHERE b.record_id = audit.record_id AND b.version = audit.version + 1
            AND b.before IS NOT NULL));
)SQL", true},
        {4, "pull: the school's conflicts from the county's change feed", R"SQL(
-- Versions the county kept for review instead of storing them (equal version with other
-- content, or a second record for a natural key), from any computer of the school, as the
-- county's change feed (GET /v1/changes) lists them. The feed's cursor and the last pull are
-- settings (sync.pull_cursor, sync.last_pull_at), written in the transaction of each page.
CREATE TABLE school_conflicts(
    change      INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    from_device TEXT NOT NULL,
    received_at TEXT NOT NULL,
    code        TEXT NOT NULL,     -- version_conflict | natural_key_conflict
    winner_id   TEXT NOT NULL,     -- the stored record this version lost to
    winner_version INTEGER NOT NULL -- open while that record is at this version; a save resolves it
);
CREATE INDEX school_conflicts_record ON school_conflicts(record_id);
)SQL"},
    };
    return migrations;
}

}  // namespace taizhang
