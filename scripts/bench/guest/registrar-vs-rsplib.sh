#!/bin/bash
# In the rsplab guest (started by scripts/bench/registrar-vs-rsplib.sh): both registrars side by side on loopback SCTP,
# ours on 3864 (TCP and SCTP), RSPLIB's rspregistrar on 3863, keep-alive 5 s / 5 s on both; measures each one's first
# answered Registration after start, then runs sctp-loadgen for each workload (ours = side A, RSPLIB = side B).
# Usage: registrar-vs-rsplib.sh OUTDIR PAIRS SLICE_S WARMUP_S "WORKLOADS" (e.g. "hr:1 hr:8 rereg:1 rereg:8")
set -u
OUT=$1 PAIRS=$2 SLICE=$3 WARMUP=$4 WORKLOADS=$5
LG=/mnt/project/sctp-loadgen
mkdir -p "$OUT"
PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; sleep 1; for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done; }
trap cleanup EXIT
modprobe sctp

# RSPLIB's registrar through the lab's loopback-scope wrapper (/usr/local/bin), as the interop scenarios start it.
rspregistrar -asap=127.0.0.1:3863 -enrp=127.0.0.1:9901 -asapannounce=off -enrpannounce=off -mentordiscoverytimeout=1000 \
    -endpointkeepalivetransmissioninterval=5000 -endpointkeepalivetimeoutinterval=5000 \
    -loglevel=1 -logcolor=off -logfile="$OUT/rspregistrar.log" >"$OUT/rspregistrar.out" 2>&1 &
RSP=$!
PIDS+=("$RSP")
echo "first-registration rsplib $($LG first-registration 127.0.0.1:3863 60)"

# Ours: published Release, framework-dependent (the host's .NET, shared read-only); no rate limits (RSPLIB has none).
cat >"$OUT/registrar.conf" <<'CONF'
rserpool.registrar.asap-sctp-style = "one-to-many"
rserpool.registrar.max-handle-resolution-rate = 0
rserpool.registrar.max-handle-resolution-rate-per-host = 0
CONF
[ ! -f /mnt/project/extra.conf ] || cat /mnt/project/extra.conf >>"$OUT/registrar.conf"
${OURS_ENV:-} dotnet /mnt/project/hosts/rserpool.dll registrar --config "$OUT/registrar.conf" --asap 127.0.0.1:3864 --asap-sctp 127.0.0.1:3864 \
    --asap-announce off --enrp off --keep-alive-interval 5s --keep-alive-timeout 5s --log-level Warning >"$OUT/registrar.log" 2>&1 &
OURS=$!
PIDS+=("$OURS")
echo "first-registration ours $($LG first-registration 127.0.0.1:3864 240)"

for w in $WORKLOADS; do
    mode=${w%%:*} n=${w##*:}
    echo "workload $mode $n loadavg $(cat /proc/loadavg)"
    $LG "$mode" "$n" 127.0.0.1:3864 "$OURS" 127.0.0.1:3863 "$RSP" "$PAIRS" "$SLICE" "$WARMUP" | tee "$OUT/$mode-$n.txt" | grep -v '^slice'
    [ "${PIPESTATUS[0]}" -eq 0 ] || echo "workload $mode $n FAILED"
done
# FLOOR=1: the same workloads against sctp-floor (one recvmsg and one canned sendmsg per request) in place of ours: the
# ceiling any registrar reaches in this closed loop, as a ratio to RSPLIB (rows floor-*).
if [ "${FLOOR:-0}" = 1 ]; then
    /mnt/project/sctp-floor 127.0.0.1 3865 >"$OUT/sctp-floor.out" 2>&1 &
    FLOOR_PID=$!
    PIDS+=("$FLOOR_PID")
    echo "first-registration floor $($LG first-registration 127.0.0.1:3865 60)"
    for w in $WORKLOADS; do
        mode=${w%%:*} n=${w##*:}
        $LG "$mode" "$n" 127.0.0.1:3865 "$FLOOR_PID" 127.0.0.1:3863 "$RSP" "$PAIRS" "$SLICE" "$WARMUP" | tee "$OUT/floor-$mode-$n.txt" | grep -v '^slice'
    done
fi
# PROFILE=1: one more hr:1 run of 3 pairs with strace -c -f on both registrars (syscalls per request; strace slows
# both, so these slices are not figures).
if [ "${PROFILE:-0}" = 1 ]; then
    strace -c -f -p "$OURS" -o "$OUT/strace-ours.txt" & S1=$!
    strace -c -f -p "$RSP" -o "$OUT/strace-rsplib.txt" & S2=$!
    sleep 3
    $LG hr 1 127.0.0.1:3864 "$OURS" 127.0.0.1:3863 "$RSP" 3 2 0 >"$OUT/strace-load.txt"
    kill -INT $S1 $S2; wait $S1 $S2
fi
echo "guest loadavg $(cat /proc/loadavg)"
