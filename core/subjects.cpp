#include "subjects.h"

namespace taizhang {

const std::vector<SubjectInfo>& nationalSubjects()
{
    // Grade ranges follow the 2022 plan: 外语 from G3, 信息科技 G3-8 as its own subject,
    // 历史/地理 G7-9, 物理 G8-9, 化学 G9, 生物学 G7-8 (science G1-6).
    static const std::vector<SubjectInfo> subjects{
        {"moral", "道德与法治", "Morality and Law", "national", 1, 9, "moral"},
        {"chinese", "语文", "Chinese", "national", 1, 9, "chinese"},
        {"math", "数学", "Mathematics", "national", 1, 9, "math"},
        {"foreign_language", "外语", "Foreign language", "national", 3, 9, "foreign_language"},
        {"history", "历史", "History", "national", 7, 9, "history_geography"},
        {"geography", "地理", "Geography", "national", 7, 8, "history_geography"},
        {"science", "科学", "Science", "national", 1, 6, "science"},
        {"physics", "物理", "Physics", "national", 8, 9, "science"},
        {"chemistry", "化学", "Chemistry", "national", 9, 9, "science"},
        {"biology", "生物学", "Biology", "national", 7, 8, "science"},
        {"it", "信息科技", "Information technology", "national", 3, 8, "it"},
        {"pe", "体育与健康", "PE and health", "national", 1, 9, "pe"},
        {"music", "音乐", "Music", "national", 1, 9, "art"},
        {"fine_art", "美术", "Fine art", "national", 1, 9, "art"},
        {"labour", "劳动", "Labour", "national", 1, 9, "labour_practice"},
        {"practice", "综合实践活动", "Integrated practice", "national", 1, 9, "labour_practice"},
        {"local", "地方课程", "Local curriculum", "local", 1, 9, "labour_practice"},
        {"school_based", "校本课程", "School-based curriculum", "school_based", 1, 9, "labour_practice"},
    };
    return subjects;
}

std::optional<SubjectInfo> findNationalSubject(std::string_view code)
{
    for (const auto& s : nationalSubjects())
        if (s.code == code) return s;
    return std::nullopt;
}

std::vector<std::string> defaultSubjectsForGrade(int grade)
{
    std::vector<std::string> out;
    for (const auto& s : nationalSubjects())
        if (grade >= s.firstGrade && grade <= s.lastGrade) out.push_back(s.code);
    return out;
}

bool isCustomSubjectCode(std::string_view code)
{
    auto hasPrefix = [&](std::string_view p) { return code.size() > p.size() && code.substr(0, p.size()) == p; };
    return hasPrefix("local:") || hasPrefix("school:");
}

}  // namespace taizhang
