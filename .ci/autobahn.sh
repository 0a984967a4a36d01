#!/usr/bin/env bash
# Autobahn|Testsuite conformance of the NatterTransport WebSocket client: sections 1–10, then the
# permessage-deflate sections 12–13. Exits non-zero if any case fails or is missing.
# Run from anywhere; expects ../shared/tools/autobahn next to the repository (as CI lays it out).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
AB="$ROOT/../shared/tools/autobahn"
cd "$ROOT"

[ -d "$AB" ] || { echo "autobahn tools not found at $AB"; exit 2; }
bash "$AB/setup.sh"

# Release: sections 9 and 12–13 push hundreds of megabytes through the client.
set +e
swift build -c release --product natter-autobahn 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] '
build_status=${PIPESTATUS[0]}
set -e
[ "$build_status" -eq 0 ] || { echo "natter-autobahn failed to build"; exit 2; }
BIN="$(swift build -c release --show-bin-path)/natter-autobahn"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== Autobahn sections 1–10"
status=0
"$AB/run-client.sh" -w "$WORK/core" -t 300 -- "$BIN" || status=$?

# Sections 12 and 13 (permessage-deflate) are CPU-bound on both sides and take most of the run. They run
# as two halves side by side, each with its own fuzzingserver on its own port, so two cores halve the wait.
# A 12.x group costs about twice a 13.x group (measured under load), hence this split.
deflate_half() { # NAME PORT CASE-PATTERNS...
  local name=$1 port=$2
  shift 2
  local cases
  cases=$(printf '"%s",' "$@")
  cat > "$WORK/deflate-$name.json" <<JSON
{
   "url": "ws://127.0.0.1:$port",
   "outdir": "./reports/clients",
   "cases": [${cases%,}],
   "exclude-cases": [],
   "exclude-agent-cases": {}
}
JSON
  "$AB/run-client.sh" -w "$WORK/deflate-$name" -s "$WORK/deflate-$name.json" -t 1500 -- \
    "$BIN" --url "ws://127.0.0.1:$port" > "$WORK/deflate-$name.log" 2>&1
}
echo "== Autobahn sections 12 and 13 (permessage-deflate), two halves side by side"
deflate_half a 9001 '12.1.*' '12.2.*' '12.3.*' '13.1.*' '13.2.*' & first=$!
deflate_half b 9002 '12.4.*' '12.5.*' '13.3.*' '13.4.*' '13.5.*' '13.6.*' '13.7.*' & second=$!
wait "$first" || status=$?
wait "$second" || status=$?
for name in a b; do
  echo "-- half $name"
  cat "$WORK/deflate-$name.log"
done

exit "$status"
