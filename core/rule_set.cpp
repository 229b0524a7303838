#include "rule_set.h"

namespace taizhang {

namespace {
RuleSet baseSet()
{
    RuleSet s;
    s.timetable.weeklyLessons = {0, 26, 26, 30, 30, 30, 30, 34, 34, 34};
    s.timetable.weeklyPe = {0, 4, 4, 3, 3, 3, 3, 3, 3, 3};
    return s;
}
}  // namespace

const std::vector<RuleSet>& nationalRuleSets()
{
    static const std::vector<RuleSet> sets = [] {
        // Until 2024-12-31: 60 min of physical activity in school each day, 大课间 >= 30 min.
        RuleSet before2025 = baseSet();
        before2025.id = "national-2022";
        before2025.effectiveFrom = Date{2021, 7, 24};  // 双减意见; the sleep and homework notices of 2021
        before2025.effectiveTo = Date{2024, 12, 31};
        before2025.activitySource = source::kActivity2011;
        before2025.activity.minInSchoolMinutes = 60;
        before2025.activity.minLongBreakSessions = 1;

        // From 2025-01-01: 120 min of total daily activity, two long breaks of >= 30 min.
        RuleSet from2025 = baseSet();
        from2025.id = "national-2025";
        from2025.effectiveFrom = Date{2025, 1, 1};
        from2025.activitySource = source::kActivity2025;
        from2025.activity.minTotalMinutes = 120;
        from2025.activity.minLongBreakSessions = 2;
        return std::vector<RuleSet>{before2025, from2025};
    }();
    return sets;
}

const RuleSet& nationalRuleSetFor(const Date& day)
{
    const auto& sets = nationalRuleSets();
    const RuleSet* chosen = &sets.front();
    for (const auto& s : sets)
        if (s.effectiveFrom <= day) chosen = &s;
    return *chosen;
}

}  // namespace taizhang
