#!/bin/bash
# Scenario 1 (issue 7): RSPLIB rspserver -echo registers with OUR registrar over SCTP, RSPLIB rspterminal gets
# echoes through it, and killing the rspserver removes the PE from our handlespace. Captures lo (SCTP) to a pcap.
# Usage: scenario1.sh OUTDIR
set -u
OUT=$1/scenario1
mkdir -p "$OUT"
source "$(dirname "$0")/common.sh"
trap stop_all EXIT

modprobe sctp
start_capture "$OUT/scenario1.pcap" || { result s1-capture FAIL "tshark did not start"; exit 1; }

# Our registrar: ASAP on TCP and SCTP 127.0.0.1:3863 (different protocols, same port), no announces.
# Keep-alive times as RSPLIB's PE expects them loosely; TCG makes everything slow.
# INTEROP_ASAP_SCTP_STYLE=one-to-one serves ASAP SCTP on one socket per association (rserpool.registrar.asap-sctp-style;
# default one-to-many).
echo "rserpool.registrar.asap-sctp-style = \"${INTEROP_ASAP_SCTP_STYLE:-one-to-many}\"" >"$OUT/registrar.conf"
start_bg "$OUT/registrar.log" env DOTNET_TieredPGO=0 $RSERPOOL registrar --config "$OUT/registrar.conf" --asap 127.0.0.1:3863 --asap-sctp 127.0.0.1:3863 --asap-announce off \
    --keep-alive-interval 2s --keep-alive-timeout 3s --log-level Debug
REGISTRAR=$LAST_PID
if wait_for 90 grep -q "serving ASAP on SCTP" "$OUT/registrar.log"; then
    result s1-registrar-sctp PASS "$(grep -o "serving ASAP on SCTP [^ ]*" "$OUT/registrar.log" | head -1) (${INTEROP_ASAP_SCTP_STYLE:-one-to-many})"
else
    result s1-registrar-sctp FAIL "our registrar did not listen on SCTP (see scenario1/registrar.log)"
    exit 1
fi
ss -Hln --sctp >"$OUT/ss.txt" 2>&1

# RSPLIB's ASAP request timeout (about 3 s) is shorter than our registrar's first, JIT-compiling answer under TCG:
# give RSPLIB's requests 15 s (its own flags), so a slow first answer is not taken for a dead registrar.
RSPLIB_TIMEOUTS="-registrarrequesttimeout=15000 -registrarresponsetimeout=15000"
start_bg "$OUT/rspserver.out" rspserver -echo -poolhandle=EchoPool -registrar=127.0.0.1:3863 -asapannounce=off -local=127.0.0.1 \
    $RSPLIB_TIMEOUTS -loglevel=3 -logcolor=off -logfile="$OUT/rspserver.log"
SERVER=$LAST_PID
if wait_for 90 grep -q "registered in EchoPool" "$OUT/registrar.log"; then
    PE=$(grep -o 'PE 0x[0-9a-f]* registered in EchoPool' "$OUT/registrar.log" | tail -1 | awk '{print $2}')
    # Registered for good: the PE answers our keep-alives for a while (interval 2 s) and is not removed.
    sleep 6
    if grep -q "PE $PE removed" "$OUT/registrar.log"; then
        result s1-register FAIL "PE $PE registered but was removed again: $(grep -o "PE $PE removed.*" "$OUT/registrar.log" | head -1)"
        exit 1
    fi
    result s1-register PASS "$(grep -o "PE $PE registered in EchoPool.*" "$OUT/registrar.log" | head -1 | sed 's/ {"ActorPath.*//')"
else
    result s1-register FAIL "rspserver did not register (see scenario1/registrar.log, rspserver.log)"
    exit 1
fi

# rspterminal sends stdin lines to a PE it resolves through our registrar; it does not exit on EOF.
(echo "hello-rserpool-$$"; sleep 8) | timeout -s INT 30 rspterminal -registrar=127.0.0.1:3863 -asapannounce=off -poolhandle=EchoPool \
    -logcolor=off >"$OUT/rspterminal.out" 2>&1
ECHO=$(grep -a -o "from PE \$[0-9a-f]*> hello-rserpool-$$" "$OUT/rspterminal.out" | head -1)
if [ -n "$ECHO" ]; then
    TERMINAL_PE=$(echo "$ECHO" | sed 's/from PE \$\([0-9a-f]*\)>.*/\1/')
    if [ "0x$TERMINAL_PE" = "$PE" ]; then
        result s1-echo PASS "$ECHO (the PE our registrar registered)"
    else
        result s1-echo FAIL "$ECHO but our registrar registered $PE"
    fi
else
    result s1-echo FAIL "no echo (see scenario1/rspterminal.out)"
fi

# Killing the PE process ends its SCTP association (the kernel aborts or shuts it down): our registrar must drop it.
before=$(wc -l <"$OUT/registrar.log")
{ kill -KILL "$SERVER"; wait "$SERVER"; } 2>/dev/null
removed_after_kill() { tail -n +"$((before + 1))" "$OUT/registrar.log" | grep -q "PE $PE removed from EchoPool"; }
if wait_for 60 removed_after_kill; then
    result s1-remove PASS "$(tail -n +"$((before + 1))" "$OUT/registrar.log" | grep -o "PE $PE removed from EchoPool.*" | head -1 | sed 's/ {"ActorPath.*//')"
else
    result s1-remove FAIL "the killed PE stayed in our handlespace (see scenario1/registrar.log)"
fi

stop_pid "$REGISTRAR" INT
stop_capture

# RSPLIB must not have complained about anything we sent (decode errors, timeouts, rejected requests).
complaints=$(grep -a -i -E "error|warning" "$OUT/rspserver.log" "$OUT/rspterminal.out" | head -3)
if [ -z "$complaints" ]; then
    result s1-rsplib-logs PASS "no errors or warnings in rspserver.log and rspterminal.out"
else
    result s1-rsplib-logs FAIL "$complaints"
fi
exit 0
