#!/usr/bin/env bash
# Plan time per stack in a fresh JVM, next to a trivial `java` start on the same machine.
#   bench/plan-time.sh [runs]      (default 5 runs each; prints medians and the ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f target/tracestack.jar ] || ./mvnw -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
javac -d "$work" "$work/Hello.java"
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

median_ms() {  # runs "$@" $runs times, prints the median wall time in milliseconds
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

baseline=$(median_ms "${jvm[@]}" -cp "$work" Hello)
printf 'cores: %s, runs: %s\n' "$(nproc)" "$runs"
printf '%-24s %8s %8s\n' "command" "median" "ratio"
printf '%-24s %6sms %8s\n' "trivial java start" "$baseline" "1.0"
for stack in $(ls Pulumi.*.yaml | sed -E 's/Pulumi\.(.*)\.yaml/\1/'); do
  t=$(median_ms "${jvm[@]}" -jar target/tracestack.jar plan "$stack" --out "$work/plan-$stack")
  printf '%-24s %6sms %8s\n' "plan $stack" "$t" "$(awk -v a="$t" -v b="$baseline" 'BEGIN { printf "%.1f", a / b }')"
done
