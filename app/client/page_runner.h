#pragma once
// Drives the loaded UI through every page without a user: the --self-test run (fails on any QML
// warning or error) and the screenshot run (saves each page as PNG).
#include <QString>

class QQmlApplicationEngine;

namespace taizhang {

// Installs a message handler that counts warnings and errors from now on (QML and ours).
void startCountingWarnings();
int warningCount();

// Shows each page named in the root object's `pageNames`; returns the number of problems
// (warnings, missing pages). When screenshotDir is not empty each page is saved there as
// <page>.png after it has rendered.
int runThroughPages(QQmlApplicationEngine& engine, const QString& screenshotDir);

}  // namespace taizhang
