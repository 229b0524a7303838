// Defaults that must not push a user into an error: an unrecorded activity day starts empty
// (no made-up figures, no findings, nothing red); grades 1-2 rows do not start as written
// homework at home; a subject teacher's page counts the whole class's written total.
#include "client_fixture.h"
#include "compliance.h"
#include "daily_form.h"
#include "homework_entry_model.h"
#include "qt_convert.h"

namespace taizhang::testing {
namespace {

class FormDefaults : public ClientFixture {};

TEST_F(FormDefaults, GIVEN_a_day_without_an_activity_record_WHEN_the_form_opens_THEN_it_is_empty_without_findings_or_red)
{
    DailyForm form(*app);
    form.setKind("activity");
    form.setClassId(qs(app->classes().front().id));
    // A day in the term with no activity record (the journey day's next-but-far weekday is not
    // used: dates in the future are refused); find one.
    QString day;
    for (int back = 0; back < 60 && day.isEmpty(); ++back) {
        const Date d = Date{2026, 11, 20}.addDays(-back);
        if (app->store().query(RecordQuery{.kind = Kind::Activity, .from = d, .to = d, .classId = app->classes().front().id}).empty())
            day = qs(d);
    }
    ASSERT_FALSE(day.isEmpty());
    form.setDate(day);
    EXPECT_TRUE(form.fields().value("longBreakMinutes").toString().isEmpty());
    EXPECT_TRUE(form.findings().isEmpty());
    EXPECT_TRUE(form.errors().isEmpty()) << "red errors on a form nobody touched";
    EXPECT_FALSE(form.canSave());
    // Saving the untouched form points at something red.
    EXPECT_FALSE(form.save());
    EXPECT_EQ(form.status(), "请先改正标红的内容");
    EXPECT_FALSE(form.errors().isEmpty());
    // Typing clears the stale status line.
    form.set("peLessonMinutes", "40");
    EXPECT_TRUE(form.status().isEmpty());
}

TEST_F(FormDefaults, GIVEN_a_grade_one_class_WHEN_the_homework_form_opens_THEN_rows_are_not_written_homework_at_home)
{
    HomeworkEntryModel entry(*app);
    const ClassInfo* low = nullptr;
    for (const auto& c : app->classes())
        if (c.body.grade <= 2 && !low) low = &c;
    ASSERT_NE(low, nullptr);
    entry.setClassId(qs(low->id));
    entry.setDate("2026-11-21");  // a Saturday: nothing stored
    entry.setDate("2026-11-20");
    bool anyEmpty = false;
    for (int i = 0; i < entry.rowCount(); ++i) {
        if (!entry.data(entry.index(i), HomeworkEntryModel::MinutesRole).toString().isEmpty()) continue;
        anyEmpty = true;
        EXPECT_FALSE(entry.data(entry.index(i), HomeworkEntryModel::AtHomeRole).toBool());
        ASSERT_TRUE(entry.setField(i, "minutes", "20"));
        entry.setField(i, "content", "课堂练习");
        EXPECT_TRUE(entry.data(entry.index(i), HomeworkEntryModel::ErrorRole).toString().isEmpty());
        EXPECT_FALSE(entry.overCap());
        break;
    }
    EXPECT_TRUE(anyEmpty);
}

TEST_F(FormDefaults, GIVEN_a_subject_teacher_WHEN_her_page_opens_THEN_the_written_total_includes_the_other_subjects_of_the_class)
{
    // A class-day with written homework in some subject, and a teacher of another subject there.
    for (const auto& slotRecord : app->store().query(RecordQuery{.kind = Kind::Timetable})) {
        const auto slot = bodyAs<TimetableSlot>(slotRecord);
        const ClassInfo* c = app->findClass(slot.classId);
        if (!c || c->body.grade < 3 || slot.teacherId.empty()) continue;
        int others = 0;
        bool hers = false;
        for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20},
                                                            .to = Date{2026, 11, 20}, .classId = c->id})) {
            const auto h = bodyAs<Homework>(r);
            if (h.subject == slot.subject) hers = true;
            else if (countsAgainstCap(c->body.grade, h)) others += h.minutes;
        }
        if (hers || others == 0) continue;
        app->signInAs("teacher", "t", false, slot.teacherId);
        HomeworkEntryModel entry(*app);
        entry.setClassId(qs(c->id));
        entry.setDate("2026-11-20");
        // Her own subjects only, but the whole class's written minutes.
        EXPECT_GE(entry.writtenTotal(), others);
        EXPECT_GT(entry.otherSubjectsWritten(), 0);
        return;
    }
    FAIL() << "the demo school has no class-day with another subject's homework";
}

}  // namespace
}  // namespace taizhang::testing
