#include "ledger_errors.h"

#include "app_context.h"
#include "qt_convert.h"

namespace taizhang {

QString issueMessage(const AppContext& app, const ValidationIssue& issue)
{
    return qs(app.language() == QLatin1String("en") ? issue.messageEn : issue.messageZh);
}

QStringList errorMessages(const AppContext& app, const std::vector<ValidationIssue>& issues)
{
    QStringList out;
    for (const auto& i : issues)
        if (i.severity == IssueSeverity::Error) out << issueMessage(app, i);
    return out;
}

}  // namespace taizhang
