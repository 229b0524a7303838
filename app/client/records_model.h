#pragma once
// The records browser: filter by kind, class, date range and author; delete as a tombstone;
// each record's history from the audit trail. Results are capped so a filter never loads the
// whole ledger into the UI.
#include <vector>

#include <QAbstractListModel>
#include <QVariantList>
#include <QVariantMap>

#include "records.h"

namespace taizhang {

class AppContext;

class RecordsModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged)  // "" = any
    Q_PROPERTY(QString classId READ classId WRITE setClassId NOTIFY filterChanged)
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY filterChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY filterChanged)
    Q_PROPERTY(QString author READ author WRITE setAuthor NOTIFY filterChanged)
    Q_PROPERTY(bool includeDeleted READ includeDeleted WRITE setIncludeDeleted NOTIFY filterChanged)
    Q_PROPERTY(QString filterError READ filterError NOTIFY filterChanged)
    Q_PROPERTY(bool truncated READ truncated NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    // The kinds one can filter by, [{value: "homework", text: "作业"}], from core's kind table.
    Q_PROPERTY(QVariantList kinds READ kinds NOTIFY kindsChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        KindNameRole,
        DayRole,
        ClassNameRole,
        SummaryRole,
        AuthorRole,
        UpdatedAtRole,
        VersionRole,
        DeletedRole,
        OriginRole,  // "本机" when this computer made the last change, else "其他电脑" (pulled)
    };
    Q_ENUM(Role)
    static constexpr std::size_t kLimit = 500;

    explicit RecordsModel(QObject* parent = nullptr);
    RecordsModel(AppContext& app, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString kind() const { return kind_; }
    void setKind(const QString& v);
    QString classId() const { return classId_; }
    void setClassId(const QString& v);
    QString from() const { return from_; }
    void setFrom(const QString& v);
    QString to() const { return to_; }
    void setTo(const QString& v);
    QString author() const { return author_; }
    void setAuthor(const QString& v);
    bool includeDeleted() const { return includeDeleted_; }
    void setIncludeDeleted(bool v);
    QString filterError() const { return filterError_; }
    bool truncated() const { return truncated_; }
    QString status() const { return status_; }
    QVariantList kinds() const;

    // Tombstones the record (kept, marked deleted, synced as a new version).
    Q_INVOKABLE bool remove(int row);
    // [{action, at, author, version, reason, changes}] oldest first.
    Q_INVOKABLE QVariantList history(int row) const;
    // Where to edit this record: {page, classId, date} or {} when it has no entry page.
    Q_INVOKABLE QVariantMap editTarget(int row) const;
    Q_INVOKABLE void reload();

    // A one-line, human description of a record body (also used by the CSV export).
    static QString summarize(const AppContext& app, const Record& r);

signals:
    void filterChanged();
    void kindsChanged();
    void statusChanged();

private:
    AppContext* app_;
    QString kind_, classId_, from_, to_, author_;
    bool includeDeleted_ = false;
    QString filterError_;
    bool truncated_ = false;
    QString status_;
    std::vector<Record> rows_;
};

}  // namespace taizhang
