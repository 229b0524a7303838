#pragma once
// The first-run wizard: checks every field as it is typed (Chinese messages per field) and sets
// the school up in one go when everything is valid.
#include <QObject>
#include <QVariantMap>

namespace taizhang {

class AppContext;

class SetupController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY changed)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY changed)
    Q_PROPERTY(int classCount READ classCount NOTIFY changed)
    Q_PROPERTY(int teacherCount READ teacherCount NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)

public:
    explicit SetupController(QObject* parent = nullptr);
    SetupController(AppContext& app, QObject* parent = nullptr);

    QVariantMap fields() const { return fields_; }
    QVariantMap errors() const { return errors_; }
    int classCount() const { return classCount_; }
    int teacherCount() const { return teacherCount_; }
    bool valid() const { return errors_.isEmpty(); }
    QString status() const { return status_; }

    // Field names: schoolCode schoolName schoolType termName termStart termEnd holidays
    // classes studentsPerClass teachers adminName adminPassword adminPassword2.
    Q_INVOKABLE void set(const QString& field, const QVariant& value);
    // Errors of the wizard step that shows these fields (the Next button uses it).
    Q_INVOKABLE bool stepValid(const QStringList& fieldNames) const;
    // Creates the school, term, classes, teachers and the administrator; signs the admin in.
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
    int classCount_ = 0;
    int teacherCount_ = 0;
    QString status_;
};

}  // namespace taizhang
