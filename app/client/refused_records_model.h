#pragma once
// The records the county refused (dead letters) and the conflicts it kept for review, in human
// terms: which class, day and subject, the county's reason in the UI language and what to do.
// Actions: open the record's entry page to fix it (a saved fix is a new version, sent by the next
// pass, and resolves the entry once the county accepts it), resend as it is now, or dismiss where
// that loses nothing (a conflict notice, or a record deleted here since).
#include <vector>

#include <QAbstractListModel>
#include <QVariantMap>

#include "outbox.h"

namespace taizhang {

class AppContext;

class RefusedRecordsModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        IsConflictRole,
        KindNameRole,
        TitleRole,     // "三年级1班 · 2026-11-20 · 数学作业"
        DetailRole,    // "30 分钟 · 书面 · 在家 · 口算练习"
        ReasonRole,    // the county's reason, in the UI language
        AdviceRole,    // what to do
        CanOpenRole,
        CanResendRole,  // not for a conflict (delivered) or a record over the size limit (fix it first)
        CanDismissRole,
    };
    Q_ENUM(Role)

    explicit RefusedRecordsModel(QObject* parent = nullptr);
    RefusedRecordsModel(AppContext& app, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(rows_.size()); }

    Q_INVOKABLE void reload();
    // {page, classId, date} for the entry page of this row's record; {} when it has none.
    Q_INVOKABLE QVariantMap editTarget(int row) const;
    // Queues the record's current version again and starts a pass; "" or a message.
    Q_INVOKABLE QString resend(int row);
    // Only where nothing is lost (see CanDismissRole); "" or a message.
    Q_INVOKABLE QString dismiss(int row);

signals:
    void countChanged();

private:
    struct Row {
        DeadLetter letter;
        QString kindName, title, detail, reason, advice;
        QVariantMap target;
        bool canDismiss = false;
    };
    Row describe(const DeadLetter& letter) const;
    AppContext* app_;
    std::vector<Row> rows_;
};

}  // namespace taizhang
