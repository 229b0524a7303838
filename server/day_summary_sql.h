#pragma once
// The SQL of the day summaries for both backends, kept out of the backend files: the backends'
// IngestTx and Storage methods forward here with their own connection.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "day_summary_rows.h"
#include "storage.h"

namespace taizhang {
class Database;
}

namespace taizhang::server {

class PgConnection;

using DaySpan = std::optional<std::pair<std::string, std::string>>;

namespace sqlite_summaries {
std::vector<std::string> schoolRecordJsons(Database& db, const RecordQuery& q);
DaySpan daySpan(Database& db, const std::string& schoolCode);
FirstArrivals firstArrivals(Database& db, const std::string& schoolCode, const std::string& from, const std::string& to);
void replace(Database& db, const std::string& schoolCode, const std::string& from, const std::string& to,
             const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings);
std::vector<DaySummaryRow> daySummaries(Database& db, const std::string& from, const std::string& to);
std::vector<DayFindingRow> findingTotals(Database& db, const std::string& from, const std::string& to);
std::map<std::string, std::int64_t> conflictCounts(Database& db);
std::map<std::string, std::string> lastSyncs(Database& db);
std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(Database& db, const std::string& kind);
}  // namespace sqlite_summaries

namespace pg_summaries {
void lock(PgConnection& c, const std::string& schoolCode);
std::vector<std::string> schoolRecordJsons(PgConnection& c, const RecordQuery& q);
DaySpan daySpan(PgConnection& c, const std::string& schoolCode);
FirstArrivals firstArrivals(PgConnection& c, const std::string& schoolCode, const std::string& from, const std::string& to);
void replace(PgConnection& c, const std::string& schoolCode, const std::string& from, const std::string& to,
             const std::vector<DaySummaryRow>& days, const std::vector<DayFindingRow>& findings);
std::vector<DaySummaryRow> daySummaries(PgConnection& c, const std::string& from, const std::string& to);
std::vector<DayFindingRow> findingTotals(PgConnection& c, const std::string& from, const std::string& to);
std::map<std::string, std::int64_t> conflictCounts(PgConnection& c);
std::map<std::string, std::string> lastSyncs(PgConnection& c);
std::vector<std::pair<std::string, std::string>> recordJsonsOfKind(PgConnection& c, const std::string& kind);
}  // namespace pg_summaries

}  // namespace taizhang::server
