# Shared by the benchmarks: sourced, not run.

# wall_and_cpu_ms COMMAND...: runs the command once (output discarded) and prints its wall time and the CPU time
# it used (user and system, all threads), in ms, on one line.
wall_and_cpu_ms() {
  local start end children
  start=$(date +%s%N)
  children=$( ( "$@" > /dev/null; times ) | sed -n 2p )   # the CPU of the subshell's children: "XmY.YYYs XmY.YYYs"
  end=$(date +%s%N)
  awk -v wall=$(( (end - start) / 1000000 )) -v times="$children" 'BEGIN {
    split(times, t, " "); split(t[1], u, /[ms]/); split(t[2], s, /[ms]/)
    printf "%d %d\n", wall, (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000
  }'
}

# elapsed_ms COMMAND...: runs the command once (output discarded) and prints its wall time in ms.
elapsed_ms() {
  wall_and_cpu_ms "$@" | cut -d' ' -f1
}

# median: the median of the numbers on stdin, one a line.
median() {
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# ratio A B: A / B with two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# project_stacks: the name of every Pulumi.<stack>.yaml in the current directory, one a line.
project_stacks() {
  ls Pulumi.*.yaml | sed -E 's/Pulumi\.(.*)\.yaml/\1/'
}
