// The records browser reads core's kind table (core/record_kinds.h): its kind filter, the kinds'
// names in both languages and each row's summary line, which reads as it did when the summaries
// were written by hand in records_model.cpp.
#include <QAbstractItemModelTester>

#include <set>

#include "client_fixture.h"
#include "qt_convert.h"
#include "records_model.h"

namespace taizhang::testing {
namespace {

using RecordsFromKinds = ClientFixture;

QString summaryOf(RecordsModel& model, const std::string& id)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), RecordsModel::IdRole).toString() == qs(id))
            return model.data(model.index(row), RecordsModel::SummaryRole).toString();
    return QStringLiteral("<not listed>");
}

TEST_F(RecordsFromKinds, GIVEN_the_kind_table_WHEN_the_browser_lists_its_kinds_THEN_the_exported_kinds_with_their_chinese_and_english_names)
{
    RecordsModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QStringList values, texts;
    for (const auto& v : model.kinds()) {
        values << v.toMap().value("value").toString();
        texts << v.toMap().value("text").toString();
    }
    EXPECT_EQ(values, (QStringList{"homework", "sleep", "activity", "timetable", "training", "class", "teacher"}));
    EXPECT_EQ(texts, (QStringList{"作业", "睡眠", "体育活动", "课表", "培训", "班级", "教师"}));
    app->setLanguage("en");
    EXPECT_EQ(model.kinds().at(2).toMap().value("text").toString(), "Physical activity");
    EXPECT_EQ(app->kindName("subject"), "Course");
}

TEST_F(RecordsFromKinds, GIVEN_records_of_several_kinds_WHEN_listed_THEN_each_summary_reads_as_before_in_both_languages)
{
    const std::string klass = classId("三年级1班");
    // A subject the class takes with no homework that day yet (homework is unique per class-day-subject).
    std::set<std::string> used;
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20},
                                                        .to = Date{2026, 11, 20}, .classId = klass}))
        used.insert(bodyAs<Homework>(r).subject);
    std::string subject;
    for (const auto& s : app->subjectsOfClass(*app->findClass(klass)))
        if (!used.count(s)) subject = s;
    ASSERT_FALSE(subject.empty());
    auto homework = app->ledger().save(
        Kind::Homework, Json{{"class_id", klass}, {"date", "2026-11-20"}, {"subject", subject}, {"minutes", 12},
                             {"written", false}, {"at_home", true}, {"content", "观察月相"}},
        app->change());
    ASSERT_TRUE(homework.ok()) << describeIssues(homework.issues);
    const auto teacher = app->teachers().front();
    auto training = app->ledger().save(Kind::Training,
                                       Json{{"teacher_id", teacher.id}, {"start", "2026-11-18"}, {"end", "2026-11-19"},
                                            {"title", "新课标研修"}, {"hours", 12.5}},
                                       app->change());
    ASSERT_TRUE(training.ok()) << describeIssues(training.issues);
    RecordsModel model(*app);  // the last week, 2026-11-14 .. 2026-11-20
    EXPECT_EQ(summaryOf(model, homework.record->meta.id),
              app->subjectName(qs(subject)) + " 12 分钟 · 非书面 · 在家 · 观察月相");
    EXPECT_EQ(summaryOf(model, training.record->meta.id), qs(teacher.body.name) + " · 新课标研修 · 12.5 学时");
    // A sleep survey shows its average with one decimal, as the hand-written summary did.
    const auto sleep = app->store().query(RecordQuery{.kind = Kind::Sleep, .from = Date{2026, 11, 14},
                                                      .to = Date{2026, 11, 20}, .limit = 1});
    ASSERT_EQ(sleep.size(), 1u);
    const auto s = bodyAs<SleepSurvey>(sleep.front());
    EXPECT_EQ(summaryOf(model, sleep.front().meta.id), QString("调查 %1 人，达标 %2 人，平均 %3 小时")
                                                            .arg(s.surveyed).arg(s.reachingStandard)
                                                            .arg(s.averageHours, 0, 'f', 1));
    app->setLanguage("en");
    model.reload();
    EXPECT_EQ(summaryOf(model, homework.record->meta.id),
              app->subjectName(qs(subject)) + " 12 min · Not written · At home · 观察月相");
    EXPECT_EQ(summaryOf(model, training.record->meta.id), qs(teacher.body.name) + " · 新课标研修 · 12.5 hours");
}

}  // namespace
}  // namespace taizhang::testing
