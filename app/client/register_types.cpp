#include "register_types.h"

#include <QJSEngine>
#include <QtQml/qqml.h>

#include "app_context.h"
#include "daily_form.h"
#include "homework_entry_model.h"
#include "join_controller.h"
#include "publication_controller.h"
#include "records_model.h"
#include "reports_controller.h"
#include "settings_controller.h"
#include "setup_controller.h"
#include "sync_service.h"
#include "refused_records_model.h"
#include "school_conflicts_model.h"
#include "timetable_model.h"
#include "today_model.h"
#include "training_model.h"
#include "year_controller.h"

namespace taizhang {

void registerBackendTypes(AppContext* app)
{
    // Once per process; the singleton is whichever context is open when an engine asks for it,
    // so a journey test can close the app and start it again on the same file ("restart").
    // main() (AppRuntime) creates the sync service with its options first; test harnesses that
    // only load pages get one that syncs only when asked.
    if (!SyncService::instance())
        new SyncService(*app, SyncService::Options{.autoStart = false, .watchNetwork = false}, app);
    static bool registered = false;
    if (registered) {
        Q_ASSERT(app == AppContext::instance());
        return;
    }
    registered = true;
    constexpr const char* uri = "Taizhang.Backend";
    qmlRegisterSingletonType<AppContext>(uri, 1, 0, "App", [](QQmlEngine*, QJSEngine*) -> AppContext* {
        AppContext* current = AppContext::instance();
        QJSEngine::setObjectOwnership(current, QJSEngine::CppOwnership);
        return current;
    });
    qmlRegisterSingletonType<SyncService>(uri, 1, 0, "Sync", [](QQmlEngine*, QJSEngine*) -> SyncService* {
        SyncService* current = SyncService::instance();
        QJSEngine::setObjectOwnership(current, QJSEngine::CppOwnership);
        return current;
    });
    qmlRegisterType<RefusedRecordsModel>(uri, 1, 0, "RefusedRecordsModel");
    qmlRegisterType<SchoolConflictsModel>(uri, 1, 0, "SchoolConflictsModel");
    qmlRegisterType<JoinController>(uri, 1, 0, "JoinController");
    qmlRegisterType<HomeworkEntryModel>(uri, 1, 0, "HomeworkEntryModel");
    qmlRegisterType<TodayModel>(uri, 1, 0, "TodayModel");
    qmlRegisterType<DailyForm>(uri, 1, 0, "DailyForm");
    qmlRegisterType<TrainingModel>(uri, 1, 0, "TrainingModel");
    qmlRegisterType<TimetableModel>(uri, 1, 0, "TimetableModel");
    qmlRegisterType<RecordsModel>(uri, 1, 0, "RecordsModel");
    qmlRegisterType<ReportsController>(uri, 1, 0, "ReportsController");
    qmlRegisterType<PublicationController>(uri, 1, 0, "PublicationController");
    qmlRegisterType<SettingsController>(uri, 1, 0, "SettingsController");
    qmlRegisterType<SetupController>(uri, 1, 0, "SetupController");
    qmlRegisterType<YearController>(uri, 1, 0, "YearController");
}

}  // namespace taizhang
