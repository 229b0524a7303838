#pragma once
// Automatic sync while the client runs (issue 8): a pass at start, shortly after saves
// (debounced), every interval, when the network comes back (QNetworkInformation where a backend
// loads) and after failures with the protocol's backoff (AutoSyncPlan). Each pass runs the sync
// engine on a worker thread with its own database connection and never waits inside the pass:
// the plan holds the wait, so "sync now", a save or the network coming back cut it short.
// Everything QML shows is a property with a NOTIFY signal, in the UI language, school-local time.
#include <atomic>
#include <memory>
#include <cstdint>
#include <optional>
#include <thread>

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include "auto_sync_plan.h"
#include "outbox.h"
#include "retry_policy.h"
#include "sync_engine.h"
#include "sync_problem.h"

namespace taizhang {

class AppContext;

class SyncService : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY statusChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY statusChanged)
    // off (not enrolled) | sent | unsent | syncing | retrying | blocked
    Q_PROPERTY(QString state READ state NOTIFY statusChanged)
    Q_PROPERTY(QString headline READ headline NOTIFY statusChanged)
    Q_PROPERTY(QString lastSuccessText READ lastSuccessText NOTIFY statusChanged)
    // When this computer last received the school's changes from the county (pull), local time.
    Q_PROPERTY(QString lastReceivedText READ lastReceivedText NOTIFY statusChanged)
    // Open conflicts of the school (any computer's), as the county's change feed lists them.
    Q_PROPERTY(int schoolConflictCount READ schoolConflictCount NOTIFY statusChanged)
    Q_PROPERTY(QString nextTryText READ nextTryText NOTIFY statusChanged)
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY statusChanged)
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY statusChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY statusChanged)
    Q_PROPERTY(QString problemText READ problemText NOTIFY statusChanged)
    Q_PROPERTY(QString adviceText READ adviceText NOTIFY statusChanged)
    Q_PROPERTY(QString problem READ problemId NOTIFY statusChanged)  // stable id, for tests and logs
    Q_PROPERTY(QString resultText READ resultText NOTIFY statusChanged)
    Q_PROPERTY(QString warningText READ warningText NOTIFY statusChanged)
    // Weeks the county returned (退回) with its reasons, one line each; "" when none is open.
    Q_PROPERTY(QString returnedText READ returnedText NOTIFY statusChanged)
    Q_PROPERTY(double progress READ progress NOTIFY statusChanged)
    Q_PROPERTY(QString serverHost READ serverHost NOTIFY statusChanged)

public:
    struct Options {
        AutoSyncTimings timings;
        bool autoStart = true;     // false: only "sync now" (self-test, screenshots)
        bool watchNetwork = true;  // QNetworkInformation
        sync::RetryPolicy retry;   // the protocol's backoff (tests may widen it)
        std::shared_ptr<sync::RandomSource> random;  // full-jitter draws; null = libsodium
    };

    SyncService(AppContext& app, Options options, QObject* parent = nullptr);
    ~SyncService() override;
    static SyncService* instance();

    bool enrolled() const { return enrolled_; }
    bool busy() const { return busy_; }
    QString state() const;
    QString headline() const;
    QString lastSuccessText() const;
    QString lastReceivedText() const;
    int schoolConflictCount() const { return schoolConflicts_; }
    QString nextTryText() const;
    int unsentCount() const { return unsent_; }
    int refusedCount() const { return refused_; }
    int conflictCount() const { return conflicts_; }
    QString problemText() const { return problemText_.what; }
    QString adviceText() const { return problemText_.todo; }
    QString problemId() const { return QString::fromLatin1(problemName(problem_)); }
    QString resultText() const { return resultText_; }
    QString warningText() const { return warningText_; }
    QString returnedText() const { return returnedText_; }
    double progress() const { return progress_; }
    QString serverHost() const { return host_; }
    const AutoSyncPlan& plan() const { return plan_; }
    // Milliseconds until the next planned pass; -1 when none is planned (tests, status line).
    qint64 millisUntilNextPass() const;

    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void cancel();
    // The network came back (QNetworkInformation) or went away.
    void setNetworkReachable(bool reachable);
    // Re-reads enrollment and counts (after enrolling, resending, dismissing).
    void refresh();

signals:
    void statusChanged();
    void passFinished();

private:
    struct PassResult;
    std::int64_t monotonicNow() const { return clock_.elapsed(); }
    void onDataChanged();
    void reschedule();
    void startPass();
    void finishPass(const PassResult& result);
    void readCounts();
    void readCounts(const OutboxStatus& status);
    void watchNetwork();
    QString localTime(std::int64_t unixMillis) const;

    AppContext& app_;
    Options options_;
    std::shared_ptr<sync::RandomSource> random_;
    AutoSyncPlan plan_;
    QElapsedTimer clock_;
    QTimer timer_;
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    bool enrolled_ = false;
    bool busy_ = false;
    double progress_ = 0;
    int unsent_ = 0, refused_ = 0, conflicts_ = 0;
    std::int64_t seenMaxSeq_ = -1;
    std::int64_t lastSuccessMillis_ = 0;
    std::int64_t lastReceivedMillis_ = 0;
    int schoolConflicts_ = 0;
    SyncProblem problem_ = SyncProblem::None;
    ProblemText problemText_;
    QString resultText_;
    QString warningText_;
    QString returnedText_;
    QString host_;
    std::string deviceId_;
};

}  // namespace taizhang
