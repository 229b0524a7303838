#include "database.h"

namespace taizhang {

// Append only: a released migration never changes. Numbers are reserved per area so that work
// in parallel does not collide: 1 base schema, 2 sync client state. Take the next free number.
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
    };
    return migrations;
}

}  // namespace taizhang
