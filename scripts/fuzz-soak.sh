#!/usr/bin/env bash
# fuzz-soak.sh - run the codec's property tests (tests/Wire.Tests/Properties) with many more inputs than CI.
#
# Usage: scripts/fuzz-soak.sh [ITERATIONS] [SEED]
#   ITERATIONS  mutated inputs for the mutation property (default 10000000; CI runs 1000000).
#               The round-trip and stream-split properties scale with ITERATIONS / 1000000.
#   SEED        added to every property seed, so each soak explores new inputs (default: random).
#               A failure message prints the seed it used; rerun with the same SEED to replay it.
# Environment: RSERPOOL_FUZZ_ITERATIONS / RSERPOOL_FUZZ_SEED are what the tests read; the arguments set them.
# Runs outside CI; expect about 10 seconds per million mutated inputs on 2 cores, plus the build.
set -euo pipefail

iterations="${1:-10000000}"
seed="${2:-$(( (RANDOM << 15) | RANDOM ))}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

echo "fuzz-soak: ${iterations} mutated inputs, seed offset ${seed}"
RSERPOOL_FUZZ_ITERATIONS="${iterations}" RSERPOOL_FUZZ_SEED="${seed}" \
  dotnet test "${root}/tests/Wire.Tests" -c Release \
    --filter "FullyQualifiedName~RSerPool.Wire.Tests.Properties" \
    --logger "console;verbosity=normal"
