#!/bin/bash
# Scenario 4 (issue 7), first part, experimental: ENRP over SCTP (PPID 12) between OUR registrar and RSPLIB's
# rspregistrar, statically peered; an rspserver registered at rspregistrar and our server registered at ours must
# both show in the handlespace of each registrar (hsdump reads ours too); then rspregistrar is killed and ours must
# take over its PE; then a fresh rspregistrar peers with ours, ours is killed and rspregistrar must take over. Runs with INTEROP_SCENARIO4=1 or INTEROP_ONLY=4. Usage: scenario4.sh OUTDIR
set -u
OUT=$1/scenario4
mkdir -p "$OUT"
source "$(dirname "$0")/common.sh"
trap stop_all EXIT

modprobe sctp
start_capture "$OUT/scenario4.pcap" || { result s4-capture FAIL "tshark did not start"; exit 1; }
start_rspregistrar "$OUT" -peer=127.0.0.1:9902 || { result s4-rspregistrar FAIL "rspregistrar did not start (see scenario4/rspregistrar.out)"; exit 1; }
write_node_conf "$OUT/node.conf"

# Our ENRP timers are tuned for a 2 s takeover (250 ms Presence cycle); RSPLIB sends Presence every ~2.4 s, so use
# RSPLIB's timers here (RFC 5353 §3.5), or our registrar takes rspregistrar for dead between two of its Presences.
cat >"$OUT/registrar.conf" <<'CONF'
rserpool.registrar.enrp {
  peer-heartbeat-cycle = 2444ms
  max-time-last-heard = 5s
  max-time-no-response = 5s
  takeover-expiry = 5s
  mentor-discovery-timeout = 5s
}
CONF
start_bg "$OUT/registrar.log" env DOTNET_TieredPGO=0 $RSERPOOL registrar --config "$OUT/registrar.conf" --asap 127.0.0.1:3864 --asap-sctp 127.0.0.1:3864 --asap-announce off \
    --enrp 127.0.0.1:9902 --peer 127.0.0.1:9901 --status 127.0.0.1:8099 --log-level Debug
REGISTRAR=$LAST_PID
# Default ENRP transport "auto": TCP and SCTP on 9902 (rspregistrar is reached over SCTP after TCP is refused).
if wait_for 90 grep -q "ENRP on TCP and SCTP" "$OUT/registrar.log"; then
    result s4-registrar-enrp-sctp PASS "$(grep -o 'ready: .*' "$OUT/registrar.log" | head -1 | sed 's/ {"ActorPath.*//; s/ {}$//')"
else
    result s4-registrar-enrp-sctp FAIL "our registrar did not serve ENRP on SCTP (see scenario4/registrar.log)"; exit 1
fi

start_bg "$OUT/rspserver.out" rspserver -echo -poolhandle=EchoPool -registrar=127.0.0.1:3863 -asapannounce=off -local=127.0.0.1 \
    -loglevel=3 -logcolor=off -logfile="$OUT/rspserver.log"
start_bg "$OUT/server.log" env DOTNET_TieredPGO=0 $RSERPOOL server --service echo --pool EchoPool --registrar 127.0.0.1:3864 \
    --local 127.0.0.1:0 --config "$OUT/node.conf" --log-level Debug
wait_for 120 grep -q "server ready" "$OUT/server.log" || { result s4-server FAIL "our server did not register with our registrar"; exit 1; }

two_at() { hsdump_to "$OUT/hsdump-$1.txt" "$2"; grep -a 'Pool "EchoPool"' "$OUT/hsdump-$1.txt" | grep -q "(2 nodes)"; }
if wait_for 60 two_at rsplib 127.0.0.1:9901; then
    result s4-rsplib-sees-both PASS "rspregistrar: $(grep -a -m1 'Pool "EchoPool"' "$OUT/hsdump-rsplib.txt" | sed 's/^ *//')"
else
    result s4-rsplib-sees-both FAIL "rspregistrar's handlespace lacks a PE (see scenario4/hsdump-rsplib.txt, registrar.log)"
fi
if wait_for 60 two_at ours 127.0.0.1:9902; then
    result s4-ours-sees-both PASS "our registrar via hsdump: $(grep -a -m1 'Pool "EchoPool"' "$OUT/hsdump-ours.txt" | sed 's/^ *//')"
else
    result s4-ours-sees-both FAIL "our registrar's handlespace (hsdump) lacks a PE (see scenario4/hsdump-ours.txt, registrar.log)"
fi

# Our monitor reads our registrar's status endpoint: both PEs (one owned by rspregistrar) and rspregistrar as a peer.
monitor_sees_both() { timeout 60 $RSERPOOL monitor --status http://127.0.0.1:8099/ >"$OUT/monitor.txt" 2>&1 && grep -q "pool EchoPool: 2 PEs" "$OUT/monitor.txt"; }
if wait_for 60 monitor_sees_both && grep -q "owner 0x" "$OUT/monitor.txt"; then
    result s4-monitor PASS "$(grep -m1 '^registrar' "$OUT/monitor.txt"); $(grep -c '  PE 0x' "$OUT/monitor.txt") PEs, one with $(grep -m1 -o 'owner 0x[0-9a-f]*' "$OUT/monitor.txt")"
else
    result s4-monitor FAIL "rserpool monitor did not show both PEs (see scenario4/monitor.txt)"
fi

# The same ENRP port over TCP: a TCP-only registrar of ours (ENRP 9904) takes ours on 9902 as its mentor and must
# download both PEs (ours and, replicated over SCTP from rspregistrar, the rspserver). It leaves again at once, so the
# rspregistrars below never learn of a peer they cannot reach.
mkdir -p "$OUT/tcp-peer"
# A long mentor wait: under TCG the first Presence round trip can exceed 5 s; the startup ends with the download anyway.
echo "rserpool.registrar.enrp.mentor-discovery-timeout = 60s" >"$OUT/tcp-peer/mentor.conf"
start_bg "$OUT/tcp-peer/registrar.log" env DOTNET_TieredPGO=0 $RSERPOOL registrar --config "$OUT/registrar.conf" --config "$OUT/tcp-peer/mentor.conf" --asap 127.0.0.1:3866 --asap-sctp off \
    --asap-announce off --enrp 127.0.0.1:9904 --enrp-transport tcp --peer 127.0.0.1:9902 --log-level Debug
TCP_PEER=$LAST_PID
if wait_for 90 grep -a -q -E "startup phase over .*; 2 PEs known" "$OUT/tcp-peer/registrar.log"; then
    result s4-enrp-tcp-beside-sctp PASS "$(grep -a -m1 -o 'ready: .*' "$OUT/tcp-peer/registrar.log" | sed 's/ {.*//'); $(grep -a -m1 -o 'ENRP startup phase over.*PEs known' "$OUT/tcp-peer/registrar.log")"
else
    result s4-enrp-tcp-beside-sctp FAIL "a TCP-only registrar did not download both PEs from ours over TCP (see scenario4/tcp-peer/registrar.log)"
fi
stop_pid "$TCP_PEER"

# Each hsdump run joins the registrars as a peer and leaves at once; a takeover waits for the acknowledgement of every
# listed peer (RFC 5353 §3.5.1; docs/protocol-notes.md §10), RSPLIB's even of one found dead meanwhile. Both registrars drop such a peer after
# max-time-last-heard + max-time-no-response (5 s + 5 s here), so wait that long before killing a registrar.
hsdump_peers_gone() { sleep 12; }

# Takeover (RFC 5353 §3.5): rspregistrar dies; ours must find it silent, take over its PE and keep it in the handlespace.
hsdump_peers_gone
kill -KILL "$RSPREGISTRAR" 2>/dev/null
if wait_for 90 grep -q "took over 0x" "$OUT/registrar.log"; then
    took=$(grep -a -m1 -o "took over 0x.*PEs" "$OUT/registrar.log")
    if wait_for 30 two_at ours-after-takeover 127.0.0.1:9902; then
        result s4-takeover PASS "our registrar $took; hsdump: $(grep -a -m1 'Pool "EchoPool"' "$OUT/hsdump-ours-after-takeover.txt" | sed 's/^ *//')"
    else
        result s4-takeover FAIL "our registrar $took, but its handlespace lacks a PE (see scenario4/hsdump-ours-after-takeover.txt)"
    fi
else
    result s4-takeover FAIL "our registrar did not take over the killed rspregistrar's PE (see scenario4/registrar.log)"
fi

# The other way: a fresh rspregistrar peers with ours (ours is its mentor), then ours is killed and rspregistrar must
# take over our PEs (RSPLIB logs that as a warning: "Takeover of peer $<id> completed").
ours=$(grep -a -m1 -o 'registrar 0x[0-9a-f]* ready' "$OUT/registrar.log" | sed 's/registrar 0x//; s/ ready//')
mkdir -p "$OUT/second"
# RSPLIB 3.4.4 completes a takeover only on the last INIT_TAKEOVER_ACK, so with no third registrar to acknowledge it
# expires ("0 outstanding acknowledgements"): a third rspregistrar (ASAP 3865, ENRP 9903) joins before the kill.
mkdir -p "$OUT/third"
if start_rspregistrar "$OUT/second" -peer=127.0.0.1:9902 && wait_for 60 two_at rsplib-second 127.0.0.1:9901; then
    start_bg "$OUT/third/rspregistrar.out" rspregistrar -asap=127.0.0.1:3865 -enrp=127.0.0.1:9903 -asapannounce=off -enrpannounce=off \
        -mentordiscoverytimeout=1000 -loglevel=3 -logcolor=off -logfile="$OUT/third/rspregistrar.log" -peer=127.0.0.1:9901 -peer=127.0.0.1:9902
    wait_for 60 grep -q "registrar is ready" "$OUT/third/rspregistrar.log"
    hsdump_peers_gone
    kill -KILL "$REGISTRAR" 2>/dev/null
    if wait_for 90 grep -q "Takeover of peer \$$ours completed" "$OUT/second/rspregistrar.log" "$OUT/third/rspregistrar.log"; then
        if wait_for 30 two_at rsplib-after-takeover 127.0.0.1:9901; then
            result s4-rsplib-takeover PASS "$(grep -l "Takeover of peer \$$ours completed" "$OUT"/second/rspregistrar.log "$OUT"/third/rspregistrar.log | sed "s|$OUT/||; s|/rspregistrar.log||") rspregistrar: Takeover of peer \$$ours completed; hsdump: $(grep -a -m1 'Pool "EchoPool"' "$OUT/hsdump-rsplib-after-takeover.txt" | sed 's/^ *//')"
        else
            result s4-rsplib-takeover FAIL "rspregistrar took over \$$ours but lacks a PE (see scenario4/hsdump-rsplib-after-takeover.txt)"
        fi
    else
        result s4-rsplib-takeover FAIL "the second rspregistrar did not take over our registrar \$$ours (see scenario4/second/rspregistrar.log)"
    fi
else
    result s4-rsplib-takeover FAIL "the second rspregistrar did not come up with both PEs (see scenario4/second/, hsdump-rsplib-second.txt)"
fi

stop_all
stop_capture
# RSPLIB logs its own takeover of ours as warnings: "Taking over peer $<ours>...", "Takeover of peer $<ours> completed",
# and "Sending TakeoverServer failed" for each listed peer it cannot reach then (ours is dead). Nothing else may appear.
complaints=$(grep -a -i -E "error|warning|invalid|unable" "$OUT/rspregistrar.log" "$OUT"/second/rspregistrar.log "$OUT"/third/rspregistrar.log 2>/dev/null |
    grep -a -v -E "Takeover of peer \\\$$ours completed|Taking over peer \\\$$ours|Sending TakeoverServer failed" | head -3)
if [ -z "$complaints" ]; then
    result s4-rsplib-logs PASS "no errors or warnings in the three rspregistrar.log (but RSPLIB's own takeover lines)"
else
    result s4-rsplib-logs FAIL "$complaints"
fi
exit 0
