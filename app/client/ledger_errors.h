#pragma once
// Turning core's validation issues into what the UI shows: the Chinese (or English) message of
// each issue, and an exception that carries them out of a multi-row save.
#include <stdexcept>
#include <vector>

#include <QString>
#include <QStringList>

#include "validation.h"

namespace taizhang {

class AppContext;

QString issueMessage(const AppContext& app, const ValidationIssue& issue);
QStringList errorMessages(const AppContext& app, const std::vector<ValidationIssue>& issues);

// Thrown inside a save when the Ledger refuses a row; carries the messages to show.
class LedgerRefused : public std::runtime_error {
public:
    explicit LedgerRefused(QStringList messages)
        : std::runtime_error(messages.join("; ").toStdString()), messages_(std::move(messages)) {}
    const QStringList& messages() const { return messages_; }

private:
    QStringList messages_;
};

}  // namespace taizhang
