#include "compliance.h"

#include <QCoreApplication>

#include "app_context.h"
#include "qt_convert.h"

namespace taizhang {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("Compliance", s); }
const char* kHomeworkSource = QT_TRANSLATE_NOOP("Compliance", "双减意见（2021）；教基厅函〔2021〕13号");
const char* kSleepSource = QT_TRANSLATE_NOOP("Compliance", "教基厅函〔2021〕11号");
const char* kActivitySource2011 = QT_TRANSLATE_NOOP("Compliance", "中发〔2007〕7号；2011 每天一小时规定");
const char* kActivitySource2025 = QT_TRANSLATE_NOOP("Compliance", "教育强国建设规划纲要（2025）");
}  // namespace

// National defaults of policy-rules.md; a county override may only be stricter.
int writtenHomeworkCap(AppContext& app, int grade, const Date& day)
{
    (void)app;
    (void)day;
    if (grade <= 2) return 0;
    return grade <= 6 ? 60 : 90;
}

bool countsAgainstCap(int grade, const Homework& h)
{
    // G1-2: only written homework at home is capped (in-school consolidation is allowed).
    if (!h.written) return false;
    return grade <= 2 ? h.atHome : true;
}

std::vector<UiFinding> classDayFindings(AppContext& app, const std::string& classId, const Date& day)
{
    return previewFindings(app, classId, day, app.store().query(RecordQuery{.from = day, .to = day, .classId = classId}));
}

std::vector<UiFinding> previewFindings(AppContext& app, const std::string& classId, const Date& day,
                                       const std::vector<Record>& records)
{
    std::vector<UiFinding> out;
    const ClassInfo* c = app.findClass(classId);
    if (!c) return out;
    const int grade = c->body.grade;

    int written = 0;
    bool anyHomework = false;
    for (const auto& r : records) {
        if (r.kind != Kind::Homework) continue;
        anyHomework = true;
        auto h = bodyAs<Homework>(r);
        if (countsAgainstCap(grade, h)) written += h.minutes;
    }
    const int cap = writtenHomeworkCap(app, grade, day);
    if (anyHomework && written > cap) {
        out.push_back({"hard", tr("书面作业总量"), tr(kHomeworkSource),
                       grade <= 2 ? tr("一、二年级不布置家庭书面作业，今日记录 %1 分钟").arg(written)
                                  : tr("书面作业 %1 分钟，超过上限 %2 分钟").arg(written).arg(cap)});
    }
    for (const auto& r : records) {
        if (r.kind == Kind::Activity) {
            auto a = bodyAs<PhysicalActivity>(r);
            const int inSchool = a.peLessonMinutes + a.longBreakMinutes + a.afterSchoolMinutes;
            if (day >= Date{2025, 1, 1}) {
                const int total = inSchool + a.outOfSchoolMinutes;
                if (total < 120)
                    out.push_back({"hard", tr("每天综合体育活动"), tr(kActivitySource2025),
                                   tr("体育活动共 %1 分钟，少于 120 分钟").arg(total)});
            } else if (inSchool < 60) {
                out.push_back({"hard", tr("校内体育活动"), tr(kActivitySource2011),
                               tr("校内体育活动 %1 分钟，少于 60 分钟").arg(inSchool)});
            }
            if (a.longBreakMinutes < 30)
                out.push_back({"hard", tr("大课间"), tr("2021 体质健康管理通知"),
                               tr("大课间 %1 分钟，少于 30 分钟").arg(a.longBreakMinutes)});
        } else if (r.kind == Kind::Sleep) {
            auto s = bodyAs<SleepSurvey>(r);
            const double need = grade <= 6 ? 10.0 : 9.0;
            if (s.averageHours < need)
                out.push_back({"soft", tr("睡眠时间"), tr(kSleepSource),
                               tr("平均睡眠 %1 小时，应达到 %2 小时").arg(s.averageHours, 0, 'f', 1).arg(need)});
        }
    }
    return out;
}

std::vector<UiFinding> timetableFindings(int grade, const std::map<std::string, int>& counts)
{
    std::vector<UiFinding> out;
    const QString plan = tr("义务教育课程方案（2022年版）");
    auto count = [&](const char* code) {
        auto it = counts.find(code);
        return it == counts.end() ? 0 : it->second;
    };
    int total = 0;
    for (const auto& [code, n] : counts) total += n;
    const int standard = grade <= 2 ? 26 : grade <= 6 ? 30 : 34;
    if (total > standard)
        out.push_back({"hard", tr("周课时总量"), plan, tr("每周 %1 节，超过 %2 节").arg(total).arg(standard)});
    else if (total < standard)
        out.push_back({"soft", tr("周课时总量"), plan, tr("每周 %1 节，少于 %2 节").arg(total).arg(standard)});
    const int pe = grade <= 2 ? 4 : 3;
    if (count("pe") < pe)
        out.push_back({"hard", tr("体育课时"), tr(kActivitySource2011), tr("体育与健康每周 %1 节，应不少于 %2 节").arg(count("pe")).arg(pe)});
    if (count("labour") < 1)
        out.push_back({"hard", tr("劳动课"), plan, tr("劳动每周应不少于 1 节")});
    if (grade >= 3 && grade <= 8 && count("it") < 1)
        out.push_back({"soft", tr("信息科技"), plan, tr("三至八年级信息科技应单独设课")});
    return out;
}

TrainingStatus trainingStatus(const Teacher& teacher, const std::vector<TrainingRecord>& trainings, const Date& asOf)
{
    TrainingStatus out;
    const Date windowStart = asOf.addYears(-5).addDays(1);
    const Date yearAgo = asOf.addYears(-1).addDays(1);
    const bool hired = teacher.hireDate.isValid();
    const Date probationEnd = hired ? teacher.hireDate.addYears(1).addDays(-1) : Date{};
    out.inProbation = hired && asOf >= teacher.hireDate && asOf <= probationEnd;
    for (const auto& t : trainings) {
        if (t.end >= windowStart && t.end <= asOf) out.hoursInWindow += t.hours;
        if (t.end >= yearAgo && t.end <= asOf) out.hoursLast12Months += t.hours;
        if (hired && t.end >= teacher.hireDate && t.end <= probationEnd) out.probationHours += t.hours;
    }
    return out;
}

}  // namespace taizhang
