#include <gtest/gtest.h>

#include "test_policy_helpers.h"
#include "validation.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct ValidationFixture : ::testing::Test {
    ValidationContext ctx;
    ValidationFixture()
    {
        ctx.school = SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes};
        ctx.classes["c2"] = makeClass(2, 40);
        ctx.classes["c3"] = makeClass(3, 40);
        ctx.classes["c7"] = makeClass(7, 45);
        ctx.teachers["t1"] = teacher("王老师", "2015-09-01");
        ctx.terms["term1"] = autumnTerm2026();
        ctx.customSubjects["school:calligraphy"] = CustomSubject{"school:calligraphy", "书法", "school_based"};
        ctx.today = d("2026-11-20");
    }
    std::vector<ValidationIssue> check(Kind kind, const Json& body) { return validateBody(kind, body, ctx); }
};

Json hw(int minutes, const char* date = "2026-11-20", const char* subject = "math", const char* klass = "c3")
{
    return homework(klass, date, subject, minutes);
}
}  // namespace

// ---- Shape -----------------------------------------------------------------------------------

TEST_F(ValidationFixture, GIVEN_valid_homework_WHEN_validated_THEN_no_issues)
{
    EXPECT_TRUE(check(Kind::Homework, hw(30)).empty()) << describeIssues(check(Kind::Homework, hw(30)));
}

TEST_F(ValidationFixture, GIVEN_minutes_as_string_WHEN_validated_THEN_wrong_type_on_that_field)
{
    Json body = hw(30);
    body["minutes"] = "30";
    const auto issues = check(Kind::Homework, body);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "body.wrong_type");
    EXPECT_EQ(issues[0].field, "minutes");
    EXPECT_FALSE(issues[0].messageZh.empty());
}

TEST_F(ValidationFixture, GIVEN_fractional_minutes_WHEN_validated_THEN_wrong_type)
{
    Json body = hw(30);
    body["minutes"] = 30.5;
    EXPECT_TRUE(hasCode(check(Kind::Homework, body), "body.wrong_type"));
}

TEST_F(ValidationFixture, GIVEN_unknown_field_WHEN_validated_THEN_refused_by_name)
{
    Json body = hw(30);
    body["minutess"] = 30;
    const auto issues = check(Kind::Homework, body);
    const auto* issue = findCode(issues, "body.unknown_field");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->field, "minutess");
}

TEST_F(ValidationFixture, GIVEN_missing_required_field_WHEN_validated_THEN_missing_field)
{
    Json body = hw(30);
    body.erase("subject");
    const auto issues = check(Kind::Homework, body);
    const auto* issue = findCode(issues, "body.missing_field");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->field, "subject");
}

TEST_F(ValidationFixture, GIVEN_bad_date_text_or_non_object_body_WHEN_validated_THEN_refused)
{
    Json body = hw(30);
    body["date"] = "2026-02-30";
    EXPECT_TRUE(hasCode(check(Kind::Homework, body), "body.wrong_type"));
    EXPECT_TRUE(hasCode(check(Kind::Sleep, Json::array()), "body.not_object"));
    Json term = autumnTerm2026();
    term["holidays"][0]["colour"] = "red";
    EXPECT_TRUE(hasCode(check(Kind::Term, term), "body.wrong_type"));
}

TEST_F(ValidationFixture, GIVEN_tombstone_of_out_of_term_record_WHEN_validated_THEN_only_shape_checked)
{
    Record r;
    r.kind = Kind::Homework;
    r.meta.id = "x";
    r.meta.deleted = true;
    r.body = hw(30, "2026-08-01");
    EXPECT_TRUE(validateRecord(r, ctx).empty());
    r.meta.deleted = false;
    EXPECT_TRUE(hasCode(validateRecord(r, ctx), "homework.date_outside_term"));
}

// ---- Homework ----------------------------------------------------------------------------------

TEST_F(ValidationFixture, GIVEN_negative_or_absurd_minutes_WHEN_validated_THEN_stable_codes)
{
    EXPECT_TRUE(hasCode(check(Kind::Homework, hw(-1)), "homework.minutes_negative"));
    EXPECT_TRUE(check(Kind::Homework, hw(kMaxHomeworkMinutes)).empty());
    EXPECT_TRUE(hasCode(check(Kind::Homework, hw(kMaxHomeworkMinutes + 1)), "homework.minutes_absurd"));
}

TEST_F(ValidationFixture, GIVEN_date_outside_term_WHEN_validated_THEN_error)
{
    const auto issues = check(Kind::Homework, hw(30, "2026-08-31"));
    ASSERT_TRUE(hasCode(issues, "homework.date_outside_term"));
    EXPECT_TRUE(hasErrors(issues));
}

TEST_F(ValidationFixture, GIVEN_no_term_at_all_WHEN_validated_THEN_error_asks_for_calendar)
{
    ctx.terms.clear();
    const auto issues = check(Kind::Homework, hw(30));
    const auto* issue = findCode(issues, "homework.date_outside_term");
    ASSERT_NE(issue, nullptr);
    EXPECT_NE(issue->messageEn.find("no term"), std::string::npos);
}

TEST_F(ValidationFixture, GIVEN_date_in_holiday_or_weekend_WHEN_validated_THEN_warning_only)
{
    const auto holiday = check(Kind::Homework, hw(30, "2026-10-02"));
    ASSERT_TRUE(hasCode(holiday, "homework.date_in_holiday"));
    EXPECT_FALSE(hasErrors(holiday));
    const auto weekend = check(Kind::Homework, hw(30, "2026-11-15"));  // a Sunday
    ASSERT_TRUE(hasCode(weekend, "homework.date_weekend"));
    EXPECT_FALSE(hasErrors(weekend));
}

TEST_F(ValidationFixture, GIVEN_date_after_today_WHEN_validated_THEN_error_but_today_is_fine)
{
    EXPECT_TRUE(hasCode(check(Kind::Homework, hw(30, "2026-11-23")), "homework.date_in_future"));
    EXPECT_FALSE(hasCode(check(Kind::Homework, hw(30, "2026-11-20")), "homework.date_in_future"));
}

TEST_F(ValidationFixture, GIVEN_subject_the_class_does_not_take_WHEN_validated_THEN_error)
{
    EXPECT_TRUE(hasCode(check(Kind::Homework, hw(30, "2026-11-20", "history")), "homework.subject_not_taken"));
    EXPECT_TRUE(hasCode(check(Kind::Homework, hw(30, "2026-11-20", "klingon")), "homework.unknown_subject"));
}

TEST_F(ValidationFixture, GIVEN_custom_subject_WHEN_defined_THEN_allowed_else_unknown)
{
    EXPECT_TRUE(check(Kind::Homework, hw(20, "2026-11-20", "school:calligraphy")).empty());
    EXPECT_TRUE(hasCode(check(Kind::Homework, hw(20, "2026-11-20", "school:chess")), "homework.unknown_subject"));
}

TEST_F(ValidationFixture, GIVEN_unknown_class_or_teacher_WHEN_validated_THEN_errors_unless_references_off)
{
    Json body = hw(30, "2026-11-20", "math", "nope");
    body["teacher_id"] = "ghost";
    auto issues = check(Kind::Homework, body);
    EXPECT_TRUE(hasCode(issues, "homework.unknown_class"));
    EXPECT_TRUE(hasCode(issues, "homework.unknown_teacher"));
    ctx.checkReferences = false;
    issues = check(Kind::Homework, body);
    EXPECT_FALSE(hasErrors(issues)) << describeIssues(issues);
}

TEST_F(ValidationFixture, GIVEN_same_class_date_subject_exists_WHEN_validated_THEN_duplicate)
{
    const Json body = hw(30);
    ctx.findByKey = [&](const std::string& key) -> std::optional<std::string> {
        if (key == uniquenessKey(Kind::Homework, body)) return "existing-id";
        return std::nullopt;
    };
    EXPECT_TRUE(hasCode(validateBody(Kind::Homework, body, ctx, "new-id"), "homework.duplicate"));
    // Editing the record that holds the key is not a duplicate of itself.
    EXPECT_FALSE(hasCode(validateBody(Kind::Homework, body, ctx, "existing-id"), "homework.duplicate"));
}

// ---- Sleep ---------------------------------------------------------------------------------------

TEST_F(ValidationFixture, GIVEN_sleep_boundaries_WHEN_validated_THEN_stable_codes)
{
    EXPECT_TRUE(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 24.0, 40, 40)).size() == 1);  // implausible warning
    EXPECT_TRUE(hasCode(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 24.1)), "sleep.average_over_24h"));
    EXPECT_TRUE(hasCode(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", -0.5)), "sleep.average_negative"));
    EXPECT_TRUE(hasCode(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 9.5, 30, 31)),
                        "sleep.reaching_exceeds_surveyed"));
    EXPECT_FALSE(hasErrors(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 9.5, 30, 30))));
    EXPECT_TRUE(hasCode(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 9.5, 41, 20)), "sleep.surveyed_exceeds_students"));
    EXPECT_FALSE(hasErrors(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 9.5, 40, 20))));
    EXPECT_TRUE(hasCode(check(Kind::Sleep, sleepSurvey("c3", "2026-11-20", 9.5, 0, 0)), "sleep.surveyed_not_positive"));
}

// ---- Activity, timetable, training ------------------------------------------------------------------

TEST_F(ValidationFixture, GIVEN_activity_minutes_out_of_range_WHEN_validated_THEN_field_named)
{
    PhysicalActivity a;
    a.classId = "c3";
    a.date = d("2026-11-20");
    a.peLessonMinutes = -5;
    a.longBreakMinutes = 60;
    a.longBreakSessions = 2;
    const auto issues = check(Kind::Activity, a);
    const auto* issue = findCode(issues, "activity.minutes_negative");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->field, "pe_lesson_minutes");
    a.peLessonMinutes = 40;
    a.outOfSchoolMinutes = 721;
    EXPECT_TRUE(hasCode(check(Kind::Activity, a), "activity.minutes_absurd"));
    a.outOfSchoolMinutes = 60;
    EXPECT_TRUE(check(Kind::Activity, a).empty());
}

TEST_F(ValidationFixture, GIVEN_timetable_slot_WHEN_out_of_range_or_duplicate_THEN_refused)
{
    TimetableSlot s{"c3", "term1", 1, 1, "math", "t1"};
    EXPECT_TRUE(check(Kind::Timetable, s).empty());
    TimetableSlot bad = s;
    bad.weekday = 8;
    bad.period = 0;
    auto issues = check(Kind::Timetable, bad);
    EXPECT_TRUE(hasCode(issues, "timetable.weekday_out_of_range"));
    EXPECT_TRUE(hasCode(issues, "timetable.period_out_of_range"));
    bad = s;
    bad.termId = "nope";
    EXPECT_TRUE(hasCode(check(Kind::Timetable, bad), "timetable.unknown_term"));
    ctx.findByKey = [](const std::string& key) -> std::optional<std::string> {
        if (key == "timetable|c3|term1|1|1") return "other";
        return std::nullopt;
    };
    EXPECT_TRUE(hasCode(check(Kind::Timetable, s), "timetable.duplicate_slot"));
}

TEST_F(ValidationFixture, GIVEN_training_dates_and_hours_WHEN_validated_THEN_bounded_by_days)
{
    EXPECT_TRUE(check(Kind::Training, training("t1", "2026-11-16", "2026-11-17", 16)).empty());
    EXPECT_TRUE(hasCode(check(Kind::Training, training("t1", "2026-11-16", "2026-11-17", 16.5)),
                        "training.hours_exceed_dates"));
    EXPECT_TRUE(hasCode(check(Kind::Training, training("t1", "2026-11-17", "2026-11-16", 4)), "training.end_before_start"));
    EXPECT_TRUE(hasCode(check(Kind::Training, training("t1", "2026-11-16", "2026-11-16", 0)), "training.hours_not_positive"));
    EXPECT_TRUE(hasCode(check(Kind::Training, training("t1", "2026-11-21", "2026-11-21", 4)), "training.date_in_future"));
    EXPECT_TRUE(hasCode(check(Kind::Training, training("ghost", "2026-11-16", "2026-11-16", 4)), "training.unknown_teacher"));
    Json body = training("t1", "2026-11-16", "2026-11-16", 4);
    body["level"] = "galactic";
    EXPECT_TRUE(hasCode(check(Kind::Training, body), "training.level_unknown"));
}

// ---- Reference data ---------------------------------------------------------------------------------

TEST_F(ValidationFixture, GIVEN_class_grade_and_size_WHEN_validated_THEN_bounds_enforced)
{
    EXPECT_TRUE(hasCode(check(Kind::SchoolClass, makeClass(0)), "class.grade_out_of_range"));
    EXPECT_TRUE(hasCode(check(Kind::SchoolClass, makeClass(10)), "class.grade_out_of_range"));
    EXPECT_TRUE(check(Kind::SchoolClass, makeClass(9, 45)).empty());
    EXPECT_TRUE(hasCode(check(Kind::SchoolClass, makeClass(3, -1)), "class.students_negative"));
    EXPECT_TRUE(hasCode(check(Kind::SchoolClass, makeClass(3, 81)), "class.students_out_of_range"));
    const auto big = check(Kind::SchoolClass, makeClass(3, 46));
    EXPECT_TRUE(hasCode(big, "class.size_over_standard"));
    EXPECT_FALSE(hasErrors(big));
    ctx.school->type = "primary";
    EXPECT_TRUE(hasCode(check(Kind::SchoolClass, makeClass(7)), "class.grade_not_in_school"));
}

TEST_F(ValidationFixture, GIVEN_teacher_hired_tomorrow_WHEN_validated_THEN_error)
{
    EXPECT_TRUE(hasCode(check(Kind::Teacher, teacher("李老师", "2026-11-21")), "teacher.hire_date_in_future"));
    EXPECT_TRUE(check(Kind::Teacher, teacher("李老师", "2026-11-20")).empty());
}

TEST_F(ValidationFixture, GIVEN_term_with_bad_dates_WHEN_validated_THEN_refused)
{
    Term t = term("下学期", "2027-03-01", "2027-02-01");
    EXPECT_TRUE(hasCode(check(Kind::Term, t), "term.end_before_start"));
    t = term("重叠", "2027-01-10", "2027-02-01");
    EXPECT_TRUE(hasCode(check(Kind::Term, t), "term.overlaps"));
    t = term("下学期", "2027-02-20", "2027-07-01");
    t.holidays.push_back(Holiday{"劳动节", d("2027-07-05"), d("2027-07-06")});
    EXPECT_TRUE(hasCode(check(Kind::Term, t), "term.holiday_outside_term"));
}

TEST_F(ValidationFixture, GIVEN_custom_subject_codes_WHEN_validated_THEN_prefix_and_category_checked)
{
    EXPECT_TRUE(check(Kind::Subject, CustomSubject{"local:minnan", "闽南文化", "local"}).empty());
    EXPECT_TRUE(hasCode(check(Kind::Subject, CustomSubject{"minnan", "闽南文化", "local"}), "subject.code_not_custom"));
    EXPECT_TRUE(hasCode(check(Kind::Subject, CustomSubject{"local:minnan", "闽南文化", "school_based"}),
                        "subject.category_mismatch"));
}

TEST(SchoolProfileValidation, GIVEN_codes_WHEN_validated_THEN_10_and_6_digits_required)
{
    SchoolProfile p{"2111000123", "示范学校", "110105", "primary", kChinaUtcOffsetMinutes};
    EXPECT_TRUE(validateSchoolProfile(p).empty());
    p.code = "211100012";
    EXPECT_TRUE(hasCode(validateSchoolProfile(p), "school.code_invalid"));
    p.code = "21110001234";
    EXPECT_TRUE(hasCode(validateSchoolProfile(p), "school.code_invalid"));
    p.code = "21110001a3";
    EXPECT_TRUE(hasCode(validateSchoolProfile(p), "school.code_invalid"));
    p.code = "2111000123";
    p.countyCode = "11010";
    EXPECT_TRUE(hasCode(validateSchoolProfile(p), "school.county_code_invalid"));
    p.countyCode = "110100";  // a city, not a county
    EXPECT_TRUE(hasCode(validateSchoolProfile(p), "school.county_code_invalid"));
    p.countyCode = "110105";
    p.type = "high";
    EXPECT_TRUE(hasCode(validateSchoolProfile(p), "school.type_invalid"));
}

TEST(ShapeValidation, GIVEN_empty_body_of_each_kind_WHEN_validated_THEN_every_required_field_reported)
{
    const std::vector<std::pair<Kind, std::vector<std::string>>> required{
        {Kind::SchoolClass, {"grade", "name"}},
        {Kind::Teacher, {"name", "hire_date"}},
        {Kind::Term, {"name", "start", "end"}},
        {Kind::Subject, {"code", "name"}},
        {Kind::Homework, {"class_id", "date", "subject", "minutes"}},
        {Kind::Sleep, {"class_id", "date", "surveyed", "reaching_standard", "average_hours"}},
        {Kind::Activity, {"class_id", "date"}},
        {Kind::Timetable, {"class_id", "term_id", "weekday", "period", "subject"}},
        {Kind::Training, {"teacher_id", "start", "end", "title", "hours"}},
    };
    for (const auto& [kind, fields] : required) {
        const auto issues = validateShape(kind, Json::object());
        ASSERT_EQ(issues.size(), fields.size()) << kindName(kind);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            EXPECT_EQ(issues[i].code, "body.missing_field");
            EXPECT_EQ(issues[i].field, fields[i]) << kindName(kind);
        }
    }
}

TEST(ShapeValidation, GIVEN_bodies_written_by_to_json_WHEN_validated_THEN_shape_accepted)
{
    EXPECT_TRUE(validateShape(Kind::SchoolClass, makeClass(3)).empty());
    EXPECT_TRUE(validateShape(Kind::Teacher, teacher("王", "2015-09-01")).empty());
    EXPECT_TRUE(validateShape(Kind::Term, autumnTerm2026()).empty());
    EXPECT_TRUE(validateShape(Kind::Subject, CustomSubject{"school:x", "X", "school_based"}).empty());
    auto h = homework("c", "2026-11-20", "math", 10);
    h.overCapReason = "r";
    EXPECT_TRUE(validateShape(Kind::Homework, h).empty());
    EXPECT_TRUE(validateShape(Kind::Sleep, sleepSurvey("c", "2026-11-20", 9)).empty());
    EXPECT_TRUE(validateShape(Kind::Activity, PhysicalActivity{"c", d("2026-11-20"), 40, 60, 2, 30, 0}).empty());
    EXPECT_TRUE(validateShape(Kind::Timetable, TimetableSlot{"c", "t", 1, 1, "math", ""}).empty());
    EXPECT_TRUE(validateShape(Kind::Training, training("t", "2026-11-16", "2026-11-17", 8)).empty());
    // A JSON integer is a number too: 9 h of sleep may be written without a decimal point.
    Json sleep = sleepSurvey("c", "2026-11-20", 9);
    sleep["average_hours"] = 9;
    EXPECT_TRUE(validateShape(Kind::Sleep, sleep).empty());
    sleep["average_hours"] = true;
    EXPECT_TRUE(hasCode(validateShape(Kind::Sleep, sleep), "body.wrong_type"));
}

TEST(UniquenessKey, GIVEN_bodies_WHEN_keyed_THEN_documented_formats)
{
    EXPECT_EQ(uniquenessKey(Kind::Homework, homework("c1", "2026-11-20", "math", 10)), "homework|c1|2026-11-20|math");
    EXPECT_EQ(uniquenessKey(Kind::Sleep, sleepSurvey("c1", "2026-11-20", 9)), "sleep|c1|2026-11-20");
    EXPECT_EQ(uniquenessKey(Kind::Timetable, TimetableSlot{"c1", "t1", 2, 3, "math", ""}), "timetable|c1|t1|2|3");
    EXPECT_EQ(uniquenessKey(Kind::Teacher, teacher("王", "2015-09-01")), "teacher|T-王");
    EXPECT_EQ(uniquenessKey(Kind::Training, training("t", "2026-11-16", "2026-11-17", 8)), "");
    EXPECT_EQ(uniquenessKey(Kind::Homework, Json::array()), "");
}
