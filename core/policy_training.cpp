// Teacher training per teacher (教育部令第7号; 5年360学时): the rolling 5-year window ending at
// the as-of date, the probation year (>= 120 学时) and a yearly progress hint (~72 学时).
#include <algorithm>
#include <unordered_map>

#include "policy.h"
#include "policy_internal.h"

namespace taizhang {

using detail::fmt;

TrainingProgress trainingProgress(const Teacher& teacher, const std::vector<TrainingRecord>& trainings,
                                  const Date& asOf, const CountyOverrides& overrides)
{
    const RuleSet rules = effectiveRules(asOf, overrides);
    TrainingProgress p;
    p.asOf = asOf;
    // Exactly cycleYears of days ending today: a course that ended 5 years ago today no longer
    // counts, one that ended 5 years ago tomorrow still does.
    p.windowStart = asOf.addYears(-rules.training.cycleYears).addDays(1);
    p.requiredHours = rules.training.cycleHours;
    p.yearlyHintHours = rules.training.yearlyHintHours;
    p.probationRequired = rules.training.probationHours;
    p.fullCycleServed = teacher.hireDate <= p.windowStart;
    p.probationEnd = teacher.hireDate.addYears(1).addDays(-1);
    p.inProbation = asOf >= teacher.hireDate && asOf <= p.probationEnd;
    const Date yearStart = asOf.addYears(-1).addDays(1);
    for (const auto& t : trainings) {
        if (t.end > asOf) continue;  // not finished yet on the as-of date
        if (t.end >= p.windowStart) p.hoursInWindow += t.hours;
        if (t.end >= yearStart) p.hoursLast12Months += t.hours;
        if (t.end >= teacher.hireDate && t.end <= p.probationEnd) p.probationHours += t.hours;
    }
    // Pro rata to the days served inside the window (policy.h, TrainingProgress::onTrack).
    const Date servedFrom = std::max(p.windowStart, teacher.hireDate);
    const double windowDays = static_cast<double>(daysInclusive(p.windowStart, asOf));
    const double servedDays = servedFrom > asOf ? 0.0 : static_cast<double>(daysInclusive(servedFrom, asOf));
    p.expectedHoursToDate = windowDays > 0 ? p.requiredHours * servedDays / windowDays : p.requiredHours;
    p.onTrack = p.hoursInWindow + 1e-9 >= p.expectedHoursToDate;
    return p;
}

std::vector<Finding> checkTraining(const PolicyDataset& data, const Date& asOf, const CountyOverrides& overrides)
{
    std::unordered_map<std::string, std::vector<TrainingRecord>> byTeacher;
    std::unordered_map<std::string, std::vector<std::string>> idsByTeacher;
    for (const auto& t : data.training) {
        byTeacher[t.value.teacherId].push_back(t.value);
        idsByTeacher[t.value.teacherId].push_back(t.id);
    }
    const RuleSet rules = effectiveRules(asOf, overrides);
    const RuleSet& national = nationalRuleSetFor(asOf);
    const std::vector<TrainingRecord> none;
    std::vector<Finding> out;
    for (const auto& [teacherId, teacher] : data.teachers) {
        // The rate counts full-time teachers working at the school on the day: one who left or
        // transferred out counts up to the day before, and again once back.
        if (!teacher.fullTime || teacher.hireDate > asOf || !teacher.employedOn(asOf)) continue;
        auto found = byTeacher.find(teacherId);
        const auto& trainings = found == byTeacher.end() ? none : found->second;
        const TrainingProgress p = trainingProgress(teacher, trainings, asOf, overrides);
        auto add = [&](const std::string& rule, Severity sev, bool county, double expected, double actual,
                       const std::string& zh, const std::string& en) {
            Finding f;
            f.ruleId = rule;
            f.scopeKind = "teacher";
            f.scopeId = teacherId;
            f.period = "window";
            f.date = asOf;
            f.expected = ">= " + fmt(expected) + " 学时";
            f.actual = fmt(actual) + " 学时";
            f.expectedValue = expected;
            f.actualValue = actual;
            f.severity = sev;
            f.source = detail::sourceOf(source::kTraining, county);
            f.ruleSetId = rules.id;
            if (found != byTeacher.end()) f.recordIds = idsByTeacher[teacherId];
            f.messageZh = teacher.name + "：" + zh;
            f.messageEn = teacher.name + ": " + en;
            out.push_back(std::move(f));
        };
        if (p.fullCycleServed && p.hoursInWindow < p.requiredHours)
            add("training.cycle_hours", Severity::Hard, p.requiredHours != national.training.cycleHours, p.requiredHours,
                p.hoursInWindow,
                p.windowStart.toString() + " 至 " + asOf.toString() + " 五年累计培训 " + fmt(p.hoursInWindow) +
                    " 学时，不足 " + fmt(p.requiredHours) + " 学时",
                fmt(p.hoursInWindow) + " training hours in the 5 years " + p.windowStart.toString() + " to " +
                    asOf.toString() + ", below " + fmt(p.requiredHours));
        if (p.inProbation && p.probationHours < p.probationRequired)
            add("training.probation_progress", Severity::Soft, p.probationRequired != national.training.probationHours,
                p.probationRequired, p.probationHours,
                "试用期（至 " + p.probationEnd.toString() + "）已完成 " + fmt(p.probationHours) + " 学时，需完成 " +
                    fmt(p.probationRequired) + " 学时",
                "probation year until " + p.probationEnd.toString() + ": " + fmt(p.probationHours) + " of " +
                    fmt(p.probationRequired) + " hours done so far");
        // A finished probation year still matters while it lies inside the current cycle.
        if (!p.inProbation && p.probationEnd >= p.windowStart && p.probationHours < p.probationRequired)
            add("training.probation_hours", Severity::Hard, p.probationRequired != national.training.probationHours,
                p.probationRequired, p.probationHours,
                "试用期（" + teacher.hireDate.toString() + " 至 " + p.probationEnd.toString() + "）培训 " +
                    fmt(p.probationHours) + " 学时，不足 " + fmt(p.probationRequired) + " 学时",
                "probation year " + teacher.hireDate.toString() + " to " + p.probationEnd.toString() + ": " +
                    fmt(p.probationHours) + " hours, below " + fmt(p.probationRequired));
        if (!p.inProbation && p.hoursLast12Months < p.yearlyHintHours)
            add("training.yearly_progress", Severity::Soft, p.yearlyHintHours != national.training.yearlyHintHours,
                p.yearlyHintHours, p.hoursLast12Months,
                "近12个月培训 " + fmt(p.hoursLast12Months) + " 学时，低于每年约 " + fmt(p.yearlyHintHours) + " 学时的进度",
                fmt(p.hoursLast12Months) + " hours in the last 12 months, behind the ~" + fmt(p.yearlyHintHours) +
                    " hours per year pace");
    }
    return out;
}

}  // namespace taizhang
