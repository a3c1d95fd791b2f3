package rehearse

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// expect compares the double's final state with the (resolved) design and
// lists every difference: cluster, zones, pools × workers, ALBs, KMS, CBR
// enforcement, buckets, access groups with members, log retention.
func expect(d *model.Design, st *ibmcloud.State) []string {
	var bad []string
	s := &d.Spec
	var cl *ibmcloud.Cluster
	for _, c := range st.Clusters {
		if c.Name == d.Metadata.Name {
			cl = c
		}
	}
	if cl == nil {
		return []string{fmt.Sprintf("cluster %s was not created", d.Metadata.Name)}
	}
	if want := string(s.Infrastructure); cl.Provider != want {
		bad = append(bad, fmt.Sprintf("cluster provider %s, design %s", cl.Provider, want))
	}
	for i, p := range s.WorkerPools {
		name := p.Name
		if i == 0 {
			name = "default"
		}
		var got *ibmcloud.Pool
		for _, x := range cl.Pools {
			if x.Name == name || x.Name == p.Name {
				got = x
			}
		}
		if got == nil {
			bad = append(bad, fmt.Sprintf("worker pool %s was not created", p.Name))
			continue
		}
		if got.Flavor != p.Flavor {
			bad = append(bad, fmt.Sprintf("pool %s: flavor %s, design %s", p.Name, got.Flavor, p.Flavor))
		}
		var zones []string
		for _, z := range got.Zones {
			zones = append(zones, z.ID)
			if len(z.Workers) != p.WorkersPerZone {
				bad = append(bad, fmt.Sprintf("pool %s: %d workers in %s, design %d", p.Name, len(z.Workers), z.ID, p.WorkersPerZone))
			}
		}
		if !sameSet(zones, s.Zones) {
			bad = append(bad, fmt.Sprintf("pool %s spans %v, design %v", p.Name, zones, s.Zones))
		}
		bad = append(bad, expectHosts(s, &s.WorkerPools[i], got, st)...)
	}
	se := s.Network.ServiceEndpoints
	if se != "" && (cl.PublicSE != se.HasPublic() || cl.PrivateSE != se.HasPrivate()) {
		bad = append(bad, fmt.Sprintf("service endpoints public=%v private=%v, design %s", cl.PublicSE, cl.PrivateSE, se))
	}
	albOn := map[string]bool{}
	for _, a := range cl.ALBs {
		albOn[a.Type] = albOn[a.Type] || a.Enabled
	}
	if s.Network.Ingress.PublicALB && !albOn["public"] {
		bad = append(bad, "no public ALB is enabled")
	}
	if s.Network.Ingress.PrivateALB && !albOn["private"] {
		bad = append(bad, "no private ALB is enabled")
	}
	if s.Network.Ingress.Controller == model.IngressTraefik {
		// Managed Traefik: every enabled ALB runs a Traefik image (3.X.X_XXXX_iks)
		// and, on VPC, the load balancer sends public traffic to Traefik
		// (IBM's Traefik migration page).
		for _, a := range cl.ALBs {
			if a.Enabled && !strings.HasPrefix(a.Version, "3.") {
				bad = append(bad, fmt.Sprintf("ALB %s is enabled without Traefik (version %q)", a.ID, a.Version))
			}
		}
		if s.IsVPC() && s.Network.Ingress.PublicALB && cl.LBBackend != "traefik" {
			bad = append(bad, "the VPC load balancer's public backend is not traefik")
		}
	}
	if s.Security.KMS.Provider != "" && s.Security.KMS.Provider != model.KMSNone && cl.KMS == nil {
		bad = append(bad, "KMS encryption is not enabled on the cluster")
	}
	if s.IsVPC() && s.Network.VPC.ContextBasedRestrictions.Enabled {
		if len(st.CBRRules) == 0 {
			bad = append(bad, "no CBR rule was created")
		}
		for _, r := range st.CBRRules {
			if r.Enforcement != "enabled" {
				bad = append(bad, fmt.Sprintf("CBR rule %q is %s, not enforced", r.Description, r.Enforcement))
			}
		}
	}
	if s.Storage.ObjectStorage.Enabled {
		for _, b := range s.Storage.ObjectStorage.Buckets {
			found := false
			for _, x := range st.Buckets {
				found = found || x.Name == b.Name
			}
			if !found {
				bad = append(bad, fmt.Sprintf("bucket %s was not created", b.Name))
			}
		}
	}
	for _, g := range s.IAM.AccessGroups {
		var got *ibmcloud.AccessGroup
		for i := range st.AccessGroups {
			if st.AccessGroups[i].Name == g.Name {
				got = &st.AccessGroups[i]
			}
		}
		if got == nil {
			bad = append(bad, fmt.Sprintf("access group %s was not created", g.Name))
			continue
		}
		if !sameSet(got.Members, g.Members) {
			bad = append(bad, fmt.Sprintf("access group %s has members %v, design %v", g.Name, got.Members, g.Members))
		}
		var have []string
		for _, p := range got.Policies {
			have = append(have, policyShape(p))
		}
		if want := wantPolicies(g); !sameSet(have, want) {
			bad = append(bad, fmt.Sprintf("access group %s has policies %v, design %v", g.Name, have, want))
		}
	}
	if s.Logging.Backend == model.LogSyslog && cl != nil {
		sy := s.Logging.Syslog
		for _, src := range s.Logging.SyslogSources() {
			n := 0
			for _, lc := range cl.LogConfigs {
				if lc.LogSource != string(src) {
					continue
				}
				n++
				if lc.Type != "syslog" || lc.Server != sy.Host || lc.Port != sy.Port || lc.Protocol != string(sy.Protocol) {
					bad = append(bad, fmt.Sprintf("log source %s is forwarded to %s %s:%d over %s, design syslog %s:%d over %s", src, lc.Type, lc.Server, lc.Port, lc.Protocol, sy.Host, sy.Port, sy.Protocol))
				}
			}
			if n != 1 {
				bad = append(bad, fmt.Sprintf("log source %s has %d forwarding configurations, want 1", src, n))
			}
		}
	}
	if s.Logging.Backend == model.LogCloudLogs && s.Logging.RetentionDays > 0 {
		found := false
		for _, in := range st.Instances {
			if in.Service != "logs" || in.Name != s.Logging.CloudLogs.InstanceName {
				continue
			}
			found = true
			if v, _ := in.Parameters["retention_period"].(float64); int(v) != s.Logging.RetentionDays {
				bad = append(bad, fmt.Sprintf("Cloud Logs %s has retention_period %v, design %d days", in.Name, in.Parameters["retention_period"], s.Logging.RetentionDays))
			}
		}
		if !found {
			bad = append(bad, fmt.Sprintf("Cloud Logs instance %s was not created", s.Logging.CloudLogs.InstanceName))
		}
	}
	return append(bad, expectLogsVPE(s, cl, st)...)
}

// expectLogsVPE: where IBM offers Cloud Logs' private ingestion only
// through a VPE gateway (catalog logsIngestion.vpeOnly) and the cluster is
// on VPC, the cluster's VPC has a gateway to the instance's CRN with a
// reserved IP in each zone's cluster subnet and the workers' security
// group kube-<clusterID> (render/runbook logsVPE).
func expectLogsVPE(s *model.Spec, cl *ibmcloud.Cluster, st *ibmcloud.State) []string {
	l := s.Logging
	region := l.CloudLogs.Region
	if region == "" {
		region = s.Region
	}
	if l.Backend != model.LogCloudLogs || !s.IsVPC() || !catalog.Default().LogsIngestion.PrivateOnlyThroughVPE(region) {
		return nil
	}
	crn := ""
	for i := range st.Instances {
		if in := &st.Instances[i]; in.Service == "logs" && in.Name == l.CloudLogs.InstanceName {
			crn = in.CRN()
		}
	}
	for _, g := range st.EndpointGateways {
		if g.VPC != cl.VPC || g.Target != crn {
			continue
		}
		var bad []string
		zones := map[string]bool{}
		for _, ip := range g.IPs {
			for _, sn := range st.Subnets {
				if sn.ID == ip.Subnet {
					zones[sn.Zone] = true
				}
			}
		}
		for _, z := range s.Zones {
			if !zones[z] {
				bad = append(bad, fmt.Sprintf("the Logs VPE gateway %s has no reserved IP in %s", g.Name, z))
			}
		}
		if !slices.Contains(g.SecurityGroups, "kube-"+cl.ID) {
			bad = append(bad, fmt.Sprintf("the Logs VPE gateway %s has security groups %v, not the workers' kube-%s", g.Name, g.SecurityGroups, cl.ID))
		}
		return bad
	}
	return []string{fmt.Sprintf("no VPE gateway to the Cloud Logs instance %s in the cluster's VPC (IBM offers private ingestion in %s only that way)", l.CloudLogs.InstanceName, region)}
}

// policyShape is a policy as expect compares it: roles and what they are
// on, without the IDs a run reads back.
func policyShape(p ibmcloud.Policy) string {
	on := p.ServiceName
	if p.ResourceType != "" {
		on = p.ResourceType
	}
	if p.Attributes != "" {
		on += " " + p.Attributes
	}
	return p.Roles + " on " + on
}

// wantPolicies are the policies the design gives access group g: its
// platform role on the cluster, its service role on the cluster or in
// each of its namespaces, and Viewer on the resource group (IKS's "Viewer
// on the resource group" prerequisite, render/runbook iam.go).
func wantPolicies(g model.AccessGroup) []string {
	out := []string{string(g.PlatformRole) + " on containers-kubernetes", "Viewer on resource-group"}
	if len(g.Namespaces) == 0 {
		return append(out, string(g.ServiceRole)+" on containers-kubernetes")
	}
	for _, ns := range g.Namespaces {
		out = append(out, string(g.ServiceRole)+" on containers-kubernetes namespace="+ns)
	}
	return out
}

func sameSet(a, b []string) bool {
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, "\x00") == strings.Join(y, "\x00")
}

// volatile keys differ between runs that reach the same end state: poll
// counters, sequence numbers, timestamps, refresh counts.
var volatile = map[string]bool{"seq": true, "polls": true, "created": true, "masterReadyAtPoll": true,
	"masterBusyUntilPoll": true, "masterOp": true, "orderedAtPoll": true, "masterRefreshes": true, "registered": true}

// snapshot is the comparable final state of a world: the account without
// volatile fields, and the nodes the cluster got.
func snapshot(dir string) (string, error) {
	st, err := ibmcloud.LoadState(dir)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return "", err
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "", err
	}
	strip(v)
	out, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return "", err
	}
	kb, err := os.ReadFile(filepath.Join(dir, "kube.json"))
	if err == nil {
		var k struct {
			Nodes []struct {
				Name string `json:"name"`
			} `json:"nodes"`
		}
		_ = json.Unmarshal(kb, &k)
		var names []string
		for _, n := range k.Nodes {
			names = append(names, n.Name)
		}
		sort.Strings(names)
		out = append(out, []byte("\nnodes: "+strings.Join(names, " "))...)
	}
	return string(out), nil
}

func strip(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if volatile[k] {
				delete(x, k)
				continue
			}
			strip(e)
		}
	case []any:
		for _, e := range x {
			strip(e)
		}
	}
}

// diff names the first line where two snapshots differ.
func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: fresh %q, after fault %q", i+1, strings.TrimSpace(x), strings.TrimSpace(y))
		}
	}
	return ""
}

// expectHosts checks a pool on VPC dedicated hosts: it names a host pool
// of its flavor class, every zone has the planned hosts, and every worker
// of the pool sits on one of them; a pool off dedicated hosts names none.
func expectHosts(s *model.Spec, p *model.WorkerPool, got *ibmcloud.Pool, st *ibmcloud.State) []string {
	if !p.OnDedicatedHosts(s) {
		if got.HostPool != "" {
			return []string{fmt.Sprintf("pool %s: on dedicated host pool %s, design isolation %s", p.Name, got.HostPool, p.Isolation)}
		}
		return nil
	}
	var hp *ibmcloud.HostPool
	for _, x := range st.HostPools {
		if x.ID == got.HostPool {
			hp = x
		}
	}
	if hp == nil {
		return []string{fmt.Sprintf("pool %s: not on a dedicated host pool (isolation dedicated)", p.Name)}
	}
	var bad []string
	plan := catalog.Default().HostPlanFor(s, p, p.WorkersPerZone)
	if hp.FlavorClass != plan.Flavor.FlavorClass {
		bad = append(bad, fmt.Sprintf("pool %s: host pool class %s, design %s", p.Name, hp.FlavorClass, plan.Flavor.FlavorClass))
	}
	placed := map[string]bool{}
	for _, z := range s.Zones {
		n := 0
		for _, h := range hp.Hosts {
			if h.Zone == z {
				n++
				for _, w := range h.Workers {
					placed[w.WorkerID] = true
				}
			}
		}
		if n != plan.PerZone {
			bad = append(bad, fmt.Sprintf("pool %s: %d dedicated hosts in %s, design %d", p.Name, n, z, plan.PerZone))
		}
	}
	for _, z := range got.Zones {
		for _, w := range z.Workers {
			if !placed[w.ID] {
				bad = append(bad, fmt.Sprintf("pool %s: worker %s is not on a dedicated host", p.Name, w.ID))
			}
		}
	}
	return bad
}
