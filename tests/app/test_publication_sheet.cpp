// The 作业公示 sheet (preview, PDF, printer) and the words typed into the client's forms, on a
// real demo ledger.
#include <QFile>
#include <QPrinter>
#include <QSignalSpy>
#include <QUrl>

#include "client_fixture.h"
#include "homework_entry_model.h"
#include "policy.h"
#include "publication_controller.h"
#include "qt_convert.h"
#include "setup_parsing.h"

namespace taizhang::testing {
namespace {

using PublicationSheet = ClientFixture;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST_F(PublicationSheet, GIVEN_a_school_day_WHEN_the_sheet_is_made_THEN_weekday_class_subject_content_teacher_totals_rule_and_signatures)
{
    PublicationController sheet(*app);
    sheet.setDate("2026-11-20");
    const QString html = sheet.html();
    EXPECT_TRUE(html.contains("作业公示"));
    EXPECT_TRUE(html.contains("2026年11月20日 星期五"));
    for (const auto& c : app->classes()) EXPECT_TRUE(html.contains(qs(c.body.name))) << c.body.name;
    // Every entry of the day: subject, content and the teacher who set it.
    const auto entries = app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20}, .to = Date{2026, 11, 20}});
    ASSERT_FALSE(entries.empty());
    for (const auto& r : entries) {
        const auto h = bodyAs<Homework>(r);
        EXPECT_TRUE(html.contains(qs(h.content).toHtmlEscaped())) << h.content;
        if (!h.teacherId.empty()) {
            EXPECT_TRUE(html.contains(app->teacherName(qs(h.teacherId)))) << h.teacherId;
        }
    }
    for (const char* header : {"星期", "班级", "学科", "作业内容", "类型", "分钟", "布置教师"})
        EXPECT_TRUE(html.contains(header)) << header;
    EXPECT_TRUE(html.contains("本班合计：书面作业"));
    EXPECT_TRUE(html.contains("全部作业"));
    EXPECT_TRUE(html.contains("上限 60 分钟"));
    EXPECT_TRUE(html.contains("班主任（签字）"));
    EXPECT_TRUE(html.contains("教务处（审核）"));
    // The rule line is core's text, not a copy in the client.
    EXPECT_TRUE(html.contains(qs(homeworkPublicationRule(Date{2026, 11, 20}, app->overrides()).zh).toHtmlEscaped()));
    // A day of the deliberate over-cap class shows its total in red and the reason.
    std::optional<Homework> over;
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework}))
        if (auto h = bodyAs<Homework>(r); !h.overCapReason.empty()) over = h;
    ASSERT_TRUE(over);
    sheet.setDate(qs(over->date));
    EXPECT_TRUE(sheet.html().contains(qs("超出原因：" + over->overCapReason))) << over->date.toString();
    EXPECT_TRUE(sheet.html().contains("#fde7e7"));
}

TEST_F(PublicationSheet, GIVEN_week_chosen_WHEN_the_sheet_is_made_THEN_monday_to_friday_for_each_class)
{
    PublicationController sheet(*app);
    sheet.setDate("2026年11月18日");  // typed the Chinese way: the same day as 2026-11-18
    ASSERT_TRUE(sheet.dateError().isEmpty());
    sheet.setWeek(true);
    const QString html = sheet.html();
    EXPECT_TRUE(html.contains("2026年11月16日（星期一）至 2026年11月20日（星期五）")) << ss(html.left(400));
    for (const char* day : {"星期一", "星期二", "星期三", "星期四", "星期五"}) EXPECT_TRUE(html.contains(day)) << day;
}

TEST_F(PublicationSheet, GIVEN_a_date_nobody_can_read_WHEN_set_THEN_a_chinese_message_and_no_pdf)
{
    PublicationController sheet(*app);
    QSignalSpy changed(&sheet, &PublicationController::sheetChanged);
    sheet.setDate("11月20");
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(sheet.dateError().isEmpty());
    EXPECT_TRUE(sheet.html().isEmpty());
    EXPECT_FALSE(sheet.savePdf(QUrl::fromLocalFile(QString::fromStdString(dir.file("none.pdf")))));
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.file("none.pdf"))));
}

TEST_F(PublicationSheet, GIVEN_a_sheet_WHEN_saved_as_pdf_THEN_a4_pages_and_no_part_file_left)
{
    PublicationController sheet(*app);
    sheet.setDate("2026-11-20");
    const QString pdf = QString::fromStdString(dir.file("sheet.pdf"));
    ASSERT_TRUE(sheet.savePdf(QUrl::fromLocalFile(pdf))) << ss(sheet.status());
    const QByteArray bytes = readAll(pdf);
    EXPECT_TRUE(bytes.startsWith("%PDF"));
    EXPECT_TRUE(bytes.contains("/MediaBox [0 0 595")) << "A4 is 595 x 842 pt";
    EXPECT_FALSE(QFile::exists(pdf + ".part"));
    EXPECT_TRUE(sheet.status().contains("页"));
}

TEST_F(PublicationSheet, GIVEN_a_printer_WHEN_the_sheet_is_printed_THEN_the_same_pages_reach_it_and_unknown_printers_are_refused)
{
    PublicationController sheet(*app);
    sheet.setDate("2026-11-20");
    // A printer set to print to a file runs the same painting as a real one.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString out = QString::fromStdString(dir.file("printed.pdf"));
    printer.setOutputFileName(out);
    ASSERT_TRUE(sheet.printTo(printer));
    EXPECT_TRUE(readAll(out).startsWith("%PDF"));
    EXPECT_FALSE(sheet.print("没有这台打印机", 1));
    EXPECT_TRUE(sheet.status().contains("找不到打印机")) << ss(sheet.status());
}

TEST_F(PublicationSheet, GIVEN_full_width_minutes_WHEN_typed_into_the_homework_page_THEN_saved_as_the_number)
{
    HomeworkEntryModel model(*app);
    std::string classId;
    for (const auto& c : app->classes())
        if (c.body.grade >= 3 && c.body.grade <= 6 && c.body.name != demo.overCapClass) classId = c.id;
    model.setClassId(qs(classId));
    int music = -1;
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.data(model.index(i), HomeworkEntryModel::SubjectRole).toString() == "music") music = i;
    ASSERT_GE(music, 0);
    ASSERT_TRUE(model.setField(music, "minutes", "１５"));
    ASSERT_TRUE(model.setField(music, "written", false));
    ASSERT_TRUE(model.setField(music, "content", "听赏《茉莉花》"));
    EXPECT_TRUE(model.data(model.index(music), HomeworkEntryModel::ErrorRole).toString().isEmpty());
    ASSERT_TRUE(model.save()) << ss(model.status());
    const auto stored = app->store().query(
        RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20}, .to = Date{2026, 11, 20}, .classId = classId});
    auto it = std::find_if(stored.begin(), stored.end(), [](const Record& r) { return r.body["subject"] == "music"; });
    ASSERT_NE(it, stored.end());
    EXPECT_EQ(it->body["minutes"], 15);
}

TEST(ClientWords, GIVEN_teacher_paste_with_older_subject_names_and_full_width_WHEN_parsed_THEN_core_catalogue_codes)
{
    auto r = parseTeacherPaste("王芳\tT001\t品德、信息技术\t2010年9月1日\n李强\tT002\t体育/英语\t２０１５．９．１\n");
    ASSERT_TRUE(r.errors.empty()) << ss(r.errors[0].error);
    ASSERT_EQ(r.teachers.size(), 2u);
    EXPECT_EQ(r.teachers[0].subjects, (std::vector<std::string>{"moral", "it"}));
    EXPECT_EQ(r.teachers[0].hireDate, (Date{2010, 9, 1}));
    EXPECT_EQ(r.teachers[1].subjects, (std::vector<std::string>{"pe", "foreign_language"}));
    EXPECT_EQ(r.teachers[1].hireDate, (Date{2015, 9, 1}));
    const auto classes = parseClassSpec("三年级 １-２ 班 ４５", 40);
    ASSERT_TRUE(classes.errors.empty()) << ss(classes.errors[0].error);
    EXPECT_EQ(classes.classes.size(), 2u);
    EXPECT_EQ(dateFrom("2026年9月1日"), (Date{2026, 9, 1}));
    EXPECT_EQ(intFrom("３０"), 30);
}

}  // namespace
}  // namespace taizhang::testing
