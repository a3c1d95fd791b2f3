package manifests

import (
	"net/netip"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// nsPlan is one namespace the manifests create or configure.
type nsPlan struct {
	Name        string
	PodSecurity model.PodSecurityLevel
	Labels      map[string]string
	// Quota is the declared quota, nil when the design declares none.
	Quota *model.NamespaceQuota
	// Declared is true for spec.namespaces entries; the others are created
	// because a later object needs them, and Reasons says which.
	Declared bool
	Reasons  []string
}

// plan is what every manifest file reads: the namespaces in apply order
// and the namespaces that hold particular objects.
type plan struct {
	c *view.Context
	s *model.Spec
	// apps are the application namespaces: declared ones in design order,
	// then the ones other objects need, sorted by name.
	apps []nsPlan
	// deployerNS is the CI deployer's own namespace ("" without stages).
	deployerNS string
	// appNS is where the application template goes.
	appNS string
	// dns are the kube-dns service and NodeLocal DNS cache addresses.
	dns dnsAddrs
}

// deployerNamespace is the dedicated namespace of the CI deployer's
// service account. It runs no pods (its quota allows none), so nobody
// with rights in a stage namespace can borrow the deployer's identity by
// starting a pod under it.
const deployerNamespace = "cicd"

// fallbackAppNamespace holds the application template when the design
// names no namespace at all.
const fallbackAppNamespace = "apps"

// DeployerNamespace returns the namespace of the CI deployer's service
// account (spec.cicd.deployerServiceAccount), or "" when the design has
// no CI/CD stages and 40-rbac.yaml is not rendered. The runbook mints the
// pipeline's token there.
func DeployerNamespace(c *view.Context) string {
	if len(c.Spec.CICD.Stages) == 0 || c.Spec.CICD.DeployerServiceAccount == "" {
		return ""
	}
	return deployerNamespace
}

// PullSecret is the image pull secret for IBM Cloud Container Registry
// that IKS creates in namespace default only. Pods elsewhere need a copy
// in their namespace and the secret on their service account (IBM's
// "Copying an existing image pull secret",
// https://cloud.ibm.com/docs/containers?topic=containers-registry#copy_imagePullSecret);
// the runbook copies it into AppNamespace.
const PullSecret = "all-icr-io"

// AppNamespace is the namespace of the application template
// (manifests/50-app-template.yaml).
func AppNamespace(c *view.Context) string { return planOf(c).appNS }

// planKey is the plan's key in the render's memo.
type planKey struct{}

// planOf is the render's plan, built once per Context: the runbook asks
// AppNamespace and Render builds the files from the same plan, which
// neither changes (at 1,000 namespaces a plan is about 2,000 allocations).
func planOf(c *view.Context) *plan {
	v, _ := c.Memo(planKey{}, func() (any, error) { return newPlan(c), nil })
	return v.(*plan)
}

// systemNamespace reports whether IBM or Kubernetes owns the namespace:
// the manifests never relabel, limit or isolate those.
func systemNamespace(name string) bool {
	switch name {
	case "default":
		return false
	case "tigera-operator":
		return true
	}
	for _, p := range []string{"kube-", "ibm-", "calico-", "openshift-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func newPlan(c *view.Context) *plan {
	s := c.Spec
	n := &c.Catalog.Networks
	p := &plan{c: c, s: s, dns: dnsAddrs{Service: kubeDNSAddress(s.Network.ServiceSubnet, n.ServiceSubnet), NodeLocal: n.NodeLocalDNS}}
	seen := map[string]int{}
	for _, ns := range s.Namespaces {
		if ns.Name == "" || systemNamespace(ns.Name) {
			continue
		}
		if _, dup := seen[ns.Name]; dup {
			continue
		}
		n := nsPlan{Name: ns.Name, PodSecurity: ns.PodSecurity, Labels: ns.Labels, Declared: true}
		if q := ns.Quota; q.CPU > 0 || q.MemoryGiB > 0 || q.Pods > 0 {
			q := q
			n.Quota = &q
		}
		if n.PodSecurity == "" {
			n.PodSecurity = model.PodSecurityRestricted
		}
		seen[ns.Name] = len(p.apps)
		p.apps = append(p.apps, n)
	}
	extra := map[string][]string{}
	need := func(name, reason string) {
		if name == "" || systemNamespace(name) {
			return
		}
		if _, ok := seen[name]; ok {
			return
		}
		extra[name] = append(extra[name], reason)
	}
	for _, st := range s.CICD.Stages {
		need(st.Namespace, "CI/CD stage "+st.Name)
	}
	for _, v := range s.Storage.Volumes {
		need(v.Namespace, "volume "+v.Name)
	}
	for _, db := range s.Storage.Databases {
		need(db.BindNamespace, "binding of database "+db.Name)
	}
	if s.Storage.Cloudant.Enabled {
		need(s.Storage.Cloudant.BindNamespace, "binding of Cloudant "+s.Storage.Cloudant.InstanceName)
	}
	for _, g := range s.IAM.AccessGroups {
		for _, ns := range g.Namespaces {
			need(ns, "IAM access group "+g.Name)
		}
	}
	names := make([]string, 0, len(extra))
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		seen[n] = len(p.apps)
		p.apps = append(p.apps, nsPlan{Name: n, PodSecurity: model.PodSecurityRestricted, Reasons: extra[n]})
	}
	if len(p.apps) > 0 {
		p.appNS = p.apps[0].Name
	} else {
		p.appNS = fallbackAppNamespace
		p.apps = append(p.apps, nsPlan{Name: fallbackAppNamespace, PodSecurity: model.PodSecurityRestricted,
			Reasons: []string{"the application template"}})
	}
	p.deployerNS = DeployerNamespace(c)
	return p
}

// app returns the plan of the application namespace name.
func (p *plan) app(name string) (nsPlan, bool) {
	for _, n := range p.apps {
		if n.Name == name {
			return n, true
		}
	}
	return nsPlan{}, false
}

// stageNamespaces lists the CI/CD stage namespaces in stage order, once each.
func (p *plan) stageNamespaces() []string {
	var out []string
	seen := map[string]bool{}
	for _, st := range p.s.CICD.Stages {
		if st.Namespace == "" || seen[st.Namespace] {
			continue
		}
		seen[st.Namespace] = true
		out = append(out, st.Namespace)
	}
	return out
}

// bindsServices reports whether IBM Cloud service credentials are bound
// into namespace ns (Cloud Databases or Cloudant), so its pods must reach
// IBM's private service endpoints.
func (p *plan) bindsServices(ns string) bool {
	for _, db := range p.s.Storage.Databases {
		if db.BindNamespace == ns {
			return true
		}
	}
	cl := p.s.Storage.Cloudant
	return cl.Enabled && cl.BindNamespace == ns
}

// kubeDNSAddress is the kube-dns service address: the tenth address of the
// service subnet (172.21.0.10 with IKS's default), as a /32.
func kubeDNSAddress(serviceSubnet, ibmDefault string) string {
	if serviceSubnet == "" {
		serviceSubnet = ibmDefault
	}
	pfx, err := model.ParseCIDR(serviceSubnet)
	if err != nil {
		pfx, _ = model.ParseCIDR(ibmDefault)
	}
	a := pfx.Addr()
	for range 10 {
		a = a.Next()
	}
	return netip.PrefixFrom(a, 32).String()
}

// clusterNets are this cluster's pod and service subnets: the design's,
// or IBM's defaults (on VPC the whole 172.17.0.0/16 range the pod subnet
// is picked from, as its /18 depends on the clusters already in the VPC).
func (p *plan) clusterNets() []string {
	n := p.s.Network
	nets := p.c.Catalog.Networks
	pod := n.PodSubnet
	if pod == "" {
		pod = nets.ClassicPodSubnet
		if def, err := netip.ParsePrefix(nets.VPCPodSubnet); p.s.IsVPC() && err == nil {
			pod = netip.PrefixFrom(def.Addr(), 16).Masked().String()
		}
	}
	svc := n.ServiceSubnet
	if svc == "" {
		svc = nets.ServiceSubnet
	}
	return []string{pod, svc}
}
