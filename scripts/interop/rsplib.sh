#!/usr/bin/env bash
# Interoperability with RSPLIB 3.4.4 over kernel SCTP, in the rsplab guest (issue 7; docs/interop.md).
# Builds/publishes what the guest needs, boots the RSPLIB lab (docs/protocol-notes.md §15), runs the scenarios inside the guest in one go,
# checks every captured ASAP/ENRP message with the wirecheck tool (docs/protocol-notes.md §15), stops the VM, prints a pass/fail
# table and a closing "N passed, M failed" line (exit 0 only when nothing failed).
#
# Env: RSPLAB_DIR (default: shared/lab beside the clone, docs/protocol-notes.md §15), WIRECHECK (default: shared/tools/wirecheck beside the clone),
#      INTEROP_UNIT_TESTS=0 (skip the in-guest SCTP unit tests), INTEROP_SCENARIO4=0 (skip the ENRP-over-SCTP
#      peering with rspregistrar, which runs by default), INTEROP_ONLY=N (run only scenario N, e.g. 4; no unit tests;
#      "unit" = the unit tests; a list runs several, e.g. INTEROP_ONLY="1 unit"), INTEROP_ASAP_SCTP_STYLE=one-to-one (scenario 1's registrar serves ASAP
#      on one SCTP socket per association; default one-to-many, the registrar's default), RSPLAB_HOME (lab state; default the lab's own).
# Without the lab: prints a SKIP line and "0 passed, 0 failed", exit 0.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The lab beside the clone (CI); a worktree one level deeper (wt/NAME) finds it one folder further up.
LAB=${RSPLAB_DIR:-$ROOT/../shared/lab}
[ -n "${RSPLAB_DIR:-}" ] || [ -d "$LAB" ] || LAB=$ROOT/../../shared/lab
WIRECHECK=${WIRECHECK:-$LAB/../tools/wirecheck}
OUT=$ROOT/artifacts/interop
PUB=$OUT/publish
SHARE=$OUT/share
say() { echo "rsplib.sh: $*" >&2; }

if [ ! -x "$LAB/vm.sh" ] || [ ! -x "$LAB/build-image.sh" ]; then
    echo "rsplib.sh: SKIP: no RSPLIB lab at $LAB (expected ../shared/lab beside the repository)"
    echo "0 passed, 0 failed"
    exit 0
fi

rm -rf "$OUT"
mkdir -p "$PUB/guest" "$SHARE" "$OUT/messages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "publishing the rserpool host and the SCTP tests"
dotnet publish "$ROOT/src/Hosts" -c Release -o "$PUB/hosts" -nologo -v:quiet || { say "publish failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet build "$ROOT/tests/Actors.Tests" -c Release -nologo -v:quiet || { say "test build failed"; echo "0 passed, 1 failed"; exit 1; }
cp -r "$ROOT/tests/Actors.Tests/bin/Release/net10.0" "$PUB/actors-tests"
cp "$ROOT"/scripts/interop/guest/*.sh "$PUB/guest/"

"$LAB/build-image.sh" || { say "lab image build failed"; echo "0 passed, 1 failed"; exit 1; }
export RSPLAB_PROJECT_DIR=$PUB RSPLAB_PROJECT_RO=1 RSPLAB_SHARE=$SHARE
trap '"$LAB/vm.sh" stop >/dev/null 2>&1' EXIT
"$LAB/vm.sh" start || { say "lab VM did not start"; echo "0 passed, 1 failed"; exit 1; }
say "running the scenarios in the guest"
"$LAB/vm.sh" run -t 1500 "INTEROP_ONLY='${INTEROP_ONLY:-}' INTEROP_ASAP_SCTP_STYLE=${INTEROP_ASAP_SCTP_STYLE:-one-to-many} INTEROP_UNIT_TESTS=${INTEROP_UNIT_TESTS:-1} INTEROP_SCENARIO4=${INTEROP_SCENARIO4:-1} bash /mnt/project/guest/run-all.sh /mnt/share" | tee "$OUT/guest.log"
"$LAB/vm.sh" stop >/dev/null 2>&1
trap - EXIT

# Every ASAP/ENRP message captured on the guest's loopback goes through Wireshark's dissectors.
for pcap in "$SHARE"/*/*.pcap; do
    [ -f "$pcap" ] || continue
    name=$(basename "$pcap" .pcap)
    dir=$OUT/messages/$name
    n=$(python3 "$ROOT/scripts/interop/extract-messages.py" "$pcap" "$dir") || n=0
    # Which messages went which way (Wireshark's names), for the log and docs/interop.md.
    tshark -r "$pcap" -Y "asap || enrp" -T fields -e sctp.srcport -e sctp.dstport -e _ws.col.Info 2>/dev/null |
        awk -F'\t' '{ d = ($1 == 3863 || $1 == 9901) ? "from registrar" : (($2 == 3863 || $2 == 9901) ? "to registrar  " : "PU <-> PE     ");
                      sub(/^SACK \([^)]*\) /, "", $3); print d "  " $3 }' | sort | uniq -c >"$dir/summary.txt"
    say "$name: ASAP/ENRP messages captured:"
    cat "$dir/summary.txt" >&2
    if [ "$n" -eq 0 ]; then
        echo "RESULT $name-wirecheck FAIL no ASAP/ENRP messages in $pcap" >>"$OUT/guest.log"
    elif "$WIRECHECK" -q "$dir"/*.hex >"$dir/wirecheck.txt" 2>&1; then
        echo "RESULT $name-wirecheck PASS $(tail -1 "$dir/wirecheck.txt") ($n messages)" >>"$OUT/guest.log"
    else
        echo "RESULT $name-wirecheck FAIL $(tail -1 "$dir/wirecheck.txt") (see ${dir#"$ROOT"/}/wirecheck.txt)" >>"$OUT/guest.log"
    fi
done

passed=$(grep -c '^RESULT [^ ]* PASS' "$OUT/guest.log")
failed=$(grep -c '^RESULT [^ ]* FAIL' "$OUT/guest.log")
echo
printf '%-24s %-5s %s\n' check result detail
grep '^RESULT ' "$OUT/guest.log" | while read -r _ name verdict detail; do printf '%-24s %-5s %s\n' "$name" "$verdict" "$detail"; done
echo "logs, pcaps and messages: ${OUT#"$ROOT"/}"
[ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && failed=1 && echo "no results at all"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
