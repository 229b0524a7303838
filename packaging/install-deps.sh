#!/usr/bin/env bash
# Installs the exact Debian bookworm packages that building, running and testing taizhang need.
# Idempotent and fast when everything is present: apt-get runs only for what is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git
  libsqlite3-dev sqlite3 libsodium-dev libcurl4-openssl-dev zlib1g-dev libssl-dev
  nlohmann-json3-dev libcpp-httplib-dev libpq-dev postgresql
  # county console: QR codes on the enrollment sheet; XLSX exports (and openpyxl to read them back in tests)
  libqrencode-dev libxlsxwriter-dev python3-openpyxl
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml
  qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtquick-dialogs
  qml6-module-qt-labs-settings qml6-module-qtquick-dialogs
  # QtQuick.Dialogs' own FileDialog (every file dialog of the app) imports Qt.labs.folderlistmodel;
  # Qt's Chinese catalogues translate the dialogs' buttons (确定/取消 instead of OK/Cancel).
  qml6-module-qt-labs-folderlistmodel qt6-translations-l10n
  libgl-dev libxkbcommon-dev xvfb xauth fonts-noto-cjk
  iproute2 curl nginx-light python3
  chromium chromium-driver python3-selenium
  # QML modules loaded through other modules (packaging/tests/qml_depends.py derives the list)
  qml6-module-qtqml-models qml6-module-qtquick-shapes qml6-module-qt-labs-folderlistmodel qt6-qpa-plugins
  # packaging: .deb checks (ctest -L packaging) and the clean-root install test (-L install)
  dpkg-dev lintian desktop-file-utils appstream help2man librsvg2-bin file systemd debootstrap systemd-container
  # Windows gate: the non-Qt layers compile with MinGW-w64 (ctest windows_mingw_syntax)
  g++-mingw-w64-x86-64-posix libz-mingw-w64-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "install-deps: all build and test packages present"
