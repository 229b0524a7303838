#!/usr/bin/env bash
# Install test under a real systemd: a clean Debian root (debootstrap --variant=minbase plus
# systemd) booted with systemd-nspawn, private network (only its own loopback). Inside it:
#   1. apt installs taizhang-county and taizhang (--no-install-recommends, dependencies
#      downloaded beforehand from the machine's own Debian mirror): postinst creates the user and
#      starts the service, which must be running on SQLite with no further step, as its user,
#      with its hardening in force (no new privileges, seccomp, read-only /usr, no /home);
#   2. a teacher account (lingering, so it has a systemd user manager) creates the demo ledger,
#      enrols it against 127.0.0.1:8787 from the packaged county.conf, and its user manager
#      runs taizhang-sync.service, the unit the enabled taizhang-sync.timer starts; the county's
#      report then holds the school's records;
#   3. the desktop entry's Exec line starts the installed client (offscreen, --self-test);
#   4. apt purges both: the service is stopped cleanly, the county database is kept.
# The mirror comes from /etc/apt (debian_mirror.sh): no host name is written here. The base root
# is cached outside the repository ($TAIZHANG_CHROOT_CACHE, default /var/cache/taizhang-ci) with
# apt's downloads, so repeated runs are fast.
# Usage: install_systemd.sh SOURCE_DIR PACKAGES_DIR    (root: debootstrap, chroot, nspawn)
set -euo pipefail
# No `| grep -q` below: under pipefail its early exit can kill the writer with SIGPIPE.
SECONDS=0
src=$(cd "$1" && pwd)
debs=$(cd "$2" && pwd)
fail() { echo "FAIL: $*"; [ -n "${root:-}" ] && [ -f "$root/../console.log" ] && tail -30 "$root/../console.log"; exit 1; }
phase() { echo "[${SECONDS}s] $*"; }
[ "$(id -u)" = 0 ] || fail "the install test needs root (debootstrap, chroot, systemd-nspawn); CI runs as root"
for tool in debootstrap chroot systemd-nspawn nsenter; do
  command -v "$tool" >/dev/null || fail "$tool missing (packaging/install-deps.sh installs it)"
done
client_deb=$(ls "$debs"/taizhang_*.deb) || fail "no taizhang .deb in $debs"
county_deb=$(ls "$debs"/taizhang-county_*.deb) || fail "no taizhang-county .deb in $debs"

codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
mirror=$("$src/packaging/tests/debian_mirror.sh" "$codename")
cache=${TAIZHANG_CHROOT_CACHE:-/var/cache/taizhang-ci}
mkdir -p "$cache/apt-archives/partial"
# What a desktop or server has beyond minbase: systemd as init, D-Bus, and pam_systemd, which
# gives a user manager its XDG_RUNTIME_DIR. The tarball's name follows the list.
base_packages="systemd systemd-sysv dbus libpam-systemd"
base=$cache/$codename-minbase-$(echo "$base_packages" | md5sum | cut -c1-8).tar

work=$(mktemp -d /var/tmp/taizhang-install-XXXXXX)
root=$work/root
nspawn_pid=""
cleanup() {
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    kill -TERM "$nspawn_pid"; wait "$nspawn_pid" 2>/dev/null || true
  fi
  for m in var/cache/apt/archives dev proc; do mountpoint -q "$root/$m" && umount -R -l "$root/$m"; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$root"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
mount_root() {
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
}
umount_root() { for m in var/cache/apt/archives dev proc; do umount -R "$root/$m"; done; }

# --- the base root (minbase + systemd), made once -----------------------------------------------
exec 9>"$cache/lock"
flock 9
if [ ! -s "$base" ]; then
  if [ -s "$cache/$codename-minbase.tar" ]; then   # a plain minbase root cached earlier
    phase "minbase root from $cache/$codename-minbase.tar + systemd (first run; cached in $base)"
    tar -C "$root" -xf "$cache/$codename-minbase.tar"
  else
    phase "debootstrap --variant=minbase $codename + systemd (first run; cached in $base)"
    debootstrap --variant=minbase "$codename" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
      || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
  fi
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount_root
  in_root apt-get update -qq >/dev/null
  in_root apt-get install -y -qq --no-install-recommends $base_packages >"$work/base.log" 2>&1 \
    || { tail -20 "$work/base.log"; fail "installing systemd into the base root"; }
  umount_root
  tar -C "$root" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$root" && mkdir "$root"
fi
flock -u 9
tar -C "$root" -xf "$base"
phase "clean root ready ($(du -sh "$root" | cut -f1))"

# --- dependencies downloaded with the host's network; the booted root has none ---------------
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Throwaway root: no fsync per file (what sbuild and CI chroots do).
echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/taizhang-test-unsafe-io"
mkdir -p "$root/var/tmp/debs"
cp "$client_deb" "$county_deb" "$root/var/tmp/debs/"
mount_root
in_root apt-get update -qq >/dev/null || fail "apt-get update in the root"
in_root apt-get install -y -qq --download-only --no-install-recommends \
  /var/tmp/debs/"$(basename "$county_deb")" /var/tmp/debs/"$(basename "$client_deb")" >"$work/download.log" 2>&1 \
  || { tail -20 "$work/download.log"; fail "downloading the packages' dependencies"; }
umount_root
phase "dependencies downloaded"

# --- boot ----------------------------------------------------------------------------------------
systemd-nspawn --quiet --boot --register=no --keep-unit --private-network -D "$root" \
  --bind="$cache/apt-archives:/var/cache/apt/archives" >"$work/console.log" 2>&1 &
nspawn_pid=$!
# The container's init: the systemd process descending from our systemd-nspawn (nspawn's own
# helper children come and go while it sets the container up).
descends_from_nspawn() {
  local p=$1
  while [ -n "$p" ] && [ "$p" -gt 1 ]; do
    [ "$p" = "$nspawn_pid" ] && return 0
    p=$(awk '/^PPid:/ {print $2}' "/proc/$p/status" 2>/dev/null)
  done
  return 1
}
leader=""
for _ in $(seq 1 300); do
  for p in $(pgrep -x systemd || true); do
    descends_from_nspawn "$p" && leader=$p && break
  done
  [ -n "$leader" ] && break
  kill -0 "$nspawn_pid" 2>/dev/null || fail "systemd-nspawn exited: $(tail -5 "$work/console.log")"
  read -r -t 0.1 <> <(:) || true
done
[ -n "$leader" ] || fail "no init process in the container"
inside() { nsenter -t "$leader" -m -u -i -n -p -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# systemctl can talk to init once it has made /run/systemd/private; then --wait blocks until
# the boot has finished.
state=""
for _ in $(seq 1 300); do
  state=$(inside systemctl is-system-running --wait 2>/dev/null || true)
  [ -n "$state" ] && break
  kill -0 "$nspawn_pid" 2>/dev/null || fail "the container stopped while booting"
  read -r -t 0.1 <> <(:) || true
done
case "$state" in
  running) ;;
  degraded) echo "boot degraded (not ours): $(inside systemctl --failed --no-legend --plain | awk '{print $1}' | tr '\n' ' ')" ;;
  *) fail "the container did not boot: $state" ;;
esac
phase "booted systemd in the clean root ($state)"

# --- 1. install: the county service runs with no further step ------------------------------------
inside env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  /var/tmp/debs/"$(basename "$county_deb")" /var/tmp/debs/"$(basename "$client_deb")" >"$work/apt.log" 2>&1 \
  || { tail -30 "$work/apt.log"; fail "apt-get install of the packages"; }
phase "apt installed both packages ($(grep -c '^Setting up' "$work/apt.log") packages in all)"
[ "$(inside systemctl is-active taizhang-county.service)" = active ] \
  || fail "taizhang-county.service is not running after install: $(inside journalctl -u taizhang-county --no-pager | tail -5)"
[ "$(inside systemctl is-enabled taizhang-county.service)" = enabled ] || fail "taizhang-county.service not enabled"
for _ in $(seq 1 300); do   # the server logs "server started" once its port is bound
  inside journalctl -q -u taizhang-county --grep 'server started' >/dev/null && break
  read -r -t 0.1 <> <(:) || true
done
inside journalctl -q -u taizhang-county --grep 'server started' >/dev/null || fail "no 'server started' in the journal"
pid=$(inside systemctl show -P MainPID taizhang-county.service)
status=$(inside cat "/proc/$pid/status")
echo "$status" | grep '^NoNewPrivs:[[:space:]]*1' >/dev/null || fail "the service runs without NoNewPrivileges"
echo "$status" | grep '^Seccomp:[[:space:]]*2' >/dev/null || fail "the service runs without a seccomp filter"
[ "$(inside stat -c %U "/proc/$pid")" = taizhang-county ] || fail "the service does not run as taizhang-county"
inside nsenter -t "$pid" -m -- sh -c 'touch /usr/taizhang-probe' 2>/dev/null && fail "ProtectSystem=strict not in force"
# ProtectHome=yes puts an empty, inaccessible directory over /root and /home in its namespace.
inside test -e /root/.profile || fail "the root has no /root/.profile to probe ProtectHome with"
inside nsenter -t "$pid" -m -- test -e /root/.profile && fail "ProtectHome not in force"
db_mode=$(inside stat -c '%U %a' /var/lib/taizhang-county/county.db)
[ "$db_mode" = "taizhang-county 600" ] || fail "county.db is $db_mode"
phase "taizhang-county.service active as taizhang-county: NoNewPrivs, seccomp, read-only /usr, no /root; county.db $db_mode"

admin() { inside runuser -u taizhang-county -- taizhang-county "$@" --data /var/lib/taizhang-county/county.db; }
admin school add --code 2133010601 --name 西湖区青禾实验学校 --county 330106 --type nine_year >/dev/null
code=$(admin enroll-code issue --school 2133010601 2>/dev/null)

# --- 2. a school PC: a teacher with a user manager, the timer's service -----------------------
inside useradd --create-home --shell /bin/sh teacher
uid=$(inside id -u teacher)
inside loginctl enable-linger teacher
inside systemctl start "user@$uid.service" \
  || { inside journalctl -b --no-pager | grep -E 'user@|systemd\[[0-9]+\]: .*(Failed|error)' | tail -25; fail "the teacher's user manager did not start"; }
as_teacher() { inside runuser -u teacher -- env HOME=/home/teacher XDG_RUNTIME_DIR="/run/user/$uid" "$@"; }
as_teacher systemctl --user list-timers --all --no-pager | grep taizhang-sync.timer >/dev/null \
  || fail "taizhang-sync.timer is not scheduled in the teacher's user manager"
db=/home/teacher/.local/share/taizhang/taizhang/taizhang.db
as_teacher mkdir -p "$(dirname "$db")"
as_teacher taizhang --db "$db" init --demo >/dev/null
listen=$(inside sed -n 's/^TAIZHANG_COUNTY_LISTEN=//p' /etc/taizhang-county/county.conf)
as_teacher taizhang --db "$db" sync enroll --server "http://$listen" --school 2133010601 --code "$code" >/dev/null \
  || fail "enrolment from the installed client against $listen"
as_teacher systemctl --user start taizhang-sync.service || true   # a oneshot: returns when it has run
result=$(as_teacher systemctl --user show -P Result taizhang-sync.service)
[ "$result" = success ] || { as_teacher journalctl --user -u taizhang-sync --no-pager | tail; fail "taizhang-sync.service: $result"; }
as_teacher taizhang --db "$db" sync --status >/dev/null || fail "changes left unsent after the timer's service ran"
report=$(admin report --from 2026-09-01 --to 2027-01-15 --school 2133010601 --format csv)
received=$(echo "$report" | awk -F, '$1 == "2133010601" {print $4}')   # column 4: records_total
[ "${received:-0}" -gt 0 ] || { echo "$report"; fail "the county holds no records of the school"; }
phase "teacher's user manager ran taizhang-sync.service (timer scheduled): the county holds $received records"

# --- 3. the menu entry starts the installed client ----------------------------------------------
exec_line=$(inside sed -n 's/^Exec=//p' /usr/share/applications/cn.taizhang.Taizhang.desktop)
as_teacher env QT_QPA_PLATFORM=offscreen $exec_line --self-test --db "$db" >"$work/app.log" 2>&1 \
  || { cat "$work/app.log"; fail "the installed client ($exec_line) failed its self-test"; }
phase "desktop entry Exec=$exec_line: every page loaded on the synced ledger, no QML warning"

# --- 4. remove, then purge ------------------------------------------------------------------------
inside env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq taizhang taizhang-county >/dev/null
inside journalctl -q -u taizhang-county --grep 'server stopped' >/dev/null || fail "no orderly shutdown in the journal"
[ "$(inside systemctl is-active taizhang-county.service || true)" != active ] || fail "the service still runs after remove"
inside test ! -e /usr/bin/taizhang-county || fail "program left after remove"
inside test -e /etc/taizhang-county/county.conf || fail "remove (not purge) deleted the conffile"
inside env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq taizhang taizhang-county >/dev/null
inside test ! -e /etc/taizhang-county || fail "purge left /etc/taizhang-county"
inside test ! -e /etc/systemd/system/multi-user.target.wants/taizhang-county.service || fail "purge left the service enabled"
inside test ! -e /etc/systemd/user/timers.target.wants/taizhang-sync.timer || fail "purge left the user timer enabled"
inside test -s /var/lib/taizhang-county/county.db || fail "purge deleted the county database (it must be kept)"
phase "removed (service stopped cleanly, conffile kept), then purged (config and enablement gone, county database kept)"
inside systemctl poweroff --no-block >/dev/null 2>&1 || true
wait "$nspawn_pid" 2>/dev/null || true
nspawn_pid=""
echo "install test under systemd passed in ${SECONDS} s"
