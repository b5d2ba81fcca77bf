#!/usr/bin/env bash
# Plan time and resource count of a stack with a generated fleet of 10, 100, 1,000 and 5,000 services with
# settings of their own (rates, objectives, teams: rehearse/ServiceFleet, read from a servicesFile), each plan in
# a fresh JVM, the fleets interleaved run by run, with the ratios to the fleet of 10. Goal: 1,000 services within
# 1.5x the plan time of 10, and the same resources.
#   bench/scale.sh [runs] [stack]      (default 5 runs each, stage)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
stack=${2:-stage}
fleets=(10 100 1000 5000)
[ -f target/tracestack.jar ] || ./mvnw -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
plan() {
  "${jvm[@]}" -jar target/tracestack.jar plan "$stack" --dir "$work/fleet-$1" --out "$work/plan-$1"
}

for n in "${fleets[@]}"; do
  java -cp target/tracestack.jar dev.tracestack.rehearse.ServiceFleet . "$stack" "$n" "$work/fleet-$n"
done
# Interleaved, so that a change in the machine's load weighs on every fleet alike.
for _ in $(seq "$runs"); do
  for n in "${fleets[@]}"; do
    elapsed_ms plan "$n" >> "$work/times-$n"
  done
done

printf 'stack %s, cores: %s, runs: %s (median wall time of a plan in a fresh JVM)\n' "$stack" "$(nproc)" "$runs"
printf '%-10s %10s %8s %10s %8s\n' "services" "plan" "ratio" "resources" "ratio"
for n in "${fleets[@]}"; do
  t=$(median < "$work/times-$n")
  count=$(plan "$n" | sed -n 's/^\([0-9]*\) resources$/\1/p')
  if [ "$n" = 10 ]; then
    base_t=$t
    base_count=$count
  fi
  printf '%-10s %8sms %8s %10s %8s\n' "$n" "$t" "$(ratio "$t" "$base_t")" "$count" "$(ratio "$count" "$base_count")"
done
