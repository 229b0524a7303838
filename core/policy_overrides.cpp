#include "policy_overrides.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "subjects.h"
#include "validation.h"

namespace taizhang {

namespace {
std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The strictest national value of a field across every rule set: an override must be at least
// as strict as the national rule in every period it may apply to.
template <class F> double strictestMin(F get)
{
    double best = 0;
    for (const auto& s : nationalRuleSets()) best = std::max(best, static_cast<double>(get(s)));
    return best;
}
template <class F> double loosestMax(F get)
{
    double best = 1e18;
    for (const auto& s : nationalRuleSets()) best = std::min(best, static_cast<double>(get(s)));
    return best;
}

class Parser {
public:
    explicit Parser(std::vector<OverrideError>& errors) : errors_(errors) {}

    void error(const std::string& field, const std::string& zh, const std::string& en)
    {
        errors_.push_back(OverrideError{field, zh, en});
    }

    // Refuses keys a section does not define: a misspelt key would otherwise leave the national
    // value silently in force.
    bool checkKeys(const Json& obj, const std::string& path, std::initializer_list<const char*> keys)
    {
        if (!obj.is_object()) {
            error(path, path + " 必须是对象", path + " must be a JSON object");
            return false;
        }
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
                error(path + "." + it.key(), "未知配置项 " + path + "." + it.key(),
                      "unknown override '" + path + "." + it.key() + "'");
        }
        return true;
    }

    std::optional<double> number(const Json& obj, const std::string& path, const char* key, double lo, double hi,
                                 bool integer)
    {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        const std::string field = path + "." + key;
        if (integer ? !it->is_number_integer() : !it->is_number()) {
            error(field, field + " 必须是" + (integer ? "整数" : "数字"),
                  field + " must be " + (integer ? "an integer" : "a number"));
            return std::nullopt;
        }
        const double v = it->get<double>();
        if (v < lo || v > hi) {
            error(field, field + " 超出合理范围 " + num(lo) + "-" + num(hi),
                  field + " = " + num(v) + " is outside " + num(lo) + ".." + num(hi));
            return std::nullopt;
        }
        return v;
    }

    // A cap ("at most"): the county may lower it, never raise it.
    std::optional<double> cap(const Json& obj, const std::string& path, const char* key, double national, double lo,
                              double hi, bool integer = true)
    {
        auto v = number(obj, path, key, lo, hi, integer);
        if (v && *v > national) {
            const std::string field = path + "." + key;
            error(field, field + " = " + num(*v) + " 比国家规定（不超过 " + num(national) + "）宽松，不予接受",
                  field + " = " + num(*v) + " is looser than the national maximum of " + num(national) +
                      "; a county may only be stricter");
            return std::nullopt;
        }
        return v;
    }

    // A floor ("at least"): the county may raise it, never lower it.
    std::optional<double> floor(const Json& obj, const std::string& path, const char* key, double national, double lo,
                                double hi, bool integer = true)
    {
        auto v = number(obj, path, key, lo, hi, integer);
        if (v && *v < national) {
            const std::string field = path + "." + key;
            error(field, field + " = " + num(*v) + " 比国家规定（不少于 " + num(national) + "）宽松，不予接受",
                  field + " = " + num(*v) + " is looser than the national minimum of " + num(national) +
                      "; a county may only be stricter");
            return std::nullopt;
        }
        return v;
    }

private:
    std::vector<OverrideError>& errors_;
};

template <class T> std::optional<T> as(const std::optional<double>& v)
{
    if (!v) return std::nullopt;
    return static_cast<T>(*v);
}

void parseTimetable(const Json& section, Parser& p, CountyOverrides& o)
{
    if (!p.checkKeys(section, "timetable", {"weekly_lessons"})) return;
    auto it = section.find("weekly_lessons");
    if (it == section.end()) return;
    if (!it->is_object()) {
        p.error("timetable.weekly_lessons", "weekly_lessons 必须是按年级的对象", "weekly_lessons must be an object keyed by grade");
        return;
    }
    const auto& national = nationalRuleSets().back().timetable;
    for (auto g = it->begin(); g != it->end(); ++g) {
        const std::string path = "timetable.weekly_lessons." + g.key();
        int grade = 0;
        if (g.key().size() == 1 && g.key()[0] >= '1' && g.key()[0] <= '9') grade = g.key()[0] - '0';
        if (!grade) {
            p.error(path, "年级必须是1到9", "grade key '" + g.key() + "' must be 1 to 9");
            continue;
        }
        if (!g->is_object()) {
            p.error(path, path + " 必须是 科目:课时 对象", path + " must map subject codes to lessons per week");
            continue;
        }
        std::vector<std::pair<std::string, int>> counts;
        int total = 0;
        for (auto s = g->begin(); s != g->end(); ++s) {
            const std::string field = path + "." + s.key();
            if (!findNationalSubject(s.key()) && !isCustomSubjectCode(s.key())) {
                p.error(field, "未知科目代码 " + s.key(), "unknown subject code '" + s.key() + "'");
                continue;
            }
            if (!s->is_number_integer() || s->get<int>() < 0 || s->get<int>() > 15) {
                p.error(field, field + " 必须是0到15的整数", field + " must be an integer from 0 to 15");
                continue;
            }
            const int count = s->get<int>();
            if (s.key() == "pe" && count < national.weeklyPe[grade]) {
                p.error(field, "体育课时少于国家规定的每周" + std::to_string(national.weeklyPe[grade]) + "节，不予接受",
                        field + " = " + std::to_string(count) + " is below the national " +
                            std::to_string(national.weeklyPe[grade]) + " PE lessons per week");
                continue;
            }
            if (s.key() == "labour" && count < national.minWeeklyLabour) {
                p.error(field, "劳动课每周不得少于1节", field + " must be at least 1 lesson per week");
                continue;
            }
            total += count;
            counts.emplace_back(s.key(), count);
        }
        if (total > national.weeklyLessons[grade]) {
            p.error(path, "各科课时合计 " + std::to_string(total) + " 超过每周总课时 " +
                              std::to_string(national.weeklyLessons[grade]),
                    path + " adds up to " + std::to_string(total) + " lessons, over the weekly total of " +
                        std::to_string(national.weeklyLessons[grade]));
            continue;
        }
        std::sort(counts.begin(), counts.end());
        o.weeklyLessons.emplace_back(grade, std::move(counts));
    }
    std::sort(o.weeklyLessons.begin(), o.weeklyLessons.end());
}
}  // namespace

bool CountyOverrides::empty() const
{
    return !homeworkG3_6MaxMinutes && !homeworkG7_9MaxMinutes && !sleepPrimaryMinHours && !sleepJuniorMinHours &&
           !sleepMinShareReaching && !activityMinInSchoolMinutes && !activityMinTotalMinutes &&
           !activityMinLongBreakMinutes && !activityMinLongBreakSessions && !activityDailyPeLesson &&
           weeklyLessons.empty() && !trainingCycleHours && !trainingProbationHours && !trainingYearlyHours;
}

OverridesParseResult parseCountyOverrides(const Json& json)
{
    OverridesParseResult result;
    Parser p(result.errors);
    auto& o = result.overrides;
    if (!p.checkKeys(json, "overrides",
                     {"format", "county_code", "homework", "sleep", "activity", "timetable", "training"}))
        return result;
    if (auto it = json.find("format"); it != json.end() && !(it->is_number_integer() && it->get<int>() == 1))
        p.error("format", "不支持的配置格式版本", "unsupported overrides format; expected 1");
    if (auto it = json.find("county_code"); it != json.end()) {
        if (!it->is_string() || !isValidCountyCode(it->get<std::string>()))
            p.error("county_code", "区县代码必须是6位数字", "county_code must be a 6-digit county code");
        else
            o.countyCode = it->get<std::string>();
    }
    if (auto it = json.find("homework"); it != json.end() &&
                                         p.checkKeys(*it, "homework", {"g3_6_max_minutes", "g7_9_max_minutes"})) {
        o.homeworkG3_6MaxMinutes = as<int>(p.cap(*it, "homework", "g3_6_max_minutes",
                                                 loosestMax([](const RuleSet& s) { return s.homework.g3_6MaxMinutes; }), 0, 240));
        o.homeworkG7_9MaxMinutes = as<int>(p.cap(*it, "homework", "g7_9_max_minutes",
                                                 loosestMax([](const RuleSet& s) { return s.homework.g7_9MaxMinutes; }), 0, 240));
    }
    if (auto it = json.find("sleep");
        it != json.end() && p.checkKeys(*it, "sleep", {"primary_min_hours", "junior_min_hours", "min_share_reaching"})) {
        o.sleepPrimaryMinHours = p.floor(*it, "sleep", "primary_min_hours",
                                         strictestMin([](const RuleSet& s) { return s.sleep.primaryMinHours; }), 0, 14, false);
        o.sleepJuniorMinHours = p.floor(*it, "sleep", "junior_min_hours",
                                        strictestMin([](const RuleSet& s) { return s.sleep.juniorMinHours; }), 0, 14, false);
        o.sleepMinShareReaching = p.number(*it, "sleep", "min_share_reaching", 0, 1, false);
    }
    if (auto it = json.find("activity");
        it != json.end() && p.checkKeys(*it, "activity", {"min_in_school_minutes", "min_total_minutes",
                                                          "min_long_break_minutes", "min_long_break_sessions",
                                                          "daily_pe_lesson"})) {
        o.activityMinInSchoolMinutes = as<int>(p.floor(
            *it, "activity", "min_in_school_minutes",
            strictestMin([](const RuleSet& s) { return s.activity.minInSchoolMinutes.value_or(0); }), 0, 600));
        o.activityMinTotalMinutes = as<int>(p.floor(
            *it, "activity", "min_total_minutes",
            strictestMin([](const RuleSet& s) { return s.activity.minTotalMinutes.value_or(0); }), 0, 900));
        o.activityMinLongBreakMinutes = as<int>(p.floor(
            *it, "activity", "min_long_break_minutes",
            strictestMin([](const RuleSet& s) { return s.activity.minLongBreakMinutesPerSession; }), 0, 120));
        o.activityMinLongBreakSessions = as<int>(p.floor(
            *it, "activity", "min_long_break_sessions",
            strictestMin([](const RuleSet& s) { return s.activity.minLongBreakSessions; }), 0, 6));
        if (auto d = it->find("daily_pe_lesson"); d != it->end()) {
            if (!d->is_boolean())
                p.error("activity.daily_pe_lesson", "daily_pe_lesson 必须是 true/false", "activity.daily_pe_lesson must be a boolean");
            else
                o.activityDailyPeLesson = d->get<bool>();
        }
    }
    if (auto it = json.find("timetable"); it != json.end()) parseTimetable(*it, p, o);
    if (auto it = json.find("training");
        it != json.end() && p.checkKeys(*it, "training", {"cycle_hours", "probation_hours", "yearly_hours"})) {
        o.trainingCycleHours = p.floor(*it, "training", "cycle_hours",
                                       strictestMin([](const RuleSet& s) { return s.training.cycleHours; }), 0, 2000, false);
        o.trainingProbationHours = p.floor(*it, "training", "probation_hours",
                                           strictestMin([](const RuleSet& s) { return s.training.probationHours; }), 0, 1000, false);
        o.trainingYearlyHours = p.floor(*it, "training", "yearly_hours",
                                        strictestMin([](const RuleSet& s) { return s.training.yearlyHintHours; }), 0, 500, false);
    }
    if (!result.errors.empty()) result.overrides = CountyOverrides{};
    return result;
}

Json toJson(const CountyOverrides& o)
{
    Json j = Json::object();
    j["format"] = 1;
    if (!o.countyCode.empty()) j["county_code"] = o.countyCode;
    auto put = [&](const char* section, const char* key, const auto& value) {
        if (value) j[section][key] = *value;
    };
    put("homework", "g3_6_max_minutes", o.homeworkG3_6MaxMinutes);
    put("homework", "g7_9_max_minutes", o.homeworkG7_9MaxMinutes);
    put("sleep", "primary_min_hours", o.sleepPrimaryMinHours);
    put("sleep", "junior_min_hours", o.sleepJuniorMinHours);
    put("sleep", "min_share_reaching", o.sleepMinShareReaching);
    put("activity", "min_in_school_minutes", o.activityMinInSchoolMinutes);
    put("activity", "min_total_minutes", o.activityMinTotalMinutes);
    put("activity", "min_long_break_minutes", o.activityMinLongBreakMinutes);
    put("activity", "min_long_break_sessions", o.activityMinLongBreakSessions);
    put("activity", "daily_pe_lesson", o.activityDailyPeLesson);
    for (const auto& [grade, counts] : o.weeklyLessons) {
        Json g = Json::object();
        for (const auto& [subject, count] : counts) g[subject] = count;
        j["timetable"]["weekly_lessons"][std::to_string(grade)] = g;
    }
    put("training", "cycle_hours", o.trainingCycleHours);
    put("training", "probation_hours", o.trainingProbationHours);
    put("training", "yearly_hours", o.trainingYearlyHours);
    return j;
}

RuleSet effectiveRules(const Date& day, const CountyOverrides& o)
{
    RuleSet r = nationalRuleSetFor(day);
    if (o.empty()) return r;
    r.id += "+county";
    if (o.homeworkG3_6MaxMinutes) r.homework.g3_6MaxMinutes = std::min(r.homework.g3_6MaxMinutes, *o.homeworkG3_6MaxMinutes);
    if (o.homeworkG7_9MaxMinutes) r.homework.g7_9MaxMinutes = std::min(r.homework.g7_9MaxMinutes, *o.homeworkG7_9MaxMinutes);
    if (o.sleepPrimaryMinHours) r.sleep.primaryMinHours = std::max(r.sleep.primaryMinHours, *o.sleepPrimaryMinHours);
    if (o.sleepJuniorMinHours) r.sleep.juniorMinHours = std::max(r.sleep.juniorMinHours, *o.sleepJuniorMinHours);
    if (o.sleepMinShareReaching) r.sleep.minShareReaching = o.sleepMinShareReaching;
    auto raise = [](std::optional<int>& field, const std::optional<int>& value) {
        if (value) field = std::max(field.value_or(0), *value);
    };
    raise(r.activity.minInSchoolMinutes, o.activityMinInSchoolMinutes);
    raise(r.activity.minTotalMinutes, o.activityMinTotalMinutes);
    if (o.activityMinLongBreakMinutes)
        r.activity.minLongBreakMinutesPerSession = std::max(r.activity.minLongBreakMinutesPerSession, *o.activityMinLongBreakMinutes);
    if (o.activityMinLongBreakSessions)
        r.activity.minLongBreakSessions = std::max(r.activity.minLongBreakSessions, *o.activityMinLongBreakSessions);
    if (o.activityDailyPeLesson) r.activity.dailyPeLesson = *o.activityDailyPeLesson;
    for (const auto& [grade, counts] : o.weeklyLessons) r.timetable.provincialWeekly[grade] = counts;
    if (o.trainingCycleHours) r.training.cycleHours = std::max(r.training.cycleHours, *o.trainingCycleHours);
    if (o.trainingProbationHours) r.training.probationHours = std::max(r.training.probationHours, *o.trainingProbationHours);
    if (o.trainingYearlyHours) r.training.yearlyHintHours = std::max(r.training.yearlyHintHours, *o.trainingYearlyHours);
    return r;
}

}  // namespace taizhang
