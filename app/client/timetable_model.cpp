#include "timetable_model.h"

#include <QCoreApplication>
#include <QVariantMap>

#include "app_context.h"
#include "compliance.h"
#include "ledger_errors.h"
#include "logging.h"
#include "permissions.h"
#include "qt_convert.h"

namespace taizhang {

TimetableModel::TimetableModel(QObject* parent) : TimetableModel(*AppContext::instance(), parent) {}

TimetableModel::TimetableModel(AppContext& app, QObject* parent)
    : QAbstractListModel(parent), app_(&app), termId_(app.currentTermId()), cells_(kPeriods * kWeekdays)
{
}

int TimetableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(cells_.size());
}

QHash<int, QByteArray> TimetableModel::roleNames() const
{
    return {{WeekdayRole, "weekday"}, {PeriodRole, "period"}, {SubjectRole, "subject"}, {SubjectNameRole, "subjectName"}};
}

QVariant TimetableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const int i = index.row();
    const Cell& c = cells_[static_cast<std::size_t>(i)];
    switch (role) {
    case WeekdayRole: return i % kWeekdays + 1;
    case PeriodRole: return i / kWeekdays + 1;
    case SubjectRole: return qs(c.subject);
    case Qt::DisplayRole:
    case SubjectNameRole: return c.subject.empty() ? QString() : app_->subjectName(qs(c.subject));
    default: return {};
    }
}

void TimetableModel::setClassId(const QString& id)
{
    if (id == classId_) return;
    classId_ = id;
    reload();
}

void TimetableModel::setTermId(const QString& id)
{
    if (id == termId_) return;
    termId_ = id;
    reload();
}

std::vector<TimetableModel::Cell> TimetableModel::loadCells(const std::string& classId) const
{
    std::vector<Cell> cells(kPeriods * kWeekdays);
    // The lessons of one class (indexed by class), filtered to the term.
    for (auto& r : app_->store().query(RecordQuery{.kind = Kind::Timetable, .classId = classId})) {
        auto s = bodyAs<TimetableSlot>(r);
        if (qs(s.termId) != termId_ || s.weekday < 1 || s.weekday > kWeekdays || s.period < 1 || s.period > kPeriods)
            continue;
        Cell& c = cells[static_cast<std::size_t>((s.period - 1) * kWeekdays + s.weekday - 1)];
        c.subject = s.subject;
        c.stored = std::move(r);
    }
    return cells;
}

void TimetableModel::reload()
{
    beginResetModel();
    cells_ = loadCells(ss(classId_));
    endResetModel();
    emit formChanged();
    emit countsChanged();
    setStatus({});
}

QVariantList TimetableModel::subjectOptions() const
{
    QVariantList out{QVariantMap{{"code", ""}, {"name", tr("（空）")}}};
    if (auto c = app_->findClass(ss(classId_)))
        for (const auto& code : app_->subjectsOfClass(*c))
            out << QVariantMap{{"code", qs(code)}, {"name", app_->subjectName(qs(code))}};
    return out;
}

QVariantList TimetableModel::counts() const
{
    std::map<std::string, int> n;
    for (const auto& c : cells_)
        if (!c.subject.empty()) ++n[c.subject];
    QVariantList out;
    if (auto c = app_->findClass(ss(classId_)))
        for (const auto& code : app_->subjectsOfClass(*c))
            out << QVariantMap{{"code", qs(code)}, {"name", app_->subjectName(qs(code))}, {"count", n[code]}};
    return out;
}

int TimetableModel::total() const
{
    return static_cast<int>(std::count_if(cells_.begin(), cells_.end(), [](const Cell& c) { return !c.subject.empty(); }));
}

QVariantList TimetableModel::findings() const
{
    QVariantList out;
    auto c = app_->findClass(ss(classId_));
    if (!c) return out;
    std::vector<TimetableSlot> lessons;
    for (std::size_t i = 0; i < cells_.size(); ++i)
        if (!cells_[i].subject.empty())
            lessons.push_back({c->id, ss(termId_), static_cast<int>(i % kWeekdays) + 1, static_cast<int>(i / kWeekdays) + 1,
                             cells_[i].subject, ""});
    for (const auto& f : timetableFindings(*app_, c->id, ss(termId_), lessons)) out << f.toVariant();
    return out;
}

namespace {
bool isDraft(const std::optional<Record>& stored)
{
    return stored && !stored->meta.deleted && bodyAs<TimetableSlot>(*stored).draft;
}
}  // namespace

bool TimetableModel::dirty() const
{
    return drafts() > 0 || std::any_of(cells_.begin(), cells_.end(), [](const Cell& c) {
        const bool live = c.stored && !c.stored->meta.deleted;
        if (!live) return !c.subject.empty();
        return bodyAs<TimetableSlot>(*c.stored).subject != c.subject;
    });
}

int TimetableModel::drafts() const
{
    return static_cast<int>(std::count_if(cells_.begin(), cells_.end(), [](const Cell& c) { return isDraft(c.stored); }));
}

QString TimetableModel::draftNote() const
{
    const int n = drafts();
    return n == 0 ? QString()
                  : tr("这是新学年从上学年复制来的课表草稿（%1 节），草稿不参加课表检查。请核对修改后点「确认课表」。").arg(n);
}

void TimetableModel::setCell(int index, const QString& subject)
{
    if (index < 0 || index >= rowCount()) return;
    cells_[static_cast<std::size_t>(index)].subject = ss(subject);
    emit dataChanged(this->index(index), this->index(index));
    emit countsChanged();
}

std::string TimetableModel::teacherFor(const std::string& subject) const
{
    for (const auto& c : cells_)
        if (c.stored && c.subject == subject) {
            auto s = bodyAs<TimetableSlot>(*c.stored);
            if (s.subject == subject && !s.teacherId.empty()) return s.teacherId;
        }
    const Date today = app_->todayDate();
    for (const auto& t : app_->teachers())  // never one who has left: a draft's departed teacher was cleared
        if (t.body.employedOn(today) &&
            std::find(t.body.subjects.begin(), t.body.subjects.end(), subject) != t.body.subjects.end())
            return t.id;
    return {};
}

int TimetableModel::writeGrid(const std::string& classId, const std::vector<std::string>& wanted, std::vector<Cell>& cells)
{
    // Through the Ledger (validation, e.g. a duplicate slot written by another user meanwhile);
    // callers hold one write transaction around every grid they write.
    const auto ctx = app_->change();
    Ledger& ledger = app_->ledger();
    auto require = [this](const LedgerResult& r) {
        if (!r.ok()) throw LedgerRefused(errorMessages(*app_, r.errors()));
    };
    std::vector<NewRecord> creates;
    int changes = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        Cell& c = cells[i];
        const bool live = c.stored && !c.stored->meta.deleted;
        const std::string& subject = wanted[i];
        TimetableSlot slot{classId, ss(termId_), static_cast<int>(i % kWeekdays) + 1,
                           static_cast<int>(i / kWeekdays) + 1, subject, teacherFor(subject)};
        if (!live) {
            if (subject.empty()) continue;  // an empty cell that stays empty is no change
            creates.push_back({Kind::Timetable, Json(slot)});
        } else if (subject.empty()) {
            require(ledger.remove(c.stored->meta.id, c.stored->meta.version, ctx));
        } else if (bodyAs<TimetableSlot>(*c.stored).subject != subject || isDraft(c.stored)) {
            // Saving a grid confirms it: a draft lesson kept as it is becomes a checked one.
            require(ledger.update(c.stored->meta.id, Json(slot), c.stored->meta.version, ctx));
        } else {
            continue;
        }
        ++changes;
    }
    if (!creates.empty()) {
        auto bulk = ledger.saveMany(creates, ctx);
        if (!bulk.ok()) {
            std::vector<ValidationIssue> errors;
            for (const auto& bi : bulk.issues)
                if (bi.issue.severity == IssueSeverity::Error) errors.push_back(bi.issue);
            throw LedgerRefused(errorMessages(*app_, errors));
        }
    }
    return changes;
}

bool TimetableModel::save()
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        setStatus(refusal);
        return false;
    }
    if (!app_->findClass(ss(classId_)) || termId_.isEmpty()) {
        setStatus(tr("请先选择班级和学期"));
        return false;
    }
    std::vector<std::string> wanted;
    for (const auto& c : cells_) wanted.push_back(c.subject);
    int changes = 0;
    try {
        auto tx = app_->db().beginWrite();
        auto stored = loadCells(ss(classId_));
        changes = writeGrid(ss(classId_), wanted, stored);
        tx.commit();
    } catch (const std::exception& e) {
        qCWarning(lcData) << "timetable save failed:" << e.what();
        setStatus(tr("保存失败：%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    const int confirmed = drafts();
    qCInfo(lcData) << "timetable saved" << classId_ << changes << "changes," << confirmed << "drafts confirmed";
    app_->notifyDataChanged();
    reload();
    setStatus(confirmed > 0 ? tr("课表已确认（%1 节），以后参加课表检查").arg(total()) : tr("已保存 %1 处修改").arg(changes));
    return true;
}

int TimetableModel::differences(const std::vector<std::string>& wanted, const std::vector<Cell>& cells)
{
    int n = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const bool live = cells[i].stored && !cells[i].stored->meta.deleted;
        const std::string now = live ? bodyAs<TimetableSlot>(*cells[i].stored).subject : std::string();
        if (now != wanted[i]) ++n;
    }
    return n;
}

std::vector<const ClassInfo*> TimetableModel::parallelClasses() const
{
    std::vector<const ClassInfo*> out;
    auto self = app_->findClass(ss(classId_));
    const auto term = app_->termsById().find(ss(termId_));
    if (!self || term == app_->termsById().end()) return out;
    // The grade each class has in this term: a graduated class of the same grade number (六年级
    // last year) or one not yet opened is not a parallel class.
    const Date day = term->second.start;
    for (const auto& other : app_->classes())
        if (other.id != self->id && other.body.activeOn(day) && other.body.gradeOn(day) == self->body.gradeOn(day))
            out.push_back(&other);
    return out;
}

QVariantList TimetableModel::parallelCopyPlan() const
{
    QVariantList out;
    std::vector<std::string> wanted;
    for (const auto& c : cells_) wanted.push_back(c.subject);
    const auto term = app_->termsById().find(ss(termId_));
    for (const ClassInfo* other : parallelClasses()) {
        const auto cells = loadCells(other->id);
        const auto lessons = std::count_if(cells.begin(), cells.end(),
                                           [](const Cell& c) { return c.stored && !c.stored->meta.deleted; });
        out << QVariantMap{{"classId", qs(other->id)}, {"name", qs(other->body.nameOn(term->second.start))},
                           {"lessons", static_cast<int>(lessons)}, {"changes", differences(wanted, cells)}};
    }
    return out;
}

int TimetableModel::copyToParallelClasses()
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        setStatus(refusal);
        return 0;
    }
    auto self = app_->findClass(ss(classId_));
    if (!self || (dirty() && !save())) return 0;
    std::vector<std::string> wanted;
    for (const auto& c : cells_) wanted.push_back(c.subject);
    int classes = 0;
    try {
        // All parallel classes or none.
        auto tx = app_->db().beginWrite();
        for (const ClassInfo* other : parallelClasses()) {
            auto cells = loadCells(other->id);
            writeGrid(other->id, wanted, cells);
            ++classes;
        }
        tx.commit();
    } catch (const std::exception& e) {
        qCWarning(lcData) << "timetable copy failed:" << e.what();
        setStatus(tr("复制失败：%1").arg(QString::fromUtf8(e.what())));
        return 0;
    }
    app_->notifyDataChanged();
    setStatus(tr("已复制到 %1 个平行班").arg(classes));
    return classes;
}

void TimetableModel::setStatus(const QString& s)
{
    status_ = s;
    emit statusChanged();
}

}  // namespace taizhang
