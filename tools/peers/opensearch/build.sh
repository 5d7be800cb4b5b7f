#!/usr/bin/env bash
# Build the embedded OpenSearch launcher (pom.xml + src/) and print the directory holding it on stdout:
#   <dir>/classpath.txt   the java -cp value (launcher classes + every jar, from the local Maven repository)
# The build goes to ${DOMAIN_EVAL_CACHE:-~/.cache/domain-eval}/opensearch-<hash of pom and sources>, outside the clone;
# jars stay in the ordinary Maven repository (~/.m2). Offline first, online only when a jar is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${DOMAIN_EVAL_CACHE:-$HOME/.cache/domain-eval}"
hash="$(cd "$here" && find pom.xml src -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)"
out="$cache/opensearch-$hash"

if [[ -f "$out/classpath.txt" ]]; then
  echo "$out"
  exit 0
fi
for tool in java mvn; do
  if ! command -v "$tool" > /dev/null; then
    echo "opensearch/build.sh: $tool not found: install Java 17 and Maven 3.8+ (apt-get install openjdk-17-jdk-headless maven)" >&2
    exit 1
  fi
done

mkdir -p "$cache"
exec 9> "$out.lock"
flock 9
if [[ -f "$out/classpath.txt" ]]; then
  echo "$out"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out"
goals=(-B -f "$here/pom.xml" "-Dpeers.build.dir=$out/target" compile dependency:build-classpath
  "-Dmdep.outputFile=$out/dependencies.txt")
echo "opensearch/build.sh: building the OpenSearch launcher into $out" >&2
if ! mvn -q -o "${goals[@]}" > "$out/build.log" 2>&1; then
  echo "opensearch/build.sh: jars not all in the local Maven repository yet; resolving them online" >&2
  if ! mvn -q "${goals[@]}" >> "$out/build.log" 2>&1; then
    echo "opensearch/build.sh: the Maven build failed; last lines of $out/build.log:" >&2
    tail -n 40 "$out/build.log" >&2
    exit 1
  fi
fi
printf '%s:%s\n' "$out/target/classes" "$(cat "$out/dependencies.txt")" > "$out/classpath.tmp"
mv "$out/classpath.tmp" "$out/classpath.txt"
echo "$out"
