#!/usr/bin/env bash
# The project's main job. Until the registrar, pool element and pool user hosts land (issues 4-5), it
# builds the `rserpool` executable and decodes shipped sample messages, as an operator reads a capture.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Hosts -c Release -nologo -v:quiet >/dev/null
rserpool=src/Hosts/bin/Release/net10.0/rserpool
for sample in samples/*.hex; do
  echo "== $sample"
  "$rserpool" decode "$sample"
done
echo "== the same ENRP Presence as JSON"
"$rserpool" decode --json samples/enrp-presence.hex
