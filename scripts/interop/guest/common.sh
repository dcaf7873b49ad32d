# Helpers for the in-guest interop scenarios (sourced). Every wait is bounded; daemons are killed by PID.
RSERPOOL="dotnet /mnt/project/hosts/rserpool.dll"
PIDS=()

result() { # name PASS|FAIL detail...
    local name=$1 verdict=$2; shift 2
    echo "RESULT $name $verdict $*"
}

# wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; 1 when the time is up
wait_for() {
    local seconds=$1 i; shift
    for ((i = 0; i < seconds * 5; i++)); do
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
