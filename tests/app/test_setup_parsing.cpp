// Parsing what administrators type or paste into the first-run wizard.
#include <gtest/gtest.h>

#include "qt_convert.h"
#include "setup_parsing.h"

namespace taizhang::testing {
namespace {

TEST(SetupParsing, GIVEN_grade_ranges_WHEN_parsed_THEN_one_class_per_number_with_students)
{
    auto r = parseClassSpec("三年级 1-6 班 45\n初一 1-2班\n", 40);
    ASSERT_TRUE(r.errors.empty());
    ASSERT_EQ(r.classes.size(), 8u);
    EXPECT_EQ(r.classes[0].name, "三年级1班");
    EXPECT_EQ(r.classes[0].grade, 3);
    EXPECT_EQ(r.classes[0].students, 45);
    EXPECT_EQ(r.classes[6].name, "七年级1班");
    EXPECT_EQ(r.classes[6].students, 40);
}

TEST(SetupParsing, GIVEN_a_line_it_cannot_read_WHEN_parsed_THEN_the_line_number_is_named)
{
    auto r = parseClassSpec("三年级 1-6 班\n高一 1-3 班", 45);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, 2);
    EXPECT_TRUE(r.errors[0].error.startsWith("第 2 行"));
}

TEST(SetupParsing, GIVEN_an_excel_paste_WHEN_parsed_THEN_header_skipped_subjects_and_dates_read)
{
    auto r = parseTeacherPaste("姓名\t工号\t学科\t入职日期\r\n王芳\tT001\t语文、道法\t2010/09/01\r\n李强\tT002\t数学\t\r\n");
    ASSERT_TRUE(r.errors.empty()) << ss(r.errors[0].error);
    ASSERT_EQ(r.teachers.size(), 2u);
    EXPECT_EQ(r.teachers[0].subjects, (std::vector<std::string>{"chinese", "moral"}));
    EXPECT_EQ(r.teachers[0].hireDate, (Date{2010, 9, 1}));
}

TEST(SetupParsing, GIVEN_an_unknown_subject_or_duplicate_number_WHEN_parsed_THEN_refused_with_reason)
{
    auto r = parseTeacherPaste("王芳\tT001\t书法\n李强\tT002\t数学\n张敏\tT002\t英语");
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].error, "第 1 行：不认识的学科“书法”");
    EXPECT_EQ(r.errors[1].error, "第 3 行：工号 T002 重复");
}

}  // namespace
}  // namespace taizhang::testing
