#!/usr/bin/env python3
"""Every C++ source and QML file of the tree is named in a CMakeLists.txt.

The CMake files list their sources explicitly (no file(GLOB)). A forgotten .cpp of a library
usually shows up as a link error, but a forgotten test file or QML page compiles into nothing and
its tests silently never run. This check fails on any *.cpp / *.qml that is not named, by its path
relative to the folder of the nearest CMakeLists.txt above it, in that CMakeLists.txt.

Usage: sources_listed.py SOURCE_DIR
"""
import pathlib
import re
import sys

LAYERS = ("core", "sync", "server", "app", "qml", "tests", "bench")
# Qt Quick Test finds tst_*.qml by itself in QUICK_TEST_SOURCE_DIR (tests/qml): not listed.
NOT_LISTED = re.compile(r"^tests/qml/tst_[^/]+\.qml$")


def nearest_cmakelists(src: pathlib.Path, path: pathlib.Path) -> pathlib.Path:
    folder = path.parent
    while folder != src:
        if (folder / "CMakeLists.txt").is_file():
            return folder / "CMakeLists.txt"
        folder = folder.parent
    return src / "CMakeLists.txt"


def unlisted(src: pathlib.Path, extra: tuple[pathlib.Path, ...] = ()) -> list[str]:
    missing = []
    files = [p for layer in LAYERS for p in sorted((src / layer).rglob("*")) if p.is_file()]
    for path in files + list(extra):
        if path.suffix not in (".cpp", ".qml"):
            continue
        rel = path.relative_to(src).as_posix()
        if NOT_LISTED.match(rel):
            continue
        cmake = nearest_cmakelists(src, path)
        name = path.relative_to(cmake.parent).as_posix()
        words = re.split(r"[\s()\"]+", cmake.read_text(encoding="utf-8"))
        if not any(w == name or w.endswith("/" + name) for w in words):
            missing.append(f"{rel} (not named in {cmake.relative_to(src).as_posix()})")
    return missing


def main() -> int:
    src = pathlib.Path(sys.argv[1]).resolve()
    # The check must be able to fail: a file that no CMakeLists.txt names has to be reported.
    probes = (src / "core" / "zz_unlisted_probe.cpp", src / "tests" / "sync" / "test_zz_unlisted_probe.cpp")
    reported = unlisted(src, probes)
    if sum(m.startswith(("core/zz_unlisted_probe", "tests/sync/test_zz_unlisted_probe")) for m in reported) != 2:
        print("FAIL: an unlisted probe file was not reported; this check proves nothing")
        return 1
    missing = unlisted(src)
    for m in missing:
        print(f"FAIL: {m}")
    if missing:
        print("Name each file in the source list of that CMakeLists.txt (docs/architecture.md, 'Build').")
        return 1
    print("every .cpp and .qml is named in its CMakeLists.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
