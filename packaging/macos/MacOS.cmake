# macOS: Deskbell.app (bundle icon, Info.plist) in a DragNDrop disk image.
# Written from CMake's and Apple's documentation; NOT built or tested (Deskbell is built on Debian).
# Still to do on a Mac: code signing and notarisation (Gatekeeper blocks unsigned apps), and
# checking that Qt's deploy script copies QtKeychain and libphonenumber from Homebrew.

set(_deskbell_icns ${CMAKE_CURRENT_LIST_DIR}/deskbell.icns)
target_sources(deskbell PRIVATE ${_deskbell_icns})
set_source_files_properties(${_deskbell_icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(deskbell PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME Deskbell
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${DESKBELL_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME Deskbell
    MACOSX_BUNDLE_EXECUTABLE_NAME Deskbell
    MACOSX_BUNDLE_ICON_FILE deskbell.icns
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "MIT License, The Deskbell authors")

set(CPACK_DMG_VOLUME_NAME "Deskbell ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDBZ)
set(CPACK_PACKAGE_ICON ${_deskbell_icns}) # the disk image's volume icon
