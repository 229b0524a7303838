// The journeys run in one QGuiApplication with the app's look (Fusion, Noto Sans CJK), as
// taizhang-app does; each test starts and stops its own AppRuntime.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

#include "app_runtime.h"

Q_IMPORT_QML_PLUGIN(TaizhangPlugin)

int main(int argc, char** argv)
{
    // Offscreen unless a display was chosen (QT_QPA_PLATFORM=xcb under Xvfb to watch one).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("taizhang-journeys"));
    QGuiApplication::setApplicationName(QStringLiteral("taizhang"));
    taizhang::AppRuntime::setUpLook();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
