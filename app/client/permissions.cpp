#include "permissions.h"

#include <QCoreApplication>

#include "app_context.h"
#include "logging.h"
#include "qt_convert.h"

namespace taizhang {

QString refuseUnlessAdmin(const AppContext& app)
{
    if (!app.signedIn()) return QCoreApplication::translate("Permissions", "请先登录");
    if (app.isAdmin()) return {};
    qCWarning(lcData) << "refused: administrator only, user" << app.userName();
    return QCoreApplication::translate("Permissions", "只有管理员可以进行此操作，请用管理员账号登录");
}

QString refuseUnlessTeaches(const AppContext& app, const std::string& classId, const std::string& subject)
{
    if (!app.signedIn()) return QCoreApplication::translate("Permissions", "请先登录");
    if (app.isAdmin() || app.userTeaches(classId, subject)) return {};
    qCWarning(lcData) << "refused: user" << app.userName() << "does not teach" << qs(classId) << qs(subject);
    const QString cls = app.className(qs(classId));
    if (subject.empty())
        return QCoreApplication::translate("Permissions", "您没有在%1任课，不能修改该班的记录").arg(cls.isEmpty() ? QCoreApplication::translate("Permissions", "该班") : cls);
    return QCoreApplication::translate("Permissions", "您没有在%1教%2，不能修改这门课的记录")
        .arg(cls.isEmpty() ? QCoreApplication::translate("Permissions", "该班") : cls, app.subjectName(qs(subject)));
}

QString refuseRecordChange(const AppContext& app, const Record& record)
{
    switch (record.kind) {
    case Kind::Homework:
        return refuseUnlessTeaches(app, record.classId(), bodyAs<Homework>(record).subject);
    case Kind::SchoolClass:
    case Kind::Teacher:
    case Kind::Term:
    case Kind::Subject:
    case Kind::Sleep:
    case Kind::Activity:
    case Kind::Timetable:
    case Kind::Training:
        return refuseUnlessAdmin(app);
    }
    return refuseUnlessAdmin(app);
}

}  // namespace taizhang
