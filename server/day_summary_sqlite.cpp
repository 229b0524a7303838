// Day summaries on SQLite (see day_summary.h). Called under the backend's own locks: writes on
// the writer connection inside the ingest transaction, reads on the reader connection.
#include "database.h"
#include "clock.h"
#include "day_summary_sql.h"
#include "record_body.h"

namespace taizhang::server::sqlite_summaries {

namespace {
constexpr const char* kDailyKinds = "('homework', 'sleep', 'activity')";
}

std::vector<std::string> schoolRecordJsons(Database& db, const RecordQuery& q)
{
    auto st = db.prepare(
        "SELECT body, id FROM records WHERE school_code = ? AND (?2 IS NULL OR kind = ?2)"
        " AND (day IS NULL OR ((?3 IS NULL OR day >= ?3) AND (?4 IS NULL OR day <= ?4))) ORDER BY id");
    st.bind(1, q.schoolCode).bind(2, q.kind).bind(3, q.from).bind(4, q.to);
    std::vector<std::string> out;
    while (st.step()) out.push_back(unpackRecordBody(st.blob(0), uuidText(st.blob(1))));
    return out;
}

DaySpan daySpan(Database& db, const std::string& schoolCode)
{
    auto st = db.prepare(std::string("SELECT min(d), max(d) FROM (SELECT day AS d FROM records WHERE school_code = ?1"
                                     " AND kind IN ") + kDailyKinds + " AND day IS NOT NULL"
                                     " UNION ALL SELECT day FROM day_summaries WHERE school_code = ?1)");
    st.bind(1, schoolCode);
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return std::make_pair(st.text(0), st.text(1));
}

FirstArrivals firstArrivals(Database& db, const std::string& schoolCode, const std::string& from, const std::string& to)
{
    auto st = db.prepare("SELECT id, first_received_ms FROM records WHERE school_code = ? AND kind IN ('homework', 'activity')"
                         " AND day >= ? AND day <= ?");
    st.bind(1, schoolCode).bind(2, from).bind(3, to);
    FirstArrivals out;
    while (st.step()) out.emplace(uuidText(st.blob(0)), st.isNull(1) ? std::nullopt : std::optional(formatUtcTimestamp(st.int64(1))));
    return out;
}

void replace(Database& db, const std::string& schoolCode, const std::string& from, const std::string& to,
             const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings)
{
    db.prepare("DELETE FROM day_summaries WHERE school_code = ? AND day >= ? AND day <= ?")
        .bind(1, schoolCode).bind(2, from).bind(3, to).run();
    db.prepare("DELETE FROM day_findings WHERE school_code = ? AND day >= ? AND day <= ?")
        .bind(1, schoolCode).bind(2, from).bind(3, to).run();
    auto day = db.prepare("INSERT INTO day_summaries(school_code, day, homework, sleep, activity, findings_hard,"
                          " findings_soft, late_class_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& r : days) {
        day.reset();
        day.bind(1, r.schoolCode).bind(2, r.day).bind(3, r.homework).bind(4, r.sleep).bind(5, r.activity)
            .bind(6, r.findingsHard).bind(7, r.findingsSoft).bind(8, r.lateClassDays).run();
    }
    auto rule = db.prepare("INSERT INTO day_findings(school_code, day, rule_id, severity, findings) VALUES (?, ?, ?, ?, ?)");
    for (const auto& f : findings) {
        rule.reset();
        rule.bind(1, f.schoolCode).bind(2, f.day).bind(3, f.ruleId).bind(4, f.severity).bind(5, f.count).run();
    }
}

std::vector<DaySummaryRow> daySummaries(Database& db, const std::string& from, const std::string& to)
{
    auto st = db.prepare("SELECT school_code, day, homework, sleep, activity, findings_hard, findings_soft,"
                         " late_class_days FROM day_summaries WHERE day >= ? AND day <= ?");
    st.bind(1, from).bind(2, to);
    std::vector<DaySummaryRow> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5), st.int64(6), st.int64(7)});
    return out;
}

std::vector<DayFindingRow> findingTotals(Database& db, const std::string& from, const std::string& to)
{
    auto st = db.prepare("SELECT school_code, rule_id, severity, sum(findings) FROM day_findings"
                         " WHERE day >= ? AND day <= ? GROUP BY school_code, rule_id, severity");
    st.bind(1, from).bind(2, to);
    std::vector<DayFindingRow> out;
    while (st.step()) out.push_back({st.text(0), "", st.text(1), st.text(2), st.int64(3)});
    return out;
}

std::map<std::string, std::int64_t> conflictCounts(Database& db)
{
    auto st = db.prepare("SELECT school_code, count(*) FROM conflicts GROUP BY school_code");
    std::map<std::string, std::int64_t> out;
    while (st.step()) out[st.text(0)] = st.int64(1);
    return out;
}

std::map<std::string, std::string> lastSyncs(Database& db)
{
    auto st = db.prepare("SELECT school_code, max(last_sync_at) FROM devices WHERE last_sync_at IS NOT NULL"
                         " GROUP BY school_code");
    std::map<std::string, std::string> out;
    while (st.step()) out[st.text(0)] = st.text(1);
    return out;
}

// Through the (school_code, kind, day) index, school by school, rather than a scan of all records.
std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(Database& db, const std::string& kind)
{
    auto st = db.prepare("SELECT school_code, body, id FROM records"
                         " WHERE school_code IN (SELECT code FROM schools) AND kind = ? ORDER BY school_code, id");
    st.bind(1, kind);
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step()) out.emplace_back(st.text(0), unpackRecordBody(st.blob(1), uuidText(st.blob(2))));
    return out;
}

}  // namespace taizhang::server::sqlite_summaries
