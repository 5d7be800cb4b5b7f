#!/usr/bin/env bash
# Ensure the Python venv NAME (server | eval) exists, installed from tools/peers/python/NAME.lock.txt.
#
#   tools/peers/venv.sh eval            # prints the venv path on stdout, progress on stderr
#   tools/peers/venv.sh eval --if-ready # prints the path only if the venv is already installed (else exits 1)
#
# The venv lives outside the clone, keyed by the hash of the lock file (and of python/NAME.post-install.sh, a fix-up
# step run after pip, if there is one):
#   ${DOMAIN_EVAL_CACHE:-~/.cache/domain-eval}/venv-NAME-<sha256[:12]>
# so it is built once per machine (torch alone is several GB) and shared by every clone and test process with the
# same lock. Concurrent callers serialize on a flock; a marker file is written only after pip succeeded, so an
# interrupted install is redone from scratch on the next call.
set -euo pipefail

name="${1:-}"
case "$name" in
  server | eval) ;;
  *)
    echo "usage: tools/peers/venv.sh server|eval" >&2
    exit 2
    ;;
esac
if_ready=0
[[ "${2:-}" == "--if-ready" ]] && if_ready=1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lock_file="$here/python/$name.lock.txt"
[[ -f "$lock_file" ]] || { echo "venv.sh: missing lock file $lock_file" >&2; exit 1; }

cache="${DOMAIN_EVAL_CACHE:-$HOME/.cache/domain-eval}"
post_install="$here/python/$name.post-install.sh"
hash_inputs=("$lock_file")
[[ -f "$post_install" ]] && hash_inputs+=("$post_install")
hash="$(cat "${hash_inputs[@]}" | sha256sum | cut -c1-12)"
venv="$cache/venv-$name-$hash"
marker="$venv/.domain-eval-installed"

# Fast path: no lock needed once the marker exists.
if [[ -f "$marker" ]]; then
  echo "$venv"
  exit 0
fi
((if_ready)) && exit 1

python="${DOMAIN_EVAL_BASE_PYTHON:-python3}"
if ! command -v "$python" > /dev/null; then
  echo "venv.sh: $python not found: install Python 3.11 (the locks were resolved on 3.11) or set DOMAIN_EVAL_BASE_PYTHON" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
  echo "venv.sh: warning: $("$python" --version 2>&1) is not 3.11; the pins in $lock_file may not install" >&2
fi
if ! command -v flock > /dev/null; then
  echo "venv.sh: flock not found (package util-linux)" >&2
  exit 1
fi

mkdir -p "$cache"
exec 9> "$venv.lock"
if ! flock -n 9; then
  echo "venv.sh: waiting for another process that is installing $venv" >&2
  flock 9
fi
if [[ -f "$marker" ]]; then
  echo "$venv"
  exit 0
fi

log="$venv.install.log"
note=""
[[ "$name" == eval ]] && note="; torch and its CUDA wheels are a few GB"
echo "venv.sh: creating $venv from $(basename "$lock_file") (log: $log)$note" >&2
rm -rf "$venv"
started=$SECONDS
{
  "$python" -m venv "$venv" &&
    "$venv/bin/python" -m pip install --disable-pip-version-check --no-input --progress-bar off \
      -r "$lock_file"
} > "$log" 2>&1 &
pip_pid=$!
# Show that something is happening without flooding the terminal.
while kill -0 "$pip_pid" 2> /dev/null; do
  sleep 15
  if kill -0 "$pip_pid" 2> /dev/null; then
    echo "venv.sh: [$name $((SECONDS - started))s] $(tail -n 1 "$log" | cut -c1-120)" >&2
  fi
done
if ! wait "$pip_pid"; then
  echo "venv.sh: installing $venv failed; last lines of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
if [[ -f "$post_install" ]] && ! bash "$post_install" "$venv" >> "$log" 2>&1; then
  echo "venv.sh: $post_install failed; last lines of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
"$venv/bin/python" -m pip check >> "$log" 2>&1 || echo "venv.sh: warning: pip check reports conflicts (see $log)" >&2
echo "$hash $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$marker"
echo "venv.sh: $venv ready in $((SECONDS - started))s" >&2
echo "$venv"
