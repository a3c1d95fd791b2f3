#!/usr/bin/env bash
# Offline schemas for the validators, generated from the Go module proxy:
#   - kubeconform JSON schemas for every Kubernetes v$K8S_VERSION kind (from the
#     official swagger.json) and for the Calico projectcalico.org/v3 kinds (from the
#     CRDs shipped in github.com/projectcalico/calico), strict and standalone;
#   - stand-in CRDs (group projectcalico.org, version v3) for the throwaway apiserver.
#
# As a program:  bash .ci/k8s-schemas.sh     prints the schema directory
# As a library:  k8s_schemas                 sets and exports KUBECONFORM_SCHEMAS
#                                            (for -schema-location) and CALICO_CRDS
#
# Cached in $CI_CACHE/schemas/<key>, key = versions + the sources of the tools.

# shellcheck source=.ci/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

# Calico kinds the renderer may emit (calico/*.yaml).
CALICO_KINDS=GlobalNetworkPolicy,NetworkPolicy,GlobalNetworkSet,NetworkSet

k8s_schemas() {
  need go sha256sum
  local key dest tmp
  key=$(
    {
      printf '%s\n' "$K8S_VERSION" "$CALICO_VERSION" "$CALICO_KINDS"
      cat -- "$REPO_ROOT"/tools/openapi2kubeconform/go.mod "$REPO_ROOT"/tools/openapi2kubeconform/*.go \
        "$REPO_ROOT"/tools/crd2stand-in/go.mod "$REPO_ROOT"/tools/crd2stand-in/go.sum "$REPO_ROOT"/tools/crd2stand-in/*.go
    } | sha256sum | cut -c1-16
  )
  dest=$CI_CACHE/schemas/$key
  KUBECONFORM_SCHEMAS=$dest/kubeconform
  CALICO_CRDS=$dest/calico-crds
  export KUBECONFORM_SCHEMAS CALICO_CRDS
  if [[ -f $dest/.complete ]]; then
    info "schemas cached in $dest"
    return 0
  fi

  log "generating kubeconform schemas and Calico stand-in CRDs into $dest"
  local k8s_src calico_src
  k8s_src=$(go_mod_dir "k8s.io/kubernetes@v$K8S_VERSION")
  calico_src=$(go_mod_dir "$CALICO_MODULE@$CALICO_VERSION")
  local swagger=$k8s_src/api/openapi-spec/swagger.json
  local crd_src=$calico_src/libcalico-go/config/crd
  [[ -f $swagger ]] || die "no $swagger"
  compgen -G "$crd_src/crd.projectcalico.org_*.yaml" >/dev/null || die "no Calico CRDs in $crd_src"

  tmp=$dest.tmp.$$
  rm -rf -- "$tmp"
  mkdir -p -- "$tmp/bin"
  go build -C "$REPO_ROOT/tools/openapi2kubeconform" -buildvcs=false -o "$tmp/bin/openapi2kubeconform" . ||
    die "building tools/openapi2kubeconform failed"
  go build -C "$REPO_ROOT/tools/crd2stand-in" -buildvcs=false -o "$tmp/bin/crd2stand-in" . ||
    die "building tools/crd2stand-in failed"

  "$tmp/bin/crd2stand-in" -group projectcalico.org -version v3 -kinds "$CALICO_KINDS" \
    -out "$tmp/calico-crds" -json-out "$tmp/calico-crds-json" "$crd_src"/crd.projectcalico.org_*.yaml ||
    die "crd2stand-in failed"
  local args=(-out "$tmp/kubeconform" -kubernetes-version "$K8S_VERSION" -swagger "$swagger") f
  for f in "$tmp"/calico-crds-json/*.json; do
    args+=(-crd "$f")
  done
  "$tmp/bin/openapi2kubeconform" "${args[@]}" || die "openapi2kubeconform failed"
  touch -- "$tmp/.complete"

  # Replace this key's dir and drop stale keys.
  rm -rf -- "$dest"
  mv -- "$tmp" "$dest"
  local old
  for old in "$CI_CACHE"/schemas/*; do
    [[ $old == "$dest" || $old == *.tmp.* ]] || rm -rf -- "$old"
  done
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  k8s_schemas
  printf '%s\n' "$KUBECONFORM_SCHEMAS"
fi
