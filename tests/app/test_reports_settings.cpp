// Reports (weekly series, CSV export on its worker thread; the 作业公示 sheet is in
// test_publication_sheet.cpp) and settings (backup
// and staged restore) on a real demo ledger.
#include <fstream>
#include <set>
#include <sstream>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
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

TEST_F(ReportsSettings, GIVEN_a_week_of_homework_WHEN_exported_from_reports_THEN_the_cli_format_with_names_and_taizhang_import_reads_it_back)
{
    ReportsController reports(*app);
    QSignalSpy finished(&reports, &ReportsController::taskFinished);
    const std::string path = dir.file("作业.csv");
    const RecordQuery week{.kind = Kind::Homework, .from = Date{2026, 11, 16}, .to = Date{2026, 11, 20}};
    const auto before = app->store().query(week);
    ASSERT_FALSE(before.empty());
    ASSERT_TRUE(reports.exportCsv(QString::fromStdString(path), "2026-11-16", "2026年11月20日", "homework"));
    EXPECT_TRUE(reports.busy());
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.front().front().toBool()) << reports.status().toStdString();
    EXPECT_FALSE(reports.busy());
    EXPECT_FALSE(QFile::exists(QString::fromStdString(path + ".part")));

    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string csv = text.str();
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");  // Excel on Chinese Windows needs the BOM
    EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
              "id,class,date,subject,minutes,written,at_home,content,teacher,over_cap_reason,none,version,updated_at,author");
    EXPECT_NE(csv.find(",2026-11-16,数学,"), std::string::npos) << "subjects and classes by name, not codes";
    EXPECT_EQ(csv.find("class_id"), std::string::npos);
    EXPECT_EQ(csv.find("{\""), std::string::npos) << "no JSON bodies";

    // Round trip: remove the week here, then `taizhang import` puts back the same entries.
    for (const auto& r : before) ASSERT_TRUE(app->ledger().remove(r.meta.id, r.meta.version, app->change()).ok());
    ASSERT_TRUE(app->store().query(week).empty());
    QProcess cli;
    cli.start(QStringLiteral(TAIZHANG_BIN_DIR "/taizhang"),
              {"--db", QString::fromStdString(app->db().path()), "import", "--kind", "homework",
               QString::fromStdString(path)});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    auto key = [](const Record& r) {
        return r.classId() + "|" + r.date()->toString() + "|" + r.body.value("subject", std::string()) + "|" +
               std::to_string(r.body.value("minutes", 0)) + "|" + r.body.value("content", std::string());
    };
    std::multiset<std::string> expected, imported;
    for (const auto& r : before) expected.insert(key(r));
    for (const auto& r : app->store().query(week)) imported.insert(key(r));
    EXPECT_EQ(imported, expected);
}

TEST_F(ReportsSettings, GIVEN_a_kind_that_is_not_daily_WHEN_exported_THEN_refused_in_chinese_and_no_file)
{
    ReportsController reports(*app);
    const std::string path = dir.file("x.csv");
    EXPECT_FALSE(reports.exportCsv(QString::fromStdString(path), "2026-11-16", "2026-11-20", "teacher"));
    EXPECT_NE(reports.status().indexOf(QStringLiteral("作业")), -1) << reports.status().toStdString();
    EXPECT_FALSE(QFile::exists(QString::fromStdString(path)));
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
