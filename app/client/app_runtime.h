#pragma once
// One running instance of the client: the staged restore applied, the ledger opened, the
// language chosen (command line, else the one saved at the last run), the backend registered and
// Main.qml loaded into its window. main() runs one; the journey tests (tests/journey/) start one,
// drive its window with real key and mouse events, destroy it and start it again on the same
// file to check what survives a restart.
#include <functional>
#include <memory>
#include <optional>

#include <QString>
#include <QTranslator>

#include "clock.h"
#include "date.h"

class QQmlApplicationEngine;
class QQuickWindow;

namespace taizhang {

class AppContext;
class SyncService;

struct AppOptions {
    QString dbPath;
    QString language;          // "zh_CN" | "en"; empty: the language saved by the last run
    std::optional<Date> today; // pretend today is this date (tests, screenshots)
    bool demo = false;         // create the demo school when the ledger holds none
    int demoClasses = 15;
    int demoYears = 1;
    bool autoSync = true;      // sync by itself once enrolled (off for self-test, screenshots)
};

class AppRuntime {
public:
    AppRuntime();
    ~AppRuntime();
    AppRuntime(const AppRuntime&) = delete;
    AppRuntime& operator=(const AppRuntime&) = delete;

    // Returns false with error() set when the ledger cannot be opened or the window not loaded.
    // beforeLoad runs once the ledger is open, before Main.qml loads (unattended sign-in).
    bool start(const AppOptions& options, const std::function<void(AppContext&)>& beforeLoad = {});
    const QString& error() const { return error_; }

    AppContext& context() { return *context_; }
    QQmlApplicationEngine& engine() { return *engine_; }
    QQuickWindow* window() const;

    // Style and font of the client; before the first window (main() and the journey tests).
    static void setUpLook();
    // The language saved by the last run (QSettings "ui/language"), "zh_CN" when none.
    static QString savedLanguage();

private:
    void installLanguage(const QString& lang);

    std::unique_ptr<ManualClock> fixedClock_;
    std::unique_ptr<AppContext> context_;
    std::unique_ptr<SyncService> sync_;
    std::unique_ptr<QQmlApplicationEngine> engine_;
    QTranslator appTranslator_;
    QTranslator qtTranslator_;   // Qt's own strings (dialog buttons, file dialogs)
    QTranslator quickTranslator_;
    QString error_;
};

}  // namespace taizhang
