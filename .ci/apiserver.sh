#!/usr/bin/env bash
# A throwaway, real kube-apiserver (+ Debian etcd) on loopback, for validating
# rendered manifests with `kubectl apply --validate=strict --warnings-as-errors`.
#
# As a program:
#   bash .ci/apiserver.sh build     build (once) and cache kube-apiserver, kubectl,
#                                   kube-scheduler, kube-controller-manager
# As a library (source it), after k8s_build:
#   apiserver_start                 start etcd + kube-apiserver, export KUBECONFIG,
#                                   KUBECTL; installs an EXIT trap that stops both
#   apiserver_stop                  stop kube-apiserver, then etcd (idempotent)
#
# The binaries live in $CI_CACHE/k8s-v$K8S_VERSION/ and are rebuilt only when missing.

# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

K8S_BIN_DIR=$CI_CACHE/k8s-v$K8S_VERSION
KUBE_APISERVER=$K8S_BIN_DIR/kube-apiserver
KUBECTL=$K8S_BIN_DIR/kubectl
export K8S_BIN_DIR KUBE_APISERVER KUBECTL

# The Kubernetes commands CI uses, each built (once) into $K8S_BIN_DIR.
K8S_COMMANDS=(kube-apiserver kubectl kube-scheduler kube-controller-manager)
KUBE_SCHEDULER=$K8S_BIN_DIR/kube-scheduler
KUBE_CONTROLLER_MANAGER=$K8S_BIN_DIR/kube-controller-manager
export KUBE_SCHEDULER KUBE_CONTROLLER_MANAGER

# k8s_build: build the missing ones of $K8S_COMMANDS from the Go module proxy in a
# throwaway module under the cache dir. Each binary is checked separately, so a
# cached kube-apiserver is never rebuilt for a new command. Cold: ~12 min for
# kube-apiserver + kubectl, ~3 min more for kube-scheduler + kube-controller-manager.
k8s_build() {
  local c missing=()
  for c in "${K8S_COMMANDS[@]}"; do
    [[ -x $K8S_BIN_DIR/$c ]] || missing+=("$c")
  done
  if ((${#missing[@]} == 0)); then
    info "${K8S_COMMANDS[*]} v$K8S_VERSION cached in $K8S_BIN_DIR"
    return 0
  fi
  need go
  local src mod tmp
  src=$(go_mod_dir "k8s.io/kubernetes@v$K8S_VERSION")
  mod=$CI_CACHE/k8s-build-v$K8S_VERSION
  mkdir -p -- "$mod"
  {
    printf 'module iksplan.ci/k8sbuild\n\n'
    # Same language version and GODEBUG defaults as upstream's main module.
    grep -E '^(go|godebug) ' "$src/go.mod"
    printf '\nrequire k8s.io/kubernetes v%s\n\nreplace (\n' "$K8S_VERSION"
    # Every staging module of upstream's replace block, at the matching tag.
    sed -n '/^replace (/,/^)/p' "$src/go.mod" |
      sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' |
      grep -v -E '^k8s\.io/(sample-cli-plugin|sample-controller)$' |
      while read -r m; do printf '\t%s => %s v%s\n' "$m" "$m" "$K8S_STAGING_VERSION"; done
    printf ')\n'
  } >"$mod/go.mod.new"
  grep -q 'k8s.io/apiserver => k8s.io/apiserver' "$mod/go.mod.new" ||
    die "could not derive the staging replace block from $src/go.mod"
  # Keep go.mod (and so go.sum's meaning) untouched when nothing changed.
  if cmp -s -- "$mod/go.mod.new" "$mod/go.mod"; then
    rm -f -- "$mod/go.mod.new"
  else
    mv -- "$mod/go.mod.new" "$mod/go.mod"
  fi
  printf 'package k8sbuild\n' >"$mod/doc.go"

  local pkg=k8s.io/component-base/version cpkg=k8s.io/client-go/pkg/version ldflags=(-s -w) v
  local major=${K8S_VERSION%%.*} rest=${K8S_VERSION#*.}
  local minor=${rest%%.*}
  for v in "gitVersion=v$K8S_VERSION" "gitMajor=$major" "gitMinor=$minor" \
    "gitTreeState=clean" "buildDate=1970-01-01T00:00:00Z"; do
    ldflags+=(-X "$pkg.$v" -X "$cpkg.$v")
  done

  tmp=$K8S_BIN_DIR.tmp.$$
  rm -rf -- "$tmp"
  mkdir -p -- "$tmp" "$K8S_BIN_DIR"
  local pkgs=()
  for c in "${missing[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$c"); done
  log "building ${missing[*]} v$K8S_VERSION (cold: kube-apiserver ~11 min, the others ~1-2 min each)"
  local start=$SECONDS
  (
    cd -- "$mod"
    CGO_ENABLED=0 go build -mod=mod -trimpath -buildvcs=false -ldflags "${ldflags[*]}" -o "$tmp/" "${pkgs[@]}"
  ) || { rm -rf -- "$tmp"; die "building ${missing[*]} failed"; }
  # Each binary lands by rename, so an interrupted build never leaves a partial one.
  for c in "${missing[@]}"; do
    mv -f -- "$tmp/$c" "$K8S_BIN_DIR/$c"
  done
  rm -rf -- "$tmp"
  info "built ${missing[*]} in $((SECONDS - start))s"
  "$KUBECTL" version --client >&2 || die "built kubectl does not run"
  for c in "${missing[@]}"; do
    [[ $c == kubectl ]] && continue
    "$K8S_BIN_DIR/$c" --version >&2 || die "built $c does not run"
  done
}

# free_port: print a loopback TCP port nobody listens on (best effort).
# The port is drawn below the kernel's ephemeral range
# (net.ipv4.ip_local_port_range, 32768-60999 on Debian): a port in that range
# can be taken as the local end of any outgoing connection (kubectl, kwok)
# between this check and the server's bind, which is how a CI run once lost
# etcd ("bind: address already in use" on 127.0.0.1:33902).
free_port() {
  local p i lo=32768
  read -r lo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  ((lo > 11024)) || lo=32768
  for ((i = 0; i < 200; i++)); do
    p=$((10000 + RANDOM % (lo - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  die "no free loopback port found"
}

# wait_for SECONDS DESCRIPTION CMD...: retry CMD every 0.5 s until it succeeds.
wait_for() {
  local limit=$1 what=$2 end
  shift 2
  end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= end)); then
      err "timed out after ${limit}s waiting for $what"
      return 1
    fi
    sleep 0.5
  done
}

_pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# _stop_pid PID NAME: SIGTERM, wait up to 15 s, then SIGKILL.
_stop_pid() {
  local pid=$1 name=$2 i
  _pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    _pid_alive "$pid" || break
    sleep 0.1
  done
  if _pid_alive "$pid"; then
    warn "$name (pid $pid) did not stop in 15s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

_etcd_healthy() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$APISERVER_ETCD_PORT" || return 1
  printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  reply=$(cat <&3)
  exec 3<&-
  [[ $reply == *'"health":"true"'* ]]
}

_apiserver_ready() {
  _pid_alive "$APISERVER_PID" || return 2
  [[ $("$KUBECTL" get --raw /readyz 2>/dev/null) == ok ]]
}

# apiserver_start: etcd + kube-apiserver on loopback (random ports, state in a
# temp dir), kubeconfig exported as KUBECONFIG. Stopped on exit.
APISERVER_PID='' APISERVER_ETCD_PID='' APISERVER_DIR='' APISERVER_ETCD_PORT=''
apiserver_start() {
  local base=${TMPDIR:-/tmp}
  # etcd fsyncs a lot; tmpfs makes that free.
  [[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
  APISERVER_DIR=$(mktemp -d "$base/iksplan-apiserver.XXXXXX")
  on_exit apiserver_stop
  apiserver_launch "$APISERVER_DIR" || return 1
  KUBECONFIG=$APISERVER_DIR/kubeconfig
  export KUBECONFIG
}

# spawn DIR NAME CMD...: start CMD in the background in its own session (so a signal to
# the caller's process group does not reach it; the stop functions end it), output in
# DIR/NAME.log, its pid in DIR/NAME.pid and in SPAWNED_PID.
SPAWNED_PID=''
spawn() {
  local dir=$1 name=$2
  shift 2
  setsid "$@" >"$dir/$name.log" 2>&1 </dev/null &
  SPAWNED_PID=$!
  printf '%s\n' "$SPAWNED_PID" >"$dir/$name.pid"
}

# apiserver_launch DIR: etcd + kube-apiserver on random loopback ports, state and logs in
# DIR, admin token kubeconfig in DIR/kubeconfig (also the service-account key pair
# DIR/sa.key, DIR/sa.pub). Waits for /readyz and the default namespace. The caller stops
# them (apiserver_stop, or controlplane_down DIR).
# WatchList is off: Debian 12's etcd 3.4.23 lacks RequestWatchProgress, and with WatchList
# on, kube-apiserver turns every watch at resourceVersion 0 into a watch-list and fails it
# ("... required storage feature RequestWatchProgress is disabled", k8s.io/apiserver
# storage/cacher). kwok watches at RV 0 only, so its watches died at once and it saw new
# nodes and pods only when client-go relisted (backoff up to 30 s): 12 nodes took 18-50 s
# to turn Ready; with WatchList off, 1.5 s.
# APISERVER_DISABLE_ADMISSION (default ResourceQuota; empty: none) lists admission
# plugins to turn off: without kube-controller-manager no quota ever gets a status, and
# admission then rejects every object a quota counts ("status unknown").
apiserver_launch() {
  need etcd openssl setsid
  [[ -x $KUBE_APISERVER && -x $KUBECTL ]] || die "kube-apiserver/kubectl not built (bash .ci/apiserver.sh build)"
  local d=$1
  APISERVER_ETCD_PORT=$(free_port)
  local peer_port port token
  peer_port=$(free_port)
  port=$(free_port)
  # Three draws from one range can meet: draw again until they differ.
  while [[ $peer_port == "$APISERVER_ETCD_PORT" ]]; do peer_port=$(free_port); done
  while [[ $port == "$APISERVER_ETCD_PORT" || $port == "$peer_port" ]]; do port=$(free_port); done
  token=$(openssl rand -hex 24)

  spawn "$d" etcd etcd --name ci --data-dir "$d/etcd" \
    --listen-client-urls "http://127.0.0.1:$APISERVER_ETCD_PORT" \
    --advertise-client-urls "http://127.0.0.1:$APISERVER_ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "ci=http://127.0.0.1:$peer_port" \
    --logger zap --log-level warn
  APISERVER_ETCD_PID=$SPAWNED_PID
  if ! wait_for 30 "etcd on 127.0.0.1:$APISERVER_ETCD_PORT" _etcd_healthy; then
    tail -n 30 -- "$d/etcd.log" >&2 || true
    return 1
  fi

  printf '%s,ci-admin,ci-admin,"system:masters"\n' "$token" >"$d/tokens.csv"
  openssl genrsa -out "$d/sa.key" 2048 2>/dev/null
  openssl rsa -in "$d/sa.key" -pubout -out "$d/sa.pub" 2>/dev/null
  mkdir -p -- "$d/certs"
  local admission=()
  local off=${APISERVER_DISABLE_ADMISSION-ResourceQuota}
  [[ -n $off ]] && admission=(--disable-admission-plugins "$off")
  spawn "$d" kube-apiserver "$KUBE_APISERVER" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$port" \
    --cert-dir "$d/certs" \
    --etcd-servers "http://127.0.0.1:$APISERVER_ETCD_PORT" \
    --token-auth-file "$d/tokens.csv" \
    --authorization-mode RBAC \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$d/sa.pub" \
    --service-account-signing-key-file "$d/sa.key" \
    --service-cluster-ip-range 10.96.0.0/16 \
    --endpoint-reconciler-type none \
    "${admission[@]}" \
    --feature-gates WatchList=false \
    --profiling=false
  APISERVER_PID=$SPAWNED_PID

  cat >"$d/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: ci
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority: $d/certs/apiserver.crt
users:
- name: ci-admin
  user:
    token: $token
contexts:
- name: ci
  context: {cluster: ci, user: ci-admin}
current-context: ci
EOF
  if ! KUBECONFIG=$d/kubeconfig wait_for 90 "kube-apiserver /readyz on 127.0.0.1:$port" _apiserver_ready; then
    _pid_alive "$APISERVER_PID" || err "kube-apiserver exited"
    tail -n 40 -- "$d/kube-apiserver.log" >&2 || true
    return 1
  fi
  # The default namespace is made by the apiserver itself, shortly after readyz.
  KUBECONFIG=$d/kubeconfig wait_for 30 "namespace default" "$KUBECTL" get namespace default || return 1
  info "kube-apiserver v$K8S_VERSION ready on 127.0.0.1:$port (etcd :$APISERVER_ETCD_PORT, state $d)"
}

# apiserver_stop: kube-apiserver first (it hangs on shutdown if etcd is gone), then etcd.
apiserver_stop() {
  _stop_pid "$APISERVER_PID" kube-apiserver
  APISERVER_PID=''
  _stop_pid "$APISERVER_ETCD_PID" etcd
  APISERVER_ETCD_PID=''
  if [[ -n $APISERVER_DIR ]]; then
    if [[ -n ${IKSPLAN_CI_KEEP:-} ]]; then
      info "kept apiserver state and logs in $APISERVER_DIR"
    else
      rm -rf -- "$APISERVER_DIR"
    fi
    APISERVER_DIR=''
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    build) k8s_build ;;
    smoke)
      # Start, list namespaces, stop: proves the apiserver works on this machine.
      k8s_build
      apiserver_start
      "$KUBECTL" get namespaces
      apiserver_stop
      ;;
    *) die "usage: $0 build|smoke" ;;
  esac
fi
