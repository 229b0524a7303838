// The client and the county answer the same training and homework questions the same way, because
// both ask core (issue 10): "how many teachers are on track for 360 学时" (TrainingProgress::onTrack)
// and "which classes went over the homework cap on which day" (homeworkCountsAgainstCap,
// isHomeworkCapRule). The client's answers come from its own models (Training and Today pages), the
// county's from `taizhang-county report` over the records the client synced to it.
#include <set>

#include "compliance.h"
#include "sync_county_fixture.h"
#include "today_model.h"
#include "training_model.h"

namespace taizhang::testing {
namespace {

using SameAnswers = SyncCountyFixture;

Json countyReport(CountyServer& county, const std::string& from, const std::string& to)
{
    const auto r = county.admin({"report", "--from", from, "--to", to});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const auto brace = r.output.find('{');
    if (brace == std::string::npos) return Json::object();
    return Json::parse(r.output.substr(brace));
}

TEST_F(SameAnswers, GIVEN_the_demo_school_synced_to_the_county_WHEN_both_are_asked_about_training_and_homework_THEN_the_answers_agree)
{
    startCounty();
    enroll();
    auto service = makeService();
    waitForPass(*service);
    ASSERT_EQ(service->state(), "sent");
    ASSERT_EQ(static_cast<std::int64_t>(county.records(demo.school.code).size()), localRecordCount());

    // The term so far: the demo's over-cap days (五年级1班) lie in it.
    const Json report = countyReport(county, "2026-09-01", "2026-11-20");
    ASSERT_EQ(report["schools"].size(), 1u) << report.dump();
    const Json& school = report["schools"][0];

    // Training, as of 2026-11-20 (the client's today and the report's last day).
    TrainingModel training(*app);
    EXPECT_EQ(training.teacherCount(), school["teachers"].get<int>());
    EXPECT_EQ(training.onTrack(), school["teachers_on_track_360h"].get<int>());
    EXPECT_GT(training.onTrack(), 0);
    EXPECT_LT(training.onTrack(), training.teacherCount()) << "the demo has a teacher far behind";
    int onTrackRows = 0;
    for (int row = 0; row < training.rowCount(); ++row)
        onTrackRows += training.data(training.index(row), TrainingModel::OnTrackRole).toBool();
    EXPECT_EQ(onTrackRows, training.onTrack()) << "each teacher's colour agrees with the count";

    // Homework: the class-days over the cap, with their counted minutes, day by day on the Today page.
    std::map<std::pair<std::string, std::string>, int> client, countyDays;
    TodayModel today(*app);
    for (Date d{2026, 9, 1}; d <= Date{2026, 11, 20}; d = d.addDays(1)) {
        const std::string day = d.toString();
        today.setDate(qs(day));
        for (int row = 0; row < today.rowCount(); ++row) {
            const auto i = today.index(row);
            // The Today page's findings ({severity, rule "id (expected)", source, message}) and its
            // written-minutes figure for the class-day.
            for (const auto& f : today.data(i, TodayModel::FindingsRole).toList()) {
                const QString rule = f.toMap().value("rule").toString().section(' ', 0, 0);
                if (isHomeworkCapRule(ss(rule)))
                    client[{ss(today.data(i, TodayModel::ClassIdRole).toString()), day}] =
                        today.data(i, TodayModel::WrittenMinutesRole).toInt();
            }
        }
    }
    for (const auto& f : school["findings"])
        if (isHomeworkCapRule(f["rule"].get<std::string>()))
            countyDays[{f["scope"]["id"].get<std::string>(), f["scope"]["date"].get<std::string>()}] =
                static_cast<int>(f["actual_value"].get<double>());
    EXPECT_FALSE(client.empty()) << "the demo term has over-cap days";
    EXPECT_EQ(client, countyDays);
    std::set<std::string> classes;
    for (const auto& [key, minutes] : client) classes.insert(key.first);
    EXPECT_EQ(static_cast<int>(classes.size()), school["classes_over_homework_cap"].get<int>());
}

}  // namespace
}  // namespace taizhang::testing
