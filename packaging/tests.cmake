# Packaging and portability tests (ctest labels `packaging`, `windows`, `install`).
#   packaging_install_tree     cmake --install into a prefix; the installed programs run from it
#   packaging_debs             CPack .debs + lintian, desktop-file-validate, appstreamcli, units, QML Depends
#   packaging_qml_install_deps install-deps.sh installs every QML module the app loads
#   windows_mingw_syntax       core/, sync/, server/, app/cli/ compile for Windows (MinGW-w64)
#   packaging_install_systemd  the .debs in a clean Debian root booted with systemd-nspawn: the
#                              service runs hardened, a user manager syncs the demo school, purge
# The first two share the build tree's install manifest and staging dir: one at a time.
set(pkg_tests ${CMAKE_CURRENT_SOURCE_DIR}/tests)

add_test(NAME packaging_install_tree COMMAND bash ${pkg_tests}/install_tree.sh ${PROJECT_BINARY_DIR})
add_test(NAME packaging_debs COMMAND bash ${pkg_tests}/check_debs.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
set_tests_properties(packaging_install_tree packaging_debs PROPERTIES
  LABELS packaging RESOURCE_LOCK taizhang_install_staging TIMEOUT 600)
set_tests_properties(packaging_debs PROPERTIES FIXTURES_SETUP taizhang_debs)

add_test(NAME packaging_qml_install_deps
  COMMAND python3 ${pkg_tests}/qml_depends.py ${PROJECT_SOURCE_DIR}
          --install-deps ${PROJECT_SOURCE_DIR}/packaging/install-deps.sh)
set_tests_properties(packaging_qml_install_deps PROPERTIES LABELS packaging)

add_test(NAME windows_mingw_syntax
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/windows/mingw_syntax_check.sh ${PROJECT_SOURCE_DIR}
          ${PROJECT_BINARY_DIR}/mingw-check)
set_tests_properties(windows_mingw_syntax PROPERTIES LABELS "windows" TIMEOUT 900)

# Root, a Debian mirror and about two and a half minutes (plus a debootstrap on a machine's
# first run): registered only when asked for, so that a developer's plain `ctest` stays fast.
# tests/run-all.sh (CI) configures with -DTAIZHANG_INSTALL_TEST=ON and runs it.
option(TAIZHANG_INSTALL_TEST "Register the clean-root install test (ctest -L install)" OFF)
if(TAIZHANG_INSTALL_TEST)
  add_test(NAME packaging_install_systemd
    COMMAND bash ${pkg_tests}/install_systemd.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/packages)
  set_tests_properties(packaging_install_systemd PROPERTIES
    LABELS "install" FIXTURES_REQUIRED taizhang_debs TIMEOUT 1800)
endif()
