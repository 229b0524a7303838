// Homework per class per school day (双减意见; 作业管理通知): G1-2 no written homework at home,
// G3-6 <= 60 min, G7-9 <= 90 min of written homework, or the county's stricter caps.
#include <algorithm>
#include <unordered_map>

#include "policy.h"
#include "policy_internal.h"

namespace taizhang {

using detail::fmt;

namespace {
constexpr std::string_view kRuleG1_2 = "homework.g1_2_written_at_home";
constexpr std::string_view kRuleG3_6 = "homework.g3_6_cap";
constexpr std::string_view kRuleG7_9 = "homework.g7_9_cap";
}  // namespace

bool isHomeworkCapRule(std::string_view ruleId)
{
    return ruleId == kRuleG1_2 || ruleId == kRuleG3_6 || ruleId == kRuleG7_9;
}

bool homeworkCountsAgainstCap(int grade, const Homework& entry) { return entry.written && (grade > 2 || entry.atHome); }

int homeworkCapMinutes(int grade, const Date& day, const CountyOverrides& overrides)
{
    const RuleSet rules = effectiveRules(day, overrides);
    if (grade <= 2) return rules.homework.g1_2AtHomeWrittenMaxMinutes;
    if (grade <= 6) return rules.homework.g3_6MaxMinutes;
    return rules.homework.g7_9MaxMinutes;
}

RuleQuote homeworkPublicationRule(const Date& day, const CountyOverrides& overrides)
{
    const RuleSet rules = effectiveRules(day, overrides);
    const std::string g36 = std::to_string(rules.homework.g3_6MaxMinutes);
    const std::string g79 = std::to_string(rules.homework.g7_9MaxMinutes);
    const bool county = rules.homework.g3_6MaxMinutes != 60 || rules.homework.g7_9MaxMinutes != 90;
    RuleQuote q;
    q.zh = std::string("依据《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》（2021）和教基厅函〔2021〕13号") +
           (county ? "及本区县规定" : "") +
           "：小学一、二年级不布置家庭书面作业，可在校内适当安排巩固练习；小学三至六年级书面作业平均完成时间不超过" + g36 +
           "分钟；初中书面作业平均完成时间不超过" + g79 + "分钟。学校实行作业公示制度。";
    q.en = std::string("Under ") + source::kHomework + (county ? " and the county's rules" : "") +
           ": no written homework at home in grades 1-2; written homework takes on average at most " + g36 +
           " min a day in grades 3-6 and " + g79 + " min in grades 7-9. Schools publish the homework they set.";
    return q;
}

int homeworkCountedMinutes(int grade, const std::vector<Homework>& entries)
{
    int total = 0;
    for (const auto& h : entries)
        if (homeworkCountsAgainstCap(grade, h)) total += std::max(0, h.minutes);
    return total;
}

bool homeworkOverCap(int grade, const Date& day, const std::vector<Homework>& entries, const CountyOverrides& overrides)
{
    return homeworkCountedMinutes(grade, entries) > homeworkCapMinutes(grade, day, overrides);
}

std::vector<Finding> checkHomework(const PolicyDataset& data, const Date& from, const Date& to,
                                   const CountyOverrides& overrides)
{
    struct Group {
        const std::string* classId;
        Date date;
        std::vector<const Identified<Homework>*> rows;
    };
    std::unordered_map<std::int64_t, Group> groups;
    groups.reserve(data.homework.size() / 4 + 1);
    detail::ClassDayKeys keys;
    for (const auto& h : data.homework) {
        if (h.value.date < from || h.value.date > to) continue;
        auto& g = groups[keys.key(h.value.classId, h.value.date)];
        if (g.rows.empty()) {
            g.classId = &h.value.classId;
            g.date = h.value.date;
        }
        g.rows.push_back(&h);
    }

    const SchoolCalendar calendar(data.terms);
    detail::RulesCache rules(overrides);
    std::unordered_map<std::int64_t, bool> schoolDay;
    std::vector<Finding> out;
    for (const auto& [key, g] : groups) {
        auto klass = data.classes.find(*g.classId);
        if (klass == data.classes.end()) continue;  // without the class there is no grade
        const int grade = klass->second.gradeOn(g.date);  // the grade the class had that day
        if (grade < 1 || grade > 9) continue;
        auto sd = schoolDay.find(g.date.days());
        if (sd == schoolDay.end()) sd = schoolDay.emplace(g.date.days(), calendar.isSchoolDay(g.date)).first;
        if (!sd->second) continue;  // weekends and holidays have no national number (policy-rules.md)

        int counted = 0;
        std::string reason;
        std::vector<std::string> reasons;
        std::vector<std::string> ids;
        for (const auto* row : g.rows) {
            const auto& h = row->value;
            if (!homeworkCountsAgainstCap(grade, h) || h.minutes <= 0) continue;
            counted += h.minutes;
            ids.push_back(row->id);
            // One reason usually covers the whole day and is saved on each of its rows: say it once.
            if (!h.overCapReason.empty() && std::find(reasons.begin(), reasons.end(), h.overCapReason) == reasons.end()) {
                reasons.push_back(h.overCapReason);
                if (!reason.empty()) reason += "; ";
                reason += h.overCapReason;
            }
        }
        const RuleSet& rs = rules.at(g.date);
        const int national = grade <= 2 ? 0 : grade <= 6 ? nationalRuleSetFor(g.date).homework.g3_6MaxMinutes
                                                         : nationalRuleSetFor(g.date).homework.g7_9MaxMinutes;
        const int cap = grade <= 2 ? rs.homework.g1_2AtHomeWrittenMaxMinutes
                        : grade <= 6 ? rs.homework.g3_6MaxMinutes
                                     : rs.homework.g7_9MaxMinutes;
        if (counted <= cap) continue;

        Finding f;
        f.scopeKind = "class";
        f.scopeId = *g.classId;
        f.period = "day";
        f.date = g.date;
        f.expectedValue = cap;
        f.actualValue = counted;
        f.actual = std::to_string(counted) + " min";
        f.severity = Severity::Hard;
        f.source = detail::sourceOf(source::kHomework, cap != national);
        f.ruleSetId = rs.id;
        f.reason = reason;
        f.recordIds = std::move(ids);
        const std::string name = detail::className(klass->second, *g.classId, g.date);
        if (grade <= 2) {
            f.ruleId = kRuleG1_2;
            f.expected = "0 min";
            f.messageZh = name + " " + g.date.toString() + " 布置了家庭书面作业 " + std::to_string(counted) +
                          " 分钟；一、二年级不布置家庭书面作业";
            f.messageEn = name + " on " + g.date.toString() + ": " + std::to_string(counted) +
                          " min of written homework at home; grades 1-2 get none";
        } else {
            f.ruleId = grade <= 6 ? kRuleG3_6 : kRuleG7_9;
            f.expected = "<= " + std::to_string(cap) + " min";
            f.messageZh = name + " " + g.date.toString() + " 书面作业合计 " + std::to_string(counted) + " 分钟，超过 " +
                          std::to_string(cap) + " 分钟上限";
            f.messageEn = name + " on " + g.date.toString() + ": " + std::to_string(counted) +
                          " min of written homework, over the cap of " + std::to_string(cap) + " min";
        }
        if (!reason.empty()) {
            f.messageZh += "（说明：" + reason + "）";
            f.messageEn += " (reason given: " + reason + ")";
        }
        out.push_back(std::move(f));
    }
    (void)fmt;
    return out;
}

}  // namespace taizhang
