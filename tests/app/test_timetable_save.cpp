// The timetable model writes exactly the cells that changed.
#include "client_fixture.h"
#include "qt_convert.h"
#include "timetable_model.h"

namespace taizhang::testing {
namespace {

class TimetableSave : public ClientFixture {};

TEST_F(TimetableSave, GIVEN_a_loaded_class_WHEN_one_cell_changes_and_is_saved_THEN_one_slot_is_written)
{
    TimetableModel timetable(*app);
    timetable.setClassId(qs(app->classes().front().id));
    ASSERT_GT(timetable.total(), 0);
    EXPECT_FALSE(timetable.dirty());
    const int cell = 8;  // 星期四 第2节
    const QString now = timetable.data(timetable.index(cell), TimetableModel::SubjectRole).toString();
    timetable.setCell(cell, now == "pe" ? "fine_art" : "pe");
    auto audits = [&] {
        auto q = app->db().prepare("SELECT count(*) FROM audit WHERE kind = 'timetable'");
        q.step();
        return q.int64(0);
    };
    const auto before = audits();
    ASSERT_TRUE(timetable.save()) << timetable.status().toStdString();
    EXPECT_EQ(audits(), before + 1);
    EXPECT_EQ(timetable.status(), "已保存 1 处修改");
}

}  // namespace
}  // namespace taizhang::testing
