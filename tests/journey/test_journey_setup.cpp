// A new school: empty ledger -> first-run wizard (school, term with holidays, classes in bulk,
// teachers pasted from Excel, administrator) -> sign in -> tonight's first homework saved. The
// ledger file then holds exactly what was entered.
#include "app_context.h"
#include "journey_fixture.h"

namespace taizhang::testing {
namespace {

class SetupJourney : public Journey {};

TEST_F(SetupJourney, GIVEN_an_empty_ledger_WHEN_the_wizard_is_filled_in_and_the_first_homework_saved_THEN_the_ledger_holds_exactly_those_records)
{
    start();
    // Step 1: nothing typed yet, nothing red; 下一步 on the empty step shows what is missing.
    ASSERT_NE(item("codeField"), nullptr);
    click("nextButton");
    ASSERT_TRUE(waitFor([&] { return showing("stepHint"); }));
    fill("codeField", "3301060099");
    fill("nameField", "城南小学");
    ASSERT_TRUE(waitFor([&] { return !showing("stepHint"); }));
    click("nextButton");

    // Step 2: the term is prefilled from today; a holiday line is added.
    ASSERT_NE(item("holidaysArea"), nullptr);
    fill("holidaysArea", "国庆节 2026-10-01 2026-10-07");
    click("nextButton");

    // Step 3: classes in bulk, teachers pasted from a spreadsheet.
    ASSERT_NE(item("classesArea"), nullptr);
    fill("classesArea", "三年级 1-2 班 45\n一年级 1 班 40");
    fill("teachersArea", "姓名\t工号\t学科\t入职日期\n王芳\tT001\t语文\t2010-09-01\n李强\tT002\t数学\t2015-09-01");
    click("nextButton");

    // Step 4: the administrator.
    fill("adminField", "jiaowu");
    fill("pwField", "secret12");
    fill("pw2Field", "secret12");
    click("finishButton");
    ASSERT_TRUE(waitFor([&] { return app().hasSchool() && app().signedIn(); })) << "the wizard did not finish";

    // Sign out and in again with the new account, as the next morning.
    click("signOutButton");
    signIn("jiaowu", "secret12");

    goTo("homework");
    choose("classBox", "三年级1班");
    fill("minutes0", "20");
    fill("content0", "练习册第 12 页");
    key(Qt::Key_Return);
    QQuickItem* status = item("statusLabel");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已保存 1 条"); }))
        << status->property("text").toString().toStdString();

    // The ledger file: exactly what was entered, each with its audit and outbox row.
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'term'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'class'"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'teacher'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'homework'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM records"), 7);
    EXPECT_EQ(count("SELECT count(*) FROM audit"), 7);
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), 7);
    EXPECT_EQ(count("SELECT count(*) FROM users"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE username = 'jiaowu' AND role = 'admin'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM records WHERE kind = 'term' AND json_array_length(json_extract(body, '$.holidays')) = 1"), 1);
    const auto homework = column("SELECT json_extract(h.body, '$.minutes') || '|' || json_extract(h.body, '$.content') || '|' || "
                                 "json_extract(c.body, '$.name') FROM records h JOIN records c ON c.id = h.class_id "
                                 "WHERE h.kind = 'homework'");
    ASSERT_EQ(homework.size(), 1u);
    EXPECT_EQ(homework.front(), "20|练习册第 12 页|三年级1班");
    EXPECT_EQ(column("SELECT json_extract(value, '$.name') FROM settings WHERE key = 'school'"),
              std::vector<std::string>{"城南小学"});
}

}  // namespace
}  // namespace taizhang::testing
