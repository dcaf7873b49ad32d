#!/usr/bin/env bash
# Cluster mode under a partition (issue 15 items 2 and 6, docs/cluster.md "Figures"): three registrars in cluster mode
# (Akka.Cluster, no --peer) in network namespaces this script creates, three echo PEs (PE n lists registrar n first),
# then registrar r3 is cut off from r1 and r2 by an nftables table in its namespace (its PE still reaches it).
# It asserts and reports:
#   - the majority side (r1, r2) takes r3 over; r3 takes nothing over (docs/protocol-notes.md §10 majority rule);
#   - the cluster downs r3 (split-brain resolver, keep-majority) and r3's process exits: its coordinated shutdown
#     closes its associations, and its PE registers with r1 or r2 (docs/protocol-notes.md §11 rule 7);
#   - after the partition heals and r3 restarts (same id, --seed r1), every registrar's /status lists exactly the
#     three live PEs, each once, with the same home everywhere (no PE lost or duplicated).
# Last line: "cluster-partition: PASS ..." or "cluster-partition: FAIL ..." with the figures as key=value.
# Exit 0 pass, 1 fail, 2 usage, 77 = cannot run here (not root, no netns, no nft, tool missing; reason printed).
#
# Usage: scripts/cluster-partition.sh [--rserpool DLL] [--logs DIR] [--check]
# Network: bridge in namespace <prefix>-hub, 10.78.0.0/24 (registrars .1-.3, PEs .11-.13); prefix "core<PID>".
# Everything started here (namespaces, nft tables, processes by PID) is removed on exit, Ctrl-C included.
set -uo pipefail
cd "$(dirname "$0")/.."
{

rserpool_dll=""
logs=""
check_only=0
while (( $# > 0 )); do
  case "$1" in
    --rserpool) rserpool_dll=$2; shift 2 ;;
    --logs) logs=$2; shift 2 ;;
    --check) check_only=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "cluster-partition: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

start_ns=$(date +%s%N)
elapsed() { awk -v now="$(date +%s%N)" -v t0="$start_ns" 'BEGIN { printf "%.1f", (now - t0) / 1e9 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
say() { printf 'cluster-partition: [%6.1fs] %s\n' "$(elapsed)" "$*"; }
skip() { echo "cluster-partition: SKIP: $*"; exit 77; }
fail() { say "$*"; echo "cluster-partition: FAIL $*"; exit 1; }

prefix="core$$"
ns() { echo "${prefix}-$1"; }
check_machine() {
  [ "$(id -u)" -eq 0 ] || skip "needs root (network namespaces, veth, nftables)"
  local tool
  for tool in ip nft jq curl dotnet; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found (scripts/test.sh installs nftables iproute2 jq curl)"
  done
  local probe; probe=$(ns probe)
  ip netns add "$probe" 2>/dev/null || skip "cannot create a network namespace (ip netns add failed)"
  if ! ip netns exec "$probe" nft add table inet core_probe 2>/dev/null; then
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
if (( check_only )); then echo "cluster-partition: this machine can run it"; exit 0; fi

if [ -z "$rserpool_dll" ]; then
  rserpool_dll=src/Hosts/bin/Release/net10.0/rserpool.dll
  [ -f "$rserpool_dll" ] || dotnet build src/Hosts -c Release -nologo -v:quiet >/dev/null || { echo "cluster-partition: build failed" >&2; exit 1; }
fi
[ -f "$rserpool_dll" ] || { echo "cluster-partition: $rserpool_dll not found" >&2; exit 2; }
rserpool_dll=$(readlink -f "$rserpool_dll")
keep_logs=1
if [ -z "$logs" ]; then logs=$(mktemp -d /tmp/rserpool-cluster-partition.XXXXXX); keep_logs=0; fi
mkdir -p "$logs"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

registrars=(r1 r2 r3)
pes=(pe1 pe2 pe3)
declare -A ip_of=([r1]=10.78.0.1 [r2]=10.78.0.2 [r3]=10.78.0.3 [pe1]=10.78.0.11 [pe2]=10.78.0.12 [pe3]=10.78.0.13)
declare -A server_id_of=([r1]=0x0c0e0001 [r2]=0x0c0e0002 [r3]=0x0c0e0003)
declare -A pe_id_of=([pe1]=0x0c0e1001 [pe2]=0x0c0e1002 [pe3]=0x0c0e1003)
asap_port=3863; enrp_port=9901; status_port=8080; remote_port=4053
declare -A pid_of=()
all_pids=()
namespaces_made=()
nft_r3=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${all_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  local deadline=$(( SECONDS + 10 ))
  for pid in "${all_pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  (( nft_r3 )) && ip netns exec "$(ns r3)" nft delete table inet corepart 2>/dev/null
  for node in "${namespaces_made[@]}"; do ip netns del "$(ns "$node")" 2>/dev/null; done
  if (( rc == 0 && keep_logs == 0 )); then rm -rf "$logs"; else echo "cluster-partition: logs kept in $logs"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "cluster-partition: interrupted"; exit 130' INT TERM

hub=$(ns hub)
ip netns add "$hub" && namespaces_made+=(hub)
ip -n "$hub" link set lo up
ip -n "$hub" link add br0 type bridge
ip -n "$hub" link set br0 up
for node in "${registrars[@]}" "${pes[@]}"; do
  ip netns add "$(ns "$node")" && namespaces_made+=("$node")
  ip -n "$hub" link add "v-$node" type veth peer name eth0 netns "$(ns "$node")"
  ip -n "$hub" link set "v-$node" master br0 up
  ip -n "$(ns "$node")" addr add "${ip_of[$node]}/24" dev eth0
  ip -n "$(ns "$node")" link set eth0 up
  ip -n "$(ns "$node")" link set lo up
done
say "network: ${#namespaces_made[@]} namespaces on bridge br0 in $hub; logs in $logs"

spawn() {
  local node=$1; shift
  echo "---- start $(date -u +%T.%N) $*" >>"$logs/$node.log"
  ip netns exec "$(ns "$node")" dotnet "$rserpool_dll" "$@" >>"$logs/$node.log" 2>&1 &
  pid_of[$node]=$!
  all_pids+=($!)
}
start_registrar() { # REGISTRAR [SEED]
  local r=$1 seed=()
  [ -n "${2:-}" ] && seed=(--seed "$2:$remote_port")
  spawn "$r" registrar --server-id "${server_id_of[$r]}" --asap "${ip_of[$r]}:$asap_port" --asap-sctp off \
    --asap-announce off --enrp "${ip_of[$r]}:$enrp_port" --enrp-transport tcp --status "${ip_of[$r]}:$status_port" \
    --cluster "${ip_of[$r]}:$remote_port" "${seed[@]}"
}
start_pe() { # PE n lists registrar n first
  local pe=$1 n=${1#pe} list=() r
  list+=(--registrar "${ip_of[r$n]}:$asap_port")
  for r in "${registrars[@]}"; do [ "$r" != "r$n" ] && list+=(--registrar "${ip_of[$r]}:$asap_port"); done
  spawn "$pe" server --service echo --transport tcp --registrar-transport tcp --local "${ip_of[$pe]}:0" \
    --identifier "${pe_id_of[$pe]}" "${list[@]}"
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
# "id@owner id@owner ..." of EchoPool, sorted; duplicates stay visible.
view_of() { status_of "$1" | jq -r '[.pools[]? | select(.handle == "EchoPool") | .elements[] | "\(.identifier)@\(.owner)"] | sort | join(" ")' 2>/dev/null; }
want_ids() { local pe ids=(); for pe in "${pes[@]}"; do ids+=("${pe_id_of[$pe]}"); done; printf '%s\n' "${ids[@]}" | sort | paste -sd' '; }
# Exit 0 when every registrar lists exactly the live PEs, once each, with the same owners everywhere.
converged() {
  local r view first="" want; want=$(want_ids)
  for r in "${registrars[@]}"; do
    view=$(view_of "$r")
    [ "$(tr ' ' '\n' <<<"$view" | sed 's/@.*//' | sed '/^$/d' | paste -sd' ')" = "$want" ] || return 1
    if [ -z "$first" ]; then first=$view; elif [ "$view" != "$first" ]; then return 1; fi
  done
}
await_converged() { # LIMIT_SECONDS: sets converge_ms
  local started; started=$(now_ms)
  until converged; do
    if (( $(now_ms) - started > $1 * 1000 )); then
      local r; for r in "${registrars[@]}"; do say "$r: $(view_of "$r")"; done
      return 1
    fi
    sleep 0.2
  done
  converge_ms=$(( $(now_ms) - started ))
}

start_registrar r1
await_line "$logs/r1.log" "in cluster mode" 90 || fail "r1 did not start"
start_registrar r2 "${ip_of[r1]}"
start_registrar r3 "${ip_of[r1]}"
for r in r1 r2 r3; do await_line "$logs/$r.log" "ready: ASAP" 90 || fail "$r did not start"; done
for r in r1 r2 r3; do
  for other in r1 r2 r3; do
    [ "$r" = "$other" ] && continue
    await_line "$logs/$r.log" "new ENRP peer $(printf '0x%08x' "${server_id_of[$other]}")" 60 || fail "$r never peered with $other through the cluster"
  done
done
# All three Up in every view before the fault (a directory lists Up members only).
await_line "$logs/r1.log" "ENRP peers from the cluster: .*0x0c0e0002 at .*, 0x0c0e0003 at" 60 || fail "r1 never saw r2 and r3 Up"
await_line "$logs/r2.log" "ENRP peers from the cluster: .*0x0c0e0001 at .*, 0x0c0e0003 at" 60 || fail "r2 never saw r1 and r3 Up"
await_line "$logs/r3.log" "ENRP peers from the cluster: .*0x0c0e0001 at .*, 0x0c0e0002 at" 60 || fail "r3 never saw r1 and r2 Up"
say "3 registrars in cluster mode peered through the cluster (no --peer)"
for pe in "${pes[@]}"; do start_pe "$pe"; done
for pe in "${pes[@]}"; do await_line "$logs/$pe.log" ": Registered \\(home" 60 || fail "$pe never registered"; done
await_converged 30 || fail "handlespaces never agreed before the partition"
say "3 PEs registered, handlespaces agree: $(view_of r1)"

# ---- partition r3 from r1 and r2 (its PE still reaches it) --------------------------------------------------------
n3=$(ns r3)
ip netns exec "$n3" nft add table inet corepart && nft_r3=1
ip netns exec "$n3" nft add chain inet corepart in '{ type filter hook input priority 0; }'
ip netns exec "$n3" nft add chain inet corepart out '{ type filter hook output priority 0; }'
ip netns exec "$n3" nft add rule inet corepart in "ip saddr { ${ip_of[r1]}, ${ip_of[r2]} } drop"
ip netns exec "$n3" nft add rule inet corepart out "ip daddr { ${ip_of[r1]}, ${ip_of[r2]} } drop"
cut_at=$(now_ms)
say "r3 cut off from r1 and r2"
r3_id=$(printf '0x%08x' "${server_id_of[r3]}")
took=""
deadline=$(( SECONDS + 30 ))
while [ -z "$took" ] && (( SECONDS < deadline )); do
  for r in r1 r2; do grep -q "took over $r3_id: now home" "$logs/$r.log" && took=$r; done
  [ -z "$took" ] && sleep 0.1
done
[ -n "$took" ] || fail "the majority side never took r3 over"
takeover_ms=$(( $(now_ms) - cut_at ))
say "r3 taken over by $took ${takeover_ms} ms after the cut"
deadline=$(( SECONDS + 30 ))
while kill -0 "${pid_of[r3]}" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
kill -0 "${pid_of[r3]}" 2>/dev/null && fail "r3 (minority) still runs 30 s after the cut: the cluster did not down it"
wait "${pid_of[r3]}"; r3_exit=$?
r3_down_ms=$(( $(now_ms) - cut_at ))
say "r3 left the cluster and exited ($r3_exit) ${r3_down_ms} ms after the cut"
awk '/^---- start/{n++} n==1' "$logs/r3.log" | grep -q "registrar $r3_id: took over 0x" && fail "r3 (minority) took a peer over"
await_line "$logs/pe3.log" "Registered \\(home registrar $(printf '0x%08x' "${server_id_of[r1]}")|Registered \\(home registrar $(printf '0x%08x' "${server_id_of[r2]}")|is the new home" 30 \
  || fail "pe3 never moved to the majority side"
say "pe3 moved to the majority side"

# ---- heal, restart r3 ----------------------------------------------------------------------------------------------
ip netns exec "$n3" nft delete table inet corepart && nft_r3=0
start_registrar r3 "${ip_of[r1]}"
await_line "$logs/r3.log" "ready: ASAP" 90 || fail "r3 did not restart"
restart_at=$(now_ms)
await_converged 30 || fail "handlespaces differ 30 s after r3 restarted"
rejoin_ms=$(( $(now_ms) - restart_at ))
say "after the restart every registrar lists the same 3 PEs: $(view_of r3)"
echo "cluster-partition: PASS takeover_ms=$takeover_ms minority_down_ms=$r3_down_ms minority_exit=$r3_exit rejoin_converged_ms=$rejoin_ms"
}
