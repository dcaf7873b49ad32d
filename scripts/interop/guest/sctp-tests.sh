#!/bin/bash
# The SCTP unit tests that are skipped on hosts without kernel SCTP, run here with the guest's kernel SCTP.
# Usage: sctp-tests.sh OUTDIR
set -u
OUT=$1/sctp-tests
mkdir -p "$OUT"
source "$(dirname "$0")/common.sh"
modprobe sctp
cd "$OUT" || exit 1
timeout 600 dotnet test /mnt/project/actors-tests/RSerPool.Actors.Tests.dll --filter "FullyQualifiedName~RSerPool.Actors.Tests.Transport.Sctp" \
    --logger "trx;LogFileName=sctp-tests.trx" --results-directory "$OUT" >"$OUT/dotnet-test.log" 2>&1
status=$?
summary=$(grep -E "Passed!|Failed!" "$OUT/dotnet-test.log" | tail -1)
# Only the no-SCTP fallback tests (NoSctpFact) may skip here; a skipped kernel-SCTP test means SCTP was missing.
skipped=$(grep "\[SKIP\]" "$OUT/dotnet-test.log" | grep -v -c -E "SctpSupportSpec.Without_sctp|SctpSessionFallbackSpec.The_|SctpEnrpTransportSpec.The_|SctpEnrpAutoTransportSpec.The_|SctpRegistrarAnnounceSpec.The_|SctpAutoRegistrarConnectorSpec.The_")
if [ $status -eq 0 ] && [ "$skipped" -eq 0 ] && [ -n "$summary" ]; then
    result sctp-unit-tests PASS "$summary"
else
    result sctp-unit-tests FAIL "exit $status, $skipped SCTP tests skipped: ${summary:-no summary} (see sctp-tests/dotnet-test.log)"
fi
