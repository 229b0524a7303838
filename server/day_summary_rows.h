#pragma once
// Rows of the per-school, per-day summaries (server/day_summary.cpp): what the console's
// overview reads instead of every record of the range. Kept in their own tables, written in the
// ingest transaction that changed the records behind them.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace taizhang::server {

// Live daily records of one school and day, and the findings dated that day.
struct DaySummaryRow {
    std::string schoolCode;
    std::string day;  // YYYY-MM-DD
    std::int64_t homework = 0;
    std::int64_t sleep = 0;
    std::int64_t activity = 0;
    std::int64_t findingsHard = 0;
    std::int64_t findingsSoft = 0;
    std::int64_t lateClassDays = 0;  // classes whose homework or activity of the day came after the deadline
};

// Record id -> when it first reached the county (UTC timestamp), nullopt when not known.
using FirstArrivals = std::unordered_map<std::string, std::optional<std::string>>;

// Findings of one rule dated one day (day and week findings of core's checks), for "findings
// by rule". Read back summed over a range: day is then empty.
struct DayFindingRow {
    std::string schoolCode;
    std::string day;
    std::string ruleId;
    std::string severity;  // "hard" | "soft"
    std::int64_t count = 0;
};

}  // namespace taizhang::server
