// A subject teacher records her subject's homework for a class whose other subjects already
// carry written homework today: the page counts the whole class's written total, so when her
// entry takes the class over the cap the reason field appears; saved with the reason, which
// lands in the audit row.
#include <QRegularExpression>

#include "app_context.h"
#include "journey_fixture.h"
#include "qt_convert.h"

namespace taizhang::testing {
namespace {

class HomeworkJourney : public Journey {};

TEST_F(HomeworkJourney, GIVEN_a_subject_teacher_WHEN_her_entry_takes_the_class_over_the_cap_THEN_the_reason_field_appears_and_the_reason_is_audited)
{
    startDemo();
    signIn("teacher", "demo1234");
    ASSERT_FALSE(app().isAdmin());
    goTo("homework");

    // A class she teaches, grade 3 or above, whose other subjects have written homework today
    // and where her own subject has none yet.
    QQuickItem* total = nullptr;
    int written = 0, cap = 0;
    bool found = false;
    for (const QVariant& v : app().classList()) {
        const QVariantMap c = v.toMap();
        if (c.value("grade").toInt() < 3) continue;
        choose("classBox", c.value("name").toString());
        total = item("totalLabel");
        ASSERT_NE(total, nullptr);
        const auto m = QRegularExpression("(\\d+) / (\\d+)").match(total->property("text").toString());
        ASSERT_TRUE(m.hasMatch()) << total->property("text").toString().toStdString();
        written = m.captured(1).toInt();
        cap = m.captured(2).toInt();
        if (showing("otherSubjectsLabel") && written >= 5 && written <= cap &&
            item("minutes0")->property("text").toString().isEmpty()) {
            found = true;
            break;
        }
    }
    ASSERT_TRUE(found) << "no class of this teacher has other subjects' written homework today";
    ASSERT_FALSE(showing("reasonRow"));

    // Her own minutes alone stay under the cap; with the class's other subjects they do not.
    const int mine = cap - written + 5;
    ASSERT_LE(mine, cap);
    if (!item("written0")->property("checked").toBool()) click("written0");
    if (!item("atHome0")->property("checked").toBool()) click("atHome0");
    fill("minutes0", QString::number(mine));
    fill("content0", "绘画：我的家乡");
    ASSERT_TRUE(waitFor([&] { return showing("reasonRow"); })) << "no reason field though the class is over the cap";
    EXPECT_TRUE(total->property("text").toString().contains(QString::number(cap + 5)))
        << total->property("text").toString().toStdString();

    const QString reason = "期末美术作品集中完成，已告知家长";
    fill("reasonField", reason);
    key(Qt::Key_Return);
    QQuickItem* status = item("statusLabel");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已保存 1 条"); }))
        << status->property("text").toString().toStdString();

    const auto audited = column("SELECT a.reason FROM audit a JOIN records r ON r.rec = a.rec "
                                "WHERE r.kind = 'homework' AND json_extract(r.body, '$.minutes') = " + std::to_string(mine) +
                                " AND json_extract(r.body, '$.content') = '绘画：我的家乡'");
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited.front(), reason.toStdString());
}

TEST_F(HomeworkJourney, GIVEN_a_first_or_second_grade_class_WHEN_minutes_are_typed_THEN_no_refusal_appears_by_default)
{
    startDemo();
    signIn("admin", "demo1234");
    goTo("homework");
    bool found = false;
    for (const auto& c : app().classes()) {
        if (c.body.grade > 2) continue;
        choose("classBox", qs(c.body.name));
        if (item("minutes0")->property("text").toString().isEmpty()) {
            found = true;
            break;
        }
    }
    ASSERT_TRUE(found) << "no grade 1-2 class with an empty first row today";
    EXPECT_FALSE(item("atHome0")->property("checked").toBool()) << "grades 1-2: no written homework at home";
    fill("minutes0", "15");
    fill("content0", "课堂练习");
    EXPECT_FALSE(showing("reasonRow"));
    EXPECT_FALSE(showing("error0"));
}

}  // namespace
}  // namespace taizhang::testing
