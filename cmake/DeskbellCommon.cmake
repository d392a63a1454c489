# Compile settings every Deskbell target shares, as one INTERFACE target (the qBittorrent pattern).
add_library(deskbell_common_cfg INTERFACE)
target_compile_features(deskbell_common_cfg INTERFACE cxx_std_20)
target_compile_definitions(deskbell_common_cfg INTERFACE
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    DESKBELL_VERSION="${PROJECT_VERSION}")
target_compile_options(deskbell_common_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wcast-qual -Wformat=2 -Wundef -Wshadow=local
    -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast -Wimplicit-fallthrough
    $<$<BOOL:${DESKBELL_WERROR}>:-Werror>)
