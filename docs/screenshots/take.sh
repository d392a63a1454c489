#!/bin/sh
# Takes the README's screenshots from the real application under Xvfb, on real data of a Sandbox
# session: the bookings from bookings.py go through `deskbell --ingest` (parser, planner, outbox),
# then the console starts, its Sandbox "sends" what is due, and the screens are captured with
# ImageMagick's `import` while xdotool works the keyboard like an operator would.
#
#   docs/screenshots/take.sh [build-dir] [language]   (needs xvfb, xdotool, imagemagick; for th and
#                                                     zh_CN also fonts-thai-tlwg and fonts-noto-cjk)
# Without a language the pictures are English; with one (th, zh_CN) their names end in -th, -zh_CN.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
language=${2:-}
suffix=${language:+-$language}
bin="$build/ui/deskbell"
[ -x "$bin" ] || { echo "no $bin: build first (packaging/dev.sh test)" >&2; exit 2; }
for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xvfb xdotool imagemagick)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export DESKBELL_KEYCHAIN=off DESKBELL_NO_WELCOME=1 TZ=Asia/Bangkok LANG=C.UTF-8
export DESKBELL_LANGUAGE="${language:-en}"
mkdir -p "$XDG_CONFIG_HOME/deskbell" "$work/bookings"
cat > "$XDG_CONFIG_HOME/deskbell/deskbell.ini" <<'INI'
[rules]
reminder_offsets_min = 1440, 120
followup_after_min = 60
host_phone = +66 81 555 0101
default_region = TH
fallback_timezone = Asia/Bangkok
quiet_hours = 21:00-08:00
[templates]
confirm = 101
cancel = 102
reschedule = 103
reminder = 104
followup = 105
host_notify = 106
[sms]
provider = sandbox
[listener]
address = 127.0.0.1
port = 8787
INI

python3 "$here/bookings.py" "$work/bookings"
for f in "$work/bookings"/*.json; do
    "$bin" --ingest "$f" >/dev/null 2>&1
done

xvfb-run -a -s "-screen 0 1400x860x24" sh -c '
    set -e
    "$0" >"$1/deskbell.log" 2>&1 &
    app=$!
    sleep 6
    # Without a window manager: size, place and focus the main window by hand.
    win=$(xdotool search --onlyvisible --name "Deskbell$" | head -1)
    xdotool windowsize "$win" 1400 860 windowmove "$win" 0 0 windowfocus "$win"
    sleep 2
    import -window root "$2/main-window$3.png"
    # The meeting detail: click the first meeting of the day.
    xdotool mousemove 120 305 click 1
    sleep 1.5
    import -window root "$2/meeting-detail$3.png"
    xdotool key ctrl+2
    sleep 1.5
    import -window root "$2/live-log$3.png"
    xdotool key ctrl+3
    sleep 1.5
    import -window root "$2/templates-editor$3.png"
    xdotool key ctrl+4
    sleep 1.5
    import -window root "$2/dashboard$3.png"
    kill $app
    wait $app || true
' "$bin" "$work" "$here" "$suffix"
echo "screenshots in $here"
