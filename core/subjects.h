#pragma once
// The subject catalogue of the 义务教育课程方案 (2022年版), plus local and school-based courses.
// Codes are stable ASCII identifiers used in records; names are for display.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

struct SubjectInfo {
    std::string code;       // "math"
    std::string nameZh;     // "数学"
    std::string nameEn;     // "Mathematics"
    std::string category;   // "national" | "local" | "school_based"
    int firstGrade = 1;     // grades in which the 2022 plan schedules it
    int lastGrade = 9;
    std::string shareGroup; // the 9-year share band it counts toward (policy-rules.md)
};

// The national catalogue, in display order.
const std::vector<SubjectInfo>& nationalSubjects();
std::optional<SubjectInfo> findNationalSubject(std::string_view code);
// The subjects a class of this grade takes by default under the 2022 plan.
std::vector<std::string> defaultSubjectsForGrade(int grade);
// Custom courses are coded "local:<slug>" (地方课程) or "school:<slug>" (校本课程).
bool isCustomSubjectCode(std::string_view code);

}  // namespace taizhang
