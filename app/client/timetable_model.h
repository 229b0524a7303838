#pragma once
// The timetable editor of one class and term: a weekday x period grid (Monday-Friday), the
// weekly lesson count per subject and the findings, all updated as cells change; saved in one
// go; copied to the parallel classes of the same grade.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QAbstractListModel>
#include <QVariantList>

#include "records.h"

namespace taizhang {

class AppContext;
struct ClassInfo;

class TimetableModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString classId READ classId WRITE setClassId NOTIFY formChanged)
    Q_PROPERTY(QString termId READ termId WRITE setTermId NOTIFY formChanged)
    Q_PROPERTY(int periods READ periods CONSTANT)
    Q_PROPERTY(int weekdays READ weekdays CONSTANT)
    Q_PROPERTY(QVariantList subjectOptions READ subjectOptions NOTIFY formChanged)
    Q_PROPERTY(QVariantList counts READ counts NOTIFY countsChanged)
    Q_PROPERTY(int total READ total NOTIFY countsChanged)
    Q_PROPERTY(QVariantList findings READ findings NOTIFY countsChanged)
    // Unsaved edits, or draft lessons (copied into a new school year) waiting to be confirmed:
    // saving confirms the whole grid.
    Q_PROPERTY(bool dirty READ dirty NOTIFY countsChanged)
    Q_PROPERTY(int drafts READ drafts NOTIFY countsChanged)
    Q_PROPERTY(QString draftNote READ draftNote NOTIFY countsChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)

public:
    enum Role { WeekdayRole = Qt::UserRole + 1, PeriodRole, SubjectRole, SubjectNameRole };
    Q_ENUM(Role)

    explicit TimetableModel(QObject* parent = nullptr);
    TimetableModel(AppContext& app, QObject* parent = nullptr);

    // Cells in row-major order: index = (period - 1) * weekdays + (weekday - 1).
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString classId() const { return classId_; }
    void setClassId(const QString& id);
    QString termId() const { return termId_; }
    void setTermId(const QString& id);
    int periods() const { return kPeriods; }
    int weekdays() const { return kWeekdays; }
    QVariantList subjectOptions() const;
    QVariantList counts() const;
    int total() const;
    QVariantList findings() const;
    bool dirty() const;
    int drafts() const;
    QString draftNote() const;
    QString status() const { return status_; }

    // subject "" clears the cell.
    Q_INVOKABLE void setCell(int index, const QString& subject);
    Q_INVOKABLE bool save();
    // What copyToParallelClasses() would do, to ask before doing it: one entry per other class
    // of the same grade, {classId, name, lessons (live lessons it has now), changes (slots the
    // copy would write)}.
    Q_INVOKABLE QVariantList parallelCopyPlan() const;
    // Replaces the timetables of the other classes of the same grade with this one (saved first).
    Q_INVOKABLE int copyToParallelClasses();
    Q_INVOKABLE void reload();

signals:
    void formChanged();
    void countsChanged();
    void statusChanged();

private:
    static constexpr int kPeriods = 8;
    static constexpr int kWeekdays = 5;
    struct Cell {
        std::string subject;
        std::optional<Record> stored;
    };
    // Writes `wanted` (index -> subject) over the stored slots of a class; returns changes made.
    int writeGrid(const std::string& classId, const std::vector<std::string>& wanted, std::vector<Cell>& cells);
    static int differences(const std::vector<std::string>& wanted, const std::vector<Cell>& cells);
    std::vector<Cell> loadCells(const std::string& classId) const;
    // The other classes of this class's grade in the selected term (grade then, graduated out).
    std::vector<const ClassInfo*> parallelClasses() const;
    std::string teacherFor(const std::string& subject) const;
    void setStatus(const QString& s);

    AppContext* app_;
    QString classId_;
    QString termId_;
    std::vector<Cell> cells_;
    QString status_;
};

}  // namespace taizhang
