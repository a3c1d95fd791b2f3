#!/usr/bin/env bash
# `iksplan rehearse` (issue 7) in CI: the runbook of every preset and every rehearsal
# variant executed against the IBM Cloud double and a real control plane
# (.ci/controlplane.sh: etcd, kube-apiserver, kube-controller-manager, kube-scheduler,
# kwok), fresh and rerun; then `--faults each` on one VPC and one classic design (the
# fault trials use the recording kubectl, each in its own simulated account).
#
# Usage: bash .ci/rehearse.sh IKSPLAN_BIN DESIGN.yaml...
#   The DESIGN files are the rendered presets; rehearse/testdata/variants/*.yaml are added.
# IKSPLAN_REHEARSE_FAULTS="VPC_DESIGN CLASSIC_DESIGN" overrides the two fault designs.

# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=.ci/controlplane.sh
source "$CI_DIR/controlplane.sh"

# clean_cluster: remove what the previous design's runbook left in the shared control
# plane (its kwok nodes and namespaces), so each rehearsal starts from an empty cluster.
# It waits only for the namespaces it deletes: `wait --for=delete namespace --all` also
# waited for default and kube-system, which are never deleted, so it always ran into its
# 60 s timeout (a minute per design). Their pods are force-deleted first (controllers
# orphaned, so none comes back): the namespace controller deletes pods gracefully and
# returns only after their grace period (30 s by default), so a namespace with pods on
# kwok nodes took 50-60 s to go; empty, it goes in a second or two.
clean_cluster() {
  local k=$1 ns gone=()
  "$KUBECTL" --kubeconfig "$k" delete nodes --all --wait=false >/dev/null 2>&1 || true
  while read -r ns; do
    case $ns in '' | default | kube-system | kube-public | kube-node-lease) continue ;; esac
    "$KUBECTL" --kubeconfig "$k" delete daemonsets,deployments,statefulsets,replicasets,jobs,cronjobs -n "$ns" --all \
      --cascade=orphan --wait=false >/dev/null 2>&1 || true
    "$KUBECTL" --kubeconfig "$k" delete pods -n "$ns" --all --force --grace-period=0 --wait=false >/dev/null 2>&1 || true
    "$KUBECTL" --kubeconfig "$k" delete namespace "$ns" --wait=false >/dev/null 2>&1 || true
    gone+=("namespace/$ns")
  done < <("$KUBECTL" --kubeconfig "$k" get namespaces -o 'jsonpath={range .items[*]}{.metadata.name}{"\n"}{end}' 2>/dev/null)
  if ((${#gone[@]})); then
    "$KUBECTL" --kubeconfig "$k" wait --for=delete "${gone[@]}" --timeout=60s >/dev/null 2>&1 || true
  fi
}

# rehearse_one NAME ARGS...: one `iksplan rehearse`, its summary line checked.
rehearse_one() {
  local name=$1 out line
  shift
  info "rehearse: $name"
  out=$(timeout 900 "$BIN" rehearse "$@" </dev/null 2>&1)
  local rc=$?
  printf '%s\n' "$out" | grep -v '^   Step ' >&2
  line=$(tail -n 1 <<<"$out")
  if ((rc != 0)); then
    err "rehearse $name failed (exit $rc)"
    return 1
  fi
  if [[ ! $line =~ ^rehearse:\ .+:\ fresh\ ok\ ·\ rerun\ 0\ mutating\ calls\ ·\ (faults\ skipped|faults\ ([0-9]+)/([0-9]+)\ converged)$ ]] ||
    [[ -n ${BASH_REMATCH[2]} && ${BASH_REMATCH[2]} != "${BASH_REMATCH[3]}" ]]; then
    err "rehearse $name: unexpected summary: $line"
    return 1
  fi
}

main() {
  BIN=$1
  shift
  (($#)) || die "usage: rehearse.sh IKSPLAN_BIN DESIGN.yaml..."
  need jq bash timeout
  local d design name rc=0 designs=("$@") variant
  for variant in "$REPO_ROOT"/rehearse/testdata/variants/*.yaml; do
    [[ -e $variant ]] && designs+=("$variant")
  done
  d=$(mktemp -d "${TMPDIR:-/tmp}/iksplan-rehearse.XXXXXX")
  on_exit rm -rf -- "$d"
  on_exit controlplane_down "$d/cp"
  controlplane_up "$d/cp" || return 1
  for design in "${designs[@]}"; do
    name=$(basename -- "$(dirname -- "$design")")
    [[ $design == */variants/* ]] && name=$(basename -- "$design" .yaml)
    clean_cluster "$d/cp/kubeconfig"
    rehearse_one "$name" "$design" --faults none --kubeconfig "$d/cp/kubeconfig" --kubectl "$KUBECTL" \
      --out "$d/$name" || rc=1
  done
  # A change runbook (issue 14) on the real control plane: OLD built, then changed to NEW
  # with a real cordon + drain of the pool that goes; the other four changes run on the
  # stand-in in `go test ./rehearse` (TestChangeRunbooksRehearse).
  local out change=$REPO_ROOT/rehearse/testdata/change/change-flavor
  clean_cluster "$d/cp/kubeconfig"
  info "rehearse change: change-flavor"
  if out=$(timeout 900 "$BIN" rehearse "$change/new.yaml" --change-from "$change/old.yaml" --kubeconfig "$d/cp/kubeconfig" \
    --kubectl "$KUBECTL" --out "$d/change-flavor" </dev/null 2>&1); then
    printf '%s\n' "$out" >&2
    [[ $(tail -n 1 <<<"$out") =~ ^rehearse\ change:\ .+:\ OLD\ built\ ·\ change\ ok,\ [0-9]+\ mutating\ calls\ ·\ state\ equals\ NEW\'s\ ·\ rerun\ 0\ mutating\ calls$ ]] ||
      { err "rehearse change: unexpected summary: $(tail -n 1 <<<"$out")"; rc=1; }
  else
    printf '%s\n' "$out" >&2
    err "rehearse change: change-flavor failed"
    rc=1
  fi
  local faults
  read -r -a faults <<<"${IKSPLAN_REHEARSE_FAULTS:-$CI_CACHE/rendered/dev-single-zone/design.yaml $REPO_ROOT/rehearse/testdata/variants/classic-bare-metal-pool.yaml}"
  for design in "${faults[@]}"; do
    name=faults-$(basename -- "$design" .yaml)
    [[ $design == */design.yaml ]] && name=faults-$(basename -- "$(dirname -- "$design")")
    rehearse_one "$name" "$design" --faults each --out "$d/$name" || rc=1
  done
  return "$rc"
}

main "$@"
