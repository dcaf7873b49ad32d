#!/bin/bash
# Runs every interop scenario in the guest in one go; each prints RESULT lines. Usage: run-all.sh OUTDIR
set -u
DIR=$(dirname "$0")
OUT=${1:-/mnt/share}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash "$DIR/scenario1.sh" "$OUT"
bash "$DIR/scenario2.sh" "$OUT"
bash "$DIR/scenario3.sh" "$OUT"
if [ "${INTEROP_SCENARIO4:-0}" = 1 ]; then bash "$DIR/scenario4.sh" "$OUT"; fi   # experimental (docs/interop.md)
if [ "${INTEROP_UNIT_TESTS:-1}" = 1 ]; then bash "$DIR/sctp-tests.sh" "$OUT"; fi
exit 0
