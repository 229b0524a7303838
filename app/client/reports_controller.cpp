#include "reports_controller.h"

#include <cstdio>
#include <fstream>
#include <map>

#include <QFile>
#include <QUrl>
#include <QVariantMap>

#include "app_context.h"
#include "compliance.h"
#include "csv.h"
#include "logging.h"
#include "policy_overrides.h"
#include "qt_convert.h"
#include "save_location.h"
#include "record_csv.h"
#include "references.h"

namespace taizhang {

ReportsController::ReportsController(QObject* parent) : ReportsController(*AppContext::instance(), parent) {}

ReportsController::ReportsController(AppContext& app, QObject* parent)
    : QObject(parent), app_(&app), weekOf_(app.today())
{
    connect(app_, &AppContext::dataChanged, this, &ReportsController::recompute);
}

ReportsController::~ReportsController()
{
    cancel();
    waitForTask();
}

void ReportsController::setClassId(const QString& id)
{
    if (id == classId_) return;
    classId_ = id;
    recompute();
}

void ReportsController::setWeekOf(const QString& d)
{
    if (d == weekOf_ || !dateFrom(d)) return;
    weekOf_ = d;
    recompute();
}

void ReportsController::recompute()
{
    series_.clear();
    auto day = dateFrom(weekOf_);
    const ClassInfo* c = app_->findClass(ss(classId_));
    if (day && c) {
        const Date monday = day->mondayOfWeek();
        const Date friday = monday.addDays(4);
        // One indexed query for the class-week.
        std::map<Date, int> written, activity;
        for (const auto& r : app_->store().query(RecordQuery{.from = monday, .to = friday, .classId = c->id})) {
            if (r.kind == Kind::Homework) {
                auto h = bodyAs<Homework>(r);
                if (countsAgainstCap(c->body.gradeOn(h.date), h)) written[h.date] += h.minutes;
            } else if (r.kind == Kind::Activity) {
                auto a = bodyAs<PhysicalActivity>(r);
                const RuleSet rules = effectiveRules(a.date, app_->overrides());
                activity[a.date] = a.peLessonMinutes + a.longBreakMinutes + a.afterSchoolMinutes +
                                   (rules.activity.minTotalMinutes ? a.outOfSchoolMinutes : 0);
            }
        }
        for (int i = 0; i < 5; ++i) {
            const Date d = monday.addDays(i);
            const RuleSet rules = effectiveRules(d, app_->overrides());
            const int rule = rules.activity.minTotalMinutes.value_or(rules.activity.minInSchoolMinutes.value_or(60));
            series_ << QVariantMap{{"date", qs(d)},     {"weekday", i + 1},
                                   {"written", written[d]}, {"cap", writtenHomeworkCap(*app_, c->body.gradeOn(d), d)},
                                   {"activity", activity[d]}, {"activityRule", rule}};
        }
    }
    emit seriesChanged();
}

namespace {
// The daily kinds the Reports page exports, with the word its file name and menu use.
std::optional<Kind> exportKind(const QString& name)
{
    const auto kind = kindFromName(ss(name));
    if (kind && describe(*kind).daily) return kind;
    return std::nullopt;
}

QString exportKindWord(Kind kind)
{
    switch (kind) {
    case Kind::Homework: return ReportsController::tr("作业");
    case Kind::Sleep: return ReportsController::tr("睡眠");
    case Kind::Activity: return ReportsController::tr("体育活动");
    case Kind::SchoolClass:
    case Kind::Teacher:
    case Kind::Term:
    case Kind::Subject:
    case Kind::Timetable:
    case Kind::Training: break;
    }
    return qs(std::string(kindName(kind)));
}
}  // namespace

QString ReportsController::defaultExportPath(const QString& kind, const QString& from, const QString& to) const
{
    const auto k = exportKind(kind);
    return defaultSavePath(tr("%1-%2至%3.csv").arg(k ? exportKindWord(*k) : kind, from.trimmed(), to.trimmed()));
}

bool ReportsController::exportCsv(const QString& file, const QString& from, const QString& to, const QString& kindText)
{
    auto start = dateFrom(from);
    auto end = dateFrom(to);
    if (busy_) return false;
    if (!start || !end || *end < *start) {
        status_ = tr("日期范围应写成 2026-09-01 至 2026-11-30");
        emit taskChanged();
        return false;
    }
    const auto kind = exportKind(kindText);
    if (!kind) {
        status_ = tr("请选择要导出的记录：作业、睡眠或体育活动");
        emit taskChanged();
        return false;
    }
    const QUrl url(file);
    const QString local = url.isLocalFile() ? url.toLocalFile() : file.trimmed();
    if (local.isEmpty()) {
        status_ = tr("请写出要保存的文件路径");
        emit taskChanged();
        return false;
    }
    waitForTask();
    const std::string path = ss(local);
    const std::string dbPath = app_->db().path();
    busy_ = true;
    progress_ = 0;
    status_ = tr("正在导出……");
    cancel_ = false;
    emit taskChanged();
    // The worker reads through its own connection (WAL lets it read while the GUI writes) and
    // writes a temporary file renamed into place at the end: a cancel or failure leaves no
    // half-written export behind.
    worker_ = std::thread([this, path, dbPath, kind = *kind, from = *start, to = *end] {
        bool ok = false;
        QString message;
        const std::string tmp = path + ".part";
        try {
            Database db = Database::open(dbPath, OpenOptions{.create = false});
            ManualClock clock(0);
            RecordStore store(db, clock);
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            const cli::References refs(store);
            CsvWriter csv(out);
            csv.row(cli::recordCsvHeader(kind));
            const auto totalDays = static_cast<double>(daysInclusive(from, to));
            std::size_t rows = 0;
            for (Date week = from; week <= to && !cancel_; week = week.addDays(7)) {
                const Date last = std::min(to, week.addDays(6));
                for (const auto& r : store.query(RecordQuery{.kind = kind, .from = week, .to = last})) {
                    csv.row(cli::recordCsvRow(r, refs));
                    ++rows;
                }
                const double p = static_cast<double>(daysInclusive(from, last)) / totalDays;
                QMetaObject::invokeMethod(this, [this, p] { progress_ = p; emit taskChanged(); }, Qt::QueuedConnection);
            }
            out.close();
            if (cancel_) {
                std::remove(tmp.c_str());
                message = tr("已取消，未生成文件");
            } else if (!out || std::rename(tmp.c_str(), path.c_str()) != 0) {
                std::remove(tmp.c_str());
                message = tr("无法写入 %1").arg(qs(path));
            } else {
                ok = true;
                message = tr("已导出 %1 条记录到 %2").arg(rows).arg(qs(path));
            }
        } catch (const std::exception& e) {
            std::remove(tmp.c_str());
            message = tr("导出失败：%1").arg(QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(this, [this, ok, message] { finishTask(ok, message); }, Qt::QueuedConnection);
    });
    return true;
}

void ReportsController::finishTask(bool ok, const QString& message)
{
    busy_ = false;
    progress_ = ok ? 1 : progress_;
    status_ = message;
    qCInfo(lcData) << "csv export:" << message;
    emit taskChanged();
    emit taskFinished(ok);
}

void ReportsController::cancel() { cancel_ = true; }

void ReportsController::waitForTask()
{
    if (worker_.joinable()) worker_.join();
}

}  // namespace taizhang
