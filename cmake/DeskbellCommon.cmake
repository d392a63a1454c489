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
    -Wall -Wextra -Wpedantic -Wcast-qual -Wformat=2 -Wundef $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
    -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast -Wimplicit-fallthrough
    $<$<BOOL:${DESKBELL_WERROR}>:-Werror>)

# DESKBELL_SANITIZE (a list such as "address;undefined") instruments everything that links this target.
# UBSan findings abort instead of scrolling past, so ctest sees a failure; frame pointers keep the stacks
# readable at -O2.
if(DESKBELL_SANITIZE AND NOT DESKBELL_SANITIZE STREQUAL "OFF")
    list(JOIN DESKBELL_SANITIZE "," _deskbell_sanitizers)
    target_compile_options(deskbell_common_cfg INTERFACE
        -fsanitize=${_deskbell_sanitizers} -fno-omit-frame-pointer)
    if("undefined" IN_LIST DESKBELL_SANITIZE)
        # gcc's "undefined" leaves out float-cast-overflow (a JSON 1e300 cast to an integer); clang's has it.
        target_compile_options(deskbell_common_cfg INTERFACE
            -fsanitize=float-cast-overflow -fno-sanitize-recover=undefined,float-cast-overflow)
        target_link_options(deskbell_common_cfg INTERFACE -fsanitize=float-cast-overflow)
    endif()
    target_link_options(deskbell_common_cfg INTERFACE -fsanitize=${_deskbell_sanitizers})
    message(STATUS "Deskbell: sanitizers ${_deskbell_sanitizers}")
endif()

# DESKBELL_FUZZ: the library code the fuzz targets call gets libFuzzer's coverage instrumentation plus
# ASan and UBSan; the targets themselves add libFuzzer's main (fuzz/CMakeLists.txt).
if(DESKBELL_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "DESKBELL_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    target_compile_options(deskbell_common_cfg INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(deskbell_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
