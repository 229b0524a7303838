#include "no_homework_conflict.h"

#include <QCoreApplication>

#include "app_context.h"
#include "no_homework_day.h"
#include "qt_convert.h"
#include "record_store.h"

namespace taizhang {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("NoHomeworkConflict", text); }

// "一年级1班 11月30日" (English "Grade 1 Class 1, 11/30").
QString classDay(const AppContext& app, const Record& r)
{
    const auto day = r.date();
    const QString cls = app.className(qs(r.classId()));
    if (!day) return cls;
    return tr("%1 %2月%3日").arg(cls).arg(day->month).arg(day->day);
}

bool isHomework(const Record& r) { return r.kind == Kind::Homework && !r.meta.deleted; }

}  // namespace

std::optional<NoHomeworkConflictText> noHomeworkConflictText(const AppContext& app, const Record& stored,
                                                             const Record& other)
{
    if (!isHomework(stored) || other.kind != Kind::Homework) return std::nullopt;
    const bool markKept = isNoHomeworkMark(stored.body);
    if (markKept == isNoHomeworkMark(other.body)) return std::nullopt;  // same kind: an ordinary key
    NoHomeworkConflictText text;
    if (markKept) {
        text.why = tr("%1：一台电脑登记了“无作业”，另一台电脑登记了作业，两者不能同时成立。区县保留了先到的“无作业”，"
                      "后到的作业没有保存，已在各台电脑上标为删除，内容保留在这里。")
                       .arg(classDay(app, stored));
        text.advice = tr("怎么办：这一天确实没有作业，点“保留现有记录”；有作业，点“采用另一条”，“无作业”就改成这条作业"
                         "（别的学科如果也有作业，请到作业登记里补上）。");
    } else {
        text.why = tr("%1：一台电脑登记了作业，另一台电脑登记了“无作业”，两者不能同时成立。区县保留了先到的作业，"
                      "后到的“无作业”没有保存，已在各台电脑上标为删除。")
                       .arg(classDay(app, stored));
        text.advice = tr("怎么办：这一天确实有作业，点“保留现有记录”；确实没有作业，先到作业登记里删除这一天的其他作业，"
                         "再点“采用另一条”。");
    }
    return text;
}

QString noHomeworkRefusalReason(AppContext& app, const Record& mine)
{
    if (mine.kind != Kind::Homework || mine.classId().empty() || !mine.date()) return {};
    const bool mark = isNoHomeworkMark(mine.body);
    RecordQuery q;
    q.kind = Kind::Homework;
    q.classId = mine.classId();
    q.from = mine.date();
    q.to = mine.date();
    for (const auto& r : app.store().query(q)) {
        if (r.meta.id == mine.meta.id || r.meta.deleted || isNoHomeworkMark(r.body) == mark) continue;
        return mark ? tr("%1：本机登记了“无作业”，本校另一台电脑登记了作业，两者不能同时成立。区县保留了先到的作业，"
                         "本机的“无作业”已在各台电脑上标为删除。")
                          .arg(classDay(app, mine))
                    : tr("%1：本机登记了作业，本校另一台电脑登记了“无作业”，两者不能同时成立。区县保留了先到的"
                         "“无作业”，本机这条作业已在各台电脑上标为删除，内容保留在冲突里。")
                          .arg(classDay(app, mine));
    }
    return {};
}

}  // namespace taizhang
