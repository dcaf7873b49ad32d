#!/usr/bin/env bash
# Runs the whole default test suite on a fresh machine: installs what the tests need
# (tshark for the Wireshark wire checks, when we are root with apt), builds the solution
# (warnings are errors) and runs every test project. Ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

ensure_tshark() {
  if command -v tshark >/dev/null 2>&1 && command -v text2pcap >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: tshark not found and cannot install it here; Wireshark checks will be skipped" >&2
    return 0
  fi
  echo "test.sh: installing tshark (Wireshark dissectors for the wire checks)" >&2
  export DEBIAN_FRONTEND=noninteractive
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends tshark >/dev/null
}

# The chaos suite (scripts/chaos.sh) builds its cluster with ip netns/veth and its faults with nftables, and reads
# registrar status with curl and jq; without them its test is skipped with the reason.
ensure_chaos_tools() {
  local missing=() tool
  for tool in ip:iproute2 nft:nftables jq:jq curl:curl; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
  done
  if [ "${#missing[@]}" -eq 0 ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: ${missing[*]} not found and cannot install them here; the chaos suite will be skipped" >&2
    return 0
  fi
  echo "test.sh: installing ${missing[*]} (network namespaces and faults for the chaos suite)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The live page's browser test drives Debian's chromium through Playwright (its own browsers cannot be downloaded);
# the /metrics test parses the exposition with promtool (package prometheus). Without them those tests are skipped.
ensure_browser_and_promtool() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  if [ "${#missing[@]}" -eq 0 ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: ${missing[*]} not found and cannot install them here; the live-page and promtool tests will be skipped" >&2
    return 0
  fi
  echo "test.sh: installing ${missing[*]} (headless browser for the live page, promtool for /metrics)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_tshark
ensure_chaos_tools
ensure_browser_and_promtool

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build RSerPool.sln -c Release -nologo -v:minimal

# Fuzzing (docs/fuzz.md): the fuzz tests replay fixed seeds; one more decoder run takes a new seed each time, printed here
# so a failure can be replayed.
export RSERPOOL_FUZZ_FRESH_SEED="${RSERPOOL_FUZZ_FRESH_SEED:-$(( ((RANDOM << 15) | RANDOM) + 1 ))}"
echo "test.sh: fuzz fresh seed ${RSERPOOL_FUZZ_FRESH_SEED} (replay: RSERPOOL_FUZZ_FRESH_SEED=${RSERPOOL_FUZZ_FRESH_SEED} bash scripts/test.sh)"

status=0
dotnet test RSerPool.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# Sum the counters of every TRX file (one per test project).
passed=0; failed=0; skipped=0; found=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  total=$(get total); executed=$(get executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$found" -eq 0 ] || [ "$status" -ne 0 -a "$failed" -eq 0 ]; then
  # The runner failed without reporting a failed test (crash, build break): count it as a failure.
  failed=$((failed + 1))
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
