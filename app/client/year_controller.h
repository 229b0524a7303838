#pragma once
// The 新学年 page: a guided new school year. The administrator picks the first day and the number
// of new entry classes, sees the preview (core planSchoolYear: promotions, graduations, new
// classes, terms, timetable drafts), then starts it; core's startSchoolYear writes everything in
// one transaction or nothing. Administrators only (checked here, not only in QML).
#include <QObject>
#include <QVariantList>

#include "school_year.h"

namespace taizhang {

class AppContext;

class YearController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString startDate READ startDate WRITE setStartDate NOTIFY planChanged)
    // Shown under the date field when it cannot be read as a date ("" when it can).
    Q_PROPERTY(QString dateError READ dateError NOTIFY planChanged)
    Q_PROPERTY(int primaryEntry READ primaryEntry WRITE setPrimaryEntry NOTIFY planChanged)
    Q_PROPERTY(int juniorEntry READ juniorEntry WRITE setJuniorEntry NOTIFY planChanged)
    Q_PROPERTY(bool hasPrimary READ hasPrimary NOTIFY planChanged)
    Q_PROPERTY(bool hasJunior READ hasJunior NOTIFY planChanged)
    // Preview rows: {action: promote|graduate|create, actionText, fromName, toName}.
    Q_PROPERTY(QVariantList steps READ steps NOTIFY planChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY planChanged)
    // Terms and timetable lines, notes and problems of the preview, in the UI language.
    Q_PROPERTY(QStringList details READ details NOTIFY planChanged)
    Q_PROPERTY(QStringList problems READ problems NOTIFY planChanged)
    Q_PROPERTY(bool canStart READ canStart NOTIFY planChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool done READ done NOTIFY statusChanged)

public:
    explicit YearController(QObject* parent = nullptr);
    YearController(AppContext& app, QObject* parent = nullptr);

    QString startDate() const { return startDate_; }
    QString dateError() const { return dateError_; }
    void setStartDate(const QString& d);
    int primaryEntry() const { return primaryEntry_; }
    void setPrimaryEntry(int n);
    int juniorEntry() const { return juniorEntry_; }
    void setJuniorEntry(int n);
    bool hasPrimary() const;
    bool hasJunior() const;
    QVariantList steps() const { return steps_; }
    QString summary() const { return summary_; }
    QStringList details() const { return details_; }
    QStringList problems() const { return problems_; }
    bool canStart() const;
    QString status() const { return status_; }
    bool done() const { return done_; }

    // Starts the year as previewed (re-planned first: the data may have changed). Returns true
    // when everything was written.
    Q_INVOKABLE bool start();

signals:
    void planChanged();
    void statusChanged();

private:
    void replan();
    bool english() const;
    QString text(const Problem& p) const;

    AppContext* app_;
    QString startDate_;
    QString dateError_;
    int primaryEntry_ = -1;  // -1 = as many as this year's 一年级 / 七年级
    int juniorEntry_ = -1;
    YearPlan plan_;
    QVariantList steps_;
    QString summary_;
    QStringList details_;
    QStringList problems_;
    QString status_;
    bool done_ = false;
};

}  // namespace taizhang
