#pragma once
// The journey harness: starts the real client (AppRuntime: Main.qml, the real ledger file, the
// real translators) in a real window, and drives it as a person does: mouse clicks at the centre
// of items found by objectName, keys, text typed key by key (Latin) or pasted (Chinese, as from
// Excel or an input method). Afterwards the test opens the ledger FILE and checks the rows.
//
// Any warning from Qt or QML during a journey fails it (our own taizhang.* log lines do not).
// Waits are for a condition (waitFor / item), never a fixed time.
//
//   class MyJourney : public taizhang::testing::Journey {};
//   TEST_F(MyJourney, GIVEN_..._WHEN_..._THEN_...) {
//       startDemo();                   // or start() on an empty ledger (the wizard)
//       signIn("admin", "demo1234");
//       goTo("homework");
//       fill("minutes0", "20");
//       click("saveButton");
//       auto db = openLedger();        // then SQL over records / audit
//   }
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QVariant>

#include "app_runtime.h"
#include "database.h"
#include "temp_dir.h"

namespace taizhang::testing {

class Journey : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // The journeys' pinned day: Friday 2026-11-20, a school day inside the demo term.
    static Date journeyDay() { return Date{2026, 11, 20}; }

    // Starts the app on ledgerPath(); language "" = the saved one. Fails the test if it cannot.
    void start(const QString& language = {}, bool demo = false);
    void startDemo(const QString& language = {}) { start(language, true); }
    // Closes the window and the ledger, as quitting the program does.
    void stop();
    void restart(const QString& language = {}) { stop(); start(language); }

    const std::string& ledgerPath() const { return ledger_; }
    QQuickWindow* window() const;
    AppContext& app();

    // The item (or any QObject, e.g. a Dialog) with this objectName, waiting until it exists and
    // is visible; fails the test (and returns nullptr) after timeoutMs.
    QQuickItem* item(const QString& objectName, int timeoutMs = 5000);
    QObject* object(const QString& objectName, int timeoutMs = 5000);
    // Whether a visible item with this objectName exists right now.
    bool showing(const QString& objectName);
    // Every visible item that is an instance of `className` (e.g. "QQuickLabel") under the window.
    std::vector<QQuickItem*> visibleItems(const char* className);
    // Processes events until cond() holds; false after timeoutMs.
    bool waitFor(const std::function<bool()>& cond, int timeoutMs = 5000);

    // A left click at the centre of the item (which must be visible, enabled and on screen).
    void click(QQuickItem* target);
    void click(const QString& objectName) { click(item(objectName)); }
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Types into the focused item: Latin text key by key; other text (Chinese) pasted with Ctrl+V.
    void type(const QString& text);
    void paste(const QString& text);
    // Clicks a text field (its text is then selected, as the app does on focus) and types.
    void fill(const QString& objectName, const QString& text);
    // Opens a ComboBox with a click and picks the entry with this text with Down/Up and Enter.
    void choose(const QString& comboObjectName, const QString& text);
    void choose(QQuickItem* combo, const QString& text);

    // Common steps.
    void signIn(const QString& user, const QString& password);
    void goTo(const QString& page);  // the navigation entry "nav_<page>"

    // A second connection to the ledger file, for checks.
    Database openLedger() const;
    std::int64_t count(const std::string& sql) const;  // SELECT count(*) ...
    std::vector<std::string> column(const std::string& sql) const;

    TempDir dir;

private:
    std::string ledger_;
    std::unique_ptr<AppRuntime> runtime_;
};

// Qt and QML warnings seen since the last call (taizhang.* log categories are not counted).
std::vector<std::string> takeJourneyWarnings();

}  // namespace taizhang::testing
