#include "year_controller.h"

#include <QVariantMap>

#include "app_context.h"
#include "logging.h"
#include "qt_convert.h"
#include "sync_state.h"

namespace taizhang {

namespace {
// The 1 September the administrator most likely means: this year's until the end of September
// (a year started a few days late), else next year's; the one after when that year has already
// been started (the page is opened again in October to look).
Date defaultStart(const Date& today, const std::optional<Date>& started)
{
    int year = today.month < 10 ? today.year : today.year + 1;
    if (started && *started >= Date{year, 9, 1}.addDays(-30)) year = started->year + 1;
    return Date{year, 9, 1};
}
}  // namespace

YearController::YearController(QObject* parent) : YearController(*AppContext::instance(), parent) {}

YearController::YearController(AppContext& app, QObject* parent)
    : QObject(parent), app_(&app), startDate_(qs(defaultStart(app.todayDate(), latestSchoolYearStart(app.store()))))
{
    connect(app_, &AppContext::dataChanged, this, &YearController::replan);
    connect(app_, &AppContext::languageChanged, this, &YearController::replan);
    replan();
}

void YearController::setStartDate(const QString& d)
{
    if (d == startDate_) return;
    startDate_ = d;
    replan();
}

void YearController::setPrimaryEntry(int n)
{
    if (n == primaryEntry_) return;
    primaryEntry_ = n;
    replan();
}

void YearController::setJuniorEntry(int n)
{
    if (n == juniorEntry_) return;
    juniorEntry_ = n;
    replan();
}

bool YearController::hasPrimary() const { return !app_->profile() || app_->profile()->hasPrimary(); }
bool YearController::hasJunior() const { return !app_->profile() || app_->profile()->hasJunior(); }

bool YearController::english() const { return app_->language() == QLatin1String("en"); }
QString YearController::text(const Problem& p) const { return english() ? qs(p.en) : qs(p.zh); }

bool YearController::canStart() const { return app_->isAdmin() && plan_.ok() && !plan_.classes.empty() && !done_; }

void YearController::replan()
{
    if (done_) return;  // keep showing what was done, not a plan refused because it is done
    steps_.clear();
    details_.clear();
    problems_.clear();
    const auto start = dateFrom(startDate_);
    if (!start) {
        // Said under the field; the preview is emptied so that nothing stale can be started.
        plan_ = YearPlan{};
        dateError_ = tr("请写成 2027-09-01 这样的日期");
        plan_.problems.push_back({ss(dateError_), ss(dateError_)});
        summary_.clear();
        emit planChanged();
        return;
    }
    dateError_.clear();
    YearStartOptions options;
    options.start = *start;
    if (primaryEntry_ >= 0) options.entryClasses[1] = primaryEntry_;
    if (juniorEntry_ >= 0) options.entryClasses[7] = juniorEntry_;
    plan_ = planSchoolYear(app_->store(), app_->profile(), options, countyTermsFromJson(loadSyncState(app_->db()).terms));
    // The same year again: one sentence, not a preview of what is left and one refusal per class.
    const auto started = latestSchoolYearStart(app_->store());
    if (started && *started >= *start && !plan_.ok()) {
        summary_.clear();
        problems_ << tr("新学年已于 %1 开始过，不能再开始一次；下一个新学年请填 %2")
                         .arg(qs(*started), qs(Date{started->year + 1, 9, 1}));
        emit planChanged();
        return;
    }
    // Show the defaults the plan chose, so the spin boxes start at this year's number of classes.
    int primaryNew = 0, juniorNew = 0;
    for (const auto& s : plan_.classes) {
        QString action, actionText;
        switch (s.action) {
        case ClassStep::Action::Promote: action = "promote"; actionText = tr("升级"); break;
        case ClassStep::Action::Graduate: action = "graduate"; actionText = tr("毕业归档"); break;
        case ClassStep::Action::Create:
            action = "create";
            actionText = tr("新建");
            (s.toGrade == 1 ? primaryNew : juniorNew) += 1;
            break;
        }
        steps_ << QVariantMap{{"action", action}, {"actionText", actionText}, {"fromName", qs(s.fromName)},
                              {"toName", qs(s.toName)}};
    }
    if (primaryEntry_ < 0) primaryEntry_ = primaryNew;
    if (juniorEntry_ < 0) juniorEntry_ = juniorNew;
    summary_ = tr("%1：升级 %2 个班，毕业归档 %3 个班，新建 %4 个班")
                   .arg(qs(plan_.yearName))
                   .arg(plan_.count(ClassStep::Action::Promote))
                   .arg(plan_.count(ClassStep::Action::Graduate))
                   .arg(plan_.count(ClassStep::Action::Create));
    if (started) details_ << tr("上一个新学年于 %1 开始").arg(qs(*started));
    for (const auto& t : plan_.terms)
        details_ << tr("添加学期 %1（%2 至 %3）%4")
                        .arg(qs(t.name), qs(t.start), qs(t.end),
                             plan_.termsSource == "county" ? tr("，来自县区校历") : QString());
    if (!plan_.copyFromTermName.empty())
        details_ << (plan_.slotsDropped
                         ? tr("课表：从「%1」复制 %2 节为草稿（%3 节因新年级不开设该科目未复制）")
                               .arg(qs(plan_.copyFromTermName)).arg(plan_.drafts.size()).arg(plan_.slotsDropped)
                         : tr("课表：从「%1」复制 %2 节为草稿").arg(qs(plan_.copyFromTermName)).arg(plan_.drafts.size()));
    for (const auto& n : plan_.notes) details_ << text(n);
    // A year already started gives one problem per class: the first few say enough, and the
    // preview list above must keep its room on a 768-pixel-high screen.
    constexpr int kProblemsShown = 3;
    for (const auto& p : plan_.problems)
        if (problems_.size() < kProblemsShown) problems_ << text(p);
    if (plan_.problems.size() > static_cast<std::size_t>(kProblemsShown))
        problems_ << tr("……另有 %1 个问题未列出").arg(plan_.problems.size() - kProblemsShown);
    if (!app_->isAdmin()) problems_ << tr("只有管理员可以开始新学年");
    emit planChanged();
}

bool YearController::start()
{
    if (!app_->isAdmin()) {  // enforced here, not only by the page hiding the button
        status_ = tr("只有管理员可以开始新学年");
        emit statusChanged();
        return false;
    }
    replan();  // the preview the user saw, on the data as it is now
    if (!plan_.ok() || plan_.classes.empty()) {
        status_ = problems_.isEmpty() ? tr("没有可以升级的班级") : problems_.join("\n");
        emit statusChanged();
        return false;
    }
    YearStartResult result;
    try {
        result = startSchoolYear(app_->db(), app_->ledger(), plan_, app_->change());
    } catch (const std::exception& e) {
        qCWarning(lcApp) << "new school year failed:" << e.what();
        result.issues.push_back(ValidationIssue{"year.failed", "", "数据库正忙或出错，新学年没有开始，请稍后再试", e.what()});
    }
    if (!result.ok) {
        QStringList lines;
        for (const auto& i : result.issues) lines << (english() ? qs(i.messageEn) : qs(i.messageZh));
        status_ = tr("新学年没有开始，没有做任何修改：") + lines.join("；");
        emit statusChanged();
        return false;
    }
    done_ = true;
    status_ = tr("新学年已开始：升级 %1 个班，毕业归档 %2 个班，新建 %3 个班，添加学期 %4 个，课表草稿 %5 节")
                  .arg(result.promoted)
                  .arg(result.graduated)
                  .arg(result.created)
                  .arg(result.terms)
                  .arg(result.drafts);
    emit statusChanged();
    emit planChanged();  // canStart is false now
    app_->notifyDataChanged();
    return true;
}

}  // namespace taizhang
