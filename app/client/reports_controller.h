#pragma once
// Reports: the weekly chart of a class (written homework vs cap, activity vs rule) and CSV export
// of daily records, which runs on a worker thread with its own database connection, progress and
// cancel. The 作业公示 sheet is PublicationController's (publication_controller.h).
#include <atomic>
#include <memory>
#include <thread>

#include <QObject>
#include <QVariantList>

namespace taizhang {

class AppContext;

class ReportsController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString classId READ classId WRITE setClassId NOTIFY seriesChanged)
    Q_PROPERTY(QString weekOf READ weekOf WRITE setWeekOf NOTIFY seriesChanged)
    Q_PROPERTY(QVariantList series READ series NOTIFY seriesChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY taskChanged)
    Q_PROPERTY(double progress READ progress NOTIFY taskChanged)
    Q_PROPERTY(QString status READ status NOTIFY taskChanged)

public:
    explicit ReportsController(QObject* parent = nullptr);
    ReportsController(AppContext& app, QObject* parent = nullptr);
    ~ReportsController() override;

    QString classId() const { return classId_; }
    void setClassId(const QString& id);
    QString weekOf() const { return weekOf_; }
    void setWeekOf(const QString& d);
    // Monday-Friday: {date, weekday, written, cap, activity, activityRule}.
    QVariantList series() const { return series_; }
    bool busy() const { return busy_; }
    double progress() const { return progress_; }
    QString status() const { return status_; }

    // Writes the records of one daily kind ("homework", "sleep", "activity") dated [from, to] to
    // a CSV file in the background, in the form `taizhang export --kind K` writes, so that
    // `taizhang import --kind K` reads it back. `path` is a local path or a file: URL.
    Q_INVOKABLE bool exportCsv(const QString& path, const QString& from, const QString& to, const QString& kind);
    // Where the save dialog starts: Documents (or home), named after the kind and the range.
    Q_INVOKABLE QString defaultExportPath(const QString& kind, const QString& from, const QString& to) const;
    Q_INVOKABLE void cancel();
    // Waits for a running export (tests, shutdown).
    void waitForTask();

signals:
    void seriesChanged();
    void taskChanged();
    void taskFinished(bool ok);

private:
    void recompute();
    void finishTask(bool ok, const QString& message);

    AppContext* app_;
    QString classId_;
    QString weekOf_;
    QVariantList series_;
    bool busy_ = false;
    double progress_ = 0;
    QString status_;
    std::atomic<bool> cancel_{false};
    std::thread worker_;
};

}  // namespace taizhang
