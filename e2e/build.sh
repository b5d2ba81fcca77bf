#!/usr/bin/env bash
# Builds the programs the stacks deploy from their published Go modules, at the deployed releases:
#   target/e2e/bin/otelcol-tracestack   the collector, from e2e/otelcol/manifest.yaml (collector builder)
#   target/e2e/bin/jaeger               Jaeger v2, from e2e/jaeger/go.mod
#   target/e2e/bin/es-rollover          Jaeger's index initialiser, same module and release
# and, for a trial deployment (./tracestack deploy-trial), the real engine and a throwaway control plane:
#   pulumi, pulumi-language-java        the Pulumi CLI and its Java host, from e2e/pulumi/go.mod
#   pulumi-resource-kubernetes          the Kubernetes provider, from e2e/pulumi-kubernetes/go.mod
#   pulumi-resource-standin             the stand-in for the gcp and random plugins (e2e/pulumi/standin)
#   kube-apiserver, kube-controller-manager, kube-scheduler, kubectl   from e2e/kubernetes/go.mod
#   etcd, kwok                          from e2e/etcd/go.mod and e2e/kwok/go.mod
# A binary whose inputs (manifest, go.mod, go.sum, Go version) are unchanged is reused; Go's module
# and build caches make a rebuild after `mvn clean` a matter of linking.
#
#   e2e/build.sh              build what is missing or stale for a rehearsal
#   e2e/build.sh --deploy     the same for a trial deployment
#   e2e/build.sh --all        both (what ./mvnw verify runs)
#   e2e/build.sh --update     re-resolve e2e/otelcol/go.mod and go.sum after a manifest change
#
# go.mod and go.sum pin every module and its checksum, so a build never asks the checksum database:
# some modules of these releases are served by the module proxy but absent from sum.golang.org.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/e2e"
bin="$out/bin"
export GOPROXY="${GOPROXY:-https://proxy.golang.org}" GOTOOLCHAIN=local GOFLAGS=-mod=readonly

# shellcheck source=e2e/account-home.sh
. "$root/e2e/account-home.sh"
if [ -z "${HOME:-}" ]; then
  caches=$(account_home "$root/target/go-home")
  export GOCACHE="${GOCACHE:-${XDG_CACHE_HOME:-$caches/.cache}/go-build}" GOPATH="${GOPATH:-$caches/go}"
fi

fail() {
  echo "e2e/build.sh: $*" >&2
  exit 1
}

command -v go >/dev/null 2>&1 ||
  fail "Go is not installed or not on PATH; the collector and Jaeger the tests run are built from their Go modules (Go 1.25 or later)"
go_version=$(go env GOVERSION)
[[ "$go_version" =~ ^go1\.(2[5-9]|[3-9][0-9]) ]] || fail "Go 1.25 or later is needed, found $go_version"

manifest="$root/e2e/otelcol/manifest.yaml"
# One release for every collector module, and the builder of that same release.
releases=$(grep -oE 'gomod: [^ ]+ v[0-9.]+' "$manifest" | awk '{print $3}' | sort -u)
[ "$(echo "$releases" | wc -l)" -eq 1 ] ||
  fail "e2e/otelcol/manifest.yaml mixes collector releases ($(echo $releases)); keep every module at one release"
release=$releases

stamp() {
  cat "$@" | { sha256sum; echo "$go_version"; } | sha256sum | cut -c1-16
}

fresh() { # fresh <binary> <stamp>
  [ -x "$1" ] && [ -f "$1.stamp" ] && [ "$(cat "$1.stamp")" = "$2" ]
}

builder() {
  local tools="$out/tools"
  if [ ! -x "$tools/builder-$release" ]; then
    echo "e2e/build.sh: installing the collector builder $release" >&2
    GOFLAGS= GOBIN="$tools/$release" go install "go.opentelemetry.io/collector/cmd/builder@$release" ||
      fail "cannot fetch go.opentelemetry.io/collector/cmd/builder@$release from $GOPROXY"
    mv "$tools/$release/builder" "$tools/builder-$release"
  fi
  echo "$tools/builder-$release"
}

update_collector_lock() {
  local ocb src
  ocb=$(builder)
  src="$out/otelcol"
  rm -rf "$src"
  # The builder writes go.mod from its template (every core module at the release's version) and tidies
  # it, then downloads every module's metadata, which fails for modules whose .info the proxy lacks
  # (otlpencodingextension 0.158.0 among them) although their code is served. go.mod and go.sum are
  # complete by then; compiling with them read-only is the proof.
  # Modules that the checksum database does not list are taken as the proxy serves them, once, here;
  # their checksums are then pinned in go.sum like every other.
  (cd "$root/e2e/otelcol" && GOFLAGS=-mod=mod \
    GONOSUMDB="${GONOSUMDB:-github.com/open-telemetry/opentelemetry-collector-contrib/exporter/googlecloudpubsubexporter}" \
    "$ocb" --config manifest.yaml --skip-compilation) > "$out/otelcol-update.log" 2>&1 || true
  [ -f "$src/go.mod" ] && [ -f "$src/go.sum" ] ||
    fail "the builder wrote no go.mod; log: $out/otelcol-update.log"$'\n'"$(tail -n 5 "$out/otelcol-update.log")"
  (cd "$src" && go build -o /dev/null .) > "$out/otelcol-update-build.log" 2>&1 ||
    fail "the resolved modules do not build; log: $out/otelcol-update-build.log"$'\n'"$(tail -n 5 "$out/otelcol-update-build.log")"
  cp "$src/go.mod" "$src/go.sum" "$root/e2e/otelcol/"
  echo "e2e/build.sh: e2e/otelcol/go.mod and go.sum updated; review and commit them"
}

build_collector() {
  local target="$bin/otelcol-tracestack" key ocb src
  key=$(stamp "$manifest" "$root/e2e/otelcol/go.mod" "$root/e2e/otelcol/go.sum")
  if fresh "$target" "$key"; then
    echo "e2e/build.sh: otelcol-tracestack $release is up to date"
    return
  fi
  ocb=$(builder)
  src="$out/otelcol"
  echo "e2e/build.sh: building otelcol-tracestack $release (the first build fetches and compiles for several minutes)"
  rm -rf "$src" && mkdir -p "$src" "$bin"
  cp "$root/e2e/otelcol/go.mod" "$root/e2e/otelcol/go.sum" "$src/"
  (cd "$root/e2e/otelcol" && "$ocb" --config manifest.yaml --skip-get-modules) > "$out/otelcol-build.log" 2>&1 ||
    fail "building the collector failed (a module that cannot be fetched from $GOPROXY, or a manifest that no longer matches go.mod: run e2e/build.sh --update); log: $out/otelcol-build.log"$'\n'"$(tail -n 5 "$out/otelcol-build.log")"
  mv "$src/otelcol-tracestack" "$target"
  echo "$key" > "$target.stamp"
}

build_jaeger() {
  local module="$root/e2e/jaeger" key version tool
  key=$(stamp "$module/go.mod" "$module/go.sum")
  version=$(awk '$1 == "github.com/jaegertracing/jaeger" {print $2}' "$module/go.mod")
  mkdir -p "$bin"
  for tool in jaeger es-rollover; do
    if fresh "$bin/$tool" "$key"; then
      echo "e2e/build.sh: $tool $version is up to date"
      continue
    fi
    echo "e2e/build.sh: building $tool from github.com/jaegertracing/jaeger $version"
    (cd "$module" && go build -trimpath -ldflags='-s -w' -o "$bin/$tool" "github.com/jaegertracing/jaeger/cmd/$tool") \
      > "$out/$tool-build.log" 2>&1 ||
      fail "building $tool failed (a module that cannot be fetched from $GOPROXY?); log: $out/$tool-build.log"$'\n'"$(tail -n 5 "$out/$tool-build.log")"
    echo "$key" > "$bin/$tool.stamp"
  done
}

# build_module <module dir> <ldflags> <binary>=<package>...: one `go build` for every binary of a module, so
# their shared packages compile once; all are reused while the module's go.mod and go.sum (and any extra
# inputs named in $extra_inputs) are unchanged.
build_module() {
  local module="$root/e2e/$1" ldflags=$2 key stale=() names=() pkgs=() spec name built log
  shift 2
  key=$(stamp "$module/go.mod" "$module/go.sum" ${extra_inputs:-})
  for spec in "$@"; do
    name=${spec%%=*}
    fresh "$bin/$name" "$key" || stale+=("$spec")
  done
  if [ ${#stale[@]} -eq 0 ]; then
    echo "e2e/build.sh: $(printf '%s ' "${@%%=*}")from e2e/$(basename "$module") are up to date"
    return
  fi
  for spec in "${stale[@]}"; do names+=("${spec%%=*}"); pkgs+=("${spec#*=}"); done
  log="$out/$(basename "$module")-build.log"
  echo "e2e/build.sh: building ${names[*]} from e2e/$(basename "$module") (cold: several minutes)"
  mkdir -p "$bin" "$out/build-$$"
  (cd "$module" && go build -trimpath -ldflags="-s -w $ldflags" -o "$out/build-$$/" "${pkgs[@]}") > "$log" 2>&1 ||
    { rm -rf "$out/build-$$"; fail "building ${names[*]} failed (a module that cannot be fetched from $GOPROXY?); log: $log"$'\n'"$(tail -n 5 "$log")"; }
  for spec in "${stale[@]}"; do
    name=${spec%%=*} built=$(basename "${spec#*=}")
    # go build names a binary after its package path's last element, or the one before a major version.
    [[ "$built" =~ ^v[0-9]+$ ]] && built=$(basename "$(dirname "${spec#*=}")")
    mv "$out/build-$$/$built" "$bin/$name"
    echo "$key" > "$bin/$name.stamp"
  done
  rm -rf "$out/build-$$"
}

# The Kubernetes provider's module zip lacks the two files its main package embeds; its own generate.go
# writes them from the schema files it ships, in a writable copy that e2e/pulumi-kubernetes/go.mod replaces
# the module with.
prepare_kubernetes_provider() {
  local version src cache
  version=$(awk '$1 == "github.com/pulumi/pulumi-kubernetes/provider/v4" && $2 ~ /^v/ {print $2}' "$root/e2e/pulumi-kubernetes/go.mod")
  src="$out/src/pulumi-kubernetes-provider"
  if [ -f "$src/.version" ] && [ "$(cat "$src/.version")" = "$version" ]; then
    return
  fi
  (cd "$root/e2e/pulumi-kubernetes" && go mod download "github.com/pulumi/pulumi-kubernetes/provider/v4@$version") ||
    fail "cannot fetch github.com/pulumi/pulumi-kubernetes/provider/v4@$version from $GOPROXY"
  cache=$(cd "$root/e2e/pulumi-kubernetes" && go list -m -f '{{.Dir}}' "github.com/pulumi/pulumi-kubernetes/provider/v4@$version")
  rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -r "$cache" "$src" && chmod -R u+w "$src"
  # Its go.mod points sdk/v4 at a sibling directory of its repository; generate.go needs only the published one.
  (cd "$src" && go mod edit -replace "github.com/pulumi/pulumi-kubernetes/sdk/v4=github.com/pulumi/pulumi-kubernetes/sdk/v4@$(awk '$1 == "github.com/pulumi/pulumi-kubernetes/sdk/v4" {print $2}' "$root/e2e/pulumi-kubernetes/go.mod")" &&
    cd cmd/pulumi-resource-kubernetes && GOFLAGS=-mod=mod VERSION=4.0.0 go run generate.go) > "$out/pulumi-kubernetes-generate.log" 2>&1 ||
    fail "the Kubernetes provider's generate step failed; log: $out/pulumi-kubernetes-generate.log"$'\n'"$(tail -n 5 "$out/pulumi-kubernetes-generate.log")"
  echo "$version" > "$src/.version"
}

build_deploy_trial() {
  local k8s_version
  extra_inputs="$root/e2e/pulumi/standin/main.go" build_module pulumi \
    "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" {print substr($2, 2)}' "$root/e2e/pulumi/go.mod") -X github.com/pulumi/pulumi-java/pkg/version.Version=$(awk '$1 == "github.com/pulumi/pulumi-java" {print substr($2, 2)}' "$root/e2e/pulumi/go.mod")" \
    pulumi=github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    pulumi-language-java=github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java \
    pulumi-resource-standin=tracestack.dev/e2e/pulumi/standin
  prepare_kubernetes_provider
  build_module pulumi-kubernetes "-X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=4.0.0" \
    pulumi-resource-kubernetes=github.com/pulumi/pulumi-kubernetes/provider/v4/cmd/pulumi-resource-kubernetes
  k8s_version=$(awk '$1 == "k8s.io/kubernetes" {print $2}' "$root/e2e/kubernetes/go.mod")
  build_module kubernetes "-X k8s.io/component-base/version.gitVersion=$k8s_version -X k8s.io/component-base/version.gitMajor=$(echo "$k8s_version" | cut -d. -f1 | tr -d v) -X k8s.io/component-base/version.gitMinor=$(echo "$k8s_version" | cut -d. -f2)" \
    kube-apiserver=k8s.io/kubernetes/cmd/kube-apiserver \
    kube-controller-manager=k8s.io/kubernetes/cmd/kube-controller-manager \
    kube-scheduler=k8s.io/kubernetes/cmd/kube-scheduler \
    kubectl=k8s.io/kubernetes/cmd/kubectl
  build_module etcd "" etcd=go.etcd.io/etcd/server/v3
  build_module kwok "" kwok=sigs.k8s.io/kwok/cmd/kwok
}

mkdir -p "$out"
case "${1:-}" in
  --update) update_collector_lock ;;
  "") build_collector; build_jaeger ;;
  --deploy) build_deploy_trial ;;
  --all) build_collector; build_jaeger; build_deploy_trial ;;
  *) fail "unknown option $1 (usage: e2e/build.sh [--update | --deploy | --all])" ;;
esac
