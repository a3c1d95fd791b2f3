package ibmcloud

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Cluster lifecycle (containers docs "Cluster states", 2026-07-27, and
// "Worker node states"): a new cluster is deploying while its master is
// built, pending while the master is deployed and workers are still being
// provisioned, and normal once every worker is ready. The double advances
// it by reads (polls), not by wall time, so rehearsal waits are instant.
// https://cloud.ibm.com/docs/containers?topic=containers-cluster-states-reference

// advance moves c one poll on and registers the workers that became ready.
func advance(env *Env, c *Cluster) error {
	c.Polls++
	return registerReady(env, c)
}

func (c *Cluster) masterReady(cfg Config) bool {
	return !cfg.NeverNormal && c.Polls >= c.MasterReady
}

func (c *Cluster) workerReady(cfg Config, w Worker) bool {
	return c.masterReady(cfg) && c.Polls >= w.OrderedAt+cfg.WorkerPolls
}

// state is the cluster's `state`, lower-case as IBM's JSON has it.
func (c *Cluster) state(cfg Config) string {
	if !c.masterReady(cfg) {
		return "deploying"
	}
	for _, p := range c.Pools {
		for _, z := range p.Zones {
			for _, w := range z.Workers {
				if !c.workerReady(cfg, w) {
					return "pending"
				}
			}
		}
	}
	return "normal"
}

func (c *Cluster) workerCount() int {
	n := 0
	for _, p := range c.Pools {
		for _, z := range p.Zones {
			n += len(z.Workers)
		}
	}
	return n
}

func (c *Cluster) zones() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range c.Pools {
		for _, z := range p.Zones {
			if !seen[z.ID] {
				seen[z.ID] = true
				out = append(out, z.ID)
			}
		}
	}
	return out
}

// masterFields are masterStatus, masterState and masterHealth: "Deploy in
// progress." / deploying while built (a real 2021 VPC capture), "Refresh in
// progress…" / updating during a refresh (containers docs), Ready /
// deployed / normal otherwise.
func (c *Cluster) masterFields(cfg Config) (status, state, health string) {
	switch {
	case !c.masterReady(cfg):
		return "Deploy in progress.", "deploying", ""
	case c.Polls < c.MasterBusyUntil:
		return c.MasterOp + " in progress.", "updating", "normal"
	}
	return "Ready", "deployed", "normal"
}

func cat() *catalog.Catalog { return catalog.Default() }

// checkVersion accepts major.minor (IKS picks the newest patch) of a
// version IKS offers today.
func checkVersion(v string) (string, error) {
	if v == "" {
		d, ok := cat().DefaultVersion()
		if !ok {
			return "", failf("no default Kubernetes version")
		}
		return d.Version, nil
	}
	mm := v
	if parts := strings.Split(v, "."); len(parts) > 2 {
		mm = parts[0] + "." + parts[1]
	}
	x, ok := cat().Version(mm)
	if !ok || x.Status == catalog.VersionUnsupported {
		return "", failf("The version '%s' is not a valid Kubernetes version. To list available versions, run 'ibmcloud ks versions'.", v)
	}
	return mm, nil
}

func checkFlavor(infra model.Infrastructure, name, zone string) (catalog.Flavor, error) {
	f, ok := cat().Flavor(infra, name)
	if !ok {
		return f, failf("The flavor '%s' is not available in zone '%s'. To list available flavors, run 'ibmcloud ks flavor ls --zone %s'.", name, zone, zone)
	}
	return f, nil
}

func checkZone(infra model.Infrastructure, zone string) (catalog.Region, error) {
	_, r, ok := cat().Zone(infra, zone)
	if !ok {
		return r, failf("The zone '%s' is not valid for the provider. To list available zones, run 'ibmcloud ks zone ls --provider %s'.", zone, providerOf(infra))
	}
	return r, nil
}

func providerOf(infra model.Infrastructure) string {
	if infra == model.InfraClassic {
		return "classic"
	}
	return "vpc-gen2"
}

func checkOS(os, version string) (string, error) {
	if os == "" {
		return string(model.OSUbuntu24), nil
	}
	for _, o := range cat().OperatingSystems.Items {
		if string(o.Name) == os {
			for _, v := range o.Versions {
				if v == version {
					return os, nil
				}
			}
		}
	}
	return "", failf("The operating system '%s' is not supported for Kubernetes version %s.", os, version)
}

func positiveInt(flag, v string, def int) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &UsageError{fmt.Sprintf("Incorrect Usage. The value '%s' of '--%s' must be a positive whole number.", v, flag)}
	}
	return n, nil
}

// newCluster is shared by both create commands.
func newCluster(c *Call, provider string, infra model.Infrastructure) (*Cluster, *Pool, error) {
	st := c.env.State
	name := c.Get("name")
	if st.cluster(name) != nil {
		// Cluster names are unique in a region: NOT FOUND in IBM's text,
		// INFERRED (ibm-api-shapes.md B.2); the double refuses duplicates.
		return nil, nil, failf("A cluster with the name '%s' already exists. Choose another name.", name)
	}
	region, err := checkZone(infra, c.Get("zone"))
	if err != nil {
		return nil, nil, err
	}
	version, err := checkVersion(c.Get("version"))
	if err != nil {
		return nil, nil, err
	}
	flavor := c.Get("flavor")
	if flavor == "" {
		return nil, nil, failf("The '--flavor' flag is required for a standard cluster.")
	}
	if _, err := checkFlavor(infra, flavor, c.Get("zone")); err != nil {
		return nil, nil, err
	}
	workers, err := positiveInt("workers", c.Get("workers"), 1)
	if err != nil {
		return nil, nil, err
	}
	os, err := checkOS(c.Get("operating-system"), version)
	if err != nil {
		return nil, nil, err
	}
	id := st.newID("cluster", name, 0)[:20]
	cl := &Cluster{
		ID: id, Name: name, Provider: provider, Region: region.Name, Version: version,
		ResourceGroup: st.Session.ResourceGroup, Created: st.Seq,
		MasterReady: c.env.Config.MasterPolls, ALBAutoUpdate: true,
	}
	// IKS creates the cluster's first pool as "default"
	// (https://cloud.ibm.com/docs/containers?topic=containers-add-workers-vpc).
	pool := &Pool{ID: id + "-" + st.newID("pool", name+"/default", 0)[:7], Name: "default", Flavor: flavor, SizePerZone: workers, OS: os}
	cl.Pools = []*Pool{pool}
	if crn := c.Get("sm-instance"); crn != "" {
		in, err := registration(st, cl, crn)
		if err != nil {
			return nil, nil, err
		}
		cl.IngressInstances = append(cl.IngressInstances, in)
	}
	return cl, pool, nil
}

// registration is the Ingress registration `cluster create --sm-instance
// CRN` makes (CLI26: --sm-instance is the CRN of a Secrets Manager
// instance for Ingress secrets). The register request carries no name
// (bluemix-go containerv2 InstanceRegisterConfig: cluster, crn, isDefault,
// secretGroupID) and terraform-provider-ibm's ibm_container_ingress_instance
// has instance_name "computed": IKS names the registration. The name
// kube-<cluster ID> is INFERRED from bluemix-go's getInstances test
// response (a secrets-manager instance named kube-<cluster ID>); it is
// not the resource instance's name, so a runbook must find the
// registration by its CRN. Registration at create does not make the
// instance the default (IBM containers secrets-mgr, as the runbook cites).
func registration(st *State, cl *Cluster, crn string) (IngressInstance, error) {
	for _, x := range st.instancesNamed(crn) {
		if x.Service == "secrets-manager" && x.crn() == crn {
			return IngressInstance{Name: "kube-" + cl.ID, CRN: crn}, nil
		}
	}
	return IngressInstance{}, failf("The Secrets Manager instance '%s' was not found.", crn)
}

func ksCreateVPC(c *Call) error {
	st := c.env.State
	vpc := st.vpc(c.Get("vpc-id"))
	if vpc == nil {
		return failf("The VPC ID '%s' was not found. To list VPCs, run 'ibmcloud is vpcs'.", c.Get("vpc-id"))
	}
	sn := st.subnet(c.Get("subnet-id"), vpc.ID)
	if sn == nil {
		return failf("The subnet ID '%s' was not found in VPC '%s'.", c.Get("subnet-id"), vpc.ID)
	}
	if sn.Zone != c.Get("zone") {
		return failf("The subnet '%s' is in zone '%s', not in '%s'.", sn.ID, sn.Zone, c.Get("zone"))
	}
	hp, err := hostPoolFor(c, c.Get("flavor"))
	if err != nil {
		return err
	}
	cl, pool, err := newCluster(c, "vpc-gen2", model.InfraVPC)
	if err != nil {
		return err
	}
	if hp != nil {
		pool.HostPool = hp.ID
		if err := hostPoolZoneCheck(st, pool, c.Get("zone")); err != nil {
			return err
		}
	}
	cl.VPC = vpc.ID
	pool.VolumeKMS = volumeKMS(c)
	cl.PrivateSE = true
	cl.PublicSE = !c.Has("disable-public-service-endpoint")
	// Secure by Default (1.30+): outbound traffic protection is on unless
	// --disable-outbound-traffic-protection.
	// https://cloud.ibm.com/docs/containers?topic=containers-vpc-security-group-manage
	cl.OutboundProtection = !c.Has("disable-outbound-traffic-protection")
	// VPC Block Storage is an add-on that is on by default
	// (https://cloud.ibm.com/docs/containers?topic=containers-vpc-block).
	cl.Addons = []Addon{{Name: "vpc-block-csi-driver", Version: "5.2"}}
	addZone(st, cl, pool, c.Get("zone"), func(z *PoolZone) { z.SubnetID = sn.ID })
	if err := placeZone(st, cl, pool, pool.zone(c.Get("zone"))); err != nil {
		return err
	}
	st.Clusters = append(st.Clusters, cl)
	fmt.Fprintf(c.env.Out, "Creating cluster...\nOK\nCluster created with ID %s\n", cl.ID)
	return nil
}

func ksCreateClassic(c *Call) error {
	st := c.env.State
	hw := c.Get("hardware")
	if hw == "" {
		hw = "shared"
	}
	if hw != "shared" && hw != "dedicated" {
		return &UsageError{fmt.Sprintf("Incorrect Usage. The value '%s' of '--hardware' must be 'shared' or 'dedicated'.", hw)}
	}
	if f, ok := cat().Flavor(model.InfraClassic, c.Get("flavor")); ok && isBareMetal(f) && hw != "dedicated" {
		// Bare metal is single-tenant: ordered with --hardware dedicated
		// (classic flavors docs, as the catalog notes).
		return failf("The bare metal flavor '%s' requires '--hardware dedicated'.", f.Name)
	}
	if c.Has("private-only") && c.Has("public-vlan") {
		return &UsageError{"Incorrect Usage. '--private-only' cannot be used with '--public-vlan'."}
	}
	if (c.Has("private-service-endpoint") || c.Has("public-service-endpoint")) && !(st.Account.VRFEnabled && st.Account.ServiceEndpointEnabled) {
		// Private cloud service endpoints need VRF and service endpoints
		// on the account (https://cloud.ibm.com/docs/containers?topic=containers-plan_basics#workeruser-master).
		return failf("The account is not enabled for VRF and service endpoints.")
	}
	zone := c.Get("zone")
	if _, err := checkZone(model.InfraClassic, zone); err != nil {
		return err
	}
	private, public, err := classicVLANs(c, zone)
	if err != nil {
		return err
	}
	cl, pool, err := newCluster(c, "classic", model.InfraClassic)
	if err != nil {
		return err
	}
	pool.Hardware = hw
	cl.PrivateSE = c.Has("private-service-endpoint")
	cl.PublicSE = c.Has("public-service-endpoint") || !cl.PrivateSE
	addZone(st, cl, pool, zone, func(z *PoolZone) { z.PrivateVLAN, z.PublicVLAN = private, public })
	st.addVLANs(zone, private, public)
	st.Clusters = append(st.Clusters, cl)
	fmt.Fprintf(c.env.Out, "Creating cluster...\nOK\nCluster created with ID %s\n", cl.ID)
	return nil
}

// vlanID is the VLAN IBM creates with the first cluster of a zone: a
// 7-digit number, stable per zone and type.
func vlanID(st *State, zone, typ string) string {
	h := st.newID("vlan", zone+"/"+typ, 0)
	n, _ := strconv.ParseUint(h[:8], 16, 64)
	return strconv.FormatUint(2000000+n%1000000, 10)
}

// addZone orders the pool's workers in zone and adds the zone's ALBs.
func addZone(st *State, cl *Cluster, p *Pool, zone string, set func(*PoolZone)) {
	z := &PoolZone{ID: zone}
	set(z)
	p.Zones = append(p.Zones, z)
	orderWorkers(st, cl, p, z, p.SizePerZone)
	for _, a := range cl.ALBs {
		if a.Zone == zone {
			return
		}
	}
	// IKS creates a public and a private ALB in each zone; the public one
	// is enabled when the zone has public networking, the private one is
	// disabled (containers docs, Ingress ALBs "about"; alb ls examples).
	n := len(cl.ALBs)/2 + 1
	public := cl.Provider == "vpc-gen2" || z.PublicVLAN != ""
	cl.ALBs = append(cl.ALBs,
		ALB{ID: fmt.Sprintf("public-cr%s-alb%d", cl.ID, n), Type: "public", Zone: zone, Enabled: public},
		ALB{ID: fmt.Sprintf("private-cr%s-alb%d", cl.ID, n), Type: "private", Zone: zone})
}

func sanitize(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "-", "")
}

func (c *Call) cluster() (*Cluster, error) {
	cl := c.env.State.cluster(c.Get("cluster"))
	if cl == nil {
		// IKS's answer for a cluster that does not exist.
		return nil, failf("The specified cluster could not be found. If you use resource groups, make sure that you target the correct resource group. (A0006)")
	}
	return cl, nil
}

func ksClusterGet(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if err := advance(c.env, cl); err != nil {
		return err
	}
	if c.Get("output") == "" {
		st := cl.state(c.env.Config)
		ms, _, _ := cl.masterFields(c.env.Config)
		fmt.Fprintf(c.env.Out, "Retrieving cluster %s...\nOK\n\nName:     %s\nID:       %s\nState:    %s\nMaster Status: %s\nVersion:  %s\nWorkers:  %d\n", cl.Name, cl.Name, cl.ID, st, ms, cl.Version, cl.workerCount())
		return nil
	}
	if err := jsonOnly(c); err != nil {
		return err
	}
	if cl.Provider == "classic" {
		return printJSON(c.env.Out, classicClusterJSON(c.env, cl))
	}
	return printJSON(c.env.Out, vpcClusterJSON(c.env, cl))
}

func jsonOnly(c *Call) error {
	if o := strings.ToLower(c.Get("output")); o != "" && o != "json" {
		return &UsageError{fmt.Sprintf("Incorrect Usage. The value '%s' of '--output' is not valid. Available options: json", c.Get("output"))}
	}
	return nil
}

func ksClusterLs(c *Call) error {
	var out []map[string]any
	for _, cl := range c.env.State.Clusters {
		// Without --provider, ls lists only classic clusters (CLIREF).
		if p := c.Get("provider"); (p == "" && cl.Provider != "classic") || (p != "" && p != cl.Provider) {
			continue
		}
		out = append(out, map[string]any{"id": cl.ID, "name": cl.Name, "state": cl.state(c.env.Config), "region": cl.Region, "provider": cl.Provider, "workerCount": cl.workerCount()})
	}
	if c.Get("output") != "" {
		if out == nil {
			out = []map[string]any{}
		}
		return printJSON(c.env.Out, out)
	}
	for _, m := range out {
		fmt.Fprintf(c.env.Out, "%s   %s   %s\n", m["name"], m["id"], m["state"])
	}
	return nil
}

func ksVersions(c *Call) error {
	type version struct {
		Major        int    `json:"major"`
		Minor        int    `json:"minor"`
		Patch        int    `json:"patch"`
		Default      bool   `json:"default"`
		EndOfService string `json:"end_of_service"`
	}
	out := struct {
		Kubernetes []version `json:"kubernetes"`
		OpenShift  []version `json:"openshift"`
	}{Kubernetes: []version{}, OpenShift: []version{}}
	for _, v := range cat().Versions.Items {
		if v.Status == catalog.VersionUnsupported {
			continue
		}
		var maj, min int
		fmt.Sscanf(v.Version, "%d.%d", &maj, &min)
		out.Kubernetes = append(out.Kubernetes, version{Major: maj, Minor: min, Default: v.Status == catalog.VersionDefault, EndOfService: v.EndOfSupport})
	}
	if c.Get("output") == "" {
		for _, v := range out.Kubernetes {
			fmt.Fprintf(c.env.Out, "%d.%d\n", v.Major, v.Minor)
		}
		return nil
	}
	return printJSON(c.env.Out, out)
}

func ksFlavors(c *Call) error {
	zone := c.Get("zone")
	infra := model.InfraVPC
	switch c.Get("provider") {
	case "classic":
		infra = model.InfraClassic
	case "", "vpc-gen2":
		if c.Get("provider") == "" {
			if _, _, ok := cat().Zone(model.InfraClassic, zone); ok {
				infra = model.InfraClassic
			}
		}
	default:
		return &UsageError{fmt.Sprintf("Incorrect Usage. The provider '%s' is not valid. Available options: classic, vpc-gen2, satellite", c.Get("provider"))}
	}
	region, err := checkZone(infra, zone)
	if err != nil {
		return err
	}
	var out []map[string]any
	for _, f := range cat().FlavorsFor(infra, "", region.Name) {
		m := map[string]any{"name": f.Name, "provider": providerOf(infra), "deprecated": false, "isTrusted": false}
		if infra == model.InfraClassic {
			// Classic MachineType: cores and memory are strings (BMX containerv1).
			server := "virtual"
			if isBareMetal(f) {
				server = "physical"
			}
			m["cores"], m["memory"], m["serverType"] = strconv.Itoa(f.VCPU), fmt.Sprintf("%dGB", f.MemoryGiB), server
		} else {
			m["cores"], m["memory"] = f.VCPU, fmt.Sprintf("%dGB", f.MemoryGiB)
		}
		out = append(out, m)
	}
	if c.Get("output") == "" {
		for _, m := range out {
			fmt.Fprintf(c.env.Out, "%v   %v   %v\n", m["name"], m["cores"], m["memory"])
		}
		return nil
	}
	return printJSON(c.env.Out, out)
}

func isBareMetal(f catalog.Flavor) bool { return f.Allows(model.IsolationBareMetal) }
