#!/usr/bin/env python3
"""Clean-compile CPU time (user+sys) of whole targets, in two configured build trees (e.g. a tree
of an older commit and one with precompiled headers), from the compile commands CMake recorded
(compile_commands.json): every file of the target's folder is compiled from scratch, the
precompiled header first where there is one, two at a time, objects to a scratch folder. CPU time
rather than wall time because the build machine is shared (docs/performance.md, "Build").

Usage: compile_cpu.py BEFORE_BUILD_DIR AFTER_BUILD_DIR FOLDER...   (FOLDER: core, server, tests/core, ...)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor


def entries(build, folder):
    commands = json.load(open(os.path.join(build, "compile_commands.json")))
    where = os.path.abspath(os.path.join(build, folder))
    return [e for e in commands if e["directory"] == where]


def compile_one(entry, scratch):
    command = entry["command"]
    # The precompiled header is written where the target's files read it; the objects go to scratch.
    if not entry["file"].endswith("cmake_pch.hxx.cxx"):
        command = re.sub(r" -o \S+", " -o " + scratch, command)
        command = re.sub(r" -MD -MT \S+ -MF \S+", "", command)
    before = os.times()
    r = subprocess.run(command, shell=True, cwd=entry["directory"], capture_output=True)
    after = os.times()
    if r.returncode != 0:
        sys.exit("FAILED %s\n%s" % (entry["file"], r.stderr.decode(errors="replace")[:2000]))
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def measure(build, folder, scratch):
    found = entries(build, folder)
    pch = [e for e in found if e["file"].endswith("cmake_pch.hxx.cxx")]
    rest = [e for e in found if e not in pch]
    start = time.time()
    cpu = sum(compile_one(e, os.path.join(scratch, "pch.o")) for e in pch)
    with ThreadPoolExecutor(2) as pool:
        cpu += sum(pool.map(lambda ie: compile_one(ie[1], os.path.join(scratch, "%d.o" % ie[0])), enumerate(rest)))
    return len(found), cpu, time.time() - start


def main():
    before_dir, after_dir, folders = sys.argv[1], sys.argv[2], sys.argv[3:]
    with tempfile.TemporaryDirectory() as scratch:
        for folder in folders:
            results = {tag: measure(d, folder, scratch) for tag, d in (("before", before_dir), ("after", after_dir))}
            (nb, cb, wb), (na, ca, wa) = results["before"], results["after"]
            print("%-12s before: %3d files %7.1f s CPU (%6.1f s wall)   after: %3d files %7.1f s CPU (%6.1f s wall)"
                  "   CPU after/before %.2f   load %s" % (folder, nb, cb, wb, na, ca, wa, ca / cb,
                                                          open("/proc/loadavg").read().split()[0]), flush=True)


if __name__ == "__main__":
    main()
