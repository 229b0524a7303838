#include "page_runner.h"

#include <atomic>

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

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
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
    settle(300);
    for (const QString& page : pages) {
        const int before = warningCount();
        QVariant ok;
        QMetaObject::invokeMethod(root, "showPage", Q_RETURN_ARG(QVariant, ok), Q_ARG(QVariant, page));
        settle(screenshotDir.isEmpty() ? 150 : 600);
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
