// The timetable editor: one cell changed writes exactly that slot; copying to the parallel
// classes asks first, names the classes it would overwrite, and does nothing when cancelled.
#include "app_context.h"
#include "journey_fixture.h"
#include "qt_convert.h"

namespace taizhang::testing {
namespace {

class TimetableJourney : public Journey {
protected:
    // "subject" of the live slot of a class at (weekday, period); "" when empty.
    std::string slot(const std::string& classId, int weekday, int period)
    {
        auto rows = column("SELECT json_extract(body, '$.subject') FROM records WHERE kind = 'timetable' AND deleted = 0 "
                           "AND class_id = '" + classId + "' AND json_extract(body, '$.weekday') = " +
                           std::to_string(weekday) + " AND json_extract(body, '$.period') = " + std::to_string(period));
        return rows.empty() ? std::string() : rows.front();
    }
    std::vector<std::string> grid(const std::string& classId)
    {
        return column("SELECT json_extract(body, '$.weekday') || '-' || json_extract(body, '$.period') || '=' || "
                      "json_extract(body, '$.subject') FROM records WHERE kind = 'timetable' AND deleted = 0 AND class_id = '" +
                      classId + "' ORDER BY 1");
    }
};

TEST_F(TimetableJourney, GIVEN_a_class_timetable_WHEN_one_cell_is_changed_and_saved_THEN_exactly_that_slot_changes)
{
    startDemo();
    signIn("admin", "demo1234");
    goTo("timetable");
    // The first class of grade 3 and its parallel classes.
    const ClassInfo* chosen = nullptr;
    std::vector<const ClassInfo*> parallel;
    for (const auto& c : app().classes())
        if (c.body.grade == 3) (chosen ? parallel.push_back(&c) : void(chosen = &c));
    ASSERT_NE(chosen, nullptr);
    ASSERT_FALSE(parallel.empty()) << "the demo school needs two classes of grade 3";
    choose("classBox", qs(chosen->body.name));

    // 星期二 第4节 -> 体育与健康 (or 美术 when it already is).
    const std::string before = slot(chosen->id, 2, 4);
    const QString wanted = before == "pe" ? QStringLiteral("美术") : QStringLiteral("体育与健康");
    const std::string wantedCode = before == "pe" ? "fine_art" : "pe";
    const auto gridBefore = grid(chosen->id);
    const auto auditBefore = count("SELECT count(*) FROM audit WHERE kind = 'timetable'");
    choose("cell_2_4", wanted);
    click("saveButton");
    QQuickItem* status = item("statusLabel");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已保存 1 处修改"); }))
        << status->property("text").toString().toStdString();

    EXPECT_EQ(slot(chosen->id, 2, 4), wantedCode);
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE kind = 'timetable'"), auditBefore + 1);
    auto gridAfter = grid(chosen->id);
    std::vector<std::string> differences;
    for (const auto& cell : gridAfter)
        if (std::find(gridBefore.begin(), gridBefore.end(), cell) == gridBefore.end()) differences.push_back(cell);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences.front(), "2-4=" + wantedCode);
}

TEST_F(TimetableJourney, GIVEN_a_class_timetable_WHEN_copied_to_parallel_classes_THEN_it_asks_first_listing_them_and_cancel_changes_nothing)
{
    startDemo();
    signIn("admin", "demo1234");
    goTo("timetable");
    const ClassInfo* chosen = nullptr;
    std::vector<const ClassInfo*> parallel;
    for (const auto& c : app().classes())
        if (c.body.grade == 3) (chosen ? parallel.push_back(&c) : void(chosen = &c));
    ASSERT_NE(chosen, nullptr);
    ASSERT_FALSE(parallel.empty());
    choose("classBox", qs(chosen->body.name));
    const auto auditBefore = count("SELECT count(*) FROM audit WHERE kind = 'timetable'");

    click("copyButton");
    ASSERT_NE(item("copyConfirmButton"), nullptr) << "copying did not ask first";
    // The question names every class it would overwrite.
    QStringList shown;
    for (QQuickItem* label : visibleItems("QQuickLabel")) shown << label->property("text").toString();
    for (const ClassInfo* p : parallel)
        EXPECT_TRUE(shown.join('\n').contains(qs(p->body.name))) << "not named: " << p->body.name;
    click("copyCancelButton");
    ASSERT_TRUE(waitFor([&] { return !showing("copyConfirmButton"); }));
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE kind = 'timetable'"), auditBefore);

    click("copyButton");
    click("copyConfirmButton");
    QQuickItem* status = item("statusLabel");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已复制到"); }))
        << status->property("text").toString().toStdString();
    for (const ClassInfo* p : parallel) EXPECT_EQ(grid(p->id), grid(chosen->id)) << p->body.name;
}

}  // namespace
}  // namespace taizhang::testing
