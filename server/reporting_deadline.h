#pragma once
// The county's reporting deadline (issue 13, "late"): the daily records of a class and day D are
// due at the county by D + daysAfter at hh:mm Beijing time (e.g. tonight's homework by 09:00 the
// next morning). A class-day is late when the first arrival at the county of its homework, or of
// its activity record, came after that instant. Only records that arrived count: a class-day
// with nothing is missing, not late. The county sets the deadline on the console's policy page
// (or `taizhang-county deadline set`); with none set nothing is late.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "county_admin.h"
#include "date.h"
#include "records.h"

namespace taizhang::server {

struct ReportingDeadline {
    int daysAfter = 1;          // 0 = the same day
    int minuteOfDay = 9 * 60;   // Beijing time
    bool operator==(const ReportingDeadline&) const = default;
};
inline constexpr int kMaxDeadlineDaysAfter = 7;
inline constexpr const char* kDeadlineConfigKey = "deadline";

// The instant (unix millis) by which the records of `day` are due.
std::int64_t deadlineMillis(const ReportingDeadline& deadline, const Date& day);
// "09:00"
std::string deadlineTime(const ReportingDeadline& deadline);
// "次日 09:00" / "next day 09:00": the deadline in words, for pages and exports.
std::string describeDeadline(const ReportingDeadline& deadline, bool zh);

// From the console's form (days after, "HH:MM"): problems in Chinese and English; value is the
// JSON stored under kDeadlineConfigKey ({"days_after":1,"time":"09:00"}).
CheckedConfig checkDeadline(const std::string& daysAfter, const std::string& time);
// The stored JSON back; nullopt for none (or a value that does not parse: the write path checks).
std::optional<ReportingDeadline> parseStoredDeadline(const std::string& json);

// "2026-11-22T12:00:00.000Z" -> unix millis; nullopt when not of that form.
std::optional<std::int64_t> utcTimestampMillis(const std::string& utc);

// The late class-days of a set of records, each given with the time it first reached the county.
// A (class, day, kind) takes its earliest arrival over its records, deleted ones included (a
// report sent in time and then replaced was still sent in time); a record whose first arrival is
// unknown (stored before county migration 7 at a version above 1) never makes a class-day late.
class LateClassDays {
public:
    explicit LateClassDays(ReportingDeadline deadline) : deadline_(deadline) {}
    void add(const Record& record, const std::optional<std::string>& firstArrival);
    // (class id, day) -> the latest of its late first arrivals (UTC timestamp), for class-days
    // that have a live homework or activity record.
    std::map<std::pair<std::string, Date>, std::string> late() const;

private:
    struct Arrival {
        std::optional<std::int64_t> firstMs;  // earliest known first arrival
        std::string firstText;
        bool unknown = false;                 // some record's first arrival is not known
        bool live = false;
    };
    ReportingDeadline deadline_;
    std::map<std::tuple<std::string, Date, Kind>, Arrival> arrivals_;
};

}  // namespace taizhang::server
