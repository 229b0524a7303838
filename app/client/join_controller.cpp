#include "join_controller.h"

#include <QRegularExpression>
#include <QUrl>

#include "app_context.h"
#include "curl_transport.h"
#include "enrollment.h"
#include "logging.h"
#include "qt_convert.h"
#include "server_url.h"
#include "sync_problem.h"
#include "sync_service.h"
#include "sync_state.h"
#include "token_vault.h"
#include "users.h"
#include "validation.h"

namespace taizhang {

JoinController::JoinController(QObject* parent) : JoinController(*AppContext::instance(), parent) {}

JoinController::JoinController(AppContext& app, QObject* parent) : QObject(parent), app_(&app) {}

JoinController::~JoinController() { waitForJoin(); }

void JoinController::waitForJoin()
{
    if (worker_.joinable()) worker_.join();
}

bool JoinController::join(const QString& serverUrl, const QString& schoolCode, const QString& enrollmentCode,
                          const QString& deviceName, const QString& adminName, const QString& password,
                          const QString& password2)
{
    auto refuse = [&](const QString& why) {
        status_ = why;
        emit changed();
        return false;
    };
    if (busy_) return refuse(tr("正在加入，请稍候"));
    if (app_->hasSchool()) return refuse(tr("本机已经设置过学校，不能再加入其他学校"));
    // The one rule (sync/server_url.h): https, or plain http only to this machine.
    if (!sync::serverUrlProblem(ss(serverUrl.trimmed()), false).empty()) return refuse(tr("服务器地址应以 https:// 开头"));
    if (!isValidSchoolCode(ss(schoolCode.trimmed()))) return refuse(tr("学校标识码应为 10 位数字"));
    if (enrollmentCode.trimmed().isEmpty()) return refuse(tr("请填写区县教育局发放的注册码"));
    if (!QRegularExpression("^[A-Za-z0-9._-]{1,64}$").match(adminName.trimmed()).hasMatch())
        return refuse(tr("管理员用户名只能包含字母、数字、点、下划线和短横线"));
    if (password.size() < 6) return refuse(tr("密码至少 6 位"));
    if (password != password2) return refuse(tr("两次输入的密码不一致"));

    waitForJoin();
    busy_ = true;
    status_ = tr("正在向区县服务器注册……");
    emit changed();
    const std::string dbPath = ss(app_->dbPath());
    const sync::EnrollRequest req{ss(serverUrl.trimmed()), ss(schoolCode.trimmed()), ss(enrollmentCode.trimmed()),
                                  ss(deviceName.trimmed().isEmpty() ? QStringLiteral("台账") : deviceName.trimmed()),
                                  "", "", ""};
    const QString name = adminName.trimmed();
    worker_ = std::thread([this, dbPath, req, name, password] {
        bool enrolled = false, took = false;
        QString message;
        try {
            Database db = Database::open(dbPath, OpenOptions{.create = false, .writeWaitMs = 60'000});
            sync::CurlTransport curl(sync::transportOptionsFrom(loadSyncSettings(db)));
            ObservingTransport transport(curl);
            const auto r = sync::enrollDevice(db, transport, req, sync::TokenVault::keyFileFor(dbPath));
            qCInfo(lcApp) << "join: enrollment" << r.ok << "took the county's profile" << r.joined << qs(r.message);
            enrolled = r.ok;
            took = r.joined;
            if (!r.ok)
                message = tr("加入失败：%1").arg(describeEnrollFailure(r.errorCode, transport.lastFailure(),
                                                                       QUrl(qs(req.serverUrl)).host()));
        } catch (const std::exception& e) {
            qCWarning(lcApp) << "join failed:" << e.what();
            message = tr("加入失败：%1").arg(QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(
            this, [this, enrolled, took, message, name, password] { finish(enrolled, took, message, name, password); },
            Qt::QueuedConnection);
    });
    return true;
}

void JoinController::finish(bool enrolled, bool tookProfile, const QString& message, const QString& adminName,
                            const QString& password)
{
    busy_ = false;
    if (!enrolled) {
        status_ = message;
        emit changed();
        return;
    }
    if (!tookProfile) {
        // An older county answers without the school's profile: this computer is enrolled, and
        // the wizard's own steps set the school up (its records then converge by natural key).
        status_ = tr("已注册，但区县服务器没有提供学校信息（版本较旧）：请用“首次设置”填写学校");
        emit changed();
        return;
    }
    try {
        UserStore(app_->db(), app_->clock()).create(NewUser{ss(adminName), ss(adminName), Role::Admin, {}}, ss(password));
    } catch (const std::exception& e) {
        qCWarning(lcData) << "join: administrator refused:" << e.what();
        status_ = tr("已加入学校，但无法创建管理员账号：%1").arg(QString::fromUtf8(e.what()));
    }
    qCInfo(lcData) << "joined the school the county holds; its ledger arrives with the first sync";
    app_->reloadProfile();
    app_->signInAs(adminName, adminName, true, {});
    app_->notifyDataChanged();
    if (auto* sync = SyncService::instance()) {
        sync->refresh();
        sync->syncNow();
    }
    status_ = tr("已加入 %1，正在下载学校的台账").arg(app_->schoolName());
    emit changed();
    emit joined();
}

}  // namespace taizhang
