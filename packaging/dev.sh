#!/usr/bin/env bash
# Set-up, build and run for a fresh Debian 12 or Ubuntu 24.04 machine (and every day after).
#   packaging/dev.sh run  [deskbell args...]   install what is missing, build, start Deskbell
#   packaging/dev.sh test [ctest args...]      install what is missing, build, run every test
#   packaging/dev.sh package                   build the Linux packages (.deb, .tar.gz) into the build dir
#   packaging/dev.sh package-check             check them, and install the .deb in a clean Debian 12
#   packaging/dev.sh fuzz [seconds]            build the libFuzzer targets with clang, run each (fuzz/run.sh)
#   packaging/dev.sh sanitize [ctest args...]  build with ASan+UBSan in <build>-asan, run unit+integration
# Idempotent: packages already present are not touched, and an unchanged tree builds in a second.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DESKBELL_BUILD_DIR:-$here/build}"
mode="${1:-}"
shift || true

# Debian 12 and Ubuntu 24.04 both ship these names (Qt 6.4, QtKeychain 0.13, libphonenumber 8.12).
# qt6-websockets-dev: Qt6HttpServer's CMake package needs it and the -dev package does not pull it in.
# qt6-tools-dev, -dev-tools, qt6-l10n-tools: Qt6LinguistTools (lupdate, lrelease) for the .ts files;
# qt6-translations-l10n: Qt's own translations (qtbase_zh_CN) for its standard buttons.
build_packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite libphonenumber-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6svg6 # the SVG icon engine and image plugin: without it the window icon is blank
)
# Tests: a private D-Bus session with gnome-keyring for the keychain, Xvfb for screenshots, and
# Thai and CJK fonts so screenshots of the translated console show letters, not boxes.
# postgresql and its Qt driver: the storage suites also run against a throwaway PostgreSQL server
# (tests/support/with-postgres.sh starts its own cluster; Debian's main cluster is never used).
test_packages=(dbus gnome-keyring xvfb xauth fonts-thai-tlwg fonts-noto-cjk desktop-file-utils postgresql libqt6sql6-psql)

# Packages: dpkg-shlibdeps (dpkg-dev) computes the .deb's dependencies. Their checks: AppStream and
# desktop-entry validators, debootstrap for a clean Debian 12, systemd-nspawn to boot the service.
package_packages=(dpkg-dev)
package_check_packages=(dpkg-dev appstream desktop-file-utils debootstrap systemd-container)
# Fuzzing: Debian's clang with its libFuzzer and sanitizer runtimes (Qt stays the gcc-built packages).
fuzz_packages=(clang-14 libclang-rt-14-dev)

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

install_packages() {
    local missing
    missing=$(missing_packages "$@")
    [ -z "$missing" ] && return 0
    echo "Installing:" $missing
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    # shellcheck disable=SC2086
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

extra_cmake_args=() # sanitize adds its own

configure_and_build() { # [target]: only that target (and what it needs)
    local werror=OFF
    if [ -n "${CI:-}" ]; then
        werror=ON
    fi
    if [ ! -f "$build/build.ninja" ]; then
        cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DDESKBELL_WERROR="$werror" -DBUILD_TESTING=ON "${extra_cmake_args[@]}"
    elif [ -n "${CI:-}" ]; then
        cmake -S "$here" -B "$build" -DDESKBELL_WERROR=ON >/dev/null
    fi
    cmake --build "$build" --parallel "$(nproc)" ${1:+--target "$1"}
}

case "$mode" in
run)
    install_packages "${build_packages[@]}"
    configure_and_build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$#" -eq 0 ]; then
        # A server or a terminal without a desktop: show the whole flow headless, in Sandbox mode,
        # with a demo settings file of its own (its own database; nothing real is texted).
        demo="$build/demo"
        mkdir -p "$demo"
        printf '%s\n' \
            "[storage]" "url = sqlite:$demo/demo.sqlite3" \
            "[templates]" "confirm = demo-confirm" "cancel = demo-cancel" "reschedule = demo-reschedule" \
            "reminder = demo-reminder" \
            "[rules]" "reminder_offsets_min = 1440,60" "default_region = TH" \
            "[sms]" "provider = sandbox" \
            "[listener]" "address = 127.0.0.1" "port = 8787" > "$demo/deskbell-demo.ini"
        echo "No display found: starting Deskbell headless in Sandbox mode (nothing is really sent)."
        echo "Post a sample booking to it from another terminal:"
        echo "  curl -s -X POST http://127.0.0.1:8787/webhooks/calendly -H 'Content-Type: application/json' --data @$here/tests/data/calendly/variants/created_current_bangkok.json"
        echo "Its confirmation and reminders show in the log below. Stop with Ctrl+C."
        exec env DESKBELL_KEYCHAIN=off "$build/ui/deskbell" --headless --config "$demo/deskbell-demo.ini"
    fi
    exec "$build/ui/deskbell" "$@"
    ;;
test)
    install_packages "${build_packages[@]}" "${test_packages[@]}"
    configure_and_build
    # Each test gets a private session bus; tests that need the keychain start their own
    # gnome-keyring inside it (tests/support), so nothing touches the user's real keyring.
    cd "$build"
    exec dbus-run-session -- ctest --output-on-failure --timeout 600 "$@"
    ;;
package)
    install_packages "${build_packages[@]}" "${package_packages[@]}"
    configure_and_build deskbell
    cd "$build"
    rm -f deskbell_*.deb deskbell-*.tar.gz deskbell_*.deb.sha256 deskbell-*.tar.gz.sha256
    cpack -G "DEB;TGZ"
    ls -l deskbell_*.deb deskbell-*.tar.gz
    ;;
package-check)
    install_packages "${package_check_packages[@]}"
    exec "$here/packaging/check-packages.sh" "$build"
    ;;
fuzz)
    install_packages "${build_packages[@]}" "${fuzz_packages[@]}"
    DESKBELL_FUZZ_BUILD_DIR="${DESKBELL_FUZZ_BUILD_DIR:-$build-fuzz}" exec "$here/fuzz/run.sh" "$@"
    ;;
sanitize)
    install_packages "${build_packages[@]}" "${test_packages[@]}"
    # Its own build directory: every object is compiled differently, and the normal build stays usable.
    build="$build-asan"
    extra_cmake_args=(-DDESKBELL_SANITIZE="address;undefined")
    configure_and_build
    cd "$build"
    # Stop at the first error with a stack; LSan reports leaks at exit, except those inside Qt and the
    # system libraries listed (with the reason) in tests/lsan.supp.
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:symbolize=1:check_initialization_order=1:strict_init_order=1"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
    export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
    # The keychain and ui labels stay with `test`: they exercise gnome-keyring and widgets, not our parsers
    # and engine, and the widget tests' screenshots take minutes under ASan.
    exec dbus-run-session -- ctest --output-on-failure --timeout 900 -L 'unit|integration' "$@"
    ;;
*)
    echo "usage: $0 run [deskbell args...] | test [ctest args...] | package | package-check | fuzz [seconds] | sanitize [ctest args...]" >&2
    exit 2
    ;;
esac
