#include "daily_form.h"

#include <QCoreApplication>

#include "app_context.h"
#include "compliance.h"
#include "ledger_errors.h"
#include "logging.h"
#include "permissions.h"
#include "qt_convert.h"
#include "record_kinds.h"

namespace taizhang {

namespace {

// Reads a whole number typed into a field; nullopt when it is not one or out of [lo, hi].
std::optional<int> intField(const QVariantMap& f, const char* name, int lo, int hi)
{
    const auto v = intFrom(f.value(name).toString());
    return v && *v >= lo && *v <= hi ? v : std::nullopt;
}

// The range core's kind table gives a field (record_kinds.cpp): the form refuses exactly what
// validation would, so a value the form takes is never refused by the Ledger, the CLI or the county.
std::pair<double, double> coreRange(Kind kind, std::string_view key)
{
    const FieldDescriptor* f = findFieldDescriptor(kind, key);
    return {f && f->min ? *f->min : 0.0, f && f->max ? *f->max : 1e9};
}

// The form's field, the body key it fills and the field's Chinese name in messages.
struct ActivityField {
    const char* formName;
    std::string_view key;
    const char* nameZh;
};
constexpr ActivityField kActivityFields[] = {
    {"peLessonMinutes", "pe_lesson_minutes", QT_TRANSLATE_NOOP("DailyForm", "体育课分钟数")},
    {"longBreakMinutes", "long_break_minutes", QT_TRANSLATE_NOOP("DailyForm", "大课间分钟数")},
    {"longBreakSessions", "long_break_sessions", QT_TRANSLATE_NOOP("DailyForm", "大课间次数")},
    {"afterSchoolMinutes", "after_school_minutes", QT_TRANSLATE_NOOP("DailyForm", "课后体育分钟数")},
    {"outOfSchoolMinutes", "out_of_school_minutes", QT_TRANSLATE_NOOP("DailyForm", "校外活动分钟数")},
};
}  // namespace

DailyForm::DailyForm(QObject* parent) : DailyForm(*AppContext::instance(), parent) {}

DailyForm::DailyForm(AppContext& app, QObject* parent) : QObject(parent), app_(&app), date_(app.today()) {}

void DailyForm::setKind(const QString& k)
{
    if (k == kind_ || (k != "sleep" && k != "activity")) return;
    kind_ = k;
    reload();
}

void DailyForm::setClassId(const QString& id)
{
    if (id == classId_) return;
    classId_ = id;
    reload();
}

void DailyForm::setDate(const QString& d)
{
    if (d == date_) return;
    date_ = d;
    reload();
}

void DailyForm::set(const QString& field, const QVariant& value)
{
    fields_.insert(field, value.toString().trimmed());
    dirty_ = true;
    touched_.insert(field);
    setStatus({});  // the last save's message no longer describes the form
    check();
}

void DailyForm::reload()
{
    stored_.reset();
    fields_.clear();
    dirty_ = false;
    showAllErrors_ = false;
    touched_.clear();
    auto day = dateFrom(date_);
    const Kind kind = kind_ == "sleep" ? Kind::Sleep : Kind::Activity;
    if (day && app_->findClass(ss(classId_))) {
        // One class-day: an indexed look-up, never a scan.
        auto found = app_->store().query(RecordQuery{.kind = kind, .from = day, .to = day, .classId = ss(classId_), .limit = 1});
        if (!found.empty()) stored_ = found.front();
    }
    if (stored_ && kind == Kind::Sleep) {
        auto s = bodyAs<SleepSurvey>(*stored_);
        fields_ = {{"surveyed", QString::number(s.surveyed)}, {"reachingStandard", QString::number(s.reachingStandard)},
                   {"averageHours", QString::number(s.averageHours, 'f', 1)}};
    } else if (stored_) {
        auto a = bodyAs<PhysicalActivity>(*stored_);
        fields_ = {{"peLessonMinutes", QString::number(a.peLessonMinutes)},
                   {"longBreakMinutes", QString::number(a.longBreakMinutes)},
                   {"longBreakSessions", QString::number(a.longBreakSessions)},
                   {"afterSchoolMinutes", QString::number(a.afterSchoolMinutes)},
                   {"outOfSchoolMinutes", QString::number(a.outOfSchoolMinutes)}};
    } else if (kind == Kind::Sleep) {
        auto c = app_->findClass(ss(classId_));
        fields_ = {{"surveyed", c ? QString::number(c->body.students) : QString()}, {"reachingStandard", ""}, {"averageHours", ""}};
    } else {
        // A day nobody recorded starts empty: made-up figures would show findings (and could be
        // saved) for activity that was never reported.
        fields_ = {{"peLessonMinutes", ""}, {"longBreakMinutes", ""}, {"longBreakSessions", ""},
                   {"afterSchoolMinutes", ""}, {"outOfSchoolMinutes", ""}};
    }
    emit formChanged();
    setStatus({});
    check();
}

void DailyForm::check()
{
    errors_.clear();
    findings_.clear();
    auto day = dateFrom(date_);
    const ClassInfo* c = app_->findClass(ss(classId_));
    if (!c) errors_["classId"] = tr("请选择班级");
    if (!day) errors_["date"] = tr("日期格式应为 年-月-日，例如 2026-11-23");
    else if (*day > app_->todayDate()) errors_["date"] = tr("不能记录未来日期");
    if (kind_ == "sleep") {
        const int students = c ? c->body.students : 200;
        auto surveyed = intField(fields_, "surveyed", 1, students);
        if (!surveyed) errors_["surveyed"] = tr("调查人数应为 1 到 %1 之间的整数（班级人数）").arg(students);
        auto reaching = intField(fields_, "reachingStandard", 0, surveyed.value_or(students));
        if (!reaching) errors_["reachingStandard"] = tr("达标人数应为 0 到调查人数之间的整数");
        // Outside 4-14 h core warns (sleep.average_implausible, shown under the form); past its
        // hard range (0-24) it refuses, and so does the form.
        const auto [lo, hi] = coreRange(Kind::Sleep, "average_hours");
        const double hours = decimalFrom(fields_.value("averageHours").toString()).value_or(-1);
        if (hours < lo || hours > hi)
            errors_["averageHours"] = tr("平均睡眠时间应在 %1 到 %2 小时之间，例如 9.5").arg(lo).arg(hi);
    } else {
        for (const auto& f : kActivityFields) {
            const auto [lo, hi] = coreRange(Kind::Activity, f.key);
            if (!intField(fields_, f.formName, static_cast<int>(lo), static_cast<int>(hi)))
                errors_[f.formName] = tr("%1应为 %2 到 %3 之间的整数")
                                          .arg(QCoreApplication::translate("DailyForm", f.nameZh))
                                          .arg(lo)
                                          .arg(hi);
        }
        if (errors_.isEmpty() && intFrom(fields_.value("longBreakSessions").toString()) == 0 &&
            intFrom(fields_.value("longBreakMinutes").toString()).value_or(0) > 0)
            errors_["longBreakSessions"] = tr("有大课间分钟数时次数至少为 1");
    }
    if (auto b = body(); b && c && day) {
        Record preview;
        preview.kind = kind_ == "sleep" ? Kind::Sleep : Kind::Activity;
        preview.body = *b;
        for (const auto& f : previewFindings(*app_, c->id, *day, {preview})) findings_ << f.toVariant();
    }
    emit checked();
}

std::optional<Json> DailyForm::body() const
{
    if (!errors_.isEmpty()) return std::nullopt;
    auto day = dateFrom(date_);
    if (!day) return std::nullopt;
    auto num = [&](const char* n) { return intFrom(fields_.value(n).toString()).value_or(0); };
    if (kind_ == "sleep")
        return Json(SleepSurvey{ss(classId_), *day, num("surveyed"), num("reachingStandard"),
                                decimalFrom(fields_.value("averageHours").toString()).value_or(0)});
    return Json(PhysicalActivity{ss(classId_), *day, num("peLessonMinutes"), num("longBreakMinutes"),
                                 num("longBreakSessions"), num("afterSchoolMinutes"), num("outOfSchoolMinutes")});
}

QVariantMap DailyForm::errors() const
{
    if (showAllErrors_) return errors_;
    QVariantMap shown;
    for (auto it = errors_.begin(); it != errors_.end(); ++it)
        if (touched_.contains(it.key()) || it.key() == QLatin1String("date")) shown.insert(it.key(), it.value());
    return shown;
}

void DailyForm::setStatus(const QString& s)
{
    status_ = s;
    emit statusChanged();
}

bool DailyForm::save()
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        setStatus(refusal);
        return false;
    }
    auto b = body();
    if (!b || !canSave()) {
        // Show every problem now, so that the message points at something red.
        showAllErrors_ = true;
        emit checked();
        setStatus(errors().isEmpty() ? tr("没有需要保存的修改") : tr("请先改正标红的内容"));
        return false;
    }
    try {
        const Kind kind = kind_ == "sleep" ? Kind::Sleep : Kind::Activity;
        auto res = stored_ ? app_->ledger().update(stored_->meta.id, *b, stored_->meta.version, app_->change())
                           : app_->ledger().save(kind, *b, app_->change());
        if (!res.ok()) {
            // Show core's message next to the field it concerns (snake_case body field names).
            for (const auto& issue : res.errors()) {
                QString field = qs(issue.field);
                for (int i = field.indexOf('_'); i >= 0; i = field.indexOf('_'))
                    field = field.left(i) + field.mid(i + 1, 1).toUpper() + field.mid(i + 2);
                errors_.insert(fields_.contains(field) ? field : QStringLiteral("date"), issueMessage(*app_, issue));
            }
            showAllErrors_ = true;
            emit checked();
            throw LedgerRefused(errorMessages(*app_, res.issues));
        }
    } catch (const LedgerRefused& e) {
        qCWarning(lcData) << kind_ << "refused:" << e.what();
        setStatus(tr("未保存：%1").arg(e.messages().join(QStringLiteral("；"))));
        return false;
    } catch (const StaleVersion&) {
        reload();
        setStatus(tr("记录已被他人修改，已重新读取，请核对后再保存"));
        return false;
    } catch (const std::exception& e) {
        qCWarning(lcData) << kind_ << "save failed:" << e.what();
        setStatus(tr("保存失败：%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    qCInfo(lcData) << "saved" << kind_ << classId_ << date_;
    app_->notifyDataChanged();
    reload();
    setStatus(tr("已保存"));
    emit savedOk();
    return true;
}

}  // namespace taizhang
