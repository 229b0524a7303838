#!/usr/bin/env python3
"""A skipped test is a failure: reads ctest's output and fails if any test did not run.

ctest exits 0 when a test is skipped (GTEST_SKIP, SKIP_RETURN_CODE), disabled or not run (a
missing executable, a failed fixture), and lists such tests under "The following tests did not
run:". tests/run-all.sh feeds its ctest output through this check.

Usage: no_skipped_tests.py CTEST_OUTPUT_FILE
       no_skipped_tests.py --self-test      (runs a tiny ctest project with a skipped test and a
                                            test that cannot run, and checks both are caught)
"""
import os
import re
import subprocess
import sys
import tempfile

NOT_RUN = re.compile(r"^\s*\d+ - (.+?) \((Skipped|Not Run|Disabled)\)\s*$", re.M)


def did_not_run(output: str) -> list[str]:
    found = ["%s (%s)" % m for m in NOT_RUN.findall(output)]
    if not found and "The following tests did not run:" in output:
        found = ["(unparsed) " + output.split("The following tests did not run:")[1].strip().splitlines()[0]]
    # The lines ctest prints while running, in case its summary is cut off.
    for m in re.finditer(r"Test\s+#\d+: (\S+) \.+\s*\*\*\*(Skipped|Not Run|Disabled)", output):
        found.append("%s (%s)" % (m.group(1), m.group(2)))
    return sorted(set(found))


def check(output: str) -> int:
    missing = did_not_run(output)
    for name in missing:
        print("FAIL: did not run: " + name)
    if missing:
        print("A skipped or not-run test is a failure (docs/style-guide.md); %d did not run." % len(missing))
        return 1
    return 0


def self_test() -> int:
    with tempfile.TemporaryDirectory() as d:
        src, build = os.path.join(d, "src"), os.path.join(d, "build")
        os.mkdir(src)
        with open(os.path.join(src, "CMakeLists.txt"), "w") as f:
            f.write("cmake_minimum_required(VERSION 3.20)\nproject(probe NONE)\nenable_testing()\n"
                    "add_test(NAME passes COMMAND ${CMAKE_COMMAND} -E true)\n"
                    "add_test(NAME skips COMMAND ${CMAKE_COMMAND} -E echo \"[  SKIPPED ] probe\")\n"
                    "set_tests_properties(skips PROPERTIES SKIP_REGULAR_EXPRESSION \"\\\\[  SKIPPED \\\\]\")\n"
                    "add_test(NAME cannot_run COMMAND ${CMAKE_CURRENT_BINARY_DIR}/no-such-program)\n")
        subprocess.run(["cmake", "-S", src, "-B", build], check=True, capture_output=True)
        run = subprocess.run(["ctest", "--test-dir", build], capture_output=True, text=True)
        output = run.stdout + run.stderr
        caught = did_not_run(output)
        if not any(c.startswith("skips ") for c in caught) or not any(c.startswith("cannot_run ") for c in caught):
            print("FAIL: the check missed a skipped or not-run test in:\n" + output + "\ncaught: %s" % caught)
            return 1
        if any(c.startswith("passes ") for c in caught):
            print("FAIL: a passing test was reported as not run: %s" % caught)
            return 1
        clean = subprocess.run(["ctest", "--test-dir", build, "-R", "^passes$"], capture_output=True, text=True)
        if check(clean.stdout + clean.stderr) != 0:
            print("FAIL: a run where every test passed was refused")
            return 1
    print("a skipped and a not-run test are caught; a clean run passes")
    return 0


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        return check(f.read())


if __name__ == "__main__":
    sys.exit(main())
