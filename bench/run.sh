#!/usr/bin/env bash
# Builds and runs the JMH benchmarks. Extra arguments go to JMH, e.g.
#   bench/run.sh SessionRoundTrip -f 1 -wi 2 -i 3
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests install -pl bench -am >&2
exec java -cp "bench/target/opendesk-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main "$@"
