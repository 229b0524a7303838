#pragma once
// Settings: language, data folder, backup and restore of the ledger file, the rule set in force
// and the county overrides, and enrollment with the county server (syncing itself is
// SyncService's). Enrollment runs on a worker thread with its own database connection.
#include <atomic>
#include <thread>

#include <QObject>
#include <QUrl>

namespace taizhang {

class AppContext;

class SettingsController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString dataFolder READ dataFolder CONSTANT)
    Q_PROPERTY(QString defaultBackupPath READ defaultBackupPath NOTIFY taskChanged)
    Q_PROPERTY(QString ruleSet READ ruleSet NOTIFY syncChanged)
    Q_PROPERTY(QString overridesText READ overridesText NOTIFY syncChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY syncChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY syncChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY taskChanged)
    Q_PROPERTY(double progress READ progress NOTIFY taskChanged)
    Q_PROPERTY(QString status READ status NOTIFY taskChanged)
    // The outcome of the last backup or restore (shown in the 数据 group).
    Q_PROPERTY(QString dataStatus READ dataStatus NOTIFY taskChanged)

public:
    explicit SettingsController(QObject* parent = nullptr);
    SettingsController(AppContext& app, QObject* parent = nullptr);
    ~SettingsController() override;

    QString dataFolder() const;
    QString ruleSet() const;
    QString overridesText() const;
    QString serverUrl() const;
    bool enrolled() const;
    bool busy() const { return busy_; }
    double progress() const { return progress_; }
    QString status() const { return status_; }
    QString dataStatus() const { return dataStatus_; }

    // A consistent copy of the open ledger (SQLite online backup), safe while the app runs.
    // Administrators only (checked here, not only in QML).
    Q_INVOKABLE bool backup(const QString& path);
    // Documents folder + "台账备份-<school>-<date>.db": the path the backup dialog proposes.
    QString defaultBackupPath() const;
    // file:// URL of the folder holding `path` (to open the restore dialog there).
    Q_INVOKABLE QUrl folderUrlOf(const QString& path) const;
    // Checks the file is a taizhang ledger and puts its content into the open ledger, atomically
    // (core/ledger_backup.h); the current data is kept as <db>.before-restore. Administrators only.
    Q_INVOKABLE bool restore(const QUrl& file);
    Q_INVOKABLE bool enroll(const QString& serverUrl, const QString& enrollmentCode, const QString& deviceName);
    Q_INVOKABLE void cancel();
    void waitForTask();

signals:
    void syncChanged();
    void taskChanged();

private:
    bool startTask(const QString& what, std::function<QString()> work);
    void setStatus(const QString& s);
    void setDataStatus(const QString& s);

    AppContext* app_;
    bool busy_ = false;
    double progress_ = 0;
    QString status_;
    QString dataStatus_;
    std::atomic<bool> cancel_{false};
    std::thread worker_;
};

}  // namespace taizhang
