# shellcheck shell=bash
# Progress and error lines for the tools' scripts (sourced, not run). Set `say_prefix` (e.g. "peers") before sourcing.
# Everything goes to stderr, so a script's stdout stays what it prints for its caller (a path, an env file).

say() { echo "${say_prefix:-tools}: $*" >&2; }

# fail MESSAGE [LOG]: print the message and, if given, the last lines of the log that explains it, then exit 1.
fail() {
  say "ERROR: $1"
  if [[ -n "${2:-}" && -f "$2" ]]; then
    echo "---- last lines of $2 ----" >&2
    tail -n 40 "$2" >&2
    echo "----" >&2
  fi
  exit 1
}
