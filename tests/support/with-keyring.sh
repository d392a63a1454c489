#!/bin/sh
# Runs one test inside its own D-Bus session with a fresh, unlocked gnome-keyring, so keychain tests
# use the real Secret Service without ever touching (or prompting for) the user's own keyring.
# Exit 77 (CTest: skipped) when the tools are missing.
command -v dbus-run-session >/dev/null 2>&1 || { echo "dbus-run-session missing: skipped"; exit 77; }
command -v gnome-keyring-daemon >/dev/null 2>&1 || { echo "gnome-keyring-daemon missing: skipped"; exit 77; }
exec dbus-run-session -- sh -c '
    base=$(mktemp -d)
    export HOME="$base/home" XDG_DATA_HOME="$base/data" XDG_CONFIG_HOME="$base/config" XDG_RUNTIME_DIR="$base/run"
    mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    # --unlock reads the new keyring password from stdin; without it the first write would prompt.
    eval "$(printf deskbell-test | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    "$@"
    rc=$?
    rm -rf "$base"
    exit $rc
' sh "$@"
