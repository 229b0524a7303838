// The first-run wizard's controller: the 下一步 state is a property that follows typing, and
// finishing writes the profile, term, classes, teachers and administrator in ONE transaction
// through the Ledger: a failure leaves nothing, and pressing 完成设置 again does not duplicate.
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "app_context.h"
#include "clock.h"
#include "setup_controller.h"
#include "temp_dir.h"

namespace taizhang::testing {
namespace {

class SetupControllerTest : public ::testing::Test {
protected:
    std::int64_t count(const std::string& sql)
    {
        auto s = app->db().prepare(sql);
        s.step();
        return s.int64(0);
    }
    TempDir dir;
    ManualClock clock{unixMillisAt(Date{2026, 11, 20}, 19)};
    std::unique_ptr<AppContext> app = std::make_unique<AppContext>(dir.file("new.db"), clock);
};

TEST_F(SetupControllerTest, GIVEN_step_one_WHEN_valid_values_are_typed_THEN_the_step_valid_property_turns_true_with_a_notification)
{
    SetupController setup(*app);
    QSignalSpy changed(&setup, &SetupController::changed);
    EXPECT_FALSE(setup.stepsValid().at(0).toBool());
    EXPECT_TRUE(setup.shownErrors().isEmpty()) << "an untouched form shows no red";
    setup.set("schoolCode", "3301060099");
    EXPECT_FALSE(setup.stepsValid().at(0).toBool());
    setup.set("schoolName", "城南小学");
    EXPECT_TRUE(setup.stepsValid().at(0).toBool());
    EXPECT_GE(changed.count(), 2);
    EXPECT_TRUE(setup.leaveStep(0));
    EXPECT_FALSE(setup.leaveStep(2));  // nothing typed on the classes step yet
    EXPECT_TRUE(setup.shownErrors().contains("classes"));
}

TEST_F(SetupControllerTest, GIVEN_a_write_failure_inside_finish_WHEN_finish_is_pressed_again_THEN_nothing_was_half_written_and_nothing_is_duplicated)
{
    SetupController setup(*app);
    setup.fillDemo();
    ASSERT_TRUE(setup.valid());
    // The last write of the old order (the school profile) fails.
    app->db().exec("CREATE TRIGGER fail_school BEFORE INSERT ON settings WHEN NEW.key = 'school' "
                   "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    EXPECT_FALSE(setup.finish());
    EXPECT_FALSE(setup.status().isEmpty());
    EXPECT_EQ(count("SELECT count(*) FROM records"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM users"), 0);
    EXPECT_FALSE(app->hasSchool());

    app->db().exec("DROP TRIGGER fail_school");
    ASSERT_TRUE(setup.finish()) << setup.status().toStdString();
    // fillDemo: one term, 7 classes, 5 teachers, one administrator; each written once.
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'term'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'class'"), 7);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'teacher'"), 5);
    EXPECT_EQ(count("SELECT count(*) FROM audit"), 13);
    EXPECT_EQ(count("SELECT count(*) FROM users"), 1);
    EXPECT_TRUE(app->hasSchool());
    EXPECT_TRUE(app->signedIn());
    // A second finish on a set-up ledger is refused, not a second school.
    EXPECT_FALSE(setup.finish());
    EXPECT_EQ(count("SELECT count(*) FROM records"), 13);
}

}  // namespace
}  // namespace taizhang::testing
