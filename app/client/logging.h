#pragma once
// Logging categories of the Qt client, so that a support call can switch on one area with
// QT_LOGGING_RULES="taizhang.data.debug=true" instead of reading everything.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)   // start-up, arguments, database opening
Q_DECLARE_LOGGING_CATEGORY(lcData)  // saves, deletes, validation refusals
Q_DECLARE_LOGGING_CATEGORY(lcUi)    // page navigation, self-test
Q_DECLARE_LOGGING_CATEGORY(lcSync)  // automatic sync: passes, failures with their technical detail
