#!/bin/bash
# In the rsplab guest (started by scripts/bench/startup-in-guest.sh): first Registration answered after start, for
# RSPLIB's rspregistrar and each published variant of ours, ROUNDS interleaved rounds (issue 14 item 1, start-up).
# Each start is timed by sctp-loadgen first-registration (its clock starts when it is launched, right after the
# registrar is spawned, and it retries until a Registration over SCTP is answered). Ours logs its start-up line.
# Usage: startup.sh OUTDIR ROUNDS VARIANT... where VARIANT is NAME=COMMAND (run with "registrar ARGS" appended).
set -u
OUT=$1 ROUNDS=$2
shift 2
LG=/mnt/project/sctp-loadgen
mkdir -p "$OUT"
modprobe sctp
ARGS="registrar --asap 127.0.0.1:3864 --asap-sctp 127.0.0.1:3864 --asap-announce off --enrp off --log-level Info"
# A variant whose directory is copied to the guest's own disk first (a real install is not on a 9p share).
for v in "$@"; do
    name=${v%%=*} cmd=${v#*=}
    case $cmd in
        local:*) src=${cmd#local:}; dir=/root/$name; rm -rf "$dir"; cp -r "$(dirname "${src%% *}")" "$dir"
                 echo "$name copied to $dir ($(du -sh "$dir" | cut -f1))" ;;
    esac
done
for round in $(seq 1 "$ROUNDS"); do
    rspregistrar -asap=127.0.0.1:3863 -enrp=127.0.0.1:9901 -asapannounce=off -enrpannounce=off -mentordiscoverytimeout=1000 \
        -loglevel=1 -logcolor=off >/dev/null 2>&1 &
    pid=$!
    echo "round $round rsplib $($LG first-registration 127.0.0.1:3863 60)"
    kill -TERM $pid; wait $pid 2>/dev/null
    for v in "$@"; do
        name=${v%%=*} cmd=${v#*=}
        case $cmd in
            local:*) src=${cmd#local:}; exe=/root/$name/$(basename "${src%% *}"); rest=${src#"${src%% *}"}; cmd="$exe$rest" ;;
        esac
        # shellcheck disable=SC2086
        $cmd $ARGS >"$OUT/$name-$round.log" 2>&1 &
        pid=$!
        echo "round $round $name $($LG first-registration 127.0.0.1:3864 120)"
        kill -TERM $pid; wait $pid 2>/dev/null
        grep -o 'start-up: .*' "$OUT/$name-$round.log" | head -1 | sed "s/^/round $round $name /"
    done
done
echo "guest loadavg $(cat /proc/loadavg)"
