// 今天无作业 (issue 13): a teacher opens a class on 作业登记 and ticks 今天无作业. While the class
// has homework today the ledger refuses it (Chinese message on the page); she clears the rows,
// saves, ticks it again: the ledger file holds one homework record for the class-day with
// "none": true, no subject and 0 minutes, the rows are locked, and 今日 counts the class as
// recorded and says 今天无作业 on its card.
#include "app_context.h"
#include "journey_fixture.h"
#include "qt_convert.h"

namespace taizhang::testing {
namespace {

class NoHomeworkJourney : public Journey {
protected:
    // The visible label whose text contains `part`, or nullptr.
    QQuickItem* labelWith(const QString& part)
    {
        for (QQuickItem* l : visibleItems("QQuickLabel"))
            if (l->property("text").toString().contains(part)) return l;
        return nullptr;
    }
    // Empties a text field as a person does: click into it (the app selects its text), Backspace.
    void clear(const QString& objectName)
    {
        QQuickItem* field = item(objectName);
        ASSERT_NE(field, nullptr);
        const QString before = field->property("text").toString();
        click(field);
        ASSERT_TRUE(waitFor([&] { return field->property("selectedText").toString() == before; })) << objectName.toStdString();
        key(Qt::Key_Backspace);
        ASSERT_TRUE(waitFor([&] { return field->property("text").toString().isEmpty(); })) << objectName.toStdString();
    }
};

TEST_F(NoHomeworkJourney, GIVEN_a_class_with_homework_today_WHEN_the_teacher_clears_it_and_ticks_no_homework_THEN_one_none_record_is_stored_and_today_counts_the_class)
{
    startDemo();
    signIn("admin", "demo1234");
    goTo("today");
    ASSERT_TRUE(waitFor([&] { return labelWith(" · 0 个班未登记作业") != nullptr; })) << "the demo day is complete";

    goTo("homework");
    const ClassInfo* klass = nullptr;
    for (const auto& c : app().classes())
        if (c.body.grade <= 2) {
            klass = &c;
            break;
        }
    ASSERT_NE(klass, nullptr);
    const std::string classId = klass->id;
    choose("classBox", qs(klass->body.name));
    const std::string daySql = "FROM records WHERE kind = 'homework' AND deleted = 0 AND class_id = '" + classId +
                               "' AND day = '2026-11-20'";
    const auto stored = count("SELECT count(*) " + daySql);
    ASSERT_GT(stored, 0);

    // Homework is recorded today: the tick is refused below the page, with core's message.
    QQuickItem* box = item("noHomeworkBox");
    ASSERT_NE(box, nullptr);
    click(box);
    QQuickItem* status = item("statusLabel");
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("该班级当天已登记作业，不能再登记“无作业”"); }))
        << status->property("text").toString().toStdString();
    EXPECT_FALSE(box->property("checked").toBool());
    EXPECT_EQ(count("SELECT count(*) " + daySql + " AND json_extract(body, '$.none') = 1"), 0);

    // She empties the saved rows and saves: the day's homework is deleted.
    QQuickItem* rows = item("rows");
    const int rowCount = rows->property("count").toInt();
    for (int i = 0; i < rowCount; ++i)
        if (!item("minutes" + QString::number(i))->property("text").toString().isEmpty()) clear("minutes" + QString::number(i));
    key(Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已保存"); }))
        << status->property("text").toString().toStdString();
    ASSERT_EQ(count("SELECT count(*) " + daySql), 0);

    // Ticked now, it is saved at once.
    click(box);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString() == "已登记今天无作业"; }))
        << status->property("text").toString().toStdString();
    EXPECT_TRUE(box->property("checked").toBool());
    EXPECT_TRUE(showing("noHomeworkNote"));
    EXPECT_FALSE(rows->isEnabled()) << "no homework can be typed while the day is marked 无作业";
    EXPECT_EQ(count("SELECT count(*) " + daySql), 1);
    EXPECT_EQ(column("SELECT json_extract(body, '$.none') || '|' || json_extract(body, '$.subject') || '|' || "
                     "json_extract(body, '$.minutes') " + daySql),
              std::vector<std::string>{"1||0"});

    // 今日: the class counts as recorded, and its card says so.
    goTo("today");
    EXPECT_TRUE(waitFor([&] { return labelWith(" · 0 个班未登记作业") != nullptr; }));
    EXPECT_NE(labelWith("今天无作业"), nullptr);
}

}  // namespace
}  // namespace taizhang::testing
