// Backup and restore through the Settings page and the real file dialogs: back up, change
// something, restore the backup -> the ledger file is the backed-up one, the change is kept in
// <db>.before-restore, and nothing crashed.
#include <QQuickItem>
#include <QUrl>

#include "app_context.h"
#include "journey_fixture.h"
#include "ledger_backup.h"
#include "qt_convert.h"

namespace taizhang::testing {
namespace {

class BackupJourney : public Journey {
protected:
    // The dialog's accept button (打开 / 保存), found among the visible buttons of the dialog.
    QQuickItem* dialogButton(const QStringList& texts)
    {
        QQuickItem* found = nullptr;
        waitFor([&] {
            for (QQuickItem* b : visibleItems("QQuickAbstractButton")) {
                const QString t = b->property("text").toString().remove('&');
                for (const auto& want : texts)
                    if (t.startsWith(want)) found = b;
            }
            return found != nullptr;
        });
        QStringList seen;
        for (QQuickItem* b : visibleItems("QQuickAbstractButton")) seen << b->property("text").toString();
        EXPECT_NE(found, nullptr) << "no button " << texts.join('/').toStdString() << " among " << seen.join('|').toStdString();
        return found;
    }
    std::int64_t liveClasses() { return count("SELECT count(*) FROM records WHERE kind = 'class' AND deleted = 0"); }
};

TEST_F(BackupJourney, GIVEN_a_backup_and_a_later_change_WHEN_the_backup_is_restored_THEN_the_ledger_is_the_backed_up_one)
{
    startDemo();
    signIn("admin", "demo1234");
    goTo("settings");
    const auto classesAtBackup = liveClasses();

    // 备份数据……: the dialog proposes a path; the user types where the backup goes.
    click("backupButton");
    QQuickItem* path = item("backupDialogPath");
    ASSERT_NE(path, nullptr);
    EXPECT_TRUE(path->property("text").toString().endsWith(".db"));
    const std::string backupFile = dir.file("backup.db");
    fill("backupDialogPath", QString::fromStdString(backupFile));
    click("backupDialogSave");
    QQuickItem* status = item("dataStatus");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已备份到"); }))
        << status->property("text").toString().toStdString();
    ASSERT_TRUE(std::filesystem::exists(backupFile));

    // A change after the backup.
    ASSERT_TRUE(app().ledger().save(Kind::SchoolClass, Json(SchoolClass{6, "六年级9班", 40, {}}), app().change()).ok());
    app().notifyDataChanged();
    ASSERT_EQ(liveClasses(), classesAtBackup + 1);

    // 从备份恢复……: the open dialog starts where the backup went; pick the file, open it.
    QObject* openDialog = object("restoreDialog");
    click("restoreButton");
    ASSERT_TRUE(waitFor([&] { return openDialog->property("visible").toBool(); })) << "the open dialog did not open";
    QQuickItem* file = nullptr;
    ASSERT_TRUE(waitFor([&] {
        for (QQuickItem* d : visibleItems("QQuickFileDialogDelegate"))
            if (d->property("file").toUrl().toLocalFile().endsWith("backup.db")) file = d;
        return file != nullptr;
    })) << "backup.db is not listed in the open dialog";
    click(file);
    click(dialogButton({"恢复", "Restore"}));

    // Restored: signed out (the accounts are the backup's), the file is the backup's.
    ASSERT_TRUE(waitFor([&] { return !app().signedIn(); })) << "restore did not finish";
    EXPECT_EQ(liveClasses(), classesAtBackup);
    Database kept = Database::open(beforeRestorePath(ledgerPath()), OpenOptions{.create = false});
    auto s = kept.prepare("SELECT count(*) FROM records WHERE kind = 'class' AND deleted = 0");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(0), classesAtBackup + 1);
    // And the app goes on: sign in again on the restored ledger.
    signIn("admin", "demo1234");
    goTo("records");
}

}  // namespace
}  // namespace taizhang::testing
