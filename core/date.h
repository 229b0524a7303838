#pragma once
// A school-local calendar date. Records that are "about a day" carry one explicitly: a date is
// never derived from the sync time or the device clock (design brief, Records).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taizhang {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    // Strict "YYYY-MM-DD" (ISO 8601 calendar date); nullopt for anything else or an impossible day.
    static std::optional<Date> parse(std::string_view text);
    static Date fromDays(std::int64_t daysSinceEpoch);

    bool isValid() const;
    std::int64_t days() const;  // days since 1970-01-01
    int isoWeekday() const;     // 1 = Monday ... 7 = Sunday
    Date addDays(std::int64_t n) const { return fromDays(days() + n); }
    Date addYears(int n) const;  // Feb 29 becomes Feb 28 in a non-leap year
    Date mondayOfWeek() const { return addDays(1 - isoWeekday()); }
    std::string toString() const;

    friend auto operator<=>(const Date&, const Date&) = default;
    friend bool operator==(const Date&, const Date&) = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

// Days in [from, to] inclusive; 0 if to < from.
std::int64_t daysInclusive(const Date& from, const Date& to);

}  // namespace taizhang
