#include "records_packing.h"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <vector>

#include "pg_connection.h"
#include "record_body.h"
#include "storage.h"

namespace taizhang::server {
namespace {

std::string_view textArg(sqlite3_value* v)
{
    return {reinterpret_cast<const char*>(sqlite3_value_text(v)), static_cast<std::size_t>(sqlite3_value_bytes(v))};
}

// Each function answers NULL for NULL (an unknown first arrival, a record without a natural
// key) and raises an SQL error, which fails the migration, for what it cannot convert.
template <class F> void guarded(sqlite3_context* ctx, F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        sqlite3_result_error(ctx, e.what(), -1);
    }
}

void packBody(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    guarded(ctx, [&] {
        const std::string packed = packRecordBody(textArg(argv[0]), textArg(argv[1]));
        sqlite3_result_blob(ctx, packed.data(), static_cast<int>(packed.size()), SQLITE_TRANSIENT);
    });
}

void utcMs(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    guarded(ctx, [&] { sqlite3_result_int64(ctx, utcMillisOf(textArg(argv[0]))); });
}

void keyHash(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    guarded(ctx, [&] { sqlite3_result_int64(ctx, naturalKeyHash(textArg(argv[0]), textArg(argv[1]))); });
}

void idBytes(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    guarded(ctx, [&] {
        const std::string bytes = uuidBytes(textArg(argv[0]));
        sqlite3_result_blob(ctx, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    });
}

int registerOn(sqlite3* db, char**, const sqlite3_api_routines*)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    int rc = sqlite3_create_function(db, "county_pack_body", 2, flags, nullptr, packBody, nullptr, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "county_utc_ms", 1, flags, nullptr, utcMs, nullptr, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "county_key_hash", 2, flags, nullptr, keyHash, nullptr, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "county_uuid_bytes", 1, flags, nullptr, idBytes, nullptr, nullptr);
    return rc;
}

PgParam optMs(const PgResult& r, int row, int col)
{
    if (r.isNull(row, col)) return std::nullopt;
    return std::to_string(utcMillisOf(r.text(row, col)));
}

}  // namespace

void registerSqlitePackingFunctions()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_auto_extension(reinterpret_cast<void (*)()>(registerOn)); });
}

void packRecordsOnPostgres(PgConnection& c)
{
    // Pages of ids in order, so memory stays bounded however many records the county holds.
    std::string after;
    for (;;) {
        auto r = c.exec("SELECT r.id, r.school_code, r.kind, r.version, r.deleted, r.day, r.record_json, d.device_id,"
                        " d.ref, r.received_at, r.first_received_at, r.change_seq, r.natural_key"
                        " FROM records r JOIN record_devices d ON d.device_id = r.device_id"
                        " WHERE r.id > $1 ORDER BY r.id LIMIT 2000",
                        {after});
        if (r.rows() == 0) break;
        std::vector<PgParam> cols[12];
        for (int i = 0; i < r.rows(); ++i) {
            const std::string id = r.text(i, 0);
            cols[0].push_back(id);
            cols[1].push_back(r.text(i, 1));
            cols[2].push_back(r.text(i, 2));
            cols[3].push_back(r.text(i, 3));
            cols[4].push_back(r.text(i, 4));
            cols[5].push_back(r.optText(i, 5));
            cols[6].push_back(byteaHex(packRecordBody(r.text(i, 6), id)));
            cols[7].push_back(r.text(i, 8));
            cols[8].push_back(std::to_string(utcMillisOf(r.text(i, 9))));
            cols[9].push_back(optMs(r, i, 10));
            cols[10].push_back(r.optText(i, 11));
            cols[11].push_back(r.isNull(i, 12) ? PgParam() : std::to_string(naturalKeyHash(r.text(i, 1), r.text(i, 12))));
            after = id;
        }
        std::vector<PgParam> params;
        for (auto& col : cols) params.push_back(pgArray(col));
        c.exec("INSERT INTO records_packed(id, school_code, kind, version, deleted, day, body, device_ref, received_ms,"
               " first_received_ms, change_seq, key_hash) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[],"
               " $4::bigint[], $5::boolean[], $6::text[], $7::bytea[], $8::bigint[], $9::bigint[], $10::bigint[],"
               " $11::bigint[], $12::bigint[])",
               params);
    }
    c.execScript("DROP TABLE records;"
                 "ALTER TABLE records_packed RENAME TO records;"
                 "ALTER INDEX records_packed_pkey RENAME TO records_pkey;"
                 "CREATE INDEX records_school_kind_day ON records(school_code, kind, day);"
                 "CREATE INDEX records_device ON records(device_ref);"
                 "CREATE INDEX records_school_change ON records(school_code, change_seq);"
                 "CREATE INDEX records_natural_key ON records(key_hash, change_seq)"
                 " WHERE key_hash IS NOT NULL;");
}

}  // namespace taizhang::server
