// Two computers of a school, one marking a class-day 无作业 and the other recording homework for
// it (server/class_day_marks.h): the computer whose record lost is told on the 同步 page in
// Chinese, in the school's conflicts (SchoolConflictsModel) and its refused records
// (RefusedRecordsModel), what happened for which class and day and what to do; taking the other
// record turns the mark into the homework. Real ledger files, the real county on loopback.
#include <QSignalSpy>
#include <QTest>

#include "join_controller.h"
#include "no_homework_day.h"
#include "refused_records_model.h"
#include "school_conflicts_model.h"
#include "sync_county_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {

class NoHomeworkConflict : public SyncCountyFixture {
protected:
    static void pass(SyncService& service)
    {
        QSignalSpy done(&service, &SyncService::passFinished);
        service.syncNow();
        ASSERT_TRUE(done.wait(60'000)) << "no sync pass finished";
    }
    // Passes until `reached` holds (bounded). A pass the service had already begun (after a pull
    // or a save) may end before a change made meanwhile is sent: the next one sends it.
    template <class Pred> static bool passUntil(SyncService& service, Pred reached)
    {
        for (int i = 0; i < 10 && !reached(); ++i) pass(service);
        return reached();
    }
    static std::int64_t unsent(AppContext& app) { return Outbox(app.db(), app.clock()).status().unsent(); }
};

}  // namespace

TEST_F(NoHomeworkConflict, GIVEN_one_computer_marked_a_class_day_no_homework_WHEN_another_records_homework_for_it_and_syncs_THEN_its_sync_page_says_in_chinese_what_happened_and_what_to_do)
{
    const Date day{2026, 11, 20};
    const std::string cls = classId("三年级1班");
    // The class-day starts empty, so that both computers may write to it.
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = day, .to = day, .classId = cls}))
        ASSERT_TRUE(app->ledger().remove(r.meta.id, r.meta.version, app->change()).ok());
    startCounty();
    enroll();
    auto office = makeService();
    pass(*office);

    AppContext grade3(dir.file("grade3.db"), *clock);
    auto grade3Sync = std::make_unique<SyncService>(grade3, fastOptions());
    {
        JoinController join(grade3);
        QSignalSpy joined(&join, &JoinController::joined);
        ASSERT_TRUE(join.join(qs(county.url()), qs(demo.school.code), qs(county.issueCode(demo.school.code)), "三年级办公室",
                              "admin", "lap12345", "lap12345"));
        ASSERT_TRUE(joined.wait(60'000)) << join.status().toStdString();
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return grade3.store().find(cls).has_value(); }, 60'000));
    pass(*grade3Sync);

    // The office marks the day 无作业 and syncs first; grade 3's computer records math.
    Homework mark;
    mark.classId = cls;
    mark.date = day;
    mark.none = true;
    const auto marked = app->ledger().save(Kind::Homework, mark, app->change());
    ASSERT_TRUE(marked.ok()) << describeIssues(marked.issues);
    ASSERT_TRUE(passUntil(*office, [&] { return unsent(*app) == 0; }));
    Homework math;
    math.classId = cls;
    math.date = day;
    math.subject = "math";
    math.minutes = 20;
    math.content = "口算练习第5页";
    const auto typed = grade3.ledger().save(Kind::Homework, math, grade3.change());
    ASSERT_TRUE(typed.ok()) << describeIssues(typed.issues);
    ASSERT_TRUE(passUntil(*grade3Sync, [&] { return !schoolConflicts(grade3.db()).empty(); }));

    // Grade 3's computer: its homework is gone, the mark is there, and the 同步 page says why.
    EXPECT_TRUE(grade3.store().find(typed.record->meta.id)->meta.deleted);
    EXPECT_FALSE(grade3.store().find(marked.record->meta.id)->meta.deleted);
    SchoolConflictsModel conflicts(grade3);
    ASSERT_EQ(conflicts.count(), 1);
    const auto row = conflicts.index(0);
    const QString why = conflicts.data(row, SchoolConflictsModel::WhyRole).toString();
    const QString advice = conflicts.data(row, SchoolConflictsModel::AdviceRole).toString();
    EXPECT_TRUE(why.startsWith(QStringLiteral("三年级1班 11月20日：一台电脑登记了“无作业”，另一台电脑登记了作业")))
        << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("区县保留了先到的“无作业”"))) << why.toStdString();
    EXPECT_TRUE(advice.contains(QStringLiteral("采用另一条"))) << advice.toStdString();
    EXPECT_TRUE(conflicts.data(row, SchoolConflictsModel::OtherRole).toString().contains(QStringLiteral("口算练习")));

    RefusedRecordsModel refused(grade3);
    ASSERT_EQ(refused.count(), 1);
    const auto letter = refused.index(0);
    EXPECT_TRUE(refused.data(letter, RefusedRecordsModel::IsConflictRole).toBool());
    const QString reason = refused.data(letter, RefusedRecordsModel::ReasonRole).toString();
    EXPECT_TRUE(reason.startsWith(QStringLiteral("三年级1班 11月20日：本机登记了作业，本校另一台电脑登记了“无作业”")))
        << reason.toStdString();

    // The office's computer lists the same conflict, saying the same.
    ASSERT_TRUE(passUntil(*office, [&] { return !schoolConflicts(app->db()).empty(); }));
    SchoolConflictsModel officeConflicts(*app);
    ASSERT_EQ(officeConflicts.count(), 1);
    EXPECT_EQ(officeConflicts.data(officeConflicts.index(0), SchoolConflictsModel::WhyRole).toString(), why);

    // Grade 3's teacher had homework: 采用另一条 turns the mark into this homework, everywhere.
    EXPECT_EQ(conflicts.take(0), QString());
    ASSERT_TRUE(passUntil(*grade3Sync, [&] { return unsent(grade3) == 0; }));
    ASSERT_TRUE(passUntil(*office, [&] { return app->store().find(marked.record->meta.id)->meta.version == 2; }));
    const auto now = app->store().find(marked.record->meta.id);
    ASSERT_TRUE(now);
    EXPECT_FALSE(isNoHomeworkMark(now->body));
    EXPECT_EQ(now->body["subject"], "math");
    officeConflicts.reload();
    EXPECT_EQ(officeConflicts.count(), 0);
}
