#include "setup_controller.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "app_context.h"
#include "ledger_errors.h"
#include "logging.h"
#include "qt_convert.h"
#include "school.h"
#include "setup_parsing.h"
#include "users.h"

namespace taizhang {

namespace {

QString joinErrors(const std::vector<ParsedLine>& errors)
{
    QStringList out;
    for (const auto& e : errors) out << e.error;
    return out.join('\n');
}
}  // namespace

SetupController::SetupController(QObject* parent) : SetupController(*AppContext::instance(), parent) {}

SetupController::SetupController(AppContext& app, QObject* parent) : QObject(parent), app_(&app)
{
    const Date today = app.todayDate();
    // A term that contains today is the likeliest answer; the administrator corrects it.
    const bool autumn = today.month >= 8 || today.month == 1;
    const int startYear = today.month == 1 ? today.year - 1 : today.year;
    fields_ = {{"schoolType", "primary"},
               {"studentsPerClass", 45},
               {"termName", autumn ? QString("%1-%2学年第一学期").arg(startYear).arg(startYear + 1)
                                   : QString("%1-%2学年第二学期").arg(today.year - 1).arg(today.year)},
               {"termStart", autumn ? QString("%1-09-01").arg(startYear) : QString("%1-02-20").arg(today.year)},
               {"termEnd", autumn ? QString("%1-01-20").arg(startYear + 1) : QString("%1-07-05").arg(today.year)}};
    validate();
}

void SetupController::set(const QString& field, const QVariant& value)
{
    fields_.insert(field, value);
    touched_.insert(field);
    // Both password fields are judged together once the second one was typed.
    if (field == QLatin1String("adminPassword2")) touched_.insert(QStringLiteral("adminPassword"));
    validate();
}

QStringList SetupController::stepFields(int step)
{
    switch (step) {
    case 0: return {"schoolCode", "schoolName", "schoolType"};
    case 1: return {"termName", "termStart", "termEnd", "holidays"};
    case 2: return {"classes", "studentsPerClass", "teachers"};
    case 3: return {"adminName", "adminPassword", "adminPassword2"};
    }
    return {};
}

QVariantMap SetupController::shownErrors() const
{
    QVariantMap out;
    for (auto it = errors_.begin(); it != errors_.end(); ++it)
        if (touched_.contains(it.key())) out.insert(it.key(), it.value());
    return out;
}

QVariantList SetupController::stepsValid() const
{
    QVariantList out;
    for (int step = 0; step < 4; ++step) {
        bool ok = true;
        for (const auto& n : stepFields(step)) ok = ok && !errors_.contains(n);
        out << ok;
    }
    return out;
}

bool SetupController::leaveStep(int step)
{
    for (const auto& n : stepFields(step)) touched_.insert(n);
    const bool ok = stepsValid().value(step).toBool();
    emit changed();
    return ok;
}

void SetupController::validate()
{
    errors_.clear();
    status_.clear();
    auto f = [&](const char* k) { return fields_.value(k).toString().trimmed(); };
    if (!QRegularExpression("^\\d{10}$").match(f("schoolCode")).hasMatch())
        errors_["schoolCode"] = tr("学校标识码应为 10 位数字");
    if (f("schoolName").isEmpty()) errors_["schoolName"] = tr("请填写学校名称");
    if (!QStringList{"primary", "junior", "nine_year"}.contains(f("schoolType")))
        errors_["schoolType"] = tr("请选择学校类型");
    if (f("termName").isEmpty()) errors_["termName"] = tr("请填写学期名称");
    auto start = dateFrom(f("termStart"));
    auto end = dateFrom(f("termEnd"));
    if (!start) errors_["termStart"] = tr("日期应写成 2026-09-01");
    if (!end) errors_["termEnd"] = tr("日期应写成 2027-01-20");
    else if (start && *end <= *start) errors_["termEnd"] = tr("学期结束日期应晚于开始日期");
    auto holidays = parseHolidays(fields_.value("holidays").toString());
    if (!holidays.errors.empty()) errors_["holidays"] = joinErrors(holidays.errors);

    const int perClass = fields_.value("studentsPerClass").toInt();
    if (perClass < 1 || perClass > 80) errors_["studentsPerClass"] = tr("每班人数应在 1 到 80 之间");
    auto classes = parseClassSpec(fields_.value("classes").toString(), perClass);
    classCount_ = static_cast<int>(classes.classes.size());
    if (!classes.errors.empty()) errors_["classes"] = joinErrors(classes.errors);
    else if (classCount_ == 0) errors_["classes"] = tr("请至少添加一个班级，例如“三年级 1-6 班”");
    const QString type = f("schoolType");
    for (const auto& c : classes.classes) {
        const bool fits = type == "nine_year" || (type == "primary" ? c.grade <= 6 : c.grade >= 7);
        if (!fits) {
            errors_["classes"] = tr("%1 不属于所选学校类型").arg(qs(c.name));
            break;
        }
    }
    auto teachers = parseTeacherPaste(fields_.value("teachers").toString());
    teacherCount_ = static_cast<int>(teachers.teachers.size());
    if (!teachers.errors.empty()) errors_["teachers"] = joinErrors(teachers.errors);

    if (f("adminName").isEmpty()) errors_["adminName"] = tr("请填写管理员用户名");
    else if (!QRegularExpression("^[A-Za-z0-9._-]{1,64}$").match(f("adminName")).hasMatch())
        errors_["adminName"] = tr("用户名只能包含字母、数字、点、下划线和短横线");
    const QString pw = fields_.value("adminPassword").toString();
    if (pw.size() < 6) errors_["adminPassword"] = tr("密码至少 6 位");
    else if (pw != fields_.value("adminPassword2").toString()) errors_["adminPassword2"] = tr("两次输入的密码不一致");
    emit changed();
}

bool SetupController::finish()
{
    if (app_->hasSchool()) {
        status_ = tr("本机已经设置过学校，不能再次设置");
        emit changed();
        return false;
    }
    for (int step = 0; step < 4; ++step)
        for (const auto& n : stepFields(step)) touched_.insert(n);
    validate();
    if (!valid()) {
        status_ = tr("还有未改正的内容：请回到标红的那一步");
        emit changed();
        return false;
    }
    auto f = [&](const char* k) { return fields_.value(k).toString().trimmed(); };
    std::vector<NewRecord> records;
    Term term{ss(f("termName")), *dateFrom(f("termStart")), *dateFrom(f("termEnd")),
              parseHolidays(fields_.value("holidays").toString()).holidays};
    records.push_back({Kind::Term, Json(term)});
    for (const auto& c : parseClassSpec(fields_.value("classes").toString(), fields_.value("studentsPerClass").toInt()).classes)
        records.push_back({Kind::SchoolClass, Json(c)});
    for (const auto& t : parseTeacherPaste(fields_.value("teachers").toString()).teachers)
        records.push_back({Kind::Teacher, Json(t)});
    try {
        // One write transaction for everything (the Ledger's and the user store's own
        // transactions nest as savepoints): either the whole school exists afterwards or
        // nothing does, so pressing 完成设置 again after a failure cannot write anything twice.
        auto tx = app_->db().beginWrite();
        // The profile first inside the transaction: validation of the classes reads the school type.
        saveSchoolProfile(app_->db(), SchoolProfile{ss(f("schoolCode")), ss(f("schoolName")), "", ss(f("schoolType"))});
        UserStore users(app_->db(), app_->clock());
        users.create(NewUser{ss(f("adminName")), ss(f("adminName")), Role::Admin, {}},
                     ss(fields_.value("adminPassword").toString()));
        auto bulk = app_->ledger().saveMany(records, app_->change());
        if (!bulk.ok()) {
            QStringList problems;
            for (const auto& bi : bulk.issues)
                if (bi.issue.severity == IssueSeverity::Error) problems << issueMessage(*app_, bi.issue);
            throw LedgerRefused(problems);
        }
        tx.commit();
    } catch (const UserError& e) {
        errors_["adminName"] = e.code() == "invalid_username"     ? tr("用户名只能包含字母、数字、点、下划线和短横线")
                               : e.code() == "duplicate_username" ? tr("已有同名用户，请换一个用户名")
                                                                  : tr("无法创建管理员账号");
        qCWarning(lcData) << "setup refused:" << e.what();
        emit changed();
        return false;
    } catch (const LedgerRefused& e) {
        qCWarning(lcData) << "setup refused:" << e.what();
        status_ = tr("未保存：%1").arg(e.messages().join(QStringLiteral("；")));
        emit changed();
        return false;
    } catch (const std::exception& e) {
        qCWarning(lcData) << "setup failed:" << e.what();
        status_ = tr("保存失败，什么也没有写入，可以再试一次。（%1）").arg(QString::fromUtf8(e.what()));
        emit changed();
        return false;
    }
    qCInfo(lcData) << "school set up:" << records.size() << "records";
    app_->reloadProfile();
    app_->signInAs(f("adminName"), f("adminName"), true, {});
    app_->notifyDataChanged();
    emit finished();
    return true;
}

void SetupController::fillDemo()
{
    fields_.insert("schoolCode", "3301060001");
    fields_.insert("schoolName", "西湖区实验小学");
    fields_.insert("schoolType", "primary");
    fields_.insert("holidays", "国庆节 2026-10-01 2026-10-07\n元旦 2027-01-01 2027-01-01");
    fields_.insert("classes", "一年级 1-2 班 42\n三年级 1-3 班 45\n五年级 1-2 班 46");
    fields_.insert("teachers",
                   "姓名\t工号\t学科\t入职日期\n王芳\tT001\t语文\t2010-09-01\n李强\tT002\t数学\t2015-09-01\n"
                   "张敏\tT003\t英语\t2026-09-01\n赵磊\tT004\t体育\t2012-09-01\n陈静\tT005\t科学、劳动\t2018-09-01");
    fields_.insert("adminName", "admin");
    fields_.insert("adminPassword", "demo1234");
    fields_.insert("adminPassword2", "demo1234");
    for (int step = 0; step < 4; ++step)
        for (const auto& n : stepFields(step)) touched_.insert(n);
    validate();
}

}  // namespace taizhang
