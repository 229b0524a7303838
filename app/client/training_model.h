#pragma once
// Teacher training: each teacher's progress towards 360 学时 in the rolling five years (and 120
// in the probation year), plus the form to record a course.
#include <vector>

#include <QAbstractListModel>
#include <QVariantMap>

namespace taizhang {

class AppContext;

class TrainingModel : public QAbstractListModel {
    Q_OBJECT
    // Teachers on track for 360 学时 (core's one meaning, TrainingProgress::onTrack; the county's
    // report counts the same).
    Q_PROPERTY(int onTrack READ onTrack NOTIFY summaryChanged)
    Q_PROPERTY(int teacherCount READ teacherCount NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY formChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY formChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY formChanged)
    Q_PROPERTY(QString status READ status NOTIFY formChanged)

public:
    enum Role {
        TeacherIdRole = Qt::UserRole + 1,
        NameRole,
        HoursRole,          // in the rolling five-year window
        RequiredRole,       // 360
        ProgressRole,       // 0..1
        InProbationRole,
        ProbationHoursRole,
        ProbationRequiredRole,
        Last12MonthsRole,
        OnTrackRole,        // core's TrainingProgress::onTrack
    };
    Q_ENUM(Role)

    explicit TrainingModel(QObject* parent = nullptr);
    TrainingModel(AppContext& app, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int onTrack() const { return onTrack_; }
    int teacherCount() const { return static_cast<int>(rows_.size()); }
    QVariantMap fields() const { return fields_; }
    QVariantMap errors() const { return errors_; }
    bool canSave() const { return errors_.isEmpty(); }
    QString status() const { return status_; }

    // Form fields: teacherId start end title level mode hours certificateNumber.
    Q_INVOKABLE void set(const QString& field, const QVariant& value);
    Q_INVOKABLE bool save();
    Q_INVOKABLE void reload();

signals:
    void summaryChanged();
    void formChanged();

private:
    struct Row {
        QString teacherId, name;
        double hours = 0, required = 360, probationHours = 0, probationRequired = 120, last12 = 0;
        bool inProbation = false, onTrack = false;
    };
    void check();
    AppContext* app_;
    std::vector<Row> rows_;
    int onTrack_ = 0;
    QVariantMap fields_;
    QVariantMap errors_;
    QString status_;
};

}  // namespace taizhang
