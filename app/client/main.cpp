// taizhang-app: the Qt Quick client. Thin: parses arguments, opens the ledger, loads the QML.
#include <algorithm>
#include <memory>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include "app_context.h"
#include "app_runtime.h"
#include "demo_school.h"
#include "logging.h"
#include "page_runner.h"
#include "qt_convert.h"
#include "register_types.h"
#include "settings_controller.h"
#include "sync_service.h"

Q_IMPORT_QML_PLUGIN(TaizhangPlugin)

using namespace taizhang;

namespace {
QString defaultDbPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("taizhang.db"));
}
}  // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("taizhang"));
    QGuiApplication::setApplicationName(QStringLiteral("taizhang"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("taizhang school ledger (台账) desktop client"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOpt("db", "Ledger database file (default: per-user data folder).", "path", defaultDbPath());
    QCommandLineOption demoOpt("demo", "Create the demo school when the database holds none.");
    QCommandLineOption selfTestOpt("self-test", "Load every page and exit non-zero on any QML warning or error.");
    QCommandLineOption langOpt("lang", "User interface language: zh_CN or en (default: the one chosen last time).", "lang");
    QCommandLineOption todayOpt("today", "Pretend today is this date (YYYY-MM-DD; screenshots, demos).", "date");
    QCommandLineOption shotOpt("screenshots", "Save every page as PNG into this folder, then exit.", "dir");
    QCommandLineOption firstFrameOpt("quit-after-first-frame", "Exit once the first frame is shown (benchmark).");
    QCommandLineOption demoClassesOpt("demo-classes", "Classes of the demo school (benchmarks).", "n", "15");
    QCommandLineOption demoYearsOpt("demo-years", "School years of demo data (benchmarks).", "n", "1");
    parser.addOptions({dbOpt, demoOpt, selfTestOpt, langOpt, todayOpt, shotOpt, firstFrameOpt, demoClassesOpt, demoYearsOpt});
    parser.process(app);

    const QString lang = parser.value(langOpt);
    if (!lang.isEmpty() && lang != "zh_CN" && lang != "en") {
        qCCritical(lcApp) << "unknown language" << lang << "(use zh_CN or en)";
        return 2;
    }
    AppOptions options;
    options.dbPath = parser.value(dbOpt);
    options.language = lang;
    options.demo = parser.isSet(demoOpt);
    options.demoClasses = std::clamp(parser.value(demoClassesOpt).toInt(), 1, 200);
    options.demoYears = std::clamp(parser.value(demoYearsOpt).toInt(), 1, 10);
    if (parser.isSet(todayOpt)) {
        options.today = dateFrom(parser.value(todayOpt));
        if (!options.today) {
            qCCritical(lcApp) << "--today expects YYYY-MM-DD, got" << parser.value(todayOpt);
            return 2;
        }
    }
    const bool selfTest = parser.isSet(selfTestOpt);
    if (selfTest) startCountingWarnings();

    AppRuntime::setUpLook();

    AppRuntime runtime;
    // Unattended runs never sync.
    options.autoSync = !(selfTest || parser.isSet(shotOpt) || parser.isSet(firstFrameOpt));
    // Unattended runs sign in as the administrator so that every page can be shown; that has to
    // happen before the window loads, so the runtime is started in two halves here.
    // (A screenshot run signs in only after it has captured the sign-in page.)
    const bool unattended = selfTest || parser.isSet(firstFrameOpt);
    if (!runtime.start(options, [&](AppContext& context) {
            if (unattended && context.hasSchool() && !context.signedIn())
                context.signInAs(QStringLiteral("admin"), QStringLiteral("admin"), true, {});
        })) {
        qCCritical(lcApp) << runtime.error();
        return 1;
    }
    AppContext* context = &runtime.context();
    QQmlApplicationEngine& engine = runtime.engine();

    if (parser.isSet(firstFrameOpt)) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
            qCInfo(lcApp) << "first frame after" << sinceStart.elapsed() << "ms";
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        }, Qt::SingleShotConnection);
        return app.exec();
    }
    if (parser.isSet(shotOpt) && !context->hasSchool()) {
        // A new ledger shows the first-run wizard: that is the one page to capture.
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QTimer::singleShot(800, &app, [&] {
            QDir().mkpath(parser.value(shotOpt));
            const bool ok = window->grabWindow().save(QDir(parser.value(shotOpt)).filePath("setup.png"));
            QCoreApplication::exit(ok ? 0 : 1);
        });
        return app.exec();
    }
    if (parser.isSet(shotOpt) && !context->signedIn()) {
        // The sign-in page first (on a demo ledger it says how to sign in), then every page.
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QEventLoop settle;
        QTimer::singleShot(800, &settle, &QEventLoop::quit);
        settle.exec();
        QDir().mkpath(parser.value(shotOpt));
        if (!window->grabWindow().save(QDir(parser.value(shotOpt)).filePath("signin.png"))) return 1;
        context->signInAs(QStringLiteral("admin"), QStringLiteral("admin"), true, {});
    }
    if (selfTest || parser.isSet(shotOpt)) {
        if (selfTest && !context->hasSchool()) {
            qCCritical(lcApp) << "--self-test needs a school: add --demo";
            return 1;
        }
        const int problems = runThroughPages(engine, parser.value(shotOpt));
        // Warnings raised while loading the window count as much as those of a page.
        const int total = problems + warningCount();
        qCInfo(lcUi) << "page run finished:" << total << "problem(s)";
        return total == 0 ? 0 : 1;
    }
    return app.exec();
}
