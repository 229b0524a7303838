#include "settings_controller.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "app_context.h"
#include "curl_transport.h"
#include "enrollment.h"
#include "logging.h"
#include "policy_overrides.h"
#include "qt_convert.h"
#include "rule_set.h"
#include "sync_engine.h"
#include "sync_problem.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang {

namespace {
QString localPath(const QUrl& file) { return file.isLocalFile() ? file.toLocalFile() : file.toString(); }
QString pendingRestorePath(const QString& dbPath) { return dbPath + ".restore-pending"; }
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

bool SettingsController::backup(const QUrl& file)
{
    const QString path = localPath(file);
    // sqlite3's online backup copies a consistent snapshot page by page; it reads the ledger and
    // writes only the new file (no SQL against the client database).
    sqlite3* dest = nullptr;
    int rc = sqlite3_open(path.toUtf8().constData(), &dest);
    if (rc == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(dest, "main", app_->db().handle(), "main");
        if (b) {
            sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
        }
        rc = sqlite3_errcode(dest);
    }
    sqlite3_close(dest);
    const bool ok = rc == SQLITE_OK;
    qCInfo(lcData) << "backup to" << path << (ok ? "ok" : "failed");
    setStatus(ok ? tr("已备份到 %1").arg(path) : tr("备份失败：无法写入 %1").arg(path));
    return ok;
}

bool SettingsController::restore(const QUrl& file)
{
    const QString path = localPath(file);
    try {
        // Opening checks it is a SQLite ledger this version understands (refuses a newer one).
        Database probe = Database::open(ss(path), OpenOptions{.create = false});
        if (!loadSchoolProfile(probe)) throw DbError("no school profile");
    } catch (const std::exception& e) {
        qCWarning(lcData) << "restore refused:" << path << e.what();
        setStatus(tr("不能恢复：%1 不是有效的台账备份").arg(path));
        return false;
    }
    const QString pending = pendingRestorePath(app_->dbPath());
    QFile::remove(pending);
    if (!QFile::copy(path, pending)) {
        setStatus(tr("不能恢复：无法复制 %1").arg(path));
        return false;
    }
    setStatus(tr("备份已检查无误，重新启动程序后生效"));
    return true;
}

bool SettingsController::applyPendingRestore(const QString& dbPath, QString* message)
{
    const QString pending = pendingRestorePath(dbPath);
    if (!QFile::exists(pending)) return false;
    const QString keep = dbPath + ".before-restore";
    QFile::remove(keep);
    for (const char* suffix : {"-wal", "-shm"}) QFile::remove(dbPath + suffix);
    const bool ok = (!QFile::exists(dbPath) || QFile::rename(dbPath, keep)) && QFile::rename(pending, dbPath);
    if (message) *message = ok ? QStringLiteral("restored backup; previous file kept as %1").arg(keep)
                               : QStringLiteral("could not apply the staged restore %1").arg(pending);
    return ok;
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
    if (!serverUrl.startsWith("https://") && !serverUrl.startsWith("http://127.") && !serverUrl.startsWith("http://localhost")) {
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
