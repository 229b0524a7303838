// Reports (weekly series, CSV export on its worker thread; the 作业公示 sheet is in
// test_publication_sheet.cpp) and settings (backup
// and staged restore) on a real demo ledger.
#include <fstream>
#include <sstream>

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QUrl>

#include "client_fixture.h"
#include "qt_convert.h"
#include "reports_controller.h"
#include "ledger_backup.h"
#include "settings_controller.h"

namespace taizhang::testing {
namespace {

using ReportsSettings = ClientFixture;

TEST_F(ReportsSettings, GIVEN_a_class_week_WHEN_charted_THEN_five_school_days_with_caps)
{
    ReportsController reports(*app);
    const ClassInfo* middle = nullptr;
    for (const auto& c : app->classes())
        if (c.body.grade >= 3 && c.body.grade <= 6) middle = &c;
    ASSERT_NE(middle, nullptr);
    reports.setClassId(qs(middle->id));
    const auto series = reports.series();
    ASSERT_EQ(series.size(), 5);
    EXPECT_EQ(series.front().toMap().value("date").toString(), "2026-11-16");
    EXPECT_EQ(series.front().toMap().value("cap").toInt(), 60);
    EXPECT_EQ(series.front().toMap().value("activityRule").toInt(), 120);
    EXPECT_GT(series.back().toMap().value("written").toInt(), 0);
}

TEST_F(ReportsSettings, GIVEN_a_date_range_WHEN_exported_to_csv_THEN_the_worker_writes_every_daily_record)
{
    ReportsController reports(*app);
    QSignalSpy finished(&reports, &ReportsController::taskFinished);
    const std::string path = dir.file("export.csv");
    ASSERT_TRUE(reports.exportCsv(QUrl::fromLocalFile(QString::fromStdString(path)), "2026-11-16", "2026-11-20"));
    EXPECT_TRUE(reports.busy());
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.front().front().toBool()) << reports.status().toStdString();
    EXPECT_FALSE(reports.busy());
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::size_t lines = 0;
    for (char ch : text.str()) lines += ch == '\n';
    std::size_t expected = 0;
    for (Kind k : {Kind::Homework, Kind::Sleep, Kind::Activity})
        expected += app->store().query(RecordQuery{.kind = k, .from = Date{2026, 11, 16}, .to = Date{2026, 11, 20}}).size();
    EXPECT_EQ(lines, expected + 1);  // header + one line per record (bodies are one-line JSON)
    EXPECT_FALSE(QFile::exists(QString::fromStdString(path + ".part")));
}

TEST_F(ReportsSettings, GIVEN_a_backup_and_a_later_change_WHEN_restored_THEN_the_ledger_is_the_backup_and_the_change_is_kept_aside)
{
    SettingsController settings(*app);
    const QString backup = QString::fromStdString(dir.file("backup.db"));
    ASSERT_TRUE(settings.backup(backup)) << settings.dataStatus().toStdString();
    const auto countClasses = [](Database& db) {
        auto s = db.prepare("SELECT count(*) FROM records WHERE kind = 'class' AND deleted = 0");
        s.step();
        return s.int64(0);
    };
    const auto before = countClasses(app->db());
    ASSERT_TRUE(app->ledger().save(Kind::SchoolClass, Json(SchoolClass{6, "六年级9班", 40, {}}), app->change()).ok());
    ASSERT_EQ(countClasses(app->db()), before + 1);

    ASSERT_TRUE(settings.restore(QUrl::fromLocalFile(backup))) << settings.dataStatus().toStdString();
    EXPECT_EQ(countClasses(app->db()), before);
    Database kept = Database::open(beforeRestorePath(app->db().path()), OpenOptions{.create = false});
    EXPECT_EQ(countClasses(kept), before + 1);  // the change made after the backup is not lost
    EXPECT_FALSE(QFile::exists(QString::fromStdString(pendingRestorePath(app->db().path()))));
    EXPECT_FALSE(QFile::exists(QString::fromStdString(applyingRestorePath(app->db().path()))));

    const QString garbage = QString::fromStdString(dir.file("not-a-ledger.db"));
    {
        QFile f(garbage);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("this is not sqlite");
    }
    app->signInAs("admin", "admin", true, {});
    EXPECT_FALSE(settings.restore(QUrl::fromLocalFile(garbage)));
    EXPECT_TRUE(settings.dataStatus().contains("不是有效的台账备份"));
    EXPECT_EQ(countClasses(app->db()), before);
}

}  // namespace
}  // namespace taizhang::testing
