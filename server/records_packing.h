#pragma once
// County migration 9 (records packed, server/county_schema.cpp) needs C++ on both backends: the
// packing of server/record_body.h is not SQL. On SQLite, the migration's SQL calls functions
// registered here; on PostgreSQL, the migration runner calls packRecordsOnPostgres after the
// migration's SQL, inside the same transaction.
namespace taizhang::server {

class PgConnection;

inline constexpr int kPackedRecordsMigration = 9;

// county_pack_body(json, id), county_utc_ms(text), county_key_hash(school, key), county_uuid_bytes(id) on every
// SQLite connection opened afterwards in this process (sqlite3_auto_extension). Idempotent.
void registerSqlitePackingFunctions();

// Fills records_packed from records (in pages of ids), drops records, renames records_packed to
// records and creates its indexes. Throws on a row it cannot convert: the caller rolls back.
void packRecordsOnPostgres(PgConnection& c);

}  // namespace taizhang::server
