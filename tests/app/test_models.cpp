// Today, timetable, records, daily forms and training adapters over a real demo ledger, each
// checked by QAbstractItemModelTester while it loads and changes.
#include <QAbstractItemModelTester>

#include "client_fixture.h"
#include "daily_form.h"
#include "record_kinds.h"
#include "qt_convert.h"
#include "records_model.h"
#include "timetable_model.h"
#include "today_model.h"
#include "training_model.h"

namespace taizhang::testing {
namespace {

using Models = ClientFixture;

TEST_F(Models, GIVEN_the_demo_school_WHEN_today_loads_THEN_one_row_per_class_and_the_flaws_are_found)
{
    TodayModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), static_cast<int>(app->classes().size()));
    // The demo writes a few over-cap days (with a reason) for one class: on such a day that class's
    // row carries a hard finding.
    std::optional<Record> overCap;
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 9, 1}, .to = Date{2026, 11, 20}}))
        if (!r.body.value("over_cap_reason", std::string()).empty() && app->findClass(r.classId())->body.grade >= 3) {
            overCap = r;
            break;
        }
    ASSERT_TRUE(overCap) << "the demo school has no over-cap day";
    model.setDate(qs(*overCap->date()));
    EXPECT_GT(model.hardCount(), 0);
    bool flagged = false;
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.data(model.index(i), TodayModel::ClassIdRole).toString() == qs(overCap->classId())) {
            flagged = model.data(model.index(i), TodayModel::WorstRole).toString() == "hard";
            const auto findings = model.data(model.index(i), TodayModel::FindingsRole).toList();
            ASSERT_FALSE(findings.isEmpty());
            EXPECT_FALSE(findings.front().toMap().value("source").toString().isEmpty());
        }
    EXPECT_TRUE(flagged);
}

TEST_F(Models, GIVEN_a_timetable_WHEN_a_pe_lesson_is_replaced_THEN_counts_and_findings_update_live)
{
    TimetableModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const std::string id = app->classes().front().id;  // a first-grade class: 4 PE lessons a week
    model.setClassId(qs(id));
    ASSERT_FALSE(model.termId().isEmpty());
    const int totalBefore = model.total();
    ASSERT_GT(totalBefore, 0);
    auto peCount = [&] {
        for (const auto& v : model.counts())
            if (v.toMap().value("code") == "pe") return v.toMap().value("count").toInt();
        return -1;
    };
    const int peBefore = peCount();
    ASSERT_GT(peBefore, 0);
    int peCell = -1;
    for (int i = 0; i < model.rowCount() && peCell < 0; ++i)
        if (model.data(model.index(i), TimetableModel::SubjectRole).toString() == "pe") peCell = i;
    ASSERT_GE(peCell, 0);
    const auto findingsBefore = model.findings().size();
    model.setCell(peCell, "math");
    EXPECT_EQ(peCount(), peBefore - 1);
    EXPECT_EQ(model.total(), totalBefore);
    EXPECT_TRUE(model.dirty());
    EXPECT_GT(model.findings().size(), findingsBefore);  // PE below the weekly minimum

    ASSERT_TRUE(model.save()) << model.status().toStdString();
    model.reload();
    EXPECT_EQ(peCount(), peBefore - 1);
    EXPECT_FALSE(model.dirty());
}

TEST_F(Models, GIVEN_a_class_timetable_WHEN_copied_to_parallel_classes_THEN_they_get_the_same_grid)
{
    TimetableModel model(*app);
    const ClassInfo& first = app->classes().front();
    const ClassInfo* parallel = nullptr;
    for (const auto& c : app->classes())
        if (c.id != first.id && c.body.grade == first.body.grade) parallel = &c;
    ASSERT_NE(parallel, nullptr) << "the demo school has no parallel class for grade " << first.body.grade;
    model.setClassId(qs(first.id));
    model.setCell(0, "labour");
    EXPECT_GE(model.copyToParallelClasses(), 1);
    TimetableModel other(*app);
    other.setClassId(qs(parallel->id));
    EXPECT_EQ(other.data(other.index(0), TimetableModel::SubjectRole).toString(), "labour");
}

TEST_F(Models, GIVEN_records_WHEN_one_is_deleted_THEN_it_is_a_tombstone_with_history)
{
    RecordsModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setKind("homework");
    ASSERT_GT(model.rowCount(), 0);
    const QString id = model.data(model.index(0), RecordsModel::IdRole).toString();
    const int before = model.rowCount();
    ASSERT_TRUE(model.remove(0)) << model.status().toStdString();
    EXPECT_EQ(model.rowCount(), before - 1);
    model.setIncludeDeleted(true);
    EXPECT_EQ(model.rowCount(), before);
    auto stored = app->store().find(ss(id));
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->meta.deleted);
    int row = -1;
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.data(model.index(i), RecordsModel::IdRole).toString() == id) row = i;
    ASSERT_GE(row, 0);
    const auto history = model.history(row);
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history.back().toMap().value("action").toString(), "删除");
}

TEST_F(Models, GIVEN_a_bad_filter_date_WHEN_set_THEN_a_message_and_no_rows)
{
    RecordsModel model(*app);
    model.setFrom("11/01/2026");
    EXPECT_EQ(model.filterError(), "开始日期应写成 2026-11-01");
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(Models, GIVEN_a_sleep_survey_WHEN_more_reach_the_standard_than_were_surveyed_THEN_refused_inline)
{
    DailyForm form(*app);
    form.setKind("sleep");
    form.setClassId(qs(app->classes().back().id));
    form.setDate("2026-11-19");
    form.set("surveyed", "40");
    form.set("reachingStandard", "41");
    form.set("averageHours", "9.5");
    EXPECT_EQ(form.errors().value("reachingStandard").toString(), "达标人数应为 0 到调查人数之间的整数");
    EXPECT_FALSE(form.canSave());
    form.set("reachingStandard", "30");
    EXPECT_TRUE(form.canSave());
    ASSERT_TRUE(form.save()) << form.status().toStdString();
    EXPECT_TRUE(form.saved());
}

TEST_F(Models, GIVEN_little_activity_WHEN_typed_THEN_the_preview_shows_a_hard_finding_before_saving)
{
    DailyForm form(*app);
    form.setKind("activity");
    form.setClassId(qs(app->classes().front().id));
    form.setDate("2026-11-20");
    const auto outbox = app->store().outboxCount();
    form.set("peLessonMinutes", "0");
    form.set("longBreakMinutes", "20");
    form.set("longBreakSessions", "1");
    form.set("afterSchoolMinutes", "0");
    form.set("outOfSchoolMinutes", "0");
    ASSERT_TRUE(form.valid());
    ASSERT_FALSE(form.findings().isEmpty());
    EXPECT_EQ(form.findings().front().toMap().value("severity").toString(), "hard");
    EXPECT_EQ(app->store().outboxCount(), outbox);  // nothing written by previewing
}

TEST_F(Models, GIVEN_activity_values_at_cores_bounds_WHEN_typed_THEN_the_form_takes_what_core_takes_and_refuses_the_rest)
{
    // The form's limits are core's field ranges (record_kinds.cpp), not its own: a school that
    // has two 大课间 of 75 minutes and 5 sessions can type it here as it could import it.
    DailyForm form(*app);
    form.setKind("activity");
    form.setClassId(qs(app->classes().front().id));
    form.setDate("2026-11-20");
    const std::pair<const char*, const char*> fields[] = {{"peLessonMinutes", "pe_lesson_minutes"},
                                                          {"longBreakMinutes", "long_break_minutes"},
                                                          {"longBreakSessions", "long_break_sessions"},
                                                          {"afterSchoolMinutes", "after_school_minutes"},
                                                          {"outOfSchoolMinutes", "out_of_school_minutes"}};
    for (const auto& [formName, key] : fields) form.set(formName, "1");
    for (const auto& [formName, key] : fields) {
        const int hi = static_cast<int>(*findFieldDescriptor(Kind::Activity, key)->max);
        form.set(formName, QString::number(hi));
        EXPECT_FALSE(form.errors().contains(formName)) << formName << " refused core's maximum " << hi;
        form.set(formName, QString::number(hi + 1));
        EXPECT_EQ(form.errors().value(formName).toString().contains(QString("0 到 %1").arg(hi)), true)
            << formName << ": " << form.errors().value(formName).toString().toStdString();
        form.set(formName, "1");
    }
    form.set("longBreakMinutes", "150");
    form.set("longBreakSessions", "5");
    ASSERT_TRUE(form.canSave()) << form.errors().size();
    ASSERT_TRUE(form.save()) << form.status().toStdString();
}

TEST_F(Models, GIVEN_a_sleep_average_core_only_warns_about_WHEN_typed_THEN_the_form_takes_it_and_refuses_past_24_hours)
{
    DailyForm form(*app);
    form.setKind("sleep");
    form.setClassId(qs(app->classes().back().id));
    form.setDate("2026-11-19");
    form.set("surveyed", "40");
    form.set("reachingStandard", "10");
    form.set("averageHours", "15");
    EXPECT_FALSE(form.errors().contains("averageHours"));
    form.set("averageHours", "25");
    EXPECT_EQ(form.errors().value("averageHours").toString(), "平均睡眠时间应在 0 到 24 小时之间，例如 9.5");
}

TEST_F(Models, GIVEN_teachers_WHEN_training_is_recorded_THEN_their_hours_grow)
{
    TrainingModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(model.rowCount(), static_cast<int>(app->teachers().size()));
    const QString teacher = model.data(model.index(0), TrainingModel::TeacherIdRole).toString();
    const double before = model.data(model.index(0), TrainingModel::HoursRole).toDouble();
    model.set("teacherId", teacher);
    model.set("start", "2026-11-16");
    model.set("end", "2026-11-18");
    model.set("title", "新课标专题研修");
    model.set("hours", "abc");
    EXPECT_EQ(model.errors().value("hours").toString(), "学时应为 0 到 200 之间的数，例如 24 或 1.5");
    model.set("hours", "12");
    ASSERT_TRUE(model.canSave());
    ASSERT_TRUE(model.save()) << model.status().toStdString();
    EXPECT_DOUBLE_EQ(model.data(model.index(0), TrainingModel::HoursRole).toDouble(), before + 12);
}

}  // namespace
}  // namespace taizhang::testing
