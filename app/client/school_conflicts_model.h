#pragma once
// The school's open conflicts, as the county's change feed lists them on every computer
// (core/pull_apply.h): a version the county kept for review instead of storing, because another
// computer's version of the same record, or another record for the same class, day and subject,
// got there first, or a 无作业 mark and homework of one class-day (no_homework_conflict.h). Each row says what was stored and what was not, where the other version was
// made, and resolves it by keeping the stored record or taking the other version: either saves
// the stored record again (validated, as the signed-in user), which closes the conflict on every
// computer and at the county after the next sync.
#include <vector>

#include <QAbstractListModel>

#include "pull_apply.h"

namespace taizhang {

class AppContext;

class SchoolConflictsModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ChangeRole = Qt::UserRole + 1,
        TitleRole,     // "数学作业 · 三年级1班 · 2026-11-20"
        StoredRole,    // the stored version, one line
        OtherRole,     // the version that was not stored, one line
        OriginRole,    // where the other version was made: "本机" | "其他电脑"
        WhyRole,       // same record edited twice | two records for one class, day and subject |
                       // 无作业 and homework of one class-day
        AdviceRole,    // what to do, when the buttons alone do not say it ("" otherwise)
    };
    Q_ENUM(Role)

    explicit SchoolConflictsModel(QObject* parent = nullptr);
    SchoolConflictsModel(AppContext& app, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(rows_.size()); }

    Q_INVOKABLE void reload();
    // Saves the stored record again with its own content (keep) or the other version's (take).
    // Returns "" on success or the reason it was refused, in the UI language.
    Q_INVOKABLE QString keep(int row) { return resolve(row, false); }
    Q_INVOKABLE QString take(int row) { return resolve(row, true); }

signals:
    void countChanged();

private:
    struct Row {
        SchoolConflict conflict;
        QString title, stored, other, origin, why, advice;
    };
    QString resolve(int row, bool takeOther);
    AppContext* app_;
    std::vector<Row> rows_;
};

}  // namespace taizhang
