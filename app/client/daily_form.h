#pragma once
// The sleep-survey and physical-activity forms: one record per class-day, checked field by
// field as it is typed, with the findings the values would raise shown before saving.
#include <optional>

#include <QObject>
#include <QSet>
#include <QVariantList>
#include <QVariantMap>

#include "records.h"

namespace taizhang {

class AppContext;

class DailyForm : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY formChanged)  // "sleep" | "activity"
    Q_PROPERTY(QString classId READ classId WRITE setClassId NOTIFY formChanged)
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY formChanged)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY formChanged)
    // Errors of the fields the user has typed into (all of them after a save attempt): a new
    // day's empty form is not red before anyone touched it.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY checked)
    Q_PROPERTY(QVariantList findings READ findings NOTIFY checked)
    Q_PROPERTY(bool valid READ valid NOTIFY checked)
    Q_PROPERTY(bool saved READ saved NOTIFY formChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY checked)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)

public:
    explicit DailyForm(QObject* parent = nullptr);
    DailyForm(AppContext& app, QObject* parent = nullptr);

    QString kind() const { return kind_; }
    void setKind(const QString& k);
    QString classId() const { return classId_; }
    void setClassId(const QString& id);
    QString date() const { return date_; }
    void setDate(const QString& d);
    QVariantMap fields() const { return fields_; }
    QVariantMap errors() const;
    QVariantList findings() const { return findings_; }
    bool valid() const { return errors_.isEmpty(); }
    bool saved() const { return stored_.has_value(); }
    bool canSave() const { return valid() && dirty_; }
    QString status() const { return status_; }

    // Field names: sleep: surveyed reachingStandard averageHours; activity: peLessonMinutes
    // longBreakMinutes longBreakSessions afterSchoolMinutes outOfSchoolMinutes. Values as typed.
    Q_INVOKABLE void set(const QString& field, const QVariant& value);
    Q_INVOKABLE bool save();
    Q_INVOKABLE void reload();

signals:
    void formChanged();
    void checked();
    void statusChanged();
    void savedOk();

private:
    void check();
    std::optional<Json> body() const;  // nullopt while a field is invalid
    void setStatus(const QString& s);

    AppContext* app_;
    QString kind_ = QStringLiteral("activity");
    QString classId_;
    QString date_;
    QVariantMap fields_;
    QVariantMap errors_;
    QVariantList findings_;
    std::optional<Record> stored_;
    bool dirty_ = false;
    bool showAllErrors_ = false;
    QSet<QString> touched_;
    QString status_;
};

}  // namespace taizhang
