// Automatic sync in the client (SyncService) against the real county server on loopback: the
// pass at start, the debounced pass after a save, backoff and the network coming back, and a
// record the county refuses shown in Chinese, fixed and delivered exactly once.
#include <QRegularExpression>

#include <filesystem>

#include "refused_records_model.h"
#include "settings_controller.h"
#include "sync_county_fixture.h"

namespace taizhang::testing {
namespace {

class AlmostOne final : public sync::RandomSource {
public:
    double uniform01() override { return 0.999; }
};

bool hasLatinWord(const QString& text)
{
    // Chinese UI text carries no English words (curl messages, codes); digits and ":" are fine.
    return text.contains(QRegularExpression(QStringLiteral("[A-Za-z_]{3,}")));
}

using AutoSyncTest = SyncCountyFixture;

TEST_F(AutoSyncTest, GIVEN_an_enrolled_ledger_WHEN_the_client_starts_THEN_everything_reaches_the_county_by_itself_and_the_status_says_all_sent)
{
    startCounty();
    enroll();
    auto service = makeService();
    waitForPass(*service);
    EXPECT_EQ(service->state(), "sent");
    EXPECT_EQ(service->headline(), QStringLiteral("已全部发送"));
    EXPECT_EQ(service->unsentCount(), 0);
    EXPECT_TRUE(service->lastSuccessText().contains(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d$"))))
        << qPrintable(service->lastSuccessText()) << " (school-local HH:mm, not a UTC timestamp)";
    EXPECT_FALSE(service->nextTryText().isEmpty()) << "the periodic pass is planned";
    EXPECT_EQ(static_cast<std::int64_t>(county.records(demo.school.code).size()), localRecordCount());
}

TEST_F(AutoSyncTest, GIVEN_everything_sent_WHEN_a_teacher_saves_homework_THEN_a_pass_follows_shortly_without_anyone_pressing_sync)
{
    startCounty();
    enroll();
    auto service = makeService();
    waitForPass(*service);
    ASSERT_EQ(service->state(), "sent");
    const Record saved = saveHomework("三年级1班", "课文朗读");
    EXPECT_EQ(service->unsentCount(), 1) << "the status shows the save at once";
    EXPECT_EQ(service->headline(), QStringLiteral("1 条未发送"));
    EXPECT_GE(service->millisUntilNextPass(), 0);
    EXPECT_LE(service->millisUntilNextPass(), 50) << "debounced, not the 15-minute interval";
    waitForPass(*service);
    EXPECT_EQ(county.records(demo.school.code).count(saved.meta.id), 1u);
    EXPECT_EQ(service->unsentCount(), 0);
}

TEST_F(AutoSyncTest, GIVEN_the_county_is_unreachable_WHEN_passes_fail_THEN_the_status_explains_in_chinese_and_the_network_coming_back_sends_at_once)
{
    startCounty();
    const int port = county.port();
    enroll();
    county.stop();  // nothing listens on the port now: connection refused

    auto options = fastOptions();
    options.retry.baseMillis = 3'600'000;  // a long backoff: only the network event can end it soon
    options.retry.capMillis = 3'600'000;
    options.random = std::make_shared<AlmostOne>();
    auto service = makeService(options);
    waitForPass(*service);
    EXPECT_EQ(service->state(), "retrying");
    EXPECT_EQ(service->problemId(), "refused");
    EXPECT_TRUE(service->headline().startsWith(QStringLiteral("网络不通，将在 "))) << qPrintable(service->headline());
    EXPECT_FALSE(hasLatinWord(service->headline())) << qPrintable(service->headline());
    EXPECT_FALSE(hasLatinWord(service->problemText())) << qPrintable(service->problemText());
    EXPECT_FALSE(service->adviceText().isEmpty());
    EXPECT_GT(service->millisUntilNextPass(), 3'000'000) << "backoff holds the next try";
    EXPECT_EQ(county.records(demo.school.code).size(), 0u);

    startCounty({}, port);
    service->setNetworkReachable(true);
    EXPECT_LE(service->millisUntilNextPass(), 0);
    waitForPass(*service);
    EXPECT_EQ(service->state(), "sent");
    EXPECT_EQ(service->problemId(), "none");
    EXPECT_EQ(static_cast<std::int64_t>(county.records(demo.school.code).size()), localRecordCount());

    // Nothing waiting and the county gone again: still all sent, but no new "last success", and a warning.
    const std::string lastSuccess = loadSyncState(app->db()).lastSuccessAt;
    county.stop();
    service->syncNow();
    waitForPass(*service);
    EXPECT_EQ(service->state(), "sent");
    EXPECT_EQ(loadSyncState(app->db()).lastSuccessAt, lastSuccess);
    EXPECT_TRUE(service->warningText().startsWith(QStringLiteral("连不上区县服务器"))) << qPrintable(service->warningText());
}

TEST_F(AutoSyncTest, GIVEN_a_record_over_the_countys_size_limit_WHEN_synced_THEN_it_is_listed_in_chinese_not_reported_as_all_sent_and_a_fix_reaches_the_county_once)
{
    startCounty({"--max-record-bytes", "2048"});
    enroll();
    QString longText;
    for (int i = 0; i < 70; ++i) longText += QStringLiteral("阅读课文第三单元并摘抄好词好句");  // ~3.1 KB
    const Record big = saveHomework("四年级1班", ss(longText));

    auto service = makeService();
    waitForPass(*service);
    EXPECT_EQ(service->refusedCount(), 1);
    EXPECT_EQ(service->unsentCount(), 0);
    EXPECT_NE(service->headline(), QStringLiteral("已全部发送"));
    EXPECT_TRUE(service->headline().contains(QStringLiteral("1 条被区县退回"))) << qPrintable(service->headline());
    EXPECT_FALSE(service->resultText().contains(QStringLiteral("全部")));
    EXPECT_TRUE(service->resultText().contains(QStringLiteral("1 条被区县退回"))) << qPrintable(service->resultText());

    RefusedRecordsModel refused(*app);
    ASSERT_EQ(refused.count(), 1);
    const auto idx = refused.index(0);
    const QString title = refused.data(idx, RefusedRecordsModel::TitleRole).toString();
    EXPECT_TRUE(title.contains(QStringLiteral("四年级1班")) && title.contains(QStringLiteral("2026-11-20")) &&
                title.contains(QStringLiteral("作业")))
        << qPrintable(title);
    const QString reason = refused.data(idx, RefusedRecordsModel::ReasonRole).toString();
    EXPECT_TRUE(reason.contains(QStringLiteral("太大")) && reason.contains(QStringLiteral("2.0 KB"))) << qPrintable(reason);
    for (int role : {RefusedRecordsModel::TitleRole, RefusedRecordsModel::ReasonRole, RefusedRecordsModel::AdviceRole})
        EXPECT_FALSE(hasLatinWord(refused.data(idx, role).toString())) << qPrintable(refused.data(idx, role).toString());
    EXPECT_FALSE(refused.data(idx, RefusedRecordsModel::CanDismissRole).toBool());
    EXPECT_FALSE(refused.dismiss(0).isEmpty()) << "a refused live record cannot be dismissed, even bypassing the UI";
    EXPECT_EQ(refused.count(), 1);
    const QVariantMap target = refused.editTarget(0);
    EXPECT_EQ(target.value("page").toString(), "homework");
    EXPECT_EQ(target.value("classId").toString(), qs(classId("四年级1班")));
    EXPECT_EQ(county.records(demo.school.code).count(big.meta.id), 0u);

    // The fix: a shorter text, saved as a normal edit; the next automatic pass delivers it.
    Json body = big.body;
    body["content"] = "阅读课文第三单元";
    ASSERT_TRUE(app->ledger().update(big.meta.id, body, big.meta.version, app->change()).ok());
    app->notifyDataChanged();
    waitForPass(*service);
    EXPECT_EQ(service->refusedCount(), 0) << "the accepted newer version resolves the refusal";
    EXPECT_EQ(service->headline(), QStringLiteral("已全部发送"));
    EXPECT_EQ(refused.count(), 0);
    EXPECT_EQ(county.records(demo.school.code).count(big.meta.id), 1u);
    EXPECT_EQ(county.records(demo.school.code).at(big.meta.id), 2);
}

TEST_F(AutoSyncTest, GIVEN_the_county_approved_and_locked_a_week_WHEN_an_entry_of_it_is_synced_THEN_the_refusal_is_explained_in_chinese_and_a_resend_after_reopening_arrives)
{
    startCounty();
    enroll();
    auto service = makeService();
    waitForPass(*service);
    // The county's reviewer approves the week of 2026-11-16 (the console writes this row).
    county.execSql("INSERT INTO period_reviews(school_code, week_start, state, reason, staff_id, staff_name, at) VALUES ('" +
                   demo.school.code + "', '2026-11-16', 'approved', '', 's1', '李审核', '2026-11-24T01:00:00.000Z')");
    const Record late = saveHomework("四年级1班", "阅读课文第三单元");  // dated 2026-11-20
    app->notifyDataChanged();
    waitForPass(*service);
    EXPECT_EQ(service->refusedCount(), 1);

    RefusedRecordsModel refused(*app);
    ASSERT_EQ(refused.count(), 1);
    const auto idx = refused.index(0);
    const QString reason = refused.data(idx, RefusedRecordsModel::ReasonRole).toString();
    const QString advice = refused.data(idx, RefusedRecordsModel::AdviceRole).toString();
    EXPECT_TRUE(reason.contains(QStringLiteral("锁定")) && reason.contains(QStringLiteral("一周"))) << qPrintable(reason);
    EXPECT_TRUE(advice.contains(QStringLiteral("重新开放"))) << qPrintable(advice);
    for (const QString& text : {reason, advice}) EXPECT_FALSE(hasLatinWord(text)) << qPrintable(text);
    EXPECT_EQ(county.records(demo.school.code).count(late.meta.id), 0u);

    // The county reopens the week; the school resends and the entry arrives.
    county.execSql("UPDATE period_reviews SET state = 'reopened' WHERE week_start = '2026-11-16'");
    EXPECT_TRUE(refused.resend(0).isEmpty());
    waitForPass(*service);
    EXPECT_EQ(service->refusedCount(), 0);
    EXPECT_EQ(county.records(demo.school.code).count(late.meta.id), 1u);
}

TEST_F(AutoSyncTest, GIVEN_the_county_returned_a_week_with_a_reason_WHEN_the_school_syncs_THEN_today_shows_it_until_the_county_approves)
{
    startCounty();
    enroll();
    auto service = makeService();
    waitForPass(*service);
    EXPECT_EQ(service->returnedText(), QString());
    // The county's reviewer returns the week of 2026-11-16 (the console writes this row).
    county.execSql("INSERT INTO period_reviews(school_code, week_start, state, reason, staff_id, staff_name, at) VALUES ('" +
                   demo.school.code + "', '2026-11-16', 'returned', '四年级1班周三作业时长与公示不符', 's1', '李审核',"
                   " '2026-11-24T01:00:00.000Z')");
    service->syncNow();
    waitForPass(*service);
    const QString returned = service->returnedText();
    EXPECT_TRUE(returned.contains(QStringLiteral("2026-11-16 至 2026-11-22")) &&
                returned.contains(QStringLiteral("四年级1班周三作业时长与公示不符")))
        << qPrintable(returned);
    EXPECT_FALSE(hasLatinWord(returned)) << qPrintable(returned);
    EXPECT_NE(loadSyncState(app->db()).countyReviews.find("returned"), std::string::npos);

    // The school fixes the week; the county approves it: the line goes away at the next sync.
    county.execSql("UPDATE period_reviews SET state = 'approved', reason = '' WHERE week_start = '2026-11-16'");
    service->syncNow();
    waitForPass(*service);
    EXPECT_EQ(service->returnedText(), QString());
}

TEST_F(AutoSyncTest, GIVEN_a_backup_restored_and_edited_again_WHEN_the_county_holds_other_content_for_that_version_THEN_the_conflict_is_listed_and_can_be_dismissed)
{
    startCounty();
    enroll();
    auto service = makeService();
    const Record saved = saveHomework("三年级1班", "课文朗读");
    waitForPass(*service);
    ASSERT_EQ(county.records(demo.school.code).count(saved.meta.id), 1u);

    // A backup of the ledger (with its key file) is taken, the record is edited here and sent ...
    const std::string copy = dir.file("restored.db");
    SettingsController settings(*app);
    ASSERT_TRUE(settings.backup(qs(copy)));
    std::filesystem::copy_file(sync::TokenVault::keyFileFor(app->db().path()), sync::TokenVault::keyFileFor(copy));
    Json mine = saved.body;
    mine["content"] = "课文朗读三遍";
    ASSERT_TRUE(app->ledger().update(saved.meta.id, mine, 1, app->change()).ok());
    app->notifyDataChanged();
    waitForPass(*service);
    service.reset();

    // ... then the backup is restored on a computer and the same record edited differently.
    AppContext restored(copy, *clock);
    restored.signInAs("admin", "admin", true, {});
    Json theirs = saved.body;
    theirs["content"] = "背诵课文";
    ASSERT_TRUE(restored.ledger().update(saved.meta.id, theirs, 1, restored.change()).ok());
    restored.notifyDataChanged();
    SyncService restoredSync(restored, fastOptions());
    waitForPass(restoredSync);
    EXPECT_EQ(restoredSync.conflictCount(), 1);
    EXPECT_EQ(restoredSync.refusedCount(), 0) << "a conflict was delivered: the county keeps it for review";
    EXPECT_TRUE(restoredSync.resultText().contains(QStringLiteral("1 条与区县已有内容不一致"))) << qPrintable(restoredSync.resultText());

    RefusedRecordsModel conflicts(restored);
    ASSERT_EQ(conflicts.count(), 1);
    const auto idx = conflicts.index(0);
    EXPECT_TRUE(conflicts.data(idx, RefusedRecordsModel::IsConflictRole).toBool());
    EXPECT_TRUE(conflicts.data(idx, RefusedRecordsModel::ReasonRole).toString().contains(QStringLiteral("同一版本")));
    EXPECT_FALSE(conflicts.data(idx, RefusedRecordsModel::CanResendRole).toBool());
    ASSERT_TRUE(conflicts.data(idx, RefusedRecordsModel::CanDismissRole).toBool());
    EXPECT_EQ(conflicts.dismiss(0), QString());
    EXPECT_EQ(conflicts.count(), 0);
    EXPECT_EQ(Outbox(restored.db(), *clock).status().openConflicts, 0);
    EXPECT_EQ(county.count("SELECT count(*) FROM conflicts WHERE record_id = '" + saved.meta.id + "'"), 1);
}

TEST_F(AutoSyncTest, GIVEN_a_teacher_signed_in_WHEN_she_tries_to_resend_or_dismiss_a_refused_record_THEN_the_model_refuses)
{
    startCounty({"--max-record-bytes", "2048"});
    enroll();
    QString longText;
    for (int i = 0; i < 70; ++i) longText += QStringLiteral("阅读课文第三单元并摘抄好词好句");
    saveHomework("四年级1班", ss(longText));
    auto service = makeService();
    waitForPass(*service);
    app->signInAs("teacher", "teacher", false, {});
    RefusedRecordsModel refused(*app);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(refused.resend(0), QStringLiteral("只有管理员可以处理退回的记录"));
    EXPECT_EQ(refused.dismiss(0), QStringLiteral("只有管理员可以处理退回的记录"));
    EXPECT_EQ(Outbox(app->db(), *clock).status().openDeadLetters, 1);
}

TEST_F(AutoSyncTest, GIVEN_a_revoked_device_WHEN_the_pass_is_refused_THEN_sync_pauses_in_chinese_until_the_computer_is_enrolled_again)
{
    startCounty();
    enroll();
    county.revokeDevice(loadSyncSettings(app->db()).deviceId);
    auto service = makeService();
    waitForPass(*service);
    EXPECT_EQ(service->state(), "blocked");
    EXPECT_EQ(service->problemId(), "revoked");
    EXPECT_TRUE(service->problemText().contains(QStringLiteral("停用"))) << qPrintable(service->problemText());
    EXPECT_FALSE(hasLatinWord(service->problemText() + service->adviceText() + service->headline()));
    saveHomework("三年级1班", "课文朗读");
    EXPECT_EQ(service->millisUntilNextPass(), -1) << "no retries against a refusal";

    // A new code from the bureau: enrolling again restarts automatic sync by itself.
    enroll();
    app->notifyDataChanged();  // as Settings does after enrolling
    waitForPass(*service);
    EXPECT_EQ(service->state(), "sent") << qPrintable(service->headline());
    EXPECT_EQ(service->problemId(), "none");
}

}  // namespace
}  // namespace taizhang::testing
