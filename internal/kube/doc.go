// Package kube and its sub-packages are iksplan's own copies of the
// Kubernetes API types it writes and reads: the objects render/manifests
// emits, the ones the cloud double (internal/ibmcloud) decodes strictly,
// and the pods and nodes the zone-loss drill reads. Each sub-package is
// named and laid out as the k8s.io package it mirrors (corev1 is
// k8s.io/api/core/v1, metav1 is k8s.io/apimachinery/pkg/apis/meta/v1,
// resource is k8s.io/apimachinery/pkg/api/resource...), and each type
// keeps only the fields iksplan sets or reads plus those Kubernetes never
// leaves out of an object's JSON, with the library's field names and
// JSON tags, so an object marshals to the same bytes.
//
// Why: linking k8s.io/api and k8s.io/apimachinery made every start of
// iksplan, `iksplan version` included, pay their package init (scheme and
// protobuf registration, json-iterator, klog: about 1 ms by
// GODEBUG=inittrace=1 and exec timings) and 5.9 MB of binary (issue 15).
// The library stays in the tests: TestMirrorsMatchKubernetes holds every
// type and constant here to k8s.io/api v0.37.2 (a field we keep must be
// the library's, with its tag; a field the library always writes must be
// here), TestQuantityMatchesKubernetes and TestSelectorsMatchKubernetes the
// hand-written resource, intstr, metav1.Time and labels code, and
// render/manifests' decode test reads every rendered manifest with the
// library's scheme and validation.
//
// The types.go files were generated once from the library by the field
// use of iksplan's code (see TestMirrorsMatchKubernetes for what a new
// field needs); edit them by hand, the test says what is wrong.
package kube
