#pragma once
// County (区县) overrides of the national rules. A county may be stricter than the national
// default, never looser: a looser value is refused with a clear error naming the field. The JSON
// form below is what GET /v1/config serves and what docs/data-dictionary.md documents:
//
// {
//   "format": 1,
//   "county_code": "110105",                          (optional)
//   "homework":  {"g3_6_max_minutes": 45, "g7_9_max_minutes": 60},
//   "sleep":     {"primary_min_hours": 10, "junior_min_hours": 9, "min_share_reaching": 0.9},
//   "activity":  {"min_in_school_minutes": 60, "min_total_minutes": 120,
//                 "min_long_break_minutes": 30, "min_long_break_sessions": 2,
//                 "daily_pe_lesson": true},
//   "timetable": {"weekly_lessons": {"1": {"moral": 2, "pe": 4, "math": 4}, "3": {...}}},
//   "training":  {"cycle_hours": 360, "probation_hours": 120, "yearly_hours": 72}
// }
// Every section and key is optional; unknown keys are refused (a typo must not silently keep
// the national value).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "records.h"
#include "rule_set.h"

namespace taizhang {

struct CountyOverrides {
    std::string countyCode;
    std::optional<int> homeworkG3_6MaxMinutes;
    std::optional<int> homeworkG7_9MaxMinutes;
    std::optional<double> sleepPrimaryMinHours;
    std::optional<double> sleepJuniorMinHours;
    std::optional<double> sleepMinShareReaching;  // 0..1
    std::optional<int> activityMinInSchoolMinutes;
    std::optional<int> activityMinTotalMinutes;
    std::optional<int> activityMinLongBreakMinutes;  // per session
    std::optional<int> activityMinLongBreakSessions;
    std::optional<bool> activityDailyPeLesson;
    // grade (1-9) -> subject code -> lessons per week (provincial allocation)
    std::vector<std::pair<int, std::vector<std::pair<std::string, int>>>> weeklyLessons;
    std::optional<double> trainingCycleHours;
    std::optional<double> trainingProbationHours;
    std::optional<double> trainingYearlyHours;

    bool empty() const;
};

struct OverrideError {
    std::string field;  // JSON path, e.g. "homework.g3_6_max_minutes"
    std::string messageZh;
    std::string messageEn;
};

struct OverridesParseResult {
    CountyOverrides overrides;        // valid only when errors is empty
    std::vector<OverrideError> errors;
    bool ok() const { return errors.empty(); }
};

// Parses and checks: types, ranges, and "never looser than any national rule set".
OverridesParseResult parseCountyOverrides(const Json& json);
Json toJson(const CountyOverrides& overrides);

// The rules in force on a day: the national set for that day with the overrides applied.
RuleSet effectiveRules(const Date& day, const CountyOverrides& overrides);

}  // namespace taizhang
