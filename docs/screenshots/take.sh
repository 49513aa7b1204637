#!/usr/bin/env bash
# Takes docs/images/dashboard-control-room.png: `sim up two-region` with the Aspire dashboard, its resources page
# opened with the login token in headless Chromium, regions grouping their nodes.
#   docs/screenshots/take.sh [OUT.png]
# Needs what `sim up` needs, plus the Debian package chromium. The dashboard listens on 127.0.0.1:22888 (OTLP 22890)
# unless ASPNETCORE_URLS / ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL say otherwise.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$here/docs/images/dashboard-control-room.png}
work=$(mktemp -d)
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:22888}
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=${ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL:-http://127.0.0.1:22890}
command -v chromium >/dev/null || { echo "take.sh: chromium is missing (apt-get install -y chromium)" >&2; exit 3; }

"$here/sim" up two-region >"$work/up.log" 2>&1 &
up=$!
browser=
cleanup() {
  [[ -z $browser ]] || { kill "$browser" 2>/dev/null; wait "$browser" 2>/dev/null || true; }
  # SIGTERM, not SIGINT (a script's background job ignores SIGINT): sim up tears everything down as on Ctrl-C.
  kill -TERM "$up" 2>/dev/null && wait "$up" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 600); do
  grep -q 'Running. Press Ctrl-C' "$work/up.log" && break
  kill -0 "$up" 2>/dev/null || { cat "$work/up.log" >&2; echo "take.sh: sim up exited" >&2; exit 1; }
  sleep 1
done
grep -q 'Running. Press Ctrl-C' "$work/up.log" || { cat "$work/up.log" >&2; echo "take.sh: sim up did not come up in 10 minutes" >&2; exit 1; }
login=$(grep -o 'http://[^ ]*/login?t=[0-9a-zA-Z]*' "$work/up.log" | head -n 1)
[[ -n $login ]] || { cat "$work/up.log" >&2; echo "take.sh: no dashboard login URL in sim up's output" >&2; exit 1; }
echo "take.sh: dashboard at ${login%%/login*}"

# The login page sets the auth cookie and sends the browser on to the resources page, a Blazor Server page that
# fills itself in over its websocket: a DevTools-protocol script waits until it shows every region and node.
devtools=${SIM_SHOT_DEVTOOLS_PORT:-22901}
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-sync --disable-background-networking \
  --user-data-dir="$work/profile" --hide-scrollbars --remote-debugging-address=127.0.0.1 \
  --remote-debugging-port="$devtools" about:blank >"$work/chromium.log" 2>&1 &
browser=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$devtools/json/version" >/dev/null && break; sleep 0.2; done
node --experimental-websocket "$here/docs/screenshots/cdp-shot.mjs" "$devtools" "$login" "$work/shot.png" 1680 1050 \
  two-region fault-proxy eu eu-pg-1 eu-pg-2 eu-ingress us us-pg-1 us-ingress
mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out"
echo "take.sh: wrote $out"
