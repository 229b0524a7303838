#!/usr/bin/env bash
# The Windows gate that runs on Linux: every non-Qt source file (core/, sync/, server/, app/cli/)
# must compile with Debian's MinGW-w64 cross compiler, so that a POSIX-only call (unistd.h,
# fcntl.h, termios, pthread_*, iconv, sigwait, ...) cannot creep back outside core/platform/.
# -fsyntax-only: Debian has no MinGW builds of SQLite, libsodium, libcurl or libpq, so there is
# nothing to link against; their headers are platform-neutral and are copied into a private
# include dir (never -I /usr/include, whose glibc headers would hide exactly the calls we look for).
# zlib comes from Debian's libz-mingw-w64-dev. Usage: mingw_syntax_check.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
work=$2
cxx=${MINGW_CXX:-x86_64-w64-mingw32-g++-posix}
command -v "$cxx" >/dev/null || { echo "FAIL: $cxx not found (packaging/install-deps.sh installs g++-mingw-w64-x86-64-posix)"; exit 1; }
[ -f /usr/x86_64-w64-mingw32/include/zlib.h ] || { echo "FAIL: libz-mingw-w64-dev missing"; exit 1; }

inc=$work/include
rm -rf "$inc" && mkdir -p "$inc"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
copy() { for f in "$@"; do [ -e "$f" ] || { echo "FAIL: header $f missing"; exit 1; }; cp -r "$f" "$inc/"; done; }
copy /usr/include/sqlite3.h /usr/include/sodium.h /usr/include/sodium /usr/include/nlohmann /usr/include/httplib.h \
     "/usr/include/$multiarch/curl" /usr/include/postgresql/libpq-fe.h /usr/include/postgresql/postgres_ext.h \
     /usr/include/postgresql/pg_config_ext.h /usr/include/openssl /usr/include/qrencode.h \
     /usr/include/xlsxwriter.h /usr/include/xlsxwriter
# OpenSSL's configuration.h is the x86_64 Linux one: good enough for a syntax check of our code.
cp "/usr/include/$multiarch/openssl/"*.h "$inc/openssl/"
[ -d /usr/include/brotli ] && cp -r /usr/include/brotli "$inc/"

# cpp-httplib is compiled with the features its pkg-config file turns on (OpenSSL, zlib, ...).
read -r -a httplib_defs <<<"$(pkg-config --cflags-only-other cpp-httplib)"
flags=(-std=c++20 "${httplib_defs[@]}" -fsyntax-only -Wall -Wextra -Wno-missing-field-initializers -D_WIN32_WINNT=0x0A00
       -I"$src/core" -I"$src/sync" -I"$src/server" -I"$src/app/cli" -isystem "$inc"
       -DTAIZHANG_VERSION=\"0.0.0\")

# The gate must be able to fail: a POSIX-only header has to be refused by this compiler.
probe=$work/posix_probe.cpp
printf '#include <termios.h>\nint main() { termios t{}; return tcgetattr(0, &t); }\n' >"$probe"
if "$cxx" "${flags[@]}" "$probe" 2>/dev/null; then
  echo "FAIL: $cxx accepted termios.h; it does not target Windows, so this check proves nothing"; exit 1
fi

mapfile -t files < <(cd "$src" && find core sync server app/cli -name '*.cpp' ! -name '*_posix.cpp' | sort)
printf '%s\n' "${files[@]}" | xargs -P "${MINGW_JOBS:-2}" -I{} sh -c \
  'if ! "$0" "$@" "'"$src"'/{}" >"'"$work"'/$(echo {} | tr / _).log" 2>&1; then echo "{}"; fi' \
  "$cxx" "${flags[@]}" >"$work/failed.txt" || true
# Known gaps (tests/windows/known_posix_gaps.txt) must fail, everything else must compile.
gaps=$src/tests/windows/known_posix_gaps.txt
status=0
while read -r f reason; do
  [ -z "$f" ] || [ "${f:0:1}" = "#" ] && continue
  if grep -qx "$f" "$work/failed.txt"; then
    echo "known gap: $f ($reason)"
  else
    echo "FAIL: $f now compiles for Windows: remove it from tests/windows/known_posix_gaps.txt"; status=1
  fi
done <"$gaps"
while read -r f; do
  grep -q "^$f " "$gaps" && continue
  echo "=== $f"; head -20 "$work/$(echo "$f" | tr / _).log"
  echo "FAIL: $f does not compile for Windows (above): move the OS call into core/platform/"; status=1
done <"$work/failed.txt"
[ "$status" = 0 ] || exit 1
echo "mingw: $(( ${#files[@]} - $(wc -l <"$work/failed.txt") )) of ${#files[@]} files of core/, sync/, server/, app/cli/ compile for x86_64-w64-mingw32"
