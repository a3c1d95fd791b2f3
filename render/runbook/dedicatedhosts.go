package runbook

import (
	"fmt"
	"strconv"

	"github.com/iksplan/iksplan/render/view"
)

// Dedicated hosts for VPC pools with isolation dedicated. IBM's workflow
// (cluster-create-dedicated-hosts, 2026-02-25; dedicated-hosts): create a
// host pool of one flavor class in the region's metro (`ks dedicated pool
// create --flavor-class --metro --name`), create hosts in every zone of the
// workers (`ks dedicated host create --flavor --pool --zone`; wait until
// they leave create_pending for created), then create the cluster or pool
// with `--dedicated-host-pool`. The JSON read here is the containers API's
// as bluemix-go types it (api/container/containerv2): GET
// /v2/getDedicatedHostPools is a bare array of GetDedicatedHostPoolResponse
// {id, name, flavorClass, metro, state, hostCount, zones, workerPools}, and
// GET /v2/getDedicatedHosts?dedicatedhostpool=ID a bare array of
// GetDedicatedHostResponse {id, flavor, zone, placementEnabled,
// lifecycle{actualState, desiredState, …}, resources, workers}. INFERRED:
// that `--output json` prints those bodies unchanged (as for the other ks
// list commands), and that lifecycle.actualState carries the "created"
// state the CLI's State column shows.

// jqHostPoolNamed holds when a host pool (`ks dedicated pool ls --output
// json`) is named $v.
const jqHostPoolNamed = `any(.[]?; .name == env.JQ_V)`

// jqHostPoolID is the ID of the host pool named $v.
const jqHostPoolID = `first(.[]? | select(.name == env.JQ_V) | .id) // empty`

// jqHostsInZone holds when the host pool has at least %d hosts in zone $v.
const jqHostsInZone = `[.[]? | select(.zone == env.JQ_V)] | length >= %d`

// jqHostsCreated holds when every host of the pool has left create_pending.
const jqHostsCreated = `length > 0 and all(.[]; (.lifecycle.actualState // "") == "created")`

// hostsReadyMinutes bounds the wait for new hosts; IBM says "wait a few
// minutes" (cluster-create-dedicated-hosts).
const hostsReadyMinutes = 30

// hostPoolIDName is the variable with host pool n's ID (n counts from 1).
func hostPoolIDName(n int) string { return fmt.Sprintf("HOST_POOL_%d_ID", n) }

// dedicatedHosts makes sure every dedicated host pool exists with its hosts
// in every zone, and reads each pool's ID for `--dedicated-host-pool`.
func (b *builder) dedicatedHosts() {
	bd := b.cur
	for n, hp := range b.c.HostPools() {
		k := n + 1
		p := b.s.WorkerPools[hp.Pool]
		bd.blank()
		bd.comment("Pool %s on dedicated hosts: a host pool of class %s in metro %s, %d × %s per zone",
			p.Name, hp.Flavor.FlavorClass, hp.Metro, hp.PerZone, hp.Flavor.Name)
		bd.comment("(%d vCPU / %d GiB each; a host runs only %s.* workers).", hp.Flavor.VCPU, hp.Flavor.MemoryGiB, hp.Flavor.FlavorClass)
		name := b.val(fmt.Sprintf("HOST_POOL_%d_NAME", k), hp.Name, hPools, b.text("dedicated host pool of pool ", textArg(p.Name)))
		class := b.val(fmt.Sprintf("HOST_POOL_%d_CLASS", k), hp.Flavor.FlavorClass, hPools, "flavor class: the workers' class (fixed at create)")
		metro := b.val(fmt.Sprintf("HOST_POOL_%d_METRO", k), hp.Metro, hPools, "metro of the region's zones")
		flavor := b.val(fmt.Sprintf("HOST_POOL_%d_FLAVOR", k), hp.Flavor.Name, hPools, "dedicated host flavor")
		list := cmd("ibmcloud", "ks", "dedicated", "pool", "ls", "--output", "json")
		bd.ifElse(when("json_has", cmd(jqHostPoolNamed, name, list)...), func() {
			bd.say("dedicated host pool ", varRef(fmt.Sprintf("HOST_POOL_%d_NAME", k)), " already there")
		}, func() {
			bd.run(cmd("ibmcloud", "ks", "dedicated", "pool", "create", "--name", name, "--flavor-class", class, "--metro", metro)...)
		})
		b.readBack("capture", hostPoolIDName(k), view.StepInfrastructure, "ID of the dedicated host pool",
			cmd(cat("<id of dedicated host pool ", varRef(fmt.Sprintf("HOST_POOL_%d_NAME", k)), ">"), jqHostPoolID, name, list)...)
		id := ref(hostPoolIDName(k))
		hosts := cmd("ibmcloud", "ks", "dedicated", "host", "ls", "--pool", id, "--output", "json")
		for z := range b.s.Zones {
			// One guarded create per host: a rerun creates only what is
			// missing, and IBM lists a new host at once (create_pending).
			for h := 1; h <= hp.PerZone; h++ {
				bd.ifNot(when("json_has", cmd(fmt.Sprintf(jqHostsInZone, h), b.zone(z), hosts)...), func() {
					bd.run(cmd("ibmcloud", "ks", "dedicated", "host", "create", "--flavor", flavor, "--pool", id, "--zone", b.zone(z))...)
				})
			}
		}
		bd.call("wait_for", cmd(bd.msg("the hosts of ", varRef(fmt.Sprintf("HOST_POOL_%d_NAME", k)), " to be created"),
			strconv.Itoa(hostsReadyMinutes), jqHostsCreated, "", hosts)...)
	}
}

// hostPoolFlags is `--dedicated-host-pool ID` for pool i on dedicated hosts.
func (b *builder) hostPoolFlags(i int) []word {
	for n, hp := range b.c.HostPools() {
		if hp.Pool == i {
			return []word{lit("--dedicated-host-pool"), b.later(hostPoolIDName(n+1), view.StepInfrastructure, "ID of the dedicated host pool")}
		}
	}
	return nil
}
