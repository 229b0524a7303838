#!/usr/bin/env bash
# Install test: the built .debs in a clean Debian root (debootstrap --variant=minbase), as a
# county and a school would use them:
#   1. apt installs taizhang-county and taizhang with their dependencies from the machine's own
#      Debian mirror (--no-install-recommends, so a missing Depends fails here);
#   2. the county service is started as systemd would start it: its unit's ExecStart, with the
#      unit's EnvironmentFile, as its User, in its StateDirectory with its UMask (there is no
#      systemd inside a chroot);
#   3. a teacher account creates the demo school, enrols it, and the user unit
#      taizhang-sync.service's ExecCondition and ExecStart run as the timer would run them;
#      the county's report then holds the school's records;
#   4. the desktop entry's Exec line starts the installed client (offscreen, --self-test);
#   5. SIGTERM stops the server cleanly; apt removes, then purges, both packages.
# The mirror comes from /etc/apt (debian_mirror.sh): no host name is written here. The base root
# is cached as a tarball outside the repository ($TAIZHANG_CHROOT_CACHE, default
# /var/cache/taizhang-ci) together with apt's downloaded packages, so repeated runs are fast.
# Usage: install_chroot.sh SOURCE_DIR PACKAGES_DIR     (root only: debootstrap, chroot, mount)
set -euo pipefail
SECONDS=0
src=$(cd "$1" && pwd)
debs=$(cd "$2" && pwd)
fail() { echo "FAIL: $*"; exit 1; }
phase() { echo "[${SECONDS}s] $*"; }
[ "$(id -u)" = 0 ] || fail "the install test needs root (debootstrap, chroot, mount); CI runs as root"
for tool in debootstrap chroot mount python3; do command -v "$tool" >/dev/null || fail "$tool missing (packaging/install-deps.sh)"; done
client_deb=$(ls "$debs"/taizhang_*.deb) || fail "no taizhang .deb in $debs"
county_deb=$(ls "$debs"/taizhang-county_*.deb) || fail "no taizhang-county .deb in $debs"

codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
mirror=$("$src/packaging/tests/debian_mirror.sh" "$codename")
cache=${TAIZHANG_CHROOT_CACHE:-/var/cache/taizhang-ci}
mkdir -p "$cache/apt-archives/partial"
base=$cache/$codename-minbase.tar

# --- the base root, made once ------------------------------------------------------------------
exec 9>"$cache/lock"
flock 9
if [ ! -s "$base" ]; then
  phase "debootstrap --variant=minbase $codename (first run; cached in $base)"
  fresh=$(mktemp -d /var/tmp/taizhang-debootstrap-XXXXXX)
  debootstrap --variant=minbase "$codename" "$fresh" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log"; rm -rf "$fresh"; fail "debootstrap"; }
  tar -C "$fresh" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$fresh"
fi
flock -u 9

root=$(mktemp -d /var/tmp/taizhang-chroot-XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  for m in var/cache/apt/archives dev proc; do mountpoint -q "$root/$m" && umount -R -l "$root/$m"; done
  rm -rf "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
size=$(du -sh "$root" | cut -f1)
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Throwaway root: no fsync per file, no man-db index (what sbuild and CI chroots do).
echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/taizhang-test-unsafe-io"
printf 'path-exclude=/usr/share/man/*\npath-exclude=/usr/share/doc/*\npath-include=/usr/share/doc/taizhang*\n' \
  >"$root/etc/dpkg/dpkg.cfg.d/taizhang-test-nodoc"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"   # with /dev/pts, which dpkg's log wants
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# Numeric ids: the names exist only in the root's /etc/passwd.
ids() { echo "$(in_root id -u "$1"):$(in_root id -g "$1")"; }
as_user() { local user=$1; shift; chroot --userspec="$(ids "$user")" "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="/home/$user" "$@"; }
stat_in_root() { in_root stat -c "$@"; }
phase "clean root ready ($size)"

# --- 1. install with apt -----------------------------------------------------------------------
mkdir -p "$root/tmp/debs"
cp "$client_deb" "$county_deb" "$root/tmp/debs/"
in_root apt-get update -qq >/dev/null || fail "apt-get update in the root"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/debs/$(basename "$county_deb")" "/tmp/debs/$(basename "$client_deb")" >"$root/tmp/apt.log" 2>&1 \
  || { tail -30 "$root/tmp/apt.log"; fail "apt-get install of the packages"; }
phase "apt installed both packages and $(grep -c '^Setting up' "$root/tmp/apt.log") packages in all"

in_root getent passwd taizhang-county >/dev/null || fail "postinst did not create the user taizhang-county"
conf_mode=$(stat_in_root '%U:%G %a' /etc/taizhang-county/county.conf)
[ "$conf_mode" = "root:taizhang-county 640" ] || fail "county.conf is $conf_mode, want root:taizhang-county 640"
[ -L "$root/etc/systemd/system/multi-user.target.wants/taizhang-county.service" ] || fail "taizhang-county.service not enabled"
[ -L "$root/etc/systemd/user/timers.target.wants/taizhang-sync.timer" ] || fail "taizhang-sync.timer not enabled for users"

# --- 2. the county service, as systemd would start it ----------------------------------------
# unit_exec.py turns the unit's ExecStart (+ EnvironmentFile / Environment, %h) into argv lines.
# One deliberate change: --listen 127.0.0.1:0, since the chroot shares this machine's network
# and port 8787 may be taken by another test.
unit=$root/lib/systemd/system/taizhang-county.service
key() { sed -n "s/^$1=//p" "$unit" | head -1; }
user=$(key User)
state=/var/lib/$(key StateDirectory)
install -d -o "$(in_root id -u "$user")" -g "$(in_root id -g "$user")" -m "$(key StateDirectoryMode)" "$root$state"
mapfile -t argv < <(python3 "$src/packaging/tests/unit_exec.py" "$root" "$unit" ExecStart \
                      --set TAIZHANG_COUNTY_LISTEN=127.0.0.1:0)
# The first stdout line is always "listening on HOST:PORT": read it from a FIFO, which blocks
# until the server has bound its port (or has exited, closing the FIFO).
mkfifo "$root/tmp/county.fifo"
(umask "$(key UMask)"; exec chroot --userspec="$(ids "$user")" "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
   --chdir="$(key WorkingDirectory)" "${argv[@]}" >"$root/tmp/county.fifo" 2>"$root/tmp/county.err") &
server_pid=$!
exec 8<"$root/tmp/county.fifo"
first=""
read -r -t 60 first <&8 || true
cat <&8 >"$root/tmp/county.out" &   # keep draining stdout so the server never blocks on it
listen=${first#listening on }
[ -n "$first" ] && [ "$listen" != "$first" ] || { cat "$root/tmp/county.err"; fail "the county service did not start: '$first'"; }
phase "county service running as $user on $listen: ${argv[*]}"
db_mode=$(stat_in_root '%U %a' "$state/county.db")
[ "$db_mode" = "$user 600" ] || fail "county.db is $db_mode, want $user 600"

admin() { as_user "$user" taizhang-county "$@" --data "$state/county.db"; }
admin school add --code 2133010601 --name 西湖区青禾实验学校 --county 330106 --type nine_year >/dev/null
code=$(admin enroll-code issue --school 2133010601 2>/dev/null)

# --- 3. a school: demo ledger, enrolment, the user timer's service ---------------------------
in_root useradd --create-home --shell /bin/sh teacher
db=/home/teacher/.local/share/taizhang/taizhang/taizhang.db
as_user teacher mkdir -p "$(dirname "$db")"
as_user teacher taizhang --db "$db" init --demo >/dev/null
as_user teacher taizhang --db "$db" sync enroll --server "http://$listen" --school 2133010601 --code "$code" >/dev/null \
  || fail "enrolment from the installed client"
sync_unit=$root/usr/lib/systemd/user/taizhang-sync.service
mapfile -t condition < <(python3 "$src/packaging/tests/unit_exec.py" "$root" "$sync_unit" ExecCondition --home /home/teacher)
mapfile -t sync_argv < <(python3 "$src/packaging/tests/unit_exec.py" "$root" "$sync_unit" ExecStart --home /home/teacher)
as_user teacher "${condition[@]}" || fail "ExecCondition skipped a user who has a ledger"
as_user teacher "${sync_argv[@]}" >"$root/tmp/sync.out" 2>&1 || { cat "$root/tmp/sync.out"; fail "the sync service failed"; }
as_user teacher env TAIZHANG_DB="$db" taizhang sync --status >/dev/null || fail "changes left unsent after the timer's run"
# A user without a ledger: the condition skips the run instead of failing it.
mapfile -t other < <(python3 "$src/packaging/tests/unit_exec.py" "$root" "$sync_unit" ExecCondition --home /home/nobody-here)
as_user teacher "${other[@]}" && fail "ExecCondition ran the sync for a user with no ledger"
report=$(admin report --from 2026-09-01 --to 2027-01-15 --school 2133010601 --format csv)
# Column 4 of the school's row is records_total.
received=$(echo "$report" | awk -F, '$1 == "2133010601" {print $4}')
[ "${received:-0}" -gt 0 ] || { echo "$report"; fail "the county holds no records of the school"; }
phase "demo school enrolled and synced by the user unit's ExecStart (${sync_argv[*]}); the county holds $received records of the school"

# --- 4. the desktop entry's Exec line starts the installed client -----------------------------
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/cn.taizhang.Taizhang.desktop")
as_user teacher install -d -m 0700 /tmp/runtime-teacher
as_user teacher env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-teacher \
  $exec_line --self-test --db "$db" >"$root/tmp/app.log" 2>&1 \
  || { cat "$root/tmp/app.log"; fail "the installed client ($exec_line) failed its self-test in the clean root"; }
phase "desktop entry Exec=$exec_line: every page loaded on the synced ledger, no QML warning"

# --- 5. stop, remove, purge --------------------------------------------------------------------
kill -TERM "$server_pid"
wait "$server_pid" || fail "the county service exited non-zero on SIGTERM"
server_pid=""
grep -q 'server stopped' "$root/tmp/county.err" || fail "no orderly shutdown in the service log"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq taizhang taizhang-county >/dev/null
[ ! -e "$root/usr/bin/taizhang" ] && [ ! -e "$root/usr/bin/taizhang-county" ] || fail "programs left after remove"
[ -e "$root/etc/taizhang-county/county.conf" ] || fail "remove (not purge) deleted the conffile"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq taizhang taizhang-county >/dev/null
[ ! -e "$root/etc/taizhang-county" ] || fail "purge left /etc/taizhang-county"
[ ! -e "$root/etc/systemd/system/multi-user.target.wants/taizhang-county.service" ] || fail "purge left the service enabled"
[ ! -e "$root/etc/systemd/user/timers.target.wants/taizhang-sync.timer" ] || fail "purge left the timer enabled"
[ -s "$root$state/county.db" ] || fail "purge deleted the county database (it must be kept)"
in_root dpkg-query -W -f='${Status}\n' taizhang taizhang-county 2>/dev/null | grep -q 'ok installed' \
  && fail "packages still installed after purge"
phase "removed and purged; the county database is kept in $state"
echo "install test passed in ${SECONDS} s"
