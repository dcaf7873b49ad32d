#!/bin/bash
# Scenario 4 (issue 7), first part, experimental: ENRP over SCTP (PPID 12) between OUR registrar and RSPLIB's
# rspregistrar, statically peered; an rspserver registered at rspregistrar and our server registered at ours must
# both show in the handlespace of each registrar (hsdump reads ours too). Takeover (kill a registrar) is not checked
# yet. Runs only with INTEROP_SCENARIO4=1. Usage: scenario4.sh OUTDIR
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
# RSPLIB's timers here (enrp.md §5), or our registrar takes rspregistrar for dead between two of its Presences.
cat >"$OUT/registrar.conf" <<'CONF'
rserpool.registrar.enrp {
  peer-heartbeat-cycle = 2444ms
  max-time-last-heard = 5s
  max-time-no-response = 5s
  takeover-expiry = 5s
}
CONF
start_bg "$OUT/registrar.log" env DOTNET_TieredPGO=0 $RSERPOOL registrar --config "$OUT/registrar.conf" --asap 127.0.0.1:3864 --asap-sctp 127.0.0.1:3864 --asap-announce off \
    --enrp 127.0.0.1:9902 --enrp-transport sctp --peer 127.0.0.1:9901 --log-level Debug
if wait_for 90 grep -q "ENRP on SCTP" "$OUT/registrar.log"; then
    result s4-registrar-enrp-sctp PASS "$(grep -o 'ready: .*' "$OUT/registrar.log" | head -1 | sed 's/ {"ActorPath.*//; s/ {}$//')"
else
    result s4-registrar-enrp-sctp FAIL "our registrar did not serve ENRP on SCTP (see scenario4/registrar.log)"; exit 1
fi

start_bg "$OUT/rspserver.out" rspserver -echo -poolhandle=EchoPool -registrar=127.0.0.1:3863 -asapannounce=off -local=127.0.0.1 \
    -loglevel=3 -logcolor=off -logfile="$OUT/rspserver.log"
start_bg "$OUT/server.log" env DOTNET_TieredPGO=0 $RSERPOOL server --service echo --pool EchoPool --registrar 127.0.0.1:3864 \
    --registrar-transport sctp --transport sctp --local 127.0.0.1:0 --config "$OUT/node.conf" --log-level Debug
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

stop_all
stop_capture
complaints=$(grep -a -i -E "error|warning|invalid|unable" "$OUT/rspregistrar.log" | head -3)
if [ -z "$complaints" ]; then
    result s4-rsplib-logs PASS "no errors or warnings in rspregistrar.log"
else
    result s4-rsplib-logs FAIL "$complaints"
fi
exit 0
