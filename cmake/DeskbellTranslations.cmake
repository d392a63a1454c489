# The console's translations (Qt Linguist), included from ui/CMakeLists.txt after deskbell_ui exists.
#
# resources/translations/deskbell_<lang>.ts are compiled to .qm at build time and embedded in
# deskbell_ui under :/i18n/, so the binary needs no files beside it. The app/ sources are scanned
# too: engine alerts, account errors and rules summaries reach the desk as well.
#
#   ninja -C build update_translations    re-scan ui/ and app/ into the .ts files (then translate
#                                         the new entries in Qt Linguist and mark them finished)
#
# deskbell_en.ts holds only the plural forms ("%n meeting(s)" -> "1 meeting" / "2 meetings").
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(DESKBELL_TS_DIR "${PROJECT_SOURCE_DIR}/resources/translations")
set(DESKBELL_TS_TRANSLATED
    "${DESKBELL_TS_DIR}/deskbell_th.ts"
    "${DESKBELL_TS_DIR}/deskbell_zh_CN.ts")
set(DESKBELL_TS_ENGLISH "${DESKBELL_TS_DIR}/deskbell_en.ts")

file(GLOB_RECURSE _deskbell_tr_sources CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h"
    "${PROJECT_SOURCE_DIR}/app/*.cpp" "${PROJECT_SOURCE_DIR}/app/*.h")
set(_deskbell_tr_includes "${PROJECT_SOURCE_DIR}/ui" "${PROJECT_SOURCE_DIR}/app")
# No source locations: line numbers would churn the .ts files on every unrelated edit.
set(_deskbell_lupdate_options -no-obsolete -locations none)

qt_add_lupdate(deskbell_ui
    TS_FILES ${DESKBELL_TS_TRANSLATED}
    SOURCES ${_deskbell_tr_sources}
    INCLUDE_DIRECTORIES ${_deskbell_tr_includes}
    OPTIONS ${_deskbell_lupdate_options})
# A second lupdate target (the name only labels it): English needs its plural forms and nothing else.
qt_add_lupdate(deskbell_ui_en
    TS_FILES ${DESKBELL_TS_ENGLISH}
    SOURCES ${_deskbell_tr_sources}
    INCLUDE_DIRECTORIES ${_deskbell_tr_includes}
    OPTIONS ${_deskbell_lupdate_options} -pluralonly)

qt_add_lrelease(deskbell_ui
    TS_FILES ${DESKBELL_TS_TRANSLATED} ${DESKBELL_TS_ENGLISH}
    QM_FILES_OUTPUT_VARIABLE _deskbell_qm_files
    OPTIONS -silent)
qt_add_resources(deskbell_ui deskbell_translations
    PREFIX "/i18n"
    BASE "${CMAKE_CURRENT_BINARY_DIR}"
    FILES ${_deskbell_qm_files})
