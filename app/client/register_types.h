#pragma once
// Registers the C++ adapters as the QML module Taizhang.Backend 1.0 (imperatively, so that the
// static QML module in qml/ needs no knowledge of app/ at build time).
namespace taizhang {
class AppContext;
void registerBackendTypes(AppContext* app);
}  // namespace taizhang
