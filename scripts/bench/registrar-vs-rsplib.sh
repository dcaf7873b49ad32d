#!/usr/bin/env bash
# Our registrar vs RSPLIB's rspregistrar over kernel SCTP in the rsplab guest (issue 14; docs/bench-registrar.md).
# Builds the static load generator (scripts/bench/sctp-loadgen.c) and publishes our registrar (Release,
# framework-dependent, as scripts/interop/rsplib.sh does), boots the lab guest, starts both registrars in it, loads one
# at a time in interleaved slices (a warm-up first) and prints ours/RSPLIB ratios: median and IQR over the pairs.
#
# Env: PAIRS (30), SLICE (2 s), WARMUP (30 s of load per registrar before the pairs), WORKLOADS ("hr:1 hr:8 rereg:1
#      rereg:8"), PROFILE=1 (one more short hr:1 run under strace -c -f on both registrars), FLOOR=1 (the workloads
#      once more with scripts/bench/sctp-floor.c, the least work any registrar can do, in place of ours: rows
#      "floor-*", the ceiling of the ours/RSPLIB ratio on this machine), OURS_ENV (environment for our
#      registrar, e.g. "env DOTNET_TieredPGO=0"), HOSTS_DIR (an already published src/Hosts to measure instead of
#      publishing this tree, e.g. a build of another commit), OURS_CONF (a HOCON file appended to our registrar's
#      --config, e.g. to try a dispatcher), RSPLAB_DIR (default: shared/lab beside the clone), RSPLAB_HOME.
# Without the lab: prints a SKIP line, exit 0. Never stops a VM it did not start (refuses while another qemu runs).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LAB=${RSPLAB_DIR:-$ROOT/../shared/lab}
[ -n "${RSPLAB_DIR:-}" ] || [ -d "$LAB" ] || LAB=$ROOT/../../shared/lab
PAIRS=${PAIRS:-30} SLICE=${SLICE:-2} WARMUP=${WARMUP:-30} WORKLOADS=${WORKLOADS:-"hr:1 hr:8 rereg:1 rereg:8"}
OUT=$ROOT/artifacts/bench-registrar
PUB=$OUT/publish
SHARE=$OUT/share
say() { echo "registrar-vs-rsplib.sh: $*" >&2; }

if [ ! -x "$LAB/vm.sh" ]; then
    echo "registrar-vs-rsplib.sh: SKIP: no RSPLIB lab at $LAB"
    exit 0
fi
if pgrep -f '^qemu-system' >/dev/null; then
    say "another qemu is running (the lab VM is in use); try again later"
    exit 1
fi

rm -rf "$OUT"
mkdir -p "$PUB" "$SHARE"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "building the load generator and publishing our registrar"
gcc -O2 -static -Wall -Wextra -o "$PUB/sctp-loadgen" "$ROOT/scripts/bench/sctp-loadgen.c" || { say "gcc failed"; exit 1; }
gcc -O2 -static -Wall -Wextra -o "$PUB/sctp-floor" "$ROOT/scripts/bench/sctp-floor.c" || { say "gcc failed"; exit 1; }
if [ -n "${HOSTS_DIR:-}" ]; then
    cp -r "$HOSTS_DIR" "$PUB/hosts"
else
    dotnet publish "$ROOT/src/Hosts" -c Release -o "$PUB/hosts" -nologo -v:quiet || { say "publish failed"; exit 1; }
fi
cp "$ROOT/scripts/bench/guest/registrar-vs-rsplib.sh" "$PUB/"
[ -z "${OURS_CONF:-}" ] || cp "$OURS_CONF" "$PUB/extra.conf"

"$LAB/build-image.sh" >/dev/null || { say "lab image build failed"; exit 1; }
export RSPLAB_PROJECT_DIR=$PUB RSPLAB_PROJECT_RO=1 RSPLAB_SHARE=$SHARE
trap '"$LAB/vm.sh" stop >/dev/null 2>&1' EXIT
"$LAB/vm.sh" start >/dev/null || { say "lab VM did not start"; exit 1; }
started=$(date -u '+%Y-%m-%d %H:%M UTC')
host_load_before=$(cat /proc/loadavg)
say "running in the guest (PAIRS=$PAIRS SLICE=$SLICE WARMUP=$WARMUP WORKLOADS=$WORKLOADS)"
"$LAB/vm.sh" run -t 7200 "PROFILE=${PROFILE:-0} FLOOR=${FLOOR:-0} OURS_ENV='${OURS_ENV:-}' bash /mnt/project/registrar-vs-rsplib.sh /mnt/share/run $PAIRS $SLICE $WARMUP '$WORKLOADS'" |
    tee "$OUT/guest.log"
host_load_after=$(cat /proc/loadavg)
"$LAB/vm.sh" stop >/dev/null 2>&1
trap - EXIT

echo
echo "started $started; host load before: $host_load_before; after: $host_load_after"
python3 "$ROOT/scripts/bench/registrar-vs-rsplib-report.py" "$SHARE/run"
