#!/usr/bin/env python3
"""Prints, one per line, the argv that systemd would run for a unit's ExecStart / ExecCondition:
`env NAME=value ... program args`, with the unit's Environment= and EnvironmentFile= settings,
the %h specifier, and $NAME (split into words) / ${NAME} (one word) expanded as systemd.exec(5)
and systemd.service(5) describe. The install test uses it to start services inside a chroot,
where there is no systemd.

  unit_exec.py ROOT UNIT_FILE KEY [--home DIR] [--set NAME=value ...]
"""
import argparse
import os
import re
import shlex
import sys


def service_section(path):
    entries, section = [], None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("["):
                section = line
                continue
            if section == "[Service]" and "=" in line:
                k, v = line.split("=", 1)
                entries.append((k.strip(), v.strip()))
    return entries


def env_file(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line[0] in "#;" or "=" not in line:
                continue
            k, v = line.split("=", 1)
            v = v.strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            values[k.strip()] = v
    return values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("unit")
    ap.add_argument("key")
    ap.add_argument("--home", default="/root")
    ap.add_argument("--set", action="append", default=[])
    a = ap.parse_args()
    spec = lambda s: s.replace("%h", a.home).replace("%%", "%")
    env, command = {}, None
    for k, v in service_section(a.unit):
        if k == "Environment":
            for assignment in shlex.split(spec(v)):
                name, value = assignment.split("=", 1)
                env[name] = value
        elif k == "EnvironmentFile":
            optional = v.startswith("-")
            path = os.path.join(a.root, spec(v.lstrip("-")).lstrip("/"))
            if os.path.exists(path):
                env.update(env_file(path))
            elif not optional:
                sys.exit(f"EnvironmentFile {v} missing")
        elif k == a.key:
            command = v
    if command is None:
        sys.exit(f"no {a.key}= in {a.unit}")
    for s in a.set:
        name, value = s.split("=", 1)
        env[name] = value
    command = command.lstrip("-@:+!")  # exit-status and privilege prefixes
    argv = []
    for word in shlex.split(spec(command)):
        m = re.fullmatch(r"\$([A-Za-z_][A-Za-z0-9_]*)", word)
        if m:
            argv += env.get(m.group(1), "").split()
        else:
            argv.append(re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", lambda g: env.get(g.group(1), ""), word))
    print("\n".join(["/usr/bin/env"] + [f"{k}={v}" for k, v in env.items()] + argv))


if __name__ == "__main__":
    main()
