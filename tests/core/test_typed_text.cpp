// The words and figures people type, read the same by the CLI, CSV import and the client's forms.
#include <gtest/gtest.h>

#include <sstream>

#include "csv.h"
#include "subjects.h"
#include "typed_text.h"

using namespace taizhang;

TEST(TypedText, GIVEN_full_width_digits_from_a_chinese_input_method_WHEN_read_as_numbers_THEN_same_as_ascii)
{
    EXPECT_EQ(parseTypedInteger("３０"), 30);
    EXPECT_EQ(parseTypedInteger("　３０ "), 30);  // ideographic space around it
    EXPECT_EQ(parseTypedInteger("30"), 30);
    EXPECT_EQ(parseTypedInteger("－５"), -5);
    EXPECT_EQ(parseTypedDecimal("９．５"), 9.5);
    EXPECT_EQ(parseTypedDecimal("10"), 10.0);
    EXPECT_FALSE(parseTypedInteger("30分"));
    EXPECT_FALSE(parseTypedInteger("3.5"));
    EXPECT_FALSE(parseTypedInteger(""));
    EXPECT_FALSE(parseTypedInteger("-"));
    EXPECT_FALSE(parseTypedDecimal("9.5.1"));
    EXPECT_FALSE(parseTypedDecimal("."));
    EXPECT_EQ(foldFullWidth("ＡＢｃ（Ｔ０１）"), "ABc(T01)");
    EXPECT_EQ(foldFullWidth("数学"), "数学");  // other CJK untouched
}

TEST(TypedText, GIVEN_dates_written_the_ways_people_write_them_WHEN_parsed_THEN_all_are_the_same_day)
{
    const Date want{2026, 9, 1};
    for (const char* text : {"2026-09-01", "2026-9-1", "2026/9/1", "2026/09/01", "2026.9.1", "2026年9月1日",
                             "2026年09月01日", "2026年9月1号", "2026年9月1", "２０２６年９月１日", "２０２６－０９－０１",
                             " 2026/9/1 "})
        EXPECT_EQ(parseTypedDate(text), want) << text;
    for (const char* text : {"2026-02-30", "2026/9-1", "26/9/1", "2026年9月", "9月1日", "2026-9-1日", "2026--9-1",
                             "2026-9-1-", "2026-123-1", "", "tomorrow"})
        EXPECT_FALSE(parseTypedDate(text)) << text;
}

TEST(SubjectWords, GIVEN_common_subject_names_WHEN_mapped_THEN_the_2022_catalogue_code)
{
    const std::vector<std::pair<const char*, const char*>> cases{
        {"英语", "foreign_language"}, {"外语", "foreign_language"}, {"English", "foreign_language"},
        {"体育", "pe"},               {"体育与健康", "pe"},         {"ＰＥ", "pe"},
        {"信息技术", "it"},           {"信息科技", "it"},           {"道法", "moral"},
        {"品德", "moral"},            {"思品", "moral"},            {"道德与法治", "moral"},
        {"生物", "biology"},          {"综合实践", "practice"},     {"数学", "math"},
        {"math", "math"},             {" 语文 ", "chinese"},        {"MATHEMATICS", "math"},
    };
    for (const auto& [word, code] : cases) EXPECT_EQ(subjectCodeFromWord(word), std::string(code)) << word;
    EXPECT_FALSE(subjectCodeFromWord("书法"));
    EXPECT_FALSE(subjectCodeFromWord(""));
    for (const auto& [word, code] : subjectWords()) EXPECT_TRUE(findNationalSubject(code)) << word;
}

TEST(CsvFormulaGuard, GIVEN_cells_excel_would_run_WHEN_written_THEN_guarded_and_read_back_unchanged)
{
    const std::vector<std::string> values{"=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1",
                                          "\r=1", "'=already", "''@two", "plain", "-5", "+3.5", "-", "", "'",
                                          "'quoted text", "数学练习 = 30 分钟"};
    std::ostringstream out;
    CsvWriter w(out, false);
    w.row(values);
    const std::string text = out.str();
    EXPECT_NE(text.find("'=HYPERLINK"), std::string::npos) << text;
    EXPECT_NE(text.find("'+1+1"), std::string::npos) << text;
    EXPECT_NE(text.find("'@SUM"), std::string::npos) << text;
    EXPECT_NE(text.find(",-5,+3.5,-,"), std::string::npos) << text;  // numbers stay numbers
    // No cell of the file starts with a formula character.
    const auto doc = parseCsv(text);
    ASSERT_TRUE(doc.problems.empty());
    ASSERT_EQ(doc.rows.size(), 1u);
    EXPECT_EQ(doc.rows[0].fields, values);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_TRUE(csvNeedsFormulaGuard(values[i])) << values[i];
    EXPECT_EQ(csvGuardFormula("=1"), "'=1");
    EXPECT_EQ(csvUnguardFormula("'=1"), "=1");
    EXPECT_EQ(csvUnguardFormula("'plain"), "'plain");
}
