// Journey (issue 8): a school administrator enrolls the computer from the real window, the ledger
// syncs by itself, the county refuses one record (over the county's per-record size limit), the
// 同步 page shows it with the county's reason in Chinese, the administrator opens it, shortens the
// text in the homework page and saves, and the county ends up holding it exactly once. Real
// Main.qml on a real ledger file, real mouse/key/input-method events, the real county server on
// loopback; the checks read the ledger and the county's database. A QML warning fails it.
#include <gtest/gtest.h>

#include <functional>

#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include "app_context.h"
#include "county_fixture.h"
#include "demo_data.h"
#include "outbox.h"
#include "qt_convert.h"
#include "register_types.h"
#include "sync_service.h"
#include "sync_state.h"
#include "temp_dir.h"

Q_IMPORT_QML_PLUGIN(TaizhangPlugin)

namespace taizhang::testing {
namespace {

QStringList g_qmlWarnings;

void recordWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const bool qml = QString::fromUtf8(context.file ? context.file : "").contains(QLatin1String(".qml")) ||
                     message.contains(QLatin1String(".qml")) || message.contains(QLatin1String("QML"));
    if (type != QtDebugMsg && type != QtInfoMsg && qml) g_qmlWarnings << message;
    fprintf(stderr, "%s\n", qPrintable(message));
}

// The visual tree, depth first (pages, list delegates and loaders included).
QQuickItem* findItem(QQuickItem* root, const std::function<bool(QQuickItem*)>& match)
{
    if (!root) return nullptr;
    if (match(root)) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* hit = findItem(child, match)) return hit;
    return nullptr;
}

bool shown(QQuickItem* item)
{
    for (QQuickItem* i = item; i; i = i->parentItem())
        if (!i->isVisible() || i->opacity() == 0) return false;
    return item->width() > 0 && item->height() > 0;
}

class SyncJourney : public ::testing::Test {
protected:
    void SetUp() override
    {
        g_qmlWarnings.clear();
        qInstallMessageHandler(recordWarnings);
        // The school's ledger: the demo school, and an entry typed earlier with a whole worksheet
        // pasted into its content (valid here, over the county's limit).
        clock = std::make_unique<ManualClock>(unixMillisAt(Date{2026, 11, 20}, 19));
        app = std::make_unique<AppContext>(dir.file("ledger.db"), *clock);
        DemoOptions options;
        options.classes = 12;
        options.today = Date{2026, 11, 20};
        demo = createDemoSchool(app->db(), *clock, options);
        app->reloadProfile();
        app->signInAs("admin", "admin", true, {});
        // The county, as a bureau would run it, has a small per-record limit (below).
        for (int i = 0; i < 70; ++i) worksheet += QStringLiteral("阅读课文第三单元并摘抄好词好句");
        bigId = saveLongHomework();
        county.addSchool(school().code, school().name);
        county.start({"--max-record-bytes", "2048"});
        enrollmentCode = county.issueCode(school().code);

        SyncService::Options syncOptions;
        syncOptions.timings.debounceMillis = 200;
        syncOptions.watchNetwork = false;
        sync = std::make_unique<SyncService>(*app, syncOptions);
        registerBackendTypes(app.get());
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Taizhang/Main.qml")));
        ASSERT_FALSE(engine->rootObjects().isEmpty());
        window = qobject_cast<QQuickWindow*>(engine->rootObjects().first());
        ASSERT_TRUE(window);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    }

    void TearDown() override
    {
        engine.reset();
        sync.reset();
        qInstallMessageHandler(nullptr);
        EXPECT_TRUE(g_qmlWarnings.isEmpty()) << qPrintable(g_qmlWarnings.join('\n'));
    }

    const SchoolProfile& school() const { return demo.school; }

    std::string saveLongHomework()
    {
        Homework h;
        h.classId = demo.classIds.at("四年级1班");
        h.date = Date{2026, 11, 20};
        std::set<std::string> used;
        for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = h.date, .to = h.date,
                                                            .classId = h.classId}))
            used.insert(bodyAs<Homework>(r).subject);
        for (const auto& s : app->subjectsOfClass(*app->findClass(h.classId)))
            if (!used.count(s)) {
                h.subject = s;
                break;
            }
        h.minutes = 15;
        h.written = false;
        h.content = ss(worksheet);
        Json body = h;
        auto r = app->ledger().save(Kind::Homework, body, app->change());
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        app->notifyDataChanged();
        return r.record->meta.id;
    }

    QQuickItem* byName(const QString& name)
    {
        return findItem(window->contentItem(), [&](QQuickItem* i) { return i->objectName() == name && shown(i); });
    }

    QQuickItem* navItem(const QString& title)
    {
        return findItem(window->contentItem(), [&](QQuickItem* i) {
            return QByteArray(i->metaObject()->className()).contains("ItemDelegate") &&
                   i->property("text").toString() == title && shown(i);
        });
    }

    void click(QQuickItem* item)
    {
        ASSERT_TRUE(item);
        const QPointF p = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, p.toPoint());
    }

    // Latin text through the keyboard.
    void typeInto(QQuickItem* field, const QString& text)
    {
        click(field);
        ASSERT_TRUE(field->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
        for (const QChar c : text) QTest::keyClick(window, c.toLatin1());
    }

    // Chinese arrives from the input method as committed text, as pinyin input delivers it.
    void commitChinese(const QString& text)
    {
        QInputMethodEvent event;
        event.setCommitString(text);
        QGuiApplication::sendEvent(window->focusObject(), &event);
    }

    bool waitFor(const std::function<bool()>& done, int timeoutMs = 60'000)
    {
        return QTest::qWaitFor(done, timeoutMs);
    }

    TempDir dir;
    CountyServer county{dir};
    std::string enrollmentCode;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<AppContext> app;
    DemoSummary demo;
    QString worksheet;
    std::string bigId;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow* window = nullptr;
};

TEST_F(SyncJourney, GIVEN_a_new_computer_WHEN_enrolled_from_settings_and_the_county_refuses_one_record_THEN_the_user_fixes_it_in_the_window_and_the_county_holds_it_once)
{
    // Settings: server address and the bureau's code, then 注册.
    click(navItem(QStringLiteral("设置")));
    QQuickItem* server = nullptr;
    ASSERT_TRUE(waitFor([&] { return (server = byName("serverField")) != nullptr; }, 5'000));
    typeInto(server, QString::fromStdString(county.url()));
    typeInto(byName("codeField"), QString::fromStdString(enrollmentCode));
    click(byName("enrollButton"));
    ASSERT_TRUE(waitFor([&] { return loadSyncSettings(app->db()).enrolled(); }))
        << qPrintable(byName("settingsStatus")->property("text").toString());
    EXPECT_TRUE(waitFor([&] {
        return byName("settingsStatus")->property("text").toString().startsWith(QStringLiteral("注册成功"));
    }, 5'000)) << qPrintable(byName("settingsStatus")->property("text").toString());

    // Nobody presses 立即同步: the first pass follows enrollment by itself.
    ASSERT_TRUE(waitFor([&] { return sync->state() != "off" && !sync->busy() && sync->unsentCount() == 0; }))
        << qPrintable(sync->headline());
    EXPECT_EQ(sync->refusedCount(), 1);
    const QString settingsHeadline = byName("syncHeadline")->property("text").toString();
    EXPECT_EQ(settingsHeadline, QStringLiteral("其余已发送，1 条被区县退回，需要处理"));
    EXPECT_FALSE(settingsHeadline.contains(QStringLiteral("全部")));
    EXPECT_TRUE(byName("syncResult")->property("text").toString().contains(QStringLiteral("1 条被区县退回")))
        << qPrintable(byName("syncResult")->property("text").toString());
    EXPECT_EQ(county.records(school().code).count(bigId), 0u);

    // The 同步 page lists it in human terms with the county's reason in Chinese.
    click(navItem(QStringLiteral("同步")));
    QQuickItem* reason = nullptr;
    ASSERT_TRUE(waitFor([&] { return (reason = byName("refusedReason0")) != nullptr; }, 5'000));
    const QString title = byName("refusedTitle0")->property("text").toString();
    EXPECT_TRUE(title.contains(QStringLiteral("四年级1班")) && title.contains(QStringLiteral("2026-11-20"))) << qPrintable(title);
    EXPECT_EQ(reason->property("text").toString(),
              QStringLiteral("原因：这条记录太大，超过了区县服务器规定的每条 2.0 KB，区县没有接收。"));
    EXPECT_FALSE(byName("refusedDismiss0")) << "a refused record the county never got cannot be dismissed";

    // 打开修改 -> the homework page at that class and day; shorten the text and press Enter.
    click(byName("refusedOpen0"));
    QQuickItem* content = nullptr;
    ASSERT_TRUE(waitFor([&] {
        content = findItem(window->contentItem(), [&](QQuickItem* i) {
            return i->objectName().startsWith(QLatin1String("content")) && i->property("text").toString() == worksheet &&
                   shown(i);
        });
        return content != nullptr;
    }, 5'000));
    click(content);
    QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
    commitChinese(QStringLiteral("阅读课文第三单元"));
    ASSERT_EQ(content->property("text").toString(), QStringLiteral("阅读课文第三单元"));
    QTest::keyClick(window, Qt::Key_Return);

    // The ledger holds the fix as version 2; the next automatic pass delivers it.
    ASSERT_TRUE(waitFor([&] {
        auto r = app->store().find(bigId);
        return r && r->meta.version == 2;
    }, 5'000)) << "the edit was not saved";
    ASSERT_TRUE(waitFor([&] { return sync->refusedCount() == 0 && sync->unsentCount() == 0 && !sync->busy(); }))
        << qPrintable(sync->headline());
    EXPECT_EQ(sync->headline(), QStringLiteral("已全部发送"));

    // Back on the 同步 page the list is empty.
    click(navItem(QStringLiteral("同步")));
    EXPECT_TRUE(waitFor([&] { return byName("refusedCard0") == nullptr; }, 5'000));

    // The county holds the record exactly once, the fixed version.
    EXPECT_EQ(county.records(school().code).count(bigId), 1u);
    EXPECT_EQ(county.records(school().code).at(bigId), 2);
    EXPECT_NE(county.recordJsons(school().code).at(bigId).find("阅读课文第三单元\""), std::string::npos);
    EXPECT_EQ(Outbox(app->db(), *clock).status().openDeadLetters, 0);
}

}  // namespace
}  // namespace taizhang::testing

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
