// Qt Quick Test runner: before each test file's QML loads (Qt Quick Test gives every tst_*.qml
// its own engine), opens a fresh ledger of its own with core's demo school (pinned to Friday
// 2026-11-20), signs the administrator in and registers the backend types, exactly as
// taizhang-app does. One ledger per file: what one test file saves can never change what another
// sees, whatever order they run in.
#include <memory>
#include <string>

#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include "app_context.h"
#include "demo_data.h"
#include "register_types.h"
#include "temp_dir.h"

Q_IMPORT_QML_PLUGIN(TaizhangPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        using namespace taizhang;
        app_.reset();  // the previous file's engine is gone; its ledger is closed here
        clock_ = std::make_unique<ManualClock>(unixMillisAt(Date{2026, 11, 20}, 19));
        ++files_;
        app_ = std::make_unique<AppContext>(dir_.file("ledger-" + std::to_string(files_) + ".db"), *clock_);
        DemoOptions options;
        options.classes = 12;
        options.today = Date{2026, 11, 20};
        createDemoSchool(app_->db(), *clock_, options);
        app_->reloadProfile();
        app_->signInAs("admin", "admin", true, {});
        registerBackendTypes(app_.get());
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

private:
    taizhang::testing::TempDir dir_;
    int files_ = 0;
    std::unique_ptr<taizhang::ManualClock> clock_;
    std::unique_ptr<taizhang::AppContext> app_;
};

QUICK_TEST_MAIN_WITH_SETUP(taizhang_qml, Setup)

#include "qml_test_main.moc"
