#!/usr/bin/env bash
# Install (idempotently) everything the CI validation needs:
#   - Debian packages: shellcheck, etcd-server, tmux, openssl, curl, jq (only when missing; jq: the rehearsed runbooks read JSON with it)
#   - Go tools into $CI_BIN: kubeconform, kube-score (pinned, only when missing)
#   - kube-apiserver, kubectl, kube-scheduler, kube-controller-manager built from source
#     (each only when missing; ~14 min once) and kwok (go install, ~1 min once)
#
# Usage: bash .ci/install.sh [--no-k8s]
set -euo pipefail
# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=.ci/controlplane.sh
source "$CI_DIR/controlplane.sh"

install_apt() {
  # command -> Debian package
  local -A pkgs=([shellcheck]=shellcheck [etcd]=etcd-server [tmux]=tmux [openssl]=openssl [curl]=curl [jq]=jq)
  local cmd missing=()
  for cmd in "${!pkgs[@]}"; do
    command -v -- "$cmd" >/dev/null 2>&1 || missing+=("${pkgs[$cmd]}")
  done
  if ((${#missing[@]} == 0)); then
    info "apt packages present: ${!pkgs[*]}"
    return 0
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq >&2
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  for cmd in "${!pkgs[@]}"; do
    command -v -- "$cmd" >/dev/null 2>&1 || die "apt installed ${pkgs[$cmd]} but '$cmd' is still missing"
  done
}

# go_tool NAME PACKAGE VERSION: `go install PACKAGE@VERSION` into a versioned dir
# under the cache, linked as $CI_BIN/NAME.
go_tool() {
  local name=$1 pkg=$2 ver=$3
  local dir=$CI_CACHE/gotools/$name@$ver
  if [[ ! -x $dir/$name ]]; then
    log "go install $pkg@$ver"
    mkdir -p -- "$dir"
    (cd / && GOBIN=$dir CGO_ENABLED=0 go install "$pkg@$ver") || die "go install $pkg@$ver failed"
  fi
  ln -sfn -- "$dir/$name" "$CI_BIN/$name"
  info "$name $ver: $CI_BIN/$name"
}

install_go_tools() {
  need go
  ci_path
  go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
  go_tool kube-score github.com/zegl/kube-score/cmd/kube-score "$KUBESCORE_VERSION"
}

install_main() {
  local k8s=1
  [[ ${1:-} == --no-k8s ]] && k8s=0
  install_apt
  install_go_tools
  if ((k8s)); then
    k8s_build
    kwok_build
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  install_main "$@"
fi
