#include "sync_service.h"

#include "pull_apply.h"

#include <algorithm>
#include <memory>

#include <QNetworkInformation>
#include <QUrl>

#include "app_context.h"
#include "curl_transport.h"
#include "local_time.h"
#include "logging.h"
#include "outbox.h"
#include "qt_convert.h"
#include "sleeper.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang {

namespace {
SyncService* g_instance = nullptr;

PassEnd passEndOf(const sync::SyncReport& report, const std::optional<FailureFacts>& failure)
{
    switch (report.outcome) {
    case sync::SyncOutcome::AllSent: return PassEnd::Success;
    case sync::SyncOutcome::Partial:
        return failure && failure->retryAfterMillis ? PassEnd::RetryAfter : PassEnd::Transient;
    case sync::SyncOutcome::AuthProblem:
    case sync::SyncOutcome::NotEnrolled: return PassEnd::Blocked;
    case sync::SyncOutcome::TlsProblem: return PassEnd::Tls;
    case sync::SyncOutcome::Cancelled: return PassEnd::Cancelled;
    }
    return PassEnd::Transient;
}

bool isNetworkProblem(SyncProblem p)
{
    return p == SyncProblem::Dns || p == SyncProblem::Refused || p == SyncProblem::Timeout ||
           p == SyncProblem::Network || p == SyncProblem::Proxy || p == SyncProblem::ProxyAuth;
}
}  // namespace

struct SyncService::PassResult {
    sync::SyncReport report;
    std::optional<FailureFacts> failure;
    OutboxStatus status;
    SyncStateInfo state;
    bool configChanged = false;
    std::int64_t newlyRefused = 0;
    std::string error;  // the pass could not even start (database trouble)
};

SyncService::SyncService(AppContext& app, Options options, QObject* parent)
    : QObject(parent), app_(app), options_(options),
      random_(options.random ? options.random : std::make_shared<sync::SodiumRandom>()),
      plan_(options.timings, options.retry, *random_)
{
    g_instance = this;
    clock_.start();
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &SyncService::startPass);
    connect(&app_, &AppContext::dataChanged, this, &SyncService::onDataChanged);
    connect(&app_, &AppContext::languageChanged, this, [this] {
        problemText_ = describeProblem(problem_, host_);
        emit statusChanged();
    });
    // After the first frame: counting the outbox reads the whole table on a large ledger.
    QTimer::singleShot(0, this, &SyncService::refresh);
    if (options_.watchNetwork) watchNetwork();
}

SyncService::~SyncService()
{
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
    if (g_instance == this) g_instance = nullptr;
}

SyncService* SyncService::instance() { return g_instance; }

void SyncService::watchNetwork()
{
    // QNetworkInformation needs a backend (NetworkManager over D-Bus on Linux, the system's own on
    // Windows). Without one, the periodic pass and backoff still cover a network coming back.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcSync) << "no network information backend; relying on the periodic pass";
        return;
    }
    auto* info = QNetworkInformation::instance();
    qCInfo(lcSync) << "network information backend" << info->backendName();
    connect(info, &QNetworkInformation::reachabilityChanged, this, [this](QNetworkInformation::Reachability r) {
        setNetworkReachable(r == QNetworkInformation::Reachability::Online ||
                            r == QNetworkInformation::Reachability::Site);
    });
}

void SyncService::refresh()
{
    const auto settings = loadSyncSettings(app_.db());
    const bool wasEnrolled = enrolled_;
    const bool newDevice = enrolled_ && settings.enrolled() && settings.deviceId != deviceId_;
    enrolled_ = settings.enrolled();
    deviceId_ = settings.deviceId;
    host_ = QUrl(qs(settings.serverUrl)).host();
    if (newDevice) {
        // Enrolled again (after a revocation, or with another county): a fresh start, at once.
        qCInfo(lcSync) << "enrolled again: automatic sync restarts";
        plan_.setEnabled(false, monotonicNow());
        plan_.setEnabled(options_.autoStart, monotonicNow());
        problem_ = SyncProblem::None;
    }
    if (enrolled_ != wasEnrolled) {
        qCInfo(lcSync) << (enrolled_ ? "enrolled: automatic sync on" : "not enrolled: automatic sync off");
        plan_.setEnabled(enrolled_ && options_.autoStart, monotonicNow());
        if (enrolled_ && (problem_ == SyncProblem::NotEnrolled || problem_ == SyncProblem::TokenUnreadable))
            problem_ = SyncProblem::None;
    }
    if (!enrolled_) problem_ = SyncProblem::NotEnrolled;  // says how to get enrolled
    problemText_ = describeProblem(problem_, host_);
    readCounts();
    reschedule();
    emit statusChanged();
}

void SyncService::readCounts() { readCounts(Outbox(app_.db(), app_.clock()).status()); }

void SyncService::readCounts(const OutboxStatus& st)
{
    unsent_ = static_cast<int>(st.unsent());
    refused_ = static_cast<int>(st.openDeadLetters);
    conflicts_ = static_cast<int>(st.openConflicts);
    seenMaxSeq_ = std::max(seenMaxSeq_, st.maxSeq);
    const auto state = loadSyncState(app_.db());
    lastSuccessMillis_ = sync::parseUtcTimestamp(state.lastSuccessAt).value_or(0);
    lastReceivedMillis_ = sync::parseUtcTimestamp(state.lastPullAt).value_or(0);
    schoolConflicts_ = 0;
    for (const auto& c : schoolConflicts(app_.db())) schoolConflicts_ += c.open ? 1 : 0;
    QStringList warnings;
    if (const QString skew = describeClockSkew(state.clockSkewMs); !skew.isEmpty()) warnings << skew;
    if (!state.restoreWarning.empty())
        warnings << tr("区县服务器上有本机更新的记录，本机数据可能是从旧的备份或还原卡恢复的；新记录会接着编号，不会覆盖区县的数据。");
    warningText_ = warnings.join(QLatin1Char('\n'));
    returnedText_ = describeReturnedWeeks(state.countyReviews);
}

void SyncService::onDataChanged()
{
    // dataChanged also fires on sign-in and language changes; only a grown outbox is new data.
    const std::int64_t maxSeq = app_.outboxMaxSeq();
    const bool saved = seenMaxSeq_ >= 0 && maxSeq > seenMaxSeq_;
    if (maxSeq > seenMaxSeq_) seenMaxSeq_ = maxSeq;
    const bool wasEnrolled = enrolled_;
    if (!busy_) {
        const auto settings = loadSyncSettings(app_.db());
        if (settings.enrolled() != wasEnrolled || settings.deviceId != deviceId_) {
            refresh();  // enrolled, enrolled again or the enrollment was cleared through Settings
            return;
        }
    }
    if (saved) {
        unsent_ = app_.outboxCount();
        plan_.dataSaved(monotonicNow());
        reschedule();
        emit statusChanged();
    }
}

void SyncService::setNetworkReachable(bool reachable)
{
    qCInfo(lcSync) << "network" << (reachable ? "reachable" : "unreachable");
    if (!reachable) return;
    plan_.networkBack(monotonicNow());
    reschedule();
    emit statusChanged();
}

void SyncService::syncNow()
{
    if (!enrolled_) return;
    if (!options_.autoStart && !plan_.enabled()) plan_.setEnabled(true, monotonicNow());
    plan_.syncNow(monotonicNow());
    reschedule();
    emit statusChanged();
}

void SyncService::cancel() { cancel_ = true; }

qint64 SyncService::millisUntilNextPass() const
{
    const auto due = plan_.nextDue();
    return due ? std::max<qint64>(0, *due - monotonicNow()) : -1;
}

void SyncService::reschedule()
{
    const qint64 wait = millisUntilNextPass();
    if (wait < 0 || busy_) {
        timer_.stop();
        return;
    }
    timer_.start(static_cast<int>(std::min<qint64>(wait, 24LL * 3600 * 1000)));
}

void SyncService::startPass()
{
    if (busy_ || !enrolled_) return;
    if (worker_.joinable()) worker_.join();  // the previous pass has already reported
    plan_.passStarted(monotonicNow());
    busy_ = true;
    progress_ = 0;
    cancel_ = false;
    emit statusChanged();
    const std::string dbPath = app_.db().path();
    worker_ = std::thread([this, dbPath] {
        PassResult result;
        try {
            // The worker thread may wait for the window's write lock much longer than the window
            // itself may (core/database.h: the interactive bound is 3 s).
            Database db = Database::open(dbPath, OpenOptions{.create = false, .writeWaitMs = 60'000});
            const SyncStateInfo before = loadSyncState(db);
            const std::string etagBefore = before.configEtag;
            const auto refusedBefore = Outbox(db, SystemClock::instance()).status().openDeadLetters;
            const sync::TransportOptions connection = sync::transportOptionsFrom(loadSyncSettings(db));
            sync::CurlTransport curl(connection);
            ObservingTransport transport(curl);
            sync::SodiumRandom random;
            sync::RealSleeper sleeper;
            sync::SyncEngine engine(db, transport, SystemClock::instance(), random, sleeper,
                                    sync::TokenVault::keyFileFor(dbPath));
            engine.setTransportFactory([&transport, connection] {
                return transport.alongside(std::make_unique<sync::CurlTransport>(connection));
            });
            sync::SyncOptions options;
            options.maxWaitMillis = 0;  // the plan waits between passes, where triggers can end the wait
            result.report = engine.runOnce(options, [this](const sync::SyncProgress& p) {
                if (p.recordsTotal <= 0) return;
                const double f = static_cast<double>(p.recordsDone) / static_cast<double>(p.recordsTotal);
                QMetaObject::invokeMethod(this, [this, f] {
                    progress_ = f;
                    emit statusChanged();
                }, Qt::QueuedConnection);
            }, &cancel_);
            result.failure = transport.lastFailure();
            if (result.report.outcome == sync::SyncOutcome::AllSent && result.failure && result.report.recordsSent == 0) {
                // Nothing was waiting, but the county did not answer: that is no "last success".
                SyncStateInfo after = loadSyncState(db);
                after.lastSuccessAt = before.lastSuccessAt;
                saveSyncState(db, after);
            }
            result.status = Outbox(db, SystemClock::instance()).status();
            // Refused by the county's answer or, over its advertised size limit, before sending.
            result.newlyRefused = std::max<std::int64_t>(result.report.counts.rejected,
                                                         result.status.openDeadLetters - refusedBefore);
            result.state = loadSyncState(db);
            result.configChanged = result.state.configEtag != etagBefore;
        } catch (const std::exception& e) {
            result.error = e.what();
        }
        QMetaObject::invokeMethod(this, [this, result] { finishPass(result); }, Qt::QueuedConnection);
    });
}

void SyncService::finishPass(const PassResult& r)
{
    busy_ = false;
    progress_ = 0;
    const auto& report = r.report;
    const std::int64_t now = monotonicNow();
    if (!r.error.empty()) {
        qCWarning(lcSync) << "sync pass could not run:" << r.error.c_str();
        problem_ = SyncProblem::LocalDatabase;
        plan_.passFinished(now, PassEnd::Transient);
    } else {
        const PassEnd end = passEndOf(report, r.failure);
        plan_.passFinished(now, end, r.failure && r.failure->retryAfterMillis ? *r.failure->retryAfterMillis : 0);
        switch (report.outcome) {
        case sync::SyncOutcome::AllSent:
        case sync::SyncOutcome::Cancelled: problem_ = SyncProblem::None; break;
        case sync::SyncOutcome::NotEnrolled: problem_ = SyncProblem::TokenUnreadable; break;
        case sync::SyncOutcome::Partial:
        case sync::SyncOutcome::AuthProblem:
        case sync::SyncOutcome::TlsProblem:
            problem_ = r.failure ? classifyFailure(*r.failure)
                                 : (report.message.find("protocol") != std::string::npos ? SyncProblem::ProtocolMismatch
                                                                                       : SyncProblem::ClientError);
            break;
        }
        // The technical story goes to the log, never onto the screen.
        qCInfo(lcSync).noquote() << "pass:" << sync::outcomeName(report.outcome) << "sent" << report.recordsSent
                                 << "remaining" << report.remaining << "refused" << r.newlyRefused
                                 << "conflicts" << report.counts.conflict << "problem" << problemName(problem_)
                                 << "-" << QString::fromStdString(report.message);
        if (r.failure)
            qCInfo(lcSync).noquote() << "last failure:" << QString::fromStdString(r.failure->technical);
        for (const auto& w : report.warnings) qCWarning(lcSync).noquote() << "warning:" << QString::fromStdString(w);

        QStringList parts;
        if (report.recordsSent > 0) parts << tr("本次发送 %1 条").arg(report.recordsSent);
        if (report.pulled > 0) parts << tr("收到本校其他电脑的 %1 条").arg(report.pulled);
        if (report.pulledConflicts > 0)
            parts << tr("本校有 %1 处新的冲突，请在“同步”页选择保留哪一条").arg(report.pulledConflicts);
        if (r.newlyRefused > 0) parts << tr("%1 条被区县退回，请在“同步”页处理").arg(r.newlyRefused);
        if (report.counts.conflict > 0) parts << tr("%1 条与区县已有内容不一致，请在“同步”页核对").arg(report.counts.conflict);
        if (parts.isEmpty() && report.outcome == sync::SyncOutcome::AllSent) parts << tr("没有需要发送的新记录");
        resultText_ = parts.join(tr("；"));
        if (r.configChanged) app_.reloadProfile();  // county overrides or terms arrived
        // The school's other computers' records arrived: Today, checks and lists read them too.
        if (report.pulled > 0 || report.pulledConflicts > 0) app_.notifyDataChanged();
    }
    problemText_ = describeProblem(problem_, host_);
    // The worker counted the outbox on its own connection: no full-table count on the GUI thread.
    if (r.error.empty()) readCounts(r.status);
    else readCounts();
    if (r.error.empty() && report.outcome == sync::SyncOutcome::AllSent && r.failure) {
        // Nothing was waiting, but the county could not be reached: say so, softly.
        const QString what = describeProblem(classifyFailure(*r.failure), host_).what;
        if (!what.isEmpty()) warningText_ = warningText_.isEmpty() ? what : what + QLatin1Char('\n') + warningText_;
    }
    if (unsent_ != app_.outboxCount()) app_.refreshOutboxCount();
    reschedule();
    emit statusChanged();
    emit passFinished();
}

QString SyncService::state() const
{
    if (!enrolled_) return QStringLiteral("off");
    if (busy_) return QStringLiteral("syncing");
    if (plan_.blocked() || problem_ == SyncProblem::TokenUnreadable) return QStringLiteral("blocked");
    if (problem_ != SyncProblem::None) return QStringLiteral("retrying");
    return unsent_ > 0 ? QStringLiteral("unsent") : QStringLiteral("sent");
}

QString SyncService::headline() const
{
    const QString s = state();
    if (s == QLatin1String("off")) return tr("未注册到区县服务器，记录只保存在本机");
    if (s == QLatin1String("syncing")) return tr("正在同步……");
    if (s == QLatin1String("blocked")) return tr("同步已暂停，需要处理（%1 条未发送）").arg(unsent_);
    if (s == QLatin1String("retrying")) {
        const QString when = nextTryText();
        if (isNetworkProblem(problem_))
            return when.isEmpty() ? tr("网络不通，%1 条未发送").arg(unsent_)
                                  : tr("网络不通，将在 %1 重试（%2 条未发送）").arg(when).arg(unsent_);
        return when.isEmpty() ? tr("未能发送，%1 条未发送").arg(unsent_)
                              : tr("未能发送，将在 %1 重试（%2 条未发送）").arg(when).arg(unsent_);
    }
    if (s == QLatin1String("unsent")) return tr("%1 条未发送").arg(unsent_);
    if (refused_ > 0) return tr("其余已发送，%1 条被区县退回，需要处理").arg(refused_);
    return tr("已全部发送");
}

QString SyncService::localTime(std::int64_t unixMillis) const
{
    return schoolLocalTime(app_, unixMillis, SystemClock::instance().nowUnixMillis());
}

QString SyncService::lastSuccessText() const
{
    return lastSuccessMillis_ > 0 ? localTime(lastSuccessMillis_) : tr("从未");
}

QString SyncService::lastReceivedText() const
{
    return lastReceivedMillis_ > 0 ? localTime(lastReceivedMillis_) : tr("从未");
}

QString SyncService::nextTryText() const
{
    const qint64 wait = millisUntilNextPass();
    if (wait < 0 || busy_) return {};
    return localTime(SystemClock::instance().nowUnixMillis() + wait);
}

}  // namespace taizhang
