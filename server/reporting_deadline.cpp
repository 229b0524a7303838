#include "reporting_deadline.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "clock.h"

namespace taizhang::server {
namespace {

// The kinds a class reports each school day and the deadline applies to. Sleep is asked weekly
// by default (policy-rules.md), so a day's deadline does not fit it.
bool dueDaily(Kind kind)
{
    switch (kind) {
    case Kind::Homework:
    case Kind::Activity: return true;
    case Kind::SchoolClass:
    case Kind::Teacher:
    case Kind::Term:
    case Kind::Subject:
    case Kind::Sleep:
    case Kind::Timetable:
    case Kind::Training: return false;
    }
    return false;
}

std::string hhmm(int minuteOfDay)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    return buf;
}

std::optional<int> parseHhmm(const std::string& text)
{
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (const int i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

}  // namespace

std::int64_t deadlineMillis(const ReportingDeadline& deadline, const Date& day)
{
    // Midnight of the due day in Beijing time, then the minutes into it.
    return (day.addDays(deadline.daysAfter).days() * 1440LL + deadline.minuteOfDay - kChinaUtcOffsetMinutes) * 60000LL;
}

std::string deadlineTime(const ReportingDeadline& deadline) { return hhmm(deadline.minuteOfDay); }

std::string describeDeadline(const ReportingDeadline& deadline, bool zh)
{
    static const char* const zhDays[] = {"当天", "次日"};
    std::string when;
    if (zh)
        when = deadline.daysAfter < 2 ? zhDays[deadline.daysAfter] : "记录日后第 " + std::to_string(deadline.daysAfter) + " 天";
    else
        when = deadline.daysAfter == 0   ? "the same day"
               : deadline.daysAfter == 1 ? "the next day"
                                         : std::to_string(deadline.daysAfter) + " days later";
    return when + " " + hhmm(deadline.minuteOfDay) + (zh ? "（北京时间）" : " (Beijing time)");
}

CheckedConfig checkDeadline(const std::string& daysAfter, const std::string& time)
{
    CheckedConfig out;
    int days = -1;
    if (!daysAfter.empty() && daysAfter.size() <= 2 && daysAfter.find_first_not_of("0123456789") == std::string::npos)
        days = std::stoi(daysAfter);
    if (days < 0 || days > kMaxDeadlineDaysAfter)
        out.problems.push_back({0, {"截止天数应为 0 到 " + std::to_string(kMaxDeadlineDaysAfter) + " 之间的整数（0 表示当天，1 表示次日）",
                                    "days after must be a whole number from 0 to " + std::to_string(kMaxDeadlineDaysAfter) +
                                        " (0 = the same day, 1 = the next day)"}});
    const auto minute = parseHhmm(time);
    if (!minute)
        out.problems.push_back({0, {"截止时间应为 时:分，如 09:00", "the time must be HH:MM, e.g. 09:00"}});
    else if (days == 0 && *minute < 12 * 60)
        // Records of a day are kept in the evening (tonight's homework): a same-day deadline
        // before noon would make every class late.
        out.problems.push_back({0, {"当天截止的时间不能早于 12:00（作业在晚上登记）",
                                    "a same-day deadline cannot be before 12:00 (homework is recorded in the evening)"}});
    if (out.problems.empty()) out.value = nlohmann::json{{"days_after", days}, {"time", hhmm(*minute)}}.dump();
    return out;
}

std::optional<ReportingDeadline> parseStoredDeadline(const std::string& json)
{
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object() || !j.contains("days_after") || !j["days_after"].is_number_integer() || !j.contains("time") ||
        !j["time"].is_string())
        return std::nullopt;
    const auto checked = checkDeadline(std::to_string(j["days_after"].get<int>()), j["time"].get<std::string>());
    if (!checked.problems.empty()) return std::nullopt;
    return ReportingDeadline{j["days_after"].get<int>(), *parseHhmm(j["time"].get<std::string>())};
}

std::optional<std::int64_t> utcTimestampMillis(const std::string& utc)
{
    if (utc.size() < 20 || utc[10] != 'T' || utc[13] != ':' || utc[16] != ':') return std::nullopt;
    const auto day = Date::parse(utc.substr(0, 10));
    const auto minute = parseHhmm(utc.substr(11, 5));
    if (!day || !minute || utc[17] < '0' || utc[17] > '5' || utc[18] < '0' || utc[18] > '9') return std::nullopt;
    std::int64_t ms = (day->days() * 1440LL + *minute) * 60000LL + ((utc[17] - '0') * 10 + (utc[18] - '0')) * 1000LL;
    if (utc.size() >= 23 && utc[19] == '.')
        for (int i = 20; i < 23; ++i) ms += (utc[i] - '0') * (i == 20 ? 100 : i == 21 ? 10 : 1);
    return ms;
}

void LateClassDays::add(const Record& record, const std::optional<std::string>& firstArrival)
{
    if (!dueDaily(record.kind)) return;
    const auto day = record.date();
    if (!day) return;
    Arrival& a = arrivals_[{record.classId(), *day, record.kind}];
    if (!record.meta.deleted) a.live = true;
    const auto ms = firstArrival ? utcTimestampMillis(*firstArrival) : std::nullopt;
    if (!ms) {
        a.unknown = true;
        return;
    }
    if (!a.firstMs || *ms < *a.firstMs) {
        a.firstMs = ms;
        a.firstText = *firstArrival;
    }
}

std::map<std::pair<std::string, Date>, std::string> LateClassDays::late() const
{
    std::map<std::pair<std::string, Date>, std::string> out;
    for (const auto& [key, a] : arrivals_) {
        const auto& [classId, day, kind] = key;
        if (!a.live || a.unknown || !a.firstMs || *a.firstMs <= deadlineMillis(deadline_, day)) continue;
        auto& latest = out[{classId, day}];
        latest = std::max(latest, a.firstText);
    }
    return out;
}

}  // namespace taizhang::server
