#pragma once
// The homework entry form for one class and one day: one row per subject the class takes (or
// the signed-in teacher teaches in it), with the running written total against the class cap.
// Reads only that class-day's records (an indexed query), never the whole database.
#include <optional>
#include <string>
#include <vector>

#include <QAbstractListModel>
#include <QString>

#include "records.h"

namespace taizhang {

class AppContext;

class HomeworkEntryModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString classId READ classId WRITE setClassId NOTIFY formChanged)
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY formChanged)
    Q_PROPERTY(QString dateError READ dateError NOTIFY formChanged)
    Q_PROPERTY(int cap READ cap NOTIFY totalsChanged)
    // The class's written total for the day that counts against the cap: this form's rows plus
    // the saved homework of the subjects this user does not see (other teachers' subjects).
    Q_PROPERTY(int writtenTotal READ writtenTotal NOTIFY totalsChanged)
    Q_PROPERTY(int otherSubjectsWritten READ otherSubjectsWritten NOTIFY totalsChanged)
    Q_PROPERTY(bool overCap READ overCap NOTIFY totalsChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY totalsChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY totalsChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY totalsChanged)
    Q_PROPERTY(QString overCapReason READ overCapReason WRITE setOverCapReason NOTIFY totalsChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    // 今天无作业: the class-day is recorded as having no homework (a homework record marked
    // "none", its only homework record; core/validation_daily.cpp).
    Q_PROPERTY(bool noHomework READ noHomework NOTIFY formChanged)

public:
    enum Role {
        SubjectRole = Qt::UserRole + 1,
        SubjectNameRole,
        MinutesRole,  // the text as typed; "" = no homework in this subject today
        WrittenRole,
        AtHomeRole,
        ContentRole,
        ErrorRole,    // Chinese message for this row, "" when valid
        SavedRole,    // a stored record exists for this row
    };
    Q_ENUM(Role)

    explicit HomeworkEntryModel(QObject* parent = nullptr);
    HomeworkEntryModel(AppContext& app, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString classId() const { return classId_; }
    void setClassId(const QString& id);
    QString date() const { return date_; }
    void setDate(const QString& date);
    QString dateError() const;
    int cap() const { return cap_; }
    int writtenTotal() const;
    int otherSubjectsWritten() const { return otherWritten_; }
    bool overCap() const { return writtenTotal() > cap_; }
    bool valid() const;
    bool dirty() const;
    // Valid, changed, and when over the cap a reason was given.
    bool canSave() const;
    QString overCapReason() const { return reason_; }
    void setOverCapReason(const QString& r);
    QString status() const { return status_; }

    // QML-friendly setter: role by name ("minutes", "written", "atHome", "content").
    Q_INVOKABLE bool setField(int row, const QString& field, const QVariant& value);
    // Saves every changed row in one go; returns false (and sets status) when refused.
    Q_INVOKABLE bool save();
    // Fills the form from the class's most recent earlier day with homework (within a week);
    // nothing is saved until save(). Returns the number of rows copied.
    Q_INVOKABLE int copyPreviousDay();
    Q_INVOKABLE void reload();
    // Records (true) or withdraws (false) 无作业 for the class-day at once, as its own save.
    // Refused with a message in status (false returned) for a user who does not teach the class,
    // while the form holds unsaved entries, and by core when the class-day already has homework.
    Q_INVOKABLE bool setNoHomework(bool on);
    bool noHomework() const { return noneRecord_.has_value(); }

signals:
    void formChanged();
    void totalsChanged();
    void statusChanged();
    void saved();

private:
    struct Row {
        std::string subject;
        QString minutes;
        bool written = true;
        bool atHome = true;
        QString content;
        std::optional<Record> stored;  // the current record for this subject, if any
        QString refused;               // the Ledger's message from the last save attempt
    };
    QString rowError(const Row& row) const;
    std::optional<int> minutesOf(const Row& row) const;
    bool rowChanged(const Row& row) const;
    Homework bodyOf(const Row& row, const Date& day) const;
    void setStatus(const QString& s);
    int gradeOfClass() const;

    AppContext* app_;
    QString classId_;
    QString date_;
    std::vector<Row> rows_;
    std::optional<Record> noneRecord_;  // the class-day's live 无作业 record
    int cap_ = 0;
    int otherWritten_ = 0;
    QString reason_;
    QString status_;
};

}  // namespace taizhang
