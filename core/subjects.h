#pragma once
// The subject catalogue of the 义务教育课程方案 (2022年版), plus local and school-based courses.
// Codes are stable ASCII identifiers used in records; names are for display.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
// The catalogue code for a word people type: the code itself ("math"), the catalogue name
// (数学, 外语), the English name (any case), or a common short or older name: 英语 / 日语 / 俄语 ->
// 外语, 体育 -> 体育与健康, 道法 / 品德 / 思品 -> 道德与法治, 信息技术 -> 信息科技, 生物 -> 生物学, ...
// (subjectWords() lists them). Full-width letters and surrounding spaces are ignored. nullopt for
// anything else; custom courses (local:/school:) are not in the catalogue and are left to the caller.
std::optional<std::string> subjectCodeFromWord(std::string_view word);
// Every accepted short or older name with its code, in catalogue order (for docs and hints).
const std::vector<std::pair<std::string, std::string>>& subjectWords();
// Custom courses are coded "local:<slug>" (地方课程) or "school:<slug>" (校本课程).
bool isCustomSubjectCode(std::string_view code);

}  // namespace taizhang
