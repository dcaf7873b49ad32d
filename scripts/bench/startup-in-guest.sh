#!/usr/bin/env bash
# First Registration answered after start, in the rsplab guest (issue 14 item 1; docs/bench-registrar.md "Start-up in
# the guest"): RSPLIB's rspregistrar against our registrar published two ways, ROUNDS interleaved rounds (default 5):
#   fd-r2r     framework-dependent ReadyToRun (what `dotnet publish src/Hosts` gives; the guest shares the host's .NET),
#              run from the 9p share as scripts/bench/registrar-vs-rsplib.sh runs it;
#   composite  self-contained composite ReadyToRun (framework and app compiled as one version bubble), copied to the
#              guest's own disk first and run by its apphost.
# Without the lab: prints a SKIP line, exit 0. Never stops a VM it did not start (refuses while another qemu runs).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LAB=${RSPLAB_DIR:-$ROOT/../shared/lab}
[ -n "${RSPLAB_DIR:-}" ] || [ -d "$LAB" ] || LAB=$ROOT/../../shared/lab
ROUNDS=${ROUNDS:-5}
OUT=$ROOT/artifacts/bench-startup
PUB=$OUT/publish
SHARE=$OUT/share
say() { echo "startup-in-guest.sh: $*" >&2; }
if [ ! -x "$LAB/vm.sh" ]; then echo "startup-in-guest.sh: SKIP: no RSPLIB lab at $LAB"; exit 0; fi
if pgrep -f '^qemu-system' >/dev/null; then say "another qemu is running (the lab VM is in use); try again later"; exit 1; fi
rm -rf "$OUT"; mkdir -p "$PUB" "$SHARE"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "building the load generator and publishing our registrar twice"
gcc -O2 -static -Wall -Wextra -o "$PUB/sctp-loadgen" "$ROOT/scripts/bench/sctp-loadgen.c" || { say "gcc failed"; exit 1; }
dotnet publish "$ROOT/src/Hosts" -c Release -o "$PUB/fd-r2r" -nologo -v:quiet || { say "publish failed"; exit 1; }
dotnet publish "$ROOT/src/Hosts" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRunComposite=true \
    -o "$PUB/composite" -nologo -v:quiet || { say "composite publish failed"; exit 1; }
cp "$ROOT/scripts/bench/guest/startup.sh" "$PUB/"
"$LAB/build-image.sh" >/dev/null || { say "lab image build failed"; exit 1; }
export RSPLAB_PROJECT_DIR=$PUB RSPLAB_PROJECT_RO=1 RSPLAB_SHARE=$SHARE
trap '"$LAB/vm.sh" stop >/dev/null 2>&1' EXIT
"$LAB/vm.sh" start >/dev/null || { say "lab VM did not start"; exit 1; }
echo "started $(date -u '+%Y-%m-%d %H:%M UTC'); host load $(cat /proc/loadavg)"
"$LAB/vm.sh" run -t 3600 "bash /mnt/project/startup.sh /mnt/share/run $ROUNDS 'fd-r2r=dotnet /mnt/project/fd-r2r/rserpool.dll' 'composite=local:/mnt/project/composite/rserpool'" |
    tee "$OUT/guest.log"
echo "host load after $(cat /proc/loadavg)"
# Medians per variant of the seconds to the first answered Registration.
python3 - "$OUT/guest.log" <<'PY'
import re, statistics, sys
times = {}
for line in open(sys.argv[1]):
    m = re.match(r"round \d+ (\S+) first-registration answered ([0-9.]+) s", line)
    if m:
        times.setdefault(m.group(1), []).append(float(m.group(2)))
for name, values in times.items():
    print(f"{name:10} median {statistics.median(values):.2f} s of {len(values)} ({', '.join(f'{v:.2f}' for v in values)})")
PY
