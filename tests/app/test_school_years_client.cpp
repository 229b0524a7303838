// School years in the client (issue 11): the Today page and the client's checks judge a past day
// by the grade the class had then, and count a 调休 Saturday as a school day.
#include "client_fixture.h"
#include "compliance.h"
#include "qt_convert.h"
#include "subjects.h"
#include "sync_state.h"
#include "school_year.h"
#include "timetable_model.h"
#include "training_model.h"
#include "today_model.h"
#include "year_controller.h"

namespace taizhang::testing {
namespace {

using SchoolYearsClient = ClientFixture;

// The Today row of a class on the model's day.
QVariantMap row(const TodayModel& model, const std::string& classId)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.data(model.index(i), TodayModel::ClassIdRole).toString() == qs(classId)) {
            QVariantMap m;
            m["name"] = model.data(model.index(i), TodayModel::ClassNameRole);
            m["grade"] = model.data(model.index(i), TodayModel::GradeRole);
            m["cap"] = model.data(model.index(i), TodayModel::CapRole);
            m["worst"] = model.data(model.index(i), TodayModel::WorstRole);
            return m;
        }
    return {};
}

TEST_F(SchoolYearsClient, GIVEN_class_promoted_from_a_date_WHEN_today_shows_an_earlier_day_THEN_old_grade_name_cap_and_finding)
{
    const std::string id = classId("二年级1班");
    // A day of the demo's deliberate flaw: written homework at home in grade 2.
    std::optional<Date> flawDay;
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .classId = id})) {
        const auto h = bodyAs<Homework>(r);
        if (h.written && h.atHome && h.minutes > 0) flawDay = flawDay ? std::min(*flawDay, h.date) : h.date;
    }
    ASSERT_TRUE(flawDay) << "the demo school has no grade-2 written-at-home day";
    ASSERT_LT(*flawDay, (Date{2026, 11, 16}));
    // Promoted from Monday 2026-11-16 (as a school moving a class up mid-year would).
    const auto before = app->store().find(id);
    auto c = before->body.get<SchoolClass>();
    changeClassFrom(c, Date{2026, 11, 16}, 3, "三年级9班", defaultSubjectsForGrade(3));
    const auto updated = app->ledger().update(id, Json(c), before->meta.version, app->change());
    ASSERT_TRUE(updated.ok()) << describeIssues(updated.issues);
    app->notifyDataChanged();

    TodayModel model(*app);
    model.setDate(qs(*flawDay));
    auto old = row(model, id);
    EXPECT_EQ(old["name"].toString(), QString("二年级1班"));
    EXPECT_EQ(old["grade"].toInt(), 2);
    EXPECT_EQ(old["cap"].toInt(), 0);
    EXPECT_EQ(old["worst"].toString(), QString("hard")) << "the grade-2 finding of that day stays";
    model.setDate(qs(Date{2026, 11, 20}));
    auto now = row(model, id);
    EXPECT_EQ(now["name"].toString(), QString("三年级9班"));
    EXPECT_EQ(now["grade"].toInt(), 3);
    EXPECT_EQ(now["cap"].toInt(), 60);
}

TEST_F(SchoolYearsClient, GIVEN_tiaoxiu_saturday_WHEN_today_and_checks_look_at_it_THEN_school_day_with_missing_homework_and_caps)
{
    // Make Saturday 2026-11-14 a working day of the demo term.
    const std::string termId = app->termsById().begin()->first;
    const auto term = app->store().find(termId);
    Json body = term->body;
    body["workdays"] = Json::array({"2026-11-14"});
    ASSERT_TRUE(app->ledger().update(termId, body, term->meta.version, app->change()).ok());
    app->notifyDataChanged();

    TodayModel model(*app);
    model.setDate("2026-11-07");  // a plain Saturday
    EXPECT_FALSE(model.schoolDay());
    EXPECT_EQ(model.missingHomework(), 0);
    model.setDate("2026-11-14");
    EXPECT_TRUE(model.schoolDay());
    EXPECT_EQ(model.missingHomework(), model.rowCount()) << "no class recorded homework on the 调休 Saturday";

    // 70 minutes in grade 5 on the 调休 Saturday break the cap, as on any school day.
    const std::string id = classId("五年级1班");
    Homework h{id, Date{2026, 11, 14}, "math", 70, true, true, "", "", ""};
    auto saved = app->ledger().save(Kind::Homework, Json(h), app->change("调休补课"));
    ASSERT_TRUE(saved.ok()) << describeIssues(saved.issues);
    const auto findings = classDayFindings(*app, id, Date{2026, 11, 14});
    ASSERT_FALSE(findings.empty());
    EXPECT_TRUE(findings.front().rule.contains("homework.g3_6_cap")) << findings.front().rule.toStdString();
    h.date = Date{2026, 11, 7};
    ASSERT_TRUE(app->ledger().save(Kind::Homework, Json(h), app->change()).ok()) << "a plain Saturday has no cap";
    EXPECT_TRUE(classDayFindings(*app, id, Date{2026, 11, 7}).empty());
}

TEST_F(SchoolYearsClient, GIVEN_year_started_on_2027_09_01_in_the_client_WHEN_today_shows_2026_and_2027_days_THEN_old_day_keeps_grade_2_finding_new_day_grade_3_cap)
{
    const std::string id = classId("二年级1班");
    std::optional<Date> flawDay;  // the demo's grade-2 written homework at home
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .classId = id})) {
        const auto h = bodyAs<Homework>(r);
        if (h.written && h.atHome && h.minutes > 0) flawDay = h.date;
    }
    ASSERT_TRUE(flawDay);

    // The county's calendar for 2027-2028, as sync keeps it from GET /v1/config.
    auto state = loadSyncState(app->db());
    state.terms = R"([{"name":"2027-2028学年第一学期","start":"2027-09-01","end":"2028-01-14"}])";
    saveSyncState(app->db(), state);

    YearController year(*app);
    EXPECT_EQ(year.startDate(), QString("2027-09-01")) << "the next 1 September is proposed";
    ASSERT_TRUE(year.canStart()) << year.problems().join("; ").toStdString();
    ASSERT_FALSE(year.details().isEmpty());
    EXPECT_TRUE(year.details().front().contains("来自县区校历")) << year.details().front().toStdString();
    ASSERT_TRUE(year.start()) << year.status().toStdString();
    EXPECT_TRUE(year.done());
    EXPECT_FALSE(year.canStart()) << "the same year cannot be started twice from the page";

    // The page opened again in September proposes the next year; asked for the same day again it
    // says in one sentence that this year has begun, and moves none of the new entry classes up.
    YearController again(*app);
    EXPECT_EQ(again.startDate(), QString("2028-09-01"));
    again.setStartDate("2027-09-01");
    EXPECT_FALSE(again.canStart());
    EXPECT_TRUE(again.steps().isEmpty());
    EXPECT_EQ(again.problems(), QStringList{"新学年已于 2027-09-01 开始过，不能再开始一次；下一个新学年请填 2028-09-01"});
    YearStartOptions sameDay;
    sameDay.start = Date{2027, 9, 1};
    const auto replanned = planSchoolYear(app->store(), app->profile(), sameDay, {});
    EXPECT_FALSE(replanned.ok());
    for (const auto& step : replanned.classes) {
        ASSERT_FALSE(step.classId.empty() && step.action != ClassStep::Action::Create);
        if (step.action == ClassStep::Action::Create) continue;
        const auto c = app->store().find(step.classId)->body.get<SchoolClass>();
        EXPECT_FALSE(c.openedFrom.has_value()) << step.fromName << " opens on 2027-09-01 and cannot move up that day";
    }

    clock->set(unixMillisAt(Date{2027, 9, 6}, 19));  // a Monday of the new year
    app->notifyDataChanged();
    TodayModel model(*app);
    model.setDate(qs(*flawDay));
    auto old = row(model, id);
    EXPECT_EQ(old["name"].toString(), QString("二年级1班"));
    EXPECT_EQ(old["grade"].toInt(), 2);
    EXPECT_EQ(old["worst"].toString(), QString("hard")) << "the 2026-2027 grade-2 finding stays";
    model.setDate("2027-09-06");
    auto now = row(model, id);
    EXPECT_EQ(now["name"].toString(), QString("三年级1班"));
    EXPECT_EQ(now["grade"].toInt(), 3);
    EXPECT_EQ(now["cap"].toInt(), 60) << "grade 3's cap from the first day of the new year";
    // 40 minutes of written homework at home: refused in grade 2, allowed in grade 3.
    Homework h{id, Date{2027, 9, 6}, "math", 40, true, true, "", "", ""};
    const auto saved = app->ledger().save(Kind::Homework, Json(h), app->change());
    ASSERT_TRUE(saved.ok()) << describeIssues(saved.issues);
    EXPECT_TRUE(classDayFindings(*app, id, Date{2027, 9, 6}).empty());
}

TEST_F(SchoolYearsClient, GIVEN_teacher_signed_in_WHEN_new_year_started_through_the_controller_THEN_refused_and_nothing_written)
{
    app->signInAs("teacher", "王老师", false, demo.teacherIds.begin()->second);
    auto audit = [&] {
        auto s = app->db().prepare("SELECT count(*) FROM audit");
        s.step();
        return s.int64(0);
    };
    const auto auditBefore = audit();
    YearController year(*app);
    EXPECT_FALSE(year.canStart());
    EXPECT_FALSE(year.start());
    EXPECT_EQ(year.status(), QString("只有管理员可以开始新学年"));
    EXPECT_EQ(audit(), auditBefore);
}

TEST_F(SchoolYearsClient, GIVEN_unreadable_first_day_WHEN_previewed_THEN_error_under_the_field_and_nothing_to_start)
{
    YearController year(*app);
    year.setStartDate("9月1日");
    EXPECT_EQ(year.dateError(), QString("请写成 2027-09-01 这样的日期"));
    EXPECT_TRUE(year.steps().isEmpty());
    EXPECT_FALSE(year.canStart());
    year.setStartDate("2027-09-01");
    EXPECT_TRUE(year.dateError().isEmpty());
    EXPECT_FALSE(year.steps().isEmpty());
}

TEST_F(SchoolYearsClient, GIVEN_timetable_drafts_of_a_new_year_WHEN_admin_confirms_one_class_THEN_its_lessons_are_no_longer_drafts_and_others_stay)
{
    auto state = loadSyncState(app->db());
    state.terms = R"([{"name":"2027-2028学年第一学期","start":"2027-09-01","end":"2028-01-14"}])";
    saveSyncState(app->db(), state);
    YearController year(*app);
    ASSERT_TRUE(year.start()) << year.status().toStdString();
    clock->set(unixMillisAt(Date{2027, 9, 6}, 19));
    app->notifyDataChanged();
    std::string newTerm;
    for (const auto& [id, t] : app->termsById())
        if (t.start == Date{2027, 9, 1}) newTerm = id;
    ASSERT_FALSE(newTerm.empty());
    auto draftsOf = [&](const std::string& classId) {
        auto s = app->db().prepare("SELECT count(*) FROM records WHERE kind = 'timetable' AND deleted = 0 AND class_id = ? "
                                   "AND json_extract(body, '$.term_id') = ? AND json_extract(body, '$.draft') = 1");
        s.bind(1, classId);
        s.bind(2, newTerm);
        s.step();
        return s.int64(0);
    };
    const std::string promoted = classId("二年级1班"), other = classId("二年级2班");
    const auto draftsBefore = draftsOf(promoted);
    ASSERT_GT(draftsBefore, 0);
    ASSERT_GT(draftsOf(other), 0);

    TimetableModel timetable(*app);
    timetable.setTermId(qs(newTerm));
    timetable.setClassId(qs(promoted));
    EXPECT_EQ(timetable.drafts(), draftsBefore);
    EXPECT_TRUE(timetable.dirty()) << "a draft can be confirmed without an edit";
    EXPECT_TRUE(timetable.draftNote().contains("草稿"));
    ASSERT_TRUE(timetable.save()) << timetable.status().toStdString();
    EXPECT_EQ(timetable.drafts(), 0);
    EXPECT_FALSE(timetable.dirty());
    EXPECT_EQ(draftsOf(promoted), 0);
    EXPECT_EQ(timetable.total(), draftsBefore) << "confirming keeps every lesson";
    EXPECT_GT(draftsOf(other), 0) << "the other class's draft waits for its own confirmation";

    // Parallel classes in the new term: the new 三年级1班 has 三年级2班 (both promoted); the new
    // 六年级1班 (was 五年级1班) has none: last year's 六年级1班 graduated, although it has the same
    // grade number and name.
    const auto plan = timetable.parallelCopyPlan();
    ASSERT_EQ(plan.size(), 1);
    EXPECT_EQ(plan.front().toMap()["classId"].toString(), qs(other));
    EXPECT_EQ(plan.front().toMap()["name"].toString(), QString("三年级2班"));
    timetable.setClassId(qs(classId("五年级1班")));
    EXPECT_TRUE(timetable.parallelCopyPlan().isEmpty());

    // A teacher may not confirm (enforced in the model, not only by the page).
    app->signInAs("teacher", "王老师", false, demo.teacherIds.begin()->second);
    timetable.setClassId(qs(other));
    EXPECT_FALSE(timetable.save());
    EXPECT_GT(draftsOf(other), 0);
}

TEST_F(SchoolYearsClient, GIVEN_teacher_transferred_out_on_a_day_WHEN_training_rate_shown_before_and_from_that_day_THEN_counted_before_only)
{
    std::string name, id;  // a teacher with training on record
    for (const auto& [n, i] : demo.teacherIds)
        if (id.empty() && !app->store().query(RecordQuery{.kind = Kind::Training, .teacherId = i}).empty()) name = n, id = i;
    ASSERT_FALSE(id.empty());
    const auto stored = app->store().find(id);
    auto teacher = stored->body.get<Teacher>();
    ASSERT_FALSE(teacherLeaves(teacher, Date{2026, 11, 23}, "transferred"));
    const auto saved = app->ledger().update(id, Json(teacher), stored->meta.version, app->change());
    ASSERT_TRUE(saved.ok()) << describeIssues(saved.issues);
    app->notifyDataChanged();

    // Friday 2026-11-20: still at the school, in the rate and in the list.
    TrainingModel before(*app);
    const int all = before.teacherCount();
    EXPECT_EQ(all, static_cast<int>(demo.teacherIds.size()));

    // Monday 2026-11-23, the first day away: out of the rate, the record and its training kept.
    clock->set(unixMillisAt(Date{2026, 11, 23}, 19));
    app->notifyDataChanged();
    TrainingModel after(*app);
    EXPECT_EQ(after.teacherCount(), all - 1) << name;
    EXPECT_TRUE(app->store().find(id).has_value());
    EXPECT_FALSE(app->store().query(RecordQuery{.kind = Kind::Training, .teacherId = id}).empty())
        << "the teacher's training history stays";
}

}  // namespace
}  // namespace taizhang::testing
