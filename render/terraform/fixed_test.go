package terraform

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/change"
)

// indexRE matches a concrete list index in a YAML path.
var indexRE = regexp.MustCompile(`\[\d+\]`)

// fixedPaths are the design paths the impact table (model/change) marks
// fixed at create (🔒: pool-replace or cluster-recreate), with [*] for any
// index: the table the document, the wizard and diff read.
func fixedPaths() []string {
	var out []string
	for _, r := range change.Table() {
		if r.Class.FixedAtCreate() {
			out = append(out, r.Key)
		}
	}
	sort.Strings(out)
	return out
}

// markedFixed reports whether a concrete design path falls under a 🔒 path
// (the path itself or a field below it).
func markedFixed(path string, fixed []string) bool {
	generic := indexRE.ReplaceAllString(path, "[*]")
	for _, f := range fixed {
		fz := strings.ReplaceAll(f, "[0]", "[*]")
		if path == f || strings.HasPrefix(path, f+".") || generic == f || strings.HasPrefix(generic, f+".") ||
			(fz != f && (generic == fz || strings.HasPrefix(generic, fz+".")) && strings.HasPrefix(path, strings.TrimSuffix(f, "]")[:strings.Index(f, "[")]+"[0]")) {
			return true
		}
	}
	return false
}

// knownDifferences are arguments where the provider and the design's 🔒
// marks disagree on purpose, keyed "<resource type>.<argument> <design
// path pattern>", with the reason. Each is said in terraform/README.md's
// fixed-at-create list or in a comment next to the argument.
var knownDifferences = map[string]string{
	// Pools: flavor, isolation and name are 🔒 (pool-replace) in the impact
	// table, as the provider's ForceNew says; they need no entry.
	"ibm_container_worker_pool_zone_attachment.zone spec.zones[*]": "(covered: zones are 🔒)",
	// Service instances and buckets: names of instances are editable, but
	// their service, plan location and bucket placement are fixed.
	"ibm_cos_bucket.bucket_name spec.storage.objectStorage.buckets[*].name":                 "a bucket's name cannot change; a new name is a new bucket",
	"ibm_cos_bucket.bucket_name spec.logging.cloudLogs.archive.dataBucket":                  "a bucket's name cannot change; a new name is a new bucket (the Cloud Logs instance then names it)",
	"ibm_cos_bucket.bucket_name spec.logging.cloudLogs.archive.metricsBucket":               "a bucket's name cannot change; a new name is a new bucket (the Cloud Logs instance then names it)",
	"ibm_cos_bucket.region_location spec.storage.objectStorage.buckets[*].resiliency":       "bucket resiliency is fixed at create (DESIGN.md says so in Storage)",
	"ibm_cos_bucket.cross_region_location spec.storage.objectStorage.buckets[*].resiliency": "bucket resiliency is fixed at create (DESIGN.md says so in Storage)",
	"ibm_cos_bucket.single_site_location spec.storage.objectStorage.buckets[*].resiliency":  "bucket resiliency is fixed at create (DESIGN.md says so in Storage)",
	"ibm_cos_bucket.storage_class spec.storage.objectStorage.buckets[*].class":              "the provider replaces a bucket to change its class; IBM can change the class only by lifecycle rules",
	"ibm_resource_instance.location spec.region":                                            "(covered: the region is 🔒)",
	"ibm_resource_instance.service spec.storage.databases[*].type":                          "a database's engine is its service; another engine is another instance",
	"ibm_kms_key.key_name spec.security.kms.rootKeyName":                                    "another root key name is another key; the cluster rotates to it (kms_config in place)",
	"ibm_is_subnet.zone spec.zones[*]":                                                      "(covered: zones are 🔒)",
	"ibm_is_public_gateway.zone spec.zones[*]":                                              "(covered: zones are 🔒)",
	// KMS is not fixed at create (issue 9: enabled after create, rotatable, never
	// disabled): kms_config changes in place, as the design says, so it needs no entry.
	"ibm_container_ingress_instance.instance_crn spec.network.ingress.tlsSecretsManager": "another Secrets Manager instance is another registration; replacing it is what the change means",
	// Zones change in place in the impact table (zone add / rm), but a
	// classic cluster keeps the data center it was created in.
	"ibm_container_cluster.datacenter spec.zones[*]": "a classic cluster's creation data center is fixed; its pools' zones change in place (ibmcloud ks zone add / rm)",
	// The impact table fixes the VPC (ForceNew vpc_id); the VPC itself can be
	// renamed, but the runbook finds the VPC by this name.
	"ibm_is_vpc.name spec.network.vpc.vpcName": "another name is another VPC to the runbook, and a cluster cannot move VPC (ibm_container_vpc_cluster.vpc_id ForceNew)",
	// Classic service endpoints: IBM can turn on the private endpoint of an
	// existing cluster (the runbook's network step does), but the provider
	// replaces the cluster when the arguments change: cluster.tf says so.
	"ibm_container_cluster.private_service_endpoint spec.network.serviceEndpoints": "the provider replaces a classic cluster to change its endpoints; use ibmcloud ks instead (comment in cluster.tf)",
	"ibm_container_cluster.public_service_endpoint spec.network.serviceEndpoints":  "the provider replaces a classic cluster to change its endpoints; use ibmcloud ks instead (comment in cluster.tf)",
}

// TestFixedAtCreateMatchesForceNew compares the design's 🔒 marks with the
// provider: every argument set from a 🔒 field must be ForceNew or
// ignored after create (ApplyOnce), and every ForceNew argument set from
// the design must be a 🔒 field, unless knownDifferences explains why not.
func TestFixedAtCreateMatchesForceNew(t *testing.T) {
	sch, err := ProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	fixed := fixedPaths()
	if len(fixed) == 0 {
		t.Fatal("no rule marks a path fixed at create")
	}
	used := map[string]bool{}
	for _, d := range designs(t) {
		m := buildModule(t, d)
		for _, b := range m.blocks() {
			if b.typ != "resource" && b.typ != "data" {
				continue
			}
			bs, ok := sch.Lookup(b.typ, b.labels[0])
			if !ok {
				continue
			}
			check := func(name, from string, sa *Attribute) {
				if from == "" || sa == nil || b.typ == "data" {
					return
				}
				key := b.labels[0] + "." + name + " " + indexRE.ReplaceAllString(from, "[*]")
				design := markedFixed(from, fixed)
				provider := sa.ForceNew || sa.ApplyOnce
				switch {
				case design && !provider, !design && sa.ForceNew:
					if _, ok := knownDifferences[key]; ok {
						used[key] = true
						return
					}
					t.Errorf("%s: %s (from %s): design fixed-at-create %v, provider ForceNew %v ApplyOnce %v",
						d.name, b.labels[0]+"."+name, from, design, sa.ForceNew, sa.ApplyOnce)
				}
			}
			walkFrom(b, bs, check)
		}
	}
	for k := range knownDifferences {
		if !used[k] && !strings.HasPrefix(knownDifferences[k], "(covered") {
			t.Errorf("knownDifferences[%q] is never needed: remove it", k)
		}
	}
}

// walkFrom calls fn for every attribute with a design path, and for every
// nested block whose attributes all come from one path prefix.
func walkFrom(b *block, bs *Block, fn func(name, from string, sa *Attribute)) {
	for _, it := range b.items {
		switch v := it.(type) {
		case *attr:
			fn(v.name, v.from, bs.Attributes[v.name])
		case *block:
			sa := bs.Attributes[v.typ]
			if sa == nil || sa.Block == nil {
				continue
			}
			if from := blockFrom(v); from != "" {
				fn(v.typ, from, sa)
			}
			walkFrom(v, sa.Block, func(name, from string, a *Attribute) { fn(v.typ+"."+name, from, a) })
		}
	}
}

// blockFrom is the design path of a nested block: the common parent of
// its attributes' paths (kms_config ← spec.security.kms).
func blockFrom(b *block) string {
	var paths []string
	for _, it := range b.items {
		if a, ok := it.(*attr); ok && a.from != "" {
			paths = append(paths, a.from)
		}
	}
	if len(paths) == 0 {
		return ""
	}
	common := paths[0]
	for _, p := range paths[1:] {
		for !strings.HasPrefix(p, common) {
			i := strings.LastIndexAny(common, ".[")
			if i <= 0 {
				return ""
			}
			common = common[:i]
		}
	}
	if len(paths) == 1 {
		if i := strings.LastIndexAny(common, ".["); i > 0 {
			common = common[:i]
		}
	}
	return common
}
