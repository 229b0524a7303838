// The 新学年 page: the administrator previews the new school year (nothing written), then starts
// it after confirming; the ledger file then holds every promotion, the graduations, the new
// entry classes, the county's terms and the timetable drafts, all queued for the county.
#include "app_context.h"
#include "journey_fixture.h"
#include "sync_state.h"

namespace taizhang::testing {
namespace {

class YearJourney : public Journey {
protected:
    // The county's calendar for 2027-2028, as sync stores it from GET /v1/config.
    void publishCountyCalendar()
    {
        auto state = loadSyncState(app().db());
        state.terms = R"([{"name":"2027-2028学年第一学期","start":"2027-09-01","end":"2028-01-14",
                           "holidays":[{"name":"国庆节","start":"2027-10-01","end":"2027-10-07"}],
                           "workdays":["2027-09-26"]},
                          {"name":"2027-2028学年第二学期","start":"2028-02-21","end":"2028-07-07"}])";
        saveSyncState(app().db(), state);
    }
    std::int64_t classes(const std::string& where)
    {
        return count("SELECT count(*) FROM records WHERE kind = 'class' AND deleted = 0 AND " + where);
    }
};

TEST_F(YearJourney, GIVEN_demo_school_WHEN_new_year_previewed_and_started_on_the_page_THEN_ledger_holds_the_whole_step)
{
    startDemo();
    signIn("admin", "demo1234");
    publishCountyCalendar();
    const auto grade6 = classes("json_extract(body, '$.grade') = 6");
    const auto grade9 = classes("json_extract(body, '$.grade') = 9");
    const auto grade1 = classes("json_extract(body, '$.grade') = 1");
    const auto grade7 = classes("json_extract(body, '$.grade') = 7");
    const auto allBefore = classes("1");
    ASSERT_GT(grade6, 0);
    ASSERT_GT(grade9, 0);
    const auto auditBefore = count("SELECT count(*) FROM audit");
    const auto outboxBefore = count("SELECT count(*) FROM outbox");

    goTo("year");
    fill("yearStartField", "2027-09-01");
    QQuickItem* summary = item("yearSummary");
    ASSERT_NE(summary, nullptr);
    ASSERT_TRUE(waitFor([&] { return summary->property("text").toString().contains("2027-2028学年"); }))
        << summary->property("text").toString().toStdString();
    EXPECT_TRUE(summary->property("text").toString().contains(QString("毕业归档 %1 个班").arg(grade6 + grade9)))
        << summary->property("text").toString().toStdString();
    EXPECT_EQ(count("SELECT count(*) FROM audit"), auditBefore) << "the preview wrote something";

    // Cancel first: nothing happens.
    click("yearStartButton");
    click("yearCancelButton");
    ASSERT_TRUE(waitFor([&] { return !showing("yearCancelButton"); }));
    EXPECT_EQ(count("SELECT count(*) FROM audit"), auditBefore);

    click("yearStartButton");
    click("yearConfirmButton");
    QQuickItem* status = item("yearStatus");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("新学年已开始"); }))
        << status->property("text").toString().toStdString();

    // Graduated: every 六年级 and 九年级 class, archived from the first day, still in the ledger.
    EXPECT_EQ(classes("json_extract(body, '$.archived_from') = '2027-09-01'"), grade6 + grade9);
    // Promoted: every other class moved up from 2027-09-01 and keeps its old grade before.
    EXPECT_EQ(classes("json_extract(body, '$.history[#-1].until') = '2027-08-31'"), allBefore - grade6 - grade9);
    EXPECT_EQ(classes("json_extract(body, '$.grade') = 2 AND json_extract(body, '$.history[0].grade') = 1"), grade1);
    // New entry classes: as many 一年级 / 七年级 as this year's, without history.
    EXPECT_EQ(classes("json_extract(body, '$.grade') = 1 AND json_extract(body, '$.history') IS NULL"), grade1);
    EXPECT_EQ(classes("json_extract(body, '$.grade') = 7 AND json_extract(body, '$.history') IS NULL"), grade7);
    EXPECT_EQ(classes("json_extract(body, '$.name') = '一年级1班' AND json_extract(body, '$.history') IS NULL"), 1);
    // The county's two terms, the 调休 Sunday included.
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'term' AND json_extract(body, '$.start') = '2027-09-01' "
                    "AND json_extract(body, '$.workdays[0]') = '2027-09-26'"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'term'"), 3);
    // Timetables carried over as drafts into the first new term.
    EXPECT_GT(count("SELECT count(*) FROM records WHERE kind = 'timetable' AND json_extract(body, '$.draft') = 1"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'timetable' AND json_extract(body, '$.draft') = 1 AND "
                    "json_extract(body, '$.term_id') NOT IN (SELECT id FROM records WHERE kind = 'term' AND "
                    "json_extract(body, '$.start') = '2027-09-01')"),
              0);
    // Every change is queued for the county.
    EXPECT_GT(count("SELECT count(*) FROM outbox"), outboxBefore + allBefore);
    // The page now refuses a second start for the same day.
    EXPECT_FALSE(item("yearStartButton")->isEnabled());
}

TEST_F(YearJourney, GIVEN_new_year_started_WHEN_admin_opens_a_draft_timetable_and_confirms_it_THEN_that_class_has_no_draft_left)
{
    startDemo();
    signIn("admin", "demo1234");
    publishCountyCalendar();
    goTo("year");
    fill("yearStartField", "2027-09-01");
    click("yearStartButton");
    click("yearConfirmButton");
    QQuickItem* status = item("yearStatus");
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("新学年已开始"); }))
        << status->property("text").toString().toStdString();

    const std::string classId = column("SELECT id FROM records WHERE kind = 'class' AND "
                                       "json_extract(body, '$.history[0].name') = '三年级1班'").front();
    auto drafts = [&] {
        return count("SELECT count(*) FROM records WHERE kind = 'timetable' AND deleted = 0 AND class_id = '" + classId +
                     "' AND json_extract(body, '$.draft') = 1");
    };
    const auto before = drafts();
    ASSERT_GT(before, 0);
    goTo("timetable");
    choose("classBox", "三年级1班");  // today (2026-11-20) it is still 三年级1班
    choose("termBox", "2027-2028学年第一学期");
    ASSERT_TRUE(waitFor([&] { return showing("draftNote"); }));
    EXPECT_EQ(item("saveButton")->property("text").toString(), QString("确认课表"));
    click("saveButton");
    QQuickItem* saved = item("statusLabel");
    ASSERT_TRUE(waitFor([&] { return saved->property("text").toString().contains("课表已确认"); }))
        << saved->property("text").toString().toStdString();
    EXPECT_EQ(drafts(), 0);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'timetable' AND deleted = 0 AND class_id = '" + classId +
                    "' AND json_extract(body, '$.term_id') = (SELECT id FROM records WHERE kind = 'term' AND "
                    "json_extract(body, '$.start') = '2027-09-01')"),
              before)
        << "every lesson kept";
    EXPECT_FALSE(showing("draftNote"));
    EXPECT_GT(count("SELECT count(*) FROM records WHERE kind = 'timetable' AND json_extract(body, '$.draft') = 1"), 0)
        << "the other classes' drafts wait";
}

}  // namespace
}  // namespace taizhang::testing
