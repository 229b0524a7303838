#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt already uses for the main archive of its release
# (deb822 *.sources or one-line sources.list), so the install test never names a host itself.
set -euo pipefail
codename=${1:-$(. /etc/os-release && echo "$VERSION_CODENAME")}
shopt -s nullglob
for f in /etc/apt/sources.list.d/*.sources; do
  # Stanzas are separated by blank lines; take the first of Types deb with our codename.
  uri=$(awk -v c="$codename" 'BEGIN{RS=""; FS="\n"} {
          types=""; uris=""; suites="";
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^Types:/)  types = $i;
            if ($i ~ /^URIs:/)   uris = $i;
            if ($i ~ /^Suites:/) suites = $i;
          }
          if (types ~ /[ \t]deb([ \t]|$)/ && (" " suites " ") ~ ("[ \t]" c "[ \t]")) {
            sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); print u[1]; exit
          }
        }' "$f")
  if [ -n "$uri" ]; then echo "$uri"; exit 0; fi
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  uri=$(awk -v c="$codename" '$1 == "deb" {
          i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
          if ($(i + 1) == c) { print $i; exit }
        }' "$f")
  if [ -n "$uri" ]; then echo "$uri"; exit 0; fi
done
echo "no apt source for $codename found in /etc/apt" >&2
exit 1
