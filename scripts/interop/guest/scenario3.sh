#!/bin/bash
# Scenario 3 (issue 7): OUR `rserpool terminal` resolves through RSPLIB's rspregistrar (ASAP over SCTP) and talks to
# RSPLIB `rspserver -echo` PEs over SCTP, failing over when its PE is killed; then with `rspserver -pingpong`
# (PPID 33) it echoes RSPLIB's cookie after the failover, so the new PE goes on counting replies without a gap.
# No transport flag: with kernel SCTP our terminal speaks ASAP over SCTP by default. Usage: scenario3.sh OUTDIR
set -u
OUT=$1/scenario3
mkdir -p "$OUT"
source "$(dirname "$0")/common.sh"
FIFOS=$(mktemp -d)
trap 'exec 7>&- 2>/dev/null; stop_all; rm -rf "$FIFOS"' EXIT

modprobe sctp
start_capture "$OUT/scenario3.pcap" || { result s3-capture FAIL "tshark did not start"; exit 1; }
start_rspregistrar "$OUT" || { result s3-rspregistrar FAIL "rspregistrar did not listen (see scenario3/rspregistrar.out)"; exit 1; }
write_node_conf "$OUT/node.conf"

pool_has() { # POOL N: hsdump lists POOL with N nodes
    hsdump_to "$OUT/hsdump-wait.txt"; grep -a "Pool \"$1\"" "$OUT/hsdump-wait.txt" | grep -q "($2 nodes)"
}
RSPSERVERS=()
start_rspservers() { # SERVICE POOL
    local i
    for i in 1 2; do
        start_bg "$OUT/rspserver-$1-$i.out" rspserver -"$1" -poolhandle="$2" -registrar=127.0.0.1:3863 -asapannounce=off -local=127.0.0.1 \
            -loglevel=3 -logcolor=off -logfile="$OUT/rspserver-$1-$i.log"
        RSPSERVERS+=("$LAST_PID")
    done
    wait_for 60 pool_has "$2" 2
}
pid_on_port() { # PORT: the PID of the process listening on SCTP PORT
    ss -Hlnp --sctp | grep -a ":$1 " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
# terminal_session PROTOCOL POOL NAME: our terminal reading lines from the FIFO on fd 7
terminal_session() {
    local fifo=$FIFOS/$3.in                                           # the 9p share has no FIFOs
    rm -f "$fifo"; mkfifo "$fifo"
    exec 7<>"$fifo"                                                   # read-write: neither open below blocks
    # Not start_bg: a background command's stdin would be /dev/null unless redirected on the command itself.
    env DOTNET_TieredPGO=0 $RSERPOOL terminal --protocol "$1" --pool "$2" --registrar 127.0.0.1:3863 \
        --config "$OUT/node.conf" --answer-timeout 15s --log-level Debug <"$fifo" >"$OUT/$3.log" 2>&1 &
    TERMINAL=$!
    PIDS+=("$TERMINAL")
}
kill_current_pe() { # LOG: kills the rspserver behind the terminal's current session; sets KILLED_PE
    local line port pid
    line=$(grep -a -o 'session with PE 0x[0-9a-f]* of pool [^ ]* at SCTP port [0-9]*' "$1" | tail -1)
    KILLED_PE=$(echo "$line" | awk '{print $4}')
    port=${line##* }
    pid=$(pid_on_port "$port")
    [ -n "$pid" ] && [[ " ${RSPSERVERS[*]} " == *" $pid "* ]] || return 1   # only an rspserver this script started
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null # status 137: killed, as meant
    return 0
}

# ---- echo: failover between two rspserver -echo ----
if start_rspservers echo EchoPool; then
    result s3-rspservers PASS "two rspserver -echo PEs in rspregistrar's EchoPool"
else
    result s3-rspservers FAIL "the rspserver -echo PEs did not both register (see scenario3/hsdump-wait.txt)"; exit 1
fi
terminal_session text EchoPool echo-terminal
echo "s3-before-$$" >&7
if wait_for 120 grep -a -q "^s3-before-$$" "$OUT/echo-terminal.log"; then
    result s3-echo PASS "$(grep -a -o 'session with PE .*' "$OUT/echo-terminal.log" | head -1): s3-before-$$ echoed"
else
    result s3-echo FAIL "no echo through rspregistrar and rspserver (see scenario3/echo-terminal.log)"; exit 1
fi
if kill_current_pe "$OUT/echo-terminal.log" && wait_for 60 grep -a -q "failover from PE $KILLED_PE" "$OUT/echo-terminal.log"; then
    echo "s3-after-$$" >&7
    if wait_for 60 grep -a -q "^s3-after-$$" "$OUT/echo-terminal.log"; then
        result s3-failover PASS "$(grep -a -o 'failover from PE .*' "$OUT/echo-terminal.log" | head -1); s3-after-$$ echoed"
    else
        result s3-failover FAIL "failed over from $KILLED_PE but got no echo after it (see scenario3/echo-terminal.log)"
    fi
else
    result s3-failover FAIL "no failover after killing the PE of the session ($KILLED_PE; see scenario3/echo-terminal.log)"
fi
exec 7>&-
stop_pid "$TERMINAL" INT
stop_all_rspservers() { local p; for p in "${RSPSERVERS[@]}"; do stop_pid "$p" INT; done; RSPSERVERS=(); }
stop_all_rspservers

# ---- ping-pong: the PE's cookie (next reply number) is echoed to the new PE after the failover ----
if start_rspservers pingpong PingPongPool; then
    terminal_session pingpong PingPongPool pingpong-terminal
    echo "ping-a" >&7
    wait_for 120 grep -a -q "^pong #1 reply #1: ping-a" "$OUT/pingpong-terminal.log"
    echo "ping-b" >&7
    if wait_for 60 grep -a -q "^pong #2 reply #2: ping-b" "$OUT/pingpong-terminal.log" && kill_current_pe "$OUT/pingpong-terminal.log" \
        && wait_for 60 grep -a -q "failover from PE $KILLED_PE" "$OUT/pingpong-terminal.log"; then
        echo "ping-c" >&7
        if wait_for 60 grep -a -q "^pong #3 reply #3: ping-c" "$OUT/pingpong-terminal.log"; then
            result s3-pingpong-cookie PASS "after $(grep -a -o 'failover from PE [^:]*' "$OUT/pingpong-terminal.log" | head -1): pong #3 reply #3 (the new PE went on from the echoed cookie)"
        else
            result s3-pingpong-cookie FAIL "no 'pong #3 reply #3' after the failover: $(grep -a '^pong' "$OUT/pingpong-terminal.log" | tail -1) (see scenario3/pingpong-terminal.log)"
        fi
    else
        result s3-pingpong-cookie FAIL "no pongs or no failover (see scenario3/pingpong-terminal.log)"
    fi
    exec 7>&-
    stop_pid "$TERMINAL" INT
else
    result s3-pingpong-cookie FAIL "the rspserver -pingpong PEs did not both register"
fi
stop_all_rspservers
stop_pid "$RSPREGISTRAR" INT
stop_capture

echoes=$(tshark -r "$OUT/scenario3.pcap" -Y 'asap.message_type == 12' 2>/dev/null | wc -l)
if [ "$echoes" -ge 1 ]; then
    result s3-cookie-echo-wire PASS "$echoes ASAP Cookie Echo message(s) on the wire (PPID 11)"
else
    result s3-cookie-echo-wire FAIL "no ASAP Cookie Echo captured"
fi
# Benign: our PU reports the killed PE unreachable (RFC 5352 §3.5), but rspregistrar had already
# removed it when the PE's own association ended, and logs a warning for the report (docs/interop.md).
benign="EndpointUnreachable for non-existing pool element"
complaints=$(grep -a -i -E "error|warning|invalid|unable" "$OUT"/rspregistrar.log "$OUT"/rspserver-*.log | grep -v "$benign" | head -3)
if [ -z "$complaints" ]; then
    result s3-rsplib-logs PASS "no errors or warnings in rspregistrar.log and the rspserver logs ($(grep -a -c "$benign" "$OUT/rspregistrar.log") x '$benign' after the kills)"
else
    result s3-rsplib-logs FAIL "$complaints"
fi
exit 0
