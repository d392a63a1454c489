# deskbell's command line, run the way a server admin would: no display, no X, no Wayland.
# Invoked by CTest as: cmake -DDESKBELL=<path> -DWORK=<dir> -DDATA=<tests/data> -P tst_cli.cmake

set(home "${WORK}/home")
file(REMOVE_RECURSE "${home}")
file(MAKE_DIRECTORY "${home}")
set(env ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM
    HOME=${home} XDG_CONFIG_HOME=${home}/config XDG_DATA_HOME=${home}/data TZ=UTC DESKBELL_KEYCHAIN=off)

set(failures 0)
set(passes 0)
function(expect name expected_rc pattern)
    execute_process(COMMAND ${env} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                    TIMEOUT 60)
    if(NOT rc STREQUAL "${expected_rc}")
        message(SEND_ERROR "${name}: exit status ${rc}, expected ${expected_rc}\nstdout: ${out}\nstderr: ${err}")
        math(EXPR f "${failures} + 1")
        set(failures ${f} PARENT_SCOPE)
    elseif(NOT "${out}${err}" MATCHES "${pattern}")
        message(SEND_ERROR "${name}: output does not match '${pattern}'\nstdout: ${out}\nstderr: ${err}")
        math(EXPR f "${failures} + 1")
        set(failures ${f} PARENT_SCOPE)
    else()
        message(STATUS "PASS ${name}")
        math(EXPR p "${passes} + 1")
        set(passes ${p} PARENT_SCOPE)
    endif()
endfunction()

expect(help 0 "--config <file>.*--check-config.*--ingest <file>" ${DESKBELL} --help)
expect(version 0 "Deskbell [0-9]+\\.[0-9]+\\.[0-9]+ \\(Qt 6" ${DESKBELL} --version)
expect(unknown-option 2 "Unknown option 'frobnicate'" ${DESKBELL} --frobnicate)
expect(stray-argument 2 "unexpected argument 'extra'" ${DESKBELL} --check-config extra)
expect(gui-without-display 2 "no display" ${DESKBELL})

file(WRITE "${WORK}/bad.ini" "[rules]\nquiet_hours = 9pm\nreminder_offsets_min = 60,abc\n")
# Both problems, in whatever order, and no database made by a mere check.
expect(check-config-bad 2 "(\\[rules\\] quiet_hours.*\\[rules\\] reminder_offsets_min|\\[rules\\] reminder_offsets_min.*\\[rules\\] quiet_hours).*created at the first start.*NOT usable"
       ${DESKBELL} --config ${WORK}/bad.ini --check-config)

file(REMOVE "${WORK}/cli.sqlite3" "${WORK}/cli.sqlite3-wal" "${WORK}/cli.sqlite3-shm")
file(WRITE "${WORK}/good.ini"
     "[storage]\nurl = sqlite:${WORK}/cli.sqlite3\n[templates]\nconfirm = 1\ncancel = 2\n[rules]\ndefault_region = TH\n[listener]\nport = 0\n")
expect(check-config-good 0 "cli.sqlite3 \\(created at the first start\\).*Settings are usable"
       ${DESKBELL} --config ${WORK}/good.ini --check-config)
if(EXISTS "${WORK}/cli.sqlite3")
    message(FATAL_ERROR "check-config-good: --check-config created the database")
endif()
expect(ingest-cancel 0 "invitee.canceled: applied"
       ${DESKBELL} --config ${WORK}/good.ini --ingest ${DATA}/calendly/invitee_canceled.json)
expect(ingest-again 0 "duplicate"
       ${DESKBELL} --config ${WORK}/good.ini --ingest ${DATA}/calendly/invitee_canceled.json)
expect(ingest-old-shape 0 "rejected.*start_time"
       ${DESKBELL} --config ${WORK}/good.ini --ingest ${DATA}/calendly/invitee_created.json)
expect(ingest-missing-file 2 "cannot read"
       ${DESKBELL} --config ${WORK}/good.ini --ingest ${WORK}/absent.json)
expect(ingest-with-bad-settings 2 "cannot start.*quiet_hours"
       ${DESKBELL} --config ${WORK}/bad.ini --ingest ${DATA}/calendly/invitee_canceled.json)
# --migrate-to copies into PostgreSQL only (the copy itself: tst_storemigrator_pg).
expect(migrate-to-needs-postgres 2 "needs a postgresql:// url"
       ${DESKBELL} --config ${WORK}/good.ini --migrate-to sqlite:${WORK}/other.sqlite3)
expect(migrate-to-bad-url 2 "--migrate-to:" ${DESKBELL} --config ${WORK}/good.ini --migrate-to postgresql://)
# Headless: runs until SIGTERM, then exits 0; a second copy on the same database refuses to start.
# The script goes through a file: a ';' in a CMake argument would split it into a list.
file(WRITE "${WORK}/two-copies.sh" "\"$1\" --headless --config \"$2\" &
first=$!
sleep 1
\"$1\" --headless --config \"$2\"
second=$?
kill -TERM $first
wait $first
echo second=$second first=$?
")
expect(headless-two-copies 0 "second=2 first=0.*Another Deskbell .* is already using"
       sh ${WORK}/two-copies.sh ${DESKBELL} ${WORK}/good.ini)
expect(headless-bad-settings 2 "cannot start.*quiet_hours" ${DESKBELL} --headless --config ${WORK}/bad.ini)

if(NOT EXISTS "${WORK}/cli.sqlite3")
    message(SEND_ERROR "the database file named in [storage] url was not created")
    math(EXPR failures "${failures} + 1")
endif()

message(STATUS "${passes} passed, ${failures} failed")
if(failures GREATER 0)
    message(FATAL_ERROR "tst_cli failed")
endif()
