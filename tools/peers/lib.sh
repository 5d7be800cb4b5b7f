# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by up.sh and down.sh
# Shared by up.sh and down.sh (sourced, not run): where the peers keep their state, which ports they use, and how
# to tell our processes from someone else's.

peers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${DOMAIN_EVAL_CACHE:-$HOME/.cache/domain-eval}"
state="${DOMAIN_EVAL_STATE:-$cache/peers}"
logs="$state/logs"
run="$state/run"
env_file="$state/peers.env"

argilla_port="${DOMAIN_EVAL_ARGILLA_PORT:-6900}"
opensearch_port="${DOMAIN_EVAL_OPENSEARCH_PORT:-9200}"
opensearch_transport_ports="${DOMAIN_EVAL_OPENSEARCH_TRANSPORT_PORTS:-9300-9399}"
redis_port="${DOMAIN_EVAL_REDIS_PORT:-6379}"

# Documented local-development credentials (Argilla's own defaults for the owner), not secrets.
argilla_owner_api_key="argilla.apikey"
argilla_owner_password="12345678"
reviewer_username="reviewer"
reviewer_password="12345678"
reviewer_api_key="reviewer.apikey"

say_prefix=peers
# shellcheck source=tools/lib/say-fail.sh
source "$peers_dir/../lib/say-fail.sh"

# pid_of NAME: the pid recorded for NAME if that process is alive and still runs what we started (a pid can be
# reused by an unrelated process after a reboot or crash), else nothing.
pid_of() {
  local name="$1" pid signature
  [[ -f "$run/$name.pid" ]] || return 0
  pid="$(cat "$run/$name.pid" 2> /dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -0 "$pid" 2> /dev/null || return 0
  case "$name" in
    opensearch) signature="EmbeddedOpenSearch" ;;
    redis) signature="redis-server" ;;
    argilla) signature="argilla_server start" ;;
    argilla-worker) signature="argilla_server worker" ;;
  esac
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q "$signature"; then
    echo "$pid"
  fi
}

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

# http_status URL [API_KEY]: the HTTP status code, or 000 when nothing answers. python3 because curl may be missing.
http_status() {
  python3 - "$1" "${2:-}" << 'PY'
import sys, urllib.request, urllib.error
url, key = sys.argv[1], sys.argv[2]
req = urllib.request.Request(url, headers={"X-Argilla-Api-Key": key} if key else {})
try:
    with urllib.request.urlopen(req, timeout=5) as res:
        print(res.status)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print("000")
PY
}

# http_body URL: the response body, or nothing.
http_body() {
  python3 -c 'import sys, urllib.request
try: print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())
except Exception: pass' "$1"
}
