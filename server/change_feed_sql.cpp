#include "change_feed_sql.h"

#include "clock.h"
#include "database.h"
#include "pg_connection.h"
#include "record_body.h"

namespace taizhang::server {

std::vector<ChangeEntry> sqlite_feed::changesAfter(Database& db, const std::string& schoolCode, std::int64_t after,
                                                   int limit, std::int64_t maxBytes)
{
    // A record's row: its packed body, received_ms and id; a conflict's: its JSON and received_at.
    auto st = db.prepare(
        "SELECT change_seq, type, data, device_id, received_ms, received_at, id, code, winner_id, winner_version FROM ("
        " SELECT r.change_seq, 'record' AS type, r.body AS data, d.device_id, r.received_ms, NULL AS received_at,"
        " r.id, '' AS code, '' AS winner_id, 0 AS winner_version FROM records r"
        " JOIN record_devices d ON d.ref = r.device_ref WHERE r.school_code = ?1 AND r.change_seq > ?2"
        " UNION ALL SELECT change_seq, 'conflict', record_json, device_id, NULL, received_at, record_id, code,"
        " coalesce(winner_id, record_id), coalesce(winner_version, version) FROM conflicts"
        " WHERE school_code = ?1 AND change_seq > ?2) ORDER BY change_seq LIMIT ?3");
    st.bind(1, schoolCode).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
    std::vector<ChangeEntry> out;
    std::int64_t bytes = 0;
    while (st.step()) {
        const bool record = st.text(1) == "record";
        ChangeEntry e{st.int64(0),
                      st.text(1),
                      record ? unpackRecordBody(st.blob(2), uuidText(st.blob(6))) : st.text(2),
                      st.text(3),
                      record ? formatUtcTimestamp(st.int64(4)) : st.text(5),
                      st.text(7),
                      st.text(8),
                      st.int64(9)};
        bytes += static_cast<std::int64_t>(e.recordJson.size());
        if (!out.empty() && bytes > maxBytes) break;
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<ChangeEntry> pg_feed::changesAfter(PgConnection& c, const std::string& schoolCode, std::int64_t after,
                                               int limit, std::int64_t maxBytes)
{
    auto num = [](std::int64_t n) { return PgParam(std::to_string(n)); };
    // One statement, one snapshot: numbers are committed in order, so it holds a prefix.
    // A record's row: its packed body, received_ms and id; a conflict's: its JSON and received_at.
    auto r = c.exec("SELECT change_seq, type, data, json, device_id, received_ms, received_at, id, code, winner_id,"
                    " winner_version FROM ("
                    " SELECT r.change_seq, 'record' AS type, r.body AS data, NULL::text AS json, d.device_id,"
                    " r.received_ms, NULL::text AS received_at, r.id::text, '' AS code, '' AS winner_id,"
                    " 0::bigint AS winner_version FROM records r JOIN record_devices d ON d.ref = r.device_ref"
                    " WHERE r.school_code = $1 AND r.change_seq > $2"
                    " UNION ALL SELECT change_seq, 'conflict', NULL::bytea, record_json, device_id, NULL::bigint,"
                    " received_at, record_id, code, coalesce(winner_id, record_id), coalesce(winner_version, version)"
                    " FROM conflicts WHERE school_code = $1 AND change_seq > $2) AS feed ORDER BY change_seq LIMIT $3",
                    {schoolCode, num(after), num(limit)});
    std::vector<ChangeEntry> out;
    std::int64_t bytes = 0;
    for (int i = 0; i < r.rows(); ++i) {
        const bool record = r.text(i, 1) == "record";
        ChangeEntry e{r.int64(i, 0),
                      r.text(i, 1),
                      record ? unpackRecordBody(byteaFromHex(r.text(i, 2)), r.text(i, 7)) : r.text(i, 3),
                      r.text(i, 4),
                      record ? formatUtcTimestamp(r.int64(i, 5)) : r.text(i, 6),
                      r.text(i, 8),
                      r.text(i, 9),
                      r.int64(i, 10)};
        bytes += static_cast<std::int64_t>(e.recordJson.size());
        if (!out.empty() && bytes > maxBytes) break;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace taizhang::server
