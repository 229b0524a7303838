#pragma once
// The first-run wizard's other way in (issue 12): this computer joins a school the county
// already holds. It enrolls with the county's one-time code (no local set-up), takes the
// school's profile from the county's answer, creates the local administrator (accounts never
// leave the machine), and the first sync pass pulls the classes, teachers, terms and records.
// Enrollment runs on a worker thread with its own database connection.
#include <atomic>
#include <thread>

#include <QObject>
#include <QString>

namespace taizhang {

class AppContext;

class JoinController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)

public:
    explicit JoinController(QObject* parent = nullptr);
    JoinController(AppContext& app, QObject* parent = nullptr);
    ~JoinController() override;

    bool busy() const { return busy_; }
    QString status() const { return status_; }

    // Checks the fields (Chinese messages), then enrolls in the background. false when a field
    // is refused or a join is already running; the outcome arrives as status / joined().
    Q_INVOKABLE bool join(const QString& serverUrl, const QString& schoolCode, const QString& enrollmentCode,
                          const QString& deviceName, const QString& adminName, const QString& password,
                          const QString& password2);
    // Blocks until the background enrollment has finished (tests).
    void waitForJoin();

signals:
    void changed();
    void joined();

private:
    void finish(bool enrolled, bool tookProfile, const QString& message, const QString& adminName,
                const QString& password);
    AppContext* app_;
    std::thread worker_;
    bool busy_ = false;
    QString status_;
};

}  // namespace taizhang
