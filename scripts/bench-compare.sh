#!/usr/bin/env bash
# Before/after measurement of issue 12 (the Akka.NET swap), docs/bench-akka.md.
#
#   scripts/bench-compare.sh [options] BEFORE_ROOT AFTER_ROOT
#
# BEFORE_ROOT and AFTER_ROOT are two checkouts of this repository (e.g. `git worktree add /tmp/before 75f9878`).
# The script builds what it needs in each tree, then runs every figure interleaved: for each round, for each figure,
# BEFORE then AFTER. It prints every command as it runs it, and at the end the median of each figure per tree.
#
# Which code measures what:
#   - in-process figures (resolution share, in-process mentor sync) and the PU failover (its PU session runs inside
#     the harness) run each tree's own tests/Benchmarks against that tree's own code;
#   - process figures (takeover, process mentor sync, memory per PE, cold start, keep-alive timing) run the AFTER
#     tree's tests/Benchmarks harnesses (the same instrument for both) against each tree's rserpool.dll.
# A tree whose src/Hosts does not build gets only the in-process figures (the others are listed as skipped).
#
# Options:
#   --rounds N            rounds, i.e. runs per figure and tree (default 5)
#   --figures LIST        comma-separated subset of: resolution,sync-inproc,failover,takeover,sync-process,memory,cold-start,keepalive
#   --out DIR             logs, results.tsv and the ReadyToRun publishes (default: a new directory under /tmp)
#   --no-build            use what is already built (the R2R publishes must be in --out already)
#   --failover-trials N   SIGKILLs per failover run (default 100)
#   --command-timeout S   limit of one command in seconds (default 900); the command's process group is then ended
#   --deadline S          stop starting new commands after S seconds in total (default 14400)
#
# The machine may be shared: the 1-minute load average is recorded with every command and shown in the summary.
set -euo pipefail

rounds=5
figures="resolution,sync-inproc,failover,takeover,sync-process,memory,cold-start,keepalive"
out=""
build=1
trials=100
command_timeout=900
deadline=14400
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --figures) figures="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --failover-trials) trials="$2"; shift 2 ;;
    --command-timeout) command_timeout="$2"; shift 2 ;;
    --deadline) deadline="$2"; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [[ $# -ne 2 ]]; then
  echo "usage: $0 [options] BEFORE_ROOT AFTER_ROOT (see --help)" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "python3 is needed to read BenchmarkDotNet's JSON" >&2; exit 2; }
declare -A root=([before]="$(cd "$1" && pwd)" [after]="$(cd "$2" && pwd)")
out="${out:-$(mktemp -d /tmp/bench-compare.XXXXXX)}"
mkdir -p "$out/logs" "$out/work" "$out/bdn"
out="$(cd "$out" && pwd)"
results="$out/results.tsv"
started=$SECONDS
bench_rel="tests/Benchmarks/bin/Release/net10.0/RSerPool.Benchmarks.dll"
hosts_rel="src/Hosts/bin/Release/net10.0/rserpool.dll"
instrument="${root[after]}/$bench_rel"

running=""
on_exit() {
  # Ends only the command this script started (timeout forwards the signal to the command's process group).
  if [[ -n "$running" ]] && kill -0 "$running" 2>/dev/null; then
    kill -TERM "$running" 2>/dev/null || true
    wait "$running" 2>/dev/null || true
  fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

say() { echo "[$(date -u +%H:%M:%S)] $*"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# run LOG CMD...: runs CMD in $out/work, bounded by --command-timeout; output to LOG; returns its exit code.
run() {
  local log="$1"; shift
  if (( SECONDS - started > deadline )); then
    say "deadline reached, not started: $*"
    return 124
  fi
  say "load $(load1) \$ $*"
  (cd "$out/work" && exec timeout -k 10 "$command_timeout" "$@") >"$log" 2>&1 &
  running=$!
  local rc=0
  wait "$running" || rc=$?
  running=""
  if [[ $rc -ne 0 ]]; then
    say "  exit $rc (log: $log)"
    tail -5 "$log" | sed 's/^/  | /'
  fi
  return $rc
}

record() { # record ROUND FIGURE TREE VALUE LOAD
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$results"
  say "  $2 [$3] = $4"
}

declare -A bench_ok hosts_ok r2r_ok
for tree in before after; do
  bench_ok[$tree]=0; hosts_ok[$tree]=0; r2r_ok[$tree]=0
  r="${root[$tree]}"
  if [[ $build -eq 1 ]]; then
    say "building $tree ($r)"
    run "$out/logs/build-$tree-benchmarks.log" dotnet build "$r/tests/Benchmarks" -c Release && bench_ok[$tree]=1 || true
    if run "$out/logs/build-$tree-hosts.log" dotnet build "$r/src/Hosts" -c Release; then
      hosts_ok[$tree]=1
      run "$out/logs/publish-$tree-r2r.log" dotnet publish "$r/src/Hosts" -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -o "$out/$tree-r2r" && r2r_ok[$tree]=1 || true
    fi
  else
    [[ -f "$r/$bench_rel" ]] && bench_ok[$tree]=1
    [[ -f "$r/$hosts_rel" ]] && hosts_ok[$tree]=1
    [[ -f "$out/$tree-r2r/rserpool.dll" ]] && r2r_ok[$tree]=1
  fi
  say "$tree: benchmarks built ${bench_ok[$tree]}, src/Hosts built ${hosts_ok[$tree]}, ReadyToRun publish ${r2r_ok[$tree]}"
done
[[ ${bench_ok[after]} -eq 1 ]] || say "AFTER's tests/Benchmarks did not build: the process figures have no harness"

# value LOG SED_EXPRESSION: first match of a sed -n 's/.../\1/p' expression in LOG.
value() { sed -n -E "$2" "$1" | head -1; }

measure() { # measure ROUND FIGURE TREE
  local round="$1" figure="$2" tree="$3" r load log
  r="${root[$tree]}"
  load="$(load1)"
  log="$out/logs/r$round-$figure-$tree.log"
  local own="$r/$bench_rel" dll="$r/$hosts_rel" r2r="$out/$tree-r2r/rserpool.dll"
  local need_own=0 need_hosts=0 need_r2r=0
  case "$figure" in
    resolution|sync-inproc) need_own=1 ;;
    failover) need_own=1; need_r2r=1 ;;
    cold-start) need_hosts=1; need_r2r=1 ;;
    *) need_hosts=1 ;;
  esac
  local own_ok=${bench_ok[$tree]} host_ok=${hosts_ok[$tree]} pub_ok=${r2r_ok[$tree]} harness_ok=${bench_ok[after]}
  if (( need_own && !own_ok )) || (( need_hosts && (!host_ok || !harness_ok) )) || (( need_r2r && !pub_ok )); then
    say "skipped: $figure [$tree] (not built)"
    record "$round" "$figure" "$tree" skipped "$load"
    return 0
  fi
  case "$figure" in
    resolution)
      local art="$out/bdn/r$round-$tree"
      rm -rf "$art"
      if run "$log" dotnet "$own" --filter '*RegistrarResolution*Connections: 16*' --inProcess --runOncePerIteration \
        --warmupCount 5 --iterationCount 15 -e json --artifacts "$art"; then
        python3 - "$art" "$round" "$tree" "$load" >>"$results" <<'EOF'
import glob, json, sys
art, rnd, tree, load = sys.argv[1:]
[path] = glob.glob(f"{art}/results/*.json")
median = {}
for b in json.load(open(path))["Benchmarks"]:
    median[dict(p.split("=") for p in b["Parameters"].split("&"))["Server"]] = b["Statistics"]["Median"]
echo, registrar = median["echo"], median["registrar"]
for figure, v in [("resolution-share-pct", 100 * echo / registrar), ("resolution-registrar-per-s", 1e9 / registrar), ("resolution-echo-per-s", 1e9 / echo)]:
    print(f"{rnd}\t{figure}\t{tree}\t{v:.1f}\t{load}")
EOF
        say "  $(tail -3 "$results" | cut -f2,4 | tr '\t\n' '= ')"
      fi ;;
    sync-inproc)
      run "$log" dotnet "$own" enrp-harness 1 - sync &&
        record "$round" sync-inproc-ms "$tree" "$(value "$log" 's/^mentor sync run 1: ([0-9.]+) ms.*/\1/p')" "$load" ;;
    failover)
      if run "$log" dotnet "$own" failover-latency "$r2r" 1 "$trials"; then
        record "$round" failover-p99-ms "$tree" "$(value "$log" 's/^run 1: p50 [0-9.]+ ms, p99 ([0-9.]+) ms.*/\1/p')" "$load"
        record "$round" failover-p50-ms "$tree" "$(value "$log" 's/^run 1: p50 ([0-9.]+) ms.*/\1/p')" "$load"
      fi ;;
    takeover)
      if run "$log" dotnet "$instrument" enrp-harness 1 "$dll" takeover; then
        record "$round" takeover-ms "$tree" "$(value "$log" "s/^takeover run 1: taker's log line ([0-9.]+) ms.*/\1/p")" "$load"
        record "$round" takeover-resolved-ms "$tree" "$(value "$log" 's/^takeover run 1: .* new home after ([0-9.]+) ms.*/\1/p')" "$load"
      fi ;;
    sync-process)
      if run "$log" dotnet "$instrument" enrp-harness 1 "$dll" sync-process-defaults; then
        record "$round" sync-process-ms "$tree" "$(value "$log" 's/^mentor sync \(processes, .* run 1: ([0-9.]+) ms from.*/\1/p')" "$load"
        record "$round" sync-process-cpu-new-ms "$tree" "$(value "$log" 's/^mentor sync \(processes, .*CPU: B ([0-9.]+) ms.*/\1/p')" "$load"
      fi ;;
    memory)
      if run "$log" dotnet "$instrument" registrar-memory "$dll" 1 100000; then
        record "$round" memory-rss-per-pe-bytes "$tree" "$(value "$log" 's/^RESULT memory-rss-per-pe ([0-9.]+)/\1/p')" "$load"
        record "$round" memory-heap-per-pe-bytes "$tree" "$(value "$log" 's/^RESULT memory-heap-per-pe ([0-9.]+)/\1/p')" "$load"
      fi ;;
    cold-start)
      local v
      if run "$log" dotnet "$instrument" cold-start "$dll" 3; then
        for v in $(sed -n -E 's/^RESULT cold-start-ms ([0-9.]+)/\1/p' "$log"); do record "$round" cold-start-ms "$tree" "$v" "$load"; done
      fi
      if run "$log.r2r" dotnet "$instrument" cold-start "$r2r" 3; then
        for v in $(sed -n -E 's/^RESULT cold-start-ms ([0-9.]+)/\1/p' "$log.r2r"); do record "$round" cold-start-r2r-ms "$tree" "$v" "$load"; done
      fi ;;
    keepalive)
      if run "$log" dotnet "$instrument" keepalive-timing "$dll" 10; then
        local key
        for key in keepalive-late-ms removal-late-ms silent-pe-late-ms silent-pe-late-max-ms; do
          record "$round" "$key" "$tree" "$(value "$log" "s/^RESULT $key ([-0-9.]+)/\1/p")" "$load"
        done
      fi ;;
    *) echo "unknown figure $figure" >&2; exit 2 ;;
  esac
  return 0
}

say "output: $out; rounds: $rounds; figures: $figures; before: ${root[before]}; after: ${root[after]}; load $(cat /proc/loadavg)"
IFS=',' read -r -a figure_list <<<"$figures"
for ((round = 1; round <= rounds; round++)); do
  for figure in "${figure_list[@]}"; do
    for tree in before after; do
      measure "$round" "$figure" "$tree"
    done
  done
done

echo
say "done after $(( (SECONDS - started) / 60 )) min; load $(cat /proc/loadavg); results: $results, logs: $out/logs"
echo "| figure | before: median (n) | after: median (n) | after / before | load (1 min) during the runs |"
echo "| --- | --- | --- | --- | --- |"
awk -F'\t' '
  $4 != "" && $4 != "skipped" { v[$2, $3] = v[$2, $3] " " $4; n[$2, $3]++; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
  $4 == "skipped" { skipped[$2 " [" $3 "]"]++; next }
  { if (!(($2) in lo) || $5 + 0 < lo[$2]) lo[$2] = $5 + 0; if ($5 + 0 > hi[$2]) hi[$2] = $5 + 0 }
  function median(s,   a, m, i, j, t) {
    m = split(s, a, " "); if (m == 0) return "";
    for (i = 2; i <= m; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    for (i = 1; i <= k; i++) {
      f = order[i]; b = median(v[f, "before"]); a = median(v[f, "after"])
      ratio = (b != "" && a != "" && b + 0 != 0) ? sprintf("%.2f", a / b) : "–"
      printf "| %s | %s (%d) | %s (%d) | %s | %s–%s |\n", f, (b == "" ? "–" : b), n[f, "before"], (a == "" ? "–" : a), n[f, "after"], ratio, lo[f], hi[f]
    }
    for (f in skipped) printf "skipped (not built): %s x %d\n", f, skipped[f]
  }' "$results"
