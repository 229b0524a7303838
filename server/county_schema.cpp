#include "county_schema.h"

#include "records_packing.h"

namespace taizhang::server {
namespace {

// The few column types in which SQLite and PostgreSQL differ; every schema version uses them.
struct SqlDialect {
    std::string integer, serial, boolean, falseValue;
};

SqlDialect dialectOf(bool postgres)
{
    if (postgres) return {"BIGINT", "BIGSERIAL PRIMARY KEY", "BOOLEAN", "FALSE"};
    return {"INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "0"};
}

// Written once with placeholders for the few dialect differences.
std::string schemaV1(bool postgres)
{
    const auto [integer, serial, boolean, falseValue] = dialectOf(postgres);
    return "CREATE TABLE schools ("
           " code TEXT PRIMARY KEY, name TEXT NOT NULL, county_code TEXT NOT NULL, type TEXT NOT NULL,"
           " disabled " + boolean + " NOT NULL DEFAULT " + falseValue + ", created_at TEXT NOT NULL);"
           "CREATE TABLE enrollment_codes ("
           " code_hash TEXT PRIMARY KEY, school_code TEXT NOT NULL REFERENCES schools(code),"
           " expires_at_ms " + integer + " NOT NULL, created_at TEXT NOT NULL, used_at TEXT, device_id TEXT);"
           "CREATE TABLE devices ("
           " id TEXT PRIMARY KEY, school_code TEXT NOT NULL REFERENCES schools(code), name TEXT NOT NULL,"
           " token_hash TEXT NOT NULL UNIQUE, bundle_key TEXT NOT NULL, created_at TEXT NOT NULL,"
           " revoked_at TEXT, last_sync_at TEXT);"
           "CREATE INDEX devices_school ON devices(school_code);"
           "CREATE TABLE records ("
           " id TEXT PRIMARY KEY, school_code TEXT NOT NULL, kind TEXT NOT NULL, version " + integer + " NOT NULL,"
           " deleted " + boolean + " NOT NULL, day TEXT, class_id TEXT, teacher_id TEXT, record_json TEXT NOT NULL,"
           " device_id TEXT NOT NULL, batch_id TEXT NOT NULL, received_at TEXT NOT NULL);"
           "CREATE INDEX records_school_kind_day ON records(school_code, kind, day);"
           "CREATE INDEX records_device ON records(device_id);"
           "CREATE TABLE conflicts ("
           " seq " + serial + ", record_id TEXT NOT NULL, school_code TEXT NOT NULL,"
           " version " + integer + " NOT NULL, content_hash TEXT NOT NULL, record_json TEXT NOT NULL,"
           " device_id TEXT NOT NULL, batch_id TEXT NOT NULL, received_at TEXT NOT NULL,"
           " UNIQUE (record_id, content_hash));"
           "CREATE INDEX conflicts_school ON conflicts(school_code);"
           "CREATE TABLE batches ("
           " device_id TEXT NOT NULL, batch_id TEXT NOT NULL, body_hash TEXT NOT NULL,"
           " first_seq " + integer + " NOT NULL, last_seq " + integer + " NOT NULL, count " + integer + " NOT NULL,"
           " response TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, batch_id));"
           "CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);";
}

// The browser console: staff accounts, their sessions (only the token's hash is kept), failed
// log-ins (in the database so that several server instances throttle together) and the audit log.
std::string schemaV2(bool postgres)
{
    const auto [integer, serial, boolean, falseValue] = dialectOf(postgres);
    return "CREATE TABLE staff ("
           " id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,"
           " password_hash TEXT NOT NULL, disabled " + boolean + " NOT NULL DEFAULT " + falseValue + ","
           " created_at TEXT NOT NULL);"
           "CREATE TABLE staff_sessions ("
           " token_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff(id),"
           " created_at_ms " + integer + " NOT NULL, expires_at_ms " + integer + " NOT NULL);"
           "CREATE INDEX staff_sessions_expiry ON staff_sessions(expires_at_ms);"
           "CREATE TABLE login_failures (key TEXT NOT NULL, at_ms " + integer + " NOT NULL);"
           "CREATE INDEX login_failures_key ON login_failures(key, at_ms);"
           "CREATE TABLE audit_log ("
           " seq " + serial + ", at TEXT NOT NULL, staff_id TEXT NOT NULL, username TEXT NOT NULL,"
           " action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL, address TEXT NOT NULL);";
}

// Review of a school's week by the county: the latest state per (school, week). "approved" locks
// the week: ingest refuses records dated in it (period_locked). History is in the audit log.
std::string schemaV3()
{
    return "CREATE TABLE period_reviews ("
           " school_code TEXT NOT NULL REFERENCES schools(code), week_start TEXT NOT NULL, state TEXT NOT NULL,"
           " reason TEXT NOT NULL, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL, at TEXT NOT NULL,"
           " PRIMARY KEY (school_code, week_start));";
}

// Retry-safe enrollment: the hash of the client's nonce and the token sealed under it, kept
// with the code that was spent (docs/sync-protocol.md, POST /v1/enroll).
const char* const kEnrollNonce =
    "ALTER TABLE enrollment_codes ADD COLUMN client_nonce_hash TEXT;"
    "ALTER TABLE enrollment_codes ADD COLUMN sealed_token TEXT;";

// Per-school, per-day summaries for the console's overview (server/day_summary.cpp), kept up to
// date by ingest. The config row asks the first server or command opening the database to build
// them from the records already stored (core's checks are C++, not SQL).
std::string schemaV5(bool postgres)
{
    const auto [integer, serial, boolean, falseValue] = dialectOf(postgres);
    return "CREATE TABLE day_summaries ("
           " school_code TEXT NOT NULL, day TEXT NOT NULL, homework " + integer + " NOT NULL, sleep " + integer + " NOT NULL,"
           " activity " + integer + " NOT NULL, findings_hard " + integer + " NOT NULL, findings_soft " + integer + " NOT NULL,"
           " PRIMARY KEY (school_code, day));"
           "CREATE INDEX day_summaries_day ON day_summaries(day);"
           "CREATE TABLE day_findings ("
           " school_code TEXT NOT NULL, day TEXT NOT NULL, rule_id TEXT NOT NULL, severity TEXT NOT NULL,"
           " findings " + integer + " NOT NULL, PRIMARY KEY (school_code, day, rule_id, severity));"
           "CREATE INDEX day_findings_day ON day_findings(day);"
           "INSERT INTO config(key, value, updated_at) VALUES ('day_summaries', 'rebuild', '');";
}

// A record is stored once, as its canonical JSON: the class and teacher columns (copies of the
// body that no query reads) and the batch id go. SQLite keeps the rows in the id's B-tree
// (WITHOUT ROWID: no separate rowid and id index); PostgreSQL drops the columns (their space
// comes back as rows are rewritten, or at once with VACUUM FULL). docs/server.md lists each
// index with the query that uses it.
const char* const kRecordsOnceSqlite =
    "CREATE TABLE records_once ("
    " id TEXT PRIMARY KEY, school_code TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL,"
    " deleted INTEGER NOT NULL, day TEXT, record_json TEXT NOT NULL, device_id TEXT NOT NULL,"
    " received_at TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO records_once SELECT id, school_code, kind, version, deleted, day, record_json, device_id,"
    " received_at FROM records;"
    "DROP TABLE records;"
    "ALTER TABLE records_once RENAME TO records;"
    "CREATE INDEX records_school_kind_day ON records(school_code, kind, day);"
    "CREATE INDEX records_device ON records(device_id);";
const char* const kRecordsOncePostgres =
    "ALTER TABLE records DROP COLUMN class_id, DROP COLUMN teacher_id, DROP COLUMN batch_id;";

// Late reports (issue 13): when each record first reached the county (received_at is the
// arrival of the stored version), and the late class-days of each school and day. Backfill: a
// row still at version 1 arrived once, so its received_at is its first arrival; for a row at a
// higher version the first arrival is unknown and stays NULL, which never counts as late (the
// county cannot show that the first version came after the deadline). No deadline existed
// before, so every summary's count is 0.
std::string schemaV7(bool postgres)
{
    const auto [integer, serial, boolean, falseValue] = dialectOf(postgres);
    return "ALTER TABLE records ADD COLUMN first_received_at TEXT;"
           "UPDATE records SET first_received_at = received_at WHERE version = 1;"
           "ALTER TABLE day_summaries ADD COLUMN late_class_days " + integer + " NOT NULL DEFAULT 0;";
}

// The change feed (GET /v1/changes, docs/sync-protocol.md): every record version and conflict
// row a school's batches commit gets the next number of that school's counter. The counter row
// is updated (and so row-locked) inside the ingest transaction, after everything else: a second
// batch of the school waits for the first to commit before it takes a number, so a school's
// numbers are handed out in commit order and a reader's cursor never passes a change that
// commits later. Existing rows are numbered in the order they arrived.
std::string schemaV8(bool postgres)
{
    const auto [integer, serial, boolean, falseValue] = dialectOf(postgres);
    return "ALTER TABLE records ADD COLUMN change_seq " + integer + ";"
           "ALTER TABLE conflicts ADD COLUMN change_seq " + integer + ";"
           "UPDATE records SET change_seq = numbered.n FROM (SELECT id AS rid, row_number() OVER"
           " (PARTITION BY school_code ORDER BY received_at, id) AS n FROM records) AS numbered"
           " WHERE records.id = numbered.rid;"
           "UPDATE conflicts SET change_seq = numbered.n FROM (SELECT c.seq AS cseq,"
           " coalesce((SELECT max(r.change_seq) FROM records r WHERE r.school_code = c.school_code), 0)"
           " + row_number() OVER (PARTITION BY c.school_code ORDER BY c.seq) AS n FROM conflicts c) AS numbered"
           " WHERE conflicts.seq = numbered.cseq;"
           "CREATE TABLE school_changes (school_code TEXT PRIMARY KEY, last_change " + integer + " NOT NULL);"
           "INSERT INTO school_changes(school_code, last_change) SELECT school_code, max(change_seq) FROM"
           " (SELECT school_code, change_seq FROM records UNION ALL SELECT school_code, change_seq FROM conflicts)"
           " AS numbered GROUP BY school_code;"
           "CREATE INDEX records_school_change ON records(school_code, change_seq);"
           "CREATE INDEX conflicts_school_change ON conflicts(school_code, change_seq);"
           // Natural keys (core's uniquenessKey) of live records: the first live record of a key
           // at the county wins; a later one is kept as a conflict (docs/sync-protocol.md).
           // Records stored before this version have none and are not compared. change_seq
           // last: ingest's look-up of a key's oldest owner is one seek (without it SQLite
           // walked the school's whole feed index for every key of a batch).
           "ALTER TABLE records ADD COLUMN natural_key TEXT;"
           "CREATE INDEX records_natural_key ON records(school_code, natural_key, change_seq);"
           // Which stored version a conflict row lost to, and why: a conflict is open while
           // that record is still at that version (any later save resolves it).
           "ALTER TABLE conflicts ADD COLUMN code TEXT NOT NULL DEFAULT 'version_conflict';"
           "ALTER TABLE conflicts ADD COLUMN winner_id TEXT;"
           "ALTER TABLE conflicts ADD COLUMN winner_version " + integer + ";"
           "UPDATE conflicts SET winner_id = record_id, winner_version = version;";
}


// A record at rest, smaller (issue 15): the canonical JSON packed (server/record_body.h: format
// byte, raw deflate with a preset dictionary), timestamps as unix milliseconds, the sending
// device as a small number (record_devices), the natural key as a 64-bit hash of school and
// key, the id as 16 bytes (SQLite BLOB, PostgreSQL uuid), and on SQLite a rowid table again:
// with four secondary indexes, each entry carries a 1-4 byte rowid instead of the id. The
// county_* SQL functions are C++ (records_packing.cpp); a row they cannot convert (a timestamp
// not in the server's own form, an id that is not a canonical UUID) stops the migration and
// leaves the file as it was.
const char* const kPackedRecordsSqlite =
    "CREATE TABLE record_devices (ref INTEGER PRIMARY KEY, device_id TEXT NOT NULL UNIQUE);"
    "INSERT INTO record_devices(device_id) SELECT DISTINCT device_id FROM records ORDER BY device_id;"
    "CREATE TABLE records_packed ("
    " rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, school_code TEXT NOT NULL, kind TEXT NOT NULL,"
    " version INTEGER NOT NULL, deleted INTEGER NOT NULL, day TEXT, body BLOB NOT NULL, device_ref INTEGER NOT NULL,"
    " received_ms INTEGER NOT NULL, first_received_ms INTEGER, change_seq INTEGER, key_hash INTEGER);"
    "INSERT INTO records_packed(id, school_code, kind, version, deleted, day, body, device_ref, received_ms,"
    " first_received_ms, change_seq, key_hash)"
    " SELECT county_uuid_bytes(r.id), r.school_code, r.kind, r.version, r.deleted, r.day, county_pack_body(r.record_json, r.id),"
    " d.ref, county_utc_ms(r.received_at), county_utc_ms(r.first_received_at), r.change_seq, county_key_hash(r.school_code, r.natural_key)"
    " FROM records r JOIN record_devices d ON d.device_id = r.device_id ORDER BY r.school_code, r.change_seq;"
    "DROP TABLE records;"
    "ALTER TABLE records_packed RENAME TO records;"
    "CREATE INDEX records_school_kind_day ON records(school_code, kind, day);"
    "CREATE INDEX records_device ON records(device_ref);"
    "CREATE INDEX records_school_change ON records(school_code, change_seq);"
    "CREATE INDEX records_natural_key ON records(key_hash, change_seq) WHERE key_hash IS NOT NULL;";
// PostgreSQL has no deflate in SQL: this creates the tables, records_packing.cpp fills
// records_packed from records in C++ and swaps the tables, in the same transaction.
const char* const kPackedRecordsPostgres =
    "CREATE TABLE record_devices (ref BIGSERIAL PRIMARY KEY, device_id TEXT NOT NULL UNIQUE);"
    "INSERT INTO record_devices(device_id) SELECT DISTINCT device_id FROM records ORDER BY device_id;"
    "CREATE TABLE records_packed ("
    " id UUID PRIMARY KEY, school_code TEXT NOT NULL, kind TEXT NOT NULL, version BIGINT NOT NULL,"
    " deleted BOOLEAN NOT NULL, day TEXT, body BYTEA NOT NULL, device_ref BIGINT NOT NULL, received_ms BIGINT NOT NULL,"
    " first_received_ms BIGINT, change_seq BIGINT, key_hash BIGINT);";
}  // namespace

const std::vector<Migration>& sqliteCountyMigrations()
{
    registerSqlitePackingFunctions();  // migration 9 calls them; every opener of the list gets them
    static const std::vector<Migration> migrations{{1, "county schema v1", schemaV1(false)},
                                                   {2, "console staff, sessions, audit", schemaV2(false)},
                                                   {3, "period reviews", schemaV3()},
                                                   {4, "enrollment nonce", kEnrollNonce},
                                                   {5, "day summaries", schemaV5(false)},
                                                   {6, "a record stored once", kRecordsOnceSqlite},
                                                   {7, "first arrival, late class-days", schemaV7(false)},
                                                   {8, "change feed numbers, natural keys", schemaV8(false)},
                                                   {9, "records packed", kPackedRecordsSqlite}};
    return migrations;
}

const std::vector<Migration>& postgresCountyMigrations()
{
    static const std::vector<Migration> migrations{{1, "county schema v1", schemaV1(true)},
                                                   {2, "console staff, sessions, audit", schemaV2(true)},
                                                   {3, "period reviews", schemaV3()},
                                                   {4, "enrollment nonce", kEnrollNonce},
                                                   {5, "day summaries", schemaV5(true)},
                                                   {6, "a record stored once", kRecordsOncePostgres},
                                                   {7, "first arrival, late class-days", schemaV7(true)},
                                                   {8, "change feed numbers, natural keys", schemaV8(true)},
                                                   {9, "records packed", kPackedRecordsPostgres}};
    return migrations;
}

}  // namespace taizhang::server
