package ibmcloud

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// State is the simulated account. It lives in STATE_DIR/account.json and
// every call reads and writes it under a lock.
type State struct {
	// Seq numbers created resources so their IDs and dates are stable.
	Seq int `json:"seq"`

	Session  Session  `json:"session"`
	Account  Account  `json:"account"`
	Groups   []RGroup `json:"resourceGroups"`
	VPCs     []VPC    `json:"vpcs"`
	Subnets  []Subnet `json:"subnets"`
	Gateways []PGW    `json:"publicGateways"`
	VLANs    []VLAN   `json:"classicVLANs"`
	// EndpointGateways are the VPCs' VPE gateways the runbook creates (IKS's
	// own, for the master and the shared services, are not modelled).
	EndpointGateways []EndpointGateway `json:"endpointGateways"`
	Clusters         []*Cluster        `json:"clusters"`

	Instances    []Instance    `json:"serviceInstances"`
	Keys         []Key         `json:"keys"`
	Buckets      []Bucket      `json:"buckets"`
	CBRZones     []CBRZone     `json:"cbrZones"`
	CBRRules     []CBRRule     `json:"cbrRules"`
	AccessGroups []AccessGroup `json:"accessGroups"`
	COSConfigCRN string        `json:"cosConfigCRN"`
	AuthPolicies []AuthPolicy  `json:"authorizationPolicies"`
	ATTargets    []ATTarget    `json:"atrackerTargets"`
	ATRoutes     []ATRoute     `json:"atrackerRoutes"`
	HostPools    []*HostPool   `json:"dedicatedHostPools"`
}

// Session is the local CLI session: login and target.
type Session struct {
	LoggedIn      bool   `json:"loggedIn"`
	Region        string `json:"region"`
	ResourceGroup string `json:"resourceGroup"`
}

// Account holds the account-level switches the runbook checks.
type Account struct {
	ID                     string `json:"id"`
	VRFEnabled             bool   `json:"vrfEnabled"`
	ServiceEndpointEnabled bool   `json:"serviceEndpointEnabled"`
}

// RGroup is a resource group.
type RGroup struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// VPC is a VPC of the account.
type VPC struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	ResourceGroup string `json:"resourceGroup"`
}

// Subnet is a VPC subnet.
type Subnet struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	VPC           string `json:"vpc"`
	Zone          string `json:"zone"`
	CIDR          string `json:"cidr"`
	Addresses     int    `json:"addresses"`
	PublicGateway string `json:"publicGateway,omitempty"`
	ResourceGroup string `json:"resourceGroup"`
}

// PGW is a VPC public gateway.
type PGW struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	VPC           string `json:"vpc"`
	Zone          string `json:"zone"`
	ResourceGroup string `json:"resourceGroup"`
}

// Cluster is an IKS cluster and everything the runbook configures on it.
type Cluster struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Provider      string `json:"provider"` // classic | vpc-gen2
	Region        string `json:"region"`
	ResourceGroup string `json:"resourceGroup"`
	Version       string `json:"version"`
	VPC           string `json:"vpc,omitempty"`
	Created       int    `json:"created"`

	// Polls counts reads of the cluster; the lifecycle advances with them.
	Polls       int  `json:"polls"`
	MasterReady int  `json:"masterReadyAtPoll"`
	PrivateSE   bool `json:"privateServiceEndpoint"`
	PublicSE    bool `json:"publicServiceEndpoint"`
	// OutboundProtection is VPC Secure by Default's outbound traffic protection.
	OutboundProtection bool `json:"outboundTrafficProtection"`
	// MasterBusyUntil is the poll until which a master operation
	// (refresh, KMS, endpoint change) is in progress.
	MasterBusyUntil int    `json:"masterBusyUntilPoll"`
	MasterOp        string `json:"masterOp,omitempty"`

	Pools         []*Pool       `json:"pools"`
	KMS           *KMSConfig    `json:"kms,omitempty"`
	Addons        []Addon       `json:"addons"`
	ALBs          []ALB         `json:"albs"`
	ALBAutoUpdate bool          `json:"albAutoUpdate"`
	ImageSecurity bool          `json:"imageSecurity"`
	AuditWebhook  *AuditWebhook `json:"auditWebhook,omitempty"`
	// LogConfigs are the cluster's log forwarding configurations (ks
	// logging config create).
	LogConfigs       []LogConfig       `json:"loggingConfigs,omitempty"`
	Bindings         []Binding         `json:"serviceBindings"`
	Refreshes        int               `json:"masterRefreshes"`
	IngressInstances []IngressInstance `json:"ingressInstances,omitempty"`
	LBBackend        string            `json:"loadBalancerPublicBackend,omitempty"`
	LBPrivateBackend string            `json:"loadBalancerPrivateBackend,omitempty"`
}

// Pool is a worker pool.
type Pool struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Flavor      string            `json:"flavor"`
	SizePerZone int               `json:"sizePerZone"`
	Hardware    string            `json:"hardware,omitempty"`
	HostPool    string            `json:"dedicatedHostPool,omitempty"`
	OS          string            `json:"operatingSystem"`
	Labels      map[string]string `json:"labels,omitempty"`
	Taints      map[string]string `json:"taints,omitempty"`
	Zones       []*PoolZone       `json:"zones"`
	// VolumeKMS is the VPC workers' boot-volume encryption, set at create
	// (--kms-instance, --crk).
	VolumeKMS *VolumeKMS `json:"workerVolumeEncryption,omitempty"`
}

// VolumeKMS is containerv2 WorkerVolumeEncryption (bluemix-go clusters.go).
type VolumeKMS struct {
	KMSInstanceID     string `json:"kmsInstanceID,omitempty"`
	WorkerVolumeCRKID string `json:"workerVolumeCRKID,omitempty"`
	KMSAccountID      string `json:"kmsAccountID,omitempty"`
}

// PoolZone is one zone of a pool with its workers.
type PoolZone struct {
	ID          string   `json:"id"`
	SubnetID    string   `json:"subnetID,omitempty"`
	PrivateVLAN string   `json:"privateVLAN,omitempty"`
	PublicVLAN  string   `json:"publicVLAN,omitempty"`
	Workers     []Worker `json:"workers"`
}

// Worker is one worker node; it becomes normal WorkerPolls polls after it
// was ordered.
type Worker struct {
	ID         string `json:"id"`
	OrderedAt  int    `json:"orderedAtPoll"`
	Registered bool   `json:"registered"`
	// Version is the worker's Kubernetes major.minor: the master's when it
	// was ordered, until a worker update or replace --update.
	Version string `json:"version,omitempty"`
	// OS is the operating system the worker runs (a pool's OS change
	// reaches a worker when it is replaced or updated).
	OS string `json:"operatingSystem,omitempty"`
	// IP is its private IP, which IKS also uses as the node name.
	IP string `json:"ip,omitempty"`
}

// KMSConfig is the cluster's KMS provider.
type KMSConfig struct {
	InstanceID string `json:"instanceID"`
	CRK        string `json:"crk"`
	PublicEP   bool   `json:"publicEndpoint"`
}

// Addon is an enabled managed add-on.
type Addon struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ALB is an Ingress ALB.
type ALB struct {
	ID      string `json:"id"`
	Type    string `json:"type"` // public | private
	Zone    string `json:"zone"`
	Enabled bool   `json:"enabled"`
	Version string `json:"version,omitempty"`
}

// AuditWebhook is the master's audit webhook.
type AuditWebhook struct {
	Server string `json:"server"`
	Policy string `json:"policy"`
	CACert bool   `json:"caCert"`
	Client bool   `json:"clientCert"`
}

// Binding is a `ks cluster service bind`.
type Binding struct {
	Service   string `json:"service"`
	Namespace string `json:"namespace"`
	Role      string `json:"role"`
}

// Instance is a Resource Controller service instance.
type Instance struct {
	GUID          string            `json:"guid"`
	Name          string            `json:"name"`
	Service       string            `json:"service"`
	Plan          string            `json:"plan"`
	Location      string            `json:"location"`
	ResourceGroup string            `json:"resourceGroup"`
	Endpoints     string            `json:"serviceEndpoints,omitempty"`
	Parameters    map[string]any    `json:"parameters,omitempty"`
	Created       int               `json:"created"`
	Tags          map[string]string `json:"-"`
}

// Key is a Key Protect key.
type Key struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Instance string `json:"instance"`
	Root     bool   `json:"root"`
	// DualAuthDelete is the key's dual authorization deletion policy.
	DualAuthDelete bool `json:"dualAuthDelete,omitempty"`
	Created        int  `json:"created"`
}

// Bucket is an Object Storage bucket.
type Bucket struct {
	Name     string `json:"name"`
	Class    string `json:"class"`
	Region   string `json:"region"`
	Instance string `json:"instance"`
}

// CBRZone is a context-based restrictions network zone.
type CBRZone struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Addresses   []string `json:"addresses"`
	VPCs        []string `json:"vpcs"`
	Created     int      `json:"created"`
}

// CBRRule is a context-based restrictions rule.
type CBRRule struct {
	ID              string `json:"id"`
	Description     string `json:"description"`
	Service         string `json:"serviceName"`
	ServiceInstance string `json:"serviceInstance"`
	APIType         string `json:"apiType"`
	ZoneID          string `json:"zoneID"`
	// Contexts are the rule's contexts as `--context-attributes` gave
	// them ("endpointType=public,networkZoneId=ID"): IBM's API ORs the
	// contexts and ANDs the attributes inside one (CBR API, Rule.contexts).
	// Empty: one context naming ZoneID (`--zone-id`).
	Contexts    []string `json:"contexts,omitempty"`
	Enforcement string   `json:"enforcementMode"`
	Created     int      `json:"created"`
}

// AccessGroup is an IAM access group with its members and policies.
type AccessGroup struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Members     []string `json:"members"`
	Policies    []Policy `json:"policies"`
}

// Policy is an access-group policy.
type Policy struct {
	Roles           string `json:"roles"`
	ServiceName     string `json:"serviceName,omitempty"`
	ServiceInstance string `json:"serviceInstance,omitempty"`
	ResourceType    string `json:"resourceType,omitempty"`
	Resource        string `json:"resource,omitempty"`
	Attributes      string `json:"attributes,omitempty"`
}

// newID returns a stable ID: the hash of kind, name and the sequence, so
// two rehearsals of one design create the same IDs.
func (s *State) newID(kind, name string, n int) string {
	s.Seq++
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%s/%d", kind, name, n)))
	return hex.EncodeToString(h[:])
}

// statePath is the account file in dir.
func statePath(dir string) string { return filepath.Join(dir, "account.json") }

// NewState is a fresh account: logged out, VRF and service endpoints on
// (IKS needs both for private endpoints), the Default resource group and
// the given extra groups.
func NewState(groups ...string) *State {
	s := &State{Account: Account{ID: "a1b2c3d4e5f60718293a4b5c6d7e8f90", VRFEnabled: true, ServiceEndpointEnabled: true}}
	for _, g := range append([]string{"Default"}, groups...) {
		if s.group(g) == nil {
			s.Groups = append(s.Groups, RGroup{ID: s.newID("rg", g, 0)[:32], Name: g})
		}
	}
	return s
}

// Save writes the state into dir (for rehearse, before the first call).
func (s *State) Save(dir string) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp := statePath(dir) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, statePath(dir))
}

// LoadState reads the state of dir.
func LoadState(dir string) (*State, error) {
	b, err := os.ReadFile(statePath(dir))
	if err != nil {
		return nil, err
	}
	s := &State{}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("double state %s: %w", statePath(dir), err)
	}
	return s, nil
}

// lock takes an exclusive lock on dir for one call.
func lock(dir string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

var errNotFound = errors.New("not found")

func (s *State) group(name string) *RGroup {
	return find(s.Groups, func(g *RGroup) bool { return g.Name == name || g.ID == name })
}

func (s *State) vpc(ref string) *VPC {
	return find(s.VPCs, func(v *VPC) bool { return v.ID == ref || v.Name == ref })
}

func (s *State) subnet(ref, vpc string) *Subnet {
	return find(s.Subnets, func(sn *Subnet) bool { return (sn.ID == ref || sn.Name == ref) && (vpc == "" || sn.VPC == vpc) })
}

func (s *State) gateway(ref, vpc string) *PGW {
	return find(s.Gateways, func(g *PGW) bool { return (g.ID == ref || g.Name == ref) && (vpc == "" || g.VPC == vpc) })
}

func (s *State) cluster(ref string) *Cluster {
	return findPtr(s.Clusters, func(c *Cluster) bool { return c.ID == ref || c.Name == ref })
}

func (s *State) instancesNamed(ref string) []*Instance {
	var out []*Instance
	for i := range s.Instances {
		in := &s.Instances[i]
		if in.Name == ref || in.GUID == ref || in.crn() == ref {
			out = append(out, in)
		}
	}
	return out
}

func (s *State) accessGroup(name string) *AccessGroup {
	return find(s.AccessGroups, func(g *AccessGroup) bool { return g.Name == name })
}

func (c *Cluster) pool(ref string) *Pool {
	return findPtr(c.Pools, func(p *Pool) bool { return p.Name == ref || p.ID == ref })
}

func (p *Pool) zone(id string) *PoolZone {
	return findPtr(p.Zones, func(z *PoolZone) bool { return z.ID == id })
}

// find returns a pointer to the first element of xs that match accepts
// (so the caller can change it in place), or nil.
func find[T any](xs []T, match func(*T) bool) *T {
	for i := range xs {
		if match(&xs[i]) {
			return &xs[i]
		}
	}
	return nil
}

// findPtr is find for a slice of pointers.
func findPtr[T any](xs []*T, match func(*T) bool) *T {
	for _, x := range xs {
		if match(x) {
			return x
		}
	}
	return nil
}

// IngressInstance is a Secrets Manager instance registered with the
// cluster's Ingress (`ks ingress instance register`).
type IngressInstance struct {
	Name      string `json:"name"`
	CRN       string `json:"crn"`
	IsDefault bool   `json:"isDefault"`
}
