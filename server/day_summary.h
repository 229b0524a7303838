#pragma once
// Per-school, per-day summaries (issue 13, scale): the live homework, sleep and activity records
// of each school and day and the findings core's daily checks raise on that day. Written in the
// ingest transaction that changed the records behind them, so the console's overview reads
// about one row per school and day instead of running the checks over every record per request.
// Rebuilt for every school by county migration 5, and when the county's overrides, terms or
// reporting deadline change.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "date.h"
#include "policy.h"
#include "records.h"
#include "reporting_deadline.h"
#include "storage.h"

namespace taizhang::server {

// Everything a school's daily findings depend on besides its records.
struct SummaryContext {
    SchoolProfile school;
    CountyOverrides overrides;
    std::unordered_map<std::string, Term> countyTerms;  // for a school that sent no terms
    std::optional<ReportingDeadline> deadline;           // none: no class-day is late
};
SummaryContext summaryContext(Storage& storage, const SchoolRow& school);

// The days whose summaries a batch's writes may change.
class SummaryScope {
public:
    // A record that was written (its new day) or replaced (its old day).
    void add(Kind kind, const std::optional<Date>& day);
    bool empty() const { return !whole_ && days_.empty(); }
    bool whole() const { return whole_; }
    const std::set<Date>& days() const { return days_; }
    void setWhole() { whole_ = true; }

private:
    std::set<Date> days_;
    bool whole_ = false;  // a record every day's checks read changed (a class, a term): all days
};

// Recomputes the school's summaries for the whole weeks around the scope's days (every day the
// school has, for a whole scope), reading the records through the transaction so that the
// batch's own writes count. On PostgreSQL the refresh of one school is serialised (an advisory
// lock until commit), so two batches of one school cannot leave a stale summary behind.
void refreshDaySummaries(IngestTx& tx, const SummaryContext& context, const SummaryScope& scope);

// Every school's summaries from its records, one transaction per school.
void rebuildDaySummaries(Storage& storage);
// After migration 5 (and whenever the config row says so): rebuild once, then mark them current.
void rebuildDaySummariesIfPending(Storage& storage);
inline constexpr const char* kSummariesConfigKey = "day_summaries";

// ---- The overview, read from the summaries ----------------------------------------------------

struct SchoolOverview {
    SchoolRow school;
    std::optional<std::string> lastSync;
    std::int64_t dailyRecords = 0;    // live homework, sleep and activity records dated in the range
    std::vector<Date> missingDays;    // school days up to today without any daily record
    std::int64_t findingsHard = 0;
    std::int64_t findingsSoft = 0;
    std::int64_t conflicts = 0;
    std::int64_t lateClassDays = 0;   // class-days in range whose records came after the county's deadline
};

struct RuleTotal {
    std::int64_t findings = 0;
    std::set<std::string> schools;
};

struct CountyOverview {
    std::vector<SchoolOverview> schools;  // by school code
    std::map<std::string, RuleTotal> byRule;
};

// A handful of queries for all schools together, whatever their number.
CountyOverview buildCountyOverview(Storage& storage, const Date& from, const Date& to, const Date& today);

}  // namespace taizhang::server
