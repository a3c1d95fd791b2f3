#!/usr/bin/env bash
# Validate rendered iksplan output directories (each holding runbook.sh, manifests/,
# optionally calico/ and values/). Usable locally:
#
#   bash .ci/validate.sh [--no-apiserver] DIR...
#
# Per DIR:
#   runbook.sh         bash -n; shellcheck -s bash -S style (zero findings);
#                      DRY_RUN=1 ./runbook.sh exits 0 and prints ibmcloud commands with a
#                      PATH that has no ibmcloud/kubectl/helm/calicoctl
#   manifests/*.yaml   kubeconform -strict against Kubernetes v$K8S_VERSION schemas;
#                      kube-score on every workload in manifests/ (fails on CRITICAL);
#                      real kube-apiserver: kubectl apply --validate=strict
#                      --warnings-as-errors, then the same with --dry-run=server
#   calico/*.yaml      kubeconform -strict against projectcalico.org/v3 schemas; applied
#                      to the apiserver through stand-in CRDs
# Every check runs; the exit status is 1 if any failed. Tools are installed on first use
# (.ci/install.sh); the apiserver build takes ~12 min once per machine.
# IKSPLAN_CI_KEEP=1 keeps the apiserver state and logs.
set -euo pipefail
# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=.ci/apiserver.sh
source "$CI_DIR/apiserver.sh"
# shellcheck source=.ci/k8s-schemas.sh
source "$CI_DIR/k8s-schemas.sh"
# shellcheck source=.ci/install.sh
source "$CI_DIR/install.sh"

# Tools the runbook must not need in DRY_RUN mode.
FORBIDDEN_TOOLS=(ibmcloud ic kubectl helm calicoctl oc terraform)

FAILED=()
CHECKS_RUN=0
CHECK_OUT=''

# check DIR NAME CMD...: run one check, print ok/FAIL with its output on failure.
check() {
  local dir=$1 name=$2 rc=0
  shift 2
  CHECKS_RUN=$((CHECKS_RUN + 1))
  "$@" >"$CHECK_OUT" 2>&1 || rc=$?
  if ((rc == 0)); then
    ok "$name"
    # A check may leave a one-line note (e.g. a summary) on fd 3's file.
    if [[ -s $CHECK_OUT.note ]]; then sed 's/^/       /' "$CHECK_OUT.note" >&2; fi
  else
    err "$name (exit $rc) in $dir"
    sed 's/^/      | /' "$CHECK_OUT" >&2
    FAILED+=("$dir: $name")
  fi
  rm -f -- "$CHECK_OUT.note"
}

note() { printf '%s\n' "$*" >>"$CHECK_OUT.note"; }

# safe_path: a directory of links to /usr/bin, /bin, /usr/sbin and /sbin minus the
# cloud and cluster CLIs, so DRY_RUN cannot reach them even if installed.
make_safe_path() {
  SAFE_PATH=$WORK/safe-bin
  mkdir -p -- "$SAFE_PATH"
  local d t
  for d in /usr/bin /bin /usr/sbin /sbin; do
    [[ -d $d ]] || continue
    ln -s -t "$SAFE_PATH" -- "$d"/* 2>/dev/null || true
  done
  for t in "${FORBIDDEN_TOOLS[@]}"; do
    rm -f -- "${SAFE_PATH:?}/$t"
  done
  for t in "${FORBIDDEN_TOOLS[@]}"; do
    if PATH=$SAFE_PATH command -v -- "$t" >/dev/null 2>&1; then
      die "could not hide $t from the DRY_RUN PATH"
    fi
  done
}

runbook_dry_run() {
  local dir=$1 out rc=0
  if [[ ! -x $dir/runbook.sh ]]; then
    echo "runbook.sh is not executable (it is run as ./runbook.sh; render it with mode 0755)"
    return 1
  fi
  mkdir -p -- "$WORK/home"
  out=$(cd -- "$dir" && timeout 120 env -i PATH="$SAFE_PATH" HOME="$WORK/home" TERM=dumb LANG=C.UTF-8 \
    DRY_RUN=1 ./runbook.sh </dev/null 2>&1) || rc=$?
  if ((rc != 0)); then
    printf '%s\n' "$out" | tail -n 40
    echo "DRY_RUN=1 ./runbook.sh exited $rc (PATH has no ${FORBIDDEN_TOOLS[*]}; 124 = timed out after 120s)"
    return 1
  fi
  if ! grep -q 'ibmcloud' <<<"$out"; then
    printf '%s\n' "$out" | tail -n 20
    echo "DRY_RUN=1 ./runbook.sh printed no ibmcloud command"
    return 1
  fi
  note "$(grep -c 'ibmcloud' <<<"$out") lines with ibmcloud commands printed"
}

kubeconform_files() {
  local out rc=0
  out=$(kubeconform -strict -summary -kubernetes-version "$K8S_VERSION" \
    -schema-location "$KUBECONFORM_SCHEMAS" "$@" 2>&1) || rc=$?
  printf '%s\n' "$out"
  note "$(tail -n 1 <<<"$out")"
  return "$rc"
}

# kube_score DIR: score every rendered workload (issue 9): each manifests/ file with a
# Deployment, StatefulSet, DaemonSet, Pod, Job or CronJob (the application template,
# IBM's audit receiver, ...) is scored with every test; a workload file without a
# Kubernetes NetworkPolicy of its own (isolation by Calico) skips pod-networkpolicy.
# Files that hold only NetworkPolicies are scored on their own, ignoring
# networkpolicy-targets-pod only there: their policies target application
# namespaces that hold no workload yet. Fails on CRITICAL.
kube_score() {
  local dir=$1 f workloads=() policies=() rc=0 out ignore
  for f in "$dir"/manifests/*.yaml; do
    if grep -Eq '^kind: *(Deployment|StatefulSet|DaemonSet|Pod|Job|CronJob) *$' -- "$f"; then
      workloads+=("$f")
    elif grep -q '^kind: *NetworkPolicy *$' -- "$f"; then
      policies+=("$f")
    fi
  done
  if ((${#workloads[@]} == 0)); then
    echo "no workload (Deployment, StatefulSet, ...) in manifests/ to score"
    return 1
  fi
  for f in "${workloads[@]}"; do
    ignore=()
    if ! grep -q '^kind: *NetworkPolicy *$' -- "$f"; then
      ignore=(--ignore-test pod-networkpolicy)
      note "pod-networkpolicy ignored for ${f##*/}: no Kubernetes NetworkPolicy in it (isolation by Calico)"
    fi
    out=$(kube-score score --color never --kubernetes-version "v${K8S_VERSION%.*}" \
      "${ignore[@]}" "$f" 2>&1) || { rc=1; printf '%s\n' "$out"; continue; }
    note "$(grep -c '\[WARNING\]' <<<"$out" || true) warning(s), no CRITICAL in ${f##*/}"
  done
  if ((${#policies[@]})); then
    out=$(kube-score score --color never --kubernetes-version "v${K8S_VERSION%.*}" \
      --ignore-test networkpolicy-targets-pod "${policies[@]}" 2>&1) || { rc=1; printf '%s\n' "$out"; }
  fi
  return "$rc"
}

kubectl_apply() {
  "$KUBECTL" apply --validate=strict --warnings-as-errors "$@"
}

calico_crds() {
  "$KUBECTL" create -f "$CALICO_CRDS" &&
    "$KUBECTL" wait --for condition=established --timeout=60s -f "$CALICO_CRDS"
}

validate_dir() {
  local dir=$1
  log "validating $dir"
  local manifests=() calico=()
  if [[ ! -d $dir ]]; then
    err "$dir: not a directory"
    FAILED+=("$dir: not a directory")
    return 0
  fi
  shopt -s nullglob
  manifests=("$dir"/manifests/*.yaml)
  calico=("$dir"/calico/*.yaml)
  shopt -u nullglob

  if [[ -f $dir/runbook.sh ]]; then
    check "$dir" "runbook: bash -n" bash -n "$dir/runbook.sh"
    check "$dir" "runbook: shellcheck -S style" shellcheck -s bash -S style "$dir/runbook.sh"
    check "$dir" "runbook: DRY_RUN=1 without cloud CLIs" runbook_dry_run "$dir"
  else
    check "$dir" "runbook: present" false
  fi

  if ((${#manifests[@]} == 0)); then
    check "$dir" "manifests: present (manifests/*.yaml)" false
  else
    check "$dir" "manifests: kubeconform -strict" kubeconform_files "${manifests[@]}"
    check "$dir" "manifests: kube-score (every workload)" kube_score "$dir"
  fi
  if ((${#calico[@]})); then
    check "$dir" "calico: kubeconform -strict" kubeconform_files "${calico[@]}"
  fi

  ((APISERVER)) || return 0
  # A fresh apiserver per directory: presets may define the same objects differently.
  if ! apiserver_start; then
    check "$dir" "apiserver: start" false
    apiserver_stop
    return 0
  fi
  if ((${#manifests[@]})); then
    check "$dir" "manifests: kubectl apply (strict, warnings are errors)" kubectl_apply -f "$dir/manifests/"
    check "$dir" "manifests: kubectl apply --dry-run=server (strict, warnings are errors)" \
      kubectl_apply --dry-run=server -f "$dir/manifests/"
  fi
  if ((${#calico[@]})); then
    check "$dir" "calico: stand-in CRDs established" calico_crds
    check "$dir" "calico: kubectl apply (strict, warnings are errors)" kubectl_apply -f "$dir/calico/"
  fi
  apiserver_stop
}

main() {
  APISERVER=1
  local dirs=() a
  for a in "$@"; do
    case $a in
      --no-apiserver) APISERVER=0 ;;
      -h | --help)
        sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
        return 0
        ;;
      -*) die "unknown option $a" ;;
      *) dirs+=("$a") ;;
    esac
  done
  ((${#dirs[@]})) || die "usage: $0 [--no-apiserver] DIR..."

  ci_path
  # Installs only what is missing (a no-op when warm).
  install_apt
  install_go_tools
  need bash shellcheck kubeconform kube-score timeout
  ((APISERVER)) && k8s_build
  k8s_schemas

  WORK=$(mktemp -d "${TMPDIR:-/tmp}/iksplan-validate.XXXXXX")
  on_exit rm -rf -- "$WORK"
  CHECK_OUT=$WORK/check.out
  make_safe_path

  local d
  for d in "${dirs[@]}"; do
    validate_dir "${d%/}"
  done

  local passed=$((CHECKS_RUN - ${#FAILED[@]}))
  printf '\n' >&2
  if ((${#FAILED[@]})); then
    err "${#FAILED[@]} check(s) failed:"
    printf '    %s\n' "${FAILED[@]}" >&2
  fi
  ((APISERVER)) || warn "apiserver checks skipped (--no-apiserver)"
  # Plain closing line, understood by CI log readers.
  printf 'validate: %d passed, %d failed\n' "$passed" "${#FAILED[@]}"
  ((${#FAILED[@]} == 0))
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
