// The language a user picks survives a restart of the program.
#include "app_context.h"
#include "journey_fixture.h"

namespace taizhang::testing {
namespace {

class LanguageJourney : public Journey {};

TEST_F(LanguageJourney, GIVEN_english_chosen_in_settings_WHEN_the_app_is_restarted_THEN_it_is_still_english)
{
    startDemo();
    EXPECT_EQ(app().language(), "zh_CN");
    signIn("admin", "demo1234");
    goTo("settings");
    click("langEn");
    QQuickItem* today = item("nav_today");
    ASSERT_NE(today, nullptr);
    ASSERT_TRUE(waitFor([&] { return today->property("text").toString() == "Today"; }))
        << today->property("text").toString().toStdString();

    restart();  // no --lang: the saved choice
    EXPECT_EQ(app().language(), "en");
    signIn("admin", "demo1234");
    ASSERT_EQ(item("nav_today")->property("text").toString(), "Today");

    // And back to Chinese, which is remembered as well.
    goTo("settings");
    click("langZh");
    restart();
    EXPECT_EQ(app().language(), "zh_CN");
    signIn("admin", "demo1234");
    EXPECT_EQ(item("nav_today")->property("text").toString(), "今日");
}

}  // namespace
}  // namespace taizhang::testing
