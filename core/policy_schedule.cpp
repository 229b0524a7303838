// 作息时间: the morning-start rule (教基厅函〔2021〕11号, policy-rules.md "Sleep"): morning classes
// generally start no earlier than 08:20 in primary and 08:00 in junior schools. The text says 一般
// (generally), so a finding is soft: a warning, never a refusal.
#include <algorithm>
#include <cstdio>

#include "policy_internal.h"

namespace taizhang {

std::optional<int> minutesOfDay(const std::string& hhmm)
{
    if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (hhmm[i] < '0' || hhmm[i] > '9') return std::nullopt;
    const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    const int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::vector<Finding> checkMorningStart(const PolicyDataset& data, const Date& from, const Date& to)
{
    std::vector<Finding> out;
    const std::string school = data.school ? data.school->code : std::string("school");
    for (const auto& [termId, term] : data.terms) {
        if (term.end < from || term.start > to) continue;
        const Date day = std::max(term.start, from);
        const RuleSet& rules = nationalRuleSetFor(day);
        for (const bool junior : {false, true}) {
            // A section the school does not have is not checked (a nine-year school has both).
            if (data.school && (junior ? !data.school->hasJunior() : !data.school->hasPrimary())) continue;
            const std::string& time = junior ? term.juniorFirstLesson : term.primaryFirstLesson;
            const auto start = minutesOfDay(time);
            const int earliest = junior ? rules.sleep.juniorEarliestStartMinutes : rules.sleep.primaryEarliestStartMinutes;
            if (!start || *start >= earliest) continue;
            char expected[8];
            std::snprintf(expected, sizeof expected, "%02d:%02d", earliest / 60, earliest % 60);
            Finding f;
            f.ruleId = "sleep.morning_start";
            f.scopeKind = "school";
            f.scopeId = school;
            f.period = "term";
            f.date = day;
            f.termId = termId;
            f.expected = std::string(">= ") + expected;
            f.actual = time;
            f.expectedValue = earliest;
            f.actualValue = *start;
            f.severity = Severity::Soft;  // 一般: generally
            f.source = source::kSleep;
            f.ruleSetId = rules.id;
            f.messageZh = term.name + (junior ? " 初中" : " 小学") + "上午第一节课 " + time + " 开始，早于 " + expected;
            f.messageEn = term.name + (junior ? ": junior" : ": primary") + " morning lessons start at " + time +
                          ", earlier than " + expected;
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace taizhang
