// Timetable per class per week (义务教育课程方案 2022年版): the weekly plan of each class in each
// term overlapping the checked range. The slots of a term are the class's weekly template, so
// one finding covers every week of that term.
#include <map>
#include <unordered_map>

#include "policy.h"
#include "policy_internal.h"
#include "subjects.h"

namespace taizhang {

namespace {
std::string subjectZh(const std::string& code)
{
    auto info = findNationalSubject(code);
    return info ? info->nameZh : code;
}
std::string subjectEn(const std::string& code)
{
    auto info = findNationalSubject(code);
    return info ? info->nameEn : code;
}
}  // namespace

std::vector<Finding> checkTimetable(const PolicyDataset& data, const Date& from, const Date& to,
                                    const CountyOverrides& overrides)
{
    // (term, class) -> subject -> lessons per week
    std::map<std::pair<std::string, std::string>, std::map<std::string, int>> plans;
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> slotIds;
    for (const auto& s : data.timetable) {
        if (s.value.draft) continue;  // carried into a new year, not yet confirmed by the school
        auto term = data.terms.find(s.value.termId);
        if (term == data.terms.end() || term->second.end < from || term->second.start > to) continue;
        const auto key = std::make_pair(s.value.termId, s.value.classId);
        plans[key][s.value.subject] += 1;
        slotIds[key].push_back(s.id);
    }
    std::vector<Finding> out;
    for (const auto& [key, counts] : plans) {
        const auto& [termId, classId] = key;
        auto klass = data.classes.find(classId);
        if (klass == data.classes.end()) continue;
        const Term& term = data.terms.at(termId);
        const Date day = std::max(term.start, from);
        const int grade = klass->second.gradeOn(day);  // the grade the class has in that term
        if (grade < 1 || grade > 9) continue;
        const RuleSet rs = effectiveRules(day, overrides);
        const TimetableRules& tr = rs.timetable;
        const std::string name = detail::className(klass->second, classId, day);
        auto lessons = [&](const std::string& code) {
            auto it = counts.find(code);
            return it == counts.end() ? 0 : it->second;
        };
        auto add = [&](const std::string& rule, Severity sev, const std::string& src, double expected, double actual,
                       const std::string& expectedText, const std::string& zh, const std::string& en) {
            Finding f;
            f.ruleId = rule;
            f.scopeKind = "class";
            f.scopeId = classId;
            f.period = "week";
            f.date = day;
            f.termId = termId;
            f.expected = expectedText;
            f.actual = detail::fmt(actual) + " lessons/week";
            f.expectedValue = expected;
            f.actualValue = actual;
            f.severity = sev;
            f.source = src;
            f.ruleSetId = rs.id;
            f.recordIds = slotIds.at(key);
            f.messageZh = name + " " + term.name + " 课表：" + zh;
            f.messageEn = name + ", " + term.name + " timetable: " + en;
            out.push_back(std::move(f));
        };
        int total = 0;
        for (const auto& [code, n] : counts) total += n;
        const int standard = tr.weeklyLessons[grade];
        if (total != standard) {
            // More lessons than the plan is the burden inspectors look for; fewer is a warning.
            add("timetable.weekly_total", total > standard ? Severity::Hard : Severity::Soft, source::kCurriculum,
                standard, total, "= " + std::to_string(standard) + " lessons/week",
                "每周总课时 " + std::to_string(total) + " 节，课程方案规定 " + std::to_string(standard) + " 节",
                std::to_string(total) + " lessons per week, the plan sets " + std::to_string(standard));
        }
        const int pe = lessons("pe");
        if (pe < tr.weeklyPe[grade])
            add("timetable.pe_lessons", Severity::Hard, source::kPeLessons, tr.weeklyPe[grade], pe,
                ">= " + std::to_string(tr.weeklyPe[grade]) + " lessons/week",
                "体育课每周 " + std::to_string(pe) + " 节，少于 " + std::to_string(tr.weeklyPe[grade]) + " 节",
                std::to_string(pe) + " PE lessons per week, fewer than " + std::to_string(tr.weeklyPe[grade]));
        const int labour = lessons("labour");
        if (labour < tr.minWeeklyLabour)
            add("timetable.labour_lessons", Severity::Hard, source::kCurriculum, tr.minWeeklyLabour, labour,
                ">= " + std::to_string(tr.minWeeklyLabour) + " lessons/week", "没有安排劳动课（每周不少于1节）",
                "no labour lesson (at least 1 per week)");
        const int it = lessons("it");
        if (it > 0 && (grade < tr.itFirstGrade || grade > tr.itLastGrade))
            add("timetable.it_outside_g3_8", Severity::Soft, source::kCurriculum, 0, it, "0 lessons/week",
                "信息科技按课程方案在3-8年级独立开设，本年级安排了 " + std::to_string(it) + " 节",
                std::to_string(it) + " IT lessons; IT is its own subject in grades 3-8 only");
        const int fl = lessons("foreign_language");
        if (fl > 0 && grade < tr.foreignLanguageFirstGrade)
            add("timetable.foreign_language_before_g3", Severity::Hard, source::kCurriculum, 0, fl, "0 lessons/week",
                "外语从三年级开设，本年级安排了 " + std::to_string(fl) + " 节",
                std::to_string(fl) + " foreign-language lessons; the plan starts them in grade 3");
        const int hg = lessons("history") + lessons("geography");
        if (hg > 0 && grade < tr.historyGeographyFirstGrade)
            add("timetable.history_geography_outside_g7_9", Severity::Hard, source::kCurriculum, 0, hg,
                "0 lessons/week", "历史、地理在7-9年级开设，本年级安排了 " + std::to_string(hg) + " 节",
                std::to_string(hg) + " history/geography lessons; the plan teaches them in grades 7-9");
        for (const auto& [code, expected] : tr.provincialWeekly[grade]) {
            const int actual = lessons(code);
            if (actual == expected) continue;
            add("timetable.provincial_count", Severity::Hard, detail::sourceOf(source::kCurriculum, true), expected,
                actual, "= " + std::to_string(expected) + " lessons/week",
                subjectZh(code) + "每周 " + std::to_string(actual) + " 节，省级课时安排为 " + std::to_string(expected) + " 节",
                subjectEn(code) + ": " + std::to_string(actual) + " lessons per week, the provincial plan sets " +
                    std::to_string(expected));
        }
    }
    return out;
}

}  // namespace taizhang
