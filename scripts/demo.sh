#!/usr/bin/env bash
# The project's main job (README): build, start a registrar and three echo PEs on loopback, run a pool user that sends
# a numbered request every few ms, SIGKILL the PE serving it mid-stream, let the PU fail over, and print a summary
# whose last line is the terminal's summary, `demo: sent=N answered=N lost=0 failovers=K max-gap-ms=X duplicates=D max-wait-ms=W`
# (the terminal prints it as `terminal: sent=...`; this script puts it in its own voice). Every process started here is
# ended here, by PID. Settings: DEMO_REQUESTS (default 600), DEMO_INTERVAL (default 5ms).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
requests=${DEMO_REQUESTS:-600}
interval=${DEMO_INTERVAL:-5ms}
work=$(mktemp -d /tmp/rserpool-demo.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits (bounded) until FILE has a line matching PATTERN; prints the line.
await_line() {
  local file=$1 pattern=$2 limit=${3:-30} started=$SECONDS
  until grep -m1 -E "$pattern" "$file" 2>/dev/null; do
    if (( SECONDS - started > limit )); then echo "demo: timed out waiting for '$pattern' in $file" >&2; cat "$file" >&2; exit 1; fi
    sleep 0.05
  done
}

echo "demo: building"
# ReadyToRun: the hosts start with precompiled code, so the PE taking over does not compile its session path on the
# first request it serves. Falls back to a plain build where the crossgen package cannot be restored.
case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
if dotnet publish src/Hosts -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
     -o artifacts/rserpool -nologo -v:quiet >"$work/build.log" 2>&1; then
  rserpool=(dotnet artifacts/rserpool/rserpool.dll)
else
  echo "demo: ReadyToRun publish failed (see below); using a plain build" >&2
  tail -3 "$work/build.log" >&2
  dotnet build src/Hosts -c Release -nologo -v:quiet >/dev/null
  rserpool=(dotnet src/Hosts/bin/Release/net10.0/rserpool.dll)
fi

"${rserpool[@]}" registrar --asap 127.0.0.1:0 --asap-announce off --enrp off >"$work/registrar.log" 2>&1 &
pids+=($!)
registrar=$(await_line "$work/registrar.log" 'ready: ASAP on TCP' | grep -oE '127\.0\.0\.1:[0-9]+' | head -1)
echo "demo: registrar at $registrar"

declare -A server_pid
for n in 1 2 3; do
  "${rserpool[@]}" server --pool EchoPool --service echo --registrar "$registrar" --asap-announce off \
    --local 127.0.0.1:0 >"$work/server-$n.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  id=$(await_line "$work/server-$n.log" 'server ready: PE 0x' | grep -oE 'PE 0x[0-9a-f]{8}' | head -1 | cut -d' ' -f2)
  server_pid[$id]=$pid
  echo "demo: PE $id (pid $pid) serves echo in EchoPool"
done

"${rserpool[@]}" terminal --pool EchoPool --registrar "$registrar" --asap-announce off \
  --generate "$requests" --interval "$interval" >"$work/terminal.out" 2>"$work/terminal.err" &
terminal=$!
pids+=("$terminal")
serving=$(await_line "$work/terminal.err" 'session with PE 0x' | grep -oE '0x[0-9a-f]{8}' | head -1)
# Let a third of the requests be answered, then kill the PE that answers them.
started=$SECONDS
until (( $(wc -l <"$work/terminal.out") >= requests / 3 )); do
  if (( SECONDS - started > 60 )); then echo "demo: the pool user does not get answers" >&2; cat "$work/terminal.err" >&2; exit 1; fi
  sleep 0.02
done
echo "demo: SIGKILL PE $serving (pid ${server_pid[$serving]}) after $(wc -l <"$work/terminal.out") answers"
kill -KILL "${server_pid[$serving]}"
{ wait "${server_pid[$serving]}"; } 2>/dev/null || true

status=0
wait "$terminal" || status=$?
grep -E 'failover from' "$work/terminal.err" | sed 's/^/demo: /' || true
tail -1 "$work/terminal.out" | sed "s/^terminal: /demo: /"   # the summary, in the demo's voice
exit "$status"
