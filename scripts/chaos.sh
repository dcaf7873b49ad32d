#!/usr/bin/env bash
# The chaos suite (issue 13, docs/chaos.md): a real cluster in network namespaces this script creates — 3 registrars
# peered over ENRP, 5 echo PEs, 2 PUs in session mode sending numbered requests with upper-layer acks — and a fault
# schedule drawn from a fixed, printed seed: SIGKILL and restart a PE every step, and in turn SIGSTOP/SIGCONT a PE,
# SIGKILL and restart a registrar, partition a registrar from its peers and heal it, 5 % packet loss on one link.
# At the end it reports and asserts:
#   - requests sent / answered / lost / answered twice, lost = 0;
#   - handlespace convergence: within 5 s of the last fault every registrar's /status lists exactly the live PEs;
#   - the longest time a PU waited for an answer and the failovers (reported);
#   - no registrar's RSS grew more than 20 % (baseline 20 s after its start; r1 is never killed, so its baseline
#     covers the whole run, r2 and r3 are measured from their last restart).
# It also reports the longest time a SIGKILLed PE stayed listed at some registrar, and the longest time a running PE
# was missing at one (sampled through the run).
# Last line: "chaos: PASS ..." or "chaos: FAIL ..." with the figures as key=value. Exit 0 pass, 1 fail, 2 usage,
# 77 = cannot run here (not root, no netns, no nft, tool missing; the reason is printed).
#
# Usage: scripts/chaos.sh [--minutes M | --seconds S] [--seed N] [--step S] [--rserpool DLL] [--logs DIR] [--check]
#   --check   only test whether this machine can run the suite (exit 0 or 77 with the reason).
# Network: a bridge in namespace <prefix>-hub, one namespace per node joined to it by a veth pair, 10.77.0.0/24
# (registrars .1-.3, PEs .11-.15, PUs .21-.22). Faults are nftables tables inside a node's namespace.
# Everything started here (namespaces, veths, nft tables, processes by PID) is removed on exit, Ctrl-C included.
set -uo pipefail
cd "$(dirname "$0")/.."
{ # the whole script is one compound command: bash reads it completely before running any of it

seconds=120
seed=${CHAOS_SEED:-$(( (RANDOM << 15 | RANDOM) % 1000000 ))}
step=6
rserpool_dll=""
logs=""
check_only=0
while (( $# > 0 )); do
  case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --step) step=$2; shift 2 ;;
    --rserpool) rserpool_dll=$2; shift 2 ;;
    --logs) logs=$2; shift 2 ;;
    --check) check_only=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "chaos: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ $seconds =~ ^[0-9]+$ && $seed =~ ^[0-9]+$ && $step =~ ^[0-9]+$ ]] || (( step < 4 || seconds < step )); then
  echo "chaos: --seconds/--minutes, --seed and --step are whole numbers, step >= 4 s, run >= one step" >&2
  exit 2
fi

say() { printf 'chaos: [%6.1fs] %s\n' "$(elapsed)" "$*"; }
skip() { echo "chaos: SKIP: $*"; exit 77; }
start_ns=$(date +%s%N)
elapsed() { awk -v now="$(date +%s%N)" -v t0="$start_ns" 'BEGIN { printf "%.1f", (now - t0) / 1e9 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---- can this machine run it? -------------------------------------------------------------------------------------
prefix="ch$$"
check_machine() {
  [ "$(id -u)" -eq 0 ] || skip "needs root (network namespaces, veth, nftables)"
  local tool
  for tool in ip nft jq curl dotnet; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found (scripts/test.sh installs nftables iproute2 jq curl)"
  done
  local probe="${prefix}-probe"
  ip netns add "$probe" 2>/dev/null || skip "cannot create a network namespace (ip netns add failed)"
  if ! ip netns exec "$probe" nft add table inet chaos_probe 2>/dev/null; then
    ip netns del "$probe" 2>/dev/null
    skip "nftables does not work in a new namespace (nft add table failed)"
  fi
  if ! ip -n "$probe" link add probe0 type veth peer name probe1 2>/dev/null; then
    ip netns del "$probe" 2>/dev/null
    skip "cannot create veth pairs"
  fi
  ip netns del "$probe"
}
check_machine
if (( check_only )); then echo "chaos: this machine can run the suite"; exit 0; fi

if [ -z "$rserpool_dll" ]; then
  rserpool_dll=src/Hosts/bin/Release/net10.0/rserpool.dll
  if [ ! -f "$rserpool_dll" ]; then
    echo "chaos: building src/Hosts"
    dotnet build src/Hosts -c Release -nologo -v:quiet >/dev/null || { echo "chaos: build failed" >&2; exit 1; }
  fi
fi
[ -f "$rserpool_dll" ] || { echo "chaos: $rserpool_dll not found" >&2; exit 2; }
rserpool_dll=$(readlink -f "$rserpool_dll")
keep_logs=1
if [ -z "$logs" ]; then logs=$(mktemp -d /tmp/rserpool-chaos.XXXXXX); keep_logs=0; fi
mkdir -p "$logs"
exec > >(tee -a "$logs/chaos.out") 2>&1 # the run's own report is kept next to the process logs
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# ---- topology -----------------------------------------------------------------------------------------------------
registrars=(r1 r2 r3)
pes=(pe1 pe2 pe3 pe4 pe5)
pus=(pu1 pu2)
declare -A ip_of=([r1]=10.77.0.1 [r2]=10.77.0.2 [r3]=10.77.0.3 [pe1]=10.77.0.11 [pe2]=10.77.0.12 [pe3]=10.77.0.13
                  [pe4]=10.77.0.14 [pe5]=10.77.0.15 [pu1]=10.77.0.21 [pu2]=10.77.0.22)
declare -A server_id_of=([r1]=0x0c4a0001 [r2]=0x0c4a0002 [r3]=0x0c4a0003)
asap_port=3863; enrp_port=9901; status_port=8080
rss_warmup_ms=20000 # a registrar's RSS baseline is taken this long after its start (JIT, GC heap sizing)
declare -A pid_of=()        # node -> PID of its running process (ip netns exec execs it: the PID is the dotnet process)
declare -A generation_of=() # PE -> how often it was (re)started: its identifier changes with each start
declare -A pe_id_of=()      # PE -> identifier of the running process
declare -A stopped=()       # node -> 1 while SIGSTOPped
declare -A rss_base=()      # registrar -> RSS (kB) after warm-up or after its restart
declare -A rss_base_due=()  # registrar -> elapsed ms at which to take its baseline
declare -A nft_on=()        # node -> 1 while its chaos table exists
declare -A killed_at=()     # identifier of a SIGKILLed PE -> when (ms); it must leave every registrar's handlespace
declare -A dead_reported=() # dead PE -> 1 once reported as listed for more than 10 s
declare -A missing_since=() missing_reported=() # "id@registrar" -> since when a running PE is not listed there
live_missing_max=0; live_missing_id=""; live_missing_where=""
dead_listed_max=0; dead_listed_id=""; dead_listed_where=""
all_pids=()
namespaces_made=()

ns() { echo "${prefix}-$1"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local node pid
  for node in "${!stopped[@]}"; do kill -CONT "${pid_of[$node]:-0}" 2>/dev/null; done
  for pid in "${all_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  local deadline=$(( SECONDS + 10 ))
  for pid in "${all_pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  for node in "${!nft_on[@]}"; do ip netns exec "$(ns "$node")" nft delete table inet chaos 2>/dev/null; done
  # Deleting a namespace deletes its veth end, and with it the peer end in the hub.
  for node in "${namespaces_made[@]}"; do ip netns del "$(ns "$node")" 2>/dev/null; done
  if (( rc == 0 && keep_logs == 0 )); then rm -rf "$logs"; else echo "chaos: logs kept in $logs"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "chaos: interrupted"; exit 130' INT TERM

say "seed $seed (replay: scripts/chaos.sh --seconds $seconds --step $step --seed $seed), logs in $logs"
# The schedule's own generator (an LCG, the constants of POSIX rand()), so a seed replays the same schedule on any
# bash; `pick N` sets $picked to 0..N-1 without a subshell (a subshell would not advance the state).
lcg_state=$seed
pick() { lcg_state=$(( (lcg_state * 1103515245 + 12345) % 2147483648 )); picked=$(( (lcg_state >> 16) % $1 )); }

hub=$(ns hub)
ip netns add "$hub" && namespaces_made+=(hub)
ip -n "$hub" link set lo up
ip -n "$hub" link add br0 type bridge
ip -n "$hub" link set br0 up
for node in "${registrars[@]}" "${pes[@]}" "${pus[@]}"; do
  ip netns add "$(ns "$node")" && namespaces_made+=("$node")
  ip -n "$hub" link add "v-$node" type veth peer name eth0 netns "$(ns "$node")"
  ip -n "$hub" link set "v-$node" master br0 up
  ip -n "$(ns "$node")" addr add "${ip_of[$node]}/24" dev eth0
  ip -n "$(ns "$node")" link set eth0 up
  ip -n "$(ns "$node")" link set lo up
done
say "network: ${#namespaces_made[@]} namespaces on bridge br0 in $hub"

registrar_args() {
  local args=() peer
  for peer in "${registrars[@]}"; do [ "$peer" != "$1" ] && args+=(--peer "${ip_of[$peer]}:$enrp_port"); done
  echo "${args[@]}"
}
registrar_list() {
  local args=() r
  for r in "${registrars[@]}"; do args+=(--registrar "${ip_of[$r]}:$asap_port"); done
  echo "${args[@]}"
}

# Starts a process in NODE's namespace, its output appended to logs/NODE.log.
spawn() {
  local node=$1; shift
  echo "---- start $(date -u +%T.%N) $*" >>"$logs/$node.log"
  ip netns exec "$(ns "$node")" dotnet "$rserpool_dll" "$@" >>"$logs/$node.log" 2>&1 &
  pid_of[$node]=$!
  all_pids+=($!)
}

start_registrar() {
  local r=$1
  # shellcheck disable=SC2046
  spawn "$r" registrar --server-id "${server_id_of[$r]}" --asap "${ip_of[$r]}:$asap_port" --asap-sctp off \
    --asap-announce off --enrp "${ip_of[$r]}:$enrp_port" --enrp-transport tcp $(registrar_args "$r") \
    --status "${ip_of[$r]}:$status_port"
  rss_base_due[$r]=$(( $(now_ms) + rss_warmup_ms ))
  unset "rss_base[$r]"
}

start_pe() {
  local pe=$1 n=${1#pe}
  generation_of[$pe]=$(( ${generation_of[$pe]:-0} + 1 ))
  pe_id_of[$pe]=$(printf '0x%08x' $(( 0x0c500000 + n * 0x10000 + generation_of[$pe] )))
  # shellcheck disable=SC2046
  spawn "$pe" server --service echo --transport tcp --registrar-transport tcp --local "${ip_of[$pe]}:0" \
    --identifier "${pe_id_of[$pe]}" $(registrar_list)
}

# Waits (bounded) until FILE has a line matching PATTERN after its last "---- start" marker.
await_line() {
  local file=$1 pattern=$2 limit=${3:-60} started=$SECONDS
  until awk '/^---- start/{found=0} $0 ~ pat {found=1} END{exit !found}' pat="$pattern" "$file" 2>/dev/null; do
    if (( SECONDS - started > limit )); then say "timed out waiting for /$pattern/ in $file"; tail -20 "$file"; return 1; fi
    sleep 0.2
  done
}

status_of() { ip netns exec "$(ns "$1")" curl -s --max-time 2 "http://${ip_of[$1]}:$status_port/status"; }
echo_pool_ids() { status_of "$1" | jq -r '[.pools[]? | select(.handle == "EchoPool") | .elements[].identifier] | sort | join(" ")' 2>/dev/null; }
live_ids() {
  local pe ids=()
  for pe in "${pes[@]}"; do ids+=("${pe_id_of[$pe]}"); done
  printf '%s\n' "${ids[@]}" | sort | paste -sd' '
}
# "r1=ok r2=leaked:0x..,missing:0x.." and exit 0 when every registrar holds exactly the live PEs.
handlespace_report() {
  local want r got leaked missing report="" ok=0
  want=$(live_ids)
  for r in "${registrars[@]}"; do
    got=$(echo_pool_ids "$r")
    leaked=$(comm -13 <(tr ' ' '\n' <<<"$want" | sort) <(tr ' ' '\n' <<<"$got" | sed '/^$/d' | sort) | paste -sd,)
    missing=$(comm -23 <(tr ' ' '\n' <<<"$want" | sort) <(tr ' ' '\n' <<<"$got" | sed '/^$/d' | sort) | paste -sd,)
    if [ -z "$leaked" ] && [ -z "$missing" ]; then report+="$r=ok "; else report+="$r=leaked:${leaked:-none},missing:${missing:-none} "; ok=1; fi
  done
  echo "$report"
  return $ok
}
# Samples the handlespace of every running registrar: how long after its SIGKILL a dead PE is still listed, and how
# long a running PE is not listed; the longest of each is reported (RFC 5352 keep-alive supervision, RFC 5353
# takeover and audit).
watch_dead_pes() {
  local r id now pe listed ready=" "
  now=$(now_ms)
  for pe in "${pes[@]}"; do # registered since its last start (its log after the last "---- start" marker)
    awk '/^---- start/{found=0} /: Registered \(home/{found=1} END{exit !found}' "$logs/$pe.log" 2>/dev/null && ready+="$pe "
  done
  for r in "${registrars[@]}"; do
    kill -0 "${pid_of[$r]}" 2>/dev/null || continue
    listed=" $(echo_pool_ids "$r") "
    for id in $listed; do
      [ -n "${killed_at[$id]:-}" ] || continue
      if (( now - killed_at[$id] > 10000 )) && [ -z "${dead_reported[$id]:-}" ]; then
        dead_reported[$id]=1
        say "PE $id still listed at $r $(( (now - killed_at[$id]) / 1000 )) s after its SIGKILL"
      fi
      if (( now - killed_at[$id] > dead_listed_max )); then
        dead_listed_max=$(( now - killed_at[$id] )); dead_listed_id=$id; dead_listed_where=$r
      fi
    done
    # A running PE (registered, not stopped) absent from a registrar: how long, continuously.
    for pe in "${pes[@]}"; do
      id=${pe_id_of[$pe]}
      if [[ $listed == *" $id "* ]] || [ -n "${stopped[$pe]:-}" ] || [[ $ready != *" $pe "* ]]; then unset "missing_since[$id@$r]"; continue; fi
      : "${missing_since[$id@$r]:=$now}"
      if (( now - missing_since[$id@$r] > live_missing_max )); then
        live_missing_max=$(( now - missing_since[$id@$r] )); live_missing_id=$id; live_missing_where=$r
      fi
      if (( now - missing_since[$id@$r] > 10000 )) && [ -z "${missing_reported[$id@$r]:-}" ]; then
        missing_reported[$id@$r]=1
        say "PE $id (running, $pe) missing at $r for $(( (now - missing_since[$id@$r]) / 1000 )) s"
      fi
    done
  done
}
rss_kb() { awk '/^VmRSS:/{print $2}' "/proc/$1/status" 2>/dev/null; }
take_due_baselines() {
  local r
  for r in "${registrars[@]}"; do
    if [ -z "${rss_base[$r]:-}" ] && [ -n "${rss_base_due[$r]:-}" ] && (( $(now_ms) >= rss_base_due[$r] )) && [ -z "${stopped[$r]:-}" ]; then
      rss_base[$r]=$(rss_kb "${pid_of[$r]}")
    fi
  done
}

# ---- start the cluster --------------------------------------------------------------------------------------------
for r in "${registrars[@]}"; do start_registrar "$r"; done
for r in "${registrars[@]}"; do await_line "$logs/$r.log" "ready: ASAP" 90 || exit 1; done
say "registrars ready: ${registrars[*]}"
for pe in "${pes[@]}"; do start_pe "$pe"; done
for pe in "${pes[@]}"; do await_line "$logs/$pe.log" "server ready" 90 || exit 1; done
converge_started=$SECONDS
until report=$(handlespace_report); do
  if (( SECONDS - converge_started > 60 )); then say "cluster never converged before the faults: $report"; exit 1; fi
  sleep 0.25
done
say "5 PEs registered everywhere: $(live_ids)"

# The PUs send for the whole schedule plus the convergence window, one request per 20 ms each.
pu_seconds=$(( seconds + 10 ))
for pu in "${pus[@]}"; do
  # shellcheck disable=SC2046
  spawn "$pu" terminal --registrar-transport tcp $(registrar_list) --duration "${pu_seconds}s" --interval 20ms \
    --answer-timeout 60s
done
for pu in "${pus[@]}"; do await_line "$logs/$pu.log" "terminal: session with PE" 60 || exit 1; done
say "PUs in session; faults for ${seconds}s, one step every ${step}s"

# ---- faults -------------------------------------------------------------------------------------------------------
last_fault_ms=$(now_ms)
mark_fault() { last_fault_ms=$(now_ms); say "$*"; }

nft_table() { # NODE RULE...: (re)creates the chaos table of NODE with rules in its input and output chains
  local node=$1; shift
  local n; n=$(ns "$node")
  ip netns exec "$n" nft delete table inet chaos 2>/dev/null
  ip netns exec "$n" nft add table inet chaos
  ip netns exec "$n" nft add chain inet chaos in '{ type filter hook input priority 0; }'
  ip netns exec "$n" nft add chain inet chaos out '{ type filter hook output priority 0; }'
  local rule
  for rule in "$@"; do
    ip netns exec "$n" nft add rule inet chaos in "${rule//DIR/saddr}"
    ip netns exec "$n" nft add rule inet chaos out "${rule//DIR/daddr}"
  done
  nft_on[$node]=1
}
nft_clear() { ip netns exec "$(ns "$1")" nft delete table inet chaos 2>/dev/null; unset "nft_on[$1]"; }

fault_begin() { # TYPE -> sets fault_target, applies the fault
  local type=$1 candidates=() pe r
  case "$type" in
    pe-stop)
      pick ${#pes[@]}; fault_target=${pes[$picked]}
      kill -STOP "${pid_of[$fault_target]}"; stopped[$fault_target]=1
      mark_fault "SIGSTOP $fault_target (PE ${pe_id_of[$fault_target]}, pid ${pid_of[$fault_target]})" ;;
    registrar-kill) # r2 or r3: r1 lives through the whole run, so its RSS covers all of it
      pick 2; fault_target=${registrars[$(( picked + 1 ))]}
      kill -KILL "${pid_of[$fault_target]}"; wait "${pid_of[$fault_target]}" 2>/dev/null
      mark_fault "SIGKILL registrar $fault_target (pid ${pid_of[$fault_target]})" ;;
    partition)
      pick ${#registrars[@]}; fault_target=${registrars[$picked]}
      local peers=()
      for r in "${registrars[@]}"; do [ "$r" != "$fault_target" ] && peers+=("${ip_of[$r]}"); done
      nft_table "$fault_target" "ip DIR { $(IFS=,; echo "${peers[*]}") } drop"
      mark_fault "partition registrar $fault_target from its peers" ;;
    loss)
      candidates=("${registrars[@]}" "${pes[@]}")
      pick ${#candidates[@]}; fault_target=${candidates[$picked]}
      nft_table "$fault_target" "ip DIR 10.77.0.0/24 numgen random mod 100 < 5 drop"
      mark_fault "5% packet loss on the link of $fault_target" ;;
  esac
}
fault_end() {
  local type=$1
  case "$type" in
    pe-stop) kill -CONT "${pid_of[$fault_target]}"; unset "stopped[$fault_target]"; mark_fault "SIGCONT $fault_target" ;;
    registrar-kill) start_registrar "$fault_target"; mark_fault "restarted registrar $fault_target (pid ${pid_of[$fault_target]})" ;;
    partition|loss) nft_clear "$fault_target"; mark_fault "healed $fault_target ($type)" ;;
  esac
}

types=(pe-stop registrar-kill partition loss)
faults_done=0; pe_kills=0
schedule_end=$(( $(now_ms) + seconds * 1000 ))
while (( $(now_ms) + step * 1000 <= schedule_end + 500 )); do
  step_start=$(now_ms)
  type=${types[$(( faults_done % ${#types[@]} ))]}
  if (( faults_done % ${#types[@]} == 0 )); then # a new round: shuffle the order of the fault types
    for (( i = ${#types[@]} - 1; i > 0; i-- )); do pick $(( i + 1 )); j=$picked; t=${types[$i]}; types[$i]=${types[$j]}; types[$j]=$t; done
    type=${types[0]}
  fi
  pick 2001; hold_ms=$(( 2000 + picked ))
  fault_begin "$type"
  pick 5; sleep 0.$(( 3 + picked ))
  # PE churn: SIGKILL a PE (not the stopped one) and restart it with a new identifier.
  candidates=()
  for pe in "${pes[@]}"; do [ -z "${stopped[$pe]:-}" ] && candidates+=("$pe"); done
  pick ${#candidates[@]}; victim=${candidates[$picked]}
  kill -KILL "${pid_of[$victim]}"; wait "${pid_of[$victim]}" 2>/dev/null
  mark_fault "SIGKILL $victim (PE ${pe_id_of[$victim]}, pid ${pid_of[$victim]})"
  killed_at[${pe_id_of[$victim]}]=$(now_ms)
  pe_kills=$(( pe_kills + 1 ))
  pick 10; sleep 1.$picked
  start_pe "$victim"
  mark_fault "restarted $victim as PE ${pe_id_of[$victim]} (pid ${pid_of[$victim]})"
  while (( $(now_ms) < step_start + hold_ms )); do sleep 0.1; done
  fault_end "$type"
  faults_done=$(( faults_done + 1 ))
  (( $(now_ms) + step * 1000 > schedule_end + 500 )) && break # the last step: convergence is timed from here
  while (( $(now_ms) < step_start + step * 1000 )); do take_due_baselines; watch_dead_pes; sleep 0.5; done
done
say "schedule over: $faults_done faults ($(IFS=' '; echo "${types[*]}") in turn) and $pe_kills PE kills"

# ---- convergence --------------------------------------------------------------------------------------------------
for pe in "${pes[@]}"; do await_line "$logs/$pe.log" "server ready" 60 >/dev/null || true; done
converged_ms=-1; report_at_5s=""
while true; do
  report=$(handlespace_report) && { converged_ms=$(( $(now_ms) - last_fault_ms )); break; }
  since=$(( $(now_ms) - last_fault_ms ))
  if (( since > 5000 )) && [ -z "$report_at_5s" ]; then report_at_5s=$report; say "5 s after the last fault: $report"; fi
  (( since > 30000 )) && break
  watch_dead_pes
  sleep 0.25
done
say "handlespace $(handlespace_report) (live: $(live_ids))"
if (( converged_ms >= 0 )); then say "converged ${converged_ms} ms after the last fault"; else say "not converged 30 s after the last fault"; fi
if [ -n "$report_at_5s" ]; then
  # Evidence: what each registrar logged about the PEs it held wrongly 5 s after the last fault.
  for id in $(grep -o '0x[0-9a-f]\{8\}' <<<"$report_at_5s" | sort -u); do
    for r in "${registrars[@]}"; do grep -i "PE ${id}" "$logs/$r.log" | tail -5 | sed "s/^/chaos:   $r: /"; done
  done
fi

# RSS growth from each registrar's baseline (taken rss_warmup_ms after its last start) to now.
rss_growth_max=0; rss_text=""
for r in "${registrars[@]}"; do
  final=$(rss_kb "${pid_of[$r]}")
  if [ -z "${rss_base[$r]:-}" ]; then rss_text+="$r=${final}kB(restarted less than $(( rss_warmup_ms / 1000 )) s ago: no baseline) "; continue; fi
  base=${rss_base[$r]}
  growth=$(( base > 0 ? (final - base) * 100 / base : 0 ))
  (( growth > rss_growth_max )) && rss_growth_max=$growth
  rss_text+="$r=${base}->${final}kB(${growth}%) "
done
say "registrar RSS: $rss_text"
watch_dead_pes
if (( live_missing_max > 0 )); then
  say "longest a running PE was not listed at a registrar: ${live_missing_max} ms (PE $live_missing_id at $live_missing_where)"
fi
if (( dead_listed_max > 0 )); then
  say "longest a SIGKILLed PE stayed listed: ${dead_listed_max} ms (PE $dead_listed_id at $dead_listed_where; sampled each ~0.5 s)"
fi

# ---- the PUs' ledgers ---------------------------------------------------------------------------------------------
sent=0; answered=0; lost=0; duplicates=0; max_wait=0; failovers=0; pu_ok=1
for pu in "${pus[@]}"; do
  deadline=$(( SECONDS + pu_seconds + 90 ))
  while kill -0 "${pid_of[$pu]}" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.5; done
  line=$(grep -E '^terminal: sent=' "$logs/$pu.log" | tail -1)
  if [ -z "$line" ]; then say "$pu printed no summary (see $logs/$pu.log)"; pu_ok=0; continue; fi
  say "$pu: ${line#terminal: }"
  get() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<" ${line#terminal: }"; }
  sent=$(( sent + $(get sent) )); answered=$(( answered + $(get answered) )); lost=$(( lost + $(get lost) ))
  duplicates=$(( duplicates + $(get duplicates) )); failovers=$(( failovers + $(get failovers) ))
  w=$(get max-wait-ms); (( w > max_wait )) && max_wait=$w
done

# ---- verdict ------------------------------------------------------------------------------------------------------
failures=()
(( pu_ok )) || failures+=("a PU printed no summary")
(( lost == 0 )) || failures+=("lost=$lost requests")
(( sent > 0 )) || failures+=("no requests sent")
(( converged_ms >= 0 && converged_ms <= 5000 )) || failures+=("handlespace not converged within 5 s of the last fault (converged-ms=$converged_ms)")
(( rss_growth_max <= 20 )) || failures+=("registrar RSS grew ${rss_growth_max}% (> 20%)")
figures="seed=$seed seconds=$seconds faults=$faults_done pe-kills=$pe_kills sent=$sent answered=$answered lost=$lost duplicates=$duplicates max-wait-ms=$max_wait failovers=$failovers converged-ms=$converged_ms dead-pe-listed-max-ms=$dead_listed_max live-pe-missing-max-ms=$live_missing_max rss-growth-max-pct=$rss_growth_max"
if (( ${#failures[@]} == 0 )); then
  echo "chaos: PASS $figures"
  exit 0
fi
for f in "${failures[@]}"; do echo "chaos: assertion failed: $f"; done
echo "chaos: FAIL $figures"
exit 1
}
