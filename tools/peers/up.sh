#!/usr/bin/env bash
# Bring up the real peers the tests and users need, and wait until they are healthy:
#   OpenSearch 2.19 (embedded, tools/peers/opensearch) -> Redis (Debian's redis-server) -> Argilla server 2.8 + its
#   background worker, plus the Python evaluation venv (lighteval, datasets, torch, ...).
#
#   tools/peers/up.sh            # everything
#   tools/peers/up.sh --no-eval  # skip the evaluation venv (several GB): enough to annotate in Argilla
#
# Idempotent: a healthy running set is reused (exits in about a second). Serialized with flock, so parallel test
# processes can all call it. Prints the path of the env file on stdout; progress and errors go to stderr.
# State (data, logs, pidfiles) lives in ${DOMAIN_EVAL_STATE:-~/.cache/domain-eval/peers}; ports come from
# DOMAIN_EVAL_ARGILLA_PORT (6900), DOMAIN_EVAL_OPENSEARCH_PORT (9200), DOMAIN_EVAL_REDIS_PORT (6379).
set -euo pipefail
# shellcheck source=tools/peers/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

with_eval=1
for arg in "$@"; do
  case "$arg" in
    --no-eval) with_eval=0 ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) fail "unknown argument $arg (try --help)" ;;
  esac
done
timeout_s="${DOMAIN_EVAL_PEERS_TIMEOUT:-180}"

for tool in python3 flock setsid; do
  command -v "$tool" > /dev/null || fail "$tool not found: it is needed to run the peers"
done
mkdir -p "$logs" "$run"
# fd 8 holds the lock; every process started below gets it closed (8>&-), or a daemon would hold it forever.
exec 8> "$state/up.lock"
if ! flock -n 8; then
  say "another up.sh/down.sh is running; waiting for it"
  flock 8
fi

# ---- health checks -------------------------------------------------------------------------------------------
opensearch_url="http://127.0.0.1:$opensearch_port"
argilla_url="http://127.0.0.1:$argilla_port"
redis_url="redis://127.0.0.1:$redis_port/0"

opensearch_healthy() {
  http_body "$opensearch_url/_cluster/health" | grep -Eq '"status":"(green|yellow)"'
}
redis_healthy() {
  command -v redis-cli > /dev/null && [[ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2> /dev/null)" == "PONG" ]]
}
argilla_healthy() {
  [[ "$(http_status "$argilla_url/api/v1/me" "$argilla_owner_api_key")" == "200" ]]
}

# wait_healthy NAME CHECK LOG: wait until CHECK passes while our process NAME is alive.
wait_healthy() {
  local name="$1" check="$2" log="$3" started=$SECONDS
  until "$check"; do
    [[ -n "$(pid_of "$name")" ]] || fail "$name exited during startup" "$log"
    ((SECONDS - started < timeout_s)) || fail "$name did not become healthy within ${timeout_s}s" "$log"
    sleep 1
  done
  say "$name is healthy ($((SECONDS - started))s)"
}

# not_ours PORT NAME ENVVAR: refuse to start on a port someone else holds.
not_ours() {
  local who=""
  if command -v ss > /dev/null; then
    who="$(ss -ltnpH "sport = :$1" 2> /dev/null | grep -o 'users:(([^)]*' | head -n 1 | cut -c9- || true)"
  fi
  fail "port $1 (for $2) is in use by something that is not ours${who:+ ($who)}: stop it, or pick another port with $3=<port>"
}

# ---- evaluation venv (slowest, network-bound): start it first, in the background ---------------------------------
eval_pid=""
if ((with_eval)); then
  "$peers_dir/venv.sh" eval > "$run/venv-eval.path" 2> "$logs/venv-eval.log" 8>&- &
  eval_pid=$!
fi

# ---- OpenSearch ------------------------------------------------------------------------------------------------
start_opensearch() {
  local build
  say "building the OpenSearch launcher (log: $logs/opensearch-build.log)"
  build="$("$peers_dir/opensearch/build.sh" 2> "$logs/opensearch-build.log")" ||
    fail "building the OpenSearch launcher failed" "$logs/opensearch-build.log"
  command -v java > /dev/null || fail "java not found: install Java 17 (apt-get install openjdk-17-jre-headless)"
  say "starting OpenSearch on $opensearch_url (log: $logs/opensearch.log)"
  # Flags OpenSearch's own launcher would add (see tools/peers/README.md).
  setsid java -Xms512m -Xmx1g \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    -Dio.netty.allocator.numDirectArenas=0 -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false \
    -Djava.locale.providers=SPI,COMPAT -Dopensearch.set.netty.runtime.available.processors=false \
    -Djava.io.tmpdir="$state/opensearch/tmp" \
    -cp "$(cat "$build/classpath.txt")" dev.domaineval.peers.opensearch.EmbeddedOpenSearch \
    --home "$state/opensearch" --port "$opensearch_port" --transport-port "$opensearch_transport_ports" \
    < /dev/null > "$logs/opensearch.log" 2>&1 8>&- &
  echo $! > "$run/opensearch.pid"
}

if [[ -z "$(pid_of opensearch)" ]]; then
  port_in_use "$opensearch_port" && not_ours "$opensearch_port" OpenSearch DOMAIN_EVAL_OPENSEARCH_PORT
  mkdir -p "$state/opensearch/tmp"
  start_opensearch
fi
wait_healthy opensearch opensearch_healthy "$logs/opensearch.log"
grep -q "FATAL" "$logs/opensearch.log" && fail "OpenSearch reports a fatal problem" "$logs/opensearch.log"

# ---- Redis -----------------------------------------------------------------------------------------------------
if ! command -v redis-server > /dev/null; then
  if [[ "$(id -u)" != 0 ]]; then
    fail "redis-server not found: install it (sudo apt-get install redis-server) and run this again"
  fi
  say "installing redis-server with apt-get (log: $logs/apt.log)"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server; } \
    > "$logs/apt.log" 2>&1 || fail "apt-get install redis-server failed" "$logs/apt.log"
fi
if [[ -z "$(pid_of redis)" ]]; then
  port_in_use "$redis_port" && not_ours "$redis_port" Redis DOMAIN_EVAL_REDIS_PORT
  say "starting Redis on 127.0.0.1:$redis_port (log: $logs/redis.log)"
  mkdir -p "$state/redis"
  # No persistence: the queue only carries Argilla's background jobs.
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --pidfile "$run/redis.pid" \
    --logfile "$logs/redis.log" --dir "$state/redis" --save "" --appendonly no 8>&- \
    || fail "redis-server did not start" "$logs/redis.log"
  for _ in $(seq 50); do [[ -s "$run/redis.pid" ]] && break; sleep 0.1; done
fi
wait_healthy redis redis_healthy "$logs/redis.log"

# ---- Argilla server + worker -----------------------------------------------------------------------------------
server_venv="$("$peers_dir/venv.sh" server 2> "$logs/venv-server.log")" ||
  fail "creating the Argilla server venv failed" "$logs/venv-server.log"
argilla_python="$server_venv/bin/python"
export ARGILLA_HOME_PATH="$state/argilla" # SQLite database (Argilla's default) lives here
export ARGILLA_SEARCH_ENGINE=opensearch
export ARGILLA_ELASTICSEARCH="$opensearch_url"
export ARGILLA_REDIS_URL="$redis_url"
export HF_HUB_DISABLE_TELEMETRY=1
mkdir -p "$ARGILLA_HOME_PATH"

if [[ -z "$(pid_of argilla)" ]]; then
  port_in_use "$argilla_port" && not_ours "$argilla_port" Argilla DOMAIN_EVAL_ARGILLA_PORT
  say "migrating Argilla's database and creating its users (log: $logs/argilla-setup.log)"
  {
    "$argilla_python" -m argilla_server database migrate &&
      "$argilla_python" -m argilla_server database users create_default \
        --api-key "$argilla_owner_api_key" --password "$argilla_owner_password" &&
      "$argilla_python" -m argilla_server database users create --username "$reviewer_username" --first-name Reviewer \
        --password "$reviewer_password" --api-key "$reviewer_api_key" --role annotator --workspace argilla
  } > "$logs/argilla-setup.log" 2>&1 || fail "setting up Argilla's database failed" "$logs/argilla-setup.log"
  say "starting Argilla on $argilla_url (log: $logs/argilla.log)"
  (cd "$ARGILLA_HOME_PATH" && exec setsid "$argilla_python" -m argilla_server start --host 127.0.0.1 \
    --port "$argilla_port" < /dev/null > "$logs/argilla.log" 2>&1 8>&-) &
  echo $! > "$run/argilla.pid"
fi
# The worker runs Argilla's background jobs (record status after distribution changes, Hub import/export, webhooks).
if [[ -z "$(pid_of argilla-worker)" ]]; then
  say "starting Argilla's background worker (log: $logs/argilla-worker.log)"
  (cd "$ARGILLA_HOME_PATH" && exec setsid "$argilla_python" -m argilla_server worker --num-workers 1 \
    < /dev/null > "$logs/argilla-worker.log" 2>&1 8>&-) &
  echo $! > "$run/argilla-worker.pid"
fi
wait_healthy argilla argilla_healthy "$logs/argilla.log"
[[ "$(http_status "$argilla_url/")" == "200" ]] || fail "Argilla's web UI does not answer at $argilla_url/" "$logs/argilla.log"
[[ "$(http_status "$argilla_url/api/v1/me" "$reviewer_api_key")" == "200" ]] ||
  fail "the reviewer user cannot authenticate" "$logs/argilla-setup.log"
sleep 1
[[ -n "$(pid_of argilla-worker)" ]] || fail "Argilla's worker exited" "$logs/argilla-worker.log"

# ---- evaluation venv -------------------------------------------------------------------------------------------
eval_python=""
if [[ -n "$eval_pid" ]]; then
  say "waiting for the evaluation venv (log: $logs/venv-eval.log)"
  wait "$eval_pid" || fail "creating the evaluation venv failed" "$logs/venv-eval.log"
  eval_python="$(cat "$run/venv-eval.path")/bin/python"
elif eval_venv="$("$peers_dir/venv.sh" eval --if-ready)"; then
  eval_python="$eval_venv/bin/python"
fi

# ---- env file --------------------------------------------------------------------------------------------------
tmp_env="$env_file.tmp"
cat > "$tmp_env" << EOF
# Written by tools/peers/up.sh. Local-development credentials only.
ARGILLA_API_URL='$argilla_url'
ARGILLA_API_KEY='$argilla_owner_api_key'
DOMAIN_EVAL_ARGILLA_USERNAME='argilla'
DOMAIN_EVAL_ARGILLA_PASSWORD='$argilla_owner_password'
DOMAIN_EVAL_REVIEWER_USERNAME='$reviewer_username'
DOMAIN_EVAL_REVIEWER_PASSWORD='$reviewer_password'
DOMAIN_EVAL_REVIEWER_API_KEY='$reviewer_api_key'
DOMAIN_EVAL_PYTHON='$eval_python'
DOMAIN_EVAL_ARGILLA_PYTHON='$argilla_python'
DOMAIN_EVAL_OPENSEARCH_URL='$opensearch_url'
DOMAIN_EVAL_REDIS_URL='$redis_url'
DOMAIN_EVAL_ARGILLA_PORT='$argilla_port'
DOMAIN_EVAL_OPENSEARCH_PORT='$opensearch_port'
DOMAIN_EVAL_REDIS_PORT='$redis_port'
DOMAIN_EVAL_PEERS_LOGS='$logs'
EOF
mv "$tmp_env" "$env_file"
say "up: Argilla $argilla_url (argilla / $argilla_owner_password), env file $env_file, logs $logs"
echo "$env_file"
