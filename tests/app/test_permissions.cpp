// Roles below the UI: signed in as a teacher, the models and controllers themselves refuse what
// the QML hides (deleting another class's record, backup, restore, enrolment, timetables),
// with a Chinese message, and the ledger is unchanged.
#include <set>

#include <QFile>
#include <QUrl>

#include "client_fixture.h"
#include "homework_entry_model.h"
#include "records_model.h"
#include "settings_controller.h"
#include "timetable_model.h"

namespace taizhang::testing {
namespace {

class Permissions : public ClientFixture {
protected:
    void SetUp() override
    {
        ClientFixture::SetUp();
        // A teacher with lessons, and a class she has none in.
        auto lessons = app->store().query(RecordQuery{.kind = Kind::Timetable, .limit = 1});
        ASSERT_FALSE(lessons.empty());
        const auto slot = bodyAs<TimetableSlot>(lessons.front());
        teacherId = slot.teacherId;
        for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Timetable, .teacherId = teacherId}))
            taught.insert(bodyAs<TimetableSlot>(r).classId);
        for (const auto& c : app->classes())
            if (!taught.count(c.id)) otherClass = c.id;
        ASSERT_FALSE(otherClass.empty());
    }
    void asTeacher() { app->signInAs("teacher", "王老师", false, teacherId); }
    std::int64_t liveHomework(const std::string& classId)
    {
        auto s = app->db().prepare("SELECT count(*) FROM records WHERE kind = 'homework' AND deleted = 0 AND class_id = ?");
        s.bind(1, classId);
        s.step();
        return s.int64(0);
    }
    std::string teacherId;
    std::set<std::string> taught;
    std::string otherClass;
};

TEST_F(Permissions, GIVEN_a_teacher_WHEN_she_deletes_a_record_of_a_class_she_does_not_teach_THEN_the_model_refuses)
{
    asTeacher();
    RecordsModel records(*app);
    records.setKind("homework");
    records.setClassId(QString::fromStdString(otherClass));
    records.reload();
    ASSERT_GT(records.rowCount(), 0);
    const auto before = liveHomework(otherClass);
    EXPECT_FALSE(records.remove(0));
    EXPECT_TRUE(records.status().contains("不能删除")) << records.status().toStdString();
    EXPECT_EQ(liveHomework(otherClass), before);

    // The same action by an administrator goes through (the refusal is about the role).
    app->signInAs("admin", "admin", true, {});
    records.reload();
    EXPECT_TRUE(records.remove(0)) << records.status().toStdString();
    EXPECT_EQ(liveHomework(otherClass), before - 1);
}

TEST_F(Permissions, GIVEN_a_teacher_WHEN_she_marks_no_homework_for_a_class_she_does_not_teach_THEN_the_model_refuses)
{
    // The other class without homework today, so only the role stands in the way.
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20},
                                                        .to = Date{2026, 11, 20}, .classId = otherClass}))
        ASSERT_TRUE(app->ledger().remove(r.meta.id, r.meta.version, app->change()).ok());
    const auto before = liveHomework(otherClass);
    asTeacher();
    HomeworkEntryModel entry(*app);
    entry.setClassId(QString::fromStdString(otherClass));
    EXPECT_FALSE(entry.setNoHomework(true));
    EXPECT_TRUE(entry.status().contains("不能修改该班的记录")) << entry.status().toStdString();
    EXPECT_EQ(liveHomework(otherClass), before);

    app->signInAs("admin", "admin", true, {});
    EXPECT_TRUE(entry.setNoHomework(true)) << entry.status().toStdString();
    EXPECT_EQ(liveHomework(otherClass), before + 1);
}

TEST_F(Permissions, GIVEN_a_teacher_WHEN_she_backs_up_restores_or_enrols_THEN_the_settings_controller_refuses)
{
    asTeacher();
    SettingsController settings(*app);
    const QString file = QString::fromStdString(dir.file("copy.db"));
    EXPECT_FALSE(settings.backup(file));
    EXPECT_TRUE(settings.dataStatus().contains("只有管理员")) << settings.dataStatus().toStdString();
    EXPECT_FALSE(QFile::exists(file));

    EXPECT_FALSE(settings.enroll("https://county.example.cn", "ABCD-1234", "教务处电脑"));
    EXPECT_TRUE(settings.status().contains("只有管理员"));
    EXPECT_FALSE(settings.busy());

    // A valid backup made by the administrator, then a restore attempt by the teacher.
    app->signInAs("admin", "admin", true, {});
    ASSERT_TRUE(settings.backup(file)) << settings.dataStatus().toStdString();
    asTeacher();
    EXPECT_FALSE(settings.restore(QUrl::fromLocalFile(file)));
    EXPECT_TRUE(settings.dataStatus().contains("只有管理员"));
    EXPECT_FALSE(QFile::exists(QString::fromStdString(app->db().path() + ".restore-pending")));
    EXPECT_FALSE(QFile::exists(QString::fromStdString(app->db().path() + ".before-restore")));
}

TEST_F(Permissions, GIVEN_a_teacher_WHEN_she_saves_a_timetable_THEN_the_model_refuses_and_no_slot_changes)
{
    asTeacher();
    TimetableModel timetable(*app);
    timetable.setClassId(QString::fromStdString(*taught.begin()));
    timetable.setCell(0, "");
    auto count = [&] {
        auto s = app->db().prepare("SELECT count(*) FROM audit WHERE kind = 'timetable'");
        s.step();
        return s.int64(0);
    };
    const auto before = count();
    EXPECT_FALSE(timetable.save());
    EXPECT_TRUE(timetable.status().contains("只有管理员")) << timetable.status().toStdString();
    EXPECT_EQ(timetable.copyToParallelClasses(), 0);
    EXPECT_EQ(count(), before);
}

}  // namespace
}  // namespace taizhang::testing
