#include "subjects.h"

#include "typed_text.h"

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

const std::vector<std::pair<std::string, std::string>>& subjectWords()
{
    // Names seen in school staff lists, timetables and older curricula (品德与生活 / 品德与社会 /
    // 思想品德 before 2016, 信息技术 before 2022), mapped to the 2022 catalogue.
    static const std::vector<std::pair<std::string, std::string>> words{
        {"道法", "moral"},          {"品德", "moral"},           {"思品", "moral"},
        {"思想品德", "moral"},      {"品德与生活", "moral"},     {"品德与社会", "moral"},
        {"道德与法制", "moral"},    {"政治", "moral"},           {"英语", "foreign_language"},
        {"日语", "foreign_language"}, {"俄语", "foreign_language"}, {"English", "foreign_language"},
        {"Maths", "math"},           {"Math", "math"},
        {"生物", "biology"},        {"信息技术", "it"},          {"信息", "it"},
        {"信息科学", "it"},         {"计算机", "it"},            {"IT", "it"},
        {"体育", "pe"},             {"体健", "pe"},
        {"PE", "pe"},               {"Art", "fine_art"},
        {"劳技", "labour"},         {"劳动技术", "labour"},      {"劳动教育", "labour"},
        {"综合实践", "practice"},   {"综实", "practice"},        {"地方", "local"},
        {"校本", "school_based"},
    };
    return words;
}

std::optional<std::string> subjectCodeFromWord(std::string_view word)
{
    const std::string w = normaliseTyped(word);
    if (w.empty()) return std::nullopt;
    auto lower = [](std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return s;
    };
    const std::string wl = lower(w);
    for (const auto& s : nationalSubjects())
        if (s.code == wl || s.nameZh == w || lower(s.nameEn) == wl) return s.code;
    for (const auto& [alias, code] : subjectWords())
        if (alias == w || lower(alias) == wl) return code;
    return std::nullopt;
}

bool isCustomSubjectCode(std::string_view code)
{
    auto hasPrefix = [&](std::string_view p) { return code.size() > p.size() && code.substr(0, p.size()) == p; };
    return hasPrefix("local:") || hasPrefix("school:");
}

}  // namespace taizhang
