#include "homework_entry_model.h"

#include <QCoreApplication>

#include "app_context.h"
#include "compliance.h"
#include "ledger_errors.h"
#include "validation.h"
#include "logging.h"
#include "permissions.h"
#include "qt_convert.h"

namespace taizhang {

namespace {
constexpr int kMaxMinutes = kMaxHomeworkMinutes;  // core validation.h
}  // namespace

HomeworkEntryModel::HomeworkEntryModel(QObject* parent) : HomeworkEntryModel(*AppContext::instance(), parent) {}

HomeworkEntryModel::HomeworkEntryModel(AppContext& app, QObject* parent)
    : QAbstractListModel(parent), app_(&app), date_(app.today())
{
    connect(app_, &AppContext::languageChanged, this, [this] {
        if (!rows_.empty()) emit dataChanged(index(0), index(rowCount() - 1));
    });
}

int HomeworkEntryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> HomeworkEntryModel::roleNames() const
{
    return {{SubjectRole, "subject"}, {SubjectNameRole, "subjectName"}, {MinutesRole, "minutes"},
            {WrittenRole, "written"}, {AtHomeRole, "atHome"},           {ContentRole, "content"},
            {ErrorRole, "error"},     {SavedRole, "saved"}};
}

QVariant HomeworkEntryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case SubjectNameRole: return app_->subjectName(qs(r.subject));
    case SubjectRole: return qs(r.subject);
    case MinutesRole: return r.minutes;
    case WrittenRole: return r.written;
    case AtHomeRole: return r.atHome;
    case ContentRole: return r.content;
    case ErrorRole: return rowError(r);
    case SavedRole: return r.stored.has_value() && !r.stored->meta.deleted;
    default: return {};
    }
}

Qt::ItemFlags HomeworkEntryModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

bool HomeworkEntryModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
    Row& r = rows_[static_cast<std::size_t>(index.row())];
    r.refused.clear();
    switch (role) {
    case MinutesRole: r.minutes = value.toString().trimmed(); break;
    case WrittenRole: r.written = value.toBool(); break;
    case AtHomeRole: r.atHome = value.toBool(); break;
    case ContentRole: r.content = value.toString(); break;
    default: return false;
    }
    emit dataChanged(index, index, {role, ErrorRole});
    emit totalsChanged();
    return true;
}

bool HomeworkEntryModel::setField(int row, const QString& field, const QVariant& value)
{
    const QHash<QString, int> roles{{"minutes", MinutesRole}, {"written", WrittenRole},
                                    {"atHome", AtHomeRole}, {"content", ContentRole}};
    auto it = roles.find(field);
    return it != roles.end() && setData(index(row), value, it.value());
}

void HomeworkEntryModel::setClassId(const QString& id)
{
    if (id == classId_) return;
    classId_ = id;
    reload();
}

void HomeworkEntryModel::setDate(const QString& date)
{
    if (date == date_) return;
    date_ = date;
    reload();
}

QString HomeworkEntryModel::dateError() const
{
    auto d = dateFrom(date_);
    if (!d) return tr("日期格式应为 年-月-日，例如 2026-11-23");
    if (*d > app_->todayDate()) return tr("不能记录未来日期的作业");
    return {};
}

int HomeworkEntryModel::gradeOfClass() const
{
    auto c = app_->findClass(ss(classId_));
    if (!c) return 0;
    const auto day = dateFrom(date_);
    return day ? c->body.gradeOn(*day) : c->body.gradeOn(app_->todayDate());
}

void HomeworkEntryModel::reload()
{
    beginResetModel();
    rows_.clear();
    reason_.clear();
    otherWritten_ = 0;
    noneRecord_.reset();
    const ClassInfo* c = app_->findClass(ss(classId_));
    auto day = dateFrom(date_);
    if (c && day) {
        // Grades 1-2 may have no written homework at home (policy-rules.md): a new row starts as
        // in-school work there, so that typing minutes alone never produces a refusal.
        const bool atHomeByDefault = c->body.gradeOn(*day) > 2;
        for (const auto& code : app_->subjectsUserMayRecord(*c))
            rows_.push_back(Row{code, {}, true, atHomeByDefault, {}, {}});
        // One indexed query for this class-day; never a scan over the whole ledger.
        auto stored = app_->store().query(RecordQuery{.kind = Kind::Homework, .from = day, .to = day, .classId = c->id});
        for (auto& rec : stored) {
            auto h = bodyAs<Homework>(rec);
            if (h.none) {  // 无作业: no subject row of its own
                noneRecord_ = rec;
                continue;
            }
            auto it = std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.subject == h.subject; });
            if (it == rows_.end()) {
                // Another teacher's subject: not editable here, but it counts toward the class cap.
                if (countsAgainstCap(c->body.gradeOn(*day), h)) otherWritten_ += h.minutes;
                continue;
            }
            it->minutes = QString::number(h.minutes);
            it->written = h.written;
            it->atHome = h.atHome;
            it->content = qs(h.content);
            it->stored = rec;
            if (!h.overCapReason.empty()) reason_ = qs(h.overCapReason);
        }
        cap_ = writtenHomeworkCap(*app_, c->body.gradeOn(*day), *day);
    } else {
        cap_ = 0;
    }
    endResetModel();
    setStatus({});
    emit formChanged();
    emit totalsChanged();
}

std::optional<int> HomeworkEntryModel::minutesOf(const Row& row) const
{
    const auto m = intFrom(row.minutes);  // ３０ typed with a Chinese input method is 30
    if (!m || *m < 0 || *m > kMaxMinutes) return std::nullopt;
    return m;
}

QString HomeworkEntryModel::rowError(const Row& row) const
{
    if (row.minutes.isEmpty()) return {};
    auto m = minutesOf(row);
    if (!m) return tr("分钟数应为 0 到 %1 之间的整数").arg(kMaxMinutes);
    if (*m > 0 && row.content.trimmed().isEmpty()) return tr("请填写作业内容（作业公示需要）");
    if (row.content.size() > 500) return tr("作业内容不能超过 500 字");
    return row.refused;
}

int HomeworkEntryModel::writtenTotal() const
{
    const int grade = gradeOfClass();
    int total = otherWritten_;
    for (const auto& r : rows_) {
        auto m = minutesOf(r);
        if (!m || r.minutes.isEmpty()) continue;
        Homework h;
        h.written = r.written;
        h.atHome = r.atHome;
        if (countsAgainstCap(grade, h)) total += *m;
    }
    return total;
}

bool HomeworkEntryModel::valid() const
{
    if (!dateError().isEmpty() || !app_->findClass(ss(classId_))) return false;
    return std::all_of(rows_.begin(), rows_.end(), [&](const Row& r) { return rowError(r).isEmpty(); });
}

Homework HomeworkEntryModel::bodyOf(const Row& row, const Date& day) const
{
    Homework h;
    h.classId = ss(classId_);
    h.date = day;
    h.subject = row.subject;
    h.minutes = minutesOf(row).value_or(0);
    h.written = row.written;
    h.atHome = row.atHome;
    h.content = ss(row.content.trimmed());
    h.teacherId = app_->teacherIdOfUser();
    if (row.stored && h.teacherId.empty()) h.teacherId = bodyAs<Homework>(*row.stored).teacherId;
    if (overCap()) h.overCapReason = ss(reason_.trimmed());
    return h;
}

bool HomeworkEntryModel::rowChanged(const Row& row) const
{
    const bool live = row.stored && !row.stored->meta.deleted;
    if (row.minutes.isEmpty()) return live;  // clearing a saved row deletes it
    if (!live) return true;
    auto old = bodyAs<Homework>(*row.stored);
    return old.minutes != minutesOf(row).value_or(-1) || old.written != row.written || old.atHome != row.atHome ||
           qs(old.content) != row.content.trimmed() || (overCap() && qs(old.overCapReason) != reason_.trimmed());
}

bool HomeworkEntryModel::dirty() const
{
    return std::any_of(rows_.begin(), rows_.end(), [&](const Row& r) { return rowChanged(r); });
}

bool HomeworkEntryModel::canSave() const
{
    return valid() && dirty() && (!overCap() || !reason_.trimmed().isEmpty());
}

void HomeworkEntryModel::setOverCapReason(const QString& r)
{
    if (r == reason_) return;
    reason_ = r;
    emit totalsChanged();
}

void HomeworkEntryModel::setStatus(const QString& s)
{
    status_ = s;
    emit statusChanged();
}

bool HomeworkEntryModel::save()
{
    if (!canSave()) {
        setStatus(overCap() && reason_.trimmed().isEmpty() ? tr("书面作业超过上限，请填写超量原因后再保存")
                                                           : tr("请先改正标红的内容"));
        return false;
    }
    for (const auto& row : rows_) {
        if (!rowChanged(row)) continue;
        if (const QString refusal = refuseUnlessTeaches(*app_, ss(classId_), row.subject); !refusal.isEmpty()) {
            setStatus(refusal);
            return false;
        }
    }
    const Date day = *dateFrom(date_);
    const std::string reason = overCap() ? ss(reason_.trimmed()) : std::string();
    const auto ctx = app_->change(reason);
    Ledger& ledger = app_->ledger();
    // Validate every changed row first (core's rules, Chinese messages per row), so that a
    // refusal never leaves some rows of the day saved and others not.
    const auto vctx = ledger.buildContext();
    bool refused = false;
    for (auto& row : rows_) {
        if (!rowChanged(row) || row.minutes.isEmpty()) continue;
        auto issues = validateBody(Kind::Homework, Json(bodyOf(row, day)), vctx, row.stored ? row.stored->meta.id : "");
        auto messages = errorMessages(*app_, issues);
        if (!messages.isEmpty()) {
            row.refused = messages.join(QStringLiteral("；"));
            refused = true;
        }
    }
    if (refused) {
        emit dataChanged(index(0), index(rowCount() - 1), {ErrorRole});
        emit totalsChanged();
        setStatus(tr("请先改正标红的内容"));
        return false;
    }
    std::vector<NewRecord> creates;
    std::vector<std::size_t> createRows;
    int changed = 0;
    try {
        // The whole day is one transaction: updates and deletes (each checks the version it
        // edited), then the new rows. The Ledger's own transactions nest as savepoints, so a
        // refusal or a database error on any row rolls back every row of the day.
        auto tx = app_->db().beginWrite();
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            Row& row = rows_[i];
            if (!rowChanged(row)) continue;
            ++changed;
            const bool live = row.stored && !row.stored->meta.deleted;
            LedgerResult res;
            if (row.minutes.isEmpty()) {
                res = ledger.remove(row.stored->meta.id, row.stored->meta.version, ctx);
            } else if (live) {
                res = ledger.update(row.stored->meta.id, Json(bodyOf(row, day)), row.stored->meta.version, ctx);
            } else {
                creates.push_back({Kind::Homework, Json(bodyOf(row, day))});
                createRows.push_back(i);
                continue;
            }
            if (!res.ok()) throw LedgerRefused(errorMessages(*app_, res.issues));
        }
        if (!creates.empty()) {
            auto bulk = ledger.saveMany(creates, ctx);
            if (!bulk.ok()) {
                QStringList all;
                for (const auto& bi : bulk.issues) {
                    if (bi.issue.severity != IssueSeverity::Error) continue;
                    rows_[createRows[bi.index]].refused = issueMessage(*app_, bi.issue);
                    all << issueMessage(*app_, bi.issue);
                }
                throw LedgerRefused(all);
            }
        }
        tx.commit();
    } catch (const LedgerRefused& e) {
        qCWarning(lcData) << "homework save refused:" << e.what();
        emit dataChanged(index(0), index(rowCount() - 1), {ErrorRole});
        setStatus(tr("未保存：%1").arg(e.messages().join(QStringLiteral("；"))));
        return false;
    } catch (const StaleVersion&) {
        qCWarning(lcData) << "homework save refused: stale version" << classId_ << date_;
        reload();
        setStatus(tr("记录已被他人修改，已重新读取，请核对后再保存"));
        return false;
    } catch (const std::exception& e) {
        qCWarning(lcData) << "homework save failed:" << e.what();
        setStatus(tr("保存失败：%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    qCInfo(lcData) << "saved homework" << classId_ << date_ << changed << "rows" << (reason.empty() ? "" : "over cap");
    app_->notifyDataChanged();
    reload();
    setStatus(tr("已保存 %1 条").arg(changed));
    emit saved();
    return true;
}

bool HomeworkEntryModel::setNoHomework(bool on)
{
    if (on == noHomework()) return true;
    const auto day = dateFrom(date_);
    if (!dateError().isEmpty() || !day || !app_->findClass(ss(classId_))) {
        setStatus(dateError().isEmpty() ? tr("请先选择班级") : dateError());
        return false;
    }
    // Any teacher of the class may say it has no homework tonight (no subject is concerned).
    if (const QString refusal = refuseUnlessTeaches(*app_, ss(classId_)); !refusal.isEmpty()) {
        setStatus(refusal);
        return false;
    }
    if (on && dirty()) {
        setStatus(tr("表中有未保存的作业，不能登记“无作业”；请先保存或清空分钟数"));
        return false;
    }
    const auto ctx = app_->change();
    Ledger& ledger = app_->ledger();
    LedgerResult res;
    try {
        if (on) {
            Homework h;
            h.classId = ss(classId_);
            h.date = *day;
            h.teacherId = app_->teacherIdOfUser();
            h.none = true;  // no subject, 0 minutes: core refuses it if the class-day has homework
            res = ledger.save(Kind::Homework, Json(h), ctx);
        } else {
            res = ledger.remove(noneRecord_->meta.id, noneRecord_->meta.version, ctx);
        }
    } catch (const std::exception& e) {
        qCWarning(lcData) << "no-homework save failed:" << e.what();
        setStatus(tr("保存失败：%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    if (!res.ok()) {
        const QStringList messages = errorMessages(*app_, res.issues);
        qCWarning(lcData) << "no-homework refused:" << classId_ << date_ << messages;
        reload();  // another computer or teacher may have changed the class-day
        setStatus(tr("未保存：%1").arg(messages.join(QStringLiteral("；"))));
        return false;
    }
    qCInfo(lcData) << (on ? "recorded no homework" : "withdrew no homework") << classId_ << date_;
    app_->notifyDataChanged();
    reload();
    setStatus(on ? tr("已登记今天无作业") : tr("已撤销“无作业”，可以登记作业"));
    return true;
}

int HomeworkEntryModel::copyPreviousDay()
{
    auto day = dateFrom(date_);
    if (!day || classId_.isEmpty()) return 0;
    // Look back at most a week: the previous school day, skipping weekends and holidays.
    auto past = app_->store().query(RecordQuery{
        .kind = Kind::Homework, .from = day->addDays(-7), .to = day->addDays(-1), .classId = ss(classId_)});
    std::optional<Date> latest;
    for (const auto& r : past) {
        auto d = r.date();
        if (bodyAs<Homework>(r).none) continue;  // a day of 无作业 has nothing to copy
        if (d && (!latest || *d > *latest)) latest = d;
    }
    if (!latest) {
        setStatus(tr("最近一周没有可复制的作业"));
        return 0;
    }
    int copied = 0;
    for (const auto& r : past) {
        if (r.date() != latest) continue;
        auto h = bodyAs<Homework>(r);
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            Row& row = rows_[i];
            if (row.subject != h.subject) continue;
            row.minutes = QString::number(h.minutes);
            row.written = h.written;
            row.atHome = h.atHome;
            row.content = qs(h.content);
            ++copied;
        }
    }
    if (!rows_.empty()) emit dataChanged(index(0), index(rowCount() - 1));
    emit totalsChanged();
    setStatus(tr("已复制 %1 的 %2 条作业，核对后按 Enter 保存").arg(qs(*latest)).arg(copied));
    return copied;
}

}  // namespace taizhang
