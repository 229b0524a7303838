#include "journey_fixture.h"

#include <mutex>
#include <set>

#include <QClipboard>
#include <QGuiApplication>
#include <QSettings>
#include <QTest>

#include "app_context.h"

namespace taizhang::testing {

namespace {

std::mutex g_mutex;
std::vector<std::string> g_warnings;
QtMessageHandler g_previous = nullptr;

void journeyHandler(QtMsgType type, const QMessageLogContext& ctx, const QString& msg)
{
    const QString category = QString::fromLatin1(ctx.category ? ctx.category : "default");
    const bool ours = category.startsWith(QLatin1String("taizhang"));
    if (!ours && (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)) {
        std::lock_guard lock(g_mutex);
        g_warnings.push_back((category + ": " + msg).toStdString());
    }
    if (g_previous) g_previous(type, ctx, msg);
}

bool onScreen(QQuickItem* i)
{
    if (!i || !i->isVisible() || !i->window()) return false;
    for (QQuickItem* p = i; p; p = p->parentItem())
        if (p->opacity() <= 0) return false;
    return true;
}

// Every QObject reachable from the window through QObject children and visual children
// (Loader, Repeater and popup items are reached one way or the other).
void collect(QObject* root, std::vector<QObject*>& out, std::set<QObject*>& seen)
{
    if (!root || !seen.insert(root).second) return;
    out.push_back(root);
    for (QObject* c : root->children()) collect(c, out, seen);
    if (auto* item = qobject_cast<QQuickItem*>(root))
        for (QQuickItem* c : item->childItems()) collect(c, out, seen);
}

}  // namespace

std::vector<std::string> takeJourneyWarnings()
{
    std::lock_guard lock(g_mutex);
    return std::exchange(g_warnings, {});
}

void Journey::SetUp()
{
    ledger_ = dir.file("ledger.db");
    // Per-test user settings (the saved language), never the developer's own.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, QString::fromStdString(dir.file("config")));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QString::fromStdString(dir.file("config")));
    QSettings().clear();
    takeJourneyWarnings();
    if (!g_previous) g_previous = qInstallMessageHandler(journeyHandler);
}

void Journey::TearDown()
{
    stop();
    const auto warnings = takeJourneyWarnings();
    std::string all;
    for (const auto& w : warnings) all += "\n  " + w;
    EXPECT_TRUE(warnings.empty()) << "Qt/QML warnings during the journey:" << all;
}

void Journey::start(const QString& language, bool demo)
{
    ASSERT_FALSE(runtime_) << "already started";
    runtime_ = std::make_unique<AppRuntime>();
    AppOptions options;
    options.dbPath = QString::fromStdString(ledger_);
    options.language = language;
    options.today = journeyDay();
    options.demo = demo;
    ASSERT_TRUE(runtime_->start(options)) << runtime_->error().toStdString();
    QQuickWindow* w = window();
    ASSERT_NE(w, nullptr);
    w->show();
    w->requestActivate();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w));
    ASSERT_TRUE(QTest::qWaitForWindowActive(w));
}

void Journey::stop()
{
    if (!runtime_) return;
    if (QQuickWindow* w = window()) w->close();
    runtime_.reset();
    // Deferred deletes of the closed window's objects, before the next start.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

QQuickWindow* Journey::window() const { return runtime_ ? runtime_->window() : nullptr; }

AppContext& Journey::app() { return runtime_->context(); }

bool Journey::waitFor(const std::function<bool()>& cond, int timeoutMs)
{
    return QTest::qWaitFor(cond, timeoutMs);
}

QObject* Journey::object(const QString& objectName, int timeoutMs)
{
    QObject* found = nullptr;
    waitFor([&] {
        std::vector<QObject*> all;
        std::set<QObject*> seen;
        collect(window(), all, seen);
        if (window()) collect(window()->contentItem(), all, seen);
        for (QObject* o : all) {
            if (o->objectName() != objectName) continue;
            auto* i = qobject_cast<QQuickItem*>(o);
            if (i && !onScreen(i)) continue;
            found = o;
            return true;
        }
        return false;
    }, timeoutMs);
    EXPECT_NE(found, nullptr) << "no visible item named " << objectName.toStdString();
    return found;
}

QQuickItem* Journey::item(const QString& objectName, int timeoutMs)
{
    auto* i = qobject_cast<QQuickItem*>(object(objectName, timeoutMs));
    return i;
}

bool Journey::showing(const QString& objectName)
{
    std::vector<QObject*> all;
    std::set<QObject*> seen;
    collect(window(), all, seen);
    if (window()) collect(window()->contentItem(), all, seen);
    for (QObject* o : all)
        if (o->objectName() == objectName) {
            auto* i = qobject_cast<QQuickItem*>(o);
            if (!i || onScreen(i)) return true;
        }
    return false;
}

std::vector<QQuickItem*> Journey::visibleItems(const char* className)
{
    std::vector<QObject*> all;
    std::set<QObject*> seen;
    collect(window(), all, seen);
    if (window()) collect(window()->contentItem(), all, seen);
    std::vector<QQuickItem*> out;
    for (QObject* o : all)
        if (auto* i = qobject_cast<QQuickItem*>(o); i && o->inherits(className) && onScreen(i)) out.push_back(i);
    return out;
}

void Journey::click(QQuickItem* target)
{
    ASSERT_NE(target, nullptr);
    ASSERT_TRUE(onScreen(target)) << target->objectName().toStdString() << " is not visible";
    ASSERT_TRUE(target->isEnabled()) << target->objectName().toStdString() << " is disabled";
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    const QRectF inside(QPointF(0, 0), QSizeF(window()->size()));
    ASSERT_TRUE(inside.contains(centre)) << target->objectName().toStdString() << " is outside the window";
    QTest::mouseClick(window(), Qt::LeftButton, Qt::NoModifier, centre.toPoint());
}

void Journey::key(int k, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(window(), static_cast<Qt::Key>(k), modifiers);
}

void Journey::paste(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    QTest::keyClick(window(), Qt::Key_V, Qt::ControlModifier);
}

void Journey::type(const QString& text)
{
    QString foreign;
    auto flush = [&] {
        if (!foreign.isEmpty()) paste(std::exchange(foreign, {}));
    };
    for (QChar c : text) {
        if (c.unicode() >= 128) {
            foreign += c;
            continue;
        }
        flush();
        if (c == '\n') QTest::keyClick(window(), Qt::Key_Return);
        else QTest::keyClick(window(), c.toLatin1());
    }
    flush();
}

void Journey::fill(const QString& objectName, const QString& text)
{
    QQuickItem* field = item(objectName);
    ASSERT_NE(field, nullptr);
    auto focused = [&] {
        QQuickItem* f = window()->activeFocusItem();
        return f && (f == field || field->isAncestorOf(f));
    };
    const QString before = field->property("text").toString();
    if (focused()) {
        // Already in the field (a dialog put the cursor there): select what is there, as a user
        // would, with Ctrl+A.
        key(Qt::Key_A, Qt::ControlModifier);
    } else {
        click(field);
        ASSERT_TRUE(waitFor(focused)) << objectName.toStdString() << " did not take the focus";
        // The app selects a field's text when it gets the focus (typing 30 into "30" gives 30,
        // not 3030); wait for that, then type over it.
        if (!before.isEmpty() && field->property("selectedText").isValid()) {
            ASSERT_TRUE(waitFor([&] { return field->property("selectedText").toString() == before; }))
                << objectName.toStdString() << ": its text was not selected on focus";
        }
    }
    type(text);
    ASSERT_TRUE(waitFor([&] { return field->property("text").toString() == text; }))
        << objectName.toStdString() << " holds \"" << field->property("text").toString().toStdString() << "\"";
}

void Journey::choose(const QString& comboObjectName, const QString& text) { choose(item(comboObjectName), text); }

void Journey::choose(QQuickItem* combo, const QString& text)
{
    ASSERT_NE(combo, nullptr);
    int target = -1;
    QMetaObject::invokeMethod(combo, "find", Q_RETURN_ARG(int, target), Q_ARG(QString, text));
    ASSERT_GE(target, 0) << "no entry \"" << text.toStdString() << "\" in " << combo->objectName().toStdString();
    click(combo);
    QObject* popup = combo->property("popup").value<QObject*>();
    ASSERT_TRUE(waitFor([&] { return popup && popup->property("opened").toBool(); })) << "the list did not open";
    for (int guard = 0; guard < 200; ++guard) {
        const int at = combo->property("highlightedIndex").toInt();
        if (at == target) break;
        key(at < target ? Qt::Key_Down : Qt::Key_Up);
    }
    key(Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return combo->property("currentIndex").toInt() == target && !popup->property("visible").toBool(); }))
        << "could not choose \"" << text.toStdString() << "\"";
}

void Journey::signIn(const QString& user, const QString& password)
{
    QQuickItem* users = item("userBox");
    ASSERT_NE(users, nullptr);
    int index = -1;
    // The list shows display names; find the account's row by its user name.
    const QVariantList accounts = app().userList();
    for (int i = 0; i < accounts.size(); ++i)
        if (accounts[i].toMap().value("username").toString() == user) index = i;
    ASSERT_GE(index, 0) << "no account " << user.toStdString();
    QString shown;
    QMetaObject::invokeMethod(users, "textAt", Q_RETURN_ARG(QString, shown), Q_ARG(int, index));
    choose(users, shown);
    fill("password", password);
    key(Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return app().signedIn(); })) << "sign-in as " << user.toStdString() << " failed";
}

void Journey::goTo(const QString& page)
{
    QQuickItem* entry = item("nav_" + page);
    ASSERT_NE(entry, nullptr);
    click(entry);
    ASSERT_TRUE(waitFor([&] { return entry->property("highlighted").toBool(); })) << "page " << page.toStdString();
}

Database Journey::openLedger() const { return Database::open(ledger_, OpenOptions{.create = false}); }

std::int64_t Journey::count(const std::string& sql) const
{
    Database db = openLedger();
    auto s = db.prepare(sql);
    return s.step() ? s.int64(0) : -1;
}

std::vector<std::string> Journey::column(const std::string& sql) const
{
    Database db = openLedger();
    auto s = db.prepare(sql);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.isNull(0) ? std::string() : s.text(0));
    return out;
}

}  // namespace taizhang::testing
