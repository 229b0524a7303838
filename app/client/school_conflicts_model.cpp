#include "school_conflicts_model.h"

#include "app_context.h"
#include "ledger_errors.h"
#include "no_homework_conflict.h"
#include "logging.h"
#include "permissions.h"
#include "qt_convert.h"
#include "records_model.h"
#include "sync_service.h"

namespace taizhang {

SchoolConflictsModel::SchoolConflictsModel(QObject* parent) : SchoolConflictsModel(*AppContext::instance(), parent) {}

SchoolConflictsModel::SchoolConflictsModel(AppContext& app, QObject* parent) : QAbstractListModel(parent), app_(&app)
{
    connect(app_, &AppContext::dataChanged, this, &SchoolConflictsModel::reload);
    if (auto* sync = SyncService::instance()) connect(sync, &SyncService::passFinished, this, &SchoolConflictsModel::reload);
    reload();
}

int SchoolConflictsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> SchoolConflictsModel::roleNames() const
{
    return {{ChangeRole, "change"}, {TitleRole, "title"},   {StoredRole, "stored"},
            {OtherRole, "other"},   {OriginRole, "origin"}, {WhyRole, "why"},
            {AdviceRole, "advice"}};
}

QVariant SchoolConflictsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return r.title;
    case ChangeRole: return static_cast<qlonglong>(r.conflict.change);
    case StoredRole: return r.stored;
    case OtherRole: return r.other;
    case OriginRole: return r.origin;
    case WhyRole: return r.why;
    case AdviceRole: return r.advice;
    default: return {};
    }
}

void SchoolConflictsModel::reload()
{
    beginResetModel();
    rows_.clear();
    for (auto& c : schoolConflicts(app_->db())) {
        if (!c.open) continue;
        Row row;
        Record other;
        try {
            other = recordFromJson(c.record);
        } catch (const std::exception&) {
            continue;
        }
        const auto stored = app_->store().find(c.winnerId);
        QStringList title{app_->kindName(qs(std::string(kindName(c.kind))))};
        if (!other.classId().empty()) title << app_->className(qs(other.classId()));
        if (other.date()) title << qs(*other.date());
        row.title = title.join(QStringLiteral(" · "));
        row.stored = stored ? RecordsModel::summarize(*app_, *stored) : QString();
        row.other = RecordsModel::summarize(*app_, other);
        row.origin = other.meta.device == app_->deviceId() ? tr("本机") : tr("其他电脑");
        row.why = c.code == "natural_key_conflict" ? tr("两台电脑各记了一条同一班级、同一天的记录，区县保留了先到的一条")
                                                   : tr("两台电脑同时修改了这条记录，区县保留了先到的修改");
        if (stored && c.code == "natural_key_conflict")
            if (const auto text = noHomeworkConflictText(*app_, *stored, other)) {
                row.why = text->why;
                row.advice = text->advice;
            }
        row.conflict = std::move(c);
        rows_.push_back(std::move(row));
    }
    endResetModel();
    emit countChanged();
}

QString SchoolConflictsModel::resolve(int row, bool takeOther)
{
    if (row < 0 || row >= count()) return tr("没有这条冲突");
    ConflictResolution how;
    try {
        how = conflictResolution(app_->db(), rows_[static_cast<std::size_t>(row)].conflict.change, takeOther);
    } catch (const std::invalid_argument&) {
        reload();
        return tr("这个冲突已经处理过了");
    }
    const auto stored = app_->store().find(how.recordId);
    if (!stored) return tr("这个冲突已经处理过了");
    // The same rule as every edit: a teacher resolves only records of classes they teach.
    if (const QString refusal = refuseRecordChange(*app_, *stored); !refusal.isEmpty()) return refusal;
    try {
        const auto result = app_->ledger().update(
            how.recordId, how.body, how.expectedVersion,
            app_->change(takeOther ? "解决冲突：采用另一版本" : "解决冲突：保留现有记录"));
        if (!result.ok()) return errorMessages(*app_, result.issues).join(QStringLiteral("；"));
    } catch (const std::exception& e) {
        qCWarning(lcData) << "resolving a conflict failed:" << e.what();
        return tr("处理失败：%1").arg(QString::fromUtf8(e.what()));
    }
    qCInfo(lcData) << "conflict resolved" << qs(how.recordId) << (takeOther ? "take" : "keep");
    app_->notifyDataChanged();
    if (auto* sync = SyncService::instance()) sync->syncNow();
    return {};
}

}  // namespace taizhang
