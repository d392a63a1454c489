#!/usr/bin/env bash
# Checks the Linux packages that `packaging/dev.sh package` made; CI runs it after the tests.
#   packaging/check-packages.sh [build dir]        (`packaging/dev.sh package-check` installs its tools)
#
#  1. the .deb: control fields, conffiles, maintainer scripts, every file it must ship; the .tar.gz
#  2. what it ships: desktop entry (desktop-file-validate), AppStream metadata (appstreamcli), the
#     metainfo's newest release = the package version
#  3. a clean Debian 12 (debootstrap --variant=minbase bookworm) installs the .deb with apt-get, so
#     its dependencies come from the mirror, without Recommends; then, in it: --version,
#     --check-config of the shipped settings as the service user with the shipped env file, the
#     window on the offscreen platform, apt-get purge
#  4. the service in that Debian: systemd-analyze verify, then a boot under systemd-nspawn where
#     deskbell.service runs as the deskbell user, answers /healthz, takes a booking, and stops
#     cleanly on SIGTERM; `systemd-analyze security` must stay at "OK" exposure or better
#
# Steps 3 and 4 need root and the Debian mirror (step 4 also a machine that can boot a container);
# without them the script says exactly why and skips those steps only.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-${DESKBELL_BUILD_DIR:-$here/build}}" && pwd)"
mirror="${DESKBELL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
app_id=io.github.deskbell.Deskbell
work="$build/package-check"
root="$work/root"

passed=0
failed=0
skipped=0
pass() {
    passed=$((passed + 1))
    echo "  ok: $*"
}
fail() {
    failed=$((failed + 1))
    echo "  FAILED: $*"
}
skip() {
    skipped=$((skipped + 1))
    echo "  SKIPPED: $*"
}
check() { # description command...: passes when the command succeeds
    local what="$1"
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
step_start=0
step() {
    step_end
    echo "== $*"
    step_name="$*"
    step_start=$(date +%s)
}
step_end() {
    if [ "$step_start" -ne 0 ]; then
        echo "   ($step_name: $(($(date +%s) - step_start)) s)"
    fi
    step_start=0
}
finish() {
    step_end
    echo "packaging: $passed passed, $failed failed, $skipped skipped"
    if [ "$failed" -ne 0 ]; then
        exit 1
    fi
    exit 0
}

shopt -s nullglob
debs=("$build"/deskbell_*.deb)
tgzs=("$build"/deskbell-*-linux-*.tar.gz)
if [ "${#debs[@]}" -ne 1 ] || [ "${#tgzs[@]}" -ne 1 ]; then
    echo "check-packages: expected one deskbell_*.deb and one deskbell-*.tar.gz in $build" >&2
    echo "(found: ${debs[*]:-no .deb} ${tgzs[*]:-no .tar.gz}); run packaging/dev.sh package first" >&2
    exit 2
fi
deb="${debs[0]}"
tgz="${tgzs[0]}"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")

# ---------------------------------------------------------------------------------------------
step "the .deb: $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb --info "$deb"
contents=$(dpkg-deb --contents "$deb")
echo "$contents"
field() { dpkg-deb --field "$deb" "$1"; }
check "Package: deskbell" test "$(field Package)" = deskbell
check "Version $(field Version) is the project version $version" test "$(field Version)" = "$version-1"
for key in Maintainer Homepage Section Description; do
    check "$key is set" test -n "$(field "$key")"
done
depends=$(field Depends)
for dep in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6httpserver6 libqt6keychain1 \
    "libphonenumber8[-a-z0-9]*" libqt6sql6-sqlite libqt6svg6 tzdata ca-certificates; do
    check "Depends names $dep" grep -qE "(^|, )$dep( |,|$)" <<<"$depends"
done
control=$(mktemp -d)
dpkg-deb --control "$deb" "$control"
check "conffiles: /etc/deskbell/deskbell.ini and deskbell.env" \
    diff <(sort "$control/conffiles") <(printf '%s\n' /etc/deskbell/deskbell.env /etc/deskbell/deskbell.ini)
for script in postinst prerm postrm; do
    check "$script is executable and parses as sh" sh -c "test -x '$control/$script' && sh -n '$control/$script'"
done
rm -rf "$control"
has() { grep -qE "^[^ ]+ +[^ ]+ +[0-9]+ +[^ ]+ +[^ ]+ +\./$1\$" <<<"$contents"; }
required=(usr/bin/deskbell
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    usr/share/icons/hicolor/scalable/apps/deskbell.svg
    usr/lib/systemd/system/deskbell.service
    usr/lib/sysusers.d/deskbell.conf
    etc/deskbell/deskbell.ini
    etc/deskbell/deskbell.env
    usr/share/doc/deskbell/copyright)
for size in 16 22 24 32 48 64 128 256 512; do
    required+=("usr/share/icons/hicolor/${size}x$size/apps/deskbell.png")
done
for path in "${required[@]}"; do
    check "ships /$path" has "$path"
done
check "the binary is executable" grep -qE '^-rwxr-xr-x .* \./usr/bin/deskbell$' <<<"$contents"
check "the env file (credentials) is not world-readable" \
    grep -qE '^-rw-r----- .* \./etc/deskbell/deskbell.env$' <<<"$contents"

step "the .tar.gz: $(basename "$tgz"), $(stat -c %s "$tgz") bytes"
tar_list=$(tar -tzf "$tgz")
top="$(basename "$tgz" .tar.gz)"
for path in usr/bin/deskbell "usr/share/applications/$app_id.desktop" usr/lib/systemd/system/deskbell.service \
    etc/deskbell/deskbell.ini; do
    check "holds $top/$path" grep -qx "$top/$path" <<<"$tar_list"
done

# ---------------------------------------------------------------------------------------------
step "desktop entry and AppStream metadata, as shipped"
shipped="$work/shipped"
rm -rf "$shipped"
mkdir -p "$shipped"
dpkg-deb -x "$deb" "$shipped"
check "the binary is stripped (no .debug_info)" \
    sh -c "! readelf -S '$shipped/usr/bin/deskbell' | grep -q '\.debug_info'"
check "desktop-file-validate $app_id.desktop" \
    desktop-file-validate "$shipped/usr/share/applications/$app_id.desktop"
check "the desktop entry runs deskbell with the deskbell icon" \
    grep -qx 'Exec=deskbell' "$shipped/usr/share/applications/$app_id.desktop"
check "appstreamcli validate --no-net $app_id.metainfo.xml" \
    appstreamcli validate --no-net "$shipped/usr/share/metainfo/$app_id.metainfo.xml"
newest=$(grep -o '<release version="[^"]*"' "$shipped/usr/share/metainfo/$app_id.metainfo.xml" | head -1 |
    sed 's/.*="\(.*\)"/\1/')
check "the newest metainfo release ($newest) is the project version ($version)" test "$newest" = "$version"

# ---------------------------------------------------------------------------------------------
step "a clean Debian 12 installs the .deb"
why_not=""
mirror_host=$(sed -E 's#^[a-z]+://([^/:]+).*#\1#' <<<"$mirror")
mirror_port=$(sed -nE 's#^[a-z]+://[^/:]+:([0-9]+).*#\1#p' <<<"$mirror")
mirror_port=${mirror_port:-$([[ $mirror == https:* ]] && echo 443 || echo 80)}
if [ "$(id -u)" -ne 0 ]; then
    why_not="not root: debootstrap and chroot need root (run as root, or with sudo)"
elif ! command -v debootstrap >/dev/null; then
    why_not="debootstrap is not installed (packaging/dev.sh package-check installs it)"
elif ! timeout 15 bash -c "exec 3<>/dev/tcp/$mirror_host/$mirror_port" 2>/dev/null; then
    why_not="the Debian mirror $mirror_host:$mirror_port cannot be reached (no network?); set DESKBELL_DEBIAN_MIRROR"
fi
if [ -n "$why_not" ]; then
    skip "clean-Debian install and service boot: $why_not"
    finish
fi

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
rm -rf "$root"
mkdir -p "$work"
t=$(date +%s)
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -20 "$work/debootstrap.log"
    fail "debootstrap --variant=minbase bookworm (log: $work/debootstrap.log)"
    finish
fi
pass "debootstrap --variant=minbase bookworm: $(du -sh "$root" | cut -f1) in $(($(date +%s) - t)) s"
# As a real Debian 12 has them: the point releases and security updates.
security_mirror="${mirror%/debian}/debian-security"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
EOF
cp "$deb" "$root/tmp/deskbell.deb"
t=$(date +%s)
before=$(in_root dpkg-query -W -f='${Installed-Size}\n' | awk '{s += $1} END {print s}')
if in_root apt-get update -qq && in_root apt-get install -y -qq --no-install-recommends /tmp/deskbell.deb \
    >"$work/apt-install.log" 2>&1; then
    after=$(in_root dpkg-query -W -f='${Installed-Size}\n' | awk '{s += $1} END {print s}')
    pass "apt-get install ./deskbell.deb (no Recommends): $(grep -c '^Setting up' "$work/apt-install.log") packages, \
+$(((after - before) / 1024)) MiB installed, deskbell itself $(in_root dpkg-query -W -f='${Installed-Size}' deskbell) KiB, \
$(($(date +%s) - t)) s"
else
    tail -30 "$work/apt-install.log"
    fail "apt-get install ./deskbell.deb in a clean Debian 12 (log: $work/apt-install.log)"
    finish
fi

step "Deskbell runs in it"
out=$(in_root deskbell --version 2>&1) || true
echo "  $ deskbell --version: $out"
check "deskbell --version says $version" grep -q "^Deskbell $version " <<<"$out"
check "postinst made the system user deskbell" sh -c "chroot '$root' getent passwd deskbell >/dev/null"
check "/etc/deskbell/deskbell.env is root:deskbell 0640" \
    test "$(in_root stat -c '%U:%G %a' /etc/deskbell/deskbell.env)" = "root:deskbell 640"
check "/var/lib/deskbell is deskbell's" test "$(in_root stat -c '%U:%G' /var/lib/deskbell)" = "deskbell:deskbell"
# As the service would: its user, its env file, its settings.
as_service='set -a; . /etc/deskbell/deskbell.env; set +a; exec deskbell --check-config --config /etc/deskbell/deskbell.ini'
if out=$(in_root runuser -u deskbell -- sh -c "$as_service" 2>&1); then status=0; else status=$?; fi
sed 's/^/  | /' <<<"$out"
check "deskbell --check-config --config /etc/deskbell/deskbell.ini (as deskbell): exit 0, usable" \
    test "$status" -eq 0 -a -n "$(grep -x 'Settings are usable.' <<<"$out")"
# --check-config only reads: a body fed by hand, as the service user, opens (creates) the database.
as_service_ingest='set -a; . /etc/deskbell/deskbell.env; set +a; echo "{}" | exec deskbell --ingest - --config /etc/deskbell/deskbell.ini'
in_root runuser -u deskbell -- sh -c "$as_service_ingest" 2>&1 | sed 's/^/  | /' || true
check "deskbell --ingest (as deskbell) created the database in /var/lib/deskbell (SQLite driver present)" \
    in_root test -s /var/lib/deskbell/deskbell.sqlite3
# The window: Widgets, the platform plugin and the SVG icon engine load, and it keeps running.
mkdir -p "$root/tmp/gui"
printf '%s\n' '[storage]' 'url = sqlite:/tmp/gui/gui.sqlite3' '[listener]' 'port = 0' >"$root/tmp/gui/gui.ini"
if in_root env HOME=/tmp/gui QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=1 DESKBELL_KEYCHAIN=off \
    timeout 8 deskbell --config /tmp/gui/gui.ini >"$work/gui.log" 2>&1; then status=0; else status=$?; fi
check "the window starts (offscreen) and is still running after 8 s (exit $status, 124 = stopped by timeout)" \
    test "$status" -eq 124
check "the window loaded the SVG icon engine" grep -q 'iconengines/libqsvgicon.so" loaded library' "$work/gui.log"

step "apt-get purge deskbell"
if in_root apt-get purge -y -qq deskbell >"$work/apt-purge.log" 2>&1; then
    pass "apt-get purge deskbell"
else
    tail -20 "$work/apt-purge.log"
    fail "apt-get purge deskbell (log: $work/apt-purge.log)"
fi
check "the binary and the unit are gone" \
    test ! -e "$root/usr/bin/deskbell" -a ! -e "$root/usr/lib/systemd/system/deskbell.service"
check "/etc/deskbell is gone" test ! -e "$root/etc/deskbell"
check "the database is kept" test -s "$root/var/lib/deskbell/deskbell.sqlite3"

# ---------------------------------------------------------------------------------------------
step "the service under systemd"
# A system with systemd from the start: the user now comes from sysusers.d.
rm -rf "$root/var/lib/deskbell"
in_root userdel deskbell || true
if ! in_root apt-get install -y -qq --no-install-recommends systemd curl /tmp/deskbell.deb \
    >"$work/apt-install-systemd.log" 2>&1; then
    tail -20 "$work/apt-install-systemd.log"
    fail "apt-get install systemd curl ./deskbell.deb (log: $work/apt-install-systemd.log)"
    finish
fi
check "systemd-sysusers made the user deskbell" grep -q "Creating user 'deskbell'" "$work/apt-install-systemd.log"
if out=$(in_root systemd-analyze verify deskbell.service 2>&1); then status=0; else status=$?; fi
[ -n "$out" ] && sed 's/^/  | /' <<<"$out"
check "systemd-analyze verify deskbell.service: no complaints" test "$status" -eq 0 -a -z "$out"
if ! command -v systemd-nspawn >/dev/null; then
    skip "service boot: systemd-nspawn is not installed (packaging/dev.sh package-check installs systemd-container)"
    finish
fi
cp "$here/tests/data/calendly/variants/created_current_bangkok.json" "$root/root/booking.json"
cat >"$root/usr/local/sbin/deskbell-boot-check" <<'EOF'
#!/bin/sh
# Runs inside the booted container after deskbell.service started; key=value lines for the host.
exec >/root/boot-check.out 2>&1
i=0
until curl -fsS -o /dev/null http://127.0.0.1:8787/healthz; do
    i=$((i + 1)); [ "$i" -gt 60 ] && break; sleep 0.5
done
echo "healthz=$(curl -sS -o /dev/null -w '%{http_code}' http://127.0.0.1:8787/healthz)"
echo "user=$(stat -c %U "/proc/$(systemctl show -p MainPID --value deskbell.service)")"
echo "booking=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data @/root/booking.json http://127.0.0.1:8787/webhooks/calendly)"
echo "exposure=$(systemd-analyze security deskbell.service | sed -n 's/.*Overall exposure level for deskbell.service: \([0-9.]*\) .*/\1/p')"
start=$(date +%s%N)
systemctl stop deskbell.service
echo "stop_ms=$((($(date +%s%N) - start) / 1000000))"
systemctl show deskbell.service -p Result -p ExecMainStatus | sed 's/^/unit_/'
echo "== journal"
journalctl -u deskbell.service --no-pager -o cat
# (Without D-Bus it warns that it cannot ask logind about inhibitors, then powers off anyway.)
systemctl poweroff 2>/dev/null
EOF
chmod 0755 "$root/usr/local/sbin/deskbell-boot-check"
cat >"$root/etc/systemd/system/deskbell-boot-check.service" <<'EOF'
[Unit]
Description=Check deskbell.service from inside the container, then power off
Wants=deskbell.service
After=deskbell.service
[Service]
Type=oneshot
ExecStart=/usr/local/sbin/deskbell-boot-check
[Install]
WantedBy=multi-user.target
EOF
check "systemctl enable deskbell.service (as an admin would)" in_root systemctl enable --quiet deskbell.service
in_root systemctl enable --quiet deskbell-boot-check.service
in_root systemctl mask --quiet console-getty.service
rm -f "$root/root/boot-check.out"
t=$(date +%s)
# No systemd on the host here, so no machine registration; a private network keeps port 8787 inside.
if timeout 240 systemd-nspawn --quiet --register=no --keep-unit --private-network --directory="$root" \
    --boot \
    >"$work/nspawn.log" 2>&1 </dev/null; then status=0; else status=$?; fi
if [ ! -s "$root/root/boot-check.out" ]; then
    if ! grep -q 'Welcome to\|Reached target' "$work/nspawn.log"; then
        skip "service boot: this machine cannot boot a container (systemd-nspawn exit $status: \
$(grep -v '^$' "$work/nspawn.log" | head -1))"
    else
        tail -30 "$work/nspawn.log"
        fail "service boot: the container booted but the check never ran (log: $work/nspawn.log)"
    fi
    finish
fi
result="$root/root/boot-check.out"
sed -n '/^== journal/,$p' "$result" | sed 's/^/  | /'
value() { sed -n "s/^$1=//p" "$result" | head -1; }
pass "booted Debian 12 with systemd in a container ($(($(date +%s) - t)) s)"
check "deskbell.service answers GET /healthz with 200" test "$(value healthz)" = 200
check "it runs as the deskbell user" test "$(value user)" = deskbell
check "it takes a Calendly booking (POST /webhooks/calendly 200)" test "$(value booking)" = 200
check "systemd-analyze security: exposure $(value exposure) is 2.0 or lower" \
    awk -v e="$(value exposure)" 'BEGIN { exit !(e != "" && e <= 2.0) }'
check "SIGTERM stops it cleanly in $(value stop_ms) ms (Result=$(value unit_Result), exit $(value unit_ExecMainStatus))" \
    test "$(value unit_Result)" = success -a "$(value unit_ExecMainStatus)" = 0
check "the journal shows it stopped by itself" grep -q 'deskbell.app: stopped' "$result"
finish
