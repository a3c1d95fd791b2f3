package view

import (
	"slices"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model/catalog"
)

// VPCBlockAddon is the VPC Block Storage add-on, which IKS enables on every
// VPC cluster by default, so no renderer enables it.
const VPCBlockAddon = "vpc-block-csi-driver"

// VolumeClasses returns the catalog storage class of each volume, in the
// volumes' order; a class the catalog does not know keeps only its name.
func (c *Context) VolumeClasses() []catalog.StorageClass {
	var out []catalog.StorageClass
	for _, v := range c.Spec.Storage.Volumes {
		sc, ok := c.Catalog.StorageClass(c.Spec.Infrastructure, v.StorageClass)
		if !ok {
			sc = catalog.StorageClass{Name: v.StorageClass}
		}
		out = append(out, sc)
	}
	return out
}

// IsS3FS reports whether a class is Object Storage's s3fs plug-in, a Helm
// chart the runbook installs rather than a managed add-on.
func (c *Context) IsS3FS(sc catalog.StorageClass) bool {
	o := c.Catalog.ObjectStorage
	return sc.Provisioner == o.S3FSProvisioner || strings.HasPrefix(sc.Name, o.S3FSPrefix)
}

// StorageAddons lists, sorted, the managed add-ons (`ibmcloud ks cluster
// addon enable`, ibm_container_addons) the volumes' storage classes need:
// not VPC Block Storage (on by default), not Helm charts (a plug-in named
// repo/chart, or s3fs). The runbook and the Terraform enable the same ones.
func (c *Context) StorageAddons() []string {
	var out []string
	for _, sc := range c.VolumeClasses() {
		p := sc.Plugin
		if p == "" || p == VPCBlockAddon || strings.Contains(p, "/") || c.IsS3FS(sc) || slices.Contains(out, p) {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
