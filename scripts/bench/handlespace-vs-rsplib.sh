#!/usr/bin/env bash
# Issue 14 item 2 (docs/bench-handlespace.md): our handlespace against RSPLIB's, in memory, every policy at 100,000 PEs.
#
#   scripts/bench/handlespace-vs-rsplib.sh RSPLIB_SOURCE_DIR [ROUNDS] [PES] [MIN_SECONDS] [POLICY]
#
# RSPLIB_SOURCE_DIR is a checkout of RSPLIB's public repository (github.com/dreibh/rsplib); its handlespace sources
# (src/poolhandlespacemanagement*.c and what they need) are compiled with gcc -O2 into a scratch directory together
# with our driver scripts/bench/handlespace-rsplib-driver.c. Nothing of RSPLIB is copied into this repository.
# Rounds alternate: our `handlespace-harness vs-rsplib` (tests/Benchmarks), then the RSPLIB driver, ROUNDS times
# (default 5); the script prints per policy and operation the median M ops/s of each side and ours / RSPLIB
# (KEEP_RESULTS=FILE keeps the per-round figures). Both sides count operations per CPU second of their process
# (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)), so that other processes on a shared machine do not decide the ratio;
# MIN_SECONDS (default 0.25) is the CPU time each resolution figure runs for.
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1/src/poolhandlespacemanagement.c" ]]; then
    echo "usage: $0 RSPLIB_SOURCE_DIR [ROUNDS] [PES] [MIN_SECONDS] [POLICY]  (a checkout of github.com/dreibh/rsplib)" >&2
    exit 2
fi

RSPLIB_SRC="$(cd "$1/src" && pwd)"
ROUNDS="${2:-5}"
PES="${3:-100000}"
MIN_SECONDS="${4:-0.25}"
POLICY="${5:-}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/handlespace-vs-rsplib.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# RSPLIB's handlespace library (librsphsmgt in its CMakeLists.txt) and the helpers it links against. Its CMake build
# uses the simple red-black tree storage; unused functions (SCTP socket helpers) are dropped by --gc-sections.
SOURCES=(rserpoolerror.c poolhandlespacechecksum.c poolhandle.c poolhandlespacemanagement-basics.c
         poolhandlespacemanagement.c poolpolicysettings.c timestamphashtable.c transportaddressblock.c
         simpleredblacktree.c randomizer.c stringutilities.c timeutilities.c loglevel.c netutilities.c
         netdouble.c threadsafety.c)
CFLAGS=(-O2 -ffunction-sections -fdata-sections -DINCLUDE_SIMPLEREDBLACKTREE -DUSE_SIMPLEREDBLACKTREE
        -DMAX_LOGLEVEL=9 -w -I"$RSPLIB_SRC")
echo "building RSPLIB's handlespace from $RSPLIB_SRC (gcc -O2) ..." >&2
for source in "${SOURCES[@]}"; do
    gcc "${CFLAGS[@]}" -c "$RSPLIB_SRC/$source" -o "$WORK/${source%.c}.o"
done
gcc "${CFLAGS[@]}" "$REPO/scripts/bench/handlespace-rsplib-driver.c" "$WORK"/*.o -Wl,--gc-sections -lm -lpthread \
    -o "$WORK/rsplib-driver"

echo "building the harness (Release) ..." >&2
dotnet build "$REPO/tests/Benchmarks" -c Release -nologo -v:quiet >&2
HARNESS="$REPO/tests/Benchmarks/bin/Release/net10.0/RSerPool.Benchmarks.dll"

echo "start $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds, $PES PEs" >&2
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round/$ROUNDS: ours ..." >&2
    dotnet "$HARNESS" handlespace-harness vs-rsplib "$PES" "$MIN_SECONDS" ${POLICY:+"$POLICY"} \
        | awk '$1 == "RESULT" { print "ours", $2, $3, $4 }' >> "$WORK/results"
    echo "round $round/$ROUNDS: RSPLIB ..." >&2
    "$WORK/rsplib-driver" "$PES" "$MIN_SECONDS" ${POLICY:+"$POLICY"} \
        | awk '$1 == "RESULT" { print "rsplib", $2, $3, $4 }' >> "$WORK/results"
done
echo "end $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The raw per-round figures, when asked for (KEEP_RESULTS=file).
if [[ -n "${KEEP_RESULTS:-}" ]]; then
    cp "$WORK/results" "$KEEP_RESULTS"
fi

# Medians per side, policy and operation; then the ratio ours / RSPLIB.
python3 - "$WORK/results" <<'EOF'
import statistics, sys
rates = {}
order = []
for line in open(sys.argv[1]):
    side, policy, operation, rate = line.split()
    key = (policy, operation)
    if key not in order:
        order.append(key)
    rates.setdefault((side, *key), []).append(float(rate))
print("| Policy | operation | ours M/s | RSPLIB M/s | ours / RSPLIB |")
print("|---|---|---:|---:|---:|")
for policy, operation in order:
    ours = statistics.median(rates.get(("ours", policy, operation), [float("nan")]))
    theirs = statistics.median(rates.get(("rsplib", policy, operation), [float("nan")]))
    print(f"| {policy} | {operation} | {ours:.2f} | {theirs:.2f} | {ours / theirs:.2f} |")
EOF
