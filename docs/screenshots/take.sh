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
cleanup() {
  # Ctrl-C for sim up: it tears the topology down itself.
  kill -INT "$up" 2>/dev/null && wait "$up" 2>/dev/null || true
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
# fills itself in over its websocket: give it time before the shot.
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-sync --disable-background-networking \
  --user-data-dir="$work/profile" --window-size=1680,1050 --hide-scrollbars \
  --virtual-time-budget=15000 --run-all-compositor-stages-before-draw \
  --screenshot="$work/shot.png" "$login" >"$work/chromium.log" 2>&1 || true
[[ -s "$work/shot.png" ]] || { cat "$work/chromium.log" >&2; echo "take.sh: chromium took no screenshot" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out"
echo "take.sh: wrote $out"
