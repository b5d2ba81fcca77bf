#!/usr/bin/env bash
# Plan time per stack in a fresh JVM against the Pulumi SDK's own floor: the mock engine registering as many
# trivial resources in a fresh JVM (plan/PlanFloor). Each plan is timed twice: plain `java -jar` and through
# the ./tracestack launcher (its AppCDS archive, created by the first plan after a build). Goal: 1.3x the floor.
# The launched plan's CPU time (all threads) is printed too, with the least ratio it allows on this machine: its CPU
# spread over every core the whole time, against the floor's wall time. Last, the SDK's part of a plan: the launch
# to main and the registration of the stack's own resources, rendered beforehand (plan/RegistrationFloor), against
# the floor: what a plan would take if reading, checking, rendering and writing the stack cost nothing.
#   bench/plan-time.sh [runs]      (default 5 runs each, interleaved; prints medians and the ratios to the floor)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
[ -f target/tracestack.jar ] || ./mvnw -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
./tracestack plan dev --out "$work/warm" > /dev/null   # the launcher's archive exists before it is timed
archive=$(ls target/cds/tracestack-*.jsa)

cores=$(nproc)
printf "cores: %s, runs: %s (median wall time in a fresh JVM)\n" "$cores" "$runs"
printf '%-8s %9s %8s %10s %6s %10s %6s %9s %6s %10s %6s\n' "stack" "resources" "floor" "java -jar" "ratio" \
  "launcher" "ratio" "its CPU" "bound" "SDK alone" "ratio"
for stack in $(project_stacks); do
  count=$("${jvm[@]}" -jar target/tracestack.jar plan "$stack" --out "$work/plan-$stack" \
    | sed -n 's/^\([0-9]*\) resources$/\1/p')
  # Interleaved, so that a change in the machine's load weighs on the three alike.
  for _ in $(seq "$runs"); do
    elapsed_ms "${jvm[@]}" -cp target/tracestack.jar dev.tracestack.plan.PlanFloor "$stack" "$count" >> "$work/floor-$stack"
    elapsed_ms "${jvm[@]}" -jar target/tracestack.jar plan "$stack" --out "$work/plan-$stack" >> "$work/plain-$stack"
    wall_and_cpu_ms ./tracestack plan "$stack" --out "$work/plan-$stack" > "$work/last"
    cut -d' ' -f1 "$work/last" >> "$work/launched-$stack"
    cut -d' ' -f2 "$work/last" >> "$work/cpu-$stack"
    "${jvm[@]}" -XX:SharedArchiveFile="$archive" -Xlog:cds=off -cp target/tracestack.jar \
      dev.tracestack.plan.RegistrationFloor "$stack" "$(date +%s%3N)" \
      | sed -n 's/.* registered in \([0-9]*\) ms; \([0-9]*\) ms from the launch to main$/\1 \2/p' \
      | awk '{ print $1 + $2 }' >> "$work/sdk-$stack"
  done
  floor=$(median < "$work/floor-$stack")
  plain=$(median < "$work/plain-$stack")
  launched=$(median < "$work/launched-$stack")
  cpu=$(median < "$work/cpu-$stack")
  sdk=$(median < "$work/sdk-$stack")
  printf '%-8s %9s %6sms %8sms %6s %8sms %6s %7sms %6s %8sms %6s\n' "$stack" "$count" "$floor" "$plain" \
    "$(ratio "$plain" "$floor")" "$launched" "$(ratio "$launched" "$floor")" "$cpu" "$(ratio "$cpu" $((floor * cores)))" \
    "$sdk" "$(ratio "$sdk" "$floor")"
done
