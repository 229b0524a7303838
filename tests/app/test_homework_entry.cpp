// The homework entry model: rows per subject, running written total against the cap, inline
// messages, the over-cap reason rule, copy-previous-day, all on a real ledger file.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include "client_fixture.h"
#include "homework_entry_model.h"
#include "publication_sheet.h"
#include "qt_convert.h"
#include "today_model.h"

namespace taizhang::testing {
namespace {

using HomeworkEntry = ClientFixture;

int rowOf(const HomeworkEntryModel& m, const QString& subject)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.data(m.index(i), HomeworkEntryModel::SubjectRole).toString() == subject) return i;
    return -1;
}

// A grade 3-6 class of the demo school that is not the deliberate over-cap class.
std::string ordinaryMiddleClass(const DemoSummary& demo, const AppContext& app)
{
    for (const auto& c : app.classes())
        if (c.body.grade >= 3 && c.body.grade <= 6 && c.body.name != demo.overCapClass) return c.id;
    return {};
}

TEST_F(HomeworkEntry, GIVEN_a_class_and_day_WHEN_loaded_THEN_one_row_per_subject_with_stored_minutes)
{
    HomeworkEntryModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const std::string id = ordinaryMiddleClass(demo, *app);
    model.setClassId(qs(id));
    ASSERT_EQ(model.date(), "2026-11-20");
    EXPECT_EQ(model.rowCount(), static_cast<int>(app->subjectsOfClass(*app->findClass(id)).size()));
    const int chinese = rowOf(model, "chinese");
    ASSERT_GE(chinese, 0);
    EXPECT_TRUE(model.data(model.index(chinese), HomeworkEntryModel::SavedRole).toBool());
    EXPECT_EQ(model.cap(), 60);
    EXPECT_GT(model.writtenTotal(), 0);
    EXPECT_FALSE(model.dirty());
    EXPECT_FALSE(model.canSave());
}

TEST_F(HomeworkEntry, GIVEN_typing_WHEN_minutes_change_THEN_total_updates_and_over_cap_needs_a_reason)
{
    HomeworkEntryModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setClassId(qs(ordinaryMiddleClass(demo, *app)));
    QSignalSpy totals(&model, &HomeworkEntryModel::totalsChanged);
    const int before = model.writtenTotal();
    const int science = rowOf(model, "science");
    ASSERT_GE(science, 0);
    ASSERT_TRUE(model.setField(science, "minutes", "50"));
    ASSERT_TRUE(model.setField(science, "content", "实验报告"));
    EXPECT_GE(totals.count(), 2);
    EXPECT_EQ(model.writtenTotal(), before + 50);
    EXPECT_TRUE(model.overCap());
    EXPECT_FALSE(model.canSave());
    EXPECT_FALSE(model.save());
    EXPECT_TRUE(model.status().contains("原因"));

    model.setOverCapReason("期中复习");
    ASSERT_TRUE(model.canSave());
    ASSERT_TRUE(model.save()) << model.status().toStdString();
    // Saved and reloaded: the over-cap entry carries its reason, also in the audit trail.
    auto stored = app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20}, .to = Date{2026, 11, 20},
                                                 .classId = ss(model.classId())});
    auto it = std::find_if(stored.begin(), stored.end(), [](const Record& r) { return r.body["subject"] == "science"; });
    ASSERT_NE(it, stored.end());
    EXPECT_EQ(it->body["over_cap_reason"], "期中复习");
    auto history = app->store().history(it->meta.id);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.back().reason, "期中复习");
}

TEST_F(HomeworkEntry, GIVEN_bad_minutes_WHEN_typed_THEN_row_shows_a_specific_message_and_save_is_disabled)
{
    HomeworkEntryModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setClassId(qs(ordinaryMiddleClass(demo, *app)));
    const int music = rowOf(model, "music");
    ASSERT_TRUE(model.setField(music, "minutes", "abc"));
    EXPECT_EQ(model.data(model.index(music), HomeworkEntryModel::ErrorRole).toString(), "分钟数应为 0 到 240 之间的整数");
    EXPECT_FALSE(model.valid());
    EXPECT_FALSE(model.canSave());
    ASSERT_TRUE(model.setField(music, "minutes", "10"));
    EXPECT_EQ(model.data(model.index(music), HomeworkEntryModel::ErrorRole).toString(), "请填写作业内容（作业公示需要）");
    ASSERT_TRUE(model.setField(music, "written", false));
    ASSERT_TRUE(model.setField(music, "content", "听赏《茉莉花》"));
    EXPECT_TRUE(model.data(model.index(music), HomeworkEntryModel::ErrorRole).toString().isEmpty());
    EXPECT_TRUE(model.canSave());
}

TEST_F(HomeworkEntry, GIVEN_a_future_date_WHEN_set_THEN_date_error_and_nothing_can_be_saved)
{
    HomeworkEntryModel model(*app);
    model.setClassId(qs(ordinaryMiddleClass(demo, *app)));
    model.setDate("2026-11-21x");
    EXPECT_FALSE(model.dateError().isEmpty());
    model.setDate("2026-12-01");
    EXPECT_EQ(model.dateError(), "不能记录未来日期的作业");
    EXPECT_FALSE(model.canSave());
}

TEST_F(HomeworkEntry, GIVEN_an_empty_day_WHEN_copy_previous_day_THEN_rows_are_filled_but_not_saved)
{
    HomeworkEntryModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const std::string id = ordinaryMiddleClass(demo, *app);
    model.setClassId(qs(id));
    model.setDate("2026-11-21");  // Saturday: no homework stored
    ASSERT_EQ(model.writtenTotal(), 0);
    const auto outboxBefore = app->store().outboxCount();
    EXPECT_GT(model.copyPreviousDay(), 0);
    EXPECT_GT(model.writtenTotal(), 0);
    EXPECT_TRUE(model.dirty());
    EXPECT_EQ(app->store().outboxCount(), outboxBefore);
}

// A day marked 无作业 has nothing to copy: 复制前一天 goes back past it to the last day with homework.
TEST_F(HomeworkEntry, GIVEN_the_previous_school_day_marked_no_homework_WHEN_copy_previous_day_THEN_the_homework_of_the_day_before_it_is_copied)
{
    const std::string id = ordinaryMiddleClass(demo, *app);
    const Date friday{2026, 11, 20}, thursday{2026, 11, 19};
    const auto dayRecords = [&](const Date& day) {
        return app->store().query(RecordQuery{.kind = Kind::Homework, .from = day, .to = day, .classId = id});
    };
    for (const auto& r : dayRecords(friday)) ASSERT_TRUE(app->ledger().remove(r.meta.id, r.meta.version, app->change()).ok());
    Homework mark;
    mark.classId = id;
    mark.date = friday;
    mark.none = true;
    ASSERT_TRUE(app->ledger().save(Kind::Homework, mark, app->change()).ok());
    const auto thursdays = dayRecords(thursday);
    ASSERT_FALSE(thursdays.empty());

    HomeworkEntryModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setClassId(qs(id));
    model.setDate("2026-11-21");  // Saturday: nothing stored
    const auto outboxBefore = app->store().outboxCount();
    EXPECT_EQ(model.copyPreviousDay(), static_cast<int>(thursdays.size()));
    EXPECT_TRUE(model.status().contains("2026-11-19")) << model.status().toStdString();
    for (const auto& r : thursdays) {
        const auto h = bodyAs<Homework>(r);
        const int row = rowOf(model, qs(h.subject));
        ASSERT_GE(row, 0) << h.subject;
        EXPECT_EQ(model.data(model.index(row), HomeworkEntryModel::MinutesRole).toString(), QString::number(h.minutes));
    }
    EXPECT_TRUE(model.dirty());
    EXPECT_EQ(app->store().outboxCount(), outboxBefore) << "copied rows are not saved until Enter";
}

TEST_F(HomeworkEntry, GIVEN_a_saved_row_WHEN_cleared_and_saved_THEN_it_becomes_a_tombstone)
{
    HomeworkEntryModel model(*app);
    model.setClassId(qs(ordinaryMiddleClass(demo, *app)));
    const int chinese = rowOf(model, "chinese");
    ASSERT_TRUE(model.setField(chinese, "minutes", ""));
    ASSERT_TRUE(model.save()) << model.status().toStdString();
    auto live = app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20}, .to = Date{2026, 11, 20},
                                               .classId = ss(model.classId())});
    EXPECT_TRUE(std::none_of(live.begin(), live.end(), [](const Record& r) { return r.body["subject"] == "chinese"; }));
    auto all = app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20}, .to = Date{2026, 11, 20},
                                              .classId = ss(model.classId()), .includeDeleted = true});
    EXPECT_TRUE(std::any_of(all.begin(), all.end(),
                            [](const Record& r) { return r.body["subject"] == "chinese" && r.meta.deleted; }));
}

TEST_F(HomeworkEntry, GIVEN_an_edit_and_a_new_row_WHEN_the_store_fails_on_the_second_THEN_no_row_of_the_day_is_saved)
{
    HomeworkEntryModel model(*app);
    const std::string id = ordinaryMiddleClass(demo, *app);
    model.setClassId(qs(id));
    const auto dayRecords = [&] {
        return app->store().query(RecordQuery{.kind = Kind::Homework, .from = Date{2026, 11, 20},
                                              .to = Date{2026, 11, 20}, .classId = id});
    };
    const auto before = dayRecords();
    const int chinese = rowOf(model, "chinese");
    const int science = rowOf(model, "science");
    ASSERT_GE(chinese, 0);
    ASSERT_GE(science, 0);
    const int chineseMinutes = model.data(model.index(chinese), HomeworkEntryModel::MinutesRole).toInt();
    ASSERT_TRUE(model.setField(chinese, "minutes", QString::number(chineseMinutes + 1)));
    ASSERT_TRUE(model.setField(science, "minutes", "5"));
    ASSERT_TRUE(model.setField(science, "content", "观察记录"));
    ASSERT_TRUE(model.canSave()) << model.status().toStdString();

    // The edit of the Chinese row is written first; the store fails while writing the new row.
    int audits = 0;
    app->ledger().store().setFaultHook([&](std::string_view stage) {
        if (stage == "audit_written" && ++audits == 2) throw std::runtime_error("disk full (injected)");
    });
    EXPECT_FALSE(model.save());
    app->ledger().store().setFaultHook({});
    EXPECT_EQ(audits, 2);

    const auto after = dayRecords();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].meta.id, before[i].meta.id);
        EXPECT_EQ(after[i].meta.version, before[i].meta.version) << after[i].body.dump();
    }

    // Nothing was lost from the form: saving again writes both rows.
    ASSERT_TRUE(model.save()) << model.status().toStdString();
    EXPECT_EQ(dayRecords().size(), before.size() + 1);
}

// 今天无作业 on the entry form: refused by core while the class-day has homework, recorded as the
// day's only homework record once it has none, counted as recorded on Today and printed on the
// 作业公示; typed homework is refused while the mark stands; withdrawn, the day takes homework again.
TEST_F(HomeworkEntry, GIVEN_a_class_day_WHEN_marked_no_homework_THEN_refused_while_it_has_homework_and_afterwards_recorded_counted_and_published)
{
    const Date day{2026, 11, 20};
    HomeworkEntryModel model(*app);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const std::string id = ordinaryMiddleClass(demo, *app);
    model.setClassId(qs(id));
    const auto dayRecords = [&] {
        return app->store().query(RecordQuery{.kind = Kind::Homework, .from = day, .to = day, .classId = id});
    };
    const auto before = dayRecords();
    ASSERT_FALSE(before.empty());
    ASSERT_FALSE(model.noHomework());

    // The class has homework today: core refuses the mark, in Chinese, and nothing is written.
    EXPECT_FALSE(model.setNoHomework(true));
    EXPECT_TRUE(model.status().contains("该班级当天已登记作业，不能再登记“无作业”")) << model.status().toStdString();
    EXPECT_FALSE(model.noHomework());
    EXPECT_EQ(dayRecords().size(), before.size());

    // Unsaved typed minutes are not silently dropped by the mark either.
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.data(model.index(i), HomeworkEntryModel::SavedRole).toBool()) {
            ASSERT_TRUE(model.setField(i, "minutes", ""));
        }
    }
    EXPECT_FALSE(model.setNoHomework(true));
    EXPECT_TRUE(model.status().contains("未保存的作业")) << model.status().toStdString();
    ASSERT_TRUE(model.save()) << model.status().toStdString();
    ASSERT_TRUE(dayRecords().empty());

    TodayModel today(*app);
    today.reload();
    const int missing = today.missingHomework();
    ASSERT_GE(missing, 1);

    // Now the mark is the class-day's homework record: no subject, 0 minutes.
    ASSERT_TRUE(model.setNoHomework(true)) << model.status().toStdString();
    EXPECT_TRUE(model.noHomework());
    EXPECT_EQ(model.status(), "已登记今天无作业");
    const auto marked = dayRecords();
    ASSERT_EQ(marked.size(), 1u);
    const auto h = bodyAs<Homework>(marked.front());
    EXPECT_TRUE(h.none);
    EXPECT_EQ(h.subject, "");
    EXPECT_EQ(h.minutes, 0);
    EXPECT_EQ(marked.front().body.at("none"), true);

    today.reload();
    EXPECT_EQ(today.missingHomework(), missing - 1) << "无作业 counts as recorded";
    bool shown = false;
    for (int i = 0; i < today.rowCount(); ++i)
        if (today.data(today.index(i), TodayModel::ClassIdRole).toString() == qs(id)) {
            EXPECT_TRUE(today.data(today.index(i), TodayModel::HasHomeworkRole).toBool());
            shown = today.data(today.index(i), TodayModel::NoHomeworkRole).toBool();
        }
    EXPECT_TRUE(shown);

    const QString sheet = PublicationSheet::html(*app, day, day);
    const QString name = qs(app->findClass(id)->body.nameOn(day));
    EXPECT_TRUE(sheet.contains(QString("<td>%1</td><td colspan='5'><b>无作业</b>").arg(name))) << sheet.toStdString();

    // While the mark stands, typed homework is refused below the form.
    const int chinese = rowOf(model, "chinese");
    ASSERT_TRUE(model.setField(chinese, "minutes", "20"));
    ASSERT_TRUE(model.setField(chinese, "content", "默写"));
    EXPECT_FALSE(model.save());
    EXPECT_TRUE(model.data(model.index(chinese), HomeworkEntryModel::ErrorRole).toString().contains("无作业"))
        << model.data(model.index(chinese), HomeworkEntryModel::ErrorRole).toString().toStdString();
    EXPECT_EQ(dayRecords().size(), 1u);

    // Withdrawn, the day takes homework again.
    model.reload();
    ASSERT_TRUE(model.setNoHomework(false)) << model.status().toStdString();
    EXPECT_FALSE(model.noHomework());
    EXPECT_TRUE(dayRecords().empty());
    ASSERT_TRUE(model.setField(chinese, "minutes", "20"));
    ASSERT_TRUE(model.setField(chinese, "content", "默写"));
    ASSERT_TRUE(model.save()) << model.status().toStdString();
    EXPECT_EQ(dayRecords().size(), 1u);
}

// Two computers of one school: this one marked the day 无作业, another sent homework for it (the
// pull stores it without the Ledger's check, as the county holds it). The homework stands on 今日
// and on the 作业公示; the entry form still shows the mark so that it can be withdrawn.
TEST_F(HomeworkEntry, GIVEN_a_mark_and_homework_pulled_from_another_computer_WHEN_shown_THEN_the_homework_stands)
{
    const Date day{2026, 11, 20};
    const std::string id = ordinaryMiddleClass(demo, *app);
    for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = day, .to = day, .classId = id}))
        ASSERT_TRUE(app->ledger().remove(r.meta.id, r.meta.version, app->change()).ok());
    HomeworkEntryModel model(*app);
    model.setClassId(qs(id));
    ASSERT_TRUE(model.setNoHomework(true)) << model.status().toStdString();
    Homework pulled{.classId = id, .date = day, .subject = "math", .minutes = 15, .content = "口算练习（另一台电脑）"};
    app->store().createMany({{Kind::Homework, Json(pulled)}}, app->change());

    TodayModel today(*app);
    today.reload();
    for (int i = 0; i < today.rowCount(); ++i)
        if (today.data(today.index(i), TodayModel::ClassIdRole).toString() == qs(id)) {
            EXPECT_TRUE(today.data(today.index(i), TodayModel::HasHomeworkRole).toBool());
            EXPECT_FALSE(today.data(today.index(i), TodayModel::NoHomeworkRole).toBool());
        }
    const QString sheet = PublicationSheet::html(*app, day, day);
    EXPECT_TRUE(sheet.contains("口算练习（另一台电脑）")) << sheet.toStdString();
    EXPECT_FALSE(sheet.contains("<b>无作业</b>")) << sheet.toStdString();
    model.reload();
    EXPECT_TRUE(model.noHomework()) << "the mark can still be withdrawn on the form";
    ASSERT_TRUE(model.setNoHomework(false)) << model.status().toStdString();
}

}  // namespace
}  // namespace taizhang::testing
