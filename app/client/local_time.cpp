#include "local_time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include "app_context.h"
#include "retry_policy.h"

namespace taizhang {

namespace {
QTimeZone schoolZone(const AppContext& app)
{
    const int offset = app.profile() ? app.profile()->utcOffsetMinutes : kChinaUtcOffsetMinutes;
    return QTimeZone(offset * 60);
}
}  // namespace

QString schoolLocalTime(const AppContext& app, std::int64_t unixMillis, std::int64_t nowUnixMillis)
{
    const QTimeZone zone = schoolZone(app);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(unixMillis, zone);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowUnixMillis, zone);
    const QString hm = t.toString(QStringLiteral("HH:mm"));
    if (t.date() == now.date()) return hm;
    return QCoreApplication::translate("LocalTime", "%1月%2日 %3").arg(t.date().month()).arg(t.date().day()).arg(hm);
}

QString schoolLocalTimestamp(const AppContext& app, const std::string& utc)
{
    const auto ms = sync::parseUtcTimestamp(utc);
    if (!ms) return QString::fromStdString(utc);
    return QDateTime::fromMSecsSinceEpoch(*ms, schoolZone(app)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace taizhang
