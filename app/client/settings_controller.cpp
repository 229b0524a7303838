#include "settings_controller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "app_context.h"
#include "curl_transport.h"
#include "enrollment.h"
#include "ledger_backup.h"
#include "logging.h"
#include "permissions.h"
#include "policy_overrides.h"
#include "qt_convert.h"
#include "save_location.h"
#include "rule_set.h"
#include "server_url.h"
#include "sync_engine.h"
#include "sync_problem.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang {

namespace {
QString localPath(const QUrl& file) { return file.isLocalFile() ? file.toLocalFile() : file.toString(); }
}  // namespace

SettingsController::SettingsController(QObject* parent) : SettingsController(*AppContext::instance(), parent) {}

SettingsController::SettingsController(AppContext& app, QObject* parent) : QObject(parent), app_(&app)
{
    connect(app_, &AppContext::dataChanged, this, &SettingsController::syncChanged);
}

SettingsController::~SettingsController()
{
    cancel();
    waitForTask();
}

QString SettingsController::dataFolder() const { return QFileInfo(app_->dbPath()).absolutePath(); }

QString SettingsController::ruleSet() const
{
    const RuleSet rules = effectiveRules(app_->todayDate(), app_->overrides());
    return app_->overrides().empty() ? qs(rules.id) : tr("%1（含区县规定）").arg(qs(rules.id));
}

QString SettingsController::overridesText() const
{
    return app_->overrides().empty() ? tr("无（使用国家标准）") : qs(toJson(app_->overrides()).dump(2));
}

QString SettingsController::serverUrl() const { return qs(loadSyncSettings(app_->db()).serverUrl); }
bool SettingsController::enrolled() const { return loadSyncSettings(app_->db()).enrolled(); }

void SettingsController::setStatus(const QString& s)
{
    status_ = s;
    emit taskChanged();
}

void SettingsController::setDataStatus(const QString& s)
{
    dataStatus_ = s;
    emit taskChanged();
}

QString SettingsController::defaultBackupPath() const
{
    return defaultSavePath(tr("台账备份-%1-%2.db").arg(app_->schoolName(), app_->today()));
}

QUrl SettingsController::folderUrlOf(const QString& path) const
{
    return QUrl::fromLocalFile(QFileInfo(path).absolutePath());
}

bool SettingsController::backup(const QString& path)
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        setDataStatus(refusal);
        return false;
    }
    if (path.trimmed().isEmpty()) {
        setDataStatus(tr("请填写备份文件的位置"));
        return false;
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        setDataStatus(tr("备份失败：文件夹 %1 不存在").arg(QFileInfo(path).absolutePath()));
        return false;
    }
    // SQLite's online backup: a consistent copy while the app keeps running, written beside the
    // target and renamed into place (core/ledger_backup.h).
    const std::string problem = backupLedgerFile(app_->db().path(), ss(path));
    qCInfo(lcData) << "backup to" << path << (problem.empty() ? "ok" : problem.c_str());
    setDataStatus(problem.empty() ? tr("已备份到 %1").arg(path) : tr("备份失败：无法写入 %1").arg(path));
    return problem.empty();
}

bool SettingsController::restore(const QUrl& file)
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        setDataStatus(refusal);
        return false;
    }
    if (busy_) {
        setDataStatus(tr("正在同步或注册，请等它结束后再恢复"));
        return false;
    }
    const QString path = localPath(file);
    const std::string dbPath = app_->db().path();
    if (const std::string problem = stageRestore(ss(path), dbPath); !problem.empty()) {
        qCWarning(lcData) << "restore refused:" << path << problem.c_str();
        setDataStatus(tr("不能恢复：%1 不是有效的台账备份").arg(path));
        return false;
    }
    // Applied now, through SQLite (one transaction on the live file); if the program is killed
    // part way, the next start finishes it. The current data stays in <db>.before-restore.
    const RestoreResult r = applyRestore(dbPath);
    if (!r.ok) {
        qCWarning(lcData) << "restore not applied yet:" << r.problem.c_str();
        setDataStatus(tr("暂时无法恢复（数据文件正被使用），备份已保存，下次启动程序时自动恢复"));
        return false;
    }
    qCInfo(lcData) << "restored" << path << "previous ledger kept as" << beforeRestorePath(dbPath).c_str();
    app_->reloadProfile();
    app_->notifyDataChanged();
    // The accounts are those of the backup now: whoever is signed in signs in again.
    app_->signOut();
    setDataStatus(tr("已从备份恢复，原数据另存为 %1。请重新登录。").arg(qs(beforeRestorePath(dbPath))));
    return true;
}

bool SettingsController::startTask(const QString& what, std::function<QString()> work)
{
    if (busy_) return false;
    waitForTask();
    busy_ = true;
    progress_ = 0;
    cancel_ = false;
    setStatus(what);
    worker_ = std::thread([this, work = std::move(work)] {
        QString message;
        try {
            message = work();
        } catch (const std::exception& e) {
            // The exception's English text is for the log; the user gets what to do.
            qCWarning(lcApp) << "settings task failed:" << e.what();
            message = tr("没有完成：本机数据文件暂时无法读写。请关闭其他正在使用它的程序后再试；详细原因已写入日志。");
        }
        QMetaObject::invokeMethod(this, [this, message] {
            busy_ = false;
            setStatus(message);
            app_->reloadProfile();  // overrides or terms may have arrived
            app_->notifyDataChanged();
        }, Qt::QueuedConnection);
    });
    return true;
}

bool SettingsController::enroll(const QString& serverUrl, const QString& code, const QString& deviceName)
{
    if (const QString refusal = refuseUnlessAdmin(*app_); !refusal.isEmpty()) {
        setStatus(refusal);
        return false;
    }
    // The one rule (sync/server_url.h): https, or plain http only to this machine.
    if (!sync::serverUrlProblem(ss(serverUrl.trimmed()), false).empty()) {
        setStatus(tr("服务器地址应以 https:// 开头"));
        return false;
    }
    if (code.trimmed().isEmpty()) {
        setStatus(tr("请填写区县教育局发放的注册码"));
        return false;
    }
    const std::string dbPath = ss(app_->dbPath());
    sync::EnrollRequest req{ss(serverUrl.trimmed()), app_->profile() ? app_->profile()->code : "", ss(code.trimmed()),
                            ss(deviceName.trimmed()), "", "", ""};
    return startTask(tr("正在注册……"), [dbPath, req] {
        Database db = Database::open(dbPath, OpenOptions{.create = false});
        sync::CurlTransport curl(sync::transportOptionsFrom(loadSyncSettings(db)));
        ObservingTransport transport(curl);
        const auto r = sync::enrollDevice(db, transport, req, sync::TokenVault::keyFileFor(dbPath));
        // The English detail is for the log; the user reads what it means and what to do.
        qCInfo(lcApp) << "enrollment:" << r.ok << qs(r.message);
        return r.ok ? tr("注册成功：%1").arg(qs(r.schoolName))
                    : tr("注册失败：%1").arg(describeEnrollFailure(r.errorCode, transport.lastFailure(),
                                                                    QUrl(qs(req.serverUrl)).host()));
    });
}

void SettingsController::cancel() { cancel_ = true; }

void SettingsController::waitForTask()
{
    if (worker_.joinable()) worker_.join();
}

}  // namespace taizhang
