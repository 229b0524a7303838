#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "taizhang.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcData, "taizhang.data", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "taizhang.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "taizhang.sync", QtInfoMsg)
