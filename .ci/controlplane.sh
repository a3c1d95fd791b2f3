#!/usr/bin/env bash
# A throwaway Kubernetes control plane with simulated nodes, on loopback: Debian etcd,
# kube-apiserver, kube-controller-manager and kube-scheduler v$K8S_VERSION (built from
# the module proxy, cached) and kwok v$KWOK_VERSION, which plays the kubelet for every
# node (nodes turn Ready, bound pods turn Running; no container ever runs).
#
# As a program:
#   bash .ci/controlplane.sh up DIR          start everything (state, logs, pids in DIR,
#                                            which must be empty or absent), wait until
#                                            ready, write DIR/kubeconfig
#   bash .ci/controlplane.sh down DIR        stop kwok, scheduler, controller-manager,
#                                            apiserver, then etcd (idempotent)
#   bash .ci/controlplane.sh kubeconfig DIR  print the kubeconfig path
#   bash .ci/controlplane.sh env DIR         print `export KUBECONFIG=… KUBECTL=…` lines
#   bash .ci/controlplane.sh node DIR NAME ZONE CPU MEMORY [PODS [KEY=VALUE...]]
#                                            create a simulated node labelled with ZONE
#                                            (topology.kubernetes.io/zone) and KEY=VALUEs,
#                                            capacity = allocatable = CPU/MEMORY/PODS
#                                            (default 110 pods), wait until it is Ready
#   bash .ci/controlplane.sh smoke           up, one node, a 3-replica Deployment, all
#                                            pods scheduled and Running, down
# As a library (source it): controlplane_up DIR, controlplane_down DIR, controlplane_node.
#
# The processes run in their own sessions and outlive `up`; always `down` (a trap in the
# caller is the usual way). Ports are random; nothing listens beyond 127.0.0.1.
# kube-controller-manager waits 5 minutes (not 50 s) for a node heartbeat before it marks
# the node NotReady: kwok's heartbeat comes every 20 s plus up to 25 s of jitter, and on a
# loaded machine it lagged past 50 s, so nodes flapped NotReady, their pods lost Ready and a
# rehearsal's `kubectl wait … Available` timed out (classic-private-vlans-gateway's second
# run, 2026-12-02). Nothing here tests node failure detection: the drill taints explicitly.
# The apiserver runs with every default admission plugin, ResourceQuota included
# (kube-controller-manager computes quota status here).

# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=.ci/apiserver.sh
source "$CI_DIR/apiserver.sh"

KWOK_DIR=$CI_CACHE/gotools/kwok@$KWOK_VERSION
KWOK=$KWOK_DIR/kwok
KWOK_STAGES=$KWOK_DIR/stages.yaml
export KWOK KWOK_STAGES

# The stage configs kwok needs (it refuses to start without any), from its module:
# nodes become Ready and keep a heartbeat; pods become Running, complete and delete.
KWOK_STAGE_FILES=(
  node/fast/node-initialize.yaml
  node/heartbeat/node-heartbeat.yaml
  pod/fast/pod-ready.yaml
  pod/fast/pod-complete.yaml
  pod/fast/pod-delete.yaml
)

# kwok_build: go install kwok (once, ~1 min) and concatenate its stage configs.
kwok_build() {
  need go
  if [[ ! -x $KWOK ]]; then
    log "go install sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
    mkdir -p -- "$KWOK_DIR"
    local start=$SECONDS
    (cd / && GOBIN=$KWOK_DIR CGO_ENABLED=0 go install "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION") ||
      die "go install sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION failed"
    info "built kwok in $((SECONDS - start))s"
  fi
  if [[ ! -s $KWOK_STAGES ]]; then
    local src f
    src=$(go_mod_dir "sigs.k8s.io/kwok@$KWOK_VERSION")
    for f in "${KWOK_STAGE_FILES[@]}"; do
      [[ -f $src/kustomize/stage/$f ]] || die "kwok $KWOK_VERSION has no stage config $f"
      printf -- '---\n'
      cat -- "$src/kustomize/stage/$f"
    done >"$KWOK_STAGES.tmp.$$"
    mv -- "$KWOK_STAGES.tmp.$$" "$KWOK_STAGES"
  fi
  info "kwok $KWOK_VERSION: $KWOK (stages $KWOK_STAGES)"
}

# _https_ok URL: the component's /healthz answers ok (self-signed serving cert).
_https_ok() { [[ $(curl -ksS --max-time 2 "$1" 2>/dev/null) == ok ]]; }
_http_ok() { [[ $(curl -sS --max-time 2 "$1" 2>/dev/null) == ok ]]; }

# _cp_wait DIR NAME SECONDS WHAT CMD...: wait for CMD, failing early (with the log
# tail) if process NAME has exited.
_cp_wait() {
  local d=$1 name=$2 limit=$3 what=$4 pid
  shift 4
  pid=$(cat -- "$d/$name.pid")
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if ! _pid_alive "$pid"; then
      err "$name exited while waiting for $what"
      tail -n 40 -- "$d/$name.log" >&2 || true
      return 1
    fi
    if ((SECONDS >= end)); then
      err "timed out after ${limit}s waiting for $what"
      tail -n 40 -- "$d/$name.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

# controlplane_up DIR: see the header. On failure, stops what it started.
controlplane_up() {
  local d=${1:?controlplane_up DIR}
  need curl setsid
  [[ -x $KUBE_CONTROLLER_MANAGER && -x $KUBE_SCHEDULER ]] ||
    die "kube-controller-manager/kube-scheduler not built (bash .ci/apiserver.sh build)"
  [[ -x $KWOK && -s $KWOK_STAGES ]] || die "kwok not installed (bash .ci/controlplane.sh build)"
  mkdir -p -- "$d"
  d=$(cd -- "$d" && pwd)
  if [[ -n $(ls -A -- "$d") ]]; then
    die "$d is not empty (a control plane may be running there: bash .ci/controlplane.sh down $d)"
  fi
  local start=$SECONDS
  APISERVER_DISABLE_ADMISSION='' apiserver_launch "$d" || { controlplane_down "$d"; return 1; }
  local k=$d/kubeconfig kcm_port sched_port kwok_port
  kcm_port=$(free_port)
  sched_port=$(free_port)
  kwok_port=$(free_port)

  spawn "$d" kube-controller-manager "$KUBE_CONTROLLER_MANAGER" \
    --kubeconfig "$k" --authentication-kubeconfig "$k" --authorization-kubeconfig "$k" \
    --leader-elect=false \
    --service-account-private-key-file "$d/sa.key" \
    --root-ca-file "$d/certs/apiserver.crt" \
    --use-service-account-credentials=false \
    --controllers '*,-serviceaccount-token' \
    --node-monitor-grace-period 5m \
    --bind-address 127.0.0.1 --secure-port "$kcm_port" --cert-dir "$d/kcm-certs" \
    --profiling=false
  spawn "$d" kube-scheduler "$KUBE_SCHEDULER" \
    --kubeconfig "$k" --authentication-kubeconfig "$k" --authorization-kubeconfig "$k" \
    --leader-elect=false \
    --bind-address 127.0.0.1 --secure-port "$sched_port" --cert-dir "$d/scheduler-certs" \
    --profiling=false
  spawn "$d" kwok "$KWOK" -c "$KWOK_STAGES" --kubeconfig "$k" \
    --manage-all-nodes=true --cidr 10.64.0.0/12 \
    --server-address "127.0.0.1:$kwok_port"

  if ! _cp_wait "$d" kube-controller-manager 60 "kube-controller-manager /healthz" \
    _https_ok "https://127.0.0.1:$kcm_port/healthz" ||
    ! _cp_wait "$d" kube-scheduler 60 "kube-scheduler /healthz" \
      _https_ok "https://127.0.0.1:$sched_port/healthz" ||
    ! _cp_wait "$d" kwok 60 "kwok /healthz" _http_ok "http://127.0.0.1:$kwok_port/healthz" ||
    # The service-account controller gives each namespace its default account; pods
    # are refused without it, so this is what "the controllers work" means here.
    ! _cp_wait "$d" kube-controller-manager 60 "serviceaccount default/default" \
      env KUBECONFIG="$k" "$KUBECTL" get serviceaccount default -n default; then
    controlplane_down "$d"
    return 1
  fi
  info "control plane v$K8S_VERSION + kwok $KWOK_VERSION ready in $((SECONDS - start))s: KUBECONFIG=$k"
}

# _cp_stop DIR NAME: stop the process recorded in DIR/NAME.pid, if it is still that
# program (a pid can be reused once it has exited).
_cp_stop() {
  local d=$1 name=$2 pid exe
  [[ -f $d/$name.pid ]] || return 0
  pid=$(cat -- "$d/$name.pid")
  if [[ $pid =~ ^[0-9]+$ ]] && _pid_alive "$pid"; then
    exe=$(readlink -- "/proc/$pid/exe" 2>/dev/null) || exe=''
    if [[ ${exe##*/} == "$name" || ${exe##*/} == setsid ]]; then
      _stop_pid "$pid" "$name"
    else
      warn "pid $pid from $d/$name.pid is now ${exe:-something else}; not stopping it"
    fi
  fi
  rm -f -- "$d/$name.pid"
}

# controlplane_down DIR: clients first, the apiserver before etcd (it hangs on shutdown
# when etcd is gone). IKSPLAN_CI_KEEP=1 keeps DIR's state and logs; otherwise DIR is
# emptied (it is left in place: the caller made it).
controlplane_down() {
  local d=${1:?controlplane_down DIR} name
  [[ -d $d ]] || return 0
  for name in kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
    _cp_stop "$d" "$name"
  done
  if [[ -n ${IKSPLAN_CI_KEEP:-} ]]; then
    info "kept control plane state and logs in $d"
  elif [[ -f $d/kubeconfig || -d $d/etcd ]]; then
    # Only what up wrote, so a mistyped DIR never loses anything else.
    rm -rf -- "$d/etcd" "$d/certs" "$d/kcm-certs" "$d/scheduler-certs" "$d"/*.log \
      "$d/kubeconfig" "$d/tokens.csv" "$d/sa.key" "$d/sa.pub"
  fi
}

# controlplane_node DIR NAME ZONE CPU MEMORY [PODS [KEY=VALUE...]]: see the header.
controlplane_node() {
  local d=$1 name=$2 zone=$3 cpu=$4 mem=$5 pods=${6:-110}
  shift 5
  (($#)) && shift
  local labels="    topology.kubernetes.io/zone: \"$zone\"" kv
  for kv in "$@"; do
    [[ $kv == *=* ]] || die "node label '$kv' is not KEY=VALUE"
    labels+=$'\n'"    \"${kv%%=*}\": \"${kv#*=}\""
  done
  local -x KUBECONFIG=$d/kubeconfig
  "$KUBECTL" create -f - <<EOF || return 1
apiVersion: v1
kind: Node
metadata:
  name: "$name"
  annotations:
    kwok.x-k8s.io/node: fake
  labels:
    kubernetes.io/hostname: "$name"
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    type: kwok
$labels
spec: {}
EOF
  local res="{\"cpu\":\"$cpu\",\"memory\":\"$mem\",\"pods\":\"$pods\"}"
  "$KUBECTL" patch node "$name" --subresource=status --type=merge \
    -p "{\"status\":{\"capacity\":$res,\"allocatable\":$res}}" >/dev/null || return 1
  "$KUBECTL" wait --for=condition=Ready --timeout=60s "node/$name" >/dev/null ||
    { err "node $name did not become Ready (kwok log: $d/kwok.log)"; return 1; }
}

# controlplane_smoke: proves the whole chain on this machine: a zoned node with a set
# allocatable, a Deployment whose pods the scheduler binds and kwok runs, and a pod that
# does not fit staying Pending (so scheduling honours allocatable).
controlplane_smoke() {
  local d
  d=$(mktemp -d "${TMPDIR:-/tmp}/iksplan-controlplane.XXXXXX")
  on_exit rm -rf -- "$d"
  on_exit controlplane_down "$d"
  controlplane_up "$d" || return 1
  local -x KUBECONFIG=$d/kubeconfig
  controlplane_node "$d" smoke-node-1 jp-tok-1 4 16Gi || return 1
  "$KUBECTL" apply -f - >/dev/null <<'EOF' || return 1
apiVersion: apps/v1
kind: Deployment
metadata:
  name: smoke
spec:
  replicas: 3
  selector:
    matchLabels: {app: smoke}
  template:
    metadata:
      labels: {app: smoke}
    spec:
      nodeSelector:
        topology.kubernetes.io/zone: jp-tok-1
      containers:
      - name: smoke
        image: registry.example/smoke:1
        resources:
          requests: {cpu: "1", memory: 1Gi}
EOF
  "$KUBECTL" rollout status deployment smoke --timeout=90s || return 1
  local running
  running=$("$KUBECTL" get pods -l app=smoke --field-selector status.phase=Running \
    -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}')
  [[ $(grep -c '^smoke-node-1$' <<<"$running") == 3 ]] ||
    { err "expected 3 Running pods on smoke-node-1, got: ${running:-none}"; return 1; }
  # A fourth 1-CPU pod fits (4 CPU), a fifth does not: scale to 5, exactly one Pending.
  "$KUBECTL" scale deployment smoke --replicas=5 >/dev/null || return 1
  local end=$((SECONDS + 60)) pending=''
  while ((SECONDS < end)); do
    pending=$("$KUBECTL" get pods -l app=smoke -o \
      jsonpath='{range .items[*]}{.status.phase}{" "}{.status.conditions[?(@.type=="PodScheduled")].reason}{"\n"}{end}')
    [[ $(grep -c '^Running' <<<"$pending") == 4 && $(grep -c '^Pending Unschedulable' <<<"$pending") == 1 ]] && break
    sleep 1
  done
  [[ $(grep -c '^Running' <<<"$pending") == 4 && $(grep -c '^Pending Unschedulable' <<<"$pending") == 1 ]] ||
    { err "expected 4 Running + 1 Unschedulable pod on a 4-CPU node, got: $pending"; return 1; }
  "$KUBECTL" get nodes -L topology.kubernetes.io/zone
  "$KUBECTL" get pods -o wide
  controlplane_down "$d"
  rm -rf -- "$d"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  usage="usage: $0 build | up DIR | down DIR | kubeconfig DIR | env DIR | node DIR NAME ZONE CPU MEMORY [PODS [KEY=VALUE...]] | smoke"
  cmd=${1:-}
  (($#)) && shift
  case $cmd in
    build)
      k8s_build
      kwok_build
      ;;
    up)
      (($# == 1)) || die "$usage"
      k8s_build
      kwok_build
      controlplane_up "$1"
      ;;
    down)
      (($# == 1)) || die "$usage"
      controlplane_down "$1"
      ;;
    kubeconfig | env)
      (($# == 1)) || die "$usage"
      dir=$(cd -- "$1" && pwd) || die "no directory $1"
      [[ -f $dir/kubeconfig ]] || die "no control plane in $dir (bash .ci/controlplane.sh up $dir)"
      if [[ $cmd == kubeconfig ]]; then
        printf '%s\n' "$dir/kubeconfig"
      else
        printf 'export KUBECONFIG=%q\nexport KUBECTL=%q\n' "$dir/kubeconfig" "$KUBECTL"
      fi
      ;;
    node)
      (($# >= 5)) || die "$usage"
      dir=$1
      shift
      controlplane_node "$dir" "$@"
      ;;
    smoke)
      k8s_build
      kwok_build
      controlplane_smoke
      ;;
    *) die "$usage" ;;
  esac
fi
