// Package change says what a change to a design costs on a running
// cluster. One table (table.go) gives every design field its impact class
// and the IBM source that makes it so; the design document's and the
// wizard's "fixed at create" marks, `iksplan diff` and the change runbook
// all read that table, so they cannot disagree.
package change

import "fmt"

// Class is the impact of a change on a running cluster, from the cheapest
// to the most severe. The order is the order diff prints: most severe first.
type Class int

// The impact classes.
const (
	// InPlace changes apply to the running cluster without replacing a
	// worker: resize, labels, taints, zone add or rm, add-ons, ALB settings,
	// KMS enable or rotate, and everything iksplan applies as manifests.
	InPlace Class = iota
	// Rolling changes replace or reload workers one at a time: a new
	// Kubernetes version (master first, one minor at a time) or pool OS.
	Rolling
	// PoolReplace changes cannot be made to an existing pool: a new pool
	// with the new value, a drain of the old one through the PDBs, then its
	// removal (flavor, isolation, disk or boot-volume encryption, VLANs or
	// subnets).
	PoolReplace
	// ClusterRecreate changes are fixed when the cluster is created: a new
	// cluster is the only way (name, infrastructure, region, VPC, resource
	// group, pod or service subnet, KMS disable).
	ClusterRecreate
	// DataRisk changes can lose data: a zone that holds zone-bound volumes
	// dropped, a bucket, database, volume or storage service deleted.
	DataRisk
)

var classNames = [...]string{"in-place", "rolling", "pool-replace", "cluster-recreate", "data-risk"}

// Classes lists every class from the most severe to the cheapest.
func Classes() []Class { return []Class{DataRisk, ClusterRecreate, PoolReplace, Rolling, InPlace} }

// String is the class's name as diff prints it.
func (c Class) String() string {
	if c < InPlace || c > DataRisk {
		return fmt.Sprintf("class(%d)", int(c))
	}
	return classNames[c]
}

// ParseClass reads a class name.
func ParseClass(s string) (Class, error) {
	for i, n := range classNames {
		if n == s {
			return Class(i), nil
		}
	}
	return 0, fmt.Errorf("unknown impact class %q", s)
}

// MarshalText writes the class by name (JSON output).
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads the class by name.
func (c *Class) UnmarshalText(b []byte) error {
	v, err := ParseClass(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// FixedAtCreate reports whether the class means the value cannot change on
// what exists: the pool (pool-replace) or the cluster (cluster-recreate).
func (c Class) FixedAtCreate() bool { return c == PoolReplace || c == ClusterRecreate }
