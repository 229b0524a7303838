#include "page_runner.h"

#include <atomic>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QEventLoop>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include "logging.h"

namespace taizhang {

namespace {
std::atomic<int> g_warnings{0};
QtMessageHandler g_previous = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext& ctx, const QString& msg)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) ++g_warnings;
    if (g_previous) g_previous(type, ctx, msg);
}

// Waits until the window has rendered and shown a frame of what is on it now (the page just
// selected), then handles what that frame queued (model loads, deferred bindings), so that every
// warning the page causes is counted for it. A frame, not a fixed time: as fast as the machine
// allows and never too early under load. False if no frame came within 20 s.
bool waitForNextFrame(QQuickWindow* window)
{
    if (!window) return true;
    QEventLoop loop;
    bool swapped = false;
    const auto connection = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        swapped = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    window->update();  // a frame even when nothing changed (the page already shown)
    loop.exec();
    QObject::disconnect(connection);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return swapped;
}
}  // namespace

// Resident set size of this process in MiB (Linux /proc; 0 elsewhere), logged per page so the
// benchmark can read memory after each page is opened.
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

void startCountingWarnings() { g_previous = qInstallMessageHandler(countingHandler); }
int warningCount() { return g_warnings.load(); }

int runThroughPages(QQmlApplicationEngine& engine, const QString& screenshotDir)
{
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcUi) << "self-test: the main window did not load";
        return 1;
    }
    QObject* root = engine.rootObjects().first();
    auto* window = qobject_cast<QQuickWindow*>(root);
    const QStringList pages = root->property("pageNames").toStringList();
    if (pages.isEmpty()) {
        qCCritical(lcUi) << "self-test: the main window lists no pages";
        return 1;
    }
    if (!screenshotDir.isEmpty()) QDir().mkpath(screenshotDir);
    int problems = 0;
    if (!waitForNextFrame(window)) {
        qCCritical(lcUi) << "self-test: the window never rendered";
        return problems + 1;
    }
    for (const QString& page : pages) {
        const int before = warningCount();
        QVariant ok;
        QMetaObject::invokeMethod(root, "showPage", Q_RETURN_ARG(QVariant, ok), Q_ARG(QVariant, page));
        if (!waitForNextFrame(window)) {
            qCCritical(lcUi) << "self-test: page" << page << "never rendered";
            ++problems;
        }
        if (!ok.toBool()) {
            qCCritical(lcUi) << "self-test: page" << page << "did not load";
            ++problems;
        }
        const int added = warningCount() - before;
        qCInfo(lcUi).nospace() << "page " << page << (added == 0 ? " ok" : " produced warnings: ") << added
                               << " rss_mib=" << QString::number(residentMiB(), 'f', 1);
        problems += added;
        if (!screenshotDir.isEmpty() && window) {
            const QString file = QDir(screenshotDir).filePath(page + QStringLiteral(".png"));
            if (!window->grabWindow().save(file)) {
                qCCritical(lcUi) << "could not save" << file;
                ++problems;
            }
        }
    }
    return problems;
}

}  // namespace taizhang
