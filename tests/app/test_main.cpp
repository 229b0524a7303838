// GoogleTest main for the Qt client's adapter tests: the QGuiApplication must exist before any
// QObject model is built (offscreen platform, so no display is needed).
#include <gtest/gtest.h>

#include <QGuiApplication>

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
