#pragma once
// County reports: per school, when it last synced, what it holds, which school days have no
// daily record, and the policy findings core's rules raise over a date range; plus county
// summaries (share of classes over the homework cap, share of teachers on track for 360 h).
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "date.h"
#include "policy.h"
#include "reporting_deadline.h"
#include "storage.h"

namespace taizhang::server {

struct SchoolReport {
    SchoolRow school;
    std::optional<std::string> lastSync;
    std::map<std::string, std::int64_t> recordsByKind;
    std::int64_t conflicts = 0;
    std::vector<Date> missingDays;  // school days up to today without any daily record
    std::vector<Date> schoolDays;   // school days of the range (the calendar), for the console's grid
    std::int64_t dailyRecordsInRange = 0;  // homework, sleep and activity records dated in the range
    std::map<std::string, SchoolClass> classList;  // by class id
    std::set<std::pair<std::string, Date>> homeworkClassDays;  // (class id, day) with homework
    std::set<std::pair<std::string, Date>> activityClassDays;  // (class id, day) with an activity record
    std::set<std::pair<std::string, Date>> noHomeworkClassDays;  // (class id, day) recorded as 无作业 (in homeworkClassDays too)
    std::optional<ReportingDeadline> deadline;                  // the county's, if it set one
    // (class id, day) whose homework or activity came after the deadline -> that first arrival (UTC)
    std::map<std::pair<std::string, Date>, std::string> lateClassDays;
    std::vector<Finding> findings;
    int classes = 0;
    int classesOverHomeworkCap = 0;
    int teachers = 0;
    int teachersOnTrack360 = 0;
};

struct CountyReport {
    Date from;
    Date to;
    std::vector<SchoolReport> schools;
    int classes = 0;
    int classesOverHomeworkCap = 0;
    int teachers = 0;
    int teachersOnTrack360 = 0;
};

CountyReport buildCountyReport(Storage& storage, const Date& from, const Date& to,
                               const std::optional<std::string>& schoolCode, const Date& today);

nlohmann::json reportToJson(const CountyReport& report);
// One row per school, then a "county" summary row.
void writeReportCsv(const CountyReport& report, std::ostream& out);

}  // namespace taizhang::server
