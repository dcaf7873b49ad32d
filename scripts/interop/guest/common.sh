# Helpers for the in-guest interop scenarios (sourced). Every wait is bounded; daemons are killed by PID.
RSERPOOL=${RSERPOOL:-"dotnet /mnt/project/hosts/rserpool.dll"}
PIDS=()

result() { # name PASS|FAIL detail...
    local name=$1 verdict=$2; shift 2
    echo "RESULT $name $verdict $*"
}

# wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; 1 when SECONDS of wall time are up
# (also when COMMAND itself is slow, e.g. an hsdump that waits for its timeout)
wait_for() {
    local end=$((SECONDS + $1)); shift
    while ((SECONDS < end)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    return 1
}

start_bg() { # logfile command... -> sets LAST_PID
    local log=$1; shift
    "$@" >"$log" 2>&1 &
    LAST_PID=$!
    PIDS+=("$LAST_PID")
}

stop_pid() { # pid [signal]: signal, wait up to 10 s, then KILL
    local pid=$1 sig=${2:-TERM} i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -"$sig" "$pid" 2>/dev/null
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    PIDS=()
}

# start_capture PCAP: tshark on loopback, SCTP only; returns when it captures
start_capture() {
    local pcap=$1
    start_bg "$pcap.log" tshark -i lo -f sctp -w "$pcap"
    CAPTURE_PID=$LAST_PID
    wait_for 30 grep -q "Capturing on" "$pcap.log"
}

stop_capture() {
    sleep 1 # let the last packets reach the file
    stop_pid "$CAPTURE_PID" INT
}

# start_rspregistrar OUTDIR: RSPLIB's registrar on loopback (ASAP 3863, ENRP 9901, both SCTP), no announces,
# initialization phase 1 s; returns once it answers hsdump (sets RSPREGISTRAR). 1 when it never does.
start_rspregistrar() { # OUTDIR [more rspregistrar flags]
    local out=$1; shift
    start_bg "$out/rspregistrar.out" rspregistrar -asap=127.0.0.1:3863 -enrp=127.0.0.1:9901 -asapannounce=off -enrpannounce=off \
        -mentordiscoverytimeout=1000 -loglevel=3 -logcolor=off -logfile="$out/rspregistrar.log" "$@"
    RSPREGISTRAR=$LAST_PID
    # Ready after its initialization phase (ENRP mentor discovery; about 5 s here even with the 1 s flag).
    wait_for 60 grep -q "registrar is ready" "$out/rspregistrar.log"
}

# hsdump_to FILE [ENRP endpoint]: a registrar's handlespace (hsdump speaks ENRP; default RSPLIB's 127.0.0.1:9901)
hsdump_to() {
    timeout -s INT 20 hsdump "${2:-127.0.0.1:9901}" -logcolor=off >"$1" 2>&1
}

# A HOCON file for our PE/PU processes under TCG: RSPLIB answers at once, but our own first steps JIT-compile.
write_node_conf() {
    cat >"$1" <<'CONF'
rserpool.registrar-client.request-timeout = 15s
rserpool.session.connect-timeout = 10s
CONF
}
