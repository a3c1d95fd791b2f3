package manifests

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// COSSecretName is the Secret (type ibm/ibmc-s3fs, in the volume's
// namespace) that holds the Object Storage credentials an s3fs volume
// mounts its bucket with. The runbook creates it from environment
// variables; no artifact ever contains the keys.
const COSSecretName = "cos-credentials"

// s3fsProvisioner is the IBM Cloud Object Storage plug-in's provisioner.
const s3fsProvisioner = "ibm.io/ibmc-s3fs"

// PVC annotations of the Object Storage plug-in, as IBM documents them
// (https://cloud.ibm.com/docs/containers?topic=containers-object_storage#add_cos).
const (
	cosAutoCreate = "ibm.io/auto-create-bucket"
	cosAutoDelete = "ibm.io/auto-delete-bucket"
	cosBucket     = "ibm.io/bucket"
	cosSecret     = "ibm.io/secret-name"
)

// storageFile is 30-storage.yaml: a PersistentVolumeClaim for each of
// spec.storage.volumes, with the class the design chose. IKS ships the
// classes (metro classes already bind WaitForFirstConsumer), so no
// StorageClass is created.
func storageFile(p *plan) file {
	f := file{
		path: "manifests/30-storage.yaml",
		intro: []string{
			"Persistent volume claims. The storage classes are IBM's; install the plug-in a class",
			"needs (see each claim) before applying.",
		},
	}
	for _, v := range p.s.Storage.Volumes {
		sc, known := p.c.Catalog.StorageClass(p.s.Infrastructure, v.StorageClass)
		f.docs = append(f.docs, doc{comment: volumeNotes(p, v, sc, known), obj: pvc(p, v, sc, known)})
	}
	return f
}

func volumeNotes(p *plan, v model.Volume, sc catalog.StorageClass, known bool) []string {
	if !known {
		return []string{fmt.Sprintf("Storage class %s is not in iksplan's catalog; check `kubectl get storageclass`.", v.StorageClass)}
	}
	var out []string
	switch {
	case sc.Metro:
		out = append(out, "Metro class: the volume is created in the zone of the first pod that mounts it (WaitForFirstConsumer).")
	case sc.ZoneBound && p.s.Multizone():
		out = append(out, "Zone-bound class with immediate binding: IBM picks the zone; pods using the claim can run only there.",
			"To pin the zone, use a custom class as IBM describes for your storage type.")
	case sc.ZoneBound:
		out = append(out, "Zone-bound class: the data lives in this cluster's only zone.")
	}
	if sc.Plugin != "" {
		out = append(out, "Needs "+sc.Plugin+".")
	}
	if isS3FS(v.StorageClass, sc) {
		out = append(out, "Object Storage: the plug-in mounts a bucket with the credentials in Secret "+COSSecretName+".",
			"The requested size is nominal; a bucket has no fixed size.")
	}
	return out
}

func isS3FS(name string, sc catalog.StorageClass) bool {
	return sc.Provisioner == s3fsProvisioner || strings.HasPrefix(name, "ibmc-s3fs-")
}

func pvc(p *plan, v model.Volume, sc catalog.StorageClass, known bool) *corev1.PersistentVolumeClaim {
	class := v.StorageClass
	mode := v.AccessMode
	if mode == "" {
		mode = model.ReadWriteOnce
	}
	claim := &corev1.PersistentVolumeClaim{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "PersistentVolumeClaim"},
		ObjectMeta: metav1.ObjectMeta{Name: v.Name, Namespace: v.Namespace},
		Spec: corev1.PersistentVolumeClaimSpec{
			StorageClassName: &class,
			AccessModes:      []corev1.PersistentVolumeAccessMode{corev1.PersistentVolumeAccessMode(mode)},
			Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{
				corev1.ResourceStorage: *resource.NewQuantity(int64(v.SizeGiB)<<30, resource.BinarySI),
			}},
		},
	}
	if isS3FS(v.StorageClass, sc) || (!known && strings.HasPrefix(class, "ibmc-s3fs-")) {
		claim.Annotations = s3fsAnnotations(p)
	}
	return claim
}

// s3fsAnnotations mounts the design's first bucket, which the runbook
// creates, and never deletes it with the claim. Without buckets the
// plug-in creates one (tmp-s3fs-…) and keeps it.
func s3fsAnnotations(p *plan) map[string]string {
	a := map[string]string{cosAutoDelete: "false", cosSecret: COSSecretName}
	if b := p.s.Storage.ObjectStorage.Buckets; len(b) > 0 {
		a[cosAutoCreate] = "false"
		a[cosBucket] = b[0].Name
	} else {
		a[cosAutoCreate] = "true"
		a[cosBucket] = ""
	}
	return a
}
