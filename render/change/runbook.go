package change

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/change"
	"github.com/iksplan/iksplan/render/view"
)

// Refusal says why iksplan writes no change runbook, and what to do.
type Refusal struct {
	Reasons []string
}

func (r *Refusal) Error() string {
	return "no change runbook:\n  - " + strings.Join(r.Reasons, "\n  - ")
}

// recreateAdvice is what to do instead of changing what IBM fixes at create
// (IBM's zero-downtime pattern: a second cluster behind a CIS global load
// balancer, https://cloud.ibm.com/docs/cis?topic=cis-configure-glb).
const recreateAdvice = "build a new cluster from NEW (iksplan render NEW.yaml, run its runbook), add both clusters' Ingress as origins of a CIS global load balancer, move the traffic with the origin weights, then retire the old cluster"

// Runbook writes the bash script that takes a cluster built from old to
// new, or a Refusal. Its order is IBM's: resize first; then NEW's own
// runbook adds what is new (pools, zones, add-ons, settings: it is
// idempotent); then pools that NEW drops are drained through their PDBs
// and removed; then zones that NEW drops; then the master, one minor at a
// time, each followed by replacing the workers one per zone at a time.
func Runbook(old, new *model.Design, cat *catalog.Catalog) ([]byte, error) {
	return runbook(old, new, cat, false)
}

// RunbookBeside is Runbook for a script written next to NEW's own
// runbook.sh (iksplan render NEW --change-from OLD): the additions step
// runs that runbook.sh unless NEW_RUNBOOK names another.
func RunbookBeside(old, new *model.Design, cat *catalog.Catalog) ([]byte, error) {
	return runbook(old, new, cat, true)
}

func runbook(old, new *model.Design, cat *catalog.Catalog, beside bool) ([]byte, error) {
	if cat == nil {
		cat = catalog.Default()
	}
	o, n := model.Resolve(old, cat), model.Resolve(new, cat)
	cs := change.Diff(o, n, cat)
	if err := refuse(cs, o, n, cat); err != nil {
		return nil, err
	}
	b := &script{beside: beside}
	b.header(o, n)
	b.resize(o, n)
	b.additions()
	b.removePools(o, n)
	b.removeZones(o, n)
	if err := b.upgrade(o, n); err != nil {
		return nil, err
	}
	b.line(`echo "change runbook: done"`)
	return []byte(b.String()), nil
}

// refuse collects every reason not to write a runbook.
func refuse(cs []change.Change, o, n *model.Design, cat *catalog.Catalog) error {
	var why []string
	for _, c := range cs {
		switch {
		case c.Class == change.ClusterRecreate:
			why = append(why, fmt.Sprintf("%s (%s): %s; instead, %s", c.Path, c.Class, c.Why, recreateAdvice))
		case c.Class == change.DataRisk:
			why = append(why, fmt.Sprintf("%s (%s): %s; iksplan never deletes data: back it up, make the change by hand, then diff again", c.Path, c.Class, c.Why))
		case c.Class == change.PoolReplace && c.Op == change.Changed:
			why = append(why, fmt.Sprintf("%s (%s): %s; give the pool a new name in NEW (IBM cannot change it on the existing pool), and the change runbook creates the new pool, drains the old one through its PDBs and removes it", c.Path, c.Class, c.Why))
		}
	}
	if on := o.Spec.Operations.Autoscaler.Enabled || n.Spec.Operations.Autoscaler.Enabled; on && o.Spec.KubernetesVersion != n.Spec.KubernetesVersion {
		if a, ok := cat.Addon("cluster-autoscaler"); ok && a.BelowKube != "" && !versionBelow(n.Spec.KubernetesVersion, a.BelowKube) {
			why = append(why, fmt.Sprintf("spec.kubernetesVersion %s: the cluster-autoscaler add-on %s supports Kubernetes below %s only, and IBM says not to update the master while it is installed; disable the add-on first (ibmcloud ks cluster addon disable cluster-autoscaler --cluster CLUSTER, and spec.operations.autoscaler.enabled: false in OLD and NEW), or wait for an add-on version that supports %s (ibmcloud ks cluster addon versions)", n.Spec.KubernetesVersion, a.Version, a.BelowKube, n.Spec.KubernetesVersion))
		}
	}
	if len(o.Spec.WorkerPools) > 0 && len(n.Spec.WorkerPools) > 0 && o.Spec.WorkerPools[0].Name != n.Spec.WorkerPools[0].Name {
		why = append(why, fmt.Sprintf("spec.workerPools[0]: a design's first pool is the pool IKS creates with the cluster and names \"default\" (OLD's %q); NEW makes %q the first pool, which would need that pool replaced, and a cluster keeps its default pool; keep %q first in NEW and add the new pool after it (the change runbook then creates it, and removes or resizes the others)", o.Spec.WorkerPools[0].Name, n.Spec.WorkerPools[0].Name, o.Spec.WorkerPools[0].Name))
	}
	for _, p := range n.Spec.WorkerPools {
		if op := findPool(o, p.Name); op != nil && op.OperatingSystem != p.OperatingSystem && o.Spec.IsClassic() {
			why = append(why, fmt.Sprintf("spec.workerPools[%s].operatingSystem: on classic, worker update reimages a worker in place; this change runbook automates OS changes on VPC only (worker replace --update)", p.Name))
		}
	}
	if len(why) > 0 {
		return &Refusal{Reasons: why}
	}
	return nil
}

func versionBelow(v, limit string) bool {
	a, okA := minorOf(v)
	b, okB := minorOf(limit)
	return okA && okB && a < b
}

func minorOf(v string) (int, bool) {
	maj, mi, ok := strings.Cut(v, ".")
	if !ok || maj != "1" {
		return 0, false
	}
	n, err := strconv.Atoi(mi)
	return n, err == nil
}

// iksPool is the pool's name in IKS: the design's first pool is the one
// IKS creates with the cluster, always named "default" (render/runbook
// does the same: https://cloud.ibm.com/docs/containers?topic=containers-add-workers-vpc).
func iksPool(d *model.Design, name string) string {
	if len(d.Spec.WorkerPools) > 0 && d.Spec.WorkerPools[0].Name == name {
		return "default"
	}
	return name
}

func findPool(d *model.Design, name string) *model.WorkerPool {
	for i := range d.Spec.WorkerPools {
		if d.Spec.WorkerPools[i].Name == name {
			return &d.Spec.WorkerPools[i]
		}
	}
	return nil
}

// script builds the runbook text. Every design value enters it once, in
// the variables block, shell-quoted with mvdan.cc/sh (view.ShellQuote);
// commands use only "$VARIABLE" references to them.
type script struct {
	strings.Builder
	vars  []string
	named map[string]string
	// beside: NEW's runbook.sh is in the script's own directory.
	beside bool
}

func (b *script) line(s string) { b.WriteString(s + "\n") }

// v names a design value: the first use of a value under a prefix gets a
// variable (POOL_1, ZONE_2), later uses the same one.
func (b *script) v(prefix, value string) string {
	if b.named == nil {
		b.named = map[string]string{}
	}
	key := prefix + "\x00" + value
	if n, ok := b.named[key]; ok {
		return `"$` + n + `"`
	}
	n := fmt.Sprintf("%s_%d", prefix, len(b.vars)+1)
	q, err := view.ShellQuote(value)
	if err != nil {
		panic(err) // design validation rejects NUL, the only unquotable byte
	}
	b.vars = append(b.vars, n+"="+q)
	b.named[key] = n
	return `"$` + n + `"`
}

// String puts the variables block after the header's first part.
func (b *script) String() string {
	body := b.Builder.String()
	head, rest, _ := strings.Cut(body, "# @vars\n")
	return head + strings.Join(b.vars, "\n") + "\n" + rest
}

func (b *script) header(o, n *model.Design) {
	b.line("#!/usr/bin/env bash")
	b.line("# Change runbook generated by iksplan: takes the cluster built from OLD to NEW.")
	b.line("# Idempotent: every step checks the cluster first, so a rerun makes no change.")
	b.line("# Order (IBM): resize, additions (NEW's runbook), pool removal after a drain")
	b.line("# through the PDBs, zone removal, then master update and worker replacement,")
	b.line("# one worker per zone at a time.")
	b.line("set -euo pipefail")
	b.line("# @vars")
	b.line("CLUSTER=" + quote(o.Metadata.Name))
	b.line(`POLL_SECONDS="${RUNBOOK_POLL_SECONDS:-30}"`)
	b.line(`MAX_POLLS="${RUNBOOK_MAX_POLLS:-120}"`)
	b.line(`for t in ibmcloud jq kubectl; do command -v "$t" >/dev/null || { echo "change runbook: $t is not installed" >&2; exit 1; }; done`)
	b.line(`pool_json() { ibmcloud ks worker-pool get --cluster "$CLUSTER" --worker-pool "$1" --output json; }`)
	b.line(`has_pool() { ibmcloud ks worker-pool ls --cluster "$CLUSTER" --output json | jq -e --arg p "$1" 'any(.[]; (.poolName // .name) == $p)' >/dev/null; }`)
	b.line(`has_zone() { pool_json "$1" | jq -e --arg z "$2" 'any(.zones[]; .id == $z)' >/dev/null; }`)
	b.line(`pool_size() { pool_json "$1" | jq -r '.sizePerZone // .workerCount'; }`)
	b.line(`# drain cordons the nodes a label selector picks and evicts their pods`)
	b.line(`# through the eviction API, so PodDisruptionBudgets are honoured.`)
	b.line(`drain() {`)
	b.line(`  local node`)
	b.line(`  for node in $(kubectl get nodes -l "$1" -o jsonpath='{.items[*].metadata.name}'); do`)
	b.line(`    kubectl cordon "$node"`)
	b.line(`    kubectl drain "$node" --ignore-daemonsets --delete-emptydir-data --timeout=600s`)
	b.line(`  done`)
	b.line(`}`)
	b.line(`master_minor() { ibmcloud ks cluster get --cluster "$CLUSTER" --output json | jq -r '.masterKubeVersion' | cut -d. -f1,2; }`)
	b.line(`master_at() { [ "$(master_minor)" = "$1" ]; }`)
	b.line(`master_ready() { ibmcloud ks cluster get --cluster "$CLUSTER" --output json | jq -e '(.lifecycle.masterStatus // .masterStatus) == "Ready"' >/dev/null; }`)
	b.line(`wait_for() {`)
	b.line(`  local what="$1" i; shift`)
	b.line(`  for ((i = 0; i < MAX_POLLS; i++)); do "$@" && return 0; sleep "$POLL_SECONDS"; done`)
	b.line(`  echo "change runbook: gave up waiting for $what" >&2; exit 1`)
	b.line(`}`)
	b.line(`# outdated prints one worker of pool $1 in zone $2 that is not at Kubernetes`)
	b.line(`# $3 or not on operating system $4 (VPC reports it), and nothing when none is.`)
	b.line(`# kubeVersion is an object on VPC (v2: .actual) and a string on classic (v1).`)
	b.line(`outdated() {`)
	b.line(`  ibmcloud ks workers --cluster "$CLUSTER" --worker-pool "$1" --output json | jq -r --arg z "$2" --arg v "$3" --arg os "$4" \`)
	b.line(`    '[.[] | select(.location == $z) | select(((.kubeVersion | if type == "object" then .actual else . end) // "" | startswith($v + ".") | not) or ((.lifecycle.actualOperatingSystem // $os) != $os))] | first | .id // empty'`)
	b.line(`}`)
	b.line(`# zone_normal: every worker of pool $1 in zone $2 is normal, and there are $3.`)
	b.line(`zone_normal() {`)
	b.line(`  ibmcloud ks workers --cluster "$CLUSTER" --worker-pool "$1" --output json | jq -e --arg z "$2" --argjson n "$3" \`)
	b.line(`    '[.[] | select(.location == $z)] | length == $n and all(.[]; (.health.state // .state) == "normal")' >/dev/null`)
	b.line(`}`)
	b.line(`ibmcloud ks cluster get --cluster "$CLUSTER" --output json >/dev/null`)
}

func quote(s string) string {
	q, err := view.ShellQuote(s)
	if err != nil {
		panic(err)
	}
	return q
}

// resize: pools in both designs whose size changed, except pools the
// autoscaler owns (IBM: do not resize an autoscaled pool).
func (b *script) resize(o, n *model.Design) {
	b.line("\n# 1. Resize (worker-pool resize, in place).")
	auto := map[string]bool{}
	if n.Spec.Operations.Autoscaler.Enabled {
		for _, p := range n.Spec.Operations.Autoscaler.Pools {
			auto[p.Pool] = true
		}
	}
	for _, p := range n.Spec.WorkerPools {
		op := findPool(o, p.Name)
		if op == nil || op.WorkersPerZone == p.WorkersPerZone {
			continue
		}
		if auto[p.Name] {
			b.line("# " + model.Escape(p.Name) + ": the cluster autoscaler owns its size; not resized.")
			continue
		}
		pool, size := b.v("POOL", iksPool(n, p.Name)), b.v("SIZE", strconv.Itoa(p.WorkersPerZone))
		b.line(fmt.Sprintf(`if [ "$(pool_size %s)" != %s ]; then`, pool, size))
		b.line(fmt.Sprintf(`  ibmcloud ks worker-pool resize --cluster "$CLUSTER" --worker-pool %s --size-per-zone %s`, pool, size))
		b.line("fi")
	}
}

// additions hands what NEW adds to NEW's own runbook, which creates what
// is missing and leaves what exists.
func (b *script) additions() {
	b.line("\n# 2. Additions: new pools, zones, add-ons and settings come from NEW's own")
	b.line("#    runbook (iksplan render NEW.yaml -o out; bash out/runbook.sh), which")
	b.line("#    creates only what is missing. Set NEW_RUNBOOK to its path to run it here.")
	if b.beside {
		b.line(`case "${BASH_SOURCE[0]}" in */*) here="${BASH_SOURCE[0]%/*}" ;; *) here=. ;; esac`)
		b.line(`NEW_RUNBOOK="${NEW_RUNBOOK:-$here/runbook.sh}"`)
	}
	b.line(`if [ -n "${NEW_RUNBOOK:-}" ]; then bash "$NEW_RUNBOOK"; else echo "change runbook: run NEW's runbook.sh now for the additions, then rerun this script" >&2; fi`)
}

func (b *script) removePools(o, n *model.Design) {
	b.line("\n# 3. Pools NEW drops: drain through the PDBs, then worker-pool rm.")
	for _, p := range o.Spec.WorkerPools {
		if findPool(n, p.Name) != nil {
			continue
		}
		pool := b.v("POOL", iksPool(o, p.Name))
		b.line(fmt.Sprintf(`if has_pool %s; then`, pool))
		b.line(fmt.Sprintf(`  drain "ibm-cloud.kubernetes.io/worker-pool-name=$%s"`, strings.Trim(pool, `"$`)))
		b.line(fmt.Sprintf(`  ibmcloud ks worker-pool rm --cluster "$CLUSTER" --worker-pool %s -f`, pool))
		b.line("fi")
	}
}

func (b *script) removeZones(o, n *model.Design) {
	b.line("\n# 4. Zones NEW drops: drain each pool's workers there, then zone rm.")
	keep := map[string]bool{}
	for _, z := range n.Spec.Zones {
		keep[z] = true
	}
	for _, z := range o.Spec.Zones {
		if keep[z] {
			continue
		}
		zone := b.v("ZONE", z)
		for _, p := range n.Spec.WorkerPools {
			if findPool(o, p.Name) == nil {
				continue
			}
			pool := b.v("POOL", iksPool(n, p.Name))
			b.line(fmt.Sprintf(`if has_zone %s %s; then`, pool, zone))
			b.line(fmt.Sprintf(`  drain "ibm-cloud.kubernetes.io/worker-pool-name=$%s,topology.kubernetes.io/zone=$%s"`, strings.Trim(pool, `"$`), strings.Trim(zone, `"$`)))
			b.line(fmt.Sprintf(`  ibmcloud ks zone rm --cluster "$CLUSTER" --worker-pool %s --zone %s -f`, pool, zone))
			b.line("fi")
		}
		b.leftInZone(o, z)
	}
}

// leftInZone says what stays in a VPC zone the cluster left: the subnet
// and public gateway OLD's runbook created there. The change runbook does
// not delete them: the Ingress load balancer, VPE gateways or other
// resources may still be attached, and IBM refuses to delete a subnet
// that is in use (VPC API: a subnet with attached resources cannot be
// deleted).
func (b *script) leftInZone(o *model.Design, z string) {
	if !o.Spec.IsVPC() || o.Spec.Network.VPC == nil || o.Spec.Network.VPC.SubnetFor(z).SubnetID != "" {
		return
	}
	subnet := b.v("SUBNET", view.NewSubnetName(o, z))
	msg := fmt.Sprintf(`echo "change runbook: the cluster left zone $%s; its subnet $%s`, strings.Trim(b.v("ZONE", z), `"$`), strings.Trim(subnet, `"$`))
	if o.Spec.Network.VPC.PublicGateway {
		pgw := b.v("PGW", view.NewGatewayName(o, z))
		msg += fmt.Sprintf(` and public gateway $%s stay; delete them once nothing is attached (ibmcloud is subnet-delete $%s; ibmcloud is public-gateway-delete $%s)"`, strings.Trim(pgw, `"$`), strings.Trim(subnet, `"$`), strings.Trim(pgw, `"$`))
	} else {
		msg += fmt.Sprintf(` stays; delete it once nothing is attached (ibmcloud is subnet-delete $%s)"`, strings.Trim(subnet, `"$`))
	}
	b.line(msg)
}

// upgrade: the master one minor at a time, each followed by replacing the
// workers (VPC worker replace --update), one worker per zone at a time,
// waiting for the zone to be whole and normal before the next. A changed
// pool OS rides the same replacement (worker-pool operating-system set
// first; replace --update applies it, CLI v1.0.756).
func (b *script) upgrade(o, n *model.Design) error {
	b.line("\n# 5. Master update, then worker replacement pool by pool, one worker per zone at a time.")
	from, okF := minorOf(o.Spec.KubernetesVersion)
	to, okT := minorOf(n.Spec.KubernetesVersion)
	if !okF || !okT {
		return fmt.Errorf("kubernetesVersion %q → %q: not major.minor", o.Spec.KubernetesVersion, n.Spec.KubernetesVersion)
	}
	steps := []int{}
	for m := from + 1; m <= to; m++ {
		steps = append(steps, m)
	}
	osChanged := false
	for _, p := range n.Spec.WorkerPools {
		if op := findPool(o, p.Name); op != nil && op.OperatingSystem != p.OperatingSystem {
			osChanged = true
			pool, os := b.v("POOL", iksPool(n, p.Name)), b.v("OS", string(p.OperatingSystem))
			b.line(fmt.Sprintf(`if [ "$(pool_json %s | jq -r .operatingSystem)" != %s ]; then`, pool, os))
			b.line(fmt.Sprintf(`  ibmcloud ks worker-pool operating-system set --cluster "$CLUSTER" --worker-pool %s --operating-system %s`, pool, os))
			b.line("fi")
		}
	}
	if len(steps) == 0 && osChanged {
		steps = append(steps, to) // replace at the current version
	}
	for _, m := range steps {
		ver := b.v("VERSION", fmt.Sprintf("1.%d", m))
		if m > from {
			b.line(fmt.Sprintf(`if [ "$(master_minor)" != %s ]; then`, ver))
			b.line(fmt.Sprintf(`  ibmcloud ks cluster master update --cluster "$CLUSTER" --version %s -f`, ver))
			b.line("fi")
			b.line(fmt.Sprintf(`wait_for "the master at $%s" master_at %s`, strings.Trim(ver, `"$`), ver))
			b.line(`wait_for "the master to be Ready" master_ready`)
		}
		zones := append([]string(nil), n.Spec.Zones...)
		sort.Strings(zones)
		for _, p := range n.Spec.WorkerPools {
			if findPool(o, p.Name) == nil {
				continue // NEW's runbook created it at the new version
			}
			pool, os := b.v("POOL", iksPool(n, p.Name)), b.v("OS", string(p.OperatingSystem))
			size := b.v("SIZE", strconv.Itoa(p.WorkersPerZone))
			for _, z := range zones {
				zone := b.v("ZONE", z)
				// Not `while w="$(outdated …)"`: a failing check there ends the
				// loop as if every worker were current; here set -e stops.
				b.line(`while :; do`)
				b.line(fmt.Sprintf(`  w="$(outdated %s %s %s %s)"`, pool, zone, ver, os))
				b.line(`  [ -n "$w" ] || break`)
				if n.Spec.IsClassic() {
					// Classic workers are reimaged in place (worker update).
					b.line(`  ibmcloud ks worker update --cluster "$CLUSTER" --worker "$w" -f`)
				} else {
					b.line(`  ibmcloud ks worker replace --cluster "$CLUSTER" --worker "$w" --update -f`)
				}
				b.line(fmt.Sprintf(`  wait_for "pool $%s in $%s to be whole again" zone_normal %s %s %s`, strings.Trim(pool, `"$`), strings.Trim(zone, `"$`), pool, zone, size))
				b.line("done")
			}
		}
	}
	return nil
}
