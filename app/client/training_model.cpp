#include "training_model.h"

#include <map>

#include <QCoreApplication>

#include "app_context.h"
#include "compliance.h"
#include "ledger_errors.h"
#include "logging.h"
#include "permissions.h"
#include "qt_convert.h"
#include "validation.h"

namespace taizhang {

TrainingModel::TrainingModel(QObject* parent) : TrainingModel(*AppContext::instance(), parent) {}

TrainingModel::TrainingModel(AppContext& app, QObject* parent) : QAbstractListModel(parent), app_(&app)
{
    fields_ = {{"start", app.today()}, {"end", app.today()}, {"level", "school"}, {"mode", "in_person"}, {"hours", ""}};
    connect(app_, &AppContext::dataChanged, this, &TrainingModel::reload);
    reload();
    check();
}

int TrainingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> TrainingModel::roleNames() const
{
    return {{TeacherIdRole, "teacherId"},     {NameRole, "name"},
            {HoursRole, "hours"},             {RequiredRole, "required"},
            {ProgressRole, "progress"},       {InProbationRole, "inProbation"},
            {ProbationHoursRole, "probationHours"}, {ProbationRequiredRole, "probationRequired"},
            {Last12MonthsRole, "last12Months"}, {OnTrackRole, "onTrack"}};
}

QVariant TrainingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case TeacherIdRole: return r.teacherId;
    case HoursRole: return r.hours;
    case RequiredRole: return r.required;
    case ProgressRole: return r.required > 0 ? std::min(1.0, r.hours / r.required) : 1.0;
    case InProbationRole: return r.inProbation;
    case ProbationHoursRole: return r.probationHours;
    case ProbationRequiredRole: return r.probationRequired;
    case Last12MonthsRole: return r.last12;
    case OnTrackRole: return r.onTrack;
    default: return {};
    }
}

void TrainingModel::reload()
{
    beginResetModel();
    rows_.clear();
    onTrack_ = 0;
    // Training is per teacher, a few records a year each: reading all of them is small.
    std::map<std::string, std::vector<TrainingRecord>> byTeacher;
    for (const auto& r : app_->store().query(RecordQuery{.kind = Kind::Training}))
        byTeacher[r.teacherId()].push_back(bodyAs<TrainingRecord>(r));
    const Date asOf = app_->todayDate();
    for (const auto& t : app_->teachers()) {
        if (!t.body.employedOn(asOf)) continue;  // left or transferred out: not in the school's rate
        const auto st = trainingStatus(*app_, t.body, byTeacher[t.id], asOf);
        rows_.push_back({qs(t.id), qs(t.body.name), st.hoursInWindow, st.requiredHours, st.probationHours,
                         st.probationRequired, st.hoursLast12Months, st.inProbation, st.onTrack});
        if (st.onTrack) ++onTrack_;
    }
    endResetModel();
    emit summaryChanged();
}

void TrainingModel::set(const QString& field, const QVariant& value)
{
    fields_.insert(field, value.toString().trimmed());
    status_.clear();
    check();
}

void TrainingModel::check()
{
    errors_.clear();
    auto f = [&](const char* k) { return fields_.value(k).toString(); };
    // The form reads what was typed; the rules (end after start and not after today, hours above 0
    // and at most kMaxTrainingHoursPerRecord) are core's validation, asked below.
    if (!app_->findTeacher(ss(f("teacherId")))) errors_["teacherId"] = tr("请选择教师");
    auto start = dateFrom(f("start"));
    auto end = dateFrom(f("end"));
    if (!start) errors_["start"] = tr("日期应写成 2026-07-10");
    if (!end) errors_["end"] = tr("日期应写成 2026-07-14");
    if (f("title").trimmed().isEmpty()) errors_["title"] = tr("请填写培训名称");
    const auto hours = decimalFrom(f("hours"));
    if (!hours) errors_["hours"] = tr("学时应为 0 到 %1 之间的数，例如 24 或 1.5").arg(kMaxTrainingHoursPerRecord);
    if (!QStringList{"national", "provincial", "municipal", "county", "school"}.contains(f("level")))
        errors_["level"] = tr("请选择培训级别");
    if (!QStringList{"in_person", "online", "blended"}.contains(f("mode"))) errors_["mode"] = tr("请选择培训形式");
    if (start && end && hours) {
        const TrainingRecord t{ss(f("teacherId")), *start, *end, ss(f("title").trimmed()), ss(f("level")),
                               ss(f("mode")), *hours, ss(f("certificateNumber").trimmed())};
        const bool en = app_->language() == QLatin1String("en");
        static const QHash<QString, QString> formField{{"teacher_id", "teacherId"}, {"start", "start"},
                                                       {"end", "end"},               {"title", "title"},
                                                       {"hours", "hours"},           {"level", "level"},
                                                       {"mode", "mode"}};
        for (const auto& issue : validateBody(Kind::Training, Json(t), app_->ledger().buildContext())) {
            const QString field = formField.value(qs(issue.field), QStringLiteral("hours"));
            if (issue.severity == IssueSeverity::Error && !errors_.contains(field))
                errors_[field] = qs(en ? issue.messageEn : issue.messageZh);
        }
    }
    emit formChanged();
}

bool TrainingModel::save()
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        status_ = refusal;
        emit formChanged();
        return false;
    }
    check();
    if (!canSave()) {
        status_ = tr("请先改正标红的内容");
        emit formChanged();
        return false;
    }
    auto f = [&](const char* k) { return fields_.value(k).toString(); };
    TrainingRecord t{ss(f("teacherId")), *dateFrom(f("start")), *dateFrom(f("end")), ss(f("title").trimmed()),
                     ss(f("level")), ss(f("mode")), decimalFrom(f("hours")).value_or(0), ss(f("certificateNumber").trimmed())};
    try {
        auto res = app_->ledger().save(Kind::Training, Json(t), app_->change());
        if (!res.ok()) {
            status_ = tr("未保存：%1").arg(errorMessages(*app_, res.issues).join(QStringLiteral("；")));
            emit formChanged();
            return false;
        }
    } catch (const std::exception& e) {
        qCWarning(lcData) << "training save failed:" << e.what();
        status_ = tr("保存失败：%1").arg(QString::fromUtf8(e.what()));
        emit formChanged();
        return false;
    }
    qCInfo(lcData) << "saved training for" << f("teacherId");
    fields_.insert("title", "");
    fields_.insert("hours", "");
    fields_.insert("certificateNumber", "");
    app_->notifyDataChanged();
    status_ = tr("已保存");
    check();
    return true;
}

}  // namespace taizhang
