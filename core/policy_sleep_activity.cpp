// Sleep per class (soft, 教基厅函〔2021〕11号) and physical activity per class per school day
// (the rule set in force on the day: 60 min in school before 2025, 120 min total from 2025).
#include <cmath>
#include <unordered_map>

#include "policy.h"
#include "policy_internal.h"

namespace taizhang {

using detail::fmt;

namespace {
Finding classDayFinding(const std::string& classId, const Date& day, const std::string& rule, Severity severity)
{
    Finding f;
    f.ruleId = rule;
    f.scopeKind = "class";
    f.scopeId = classId;
    f.period = "day";
    f.date = day;
    f.severity = severity;
    return f;
}
}  // namespace

double sleepStandardHours(int grade, const Date& day, const CountyOverrides& overrides)
{
    const RuleSet rules = effectiveRules(day, overrides);
    return grade <= 6 ? rules.sleep.primaryMinHours : rules.sleep.juniorMinHours;
}

std::vector<Finding> checkSleep(const PolicyDataset& data, const Date& from, const Date& to,
                                const CountyOverrides& overrides)
{
    struct Group {
        const std::string* classId = nullptr;
        Date date;
        double weightedHours = 0;
        int surveyed = 0;
        int reaching = 0;
        std::vector<std::string> ids;
    };
    std::unordered_map<std::int64_t, Group> groups;
    detail::ClassDayKeys keys;
    for (const auto& s : data.sleep) {
        if (s.value.date < from || s.value.date > to || s.value.surveyed <= 0) continue;
        auto& g = groups[keys.key(s.value.classId, s.value.date)];
        g.classId = &s.value.classId;
        g.date = s.value.date;
        g.weightedHours += s.value.averageHours * s.value.surveyed;
        g.surveyed += s.value.surveyed;
        g.reaching += s.value.reachingStandard;
        g.ids.push_back(s.id);
    }
    detail::RulesCache rules(overrides);
    std::vector<Finding> out;
    for (auto& [key, g] : groups) {
        auto klass = data.classes.find(*g.classId);
        if (klass == data.classes.end()) continue;
        const int grade = klass->second.gradeOn(g.date);  // the grade the class had that day
        const RuleSet& rs = rules.at(g.date);
        const RuleSet& national = nationalRuleSetFor(g.date);
        const bool primary = grade <= 6;
        const double standard = primary ? rs.sleep.primaryMinHours : rs.sleep.juniorMinHours;
        const double nationalStandard = primary ? national.sleep.primaryMinHours : national.sleep.juniorMinHours;
        const double average = g.weightedHours / g.surveyed;
        const double share = static_cast<double>(g.reaching) / g.surveyed;
        const std::string name = detail::className(klass->second, *g.classId, g.date);
        const std::string shareText = fmt(std::round(share * 1000) / 10) + "%";
        // 1e-9: 9.0 h entered as 9 must reach a 9 h standard despite floating point.
        if (average + 1e-9 < standard) {
            Finding f = classDayFinding(*g.classId, g.date, "sleep.average_below_standard", Severity::Soft);
            f.expected = ">= " + fmt(standard) + " h";
            f.actual = fmt(std::round(average * 100) / 100) + " h (" + shareText + " reaching)";
            f.expectedValue = standard;
            f.actualValue = average;
            f.source = detail::sourceOf(source::kSleep, standard != nationalStandard);
            f.ruleSetId = rs.id;
            f.recordIds = g.ids;
            f.messageZh = name + " " + g.date.toString() + " 平均睡眠 " + fmt(std::round(average * 100) / 100) +
                          " 小时，未达到 " + fmt(standard) + " 小时（达标 " + shareText + "）";
            f.messageEn = name + " on " + g.date.toString() + ": average sleep " +
                          fmt(std::round(average * 100) / 100) + " h, below the " + fmt(standard) + " h standard (" +
                          shareText + " of surveyed students reach it)";
            out.push_back(std::move(f));
        }
        if (rs.sleep.minShareReaching && share + 1e-9 < *rs.sleep.minShareReaching) {
            Finding f = classDayFinding(*g.classId, g.date, "sleep.share_reaching_below", Severity::Soft);
            f.expected = ">= " + fmt(*rs.sleep.minShareReaching * 100) + "%";
            f.actual = shareText;
            f.expectedValue = *rs.sleep.minShareReaching;
            f.actualValue = share;
            f.source = detail::sourceOf(source::kSleep, true);
            f.ruleSetId = rs.id;
            f.recordIds = g.ids;
            f.messageZh = name + " " + g.date.toString() + " 睡眠达标比例 " + shareText + "，低于 " +
                          fmt(*rs.sleep.minShareReaching * 100) + "%";
            f.messageEn = name + " on " + g.date.toString() + ": " + shareText + " of students reach the sleep standard, below " +
                          fmt(*rs.sleep.minShareReaching * 100) + "%";
            out.push_back(std::move(f));
        }
    }
    return out;
}

std::vector<Finding> checkActivity(const PolicyDataset& data, const Date& from, const Date& to,
                                   const CountyOverrides& overrides)
{
    struct Group {
        const std::string* classId = nullptr;
        Date date;
        PhysicalActivity sum;
        std::vector<std::string> ids;
    };
    std::unordered_map<std::int64_t, Group> groups;
    detail::ClassDayKeys keys;
    for (const auto& a : data.activity) {
        if (a.value.date < from || a.value.date > to) continue;
        auto& g = groups[keys.key(a.value.classId, a.value.date)];
        g.classId = &a.value.classId;
        g.date = a.value.date;
        g.sum.peLessonMinutes += a.value.peLessonMinutes;
        g.sum.longBreakMinutes += a.value.longBreakMinutes;
        // A long break recorded without its count is one session.
        g.sum.longBreakSessions += a.value.longBreakSessions > 0 ? a.value.longBreakSessions
                                                                 : (a.value.longBreakMinutes > 0 ? 1 : 0);
        g.sum.afterSchoolMinutes += a.value.afterSchoolMinutes;
        g.sum.outOfSchoolMinutes += a.value.outOfSchoolMinutes;
        g.ids.push_back(a.id);
    }
    const SchoolCalendar calendar(data.terms);
    detail::RulesCache rules(overrides);
    std::vector<Finding> out;
    for (auto& [key, g] : groups) {
        auto klass = data.classes.find(*g.classId);
        if (klass == data.classes.end() || !calendar.isSchoolDay(g.date)) continue;
        const RuleSet& rs = rules.at(g.date);
        const ActivityRules& nat = nationalRuleSetFor(g.date).activity;
        const ActivityRules& ar = rs.activity;
        const std::string name = detail::className(klass->second, *g.classId, g.date);
        const std::string day = g.date.toString();
        const PhysicalActivity& a = g.sum;
        auto add = [&](const std::string& rule, bool county, const char* src, double expected, double actual,
                       const std::string& expectedText, const std::string& actualText, const std::string& zh,
                       const std::string& en) {
            Finding f = classDayFinding(*g.classId, g.date, rule, Severity::Hard);
            f.expected = expectedText;
            f.actual = actualText;
            f.expectedValue = expected;
            f.actualValue = actual;
            f.source = detail::sourceOf(src, county);
            f.ruleSetId = rs.id;
            f.recordIds = g.ids;
            f.messageZh = name + " " + day + " " + zh;
            f.messageEn = name + " on " + day + ": " + en;
            out.push_back(std::move(f));
        };
        const char* src = rs.activitySource.c_str();
        if (ar.minInSchoolMinutes) {
            const int inSchool = a.peLessonMinutes + a.longBreakMinutes + a.afterSchoolMinutes;
            if (inSchool < *ar.minInSchoolMinutes)
                add("activity.in_school_minimum", ar.minInSchoolMinutes != nat.minInSchoolMinutes, src,
                    *ar.minInSchoolMinutes, inSchool, ">= " + std::to_string(*ar.minInSchoolMinutes) + " min",
                    std::to_string(inSchool) + " min",
                    "校内体育活动 " + std::to_string(inSchool) + " 分钟，不足 " + std::to_string(*ar.minInSchoolMinutes) + " 分钟",
                    std::to_string(inSchool) + " min of physical activity in school, below " +
                        std::to_string(*ar.minInSchoolMinutes) + " min");
        }
        if (ar.minTotalMinutes) {
            const int total = a.peLessonMinutes + a.longBreakMinutes + a.afterSchoolMinutes + a.outOfSchoolMinutes;
            if (total < *ar.minTotalMinutes)
                add("activity.total_minimum", ar.minTotalMinutes != nat.minTotalMinutes, src, *ar.minTotalMinutes,
                    total, ">= " + std::to_string(*ar.minTotalMinutes) + " min", std::to_string(total) + " min",
                    "综合体育活动合计 " + std::to_string(total) + " 分钟，不足 " + std::to_string(*ar.minTotalMinutes) + " 分钟",
                    std::to_string(total) + " min of physical activity in total, below " +
                        std::to_string(*ar.minTotalMinutes) + " min");
        }
        const int needSessions = ar.minLongBreakSessions;
        const int needMinutes = needSessions * ar.minLongBreakMinutesPerSession;
        if (needSessions > 0 && (a.longBreakSessions < needSessions || a.longBreakMinutes < needMinutes)) {
            const bool county = ar.minLongBreakSessions != nat.minLongBreakSessions ||
                                ar.minLongBreakMinutesPerSession != nat.minLongBreakMinutesPerSession;
            const std::string expected = std::to_string(needSessions) + " x >= " +
                                         std::to_string(ar.minLongBreakMinutesPerSession) + " min";
            const std::string actual = std::to_string(a.longBreakSessions) + " sessions, " +
                                       std::to_string(a.longBreakMinutes) + " min";
            add("activity.long_break", county, src, needMinutes, a.longBreakMinutes, expected, actual,
                "大课间 " + std::to_string(a.longBreakSessions) + " 次共 " + std::to_string(a.longBreakMinutes) +
                    " 分钟，应为 " + std::to_string(needSessions) + " 次、每次不少于 " +
                    std::to_string(ar.minLongBreakMinutesPerSession) + " 分钟",
                "long breaks " + actual + ", expected " + expected);
        }
        if (ar.dailyPeLesson && a.peLessonMinutes <= 0)
            add("activity.daily_pe_lesson", true, src, 1, 0, "1 PE lesson", "none", "当天没有体育课（本地要求每天一节体育课）",
                "no PE lesson (the county requires one every day)");
    }
    return out;
}

}  // namespace taizhang
