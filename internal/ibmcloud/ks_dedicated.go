package ibmcloud

import (
	"fmt"
	"slices"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Dedicated hosts for VPC clusters. Commands and flags: IBM's
// dedicated-hosts and cluster-create-dedicated-hosts pages (`ks dedicated
// pool create --flavor-class --metro --name`, `ks dedicated pool ls|get
// --pool`, `ks dedicated host create --flavor --pool --zone`, `ks dedicated
// host ls --pool`, `ks dedicated host get --pool --host`). JSON: bluemix-go
// api/container/containerv2 dedicated_host_pool.go
// (GetDedicatedHostPoolResponse; GET /v2/getDedicatedHostPools is a bare
// array) and dedicated_host.go (GetDedicatedHostResponse; GET
// /v2/getDedicatedHosts?dedicatedhostpool=ID is a bare array). The error
// texts for a full or missing host come from IBM's troubleshooting page
// ts-worker-dedicated ("Insufficient dedicated hosts available in zone
// 'us-south-3'.", "Dedicated host has insufficient capacity"); IBM shows
// them when workers are provisioned, the double at the command that orders
// them. The other error texts are the double's own (INFERRED wording).
const srcDedicated = "https://cloud.ibm.com/docs/containers?topic=containers-cluster-create-dedicated-hosts"

// HostPool is a dedicated host pool of the account.
type HostPool struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	FlavorClass string  `json:"flavorClass"`
	Metro       string  `json:"metro"`
	Hosts       []*Host `json:"hosts"`
}

// Host is one dedicated host; Reads is 1 once it has been listed, so a new
// host shows create_pending once, then created. It stops at 1: a count of
// listings would make the end state depend on how often a run polled, and a
// rerun after a fault would never equal a fresh run (IBM: "If the dedicated host is in the
// create_pending state, wait a few minutes for it to reach the created
// state").
type Host struct {
	ID      string       `json:"id"`
	Flavor  string       `json:"flavor"`
	Zone    string       `json:"zone"`
	Reads   int          `json:"reads"`
	Workers []HostWorker `json:"workers"`
}

// HostWorker is containerv2 DedicatedHostWorker: a worker placed on a host.
type HostWorker struct {
	ClusterID    string `json:"clusterID"`
	Flavor       string `json:"flavor"`
	WorkerID     string `json:"workerID"`
	WorkerPoolID string `json:"workerPoolID"`
}

func dedicatedSpecs() []*Spec {
	fPoolID := req("pool")
	return []*Spec{
		{Path: "ks dedicated pool create", Mutating: true, Source: srcDedicated, Run: ksHostPoolCreate,
			Flags: []Flag{req("flavor-class"), req("metro"), req("name"), fOutput, fQuiet}},
		{Path: "ks dedicated pool ls", Source: srcDedicated, Run: ksHostPoolLs, Flags: []Flag{fOutput, fQuiet}},
		{Path: "ks dedicated pool get", Source: srcDedicated, Run: ksHostPoolGet, Flags: []Flag{fPoolID, fOutput, fQuiet}},
		{Path: "ks dedicated host create", Mutating: true, Source: srcDedicated, Run: ksHostCreate,
			Flags: []Flag{req("flavor"), fPoolID, fZone, fOutput, fQuiet}},
		{Path: "ks dedicated host ls", Source: srcDedicated, Run: ksHostLs, Flags: []Flag{fPoolID, fOutput, fQuiet}},
		{Path: "ks dedicated host get", Source: srcDedicated, Run: ksHostGet, Flags: []Flag{fPoolID, req("host"), fOutput, fQuiet}},
	}
}

func (s *State) hostPool(ref string) *HostPool {
	return findPtr(s.HostPools, func(p *HostPool) bool { return p.ID == ref || p.Name == ref })
}

func knownMetro(m string) bool {
	for _, v := range cat().DedicatedHosts.Metros {
		if v == m {
			return true
		}
	}
	return false
}

func ksHostPoolCreate(c *Call) error {
	st := c.env.State
	class, metro, name := c.Get("flavor-class"), c.Get("metro"), c.Get("name")
	if st.hostPool(name) != nil {
		return failf("A dedicated host pool with the name '%s' already exists.", name)
	}
	if !slices.ContainsFunc(cat().DedicatedHosts.Items, func(h catalog.HostFlavor) bool { return h.FlavorClass == class }) {
		return failf("The flavor class '%s' is not available for dedicated hosts. To list flavors, run 'ibmcloud ks dedicated flavors --zone ZONE --provider vpc-gen2'.", class)
	}
	if !knownMetro(metro) {
		return failf("The metro '%s' is not valid.", metro)
	}
	p := &HostPool{ID: "dh_" + st.newID("hostpool", name, 0)[:20], Name: name, FlavorClass: class, Metro: metro, Hosts: []*Host{}}
	st.HostPools = append(st.HostPools, p)
	if c.Get("output") != "" {
		return printJSON(c.env.Out, map[string]string{"id": p.ID}) // CreateDedicatedHostPoolResponse
	}
	fmt.Fprintf(c.env.Out, "OK\nDedicated host pool created with ID %s\n", p.ID)
	return nil
}

// resource is containerv2 DedicatedHostResource.
type resource struct {
	MemoryBytes int64 `json:"memoryBytes"`
	VCPU        int64 `json:"vcpu"`
}

const gib = int64(1) << 30

func hostCapacity(h *Host) resource {
	f, _ := cat().HostFlavor(h.Flavor)
	return resource{MemoryBytes: int64(f.MemoryGiB) * gib, VCPU: int64(f.VCPU)}
}

func hostConsumed(h *Host) resource {
	var r resource
	for _, w := range h.Workers {
		if f, ok := cat().Flavor(model.InfraVPC, w.Flavor); ok {
			r.VCPU += int64(f.VCPU)
			r.MemoryBytes += int64(f.MemoryGiB) * gib
		}
	}
	return r
}

// hostPoolJSON is containerv2 GetDedicatedHostPoolResponse.
func hostPoolJSON(st *State, p *HostPool) map[string]any {
	zones := []map[string]any{}
	seen := map[string]int{}
	for _, h := range p.Hosts {
		i, ok := seen[h.Zone]
		if !ok {
			i = len(zones)
			seen[h.Zone] = i
			zones = append(zones, map[string]any{"zone": h.Zone, "hostCount": int64(0), "capacity": resource{}})
		}
		z := zones[i]
		z["hostCount"] = z["hostCount"].(int64) + 1
		capa := z["capacity"].(resource)
		hc := hostCapacity(h)
		z["capacity"] = resource{MemoryBytes: capa.MemoryBytes + hc.MemoryBytes, VCPU: capa.VCPU + hc.VCPU}
	}
	pools := []map[string]string{}
	for _, cl := range st.Clusters {
		for _, wp := range cl.Pools {
			if wp.HostPool == p.ID {
				pools = append(pools, map[string]string{"clusterID": cl.ID, "workerPoolID": wp.ID})
			}
		}
	}
	return map[string]any{"id": p.ID, "name": p.Name, "flavorClass": p.FlavorClass, "metro": p.Metro,
		"hostCount": int64(len(p.Hosts)), "state": "created", "workerPools": pools, "zones": zones}
}

func ksHostPoolLs(c *Call) error {
	if err := jsonOnly(c); err != nil {
		return err
	}
	st := c.env.State
	if c.Get("output") == "" {
		fmt.Fprintln(c.env.Out, "ID   Name   Metro   Flavor Class   Hosts   State")
		for _, p := range st.HostPools {
			fmt.Fprintf(c.env.Out, "%s   %s   %s   %s   %d   created\n", p.ID, p.Name, p.Metro, p.FlavorClass, len(p.Hosts))
		}
		return nil
	}
	out := []any{}
	for _, p := range st.HostPools {
		out = append(out, hostPoolJSON(st, p))
	}
	return printJSON(c.env.Out, out)
}

func (c *Call) hostPoolFlag() (*HostPool, error) {
	p := c.env.State.hostPool(c.Get("pool"))
	if p == nil {
		return nil, failf("The dedicated host pool '%s' could not be found.", c.Get("pool"))
	}
	return p, nil
}

func ksHostPoolGet(c *Call) error {
	p, err := c.hostPoolFlag()
	if err != nil {
		return err
	}
	return printJSON(c.env.Out, hostPoolJSON(c.env.State, p))
}

func ksHostCreate(c *Call) error {
	st := c.env.State
	p, err := c.hostPoolFlag()
	if err != nil {
		return err
	}
	f, ok := cat().HostFlavor(c.Get("flavor"))
	if !ok || f.FlavorClass != p.FlavorClass {
		return failf("The flavor '%s' is not a dedicated host flavor of class '%s'.", c.Get("flavor"), p.FlavorClass)
	}
	_, region, ok := cat().Zone(model.InfraVPC, c.Get("zone"))
	if m, _ := cat().HostMetro(region.Name); !ok || m != p.Metro {
		return failf("The zone '%s' is not in the metro '%s' of the dedicated host pool.", c.Get("zone"), p.Metro)
	}
	h := &Host{ID: fmt.Sprintf("%s-%s", p.ID, st.newID("host", p.ID, len(p.Hosts))[:16]), Flavor: f.Name, Zone: c.Get("zone"), Workers: []HostWorker{}}
	p.Hosts = append(p.Hosts, h)
	if c.Get("output") != "" {
		return printJSON(c.env.Out, map[string]string{"id": h.ID}) // CreateDedicatedHostResponse
	}
	fmt.Fprintf(c.env.Out, "OK\nDedicated host created with ID %s\n", h.ID)
	return nil
}

// hostJSON is containerv2 GetDedicatedHostResponse; reading a host counts
// towards it leaving create_pending.
func hostJSON(h *Host) map[string]any {
	state := "created"
	if h.Reads == 0 {
		state = "create_pending"
	}
	h.Reads = 1
	return map[string]any{"id": h.ID, "flavor": h.Flavor, "zone": h.Zone, "placementEnabled": true,
		"lifecycle": map[string]string{"actualState": state, "desiredState": "created", "message": "", "messageDate": "", "messageDetails": "", "messageDetailsDate": ""},
		"resources": map[string]resource{"capacity": hostCapacity(h), "consumed": hostConsumed(h)},
		"workers":   h.Workers}
}

func ksHostLs(c *Call) error {
	p, err := c.hostPoolFlag()
	if err != nil {
		return err
	}
	if err := jsonOnly(c); err != nil {
		return err
	}
	out := []any{}
	for _, h := range p.Hosts {
		out = append(out, hostJSON(h))
	}
	if c.Get("output") == "" {
		fmt.Fprintln(c.env.Out, "ID   Zone   Flavor   State")
		for _, h := range out {
			m := h.(map[string]any)
			fmt.Fprintf(c.env.Out, "%s   %s   %s   %s\n", m["id"], m["zone"], m["flavor"], m["lifecycle"].(map[string]string)["actualState"])
		}
		return nil
	}
	return printJSON(c.env.Out, out)
}

func ksHostGet(c *Call) error {
	p, err := c.hostPoolFlag()
	if err != nil {
		return err
	}
	for _, h := range p.Hosts {
		if h.ID == c.Get("host") {
			return printJSON(c.env.Out, hostJSON(h))
		}
	}
	return failf("The dedicated host '%s' could not be found in pool '%s'.", c.Get("host"), p.ID)
}

// hostPoolFor checks --dedicated-host-pool of a cluster or pool create:
// the host pool exists and runs the flavor's class.
func hostPoolFor(c *Call, flavor string) (*HostPool, error) {
	if !c.Has("dedicated-host-pool") {
		return nil, nil
	}
	p := c.env.State.hostPool(c.Get("dedicated-host-pool"))
	if p == nil {
		return nil, failf("The dedicated host pool '%s' could not be found.", c.Get("dedicated-host-pool"))
	}
	if class := catalog.FlavorClass(flavor); class != p.FlavorClass {
		return nil, failf("The flavor '%s' is not of the flavor class '%s' of the dedicated host pool '%s'.", flavor, p.FlavorClass, p.ID)
	}
	return p, nil
}

// placeWorkers puts n workers of flavor on the host pool's hosts in zone,
// first fit, or fails as IBM does when they do not fit.
func placeWorkers(p *HostPool, zone string, n int, flavor string, place func(i int) HostWorker) error {
	f, _ := cat().Flavor(model.InfraVPC, flavor)
	var hosts []*Host
	for _, h := range p.Hosts {
		if h.Zone == zone {
			hosts = append(hosts, h)
		}
	}
	if len(hosts) == 0 {
		return failf("Insufficient dedicated hosts available in zone '%s'.", zone)
	}
	free := func(h *Host) bool {
		c, u := hostCapacity(h), hostConsumed(h)
		return c.VCPU-u.VCPU >= int64(f.VCPU) && c.MemoryBytes-u.MemoryBytes >= int64(f.MemoryGiB)*gib
	}
	// Check first, then place: a failed order places nothing.
	fits := 0
	for _, h := range hosts {
		c, u := hostCapacity(h), hostConsumed(h)
		fits += int(min((c.VCPU-u.VCPU)/int64(max(f.VCPU, 1)), (c.MemoryBytes-u.MemoryBytes)/(int64(max(f.MemoryGiB, 1))*gib)))
	}
	if fits < n {
		return failf("Dedicated host has insufficient capacity")
	}
	if place == nil {
		return nil
	}
	for i := 0; i < n; i++ {
		for _, h := range hosts {
			if free(h) {
				h.Workers = append(h.Workers, place(i))
				break
			}
		}
	}
	return nil
}

// placeZone places the workers of pool wp's zone z on its host pool.
func placeZone(st *State, cl *Cluster, wp *Pool, z *PoolZone) error {
	if wp.HostPool == "" {
		return nil
	}
	p := st.hostPool(wp.HostPool)
	if p == nil {
		return failf("The dedicated host pool '%s' could not be found.", wp.HostPool)
	}
	return placeWorkers(p, z.ID, len(z.Workers), wp.Flavor, func(i int) HostWorker {
		return HostWorker{ClusterID: cl.ID, Flavor: wp.Flavor, WorkerID: z.Workers[i].ID, WorkerPoolID: wp.ID}
	})
}

// hostPoolZoneCheck fails before a zone is added when the host pool cannot
// take the pool's workers there.
func hostPoolZoneCheck(st *State, wp *Pool, zone string) error {
	if wp.HostPool == "" {
		return nil
	}
	p := st.hostPool(wp.HostPool)
	if p == nil {
		return failf("The dedicated host pool '%s' could not be found.", wp.HostPool)
	}
	return placeWorkers(p, zone, wp.SizePerZone, wp.Flavor, nil)
}
