#pragma once
// The first-run wizard: checks every field as it is typed (Chinese messages per field) and sets
// the school up in one go when everything is valid.
#include <QObject>
#include <QSet>
#include <QVariantList>
#include <QVariantMap>

namespace taizhang {

class AppContext;

class SetupController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY changed)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY changed)
    // The errors of fields the user has touched (or tried to leave with 下一步): an empty form
    // is not shown in red before anyone typed into it.
    Q_PROPERTY(QVariantMap shownErrors READ shownErrors NOTIFY changed)
    // One bool per wizard step (4): true when that step's fields are all valid. A property, so
    // the 下一步 button's binding re-evaluates whenever a field changes.
    Q_PROPERTY(QVariantList stepsValid READ stepsValid NOTIFY changed)
    Q_PROPERTY(int classCount READ classCount NOTIFY changed)
    Q_PROPERTY(int teacherCount READ teacherCount NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)

public:
    explicit SetupController(QObject* parent = nullptr);
    SetupController(AppContext& app, QObject* parent = nullptr);

    QVariantMap fields() const { return fields_; }
    QVariantMap errors() const { return errors_; }
    QVariantMap shownErrors() const;
    QVariantList stepsValid() const;
    int classCount() const { return classCount_; }
    int teacherCount() const { return teacherCount_; }
    bool valid() const { return errors_.isEmpty(); }
    QString status() const { return status_; }

    // Field names: schoolCode schoolName schoolType termName termStart termEnd holidays
    // classes studentsPerClass teachers adminName adminPassword adminPassword2.
    Q_INVOKABLE void set(const QString& field, const QVariant& value);
    // The fields shown on wizard step `step` (0-3).
    static QStringList stepFields(int step);
    // 下一步: true when the step is valid; otherwise shows the step's errors and returns false.
    Q_INVOKABLE bool leaveStep(int step);
    // Creates the school profile, term, classes, teachers and the administrator in ONE write
    // transaction through the Ledger (validated): a failure leaves nothing behind and a retry
    // cannot write anything twice. Signs the administrator in.
    Q_INVOKABLE bool finish();
    // The values of the demo school (for --demo and the wizard's "示例" button).
    Q_INVOKABLE void fillDemo();

signals:
    void changed();
    void finished();

private:
    void validate();
    AppContext* app_;
    QVariantMap fields_;
    QVariantMap errors_;
    QSet<QString> touched_;
    int classCount_ = 0;
    int teacherCount_ = 0;
    QString status_;
};

}  // namespace taizhang
