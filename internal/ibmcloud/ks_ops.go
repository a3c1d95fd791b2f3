package ibmcloud

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/iksplan/iksplan/model"
)

// confirm asks question as the CLI does for commands with -f / -y: the
// CLIREF rule is that -f "forces the command to run without user prompts",
// so without it the command asks. The answer is read from stdin; with
// stdin not a terminal and nothing (or not "y") on it, the command fails,
// as a real one aborts on EOF or hangs.
func confirm(c *Call, question string, skip ...string) error {
	for _, f := range skip {
		if c.Has(f) {
			return nil
		}
	}
	fmt.Fprintf(c.env.Err, "%s [y/N]> ", question)
	line, err := bufio.NewReader(c.env.Stdin).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	if answer == "y" || answer == "yes" {
		return nil
	}
	if err != nil && !c.env.IsTerminal {
		return failf("The command needs a confirmation, but stdin is not a terminal and gave no answer. Run it with -%s to confirm without a prompt.", skip[0])
	}
	return failf("Cancelled.")
}

func ksPoolGet(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if err := advance(c.env, cl); err != nil {
		return err
	}
	p := cl.pool(c.Get("worker-pool"))
	if p == nil {
		return failf("The specified worker pool could not be found. (E0011)")
	}
	if err := jsonOnly(c); err != nil {
		return err
	}
	if c.Get("output") == "" {
		fmt.Fprintf(c.env.Out, "Name: %s\nID: %s\nFlavor: %s\nWorkers per zone: %d\nZones: %s\n", p.Name, p.ID, p.Flavor, p.SizePerZone, strings.Join(zoneIDs(p), ", "))
		return nil
	}
	return printJSON(c.env.Out, poolJSON(cl, p))
}

func zoneIDs(p *Pool) []string {
	var out []string
	for _, z := range p.Zones {
		out = append(out, z.ID)
	}
	return out
}

// v1 (classic) and v2 (VPC) worker-pool bodies (bluemix-go containerv1
// WorkerPoolResponse / containerv2 GetWorkerPoolResponse).
type classicPoolJSON struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	MachineType string            `json:"machineType"`
	SizePerZone int               `json:"sizePerZone"`
	Isolation   string            `json:"isolation"`
	State       string            `json:"state"`
	Labels      map[string]string `json:"labels"`
	OS          string            `json:"operatingSystem"`
	Zones       []classicPoolZone `json:"zones"`
}

type classicPoolZone struct {
	ID          string `json:"id"`
	PrivateVLAN string `json:"privateVlan"`
	PublicVLAN  string `json:"publicVlan"`
	WorkerCount int    `json:"workerCount"`
}

type vpcPoolJSON struct {
	ID          string            `json:"id"`
	PoolName    string            `json:"poolName"`
	Flavor      string            `json:"flavor"`
	Provider    string            `json:"provider"`
	VPCID       string            `json:"vpcID"`
	WorkerCount int               `json:"workerCount"`
	Isolation   string            `json:"isolation"`
	OS          string            `json:"operatingSystem"`
	Labels      map[string]string `json:"labels"`
	Taints      map[string]string `json:"taints"`
	// HostPoolID is containerv2 GetWorkerPoolResponse.HostPoolID.
	HostPoolID string `json:"dedicatedHostPoolId,omitempty"`
	Lifecycle  struct {
		ActualState  string `json:"actualState"`
		DesiredState string `json:"desiredState"`
	} `json:"lifecycle"`
	Zones []vpcPoolZone `json:"zones"`
	// WorkerVolumeEncryption: containerv2 GetWorkerPoolResponse.
	WorkerVolumeEncryption *VolumeKMS `json:"workerVolumeEncryption,omitempty"`
}

type vpcPoolZone struct {
	ID          string `json:"id"`
	WorkerCount int    `json:"workerCount"`
	Subnets     []struct {
		ID      string `json:"id"`
		Primary bool   `json:"primary"`
	} `json:"subnets"`
}

func poolJSON(cl *Cluster, p *Pool) any {
	labels := p.Labels
	if labels == nil {
		labels = map[string]string{}
	}
	if cl.Provider == "classic" {
		out := classicPoolJSON{ID: p.ID, Name: p.Name, MachineType: p.Flavor, SizePerZone: p.SizePerZone, Isolation: "public", State: "active", Labels: labels, OS: p.OS, Zones: []classicPoolZone{}}
		if p.Hardware == "dedicated" {
			out.Isolation = "private"
		}
		for _, z := range p.Zones {
			out.Zones = append(out.Zones, classicPoolZone{ID: z.ID, PrivateVLAN: z.PrivateVLAN, PublicVLAN: z.PublicVLAN, WorkerCount: len(z.Workers)})
		}
		return out
	}
	taints := p.Taints
	if taints == nil {
		taints = map[string]string{}
	}
	out := vpcPoolJSON{ID: p.ID, PoolName: p.Name, Flavor: p.Flavor, Provider: "vpc-gen2", VPCID: cl.VPC, WorkerCount: p.SizePerZone, Isolation: "public", OS: p.OS, Labels: labels, Taints: taints, Zones: []vpcPoolZone{}, WorkerVolumeEncryption: p.VolumeKMS}
	out.HostPoolID = p.HostPool
	out.Lifecycle.ActualState, out.Lifecycle.DesiredState = "deployed", "deployed"
	for _, z := range p.Zones {
		vz := vpcPoolZone{ID: z.ID, WorkerCount: len(z.Workers)}
		vz.Subnets = append(vz.Subnets, struct {
			ID      string `json:"id"`
			Primary bool   `json:"primary"`
		}{z.SubnetID, true})
		out.Zones = append(out.Zones, vz)
	}
	return out
}

func ksPoolLs(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	out := []any{}
	for _, p := range cl.Pools {
		out = append(out, poolJSON(cl, p))
	}
	if c.Get("output") == "" {
		for _, p := range cl.Pools {
			fmt.Fprintf(c.env.Out, "%s   %s   %s   %d\n", p.Name, p.ID, p.Flavor, p.SizePerZone)
		}
		return nil
	}
	return printJSON(c.env.Out, out)
}

func ksWorkers(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if err := advance(c.env, cl); err != nil {
		return err
	}
	out := []any{}
	for pi, p := range cl.Pools {
		if f := c.Get("worker-pool"); f != "" && f != p.Name && f != p.ID {
			continue
		}
		for zi, z := range p.Zones {
			for wi, w := range z.Workers {
				out = append(out, workerJSON(c.env, cl, p, z, w, workerIP(cl, pi, zi, wi)))
			}
		}
	}
	if c.Get("output") == "" {
		for _, w := range out {
			fmt.Fprintf(c.env.Out, "%v\n", w)
		}
		return nil
	}
	return printJSON(c.env.Out, out)
}

func workerJSON(env *Env, cl *Cluster, p *Pool, z *PoolZone, w Worker, ip string) any {
	ready := cl.workerReady(env.Config, w)
	state, status := "provisioning", "-"
	if ready {
		state, status = "normal", "Ready"
	}
	// Versions: the worker's own (actual) and the master's (target);
	// classic v1 has kubeVersion and targetVersion strings, VPC v2 the
	// kubeVersion object of containerv2 KubeDetails (ibm-api-shapes.md A.2).
	version, target := fullVersion(cl.workerVersion(w)), fullVersion(cl.Version)
	os := w.OS
	if os == "" {
		os = p.OS
	}
	if cl.Provider == "classic" {
		return map[string]any{"id": w.ID, "state": state, "status": status, "machineType": p.Flavor, "location": z.ID,
			"poolid": p.ID, "poolName": p.Name, "kubeVersion": version, "targetVersion": target, "privateIP": ip, "privateVlan": z.PrivateVLAN, "publicVlan": z.PublicVLAN}
	}
	actual := "provisioning"
	if ready {
		actual = "deployed"
	}
	return map[string]any{"id": w.ID, "flavor": p.Flavor, "location": z.ID, "poolID": p.ID, "poolName": p.Name,
		"networkInterfaces": []map[string]any{{"ipAddress": ip, "primary": true, "subnetID": z.SubnetID}},
		"kubeVersion":       map[string]string{"actual": version, "desired": version, "target": target, "eos": "", "masterEos": ""},
		"health":            map[string]string{"state": state, "message": status},
		"lifecycle":         map[string]string{"desiredState": "deployed", "actualState": actual, "actualOperatingSystem": os}}
}

// nodeIP is the worker's private IP, which IKS uses as the node name.
func nodeIP(cl *Cluster, pool, zone, worker int) string {
	base := 10
	if cl.Provider == "vpc-gen2" {
		return fmt.Sprintf("10.%d.%d.%d", 240+zoneIndex(cl, cl.Pools[pool].Zones[zone].ID), pool, 4+worker)
	}
	return fmt.Sprintf("%d.%d.%d.%d", base, 190+zoneIndex(cl, cl.Pools[pool].Zones[zone].ID), pool, 4+worker)
}

func zoneIndex(cl *Cluster, zone string) int {
	for i, z := range cl.zones() {
		if z == zone {
			return i
		}
	}
	return 0
}

func ksPoolCreate(c *Call, infra model.Infrastructure, set func(*Pool)) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if cl.pool(c.Get("name")) != nil {
		return failf("A worker pool with the name '%s' already exists in the cluster. (E0148)", c.Get("name"))
	}
	if _, err := checkFlavor(infra, c.Get("flavor"), firstZone(cl)); err != nil {
		return err
	}
	size, err := positiveInt("size-per-zone", c.Get("size-per-zone"), 1)
	if err != nil {
		return err
	}
	os, err := checkOS(c.Get("operating-system"), cl.Version)
	if err != nil {
		return err
	}
	p := &Pool{ID: cl.ID + "-" + c.env.State.newID("pool", cl.Name+"/"+c.Get("name"), 0)[:7], Name: c.Get("name"), Flavor: c.Get("flavor"), SizePerZone: size, OS: os}
	for _, l := range c.All("label") {
		k, v, found := strings.Cut(l, "=")
		if !found {
			return &UsageError{fmt.Sprintf("Incorrect Usage. The label '%s' must be KEY=VALUE.", l)}
		}
		if p.Labels == nil {
			p.Labels = map[string]string{}
		}
		p.Labels[k] = v
	}
	set(p)
	// A new pool has no zones: add them with `ks zone add`
	// (https://cloud.ibm.com/docs/containers?topic=containers-add-workers-vpc).
	cl.Pools = append(cl.Pools, p)
	fmt.Fprintf(c.env.Out, "OK\nWorker pool created with ID %s\n", p.ID)
	return nil
}

func ksPoolCreateVPC(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if c.Get("vpc-id") != cl.VPC {
		return failf("The VPC ID '%s' is not the VPC of the cluster.", c.Get("vpc-id"))
	}
	hp, err := hostPoolFor(c, c.Get("flavor"))
	if err != nil {
		return err
	}
	return ksPoolCreate(c, model.InfraVPC, func(p *Pool) {
		p.VolumeKMS = volumeKMS(c)
		if hp != nil {
			p.HostPool = hp.ID
		}
	})
}

func ksPoolCreateClassic(c *Call) error {
	hw := c.Get("hardware")
	if hw == "" {
		hw = "shared"
	}
	if f, ok := cat().Flavor(model.InfraClassic, c.Get("flavor")); ok && isBareMetal(f) && hw != "dedicated" {
		return failf("The bare metal flavor '%s' requires '--hardware dedicated'.", f.Name)
	}
	return ksPoolCreate(c, model.InfraClassic, func(p *Pool) { p.Hardware = hw })
}

func ksPoolTaint(c *Call) error {
	return poolSet(c, "Setting taints replaces the existing taints of the worker pool. Continue?", "taint", func(p *Pool, kvs []string) error {
		p.Taints = map[string]string{}
		for _, t := range kvs {
			k, v, found := strings.Cut(t, "=")
			if !found || !strings.Contains(v, ":") {
				return &UsageError{fmt.Sprintf("Incorrect Usage. The taint '%s' must be KEY=VALUE:EFFECT.", t)}
			}
			p.Taints[k] = v
		}
		return nil
	})
}

func ksPoolLabel(c *Call) error {
	return poolSet(c, "Setting labels replaces the existing custom labels of the worker pool. Continue?", "label", func(p *Pool, kvs []string) error {
		p.Labels = map[string]string{}
		for _, l := range kvs {
			k, v, _ := strings.Cut(l, "=")
			p.Labels[k] = v
		}
		return nil
	})
}

// poolSet is `worker-pool taint set` / `label set`: both replace what the
// pool has, so both prompt unless -f; set gets the values of --flag.
func poolSet(c *Call, prompt, flag string, set func(*Pool, []string) error) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	p := cl.pool(c.Get("worker-pool"))
	if p == nil {
		return failf("The specified worker pool could not be found. (E0011)")
	}
	if err := confirm(c, prompt, "f"); err != nil {
		return err
	}
	if err := set(p, c.All(flag)); err != nil {
		return err
	}
	return ok(c)
}

func zoneAdd(c *Call, set func(*PoolZone) error) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	for _, name := range c.All("worker-pool") {
		p := cl.pool(name)
		if p == nil {
			return failf("The specified worker pool could not be found. (E0011)")
		}
		if p.zone(c.Get("zone")) != nil {
			return failf("The zone '%s' is already attached to worker pool '%s'.", c.Get("zone"), p.Name)
		}
	}
	for _, name := range c.All("worker-pool") {
		if err := hostPoolZoneCheck(c.env.State, cl.pool(name), c.Get("zone")); err != nil {
			return err
		}
	}
	for _, name := range c.All("worker-pool") {
		var serr error
		p := cl.pool(name)
		addZone(c.env.State, cl, p, c.Get("zone"), func(z *PoolZone) { serr = set(z) })
		if serr != nil {
			return serr
		}
		if err := placeZone(c.env.State, cl, p, p.zone(c.Get("zone"))); err != nil {
			return err
		}
	}
	return ok(c)
}

func ksZoneAddVPC(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if cl.Provider != "vpc-gen2" {
		return failf("The command 'zone add vpc-gen2' is for VPC clusters.")
	}
	if _, err := checkZone(model.InfraVPC, c.Get("zone")); err != nil {
		return err
	}
	sn := c.env.State.subnet(c.Get("subnet-id"), cl.VPC)
	if sn == nil {
		return failf("The subnet ID '%s' was not found in the VPC of the cluster.", c.Get("subnet-id"))
	}
	if sn.Zone != c.Get("zone") {
		return failf("The subnet '%s' is in zone '%s', not in '%s'.", sn.ID, sn.Zone, c.Get("zone"))
	}
	return zoneAdd(c, func(z *PoolZone) error { z.SubnetID = sn.ID; return nil })
}

func ksZoneAddClassic(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if cl.Provider != "classic" {
		return failf("The command 'zone add classic' is for classic clusters.")
	}
	if _, err := checkZone(model.InfraClassic, c.Get("zone")); err != nil {
		return err
	}
	zone := c.Get("zone")
	private, public, err := classicVLANs(c, zone)
	if err != nil {
		return err
	}
	if err := zoneAdd(c, func(z *PoolZone) error { z.PrivateVLAN, z.PublicVLAN = private, public; return nil }); err != nil {
		return err
	}
	c.env.State.addVLANs(zone, private, public)
	return nil
}

func ksKMSEnable(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	st := c.env.State
	var inst *Instance
	for _, in := range st.instancesNamed(c.Get("instance-id")) {
		if in.Service == "kms" || in.Service == "hs-crypto" {
			inst = in
		}
	}
	if inst == nil {
		return failf("The key management service instance '%s' was not found. (E4a6b)", c.Get("instance-id"))
	}
	var key *Key
	for i := range st.Keys {
		if st.Keys[i].ID == c.Get("crk") && st.Keys[i].Instance == inst.GUID {
			key = &st.Keys[i]
		}
	}
	if key == nil || !key.Root {
		return failf("The root key '%s' was not found in instance '%s'.", c.Get("crk"), inst.GUID)
	}
	cl.KMS = &KMSConfig{InstanceID: inst.GUID, CRK: key.ID, PublicEP: c.Has("public-endpoint")}
	masterOp(c.env, cl, "Key management service update")
	return ok(c)
}

// masterOp starts a master operation that takes MasterPolls reads.
func masterOp(env *Env, cl *Cluster, what string) {
	cl.MasterOp = what
	cl.MasterBusyUntil = cl.Polls + env.Config.MasterPolls
}

// Add-ons the runbook enables, with the version IKS installs today.
// https://cloud.ibm.com/docs/containers?topic=containers-supported-cluster-addon-versions
var addonVersions = map[string]string{
	"cluster-autoscaler":     "2.0.0",
	"vpc-block-csi-driver":   "5.2",
	"vpc-file-csi-driver":    "2.0",
	"ibm-storage-operator":   "1.0",
	"static-route":           "1.0.0",
	"image-key-synchronizer": "1.0.0",
}

func ksAddonLs(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	type addon struct {
		Name         string `json:"name"`
		Version      string `json:"version"`
		HealthState  string `json:"healthState"`
		HealthStatus string `json:"healthStatus"`
		Target       string `json:"targetVersion"`
	}
	out := []addon{}
	for _, a := range cl.Addons {
		out = append(out, addon{a.Name, a.Version, "normal", "Addon Ready", a.Version})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	fmt.Fprintln(c.env.Out, "OK\nName                   Version   Health State   Health Status")
	for _, a := range out {
		fmt.Fprintf(c.env.Out, "%-22s %-9s %-14s %s\n", a.Name, a.Version, a.HealthState, a.HealthStatus)
	}
	return nil
}

func (cl *Cluster) hasAddon(name string) bool {
	for _, a := range cl.Addons {
		if a.Name == name {
			return true
		}
	}
	return false
}

func ksAddonEnable(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	name := c.Args[0]
	v, known := addonVersions[name]
	if !known {
		return failf("The add-on '%s' is not supported. To list supported add-ons, run 'ibmcloud ks cluster addon versions'.", name)
	}
	if cl.hasAddon(name) {
		// INFERRED: enabling an enabled add-on is refused.
		return failf("The add-on '%s' is already enabled in the cluster.", name)
	}
	if name == "cluster-autoscaler" && versionAtLeast(cl.Version, "1.36") {
		// Add-on 2.0.0 supports Kubernetes >=1.31 <1.36; IBM says not to
		// update to 1.36 while it is installed (issue 7's review; containers
		// docs, cluster autoscaler add-on versions).
		return failf("The add-on 'cluster-autoscaler' version %s is not supported on Kubernetes %s (supported: >=1.31 <1.36).", v, cl.Version)
	}
	if name == "vpc-file-csi-driver" {
		if cl.Provider != "vpc-gen2" {
			return failf("The add-on 'vpc-file-csi-driver' is available for VPC clusters only.")
		}
		if !cl.hasAddon("ibm-storage-operator") {
			// File CSI 2.0 depends on ibm-storage-operator; the CLI asks to
			// enable it and -y answers yes (CLIREF; containers storage docs).
			if err := confirm(c, "The add-on 'ibm-storage-operator' version 1.0 is required. Enable ibm-storage-operator?", "y"); err != nil {
				return err
			}
			cl.Addons = append(cl.Addons, Addon{Name: "ibm-storage-operator", Version: addonVersions["ibm-storage-operator"]})
		}
	}
	if c.Get("version") != "" {
		v = c.Get("version")
	}
	cl.Addons = append(cl.Addons, Addon{Name: name, Version: v})
	fmt.Fprintf(c.env.Out, "Enabling add-on %s(%s) for cluster %s...\nOK\n", name, v, cl.Name)
	return nil
}

func versionAtLeast(v, min string) bool {
	var a, b, x, y int
	fmt.Sscanf(v, "%d.%d", &a, &b)
	fmt.Sscanf(min, "%d.%d", &x, &y)
	return a > x || (a == x && b >= y)
}

func ksImageSecurity(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if err := confirm(c, "Enabling image security enforcement installs Portieris in the cluster and blocks images that the policies do not allow. Continue?", "f"); err != nil {
		return err
	}
	cl.ImageSecurity = true
	return ok(c)
}

func ksMasterRefresh(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	cl.Refreshes++
	masterOp(c.env, cl, "Refresh")
	return ok(c)
}

func ksPrivateSE(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if cl.Provider != "classic" {
		// VPC clusters always have the private cloud service endpoint.
		return failf("The private cloud service endpoint is always enabled for VPC clusters.")
	}
	if !(c.env.State.Account.VRFEnabled && c.env.State.Account.ServiceEndpointEnabled) {
		return failf("The account is not enabled for VRF and service endpoints.")
	}
	return endpointChange(c, cl, "Enabling the private cloud service endpoint requires a master refresh and a reload of every worker. Continue?",
		true, func() { cl.PrivateSE = true })
}

func ksPublicSEDisable(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if !cl.PrivateSE {
		// The master must stay reachable: disable the public endpoint only
		// once the private one is on (containers docs, service endpoints).
		return failf("Enable the private cloud service endpoint before you disable the public one.")
	}
	return endpointChange(c, cl, "Disabling the public cloud service endpoint requires a master refresh. Continue?",
		true, func() { cl.PublicSE = false })
}

func ksPublicSEEnable(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	return endpointChange(c, cl, "Enabling the public cloud service endpoint requires a master refresh. Continue?",
		false, func() { cl.PublicSE = true })
}

// endpointChange is a service endpoint command: its prompt (answered by
// -f or -y), the change, and, where refreshOnY, the master refresh that
// -y starts at once (the endpoint commands' -y "refresh the master").
func endpointChange(c *Call, cl *Cluster, prompt string, refreshOnY bool, change func()) error {
	if err := confirm(c, prompt, "f", "y"); err != nil {
		return err
	}
	change()
	if refreshOnY && c.Has("y") {
		masterOp(c.env, cl, "Refresh")
		cl.Refreshes++
	}
	return ok(c)
}

func readPEM(c *Call, flag string) (bool, error) {
	path := c.Get(flag)
	if path == "" {
		return false, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return false, failf("The file '%s' could not be read: %v", path, err)
	}
	if !strings.Contains(string(b), "-----BEGIN ") {
		return false, failf("The file '%s' is not a PEM file.", path)
	}
	return true, nil
}

func ksAuditSet(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	ca, err := readPEM(c, "ca-cert")
	if err != nil {
		return err
	}
	cert, err := readPEM(c, "client-cert")
	if err != nil {
		return err
	}
	key, err := readPEM(c, "client-key")
	if err != nil {
		return err
	}
	if cert != key {
		return failf("Specify both '--client-cert' and '--client-key'.")
	}
	policy := c.Get("policy")
	if policy == "" {
		policy = "default"
	}
	if policy != "default" && policy != "verbose" {
		return failf("The policy '%s' is not valid. Available options: default, verbose", policy)
	}
	cl.AuditWebhook = &AuditWebhook{Server: c.Get("remote-server"), Policy: policy, CACert: ca, Client: cert}
	// The webhook takes effect after a master refresh (containers docs,
	// health-audit: "apply the configuration update by refreshing the master").
	return ok(c)
}

func ksAuditGet(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	w := AuditWebhook{}
	if cl.AuditWebhook != nil {
		w = *cl.AuditWebhook
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, map[string]string{"auditServer": w.Server, "caCertificate": "", "clientCertificate": "", "clientKey": ""})
	}
	fmt.Fprintf(c.env.Out, "OK\nServer:   %s\nPolicy:   %s\n", w.Server, w.Policy)
	return nil
}

func ksServiceBind(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	ins := c.env.State.instancesNamed(c.Get("service"))
	switch {
	case len(ins) == 0:
		return failf("The service instance '%s' could not be found.", c.Get("service"))
	case len(ins) > 1:
		// containers docs ts-app-svc-bind-name.
		return failf("Multiple services with the same name were found. Run 'ibmcloud ks cluster service bind' with the service instance GUID instead of the name.")
	}
	ns := c.Get("namespace")
	if exists, err := namespaceExists(c.env, ns); err != nil {
		return err
	} else if !exists {
		return failf("The namespace '%s' was not found in the cluster.", ns)
	}
	for _, b := range cl.Bindings {
		if b.Service == ins[0].Name && b.Namespace == ns {
			return failf("The service '%s' is already bound to namespace '%s'.", b.Service, ns)
		}
	}
	cl.Bindings = append(cl.Bindings, Binding{Service: ins[0].Name, Namespace: ns, Role: c.Get("role")})
	fmt.Fprintf(c.env.Out, "OK\nNamespace:     %s\nSecret name:   binding-%s\n", ns, ins[0].Name)
	return nil
}

func ksServiceLs(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	fmt.Fprintln(c.env.Out, "OK\nName   ID   Namespace   Secret Name")
	for _, b := range cl.Bindings {
		if ns := c.Get("namespace"); ns != "" && ns != b.Namespace {
			continue
		}
		fmt.Fprintf(c.env.Out, "%s   %s   %s   binding-%s\n", b.Service, c.env.State.instancesNamed(b.Service)[0].GUID, b.Namespace, b.Service)
	}
	return nil
}

// volumeKMS is the boot-volume encryption --kms-instance and --crk ask
// for (both, or none: the workers' boot volumes then use IBM-managed
// keys), with --kms-account-id for a KMS in another account.
func volumeKMS(c *Call) *VolumeKMS {
	if c.Get("kms-instance") == "" || c.Get("crk") == "" {
		return nil
	}
	return &VolumeKMS{KMSInstanceID: c.Get("kms-instance"), WorkerVolumeCRKID: c.Get("crk"), KMSAccountID: c.Get("kms-account-id")}
}
