#pragma once
// The Today page: per class, whether today's homework, activity and sleep entries exist and the
// findings of the day (hard red, soft amber, each with its rule and source).
#include <vector>

#include <QAbstractListModel>
#include <QVariantList>

namespace taizhang {

class AppContext;

class TodayModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY summaryChanged)
    Q_PROPERTY(int hardCount READ hardCount NOTIFY summaryChanged)
    Q_PROPERTY(int softCount READ softCount NOTIFY summaryChanged)
    Q_PROPERTY(int missingHomework READ missingHomework NOTIFY summaryChanged)
    // The shown day is a school day (a 调休 Saturday is; a holiday is not).
    Q_PROPERTY(bool schoolDay READ schoolDay NOTIFY summaryChanged)

public:
    enum Role {
        ClassIdRole = Qt::UserRole + 1,
        ClassNameRole,
        GradeRole,
        HasHomeworkRole,
        HasActivityRole,
        HasSleepRole,
        WrittenMinutesRole,
        CapRole,
        FindingsRole,  // list of {severity, rule, source, message}
        WorstRole,     // "hard" | "soft" | ""
        NoHomeworkRole,  // the class-day is recorded as 无作业 (then hasHomework too: recorded)
    };
    Q_ENUM(Role)

    explicit TodayModel(QObject* parent = nullptr);
    TodayModel(AppContext& app, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString date() const { return date_; }
    void setDate(const QString& d);
    int hardCount() const { return hard_; }
    int softCount() const { return soft_; }
    int missingHomework() const { return missing_; }
    bool schoolDay() const { return schoolDay_; }
    Q_INVOKABLE void reload();

signals:
    void summaryChanged();

private:
    struct Row {
        QString classId, className;
        int grade = 0;
        bool homework = false, activity = false, sleep = false;
        bool noHomework = false;
        int written = 0, cap = 0;
        QVariantList findings;
        QString worst;
    };
    AppContext* app_;
    QString date_;
    std::vector<Row> rows_;
    int hard_ = 0, soft_ = 0, missing_ = 0;
    bool schoolDay_ = false;
};

}  // namespace taizhang
