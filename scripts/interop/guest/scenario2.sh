#!/bin/bash
# Scenario 2 (issue 7): OUR `rserpool server --service echo` registers with RSPLIB's rspregistrar (ASAP over SCTP,
# SCTP user transport), hsdump shows it with policy and transport, and RSPLIB's rspterminal gets echoes from it
# (data on its own PPID, control on PPID 11: RFC 5352 §5). No transport flags: with kernel SCTP our server
# uses SCTP by default (registrar-client.transport and server.transport "auto"). It listens on 0.0.0.0 and registers
# the address it reaches the registrar from (docs/protocol-notes.md §6). Captures lo (SCTP). Usage: scenario2.sh OUTDIR
set -u
OUT=$1/scenario2
mkdir -p "$OUT"
source "$(dirname "$0")/common.sh"
trap stop_all EXIT

modprobe sctp
start_capture "$OUT/scenario2.pcap" || { result s2-capture FAIL "tshark did not start"; exit 1; }
start_rspregistrar "$OUT" || { result s2-rspregistrar FAIL "rspregistrar did not listen (see scenario2/rspregistrar.out)"; exit 1; }
write_node_conf "$OUT/node.conf"

start_bg "$OUT/server.log" env DOTNET_TieredPGO=0 $RSERPOOL server --service echo --pool EchoPool --policy RoundRobin \
    --registrar 127.0.0.1:3863 --local 0.0.0.0:0 --config "$OUT/node.conf" --log-level Debug
SERVER=$LAST_PID
if wait_for 120 grep -q "server ready" "$OUT/server.log"; then
    PE=$(grep -o 'server ready: PE 0x[0-9a-f]*' "$OUT/server.log" | head -1 | awk '{print $4}')
    result s2-register PASS "$(grep -o 'server ready: .*' "$OUT/server.log" | head -1 | sed 's/ {"ActorPath.*//; s/ {}$//')"
else
    result s2-register FAIL "our server did not register with rspregistrar (see scenario2/server.log, rspregistrar.log)"
    exit 1
fi
PE_HEX=${PE#0x}

# RSPLIB's own view of its handlespace (via ENRP): our PE in EchoPool, round robin, SCTP with control channel.
hsdump_to "$OUT/hsdump.txt"
pool_line=$(grep -a 'Pool "EchoPool"' "$OUT/hsdump.txt" | head -1)
if echo "$pool_line" | grep -q 'Policy "RoundRobin", Protocol SCTP, CtrlCh=yes' && grep -a -qi "$PE_HEX" "$OUT/hsdump.txt"; then
    result s2-hsdump PASS "$(echo "$pool_line" | sed 's/^ *//'); PE \$$PE_HEX $(grep -a -m1 'userT:' "$OUT/hsdump.txt" | sed 's/^ *//')"
else
    result s2-hsdump FAIL "EchoPool/RoundRobin/SCTP/CtrlCh or PE $PE missing in hsdump (see scenario2/hsdump.txt)"
fi

(echo "hello-rserpool-$$"; sleep 8) | timeout -s INT 30 rspterminal -registrar=127.0.0.1:3863 -asapannounce=off -poolhandle=EchoPool \
    -logcolor=off >"$OUT/rspterminal.out" 2>&1
ECHO=$(grep -a -o "from PE \$[0-9a-f]*> hello-rserpool-$$" "$OUT/rspterminal.out" | head -1)
if [ -n "$ECHO" ] && echo "$ECHO" | grep -qi "\$$PE_HEX>"; then
    result s2-echo PASS "$ECHO (our PE)"
else
    result s2-echo FAIL "no echo from our PE $PE: ${ECHO:-none} (see scenario2/rspterminal.out, server.log)"
fi

# SIGTERM (a background job of a script ignores SIGINT): our PE sends ASAP Deregistration; RSPLIB's handlespace loses it.
stop_pid "$SERVER" TERM
hsdump_to "$OUT/hsdump-after.txt"
deregistered=$(grep -a -o "PE $PE: Deregistered[^{]*" "$OUT/server.log" | head -1)
if grep -a -qi "$PE_HEX" "$OUT/hsdump-after.txt" || [ -z "$deregistered" ]; then
    result s2-deregister FAIL "PE $PE not deregistered cleanly: '${deregistered:-no Deregistered in server.log}' (see scenario2/hsdump-after.txt)"
else
    result s2-deregister PASS "$deregistered; gone from rspregistrar's handlespace ($(grep -a -o 'Handlespace.*' "$OUT/hsdump-after.txt" | head -1))"
fi

stop_pid "$RSPREGISTRAR" INT
stop_capture

complaints=$(grep -a -i -E "error|warning|invalid|unable" "$OUT/rspregistrar.log" "$OUT/rspterminal.out" | head -3)
if [ -z "$complaints" ]; then
    result s2-rsplib-logs PASS "no errors or warnings in rspregistrar.log and rspterminal.out"
else
    result s2-rsplib-logs FAIL "$complaints"
fi
exit 0
