#include "day_summary.h"

#include "county_policy.h"

#include <nlohmann/json.hpp>

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

// The kinds a class reports each school day (what "missing" and "received" count): core's daily
// kinds (record_kinds.h).
bool countsAsDailyRecord(Kind kind) { return describe(kind).daily; }

// Whether a change of a record of this kind can change the daily findings of every day:
// the class (its grade sets the cap), the term calendar. Teachers, courses, timetable slots
// and training feed no daily check (timetable and training findings are not day findings).
bool changesEveryDay(Kind kind)
{
    switch (kind) {
    case Kind::SchoolClass:
    case Kind::Term: return true;
    case Kind::Teacher:
    case Kind::Subject:
    case Kind::Homework:
    case Kind::Sleep:
    case Kind::Activity:
    case Kind::Timetable:
    case Kind::Training: return false;
    }
    return false;
}

}  // namespace

SummaryContext summaryContext(Storage& storage, const SchoolRow& school)
{
    return SummaryContext{SchoolProfile{school.code, school.name, school.countyCode, school.type}, storedCountyOverrides(storage),
                          storedCountyTerms(storage), storedReportingDeadline(storage)};
}

void SummaryScope::add(Kind kind, const std::optional<Date>& day)
{
    if (changesEveryDay(kind)) whole_ = true;
    if (countsAsDailyRecord(kind) && day) days_.insert(*day);
}

void refreshDaySummaries(IngestTx& tx, const SummaryContext& context, const SummaryScope& scope)
{
    if (scope.empty()) return;
    const std::string& code = context.school.code;
    tx.lockSummaries(code);
    Date first, last;
    if (scope.whole()) {
        const auto span = tx.summaryDaySpan(code);
        if (!span) return;  // no daily record, no summary: nothing to recompute
        first = *Date::parse(span->first);
        last = *Date::parse(span->second);
        for (const auto& d : scope.days()) {
            first = std::min(first, d);
            last = std::max(last, d);
        }
    } else {
        first = *scope.days().begin();
        last = *scope.days().rbegin();
    }
    // Whole weeks: a check may look at the days around the one that changed.
    const Date from = first.mondayOfWeek(), to = last.mondayOfWeek().addDays(6);

    PolicyDataset data;
    data.school = context.school;
    std::map<Date, DaySummaryRow> days;
    // Late class-days only when the county set a deadline (no extra query otherwise).
    std::optional<LateClassDays> late;
    FirstArrivals arrivals;
    if (context.deadline) {
        late.emplace(*context.deadline);
        arrivals = tx.firstArrivals(code, from.toString(), to.toString());
    }
    for (const auto& json : tx.schoolRecordJsons({code, std::nullopt, from.toString(), to.toString()})) {
        const Record record = recordFromJson(Json::parse(json));
        if (record.kind == Kind::Training) continue;  // five years of courses feed no daily check
        if (late)
            if (auto it = arrivals.find(record.meta.id); it != arrivals.end()) late->add(record, it->second);
        if (!data.add(record) || record.meta.deleted || !countsAsDailyRecord(record.kind)) continue;
        const auto day = record.date();
        if (!day || *day < from || *day > to) continue;
        auto& row = days[*day];
        switch (record.kind) {
        case Kind::Homework: ++row.homework; break;
        case Kind::Sleep: ++row.sleep; break;
        case Kind::Activity: ++row.activity; break;
        case Kind::SchoolClass:
        case Kind::Teacher:
        case Kind::Term:
        case Kind::Subject:
        case Kind::Timetable:
        case Kind::Training: break;
        }
    }
    if (data.terms.empty()) data.terms = context.countyTerms;

    // Core's daily checks, the same ones runPolicyChecks runs: no rule logic here.
    std::vector<Finding> findings = checkHomework(data, from, to, context.overrides);
    for (auto&& more : {checkSleep(data, from, to, context.overrides), checkActivity(data, from, to, context.overrides)})
        findings.insert(findings.end(), more.begin(), more.end());
    std::map<std::tuple<Date, std::string, std::string>, std::int64_t> perRule;
    for (const auto& f : findings) {
        if (f.date < from || f.date > to) continue;
        const std::string severity(severityName(f.severity));
        ++perRule[{f.date, f.ruleId, severity}];
        auto& row = days[f.date];
        (f.severity == Severity::Hard ? row.findingsHard : row.findingsSoft)++;
    }

    if (late)
        for (const auto& [classDay, arrival] : late->late())
            if (classDay.second >= from && classDay.second <= to) ++days[classDay.second].lateClassDays;

    std::vector<DaySummaryRow> rows;
    rows.reserve(days.size());
    for (auto& [day, row] : days) {
        row.schoolCode = code;
        row.day = day.toString();
        rows.push_back(row);
    }
    std::vector<DayFindingRow> ruleRows;
    ruleRows.reserve(perRule.size());
    for (const auto& [key, count] : perRule)
        ruleRows.push_back({code, std::get<0>(key).toString(), std::get<1>(key), std::get<2>(key), count});
    tx.replaceDaySummaries(code, from.toString(), to.toString(), rows, ruleRows);
}

void rebuildDaySummaries(Storage& storage)
{
    for (const auto& school : storage.listSchools()) {
        const auto context = summaryContext(storage, school);
        SummaryScope scope;
        scope.setWhole();
        auto tx = storage.beginIngest();
        refreshDaySummaries(*tx, context, scope);
        tx->commit();
    }
}

void rebuildDaySummariesIfPending(Storage& storage)
{
    if (storage.configValue(kSummariesConfigKey).value_or("") != "rebuild") return;
    rebuildDaySummaries(storage);
    storage.setConfigValue(kSummariesConfigKey, "current", formatUtcTimestamp(SystemClock::instance().nowUnixMillis()));
}

CountyOverview buildCountyOverview(Storage& storage, const Date& from, const Date& to, const Date& today)
{
    CountyOverview overview;
    const auto lastSyncs = storage.lastSyncBySchool();
    const auto conflicts = storage.conflictCountsBySchool();
    // school -> daily records per day of the range (index: days since `from`); a flat vector per
    // school because a year's range is 300 x 200 rows.
    const auto rangeDays = static_cast<std::size_t>(std::max<std::int64_t>(daysInclusive(from, to), 0));
    std::unordered_map<std::string, std::vector<std::int64_t>> recordsPerDay;
    std::unordered_map<std::string, std::int64_t> lateBySchool;
    for (const auto& row : storage.daySummaries(from.toString(), to.toString())) {
        const auto day = Date::parse(row.day);
        if (!day || *day < from || *day > to) continue;
        auto& counts = recordsPerDay[row.schoolCode];
        if (counts.empty()) counts.resize(rangeDays);
        counts[static_cast<std::size_t>(day->days() - from.days())] += row.homework + row.sleep + row.activity;
        if (row.lateClassDays) lateBySchool[row.schoolCode] += row.lateClassDays;
    }
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> findings;  // school -> hard, soft
    for (const auto& f : storage.dayFindingTotals(from.toString(), to.toString())) {
        (f.severity == "hard" ? findings[f.schoolCode].first : findings[f.schoolCode].second) += f.count;
        overview.byRule[f.ruleId].findings += f.count;
        overview.byRule[f.ruleId].schools.insert(f.schoolCode);
    }
    // The calendar of each school: its own terms, else the county's.
    std::map<std::string, PolicyDataset> termsOf;
    for (const auto& [code, json] : storage.recordJsonsOfKind("term")) termsOf[code].add(recordFromJson(Json::parse(json)));
    const auto countyTerms = storedCountyTerms(storage);

    for (const auto& school : storage.listSchools()) {
        SchoolOverview s;
        s.school = school;
        if (auto it = lastSyncs.find(school.code); it != lastSyncs.end()) s.lastSync = it->second;
        if (auto it = conflicts.find(school.code); it != conflicts.end()) s.conflicts = it->second;
        if (auto it = lateBySchool.find(school.code); it != lateBySchool.end()) s.lateClassDays = it->second;
        if (auto it = findings.find(school.code); it != findings.end()) std::tie(s.findingsHard, s.findingsSoft) = it->second;
        auto perDay = recordsPerDay.find(school.code);
        const std::vector<std::int64_t>* counts = perDay == recordsPerDay.end() ? nullptr : &perDay->second;
        if (counts)
            for (const auto n : *counts) s.dailyRecords += n;
        auto own = termsOf.find(school.code);
        const SchoolCalendar calendar(own != termsOf.end() && !own->second.terms.empty() ? own->second.terms : countyTerms);
        std::size_t i = 0;
        for (Date d = from; d <= to && d <= today; d = d.addDays(1), ++i)
            if ((!counts || (*counts)[i] == 0) && calendar.isSchoolDay(d)) s.missingDays.push_back(d);
        overview.schools.push_back(std::move(s));
    }
    return overview;
}

}  // namespace taizhang::server
