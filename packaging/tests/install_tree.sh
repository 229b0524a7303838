#!/usr/bin/env bash
# `cmake --install` into a fresh prefix gives a working tree: every file where GNUInstallDirs
# says, and the installed programs run from there (the QML module and translations are compiled
# into taizhang-app, so the installed app must load every page with no build tree around).
# Usage: install_tree.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/taizhang-install-XXXXXX)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
# Nothing outside the prefix: the manifest lists only files under it.
if grep -v "^$prefix/" "$build/install_manifest.txt"; then
  echo "FAIL: cmake --install wrote outside the prefix (above)"; exit 1
fi

expect=(
  bin/taizhang bin/taizhang-app bin/taizhang-county
  share/applications/cn.taizhang.Taizhang.desktop
  share/metainfo/cn.taizhang.Taizhang.metainfo.xml
  share/icons/hicolor/scalable/apps/cn.taizhang.Taizhang.svg
  share/icons/hicolor/48x48/apps/cn.taizhang.Taizhang.png
  share/icons/hicolor/256x256/apps/cn.taizhang.Taizhang.png
  share/man/man1/taizhang.1.gz share/man/man1/taizhang-app.1.gz share/man/man1/taizhang-county.1.gz
  lib/systemd/user/taizhang-sync.service lib/systemd/user/taizhang-sync.timer
  lib/systemd/system/taizhang-county.service
  etc/taizhang-county/county.conf
  share/doc/taizhang/copyright share/doc/taizhang/README.md share/doc/taizhang/cli.md
  share/doc/taizhang-county/copyright share/doc/taizhang-county/server.md
  share/doc/taizhang-county/examples/nginx-taizhang-county.conf
)
missing=0
for f in "${expect[@]}"; do
  [ -e "$prefix/$f" ] || { echo "FAIL: $f not installed"; missing=1; }
done
[ "$missing" = 0 ]
file "$prefix/share/icons/hicolor/48x48/apps/cn.taizhang.Taizhang.png" | grep '48 x 48' >/dev/null \
  || { echo "FAIL: the 48x48 icon is not 48x48"; exit 1; }

# The installed programs, from the prefix, with no build tree on PATH.
cd "$work"
export PATH="$prefix/bin:/usr/bin:/bin" QT_QPA_PLATFORM=offscreen
out=$(taizhang --version)
echo "$out" | grep '^taizhang 0\.' >/dev/null || { echo "FAIL: taizhang --version printed: $out"; exit 1; }
taizhang-county --help | grep 'serve' >/dev/null || { echo "FAIL: taizhang-county --help has no serve"; exit 1; }
taizhang --db "$work/school.db" init --demo >/dev/null
taizhang --db "$work/school.db" check >/dev/null || [ $? = 1 ]  # 1 = findings (the demo has some)
# The desktop entry's Exec line, as a menu would start it, in self-test mode.
exec_line=$(sed -n 's/^Exec=//p' "$prefix/share/applications/cn.taizhang.Taizhang.desktop")
$exec_line --self-test --demo --db "$work/app.db" >"$work/app.log" 2>&1 \
  || { cat "$work/app.log"; echo "FAIL: installed taizhang-app --self-test --demo"; exit 1; }
$exec_line --self-test --db "$work/app.db" --lang en >"$work/app-en.log" 2>&1 \
  || { cat "$work/app-en.log"; echo "FAIL: installed taizhang-app --self-test --lang en"; exit 1; }
echo "install tree: ${#expect[@]} files in place; taizhang, taizhang-county and taizhang-app ($exec_line) run from $prefix"
