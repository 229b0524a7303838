#include "database.h"
#include <string>
#include <utility>

#include "record_kinds.h"

namespace taizhang {

namespace {
// SQL for a stored timestamp (client migration 5): the milliseconds since the epoch when `col`
// is exactly the text formatUtcTimestamp() writes, else the text unchanged (parseUtcTimestamp
// and formatUtcTimestamp in core/clock.h read and write the same two forms).
std::string storedTime(const std::string& col)
{
    const std::string head = "substr(" + col + ", 1, 19)";
    return "CASE WHEN " + col +
           " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'"
           " AND strftime('%Y-%m-%dT%H:%M:%S', " + head + ") = " + head +
           " THEN CAST(strftime('%s', " + head + ") AS INTEGER) * 1000 + CAST(substr(" + col +
           ", 21, 3) AS INTEGER) ELSE " + col + " END";
}

// The body without the fields the row holds in columns, exactly as RecordStore leaves them out:
// a field goes when it is a string equal to its column; reading puts it back (record_store.cpp).
std::string liftColumnsOutOfBodies()
{
    std::string sql;
    for (const auto& [field, column] : {std::pair{"class_id", "class_id"}, std::pair{"teacher_id", "teacher_id"}}) {
        sql += "UPDATE records_v5 SET body = json_remove(body, '$." + std::string(field) + "') WHERE " + column +
               " IS NOT NULL AND json_type(body, '$." + field + "') = 'text' AND json_extract(body, '$." + field +
               "') = " + column + ";\n";
    }
    for (Kind kind : allKinds()) {
        const std::string key(describe(kind).dateKey);
        if (key.empty()) continue;
        sql += "UPDATE records_v5 SET body = json_remove(body, '$." + key + "') WHERE kind = '" +
               std::string(kindName(kind)) + "' AND day IS NOT NULL AND json_type(body, '$." + key +
               "') = 'text' AND json_extract(body, '$." + key + "') = day;\n";
    }
    return sql;
}

std::string smallerRecordsSql()
{
    return R"SQL(
-- Names of authors and devices (a local user id, "import", a device UUID) stored once; rows
-- refer to them by number.
CREATE TABLE actors(
    n    INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO actors(name) SELECT author FROM records UNION SELECT device FROM records
    UNION SELECT author FROM audit UNION SELECT device FROM audit;

-- A rowid table: `rec` is what the indexes, the audit log and the outbox carry instead of the
-- 36-character id. Timestamps have no declared type (no conversion by SQLite): an INTEGER is
-- milliseconds since the epoch, a TEXT one the text as received (not in the canonical form).
-- The body leaves out the fields held in day / class_id / teacher_id (see liftColumnsOutOfBodies).
CREATE TABLE records_v5(
    rec        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at NOT NULL,
    updated_at NOT NULL,
    author     INTEGER NOT NULL,
    device     INTEGER NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    day        TEXT,
    class_id   TEXT,
    teacher_id TEXT,
    body       TEXT NOT NULL
);
INSERT INTO records_v5(id, kind, version, created_at, updated_at, author, device, deleted, day, class_id,
                       teacher_id, body)
SELECT r.id, r.kind, r.version, )SQL" + storedTime("r.created_at") + ", " + storedTime("r.updated_at") + R"SQL(,
       a.n, d.n, r.deleted, r.day, r.class_id, r.teacher_id, r.body
FROM records r JOIN actors a ON a.name = r.author JOIN actors d ON d.name = r.device ORDER BY r.id;
)SQL" + liftColumnsOutOfBodies() + R"SQL(
-- rec NOT NULL: an audit row of a record that is not stored fails the migration (nothing lost).
CREATE TABLE audit_v5(
    id      INTEGER PRIMARY KEY,
    rec     INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    version INTEGER NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    at      NOT NULL,
    author  INTEGER NOT NULL,
    device  INTEGER NOT NULL,
    before  TEXT,
    after   TEXT,
    reason  TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_v5(id, rec, kind, version, action, at, author, device, before, after, reason)
SELECT a.id, r.rec, a.kind, a.version, a.action, )SQL" + storedTime("a.at") + R"SQL(, au.n, d.n, a.before, a.after,
       a.reason
FROM audit a LEFT JOIN records_v5 r ON r.id = a.record_id JOIN actors au ON au.name = a.author
     JOIN actors d ON d.name = a.device ORDER BY a.id;

-- rec NULL only for a resend of a record this computer does not hold (its payload is the record).
-- The sequence goes on where it was: a number is never reused.
CREATE TABLE outbox_v5(
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    rec        INTEGER,
    version    INTEGER NOT NULL,
    payload    TEXT NOT NULL,
    created_at NOT NULL,
    batch_id   TEXT,
    ack_status TEXT CHECK (ack_status IN ('accepted', 'rejected', 'conflict', 'too_large')),
    acked_at   TEXT
);
INSERT INTO sqlite_sequence(name, seq) SELECT 'outbox_v5', seq FROM sqlite_sequence WHERE name = 'outbox';
INSERT INTO outbox_v5(seq, rec, version, payload, created_at, batch_id, ack_status, acked_at)
SELECT o.seq, r.rec, o.version, o.payload, )SQL" + storedTime("o.created_at") + R"SQL(, o.batch_id, o.ack_status,
       o.acked_at
FROM outbox o LEFT JOIN records_v5 r ON r.id = o.record_id ORDER BY o.seq;

DROP TABLE outbox;
DROP TABLE audit;
DROP TABLE records;
ALTER TABLE records_v5 RENAME TO records;
ALTER TABLE audit_v5 RENAME TO audit;
ALTER TABLE outbox_v5 RENAME TO outbox;

-- The queries each index serves: docs/performance.md, "Storage". The outbox needs none but its
-- batch's rows: it holds only what is not yet acknowledged, read in seq (rowid) order.
CREATE INDEX records_kind_day ON records(kind, day);
CREATE INDEX records_class_day ON records(class_id, day) WHERE class_id IS NOT NULL;
CREATE INDEX records_teacher ON records(teacher_id) WHERE teacher_id IS NOT NULL;
CREATE INDEX audit_record ON audit(rec, version);
CREATE INDEX outbox_batch ON outbox(batch_id) WHERE batch_id IS NOT NULL;
)SQL";
}
}  // namespace

// Append only: a released migration never changes. Numbers are reserved per area so that work
// in parallel does not collide: 1 base schema, 2 sync client state, 3 a record stored once,
// 4 pulled conflicts, 5 smaller records. Take the next free number.
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
        {5, "smaller records: rowid references, integer timestamps, author/device names once, bodies without "
            "the columns' fields", smallerRecordsSql(), true},
    };
    return migrations;
}

}  // namespace taizhang
