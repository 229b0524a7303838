# CPack: two Debian packages from the two install components.
#   taizhang         client: taizhang-app, the taizhang CLI, desktop entry, icons, user timer
#   taizhang-county  county server: taizhang-county, hardened system service, /etc config
# Build them with `cpack --config build/CPackConfig.cmake` (or `cmake --build build --target package`).
set(CPACK_GENERATOR DEB)
if(WIN32)
  # The school PC installer (docs/windows.md): NSIS, client component only, Start-menu entry.
  set(CPACK_GENERATOR NSIS)
  set(CPACK_COMPONENTS_ALL client)
  set(CPACK_PACKAGE_INSTALL_DIRECTORY "taizhang")
  set(CPACK_NSIS_DISPLAY_NAME "台账 taizhang")
  set(CPACK_NSIS_PACKAGE_NAME "台账 taizhang ${PROJECT_VERSION}")
  set(CPACK_PACKAGE_EXECUTABLES "taizhang-app" "台账")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
  include(CPack)
  return()
endif()
set(CPACK_PACKAGE_NAME taizhang)
set(CPACK_PACKAGE_VENDOR "taizhang")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_COMPONENTS_ALL client county)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "taizhang maintainers <maintainers@taizhang.invalid>")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# dpkg-shlibdeps turns the ELF NEEDED entries into versioned Depends on libc, Qt, curl, ...
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# etc/ and lib/systemd/system are installed under the prefix (so --prefix stays contained);
# Debian wants them at the root.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/deb_layout.cmake)

# QML modules are loaded at run time, so dpkg-shlibdeps cannot see them: every module the app
# imports, directly or through another module's QML (QtQuick.Dialogs' own file dialog imports
# Qt.labs.folderlistmodel), is listed here. packaging/tests/check_qml_depends.sh derives that list
# from qml/*.qml and the installed modules and fails when a package is missing from this line.
set(TAIZHANG_QML_DEPENDS
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtquick-dialogs
  qml6-module-qtquick-shapes qml6-module-qt-labs-folderlistmodel)
list(JOIN TAIZHANG_QML_DEPENDS ", " qml_depends)
# The offscreen/xcb platform plugins and fonts are not ELF dependencies either.
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME taizhang)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION education)
# qt6-translations-l10n: Qt's own Chinese (dialog buttons 确定/取消); the app warns without it.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "${qml_depends}, qt6-qpa-plugins, qt6-translations-l10n, fonts-noto-cjk")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "systemd")
set(CPACK_DEBIAN_CLIENT_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_LIST_DIR}/debian/taizhang/postinst ${CMAKE_CURRENT_LIST_DIR}/debian/taizhang/postrm)
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
"school ledger (台账) desktop client and command line
taizhang records what a Chinese primary or junior school did each day:
homework time, students' sleep, physical activity, timetables and teacher
training hours, checked against the national rules as they are typed. The
ledger works offline and syncs to the county server exactly once.
.
This package contains the Qt Quick client taizhang-app, the taizhang command
line, and a systemd user timer that runs `taizhang sync` every hour.")

set(CPACK_DEBIAN_COUNTY_PACKAGE_NAME taizhang-county)
set(CPACK_DEBIAN_COUNTY_PACKAGE_SECTION net)
# adduser creates the service user in postinst; init-system-helpers provides deb-systemd-helper.
set(CPACK_DEBIAN_COUNTY_PACKAGE_DEPENDS "adduser, init-system-helpers (>= 1.54~)")
set(CPACK_DEBIAN_COUNTY_PACKAGE_SUGGESTS "nginx, postgresql")
set(CPACK_DEBIAN_COUNTY_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_LIST_DIR}/debian/taizhang-county/postinst ${CMAKE_CURRENT_LIST_DIR}/debian/taizhang-county/prerm
  ${CMAKE_CURRENT_LIST_DIR}/debian/taizhang-county/postrm ${CMAKE_CURRENT_LIST_DIR}/debian/taizhang-county/conffiles)
set(CPACK_COMPONENT_COUNTY_DESCRIPTION
"county server for the taizhang school ledger (台账区县服务)
taizhang-county receives the records of every school in a county over the
taizhang sync protocol, keeps schools apart, and reports which schools are
late or out of line with the national rules. It stores its data in SQLite
with no setup, or in PostgreSQL.
.
The package runs the server as a hardened systemd service under its own
system user, with settings in /etc/taizhang-county and data in
/var/lib/taizhang-county.")

include(CPack)
