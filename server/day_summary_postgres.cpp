// Day summaries on PostgreSQL (see day_summary.h). Writes on the ingest transaction's
// connection, reads on a pooled connection of the backend.
#include "clock.h"
#include "day_summary_sql.h"
#include "record_body.h"
#include "pg_connection.h"

namespace taizhang::server::pg_summaries {

namespace {
PgParam num(std::int64_t n) { return std::to_string(n); }
}  // namespace

void lock(PgConnection& c, const std::string& schoolCode)
{
    // Exclusive per school until commit: a second batch of the school reads the records only
    // after the first committed its records and summaries, so its recomputation includes them.
    c.exec("SELECT pg_advisory_xact_lock(hashtextextended('summary:' || $1, 7382004))", {schoolCode});
}

std::vector<std::string> schoolRecordJsons(PgConnection& c, const RecordQuery& q)
{
    auto r = c.exec("SELECT body, id FROM records WHERE school_code = $1 AND ($2::text IS NULL OR kind = $2)"
                    " AND (day IS NULL OR (($3::text IS NULL OR day >= $3) AND ($4::text IS NULL OR day <= $4)))"
                    " ORDER BY id",
                    {q.schoolCode, q.kind, q.from, q.to});
    std::vector<std::string> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) out.push_back(unpackRecordBody(byteaFromHex(r.text(i, 0)), r.text(i, 1)));
    return out;
}

DaySpan daySpan(PgConnection& c, const std::string& schoolCode)
{
    auto r = c.exec("SELECT min(d), max(d) FROM (SELECT day AS d FROM records WHERE school_code = $1"
                    " AND kind IN ('homework', 'sleep', 'activity') AND day IS NOT NULL"
                    " UNION ALL SELECT day FROM day_summaries WHERE school_code = $1) AS days",
                    {schoolCode});
    if (r.rows() == 0 || r.isNull(0, 0)) return std::nullopt;
    return std::make_pair(r.text(0, 0), r.text(0, 1));
}

FirstArrivals firstArrivals(PgConnection& c, const std::string& schoolCode, const std::string& from, const std::string& to)
{
    auto r = c.exec("SELECT id, first_received_ms FROM records WHERE school_code = $1 AND kind IN ('homework', 'activity')"
                    " AND day >= $2 AND day <= $3",
                    {schoolCode, from, to});
    FirstArrivals out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        out.emplace(r.text(i, 0), r.isNull(i, 1) ? std::nullopt : std::optional(formatUtcTimestamp(r.int64(i, 1))));
    return out;
}

void replace(PgConnection& c, const std::string& schoolCode, const std::string& from, const std::string& to,
             const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings)
{
    c.exec("DELETE FROM day_summaries WHERE school_code = $1 AND day >= $2 AND day <= $3", {schoolCode, from, to});
    c.exec("DELETE FROM day_findings WHERE school_code = $1 AND day >= $2 AND day <= $3", {schoolCode, from, to});
    if (!days.empty()) {
        std::vector<PgParam> cols[7];
        for (const auto& d : days) {
            cols[0].push_back(d.day);
            cols[1].push_back(num(d.homework));
            cols[2].push_back(num(d.sleep));
            cols[3].push_back(num(d.activity));
            cols[4].push_back(num(d.findingsHard));
            cols[5].push_back(num(d.findingsSoft));
            cols[6].push_back(num(d.lateClassDays));
        }
        c.exec("INSERT INTO day_summaries(school_code, day, homework, sleep, activity, findings_hard, findings_soft,"
               " late_class_days) SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[],"
               " $6::bigint[], $7::bigint[], $8::bigint[])",
               {schoolCode, pgArray(cols[0]), pgArray(cols[1]), pgArray(cols[2]), pgArray(cols[3]), pgArray(cols[4]),
                pgArray(cols[5]), pgArray(cols[6])});
    }
    if (!findings.empty()) {
        std::vector<PgParam> cols[4];
        for (const auto& f : findings) {
            cols[0].push_back(f.day);
            cols[1].push_back(f.ruleId);
            cols[2].push_back(f.severity);
            cols[3].push_back(num(f.count));
        }
        c.exec("INSERT INTO day_findings(school_code, day, rule_id, severity, findings)"
               " SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[])",
               {schoolCode, pgArray(cols[0]), pgArray(cols[1]), pgArray(cols[2]), pgArray(cols[3])});
    }
}

std::vector<DaySummaryRow> daySummaries(PgConnection& c, const std::string& from, const std::string& to)
{
    auto r = c.exec("SELECT school_code, day, homework, sleep, activity, findings_hard, findings_soft,"
                    " late_class_days FROM day_summaries WHERE day >= $1 AND day <= $2",
                    {from, to});
    std::vector<DaySummaryRow> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.int64(i, 2), r.int64(i, 3), r.int64(i, 4), r.int64(i, 5), r.int64(i, 6),
                       r.int64(i, 7)});
    return out;
}

std::vector<DayFindingRow> findingTotals(PgConnection& c, const std::string& from, const std::string& to)
{
    auto r = c.exec("SELECT school_code, rule_id, severity, sum(findings) FROM day_findings"
                    " WHERE day >= $1 AND day <= $2 GROUP BY school_code, rule_id, severity",
                    {from, to});
    std::vector<DayFindingRow> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), "", r.text(i, 1), r.text(i, 2), r.int64(i, 3)});
    return out;
}

std::map<std::string, std::int64_t> conflictCounts(PgConnection& c)
{
    auto r = c.exec("SELECT school_code, count(*) FROM conflicts GROUP BY school_code");
    std::map<std::string, std::int64_t> out;
    for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.int64(i, 1);
    return out;
}

std::map<std::string, std::string> lastSyncs(PgConnection& c)
{
    auto r = c.exec("SELECT school_code, max(last_sync_at) FROM devices WHERE last_sync_at IS NOT NULL GROUP BY school_code");
    std::map<std::string, std::string> out;
    for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.text(i, 1);
    return out;
}

std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(PgConnection& c, const std::string& kind)
{
    auto r = c.exec("SELECT school_code, body, id FROM records"
                    " WHERE school_code IN (SELECT code FROM schools) AND kind = $1 ORDER BY school_code, id",
                    {kind});
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.emplace_back(r.text(i, 0), unpackRecordBody(byteaFromHex(r.text(i, 1)), r.text(i, 2)));
    return out;
}

}  // namespace taizhang::server::pg_summaries
