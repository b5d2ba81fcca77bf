#!/usr/bin/env bash
# The collector's capacity on the real collector pinned to one core: spans per CPU-second through each
# stack's rendered gateway config against a pass-through config on the same binary, in the same run, and
# the sampler's heap per trace held during its decision wait; then stage's sampler with a generated fleet of
# 1,000 services with rates of their own against one of 10, in the same run (3 rounds, alternating order).
#   bench/collector-throughput.sh [seconds] [stack ...]     (default 20 s of traffic per config; dev prod)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(dev prod)
[ -f target/tracestack.jar ] || ./mvnw -q -B package -DskipTests
e2e/build.sh >&2
printf 'cores: %s\n' "$(nproc)"
for stack in "${stacks[@]}"; do
  java -cp target/tracestack.jar dev.tracestack.rehearse.CapacityBench target/e2e . "$stack" "$seconds"
done
java -cp target/tracestack.jar dev.tracestack.rehearse.SamplerFleetBench target/e2e . stage "$seconds" 3
