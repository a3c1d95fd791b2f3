#!/usr/bin/env bash
# The zone-loss drill (issue 8) with the real kube-scheduler: a control plane with
# kwok (.ci/controlplane.sh), then
#   1. `iksplan rehearse DESIGN --drill zone-loss` for every rendered preset: every zone
#      of a multizone preset (one worker of a single-zone one) is lost in turn; every
#      evicted replica must be placed again and the model must have said so;
#   2. the Go test that drills each preset and two more sizings at the model's count
#      (all placed) and at one worker per zone fewer (some left Pending).
#
# Usage: bash .ci/drill.sh IKSPLAN_BIN DESIGN.yaml...

# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=.ci/controlplane.sh
source "$CI_DIR/controlplane.sh"

main() {
  local bin=$1 d design out rc=0 line
  shift
  (($#)) || die "usage: drill.sh IKSPLAN_BIN DESIGN.yaml..."
  d=$(mktemp -d "${TMPDIR:-/tmp}/iksplan-drill.XXXXXX")
  on_exit rm -rf -- "$d"
  on_exit controlplane_down "$d"
  controlplane_up "$d" || return 1
  export KUBECTL
  for design in "$@"; do
    info "drill: $design"
    if ! out=$(timeout 600 "$bin" rehearse "$design" --drill zone-loss --kubeconfig "$d/kubeconfig" 2>"$d/drill.err" </dev/null); then
      printf '%s\n' "$out"
      cat -- "$d/drill.err" >&2
      err "drill failed for $design"
      rc=1
      continue
    fi
    printf '%s\n' "$out"
    while read -r line; do
      # Every trial must place every replica, as the model says it will.
      if [[ $line == drill:* && ( $line != *"pods rescheduled (model says: survives)" || $line =~ \ ([0-9]+)/([0-9]+)\ pods && ${BASH_REMATCH[1]} != "${BASH_REMATCH[2]}" ) ]]; then
        err "unexpected drill result: $line"
        rc=1
      fi
    done <<<"$out"
    grep -q '^drill: ' <<<"$out" || { err "no drill line for $design"; rc=1; }
  done
  info "drill: count − 1 fails, count passes (go test ./rehearse/drill)"
  if ! (cd -- "$REPO_ROOT" && IKSPLAN_DRILL_KUBECONFIG=$d/kubeconfig timeout 1200 \
    go test -count=1 -timeout 20m -run 'TestDrillCountIsTheSmallestThatSurvives' -v ./rehearse/drill/) >"$d/count.log" 2>&1; then
    cat -- "$d/count.log" >&2
    err "the count test failed"
    rc=1
  fi
  grep -E 'per zone|^\s*--- |^(ok|FAIL)' -- "$d/count.log" || true
  grep -q -- '--- SKIP' "$d/count.log" && { err "the count test skipped with a control plane up"; rc=1; }
  return "$rc"
}

main "$@"
