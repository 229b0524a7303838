// School years (issue 11): a class's grade and name are valid from a date, the calendar knows
// 调休 working weekend days, teachers leave and rejoin with dates. History keeps its meaning.
#include <gtest/gtest.h>

#include "ledger.h"
#include "policy.h"
#include "school.h"
#include "temp_dir.h"
#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
// 二年级1班, promoted to 三年级1班 on 2027-09-01.
SchoolClass promotedClass()
{
    SchoolClass c = makeClass(2, 40, "二年级1班");
    changeClassFrom(c, d("2027-09-01"), 3, "三年级1班", defaultSubjectsForGrade(3));
    return c;
}

struct YearsPolicy : ::testing::Test {
    PolicyDataset data;
    YearsPolicy()
    {
        data.classes["c"] = promotedClass();
        data.terms["t1"] = autumnTerm2026();
        data.terms["t2"] = term("2027-2028学年第一学期", "2027-09-01", "2028-01-20");
    }
    void add(const Homework& h) { data.homework.push_back({"hw" + std::to_string(data.homework.size()), h}); }
};
}  // namespace

TEST(ClassPeriods, GIVEN_a_change_from_a_date_WHEN_asked_THEN_days_before_keep_old_grade_and_name)
{
    const SchoolClass c = promotedClass();
    EXPECT_EQ(c.gradeOn(d("2027-08-31")), 2);
    EXPECT_EQ(c.nameOn(d("2027-08-31")), "二年级1班");
    EXPECT_EQ(c.gradeOn(d("2027-09-01")), 3);
    EXPECT_EQ(c.nameOn(d("2027-09-01")), "三年级1班");
    EXPECT_EQ(c.subjectsOn(d("2026-10-01")), defaultSubjectsForGrade(2));
    EXPECT_EQ(c.grade, 3);
}

TEST(ClassPeriods, GIVEN_two_promotions_and_a_correction_WHEN_changed_THEN_no_day_before_the_correction_moves)
{
    SchoolClass c = promotedClass();
    changeClassFrom(c, d("2028-09-01"), 4, "四年级1班", {});
    // A correction from 2028-03-01 (the class was renamed mid-year): 2027-09-01..2028-02-29 keep grade 3.
    changeClassFrom(c, d("2028-03-01"), 3, "三年级(1)班", {});
    EXPECT_EQ(c.gradeOn(d("2027-08-31")), 2);
    EXPECT_EQ(c.nameOn(d("2028-02-29")), "三年级1班");
    EXPECT_EQ(c.nameOn(d("2028-03-01")), "三年级(1)班");
    EXPECT_EQ(c.gradeOn(d("2028-09-02")), 3);  // the planned 2028 promotion was replaced
    ASSERT_EQ(c.history.size(), 2u);
    EXPECT_TRUE(validateShape(Kind::SchoolClass, Json(c)).empty());
    // Round trip keeps the periods.
    EXPECT_EQ(Json(c).get<SchoolClass>().history, c.history);
}

TEST_F(YearsPolicy, GIVEN_class_promoted_2027_09_01_WHEN_checked_THEN_2026_2027_findings_keep_grade_2_rules_and_new_days_get_grade_3)
{
    add(homework("c", "2026-11-20", "chinese", 20));  // grade 2: no written homework at home
    add(homework("c", "2027-09-15", "chinese", 50));  // grade 3: 50 <= 60, fine
    add(homework("c", "2027-09-16", "chinese", 70));  // grade 3: over 60
    const auto all = runPolicyChecks(data, d("2026-09-01"), d("2028-01-20"));
    const auto g12 = withRule(all, "homework.g1_2_written_at_home");
    ASSERT_EQ(g12.size(), 1u);
    EXPECT_EQ(g12[0].date, d("2026-11-20"));
    EXPECT_NE(g12[0].messageZh.find("二年级1班"), std::string::npos) << g12[0].messageZh;
    const auto g36 = withRule(all, "homework.g3_6_cap");
    ASSERT_EQ(g36.size(), 1u);
    EXPECT_EQ(g36[0].date, d("2027-09-16"));
    EXPECT_NE(g36[0].messageZh.find("三年级1班"), std::string::npos) << g36[0].messageZh;
}

TEST_F(YearsPolicy, GIVEN_promoted_class_WHEN_old_term_timetable_checked_THEN_grade_2_weekly_total_applies)
{
    // 26 lessons a week is right for grade 2 (and 4 below grade 3's 30).
    const std::vector<std::string> subjects{"chinese", "math", "moral", "pe", "music", "fine_art", "labour", "practice"};
    int n = 0;
    for (int day = 1; day <= 5; ++day)
        for (int period = 1; period <= 6 && n < 26; ++period, ++n) {
            TimetableSlot s{"c", "t1", day, period, subjects[static_cast<std::size_t>(n) % subjects.size()], ""};
            if (n < 4) s.subject = "pe";
            data.timetable.push_back({"slot" + std::to_string(n), s});
        }
    const auto all = runPolicyChecks(data, d("2026-09-01"), d("2027-01-15"));
    EXPECT_TRUE(withRule(all, "timetable.weekly_total").empty());
}

TEST_F(YearsPolicy, GIVEN_draft_timetable_copied_into_new_year_WHEN_checked_THEN_not_judged_until_confirmed)
{
    TimetableSlot s{"c", "t2", 1, 1, "math", ""};
    s.draft = true;
    data.timetable.push_back({"slot", s});
    EXPECT_TRUE(withRule(runPolicyChecks(data, d("2027-09-01"), d("2027-09-30")), "timetable.weekly_total").empty());
    data.timetable[0].value.draft = false;
    EXPECT_EQ(withRule(runPolicyChecks(data, d("2027-09-01"), d("2027-09-30")), "timetable.weekly_total").size(), 1u);
}

// ---- 调休 ------------------------------------------------------------------------------------

TEST(Calendar, GIVEN_tiaoxiu_saturday_WHEN_asked_THEN_school_day_and_plain_saturday_not)
{
    Term t = autumnTerm2026();
    t.workdays.push_back(d("2026-09-26"));  // Saturday before 国庆 made a working day
    const SchoolCalendar cal({{"t", t}});
    EXPECT_TRUE(cal.isSchoolDay(d("2026-09-26")));
    EXPECT_TRUE(cal.isMakeUpWorkday(d("2026-09-26")));
    EXPECT_FALSE(cal.isSchoolDay(d("2026-09-19")));
    EXPECT_FALSE(cal.isSchoolDay(d("2026-10-02")));  // holiday
}

TEST(Calendar, GIVEN_tiaoxiu_saturday_WHEN_homework_over_cap_THEN_finding_while_plain_saturday_has_none)
{
    PolicyDataset data;
    data.classes["c3"] = makeClass(3);
    Term t = autumnTerm2026();
    t.workdays.push_back(d("2026-09-26"));
    data.terms["t"] = t;
    data.homework.push_back({"a", homework("c3", "2026-09-26", "math", 70)});
    data.homework.push_back({"b", homework("c3", "2026-09-19", "math", 70)});
    const auto f = withRule(runPolicyChecks(data, d("2026-09-01"), d("2026-09-30")), "homework.g3_6_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].date, d("2026-09-26"));
}

TEST(Calendar, GIVEN_workday_on_a_weekday_or_outside_term_WHEN_validated_THEN_refused)
{
    Term t = autumnTerm2026();
    t.workdays = {d("2026-09-25"), d("2027-02-06")};
    ValidationContext ctx;
    const auto issues = validateBody(Kind::Term, Json(t), ctx);
    EXPECT_TRUE(hasCode(issues, "term.workday_not_weekend"));
    EXPECT_TRUE(hasCode(issues, "term.workday_outside_term"));
}

TEST(Calendar, GIVEN_homework_on_tiaoxiu_saturday_WHEN_validated_THEN_no_weekend_warning)
{
    ValidationContext ctx;
    Term t = autumnTerm2026();
    t.workdays.push_back(d("2026-09-26"));
    ctx.terms["t"] = t;
    ctx.classes["c3"] = makeClass(3);
    EXPECT_FALSE(hasCode(validateBody(Kind::Homework, Json(homework("c3", "2026-09-26", "math", 30)), ctx),
                         "homework.date_weekend"));
    EXPECT_TRUE(hasCode(validateBody(Kind::Homework, Json(homework("c3", "2026-09-19", "math", 30)), ctx),
                        "homework.date_weekend"));
}

// ---- Teachers come and go -------------------------------------------------------------------------

TEST(Teachers, GIVEN_teacher_left_on_a_day_WHEN_training_checked_THEN_in_the_rate_before_and_out_from_that_day)
{
    PolicyDataset data;
    Teacher t = teacher("王丽", "2015-09-01");
    t.away.push_back(AwayPeriod{d("2027-03-01"), std::nullopt, "left"});
    data.teachers["t"] = t;  // no training at all: a finding whenever counted
    EXPECT_EQ(withRule(checkTraining(data, d("2027-02-28"), {}), "training.cycle_hours").size(), 1u);
    EXPECT_TRUE(withRule(checkTraining(data, d("2027-03-01"), {}), "training.cycle_hours").empty());
    // Rejoined on 2027-06-01: counted again, with the same (own) training window.
    data.teachers["t"].away[0].until = d("2027-05-31");
    EXPECT_TRUE(withRule(checkTraining(data, d("2027-05-31"), {}), "training.cycle_hours").empty());
    EXPECT_EQ(withRule(checkTraining(data, d("2027-06-01"), {}), "training.cycle_hours").size(), 1u);
}

TEST(Teachers, GIVEN_away_periods_out_of_order_or_unknown_reason_WHEN_validated_THEN_refused)
{
    Teacher t = teacher("王丽", "2015-09-01");
    t.away = {AwayPeriod{d("2027-03-01"), std::nullopt, "left"}, AwayPeriod{d("2027-05-01"), std::nullopt, "fired"}};
    ValidationContext ctx;
    const auto issues = validateBody(Kind::Teacher, Json(t), ctx);
    EXPECT_TRUE(hasCode(issues, "teacher.away_overlaps"));
    EXPECT_TRUE(hasCode(issues, "teacher.away_reason_unknown"));
}

// ---- The Ledger never re-judges the past ------------------------------------------------------------

namespace {
struct YearsLedger : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(d("2027-09-01"))};
    Database db = Database::open(dir.file("school.db"));
    Ledger ledger{db, clock};
    ChangeContext ctx{"user-1", "device-1", ""};
    std::string classId;

    YearsLedger()
    {
        {
            auto tx = db.beginWrite();
            saveSchoolProfile(db, SchoolProfile{"2111000123", "示范学校", "110105", "primary", kChinaUtcOffsetMinutes});
            tx.commit();
        }
        EXPECT_TRUE(ledger.save(Kind::Term, autumnTerm2026(), ctx).ok());
        EXPECT_TRUE(ledger.save(Kind::Term, term("2027-2028学年第一学期", "2027-09-01", "2028-01-20"), ctx).ok());
        auto r = ledger.save(Kind::SchoolClass, makeClass(2, 40, "二年级1班"), ctx);
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        classId = r.record->meta.id;
    }
};
}  // namespace

TEST_F(YearsLedger, GIVEN_grade_edited_without_a_date_WHEN_saved_THEN_applies_from_today_and_past_days_keep_grade_2)
{
    const auto before = ledger.store().find(classId);
    Json body = before->body;
    body["grade"] = 3;
    body["name"] = "三年级1班";
    auto r = ledger.update(classId, body, before->meta.version, ctx);
    ASSERT_TRUE(r.ok()) << describeIssues(r.issues);
    const auto c = r.record->body.get<SchoolClass>();
    EXPECT_EQ(c.gradeOn(d("2027-08-31")), 2);
    EXPECT_EQ(c.gradeOn(d("2027-09-01")), 3);
    // A past grade-2 day is still grade 2 for the Ledger: written homework at home needs a reason.
    const auto past = ledger.save(Kind::Homework, homework(classId, "2026-11-20", "chinese", 20), ctx);
    EXPECT_TRUE(hasCode(past.issues, "homework.over_cap_reason_required"));
    // Today (grade 3): 20 minutes are fine.
    EXPECT_TRUE(ledger.save(Kind::Homework, homework(classId, "2027-09-01", "chinese", 20), ctx).ok());
}

TEST_F(YearsLedger, GIVEN_archived_class_WHEN_record_dated_on_or_after_archive_day_THEN_refused_before_accepted)
{
    const auto before = ledger.store().find(classId);
    Json body = before->body;
    body["archived_from"] = "2027-09-01";
    ASSERT_TRUE(ledger.update(classId, body, before->meta.version, ctx).ok());
    EXPECT_TRUE(hasCode(ledger.save(Kind::Homework, homework(classId, "2027-09-01", "chinese", 0), ctx).issues,
                        "homework.class_archived"));
    EXPECT_TRUE(ledger.save(Kind::Homework, homework(classId, "2026-11-20", "chinese", 0), ctx).ok());
    // Its name is free for the class that moves up into it.
    EXPECT_TRUE(ledger.save(Kind::SchoolClass, makeClass(2, 40, "二年级1班"), ctx).ok());
}

// ---- 作息时间: the morning start ------------------------------------------------------------------

TEST(MorningStart, GIVEN_term_first_lessons_WHEN_checked_THEN_earlier_than_0820_primary_or_0800_junior_is_a_soft_finding)
{
    PolicyDataset data;
    data.school = SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes};
    Term t = autumnTerm2026();
    t.primaryFirstLesson = "08:10";  // before 08:20
    t.juniorFirstLesson = "08:00";   // exactly the junior limit: fine
    data.terms["t"] = t;
    const auto f = withRule(runPolicyChecks(data, d("2026-09-01"), d("2026-09-30")), "sleep.morning_start");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Soft) << "一般: a warning, never a refusal";
    EXPECT_EQ(f[0].scopeKind, "school");
    EXPECT_EQ(f[0].actual, "08:10");
    EXPECT_EQ(f[0].expected, ">= 08:20");
    EXPECT_EQ(f[0].termId, "t");
    data.terms["t"].juniorFirstLesson = "07:50";
    data.terms["t"].primaryFirstLesson = "08:20";
    const auto g = withRule(runPolicyChecks(data, d("2026-09-01"), d("2026-09-30")), "sleep.morning_start");
    ASSERT_EQ(g.size(), 1u);
    EXPECT_EQ(g[0].expected, ">= 08:00");
    // A primary school has no junior section to check.
    data.school->type = "primary";
    EXPECT_TRUE(withRule(runPolicyChecks(data, d("2026-09-01"), d("2026-09-30")), "sleep.morning_start").empty());
}

TEST(MorningStart, GIVEN_first_lesson_not_a_time_WHEN_term_validated_THEN_refused)
{
    Term t = autumnTerm2026();
    t.primaryFirstLesson = "8:20";
    ValidationContext ctx;
    EXPECT_TRUE(hasCode(validateBody(Kind::Term, Json(t), ctx), "term.first_lesson_invalid"));
    t.primaryFirstLesson = "08:20";
    EXPECT_FALSE(hasCode(validateBody(Kind::Term, Json(t), ctx), "term.first_lesson_invalid"));
}
