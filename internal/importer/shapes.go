package importer

// The JSON shapes import reads, with only the fields it uses. Sources:
// /work/shared/reference/ibm-api-shapes.md (A.1 cluster get: flat v1
// classic body, nested v2 VPC body, from IBM-Cloud/bluemix-go containerv1/
// containerv2 and container-services-go-sdk; A.2 worker pools; A.3 ALB
// list wrapper; A.5 addons, audit webhook; A.6 VPC subnets and VPCs).

type clusterJSON struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	Region            string   `json:"region"`
	Provider          string   `json:"provider"` // v2 only; absent: classic
	MasterKubeVersion string   `json:"masterKubeVersion"`
	ResourceGroupName string   `json:"resourceGroupName"`
	PodSubnet         string   `json:"podSubnet"`
	ServiceSubnet     string   `json:"serviceSubnet"`
	WorkerZones       []string `json:"workerZones"`
	VPCs              []string `json:"vpcs"`
	ImageSecurity     bool     `json:"imageSecurityEnabled"`
	// classic (flat v1)
	KeyProtectEnabled bool `json:"keyProtectEnabled"`
	PrivateSE         bool `json:"privateServiceEndpointEnabled"`
	PublicSE          bool `json:"publicServiceEndpointEnabled"`
	// VPC (nested v2)
	ServiceEndpoints *struct {
		PrivateSE bool `json:"privateServiceEndpointEnabled"`
		PublicSE  bool `json:"publicServiceEndpointEnabled"`
	} `json:"serviceEndpoints"`
	Features *struct {
		KeyProtectEnabled bool `json:"keyProtectEnabled"`
	} `json:"features"`
}

// poolJSON reads both the v1 (classic) and v2 (VPC) pool bodies.
type poolJSON struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`        // v1
	PoolName    string            `json:"poolName"`    // v2
	MachineType string            `json:"machineType"` // v1
	Flavor      string            `json:"flavor"`      // v2
	SizePerZone int               `json:"sizePerZone"` // v1
	WorkerCount int               `json:"workerCount"` // v2, per zone
	Isolation   string            `json:"isolation"`
	OS          string            `json:"operatingSystem"`
	Labels      map[string]string `json:"labels"`
	Taints      map[string]string `json:"taints"`
	HostPoolID  string            `json:"dedicatedHostPoolId"`
	VolumeEnc   *struct {
		KMSInstanceID string `json:"kmsInstanceID"`
		CRK           string `json:"workerVolumeCRKID"`
	} `json:"workerVolumeEncryption"`
	Zones []struct {
		ID          string `json:"id"`
		PrivateVLAN string `json:"privateVlan"`
		PublicVLAN  string `json:"publicVlan"`
		Subnets     []struct {
			ID      string `json:"id"`
			Primary bool   `json:"primary"`
		} `json:"subnets"`
	} `json:"zones"`
}

func (p poolJSON) name() string {
	if p.PoolName != "" {
		return p.PoolName
	}
	return p.Name
}

func (p poolJSON) flavor() string {
	if p.Flavor != "" {
		return p.Flavor
	}
	return p.MachineType
}

func (p poolJSON) size() int {
	if p.SizePerZone != 0 {
		return p.SizePerZone
	}
	return p.WorkerCount
}

type albListJSON struct {
	ALB []struct {
		ALBID    string `json:"albID"`
		ALBType  string `json:"albType"`
		Enable   bool   `json:"enable"`
		Zone     string `json:"zone"`
		ALBBuild string `json:"albBuild"`
	} `json:"alb"`
}

type addonJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type auditWebhookJSON struct {
	AuditServer string `json:"auditServer"`
}

type vpcJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type subnetJSON struct {
	ID                    string `json:"id"`
	Name                  string `json:"name"`
	TotalIPv4AddressCount int    `json:"total_ipv4_address_count"`
	Zone                  struct {
		Name string `json:"name"`
	} `json:"zone"`
	PublicGateway *struct {
		ID string `json:"id"`
	} `json:"public_gateway"`
}
