#include "today_model.h"

#include <set>

#include "app_context.h"
#include "compliance.h"
#include "qt_convert.h"

namespace taizhang {

TodayModel::TodayModel(QObject* parent) : TodayModel(*AppContext::instance(), parent) {}

TodayModel::TodayModel(AppContext& app, QObject* parent) : QAbstractListModel(parent), app_(&app), date_(app.today())
{
    connect(app_, &AppContext::dataChanged, this, &TodayModel::reload);
    reload();
}

int TodayModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> TodayModel::roleNames() const
{
    return {{ClassIdRole, "classId"},       {ClassNameRole, "className"},   {GradeRole, "grade"},
            {HasHomeworkRole, "hasHomework"}, {HasActivityRole, "hasActivity"}, {HasSleepRole, "hasSleep"},
            {WrittenMinutesRole, "writtenMinutes"}, {CapRole, "cap"}, {FindingsRole, "findings"},
            {WorstRole, "worst"},           {NoHomeworkRole, "noHomework"}};
}

QVariant TodayModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case ClassNameRole: return r.className;
    case ClassIdRole: return r.classId;
    case GradeRole: return r.grade;
    case HasHomeworkRole: return r.homework;
    case HasActivityRole: return r.activity;
    case HasSleepRole: return r.sleep;
    case WrittenMinutesRole: return r.written;
    case CapRole: return r.cap;
    case FindingsRole: return r.findings;
    case WorstRole: return r.worst;
    case NoHomeworkRole: return r.noHomework;
    default: return {};
    }
}

void TodayModel::setDate(const QString& d)
{
    if (d == date_ || !dateFrom(d)) return;
    date_ = d;
    reload();
}

void TodayModel::reload()
{
    beginResetModel();
    rows_.clear();
    hard_ = soft_ = missing_ = 0;
    auto day = dateFrom(date_);
    schoolDay_ = day && app_->isSchoolDay(*day);
    if (day) {
        // One indexed query (kind + day) per daily kind for the whole school, then findings per class-day.
        std::map<Kind, std::set<std::string>> recorded;  // daily kind -> classes with a record that day
        std::map<std::string, int> written;
        // Classes recorded as 无作业 (recorded, not missing) and classes with homework: a mark
        // next to homework pulled from another computer of the school does not hide it.
        std::set<std::string> noHomework, setHomework;
        for (Kind k : dailyKinds())
            for (auto& r : app_->store().query(RecordQuery{.kind = k, .from = day, .to = day})) {
                recorded[k].insert(r.classId());
                if (k != Kind::Homework) continue;
                auto h = bodyAs<Homework>(r);
                (h.none ? noHomework : setHomework).insert(r.classId());
                auto c = app_->findClass(r.classId());
                if (c && countsAgainstCap(c->body.gradeOn(*day), h)) written[r.classId()] += h.minutes;
            }
        const auto& homework = recorded[Kind::Homework];
        const auto& activity = recorded[Kind::Activity];
        const auto& sleep = recorded[Kind::Sleep];
        auto findings = schoolDayFindings(*app_, *day);
        for (const auto& v : app_->classList()) {
            const auto m = v.toMap();
            Row row;
            row.classId = m.value("id").toString();
            row.className = m.value("name").toString();
            const auto id = ss(row.classId);
            // The grade (and name) the class had on the day shown: a past day keeps its rules.
            const ClassInfo* info = app_->findClass(id);
            row.grade = info ? info->body.gradeOn(*day) : m.value("grade").toInt();
            if (info) row.className = qs(info->body.nameOn(*day));
            row.homework = homework.count(id) > 0;
            row.noHomework = noHomework.count(id) > 0 && !setHomework.count(id);
            row.activity = activity.count(id) > 0;
            row.sleep = sleep.count(id) > 0;
            row.written = written[id];
            row.cap = writtenHomeworkCap(*app_, row.grade, *day);
            for (const auto& f : findings[id]) {
                row.findings << f.toVariant();
                if (f.severity == "hard") {
                    ++hard_;
                    row.worst = "hard";
                } else {
                    ++soft_;
                    if (row.worst.isEmpty()) row.worst = "soft";
                }
            }
            if (!row.homework && schoolDay_) ++missing_;  // a weekend or holiday misses nothing
            rows_.push_back(std::move(row));
        }
    }
    endResetModel();
    emit summaryChanged();
}

}  // namespace taizhang
