package ibmcloud

import "fmt"

// The JSON of `ks cluster get --output json`. Classic clusters answer with
// the flat v1 ClusterInfo (IBM-Cloud/bluemix-go api/container/containerv1,
// keys as in a real classic capture); VPC clusters with the nested v2 shape
// (bluemix-go containerv2 ClusterInfo + container-services-go-sdk
// GetClusterResponse): service endpoints, features, lifecycle and ingress
// are objects there. Field list: /work/shared/reference/ibm-api-shapes.md A.1.

type classicCluster struct {
	ID                            string    `json:"id"`
	Name                          string    `json:"name"`
	CRN                           string    `json:"crn"`
	Region                        string    `json:"region"`
	Location                      string    `json:"location"`
	DataCenter                    string    `json:"dataCenter"`
	MultiAZCapable                bool      `json:"multiAzCapable"`
	State                         string    `json:"state"`
	Status                        string    `json:"status"`
	CreatedDate                   string    `json:"createdDate"`
	ModifiedDate                  string    `json:"modifiedDate"`
	WorkerCount                   int       `json:"workerCount"`
	WorkerZones                   []string  `json:"workerZones"`
	IsPaid                        bool      `json:"isPaid"`
	MasterKubeVersion             string    `json:"masterKubeVersion"`
	TargetVersion                 string    `json:"targetVersion"`
	IngressHostname               string    `json:"ingressHostname"`
	IngressSecretName             string    `json:"ingressSecretName"`
	ServerURL                     string    `json:"serverURL"`
	MasterStatus                  string    `json:"masterStatus"`
	MasterStatusModifiedDate      string    `json:"masterStatusModifiedDate"`
	MasterHealth                  string    `json:"masterHealth"`
	MasterState                   string    `json:"masterState"`
	KeyProtectEnabled             bool      `json:"keyProtectEnabled"`
	PullSecretApplied             bool      `json:"pullSecretApplied"`
	PrivateServiceEndpointEnabled bool      `json:"privateServiceEndpointEnabled"`
	PrivateServiceEndpointURL     string    `json:"privateServiceEndpointURL"`
	PublicServiceEndpointEnabled  bool      `json:"publicServiceEndpointEnabled"`
	PublicServiceEndpointURL      string    `json:"publicServiceEndpointURL"`
	PodSubnet                     string    `json:"podSubnet"`
	ServiceSubnet                 string    `json:"serviceSubnet"`
	ResourceGroup                 string    `json:"resourceGroup"`
	ResourceGroupName             string    `json:"resourceGroupName"`
	Type                          string    `json:"type"`
	ImageSecurityEnabled          bool      `json:"imageSecurityEnabled"`
	DisableAutoUpdate             bool      `json:"disableAutoUpdate"`
	Addons                        []v1Addon `json:"addons"`
	VLANs                         []v1VLAN  `json:"vlans"`
}

type v1Addon struct {
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}

type v1VLAN struct {
	ID     string `json:"id"`
	Zone   string `json:"zone"`
	Region string `json:"region"`
}

type vpcCluster struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	CRN                  string       `json:"crn"`
	Region               string       `json:"region"`
	Location             string       `json:"location"`
	DataCenter           string       `json:"dataCenter"`
	Provider             string       `json:"provider"`
	Type                 string       `json:"type"`
	State                string       `json:"state"`
	Status               string       `json:"status"`
	CreatedDate          string       `json:"createdDate"`
	MasterKubeVersion    string       `json:"masterKubeVersion"`
	TargetVersion        string       `json:"targetVersion"`
	ResourceGroup        string       `json:"resourceGroup"`
	ResourceGroupName    string       `json:"resourceGroupName"`
	PodSubnet            string       `json:"podSubnet"`
	ServiceSubnet        string       `json:"serviceSubnet"`
	NetworkPlugin        string       `json:"networkPlugin"`
	WorkerCount          int          `json:"workerCount"`
	WorkerZones          []string     `json:"workerZones"`
	VPCs                 []string     `json:"vpcs"`
	MultiAZCapable       bool         `json:"multiAzCapable"`
	IsPaid               bool         `json:"isPaid"`
	DisableAutoUpdate    bool         `json:"disableAutoUpdate"`
	ImageSecurityEnabled bool         `json:"imageSecurityEnabled"`
	MasterURL            string       `json:"masterURL"`
	ServerURL            string       `json:"serverURL"`
	VPEURL               string       `json:"virtualPrivateEndpointURL"`
	ServiceEndpoints     vpcEndpoints `json:"serviceEndpoints"`
	Lifecycle            vpcLifecycle `json:"lifecycle"`
	Ingress              vpcIngress   `json:"ingress"`
	Features             vpcFeatures  `json:"features"`
	Addons               []v2Addon    `json:"addons"`
}

type vpcEndpoints struct {
	PrivateServiceEndpointEnabled bool   `json:"privateServiceEndpointEnabled"`
	PrivateServiceEndpointURL     string `json:"privateServiceEndpointURL"`
	PublicServiceEndpointEnabled  bool   `json:"publicServiceEndpointEnabled"`
	PublicServiceEndpointURL      string `json:"publicServiceEndpointURL"`
}

type vpcLifecycle struct {
	ModifiedDate             string `json:"modifiedDate"`
	MasterStatus             string `json:"masterStatus"`
	MasterStatusModifiedDate string `json:"masterStatusModifiedDate"`
	MasterHealth             string `json:"masterHealth"`
	MasterState              string `json:"masterState"`
}

type vpcIngress struct {
	Hostname   string `json:"hostname"`
	SecretName string `json:"secretName"`
	Status     string `json:"status"`
	Message    string `json:"message"`
}

type vpcFeatures struct {
	KeyProtectEnabled bool `json:"keyProtectEnabled"`
	PullSecretApplied bool `json:"pullSecretApplied"`
}

type v2Addon struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// date is a stable timestamp in IBM's format (2026-01-10T01:57:11+0000).
func date(seq int) string {
	return fmt.Sprintf("2026-12-01T%02d:%02d:%02d+0000", (seq/3600)%24, (seq/60)%60, seq%60)
}

func (c *Cluster) crn(account string) string {
	return fmt.Sprintf("crn:v1:bluemix:public:containers-kubernetes:%s:a/%s:%s::", c.Region, account, c.ID)
}

func (c *Cluster) status(cfg Config) string {
	switch c.state(cfg) {
	case "normal":
		return "All Workers Normal"
	case "pending":
		return "Some workers are still being provisioned."
	}
	return ""
}

func (c *Cluster) ingressHost() string {
	return fmt.Sprintf("%s-%s-0000.%s.containers.appdomain.cloud", c.Name, c.ID[:6], c.Region)
}

func (c *Cluster) endpointURLs() (private, public string) {
	private = fmt.Sprintf("https://c100.private.%s.containers.cloud.ibm.com:30%s", c.Region, c.ID[:3])
	public = fmt.Sprintf("https://c100.%s.containers.cloud.ibm.com:30%s", c.Region, c.ID[:3])
	if !c.PrivateSE {
		private = ""
	}
	if !c.PublicSE {
		public = ""
	}
	return private, public
}

func classicClusterJSON(env *Env, c *Cluster) classicCluster {
	cfg := env.Config
	ms, mstate, mhealth := c.masterFields(cfg)
	priv, pub := c.endpointURLs()
	out := classicCluster{
		ID: c.ID, Name: c.Name, CRN: c.crn(env.State.Account.ID), Region: c.Region,
		Location: c.Region, DataCenter: firstZone(c), MultiAZCapable: true,
		State: c.state(cfg), Status: c.status(cfg), CreatedDate: date(c.Created), ModifiedDate: date(c.Created + c.Polls),
		WorkerCount: c.workerCount(), WorkerZones: c.zones(), IsPaid: true,
		MasterKubeVersion: c.masterVersion(cfg), TargetVersion: fullVersion(c.Version),
		MasterStatus: ms, MasterStatusModifiedDate: date(c.Created + c.Polls), MasterHealth: mhealth, MasterState: mstate,
		KeyProtectEnabled: c.KMS != nil, PullSecretApplied: c.masterReady(cfg),
		PrivateServiceEndpointEnabled: c.PrivateSE, PrivateServiceEndpointURL: priv,
		PublicServiceEndpointEnabled: c.PublicSE, PublicServiceEndpointURL: pub, ServerURL: pub,
		PodSubnet: "172.30.0.0/16", ServiceSubnet: "172.21.0.0/16",
		ResourceGroup: groupID(env.State, c.ResourceGroup), ResourceGroupName: c.ResourceGroup,
		Type: "kubernetes", ImageSecurityEnabled: c.ImageSecurity, DisableAutoUpdate: false,
		Addons: []v1Addon{}, VLANs: []v1VLAN{},
	}
	if out.ServerURL == "" {
		out.ServerURL = priv
	}
	if c.masterReady(cfg) {
		out.IngressHostname, out.IngressSecretName = c.ingressHost(), c.Name+"-"+c.ID[:6]+"-0000"
	}
	for _, a := range c.Addons {
		out.Addons = append(out.Addons, v1Addon{Name: a.Name, Enabled: true})
	}
	for _, p := range c.Pools {
		for _, z := range p.Zones {
			for _, v := range []string{z.PrivateVLAN, z.PublicVLAN} {
				if v != "" && !hasVLAN(out.VLANs, v) {
					out.VLANs = append(out.VLANs, v1VLAN{ID: v, Zone: z.ID, Region: c.Region})
				}
			}
		}
	}
	return out
}

func hasVLAN(vs []v1VLAN, id string) bool {
	for _, v := range vs {
		if v.ID == id {
			return true
		}
	}
	return false
}

func vpcClusterJSON(env *Env, c *Cluster) vpcCluster {
	cfg := env.Config
	ms, mstate, mhealth := c.masterFields(cfg)
	priv, pub := c.endpointURLs()
	out := vpcCluster{
		ID: c.ID, Name: c.Name, CRN: c.crn(env.State.Account.ID), Region: c.Region, Location: c.Region,
		DataCenter: firstZone(c), Provider: "vpc-gen2", Type: "kubernetes",
		State: c.state(cfg), Status: c.status(cfg), CreatedDate: date(c.Created),
		MasterKubeVersion: c.masterVersion(cfg), TargetVersion: fullVersion(c.Version),
		ResourceGroup: groupID(env.State, c.ResourceGroup), ResourceGroupName: c.ResourceGroup,
		PodSubnet: "172.17.0.0/18", ServiceSubnet: "172.21.0.0/16", NetworkPlugin: "calico",
		WorkerCount: c.workerCount(), WorkerZones: c.zones(), VPCs: []string{c.VPC},
		MultiAZCapable: true, IsPaid: true, ImageSecurityEnabled: c.ImageSecurity,
		MasterURL: priv, VPEURL: fmt.Sprintf("https://%s.vpe.private.%s.containers.cloud.ibm.com:30%s", c.ID, c.Region, c.ID[:3]),
		ServiceEndpoints: vpcEndpoints{PrivateServiceEndpointEnabled: c.PrivateSE, PrivateServiceEndpointURL: priv, PublicServiceEndpointEnabled: c.PublicSE, PublicServiceEndpointURL: pub},
		Lifecycle:        vpcLifecycle{ModifiedDate: date(c.Created + c.Polls), MasterStatus: ms, MasterStatusModifiedDate: date(c.Created + c.Polls), MasterHealth: mhealth, MasterState: mstate},
		Features:         vpcFeatures{KeyProtectEnabled: c.KMS != nil, PullSecretApplied: c.masterReady(cfg)},
		Addons:           []v2Addon{},
	}
	if pub != "" {
		out.MasterURL = pub
	}
	if c.masterReady(cfg) {
		out.Ingress = vpcIngress{Hostname: c.ingressHost(), SecretName: c.Name + "-" + c.ID[:6] + "-0000", Status: "healthy"}
	}
	for _, a := range c.Addons {
		out.Addons = append(out.Addons, v2Addon(a))
	}
	return out
}

func firstZone(c *Cluster) string {
	if z := c.zones(); len(z) > 0 {
		return z[0]
	}
	return ""
}

func groupID(s *State, name string) string {
	if g := s.group(name); g != nil {
		return g.ID
	}
	return ""
}

// masterVersion is masterKubeVersion: during a version update IKS reports
// it with " (pending)" (terraform-provider-ibm waits while it contains
// "pending", ibm-api-shapes.md A.1).
func (c *Cluster) masterVersion(cfg Config) string {
	if c.MasterOp == "Version update" && c.Polls < c.MasterBusyUntil {
		return fullVersion(c.Version) + " (pending)"
	}
	return fullVersion(c.Version)
}
