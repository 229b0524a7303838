#!/usr/bin/env python3
"""Which Debian packages must the taizhang package depend on so that every QML module it loads
is present? dpkg-shlibdeps cannot tell: QML modules are loaded at run time.

Derivation: the imports of qml/*.qml, plus the Controls style the app sets in C++
(QQuickStyle::setStyle), then the closure over each module's qmldir (`import`, `depends`,
`default import`; not `optional import`, which names styles the app does not use) and the
imports of the module's own .qml files (QtQuick.Dialogs' file dialog imports
Qt.labs.folderlistmodel that way). Each module found is mapped to its package with `dpkg -S`
on its qmldir. Modules of the app itself (Taizhang, Taizhang.Backend) are compiled in.

  qml_depends.py SRC                       print the packages, one a line
  qml_depends.py SRC --deb FILE.deb        fail unless the package's Depends names each
  qml_depends.py SRC --install-deps FILE   fail unless install-deps.sh installs each
"""
import argparse
import os
import re
import subprocess
import sys

OWN_MODULES = {"Taizhang", "Taizhang.Backend"}
# File selectors of styles other than the app's: their .qml files are never loaded.
OTHER_STYLE_DIRS = {"+Material", "+Imagine", "+Universal", "+macOS", "+iOS", "+Windows"}
IMPORT_RE = re.compile(r"^\s*import\s+([A-Za-z_][\w.]*)", re.M)


def qml_dir():
    for tool in ("qtpaths6", "qtpaths"):
        try:
            out = subprocess.run([tool, "--query", "QT_INSTALL_QML"], capture_output=True, text=True, check=True)
            if out.stdout.strip():
                return out.stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            continue
    arch = subprocess.run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], capture_output=True, text=True).stdout.strip()
    return f"/usr/lib/{arch}/qt6/qml"


def app_imports(src):
    found = {}
    qml = os.path.join(src, "qml")
    for name in sorted(os.listdir(qml)):
        if name.endswith(".qml"):
            with open(os.path.join(qml, name), encoding="utf-8") as f:
                for m in IMPORT_RE.findall(f.read()):
                    found.setdefault(m, f"qml/{name}")
    main = os.path.join(src, "app", "client", "main.cpp")
    with open(main, encoding="utf-8") as f:
        for style in re.findall(r'QQuickStyle::setStyle\(\s*(?:QStringLiteral\()?"(\w+)"', f.read()):
            found.setdefault(f"QtQuick.Controls.{style}", "app/client/main.cpp (QQuickStyle::setStyle)")
    return {m: why for m, why in found.items() if m not in OWN_MODULES}


def module_imports(root, module):
    """Modules that `module` loads: its qmldir and its own .qml files (and its impl sub-modules)."""
    path = os.path.join(root, *module.split("."))
    deps = set()
    qmldir = os.path.join(path, "qmldir")
    with open(qmldir, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if len(words) >= 2 and words[0] in ("import", "depends"):
                deps.add(words[1])
            elif len(words) >= 3 and words[0] == "default" and words[1] == "import":
                deps.add(words[2])
    for dirpath, dirnames, filenames in os.walk(path):
        rel = os.path.relpath(dirpath, path)
        # A nested directory with its own qmldir is another module, except the plugin's private
        # implementation modules (impl, quickimpl) which the plugin loads itself.
        keep = []
        for d in dirnames:
            if d in OTHER_STYLE_DIRS or d == "designer":  # Qt Design Studio's property sheets
                continue
            if os.path.exists(os.path.join(dirpath, d, "qmldir")) and d not in ("impl", "quickimpl"):
                continue
            keep.append(d)
        dirnames[:] = keep
        if rel != "." and os.path.exists(os.path.join(dirpath, "qmldir")):
            deps.add(module + "." + rel.replace(os.sep, "."))
        for name in filenames:
            if name.endswith(".qml"):
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    deps.update(IMPORT_RE.findall(f.read()))
    deps.discard(module)
    return deps


def owning_package(root, module):
    qmldir = os.path.join(root, *module.split("."), "qmldir")
    out = subprocess.run(["dpkg", "-S", qmldir], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return out.stdout.split(":")[0].strip()


def closure(src):
    root = qml_dir()
    todo = dict(app_imports(src))
    seen = {}
    while todo:
        module, why = todo.popitem()
        if module in seen:
            continue
        if not os.path.exists(os.path.join(root, *module.split("."), "qmldir")):
            sys.exit(f"FAIL: QML module {module} (needed by {why}) is not installed under {root}; "
                     f"add its Debian package to packaging/install-deps.sh and to TAIZHANG_QML_DEPENDS")
        seen[module] = why
        for dep in module_imports(root, module):
            if dep not in seen and dep not in OWN_MODULES:
                todo.setdefault(dep, f"{module} (via {why})")
    packages = {}
    for module, why in seen.items():
        pkg = owning_package(root, module)
        if pkg is None:
            sys.exit(f"FAIL: no Debian package owns QML module {module} (needed by {why})")
        packages.setdefault(pkg, []).append(module)
    return packages


def depends_of(deb):
    out = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True, check=True).stdout
    return {re.split(r"[\s(]", d.strip())[0] for d in out.split(",") if d.strip()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--deb")
    ap.add_argument("--install-deps")
    args = ap.parse_args()
    packages = closure(args.src)
    if not args.deb and not args.install_deps:
        for pkg in sorted(packages):
            print(pkg)
        return
    failures = []
    if args.deb:
        declared = depends_of(args.deb)
        failures += [f"{os.path.basename(args.deb)} does not depend on {p} (QML modules {', '.join(sorted(m))})"
                     for p, m in sorted(packages.items()) if p not in declared]
    if args.install_deps:
        with open(args.install_deps, encoding="utf-8") as f:
            listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", f.read()))
        failures += [f"{args.install_deps} does not install {p} (QML modules {', '.join(sorted(m))})"
                     for p, m in sorted(packages.items()) if p not in listed]
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print(f"qml depends: {len(packages)} packages cover every QML module loaded: {', '.join(sorted(packages))}")


if __name__ == "__main__":
    main()
