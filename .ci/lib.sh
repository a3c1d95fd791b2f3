# shellcheck shell=bash
# Shared helpers for the CI scripts. Source it; do not run it.
#
#   CI_DIR     this directory (.ci)
#   REPO_ROOT  the repository root
#   CI_CACHE   persistent cache (tool binaries, apiserver build, schemas)
#   CI_BIN     $CI_CACHE/bin, put first on PATH by ci_path

if [[ -n ${IKSPLAN_CI_LIB_LOADED:-} ]]; then
  return 0
fi
IKSPLAN_CI_LIB_LOADED=1

CI_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd -- "$CI_DIR/.." && pwd)
CI_CACHE=${IKSPLAN_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/iksplan-ci}
CI_BIN=$CI_CACHE/bin

# Pinned versions. Bump here only.
K8S_VERSION=1.37.2          # k8s.io/kubernetes, kube-apiserver, kubectl, OpenAPI
K8S_STAGING_VERSION=0.37.2  # k8s.io/<staging module> matching K8S_VERSION
KUBECONFORM_VERSION=v0.8.0
KUBESCORE_VERSION=v1.20.0
KWOK_VERSION=v0.8.0        # sigs.k8s.io/kwok: simulated nodes for .ci/controlplane.sh
CALICO_MODULE=github.com/projectcalico/calico
CALICO_VERSION=v1.11.0-cni-plugin.0.20250813170300-a0db560f0520
export K8S_VERSION K8S_STAGING_VERSION KUBECONFORM_VERSION KUBESCORE_VERSION KWOK_VERSION CALICO_MODULE CALICO_VERSION
export CI_DIR REPO_ROOT CI_CACHE CI_BIN

if [[ -t 2 && -z ${NO_COLOR:-} ]]; then
  _c_bold=$'\e[1m' _c_red=$'\e[31m' _c_green=$'\e[32m' _c_yellow=$'\e[33m' _c_off=$'\e[0m'
else
  _c_bold='' _c_red='' _c_green='' _c_yellow='' _c_off=''
fi

log()  { printf '%s==>%s %s\n' "$_c_bold" "$_c_off" "$*" >&2; }
info() { printf '    %s\n' "$*" >&2; }
ok()   { printf '    %sok%s %s\n' "$_c_green" "$_c_off" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_c_yellow" "$_c_off" "$*" >&2; }
err()  { printf '%serror:%s %s\n' "$_c_red" "$_c_off" "$*" >&2; }
die()  { err "$*"; exit 1; }

# need CMD...: fail unless every command is on PATH.
need() {
  local c missing=()
  for c in "$@"; do
    command -v -- "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  if ((${#missing[@]})); then
    die "missing required tool(s): ${missing[*]} (run .ci/install.sh)"
  fi
}

# sudo_if_needed CMD...: run as root, through sudo only when not root already.
sudo_if_needed() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  else
    sudo -- "$@"
  fi
}

ci_path() {
  mkdir -p -- "$CI_BIN"
  case ":$PATH:" in
    *":$CI_BIN:"*) ;;
    *) PATH=$CI_BIN:$PATH ;;
  esac
  export PATH
}

# --- cleanup ----------------------------------------------------------------
# on_exit CMD [ARG...]: run CMD ARG... when the script exits, last registered
# first. INT/TERM exit (status 130/143) so the EXIT trap runs.
CI_EXIT_CMDS=()
_ci_run_exit() {
  local rc=$? i
  for ((i = ${#CI_EXIT_CMDS[@]} - 1; i >= 0; i--)); do
    eval "${CI_EXIT_CMDS[i]}" || true
  done
  return "$rc"
}
on_exit() {
  local cmd c
  cmd=$(printf '%q ' "$@")
  for c in "${CI_EXIT_CMDS[@]}"; do
    [[ $c == "$cmd" ]] && return 0
  done
  CI_EXIT_CMDS+=("$cmd")
  trap _ci_run_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# --- timing -----------------------------------------------------------------
# phase NAME CMD...: run CMD as a named phase, record its duration and result.
# Returns CMD's status; the summary is printed by timing_summary.
CI_PHASES=()
phase() {
  local name=$1 start rc=0
  shift
  log "phase: $name"
  start=$SECONDS
  "$@" || rc=$?
  local dur=$((SECONDS - start))
  local status=ok
  ((rc == 0)) || status="FAILED (exit $rc)"
  CI_PHASES+=("$(printf '%-28s %5ds  %s' "$name" "$dur" "$status")")
  if ((rc == 0)); then ok "$name (${dur}s)"; else err "$name failed after ${dur}s (exit $rc)"; fi
  return "$rc"
}

# phase_note NAME TEXT: record a phase that did not run (e.g. skipped).
phase_note() {
  CI_PHASES+=("$(printf '%-28s %5s   %s' "$1" "-" "$2")")
}

timing_summary() {
  local line
  printf '\n%s==> timing summary%s\n' "$_c_bold" "$_c_off" >&2
  for line in "${CI_PHASES[@]}"; do
    printf '    %s\n' "$line" >&2
  done
  printf '    %-28s %5ds\n' "total" "$SECONDS" >&2
}

# go_mod_dir MODULE@VERSION: download a module and print its extracted dir.
go_mod_dir() {
  local json dir
  json=$(cd / && go mod download -json "$1") || die "go mod download $1 failed"
  dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
  [[ -n $dir && -d $dir ]] || die "go mod download $1: no Dir in output: $json"
  printf '%s\n' "$dir"
}
