// taizhang-app: the Qt Quick client. Thin: parses arguments, opens the ledger, loads the QML.
#include <algorithm>
#include <memory>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include "app_context.h"
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

// Swaps the translator so that qsTr() and engine.retranslate() pick up the new language.
void installLanguage(QTranslator& translator, const QString& lang)
{
    QCoreApplication::removeTranslator(&translator);
    // Source strings are Chinese, so zh_CN needs no catalogue; English is loaded from resources.
    if (lang == QLatin1String("en") && translator.load(QStringLiteral(":/i18n/taizhang_en.qm")))
        QCoreApplication::installTranslator(&translator);
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
    QCommandLineOption langOpt("lang", "User interface language: zh_CN (default) or en.", "lang", "zh_CN");
    QCommandLineOption todayOpt("today", "Pretend today is this date (YYYY-MM-DD; screenshots, demos).", "date");
    QCommandLineOption shotOpt("screenshots", "Save every page as PNG into this folder, then exit.", "dir");
    QCommandLineOption firstFrameOpt("quit-after-first-frame", "Exit once the first frame is shown (benchmark).");
    QCommandLineOption demoClassesOpt("demo-classes", "Classes of the demo school (benchmarks).", "n", "15");
    QCommandLineOption demoYearsOpt("demo-years", "School years of demo data (benchmarks).", "n", "1");
    parser.addOptions({dbOpt, demoOpt, selfTestOpt, langOpt, todayOpt, shotOpt, firstFrameOpt, demoClassesOpt, demoYearsOpt});
    parser.process(app);

    const QString lang = parser.value(langOpt);
    if (lang != "zh_CN" && lang != "en") {
        qCCritical(lcApp) << "unknown language" << lang << "(use zh_CN or en)";
        return 2;
    }
    std::unique_ptr<ManualClock> fixedClock;
    if (parser.isSet(todayOpt)) {
        auto day = dateFrom(parser.value(todayOpt));
        if (!day) {
            qCCritical(lcApp) << "--today expects YYYY-MM-DD, got" << parser.value(todayOpt);
            return 2;
        }
        fixedClock = std::make_unique<ManualClock>(unixMillisAt(*day, 19));
    }
    const bool selfTest = parser.isSet(selfTestOpt);
    if (selfTest) startCountingWarnings();

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSize(10);
    QGuiApplication::setFont(font);

    QTranslator translator;
    installLanguage(translator, lang);

    QString restoreMessage;
    if (SettingsController::applyPendingRestore(parser.value(dbOpt), &restoreMessage))
        qCInfo(lcApp) << restoreMessage;
    else if (!restoreMessage.isEmpty())
        qCWarning(lcApp) << restoreMessage;

    std::unique_ptr<AppContext> context;
    try {
        const Clock& clock = fixedClock ? static_cast<const Clock&>(*fixedClock) : SystemClock::instance();
        context = std::make_unique<AppContext>(ss(parser.value(dbOpt)), clock);
    } catch (const std::exception& e) {
        qCCritical(lcApp) << "cannot open the ledger" << parser.value(dbOpt) << ":" << e.what();
        return 1;
    }
    context->setLanguage(lang);
    if (parser.isSet(demoOpt) && !ensureDemoSchool(*context, std::clamp(parser.value(demoClassesOpt).toInt(), 1, 200),
                                                    std::clamp(parser.value(demoYearsOpt).toInt(), 1, 10))) {
        qCCritical(lcApp) << "could not create the demo school";
        return 1;
    }
    // Unattended runs sign in as the administrator so that every page can be shown.
    const bool unattended = selfTest || parser.isSet(shotOpt) || parser.isSet(firstFrameOpt);
    if (unattended && context->hasSchool() && !context->signedIn())
        context->signInAs(QStringLiteral("admin"), QStringLiteral("admin"), true, {});

    // Automatic sync (only does anything once the ledger is enrolled); unattended runs never sync.
    SyncService syncService(*context, SyncService::Options{.autoStart = !unattended, .watchNetwork = !unattended});
    registerBackendTypes(context.get());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(context.get(), &AppContext::languageChanged, &engine, [&](const QString& l) {
        installLanguage(translator, l);
        engine.retranslate();
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Taizhang/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcApp) << "the main window failed to load";
        return 1;
    }

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
