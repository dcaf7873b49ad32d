#!/bin/bash
# Runs every interop scenario in the guest in one go; each prints RESULT lines. Usage: run-all.sh OUTDIR
set -u
DIR=$(dirname "$0")
OUT=${1:-/mnt/share}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# INTEROP_ONLY=N runs only scenario N (e.g. INTEROP_ONLY=4 for the ENRP peering, without the unit tests);
# "unit" names the in-guest SCTP unit tests; a list runs several (INTEROP_ONLY="1 unit").
ONLY=${INTEROP_ONLY:-}
wanted() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }
for n in 1 2 3; do wanted $n && bash "$DIR/scenario$n.sh" "$OUT"; done
if { [ -z "$ONLY" ] && [ "${INTEROP_SCENARIO4:-1}" = 1 ]; } || { [ -n "$ONLY" ] && wanted 4; }; then bash "$DIR/scenario4.sh" "$OUT"; fi
if { [ -z "$ONLY" ] && [ "${INTEROP_UNIT_TESTS:-1}" = 1 ]; } || { [ -n "$ONLY" ] && wanted unit; }; then bash "$DIR/sctp-tests.sh" "$OUT"; fi
exit 0
