package catalog

// Networks holds the IP ranges IBM documents for IKS clusters: the default
// cluster subnets, the in-cluster addresses IBM's policies name, IBM
// Cloud's private service network, the CIS proxy's source ranges, and the
// classic master and management addresses IBM publishes per region in
// IBM-Cloud/kube-samples. The manifests, the document and the wizard read
// every address from here.
type Networks struct {
	Section `yaml:",inline" json:",inline"`
	// ClassicPodSubnet, VPCPodSubnet and ServiceSubnet are IBM's defaults
	// when a design keeps them (VPC: the first free /18 of 172.17.0.0/16,
	// VPCPodSubnet is the first cluster's).
	ClassicPodSubnet string `yaml:"classicPodSubnet" json:"classicPodSubnet"`
	VPCPodSubnet     string `yaml:"vpcPodSubnet" json:"vpcPodSubnet"`
	ServiceSubnet    string `yaml:"serviceSubnet" json:"serviceSubnet"`
	// VPCNextPodSubnet is the default of the second cluster in a VPC.
	VPCNextPodSubnet string `yaml:"vpcNextPodSubnet" json:"vpcNextPodSubnet"`
	// ClusterRanges are the ranges custom pod and service subnets must lie
	// in, as IBM writes them (a prefix or first–last).
	ClusterRanges []string `yaml:"clusterRanges" json:"clusterRanges"`
	// ServiceEndpoints is IBM Cloud's private service endpoint network
	// (Cloud Databases, Cloudant and other private endpoints).
	ServiceEndpoints string `yaml:"serviceEndpoints" json:"serviceEndpoints"`
	// NodeLocalDNS is the link-local address of the NodeLocal DNS cache.
	NodeLocalDNS string `yaml:"nodeLocalDNS" json:"nodeLocalDNS"`
	// EtcdProxy is the master API server / etcd local proxy on classic
	// workers (ports 2040-2041).
	EtcdProxy []string `yaml:"etcdProxy" json:"etcdProxy"`
	// APIServerLocal are the kubernetes service IPs IBM's classic policies
	// allow (clusters created before and after the 10.10.10.1 change).
	APIServerLocal []string `yaml:"apiServerLocal" json:"apiServerLocal"`
	// PrivateNets are the RFC 1918 networks IBM's private isolation set
	// keeps pods from reaching.
	PrivateNets []string `yaml:"privateNets" json:"privateNets"`
	// CIS are the source ranges of the CIS (Cloudflare) proxy.
	CIS CISRanges `yaml:"cis" json:"cis"`
	// Classic are IBM's per-region classic isolation addresses.
	Classic ClassicNets `yaml:"classic" json:"classic"`
	// Akamai are the source ranges of the Akamai GTM liveness test that
	// health-checks classic ALBs through the Ingress domain.
	Akamai AkamaiRanges `yaml:"akamai" json:"akamai"`
}

// CISRanges are the IPv4 ranges the CIS proxy connects to origins from.
type CISRanges struct {
	Section `yaml:",inline" json:",inline"`
	// API is where IBM serves the current list.
	API    string   `yaml:"api" json:"api"`
	Ranges []string `yaml:"ranges" json:"ranges"`
}

// AkamaiRanges are the IPv4 ranges of Akamai's Global Traffic Management
// liveness test, which IBM says classic clusters must let reach their ALBs
// (TCP 80, and 443 for HTTPS monitors) wherever inbound traffic is
// restricted.
type AkamaiRanges struct {
	Section `yaml:",inline" json:",inline"`
	// Commit is the IBM-Cloud/kube-samples commit the ranges were read from.
	Commit string   `yaml:"commit" json:"commit"`
	Ranges []string `yaml:"ranges" json:"ranges"`
}

// ClassicNets are the addresses IBM publishes in IBM-Cloud/kube-samples for
// the Calico isolation policies of classic clusters.
type ClassicNets struct {
	Section `yaml:",inline" json:",inline"`
	// Commit is the IBM-Cloud/kube-samples commit the addresses were read from.
	Commit  string              `yaml:"commit" json:"commit"`
	Regions []ClassicRegionNets `yaml:"regions" json:"regions"`
}

// ClassicRegionNets are the addresses one classic region needs.
type ClassicRegionNets struct {
	Region string `yaml:"region" json:"region"`
	// MasterLabel names the region and data centers the master addresses cover.
	MasterLabel string `yaml:"masterLabel" json:"masterLabel"`
	// PublicMaster and PrivateMaster are the cluster masters' public and
	// private service endpoint addresses in the region.
	PublicMaster  []string `yaml:"publicMaster" json:"publicMaster"`
	PrivateMaster []string `yaml:"privateMaster" json:"privateMaster"`
	// SysMgmtPrivate are IBM's classic infrastructure management networks.
	SysMgmtPrivate []string `yaml:"sysMgmtPrivate" json:"sysMgmtPrivate"`
	// HealthCheck are the IKS control plane subnets that health-check
	// Ingress ALBs on TCP 80; HealthCheckFile is where IBM lists them.
	HealthCheck     []string `yaml:"healthCheck" json:"healthCheck"`
	HealthCheckFile string   `yaml:"healthCheckFile" json:"healthCheckFile"`
}

// ClassicNetsFor returns IBM's classic isolation addresses for region.
func (c *Catalog) ClassicNetsFor(region string) (ClassicRegionNets, bool) {
	for _, r := range c.Networks.Classic.Regions {
		if r.Region == region {
			return r, true
		}
	}
	return ClassicRegionNets{}, false
}

// ClassicNetRegions lists the regions with classic isolation addresses.
func (c *Catalog) ClassicNetRegions() []string {
	out := make([]string, 0, len(c.Networks.Classic.Regions))
	for _, r := range c.Networks.Classic.Regions {
		out = append(out, r.Region)
	}
	return out
}
