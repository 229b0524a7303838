// A teacher signs in through the real window. The administrator-only actions are greyed out for
// her, and when they are called anyway on the very objects the pages hold (as a changed QML file
// or a stray binding would), the controllers refuse them: the ledger file shows nothing deleted,
// no backup written, no restore staged, no enrolment.
#include <filesystem>

#include <QMetaObject>
#include <QQuickItem>
#include <QUrl>

#include "app_context.h"
#include "journey_fixture.h"

namespace taizhang::testing {
namespace {

using TeacherLimitsJourney = Journey;

TEST_F(TeacherLimitsJourney, GIVEN_a_teacher_signed_in_WHEN_she_deletes_another_class_record_backs_up_restores_or_enrols_THEN_the_controllers_refuse)
{
    startDemo();
    signIn("teacher", "demo1234");
    ASSERT_FALSE(app().isAdmin());
    const std::string teacherId = app().teacherIdOfUser();
    std::string otherClass;
    for (const auto& id : column("SELECT id FROM records WHERE kind = 'class' AND deleted = 0"))
        if (!app().userTeaches(id)) otherClass = id;
    ASSERT_FALSE(otherClass.empty()) << "the demo teacher teaches every class";
    const std::string liveSql =
        "SELECT count(*) FROM records WHERE kind = 'homework' AND deleted = 0 AND class_id = '" + otherClass + "'";
    const auto liveBefore = count(liveSql);
    ASSERT_GT(liveBefore, 0);

    // Records: she may read another class's homework, not delete it.
    goTo("records");
    QObject* records = object("recordsModel");
    ASSERT_NE(records, nullptr);
    records->setProperty("kind", "homework");
    records->setProperty("classId", QString::fromStdString(otherClass));
    QMetaObject::invokeMethod(records, "reload");
    bool removed = true;
    ASSERT_TRUE(QMetaObject::invokeMethod(records, "remove", Q_RETURN_ARG(bool, removed), Q_ARG(int, 0)));
    EXPECT_FALSE(removed);
    EXPECT_TRUE(records->property("status").toString().contains("不能删除")) << records->property("status").toString().toStdString();
    EXPECT_EQ(count(liveSql), liveBefore);

    // Settings: no backup, restore or enrol buttons for her, and the controller refuses each.
    goTo("settings");
    for (const char* button : {"backupButton", "restoreButton", "enrollButton"}) {
        QQuickItem* b = item(button);
        ASSERT_NE(b, nullptr) << button;
        EXPECT_FALSE(b->isEnabled()) << button << " is offered to a teacher";
    }
    const std::string syncSettingsSql = "SELECT count(*) FROM settings WHERE key LIKE 'sync.%'";
    const auto syncSettingsBefore = count(syncSettingsSql);
    QObject* settings = object("settingsController");
    ASSERT_NE(settings, nullptr);
    const std::string copy = dir.file("teacher-copy.db");
    bool ok = true;
    ASSERT_TRUE(QMetaObject::invokeMethod(settings, "backup", Q_RETURN_ARG(bool, ok), Q_ARG(QString, QString::fromStdString(copy))));
    EXPECT_FALSE(ok);
    EXPECT_FALSE(std::filesystem::exists(copy));
    ok = true;
    ASSERT_TRUE(QMetaObject::invokeMethod(settings, "restore", Q_RETURN_ARG(bool, ok),
                                          Q_ARG(QUrl, QUrl::fromLocalFile(QString::fromStdString(ledgerPath())))));
    EXPECT_FALSE(ok);
    EXPECT_FALSE(std::filesystem::exists(ledgerPath() + ".restore-pending"));
    EXPECT_FALSE(std::filesystem::exists(ledgerPath() + ".before-restore"));
    ok = true;
    ASSERT_TRUE(QMetaObject::invokeMethod(settings, "enroll", Q_RETURN_ARG(bool, ok), Q_ARG(QString, "http://127.0.0.1:9"),
                                          Q_ARG(QString, "ABCD-1234"), Q_ARG(QString, "教研组电脑")));
    EXPECT_FALSE(ok);
    EXPECT_TRUE(settings->property("status").toString().contains("只有管理员")) << settings->property("status").toString().toStdString();
    EXPECT_EQ(count(syncSettingsSql), syncSettingsBefore) << "nothing of an enrolment was stored";
    EXPECT_EQ(app().teacherIdOfUser(), teacherId);
}

}  // namespace
}  // namespace taizhang::testing
