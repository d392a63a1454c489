# Windows: the executable's icon and version resource, and the NSIS installer.
# Written from CMake's and NSIS's documentation; NOT built or tested (Deskbell is built on Debian).
# Still to do on a Windows build machine: QtKeychain, libphonenumber and their DLLs (protobuf, ICU)
# are not Qt, so Qt's deploy script does not copy them; install them next to deskbell.exe.

configure_file(${CMAKE_CURRENT_LIST_DIR}/deskbell.rc.in ${CMAKE_CURRENT_BINARY_DIR}/deskbell.rc @ONLY)
target_sources(deskbell PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/deskbell.rc)
# No console window behind the GUI. Console output (--help, --check-config, --headless logs) then
# shows only when redirected: deskbell.exe --check-config > check.txt
set_target_properties(deskbell PROPERTIES WIN32_EXECUTABLE ON)

set(CPACK_NSIS_PACKAGE_NAME "Deskbell")
set(CPACK_NSIS_DISPLAY_NAME "Deskbell ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/deskbell.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/deskbell.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\deskbell.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
# Start-menu shortcut "Deskbell" -> bin\deskbell.exe comes from CPACK_PACKAGE_EXECUTABLES; the
# licence page from CPACK_RESOURCE_FILE_LICENSE (both set in packaging/CMakeLists.txt).
set(CPACK_NSIS_MUI_FINISHPAGE_RUN deskbell.exe)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${DESKBELL_MAINTAINER}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
