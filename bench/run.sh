#!/usr/bin/env bash
# bench/run.sh: the CLI figures of issue 15, each next to its reference from
# the same run, measured as processes interleaved (A B, B A, ...; medians).
#
#   bash bench/run.sh [-n RUNS]      (default 20 runs per command)
#
# References, built here (cached under the CI cache):
#   - helm v$HELM_VERSION (go install from the module proxy, release flags):
#     `helm template` on a chart whose templates are iksplan's own rendered
#     manifests of the tokyo-classic-production preset (the same objects);
#   - bench/hello, a Go hello-world: startup;
#   - bench/huhversion, which links huh, bubbletea, bubbles and lipgloss and
#     prints a version: the startup floor of any huh-based CLI;
#   - bench/barehuh, a bare one-field huh form with huh's Charm theme, in the
#     alternate screen: first frame in a 120x40 pty (bench/timing).
# In-process figures come from the Go benchmarks (render.All, 1000
# namespaces). Binary sizes are release builds: go build -trimpath
# -ldflags '-s -w'. Nothing here is a timed test: it prints figures.
set -euo pipefail
# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../.ci/lib.sh"

# v3.21.4: the newest helm v3 the module proxy serves that is approved here
# (v3.22.0 is served but not approved).
HELM_VERSION=v3.21.4
RUNS=20
while (($#)); do
  case $1 in
    -n) RUNS=${2:?-n needs a number}; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (usage: bash bench/run.sh [-n RUNS])" ;;
  esac
done
need go

W=$(mktemp -d "${TMPDIR:-/tmp}/iksplan-bench.XXXXXX")
on_exit rm -rf -- "$W"
BIN=$W/bin
mkdir -p -- "$BIN"
RELEASE=(-trimpath -ldflags '-s -w')

log "building iksplan, bench/hello, bench/huhversion, bench/barehuh, bench/timing (release flags)"
(cd -- "$REPO_ROOT" && CGO_ENABLED=0 go build "${RELEASE[@]}" -o "$BIN/iksplan" . &&
  CGO_ENABLED=0 go build "${RELEASE[@]}" -o "$BIN/" ./bench/hello ./bench/huhversion ./bench/barehuh ./bench/timing)

HELM_DIR=$CI_CACHE/gotools/helm@$HELM_VERSION
if [[ ! -x $HELM_DIR/helm ]]; then
  log "go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION (once; ~5 min cold)"
  mkdir -p -- "$HELM_DIR"
  (cd / && GOBIN=$HELM_DIR CGO_ENABLED=0 go install "${RELEASE[@]}" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION")
fi

# Every binary measured, the references too, is installed by copy, as a
# download, a package manager or `go install` onto another file system
# writes it. The Go linker writes its output through mmap, and such a file
# stays in the page cache as small folios until it is evicted: every start
# of it then pays more page-fault CPU (filemap_map_pages walking
# next_uptodate_folio, by perf) than the same bytes written by write(2).
# Measured interleaved at d3623aa+2 (load 8.6): `iksplan version` 3.84 ms
# of CPU as linked, 2.83 ms as copied; hello-world 1.50 and 1.37 ms;
# the first frame 8.04 and 6.61 ms, bare huh 6.16 and 5.45 ms; `iksplan
# render` 17.3 and 15.7 ms, helm template 46.8 and 46.0 ms. Whether a file
# was linked here a minute ago is no property of the program.
cp -- "$HELM_DIR/helm" "$BIN/helm"
HELM=$BIN/helm
for f in "$BIN"/*; do
  cp -- "$f" "$f.copy" && mv -- "$f.copy" "$f"
done

# The design and the chart: the chart's templates are iksplan's manifests, so
# helm template prints the same objects iksplan renders.
log "rendering tokyo-classic-production and making a chart of its manifests"
"$BIN/iksplan" init --preset tokyo-classic-production -o "$W/design.yaml" </dev/null >/dev/null
"$BIN/iksplan" render "$W/design.yaml" --out "$W/first" </dev/null >/dev/null
mkdir -p -- "$W/chart/templates"
printf 'apiVersion: v2\nname: bench\nversion: 0.1.0\n' >"$W/chart/Chart.yaml"
cp -- "$W"/first/manifests/*.yaml "$W/chart/templates/"
objs_iksplan=$(cat -- "$W"/first/manifests/*.yaml | grep -c '^kind:')
objs_helm=$("$HELM" template bench "$W/chart" | grep -c '^kind:')
((objs_iksplan == objs_helm)) || die "helm template printed $objs_helm objects, iksplan $objs_iksplan"

# Output folders: tmpfs when there is one, and the disk under TMPDIR.
SHM=$W
[[ -d /dev/shm && -w /dev/shm ]] && SHM=$(mktemp -d /dev/shm/iksplan-bench.XXXXXX)
[[ $SHM != "$W" ]] && on_exit rm -rf -- "$SHM"
mkdir -p -- "$W/home"
# The commands run with an empty HOME (no drafts, no config); the Go
# benchmarks below keep the Go caches of the caller, or they would download
# and rebuild everything (and time that).
GOMODCACHE=$(go env GOMODCACHE) GOCACHE=$(go env GOCACHE)
export GOMODCACHE GOCACHE HOME=$W/home

log "exec timings, $RUNS interleaved runs each"
T=$BIN/timing
results=$W/results
{
  "$T" exec -n "$RUNS" -dir "$W" \
    "hello||$BIN/hello" \
    "huhversion||$BIN/huhversion" \
    "version||$BIN/iksplan version"
  "$T" exec -n "$RUNS" -dir "$W" \
    "helm||$HELM template bench $W/chart" \
    "manifests||$BIN/iksplan render $W/design.yaml --out $SHM/m --only manifests --force" \
    "render-tmpfs||$BIN/iksplan render $W/design.yaml --out $SHM/all --force" \
    "render-disk||$BIN/iksplan render $W/design.yaml --out $W/all --force"
  # A busy disk: a writer that keeps syncing 64 MB files in the same folder.
  (while :; do dd if=/dev/zero of="$W/busy" bs=1M count=64 conv=fsync status=none; done) &
  busy=$!
  "$T" exec -n "$RUNS" -dir "$W" \
    "helm-busy||$HELM template bench $W/chart" \
    "render-disk-busy||$BIN/iksplan render $W/design.yaml --out $W/all --force"
  kill "$busy"
  wait "$busy" 2>/dev/null || true
  rm -f -- "$W/busy"
  log "first frame in a 120x40 pty, $RUNS interleaved runs each"
  "$T" frame -n "$RUNS" -dir "$W" \
    "bare-huh|Name|$BIN/barehuh" \
    "wizard|Start blank|$BIN/iksplan"
  # In a terminal, bubbletea v1's init asks it for its background colour
  # (OSC 11, answered here by the pty): every command pays that round trip.
  "$T" frame -n "$RUNS" -dir "$W" \
    "hello-pty|hello, world|$BIN/hello" \
    "version-pty|catalog as of|$BIN/iksplan version"
} >"$results"

log "in-process benchmarks (go test -bench)"
gobench=$(cd -- "$REPO_ROOT" && go test ./render -run '^$' -bench '^BenchmarkRenderAll$|^BenchmarkRenderScale$/^n=1000$' -benchmem -count 1)
bench_field() { # NAME FIELD-UNIT: the value before UNIT on NAME's line
  awk -v n="$1" -v u="$2" '$1 ~ n { for (i = 2; i <= NF; i++) if ($i == u) print $(i-1) }' <<<"$gobench"
}
all_ns=$(bench_field '^BenchmarkRenderAll-' ns/op)
scale_ns=$(bench_field '^BenchmarkRenderScale/n=1000-' ns/op)
scale_b=$(bench_field '^BenchmarkRenderScale/n=1000-' B/op)

med() { awk -v l="$1" '$1 == l { print $2 }' "$results"; }
cpu() { awk -v l="$1" '$1 == l { print $5 }' "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
size_mb() { awk -v s="$(stat -c %s -- "$1")" 'BEGIN { printf "%.1f MB", s / 1e6 }'; }

cat <<EOF

iksplan $(cd -- "$REPO_ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $(go version | cut -d' ' -f3), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS interleaved runs; $objs_iksplan objects

| measure | iksplan | reference | ratio | CPU: iksplan / reference (ratio) | target |
|---|---|---|---|---|---|
| exec → first frame, 120×40 pty | $(med wizard) ms | bare one-field huh form $(med bare-huh) ms | $(ratio "$(med wizard)" "$(med bare-huh)") | $(cpu wizard) / $(cpu bare-huh) ms ($(ratio "$(cpu wizard)" "$(cpu bare-huh)")) | ≤ 1.10 |
| \`iksplan version\` | $(med version) ms | Go hello-world $(med hello) ms | $(ratio "$(med version)" "$(med hello)") | $(cpu version) / $(cpu hello) ms ($(ratio "$(cpu version)" "$(cpu hello)")) | ≤ 2 |
| \`iksplan version\` | $(med version) ms | huh-linking version (bench/huhversion) $(med huhversion) ms | $(ratio "$(med version)" "$(med huhversion)") | $(cpu version) / $(cpu huhversion) ms ($(ratio "$(cpu version)" "$(cpu huhversion)")) | |
| bench/huhversion (the floor of a huh CLI) | $(med huhversion) ms | Go hello-world $(med hello) ms | $(ratio "$(med huhversion)" "$(med hello)") | $(cpu huhversion) / $(cpu hello) ms ($(ratio "$(cpu huhversion)" "$(cpu hello)")) | |
| \`iksplan version\` in a 120×40 pty | $(med version-pty) ms | Go hello-world $(med hello-pty) ms | $(ratio "$(med version-pty)" "$(med hello-pty)") | $(cpu version-pty) / $(cpu hello-pty) ms ($(ratio "$(cpu version-pty)" "$(cpu hello-pty)")) | |
| \`render --only manifests\`, tokyo-classic (tmpfs) | $(med manifests) ms | \`helm template\`, same $objs_helm objects $(med helm) ms | $(ratio "$(med manifests)" "$(med helm)") | $(cpu manifests) / $(cpu helm) ms ($(ratio "$(cpu manifests)" "$(cpu helm)")) | |
| \`render\` (all artifacts, tmpfs) | $(med render-tmpfs) ms | helm template $(med helm) ms | $(ratio "$(med render-tmpfs)" "$(med helm)") | $(cpu render-tmpfs) / $(cpu helm) ms ($(ratio "$(cpu render-tmpfs)" "$(cpu helm)")) | ≤ 0.25 |
| \`render\` (all artifacts, disk: ${TMPDIR:-/tmp}) | $(med render-disk) ms | helm template $(med helm) ms | $(ratio "$(med render-disk)" "$(med helm)") | $(cpu render-disk) / $(cpu helm) ms ($(ratio "$(cpu render-disk)" "$(cpu helm)")) | |
| \`render\` (all artifacts, busy disk: a 64 MB fsync writer alongside) | $(med render-disk-busy) ms | helm template $(med helm-busy) ms | $(ratio "$(med render-disk-busy)" "$(med helm-busy)") | $(cpu render-disk-busy) / $(cpu helm-busy) ms ($(ratio "$(cpu render-disk-busy)" "$(cpu helm-busy)")) | |
| \`render.All\` in-process, largest preset | $(awk -v n="$all_ns" 'BEGIN { printf "%.2f", n / 1e6 }') ms | — | |  | < 5 ms |
| render, 1,000 namespaces + groups | $(awk -v n="$scale_ns" 'BEGIN { printf "%.0f", n / 1e6 }') ms, $(awk -v n="$scale_b" 'BEGIN { printf "%.0f", n / 1e6 }') MB allocated | — | |  | ≤ 50 ms, ≤ 40 MB |
| binary (release) | $(size_mb "$BIN/iksplan") | helm $(size_mb "$HELM"); bare huh $(size_mb "$BIN/barehuh") | |  | ≤ 25 MB |
EOF
