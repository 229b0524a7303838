// The first-run wizard's 加入已有的学校 (issue 12): a computer that was never set up joins the
// school the county holds with an enrollment code; it takes the school's profile from the county,
// creates its own administrator, and its first pass pulls the ledger the office computer pushed.
// Real ledger files, the real county on loopback.
#include <QSignalSpy>
#include <QTest>

#include "join_controller.h"
#include "sync_county_fixture.h"
#include "users.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {

std::int64_t count(Database& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    s.step();
    return s.int64(0);
}

class JoinTest : public SyncCountyFixture {};

}  // namespace

TEST_F(JoinTest, GIVEN_a_school_the_county_holds_WHEN_a_new_computer_joins_with_a_code_THEN_it_takes_the_profile_its_admin_signs_in_and_the_ledger_arrives_without_a_second_set_of_classes)
{
    startCounty();
    enroll();
    {
        auto office = makeService();
        QSignalSpy passes(office.get(), &SyncService::passFinished);
        office->syncNow();
        ASSERT_TRUE(passes.wait(60'000));
        ASSERT_EQ(Outbox(app->db(), SystemClock::instance()).status().unsent(), 0);
    }
    const std::int64_t officeRecords = count(app->db(), "SELECT count(*) FROM records");

    AppContext joiner(dir.file("new.db"), *clock);
    ASSERT_FALSE(joiner.hasSchool());
    auto service = std::make_unique<SyncService>(joiner, fastOptions());
    JoinController join(joiner);
    const QString url = QString::fromStdString(county.url());
    const QString school = QString::fromStdString(demo.school.code);

    // Refused before anything is sent, in Chinese, nothing written.
    EXPECT_FALSE(join.join(url, school, "", "三年级办公室", "admin", "lap12345", "lap12345"));
    EXPECT_TRUE(join.status().contains("注册码")) << join.status().toStdString();
    EXPECT_FALSE(join.join(url, school, "K7Q2-9XMD-4HTP", "三年级办公室", "admin", "lap12345", "lap12344"));
    EXPECT_TRUE(join.status().contains("不一致")) << join.status().toStdString();
    EXPECT_FALSE(join.join(url, "12345", "K7Q2-9XMD-4HTP", "三年级办公室", "admin", "lap12345", "lap12345"));
    EXPECT_FALSE(joiner.hasSchool());
    EXPECT_EQ(count(joiner.db(), "SELECT count(*) FROM users"), 0);

    // A code the county never issued: refused by the county, said in Chinese, still no school.
    {
        ASSERT_TRUE(join.join(url, school, "AAAA-BBBB-CCCC", "三年级办公室", "admin", "lap12345", "lap12345"));
        ASSERT_TRUE(QTest::qWaitFor([&] { return !join.busy(); }, 60'000));
        EXPECT_TRUE(join.status().startsWith("加入失败")) << join.status().toStdString();
        EXPECT_FALSE(joiner.hasSchool());
    }

    QSignalSpy joined(&join, &JoinController::joined);
    QSignalSpy pulled(service.get(), &SyncService::passFinished);
    ASSERT_TRUE(join.join(url, school, QString::fromStdString(county.issueCode(demo.school.code)), "三年级办公室",
                          "admin", "lap12345", "lap12345"));
    ASSERT_TRUE(joined.wait(60'000)) << join.status().toStdString();
    EXPECT_TRUE(joiner.hasSchool());
    EXPECT_EQ(joiner.schoolName().toStdString(), demo.school.name);
    EXPECT_TRUE(joiner.signedIn());
    EXPECT_TRUE(UserStore(joiner.db(), *clock).authenticate("admin", "lap12345").has_value());

    ASSERT_TRUE(QTest::qWaitFor([&] { return count(joiner.db(), "SELECT count(*) FROM records") == officeRecords; },
                                60'000))
        << count(joiner.db(), "SELECT count(*) FROM records") << " of " << officeRecords;
    EXPECT_EQ(count(joiner.db(), "SELECT count(*) FROM records WHERE kind = 'class'"), 12) << "no second set of classes";
    EXPECT_EQ(count(joiner.db(), "SELECT count(*) FROM outbox"), 0) << "pulled records are not sent back";
    EXPECT_EQ(county.count("SELECT count(*) FROM records WHERE kind = 'class'"), 12);
}
