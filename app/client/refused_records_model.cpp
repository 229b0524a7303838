#include "refused_records_model.h"

#include <QCoreApplication>

#include "app_context.h"
#include "logging.h"
#include "no_homework_conflict.h"
#include "qt_convert.h"
#include "records.h"
#include "sync_service.h"
#include "sync_state.h"
#include "validation.h"

namespace taizhang {

namespace {

QString weekdayName(int weekday)
{
    static const char* names[] = {QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期一"),
                                  QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期二"),
                                  QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期三"),
                                  QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期四"),
                                  QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期五"),
                                  QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期六"),
                                  QT_TRANSLATE_NOOP("RefusedRecordsModel", "星期日")};
    return weekday >= 1 && weekday <= 7 ? QCoreApplication::translate("RefusedRecordsModel", names[weekday - 1])
                                        : QString::number(weekday);
}

}  // namespace

RefusedRecordsModel::RefusedRecordsModel(QObject* parent) : RefusedRecordsModel(*AppContext::instance(), parent) {}

RefusedRecordsModel::RefusedRecordsModel(AppContext& app, QObject* parent) : QAbstractListModel(parent), app_(&app)
{
    connect(app_, &AppContext::dataChanged, this, &RefusedRecordsModel::reload);
    if (auto* sync = SyncService::instance()) connect(sync, &SyncService::passFinished, this, &RefusedRecordsModel::reload);
    reload();
}

int RefusedRecordsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> RefusedRecordsModel::roleNames() const
{
    return {{EntryIdRole, "entryId"}, {IsConflictRole, "isConflict"}, {KindNameRole, "kindName"},
            {TitleRole, "title"},     {DetailRole, "detail"},         {ReasonRole, "reason"},
            {AdviceRole, "advice"},   {CanOpenRole, "canOpen"},       {CanResendRole, "canResend"},
            {CanDismissRole, "canDismiss"}};
}

QVariant RefusedRecordsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return r.title;
    case EntryIdRole: return static_cast<qlonglong>(r.letter.id);
    case IsConflictRole: return r.letter.status == "conflict";
    case KindNameRole: return r.kindName;
    case DetailRole: return r.detail;
    case ReasonRole: return r.reason;
    case AdviceRole: return r.advice;
    case CanOpenRole: return !r.target.isEmpty();
    case CanResendRole:
        return r.letter.status != "conflict" && r.letter.status != "too_large" && r.letter.code != "record_too_large";
    case CanDismissRole: return r.canDismiss;
    default: return {};
    }
}

void RefusedRecordsModel::reload()
{
    beginResetModel();
    rows_.clear();
    for (const auto& letter : Outbox(app_->db(), app_->clock()).deadLetters(false)) rows_.push_back(describe(letter));
    endResetModel();
    emit countChanged();
}

RefusedRecordsModel::Row RefusedRecordsModel::describe(const DeadLetter& letter) const
{
    Row row;
    row.letter = letter;
    row.kindName = app_->kindName(qs(letter.kind));
    // What the record is NOW here (the user may have fixed or deleted it since); the copy the
    // county refused when the record is gone.
    std::optional<Record> record = app_->store().find(letter.recordId);
    if (!record) {
        try {
            record = recordFromJson(Json::parse(letter.payload));
        } catch (const std::exception&) {
        }
    }
    const bool conflict = letter.status == "conflict";
    if (!record) {
        row.title = row.kindName;
        row.canDismiss = true;  // nothing left to send
    } else {
        const QString cls = app_->className(qs(record->classId()));
        const QString day = record->date() ? qs(*record->date()) : QString();
        QStringList title, detail;
        switch (record->kind) {
        case Kind::Homework: {
            const auto h = bodyAs<Homework>(*record);
            if (h.none) {
                title << cls << day << tr("无作业");
            } else {
                title << cls << day << tr("%1作业").arg(app_->subjectName(qs(h.subject)));
                detail << tr("%1 分钟").arg(h.minutes) << (h.written ? tr("书面") : tr("非书面"))
                       << (h.atHome ? tr("在家") : tr("在校"));
            }
            if (!h.content.empty()) {
                QString content = qs(h.content).simplified();
                if (content.size() > 40) content = content.left(40) + QStringLiteral("……");
                detail << content;
            }
            row.target = {{"page", "homework"}, {"classId", qs(h.classId)}, {"date", day}};
            break;
        }
        case Kind::Sleep: {
            const auto s = bodyAs<SleepSurvey>(*record);
            title << cls << day << tr("睡眠调查");
            detail << tr("调查 %1 人，达标 %2 人").arg(s.surveyed).arg(s.reachingStandard);
            row.target = {{"page", "sleep"}, {"classId", qs(s.classId)}, {"date", day}};
            break;
        }
        case Kind::Activity: {
            const auto a = bodyAs<PhysicalActivity>(*record);
            title << cls << day << tr("体育活动");
            detail << tr("体育课 %1 分钟，大课间 %2 分钟").arg(a.peLessonMinutes).arg(a.longBreakMinutes);
            row.target = {{"page", "activity"}, {"classId", qs(a.classId)}, {"date", day}};
            break;
        }
        case Kind::Timetable: {
            const auto t = bodyAs<TimetableSlot>(*record);
            title << cls << tr("课程表") << tr("%1 第%2节").arg(weekdayName(t.weekday)).arg(t.period);
            detail << app_->subjectName(qs(t.subject));
            row.target = {{"page", "timetable"}, {"classId", qs(t.classId)}, {"date", QString()}};
            break;
        }
        case Kind::Training: {
            const auto t = bodyAs<TrainingRecord>(*record);
            title << app_->teacherName(qs(t.teacherId)) << tr("培训") << qs(t.title);
            detail << tr("%1 至 %2，%3 学时").arg(qs(t.start), qs(t.end)).arg(t.hours);
            row.target = {{"page", "training"}, {"classId", QString()}, {"date", QString()}};
            break;
        }
        case Kind::SchoolClass: title << tr("班级") << qs(bodyAs<SchoolClass>(*record).name); break;
        case Kind::Teacher: title << tr("教师") << qs(bodyAs<Teacher>(*record).name); break;
        case Kind::Term: title << tr("学期") << qs(bodyAs<Term>(*record).name); break;
        case Kind::Subject: title << tr("课程") << qs(bodyAs<CustomSubject>(*record).name); break;
        }
        title.removeAll(QString());
        row.title = title.join(QStringLiteral(" · "));
        row.detail = detail.join(QStringLiteral(" · "));
        if (record->meta.deleted) {
            row.detail = tr("本机已删除这条记录");
            row.target.clear();
        }
        // Dismissing loses nothing when the county kept its own copy (a conflict notice) or the
        // record has been deleted here since; a refused live record would never reach the county.
        row.canDismiss = conflict || record->meta.deleted;
    }

    const std::string& code = letter.code;
    if (conflict && code == "natural_key_conflict") {
        // The school's conflict list (同步 page, SchoolConflictsModel) is where it is resolved.
        row.reason = tr("本校另一台电脑已经记了同一班级、同一天的这项记录，区县保留了先到的那一条，本机这一条已在各台电脑上标为删除。");
        if (record)
            if (const QString classDay = noHomeworkRefusalReason(*app_, *record); !classDay.isEmpty())
                row.reason = classDay;
        row.advice = tr("请在上方“本校的冲突”里选择保留现有记录或采用本机这一条；处理后这条提示可以点“忽略”。");
    } else if (conflict) {
        row.reason = tr("区县已有这条记录同一版本的另一份内容（可能在另一台电脑上改过，或本机从备份恢复后又改过），区县保留了原来的内容，这一份留待区县核对。");
        row.advice = tr("请核对这条记录：如果本机的内容是对的，打开它修改保存一次，新版本会覆盖区县的；如果区县的内容是对的，点“忽略”。");
    } else if (code == "record_too_large" || letter.status == "too_large") {
        const auto limit = loadSyncState(app_->db()).maxRecordBytes;
        row.reason = limit > 0 ? tr("这条记录太大，超过了区县服务器规定的每条 %1 KB，区县没有接收。")
                                     .arg(QString::number(static_cast<double>(limit) / 1024.0, 'f', 1))
                               : tr("这条记录太大，超过了区县服务器规定的大小，区县没有接收。");
        row.advice = tr("请点“打开修改”，把作业内容等文字改短后保存，改好的记录会自动重新发送。");
    } else if (code == "foreign_record") {
        row.reason = tr("区县那里已有另一所学校使用了这条记录的编号，区县没有接收。");
        row.advice = tr("请联系区县教育局核查；本机的记录保留不动。");
    } else if (code == "period_locked") {
        row.reason = tr("区县已审核通过并锁定了这条记录日期所在的一周，锁定后不再接收这一周的修改。");
        row.advice = tr("如确需修改，请联系区县教育局重新开放这一周，开放后点“重新发送”。");
    } else if (code == "unknown_kind") {
        row.reason = tr("区县服务器的版本较旧，还不认识这类记录。");
        row.advice = tr("请联系区县教育局升级服务器，升级后点“重新发送”。");
    } else {
        // Body refusals carry core's validation codes: run the same validation here to say which
        // field is wrong in the user's language (the county's message is English, for the log).
        QString why;
        if (record) {
            ValidationContext ctx;
            ctx.checkReferences = false;
            ctx.checkCalendar = false;
            for (const auto& issue : validateRecord(*record, ctx)) {
                if (issue.severity != IssueSeverity::Error) continue;
                why = qs(app_->language() == QLatin1String("en") ? issue.messageEn : issue.messageZh);
                break;
            }
        }
        row.reason = why.isEmpty() ? tr("区县检查后认为这条记录的内容不符合要求，没有接收。")
                                   : tr("区县检查后没有接收：%1").arg(why);
        row.advice = why.isEmpty() ? tr("请打开这条记录核对后保存；如果确认无误，点“重新发送”，仍被退回请联系区县教育局。")
                                   : tr("请点“打开修改”改正后保存，改好的记录会自动重新发送。");
    }
    qCDebug(lcSync).noquote() << "dead letter" << letter.id << qs(letter.code) << qs(letter.message);
    return row;
}

QVariantMap RefusedRecordsModel::editTarget(int row) const
{
    if (row < 0 || row >= count()) return {};
    return rows_[static_cast<std::size_t>(row)].target;
}

QString RefusedRecordsModel::resend(int row)
{
    // The sync page is the administrator's; checked here too, not only by hiding the page.
    if (!app_->isAdmin()) return tr("只有管理员可以处理退回的记录");
    if (row < 0 || row >= count()) return tr("这条记录已不在列表中");
    const auto id = rows_[static_cast<std::size_t>(row)].letter.id;
    try {
        Outbox(app_->db(), app_->clock()).resend(id);
    } catch (const std::exception& e) {
        qCWarning(lcSync) << "resend of dead letter" << id << "failed:" << e.what();
        return tr("无法重新发送，请稍后再试");
    }
    qCInfo(lcSync) << "dead letter" << id << "queued again";
    app_->notifyDataChanged();
    if (auto* sync = SyncService::instance()) sync->syncNow();
    return {};
}

QString RefusedRecordsModel::dismiss(int row)
{
    if (!app_->isAdmin()) return tr("只有管理员可以处理退回的记录");
    if (row < 0 || row >= count()) return tr("这条记录已不在列表中");
    const Row& r = rows_[static_cast<std::size_t>(row)];
    // Checked here, not only by hiding the button: a refused live record must not vanish unseen.
    if (!r.canDismiss) return tr("这条记录区县还没有收到，不能忽略；请修改后重新发送");
    try {
        Outbox(app_->db(), app_->clock()).dismiss(r.letter.id);
    } catch (const std::exception& e) {
        qCWarning(lcSync) << "dismiss of dead letter" << r.letter.id << "failed:" << e.what();
        return tr("无法忽略，请稍后再试");
    }
    reload();
    if (auto* sync = SyncService::instance()) sync->refresh();
    return {};
}

}  // namespace taizhang
