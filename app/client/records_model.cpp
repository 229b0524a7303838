#include "records_model.h"

#include <QCoreApplication>

#include "app_context.h"
#include "ledger_errors.h"
#include "local_time.h"
#include "logging.h"
#include "permissions.h"
#include "qt_convert.h"
#include "record_summary.h"

namespace taizhang {

RecordsModel::RecordsModel(QObject* parent) : RecordsModel(*AppContext::instance(), parent) {}

RecordsModel::RecordsModel(AppContext& app, QObject* parent) : QAbstractListModel(parent), app_(&app)
{
    // Default view: the last week, which is what people look for.
    to_ = app.today();
    from_ = app.addDays(to_, -6);
    connect(app_, &AppContext::dataChanged, this, &RecordsModel::reload);
    connect(app_, &AppContext::languageChanged, this, &RecordsModel::kindsChanged);
    reload();
}

QVariantList RecordsModel::kinds() const
{
    // What the school records first, then its reference data: the kinds `taizhang export` writes.
    QVariantList out;
    for (bool reference : {false, true})
        for (const auto& d : kindDescriptors())
            if (d.csv && d.reference == reference) {
                const QString name = qs(std::string(d.name));
                out << QVariantMap{{"value", name}, {"text", app_->kindName(name)}};
            }
    return out;
}

int RecordsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> RecordsModel::roleNames() const
{
    return {{IdRole, "recordId"},  {KindRole, "kind"},           {KindNameRole, "kindName"},
            {DayRole, "day"},      {ClassNameRole, "className"}, {SummaryRole, "summary"},
            {AuthorRole, "author"}, {UpdatedAtRole, "updatedAt"}, {VersionRole, "version"},
            {DeletedRole, "deleted"}, {OriginRole, "origin"}};
}

QString RecordsModel::summarize(const AppContext& app, const Record& r)
{
    // The kind's summary line from core's kind table (record_kinds.h), with this school's names.
    SummaryNames names;
    names.className = [&app](const std::string& id) { return ss(app.className(qs(id))); };
    names.teacherName = [&app](const std::string& id) { return ss(app.teacherName(qs(id))); };
    names.subjectName = [&app](const std::string& code) { return ss(app.subjectName(qs(code))); };
    if (auto line = recordSummary(r.kind, r.body, app.language() == QLatin1String("en"), names)) return qs(*line);
    // A body from a newer version or a damaged row: show it raw rather than hide it.
    return qs(r.body.dump());
}

QVariant RecordsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Record& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole: return qs(r.meta.id);
    case KindRole: return qs(std::string(kindName(r.kind)));
    case KindNameRole: return app_->kindName(qs(std::string(kindName(r.kind))));
    case DayRole: return r.date() ? qs(*r.date()) : QString();
    case ClassNameRole: return app_->className(qs(r.classId()));
    case Qt::DisplayRole:
    case SummaryRole: return summarize(*app_, r);
    case AuthorRole: return qs(r.meta.author);
    case UpdatedAtRole: return qs(r.meta.updatedAt);
    case VersionRole: return QVariant::fromValue<qlonglong>(r.meta.version);
    case DeletedRole: return r.meta.deleted;
    // The record's device is the installation that made its last change: this one, or another
    // computer of the school whose change arrived through the county (pull).
    case OriginRole: return r.meta.device == app_->deviceId() ? tr("本机") : tr("其他电脑");
    default: return {};
    }
}

#define TZ_SETTER(name, member)              \
    void RecordsModel::name(const QString& v) \
    {                                         \
        if (v == member) return;              \
        member = v;                           \
        reload();                             \
    }
TZ_SETTER(setKind, kind_)
TZ_SETTER(setClassId, classId_)
TZ_SETTER(setFrom, from_)
TZ_SETTER(setTo, to_)
TZ_SETTER(setAuthor, author_)
#undef TZ_SETTER

void RecordsModel::setIncludeDeleted(bool v)
{
    if (v == includeDeleted_) return;
    includeDeleted_ = v;
    reload();
}

void RecordsModel::reload()
{
    RecordQuery q;
    filterError_.clear();
    if (!kind_.isEmpty()) q.kind = kindFromName(ss(kind_));
    if (!from_.trimmed().isEmpty() && !(q.from = dateFrom(from_))) filterError_ = tr("开始日期应写成 2026-11-01");
    if (!to_.trimmed().isEmpty() && !(q.to = dateFrom(to_))) filterError_ = tr("结束日期应写成 2026-11-30");
    if (q.from && q.to && *q.to < *q.from) filterError_ = tr("结束日期不能早于开始日期");
    q.classId = ss(classId_);
    q.author = ss(author_.trimmed());
    q.includeDeleted = includeDeleted_;
    q.limit = kLimit + 1;
    beginResetModel();
    rows_.clear();
    if (filterError_.isEmpty()) rows_ = app_->store().query(q);
    truncated_ = rows_.size() > kLimit;
    if (truncated_) rows_.resize(kLimit);
    endResetModel();
    emit filterChanged();
}

bool RecordsModel::remove(int row)
{
    if (row < 0 || row >= rowCount()) return false;
    const Record& r = rows_[static_cast<std::size_t>(row)];
    if (r.meta.deleted) return false;
    if (const QString refusal = refuseRecordChange(*app_, r); !refusal.isEmpty()) {
        status_ = tr("不能删除：%1").arg(refusal);
        emit statusChanged();
        return false;
    }
    try {
        auto res = app_->ledger().remove(r.meta.id, r.meta.version, app_->change());
        if (!res.ok()) throw LedgerRefused(errorMessages(*app_, res.issues));
    } catch (const std::exception& e) {
        qCWarning(lcData) << "delete failed:" << e.what();
        status_ = tr("删除失败：%1").arg(QString::fromUtf8(e.what()));
        emit statusChanged();
        return false;
    }
    qCInfo(lcData) << "deleted (tombstone)" << qs(r.meta.id);
    status_ = tr("已删除（保留删除标记，可在“显示已删除”中查看）");
    emit statusChanged();
    app_->notifyDataChanged();
    return true;
}

QVariantList RecordsModel::history(int row) const
{
    QVariantList out;
    if (row < 0 || row >= rowCount()) return out;
    for (const auto& a : app_->store().history(rows_[static_cast<std::size_t>(row)].meta.id)) {
        QStringList changes;
        if (a.before && a.after && a.before->contains("body") && a.after->contains("body")) {
            const Json& b = (*a.before)["body"];
            const Json& n = (*a.after)["body"];
            for (auto it = n.begin(); it != n.end(); ++it)
                if (!b.contains(it.key()) || b[it.key()] != it.value())
                    changes << QString("%1: %2 → %3").arg(qs(it.key()), qs(b.value(it.key(), Json()).dump()), qs(it.value().dump()));
        }
        const QHash<QString, QString> actions{{"create", tr("新建")}, {"update", tr("修改")}, {"delete", tr("删除")}};
        out << QVariantMap{{"action", actions.value(qs(a.action), qs(a.action))},
                           {"at", schoolLocalTimestamp(*app_, a.at)},
                           {"author", qs(a.author)},
                           {"version", QVariant::fromValue<qlonglong>(a.version)},
                           {"reason", qs(a.reason)},
                           {"changes", changes.join('\n')}};
    }
    return out;
}

QVariantMap RecordsModel::editTarget(int row) const
{
    if (row < 0 || row >= rowCount()) return {};
    const Record& r = rows_[static_cast<std::size_t>(row)];
    QString page;
    switch (r.kind) {
    case Kind::Homework: page = "homework"; break;
    case Kind::Sleep: page = "sleep"; break;
    case Kind::Activity: page = "activity"; break;
    case Kind::Timetable: page = "timetable"; break;
    // No entry page edits one record of these: they are changed on their own pages.
    case Kind::Training:
    case Kind::SchoolClass:
    case Kind::Teacher:
    case Kind::Term:
    case Kind::Subject: return {};
    }
    if (r.meta.deleted) return {};
    return {{"page", page}, {"classId", qs(r.classId())}, {"date", r.date() ? qs(*r.date()) : QString()}};
}

}  // namespace taizhang
