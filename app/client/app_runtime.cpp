#include "app_runtime.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSettings>

#include "app_context.h"
#include "demo_school.h"
#include "logging.h"
#include "qt_convert.h"
#include "register_types.h"
#include "sync_service.h"
#include "ledger_backup.h"

namespace taizhang {

namespace {
const char* const kLanguageKey = "ui/language";
}  // namespace

AppRuntime::AppRuntime() = default;

AppRuntime::~AppRuntime()
{
    // The window and its pages go before the ledger they read.
    engine_.reset();
    sync_.reset();
    for (QTranslator* t : {&appTranslator_, &qtTranslator_, &quickTranslator_}) QCoreApplication::removeTranslator(t);
    context_.reset();
}

void AppRuntime::setUpLook()
{
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSize(10);
    QGuiApplication::setFont(font);
}

QString AppRuntime::savedLanguage()
{
    const QString lang = QSettings().value(kLanguageKey).toString();
    return lang == QLatin1String("en") ? lang : QStringLiteral("zh_CN");
}

void AppRuntime::installLanguage(const QString& lang)
{
    for (QTranslator* t : {&appTranslator_, &qtTranslator_, &quickTranslator_}) QCoreApplication::removeTranslator(t);
    // Source strings are Chinese, so zh_CN needs no catalogue of ours, but Qt's own dialog
    // buttons (Yes/No, Open, Cancel) are English unless Qt's Chinese catalogues are loaded.
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (lang == QLatin1String("en")) {
        if (appTranslator_.load(QStringLiteral(":/i18n/taizhang_en.qm"))) QCoreApplication::installTranslator(&appTranslator_);
    } else {
        if (qtTranslator_.load(QStringLiteral("qtbase_zh_CN"), qtDir)) QCoreApplication::installTranslator(&qtTranslator_);
        else qCWarning(lcApp) << "Qt's Chinese catalogue not found in" << qtDir << "(install qt6-translations-l10n)";
        if (quickTranslator_.load(QStringLiteral("qtdeclarative_zh_CN"), qtDir))
            QCoreApplication::installTranslator(&quickTranslator_);
    }
}

bool AppRuntime::start(const AppOptions& options, const std::function<void(AppContext&)>& beforeLoad)
{
    // A restore the last run staged or was killed in the middle of is finished first.
    const RestoreResult restored = applyRestore(ss(options.dbPath));
    if (!restored.ok) qCWarning(lcApp) << "staged restore not applied:" << restored.problem.c_str();
    else if (!restored.nothingToDo) qCInfo(lcApp) << "finished a staged restore of" << options.dbPath;

    if (options.today) fixedClock_ = std::make_unique<ManualClock>(unixMillisAt(*options.today, 19));
    try {
        const Clock& clock = fixedClock_ ? static_cast<const Clock&>(*fixedClock_) : SystemClock::instance();
        context_ = std::make_unique<AppContext>(ss(options.dbPath), clock);
    } catch (const std::exception& e) {
        error_ = QStringLiteral("cannot open the ledger %1: %2").arg(options.dbPath, QString::fromUtf8(e.what()));
        return false;
    }
    const QString lang = options.language.isEmpty() ? savedLanguage() : options.language;
    installLanguage(lang);
    context_->setLanguage(lang);
    if (options.demo && !ensureDemoSchool(*context_, options.demoClasses, options.demoYears)) {
        error_ = QStringLiteral("could not create the demo school");
        return false;
    }

    if (beforeLoad) beforeLoad(*context_);
    // Automatic sync (only does anything once the ledger is enrolled).
    sync_ = std::make_unique<SyncService>(
        *context_, SyncService::Options{.autoStart = options.autoSync, .watchNetwork = options.autoSync});
    registerBackendTypes(context_.get());
    engine_ = std::make_unique<QQmlApplicationEngine>();
    engine_->addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(context_.get(), &AppContext::languageChanged, engine_.get(), [this](const QString& l) {
        installLanguage(l);
        // Remembered for the next start (per user, like any desktop preference).
        QSettings().setValue(kLanguageKey, l);
        engine_->retranslate();
    });
    engine_->load(QUrl(QStringLiteral("qrc:/qt/qml/Taizhang/Main.qml")));
    if (engine_->rootObjects().isEmpty()) {
        error_ = QStringLiteral("the main window failed to load");
        return false;
    }
    return true;
}

QQuickWindow* AppRuntime::window() const
{
    return engine_ && !engine_->rootObjects().isEmpty() ? qobject_cast<QQuickWindow*>(engine_->rootObjects().first())
                                                        : nullptr;
}

}  // namespace taizhang
