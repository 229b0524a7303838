#pragma once
// A plausible demo school for the README's run command, the Qt client's first start, tests and
// benchmarks: a nine-year school (九年一贯制) with classes, teachers, a term calendar, timetables,
// daily homework / sleep / activity up to a given day and teacher training. Deterministic for a
// given seed. The data is deliberately imperfect so that the policy checks find something:
//   - 五年级1班: a few days of written homework over the 60-minute cap (with a reason recorded);
//   - 二年级1班: a few days of written homework at home (G1-2 must have none);
//   - 八年级1班: average sleep slightly below 9 h;
//   - 四年级1班: only 2 PE lessons a week in its timetable (one given to maths);
//   - one teacher far behind on the 360 学时 of the 5-year cycle; one teacher in the probation year.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clock.h"
#include "database.h"
#include "record_store.h"
#include "school.h"

namespace taizhang {

struct DemoOptions {
    int classes = 15;           // spread over grades 1-9, lower grades first
    int schoolYears = 1;        // 1 = the 2026-2027 autumn term only; N adds N-1 earlier full years
    std::optional<Date> today;  // daily data up to this day; default: today clamped into the term
    std::uint64_t seed = 20260901;
    bool flaws = true;          // the deliberate findings listed above
    std::string author = "demo";
};

struct DemoSummary {
    SchoolProfile school;
    Date today;
    std::string currentTermId;
    std::map<std::string, std::string> classIds;    // name -> id
    std::map<std::string, std::string> teacherIds;  // name -> id
    std::map<std::string, std::size_t> counts;      // kind name -> records written
    // Names of the classes / teachers carrying each deliberate flaw (empty if not generated).
    std::string overCapClass, writtenAtHomeClass, shortSleepClass, shortPeClass;
    std::string behindTrainingTeacher, probationTeacher;
};

// Writes a batch of new records all-or-nothing and returns them with their ids. The default
// (empty) sink writes through RecordStore::createMany; the CLI passes Ledger::saveMany so that
// the demo data goes through validation like everything a user types.
using RecordSink = std::function<std::vector<Record>(const std::vector<NewRecord>&)>;

// The demo school's profile (also used when `init --demo` is given no school options).
SchoolProfile demoSchoolProfile();
Date demoTermStart();  // 2026-09-01
Date demoTermEnd();    // 2027-01-15

// Fills an empty database: saves the school profile, then writes reference data and daily data
// in a few all-or-nothing batches (reference data first, since daily records name its ids).
DemoSummary createDemoSchool(Database& db, const Clock& clock, const DemoOptions& options = {},
                             RecordSink sink = {});

}  // namespace taizhang
