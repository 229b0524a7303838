// CSV export from the Reports page, as an administrator does it for the county or for Excel:
// pick 作业 and a week, 导出……, confirm the path -> the file is what `taizhang export` writes
// (names, BOM) and `taizhang import` reads it back into the ledger.
#include <fstream>
#include <set>
#include <sstream>

#include <QProcess>
#include <QQuickItem>

#include "app_context.h"
#include "journey_fixture.h"

namespace taizhang::testing {
namespace {

using CsvJourney = Journey;

TEST_F(CsvJourney, GIVEN_a_week_of_homework_WHEN_exported_from_the_reports_page_THEN_taizhang_import_reads_the_file_back)
{
    startDemo();
    signIn("admin", "demo1234");
    goTo("reports");
    const std::string weekSql =
        "FROM records WHERE kind = 'homework' AND deleted = 0 AND day BETWEEN '2026-11-16' AND '2026-11-20'";
    const std::string entrySql =
        "SELECT class_id || '|' || day || '|' || json_extract(body, '$.subject') || '|' || "
        "json_extract(body, '$.minutes') || '|' || ifnull(json_extract(body, '$.content'), '') " + weekSql;
    const auto before = column(entrySql);
    ASSERT_FALSE(before.empty());

    choose("csvKind", "作业");
    fill("csvFrom", "2026-11-16");
    fill("csvTo", "2026-11-20");
    click("csvExportButton");
    QQuickItem* path = item("csvDialogPath");
    ASSERT_NE(path, nullptr);
    EXPECT_TRUE(path->property("text").toString().endsWith(".csv")) << path->property("text").toString().toStdString();
    const std::string file = dir.file("作业-本周.csv");
    fill("csvDialogPath", QString::fromStdString(file));
    click("csvDialogSave");
    QQuickItem* status = item("csvStatus");
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return status->property("text").toString().contains("已导出"); }, 20000))
        << status->property("text").toString().toStdString();

    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string csv = text.str();
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
              "id,class,date,subject,minutes,written,at_home,content,teacher,over_cap_reason,none,version,updated_at,author");
    EXPECT_EQ(csv.find("{\""), std::string::npos) << "no JSON bodies in the file";

    // The week removed here, then the file imported by the CLI: the same entries come back.
    for (const auto& id : column("SELECT id " + weekSql)) {
        const auto r = app().store().find(id);
        ASSERT_TRUE(r);
        ASSERT_TRUE(app().ledger().remove(id, r->meta.version, app().change()).ok());
    }
    ASSERT_EQ(count("SELECT count(*) " + weekSql), 0);
    QProcess cli;
    cli.start(QStringLiteral(TAIZHANG_CLI),
              {"--db", QString::fromStdString(ledgerPath()), "import", "--kind", "homework", QString::fromStdString(file)});
    ASSERT_TRUE(cli.waitForFinished(30000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    const auto after = column(entrySql);
    EXPECT_EQ(std::multiset<std::string>(after.begin(), after.end()),
              std::multiset<std::string>(before.begin(), before.end()));
}

}  // namespace
}  // namespace taizhang::testing
