#include "demo_school.h"

#include "app_context.h"
#include "demo_data.h"
#include "logging.h"
#include "users.h"

namespace taizhang {

bool ensureDemoSchool(AppContext& app, int classes, int schoolYears)
{
    if (app.hasSchool()) return true;
    try {
        DemoOptions options;
        options.classes = classes;
        options.schoolYears = schoolYears;
        // A pinned --today inside the demo term shows that day; otherwise core picks a term day.
        const Date today = app.todayDate();
        if (today >= demoTermStart() && today <= demoTermEnd()) options.today = today;
        auto summary = createDemoSchool(app.db(), app.clock(), options);
        UserStore users(app.db(), app.clock());
        users.create(NewUser{"admin", "教务处管理员", Role::Admin, {}}, kDemoPassword);
        // The teacher account belongs to the first teacher who has lessons (the timetable says so).
        std::string teacherId;
        std::string teacherName;
        for (const auto& [name, id] : summary.teacherIds) {
            if (!app.store().query(RecordQuery{.kind = Kind::Timetable, .teacherId = id, .limit = 1}).empty()) {
                teacherId = id;
                teacherName = name;
                break;
            }
        }
        if (!teacherId.empty()) users.create(NewUser{"teacher", teacherName, Role::Teacher, teacherId}, kDemoPassword);
        // A demo ledger says on its sign-in page how to sign in (never on a real school's).
        app.db().setSetting("demo_password", kDemoPassword);
        qCInfo(lcApp) << "demo school created:" << summary.counts.size() << "kinds, today" << summary.today.toString().c_str();
    } catch (const std::exception& e) {
        qCWarning(lcData) << "demo school failed:" << e.what();
        return false;
    }
    app.reloadProfile();
    app.notifyDataChanged();
    return true;
}

}  // namespace taizhang
