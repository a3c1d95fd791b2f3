package manifests

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/yaml"
)

// strictDecoder decodes manifests into their k8s.io/api types and fails on
// unknown or duplicate fields, like `kubectl apply --validate=strict`.
var strictDecoder = func() runtime.Decoder {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, networkingv1.AddToScheme,
		policyv1.AddToScheme, rbacv1.AddToScheme, storagev1.AddToScheme,
	} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	return serializer.NewCodecFactory(s, serializer.EnableStrict).UniversalDeserializer()
}()

// splitDocs splits a multi-document YAML file on "---" lines and drops
// documents that hold only comments.
func splitDocs(data []byte) [][]byte {
	var out [][]byte
	for _, part := range bytes.Split(data, []byte("\n---\n")) {
		var body []string
		for _, l := range strings.Split(string(part), "\n") {
			if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
				continue
			}
			body = append(body, l)
		}
		if len(body) > 0 {
			out = append(out, []byte(strings.Join(body, "\n")+"\n"))
		}
	}
	return out
}

// k8sObject is a decoded manifest document.
type k8sObject struct {
	file string
	obj  runtime.Object
	meta metav1.Object
	kind string
}

func (o k8sObject) String() string {
	return fmt.Sprintf("%s %s %s/%s", o.file, o.kind, o.meta.GetNamespace(), o.meta.GetName())
}

// decodeManifests strictly decodes every document of every manifests/
// file and checks the basics every object must have.
func decodeManifests(t *testing.T, files map[string][]byte) []k8sObject {
	t.Helper()
	var out []k8sObject
	for path, data := range files {
		if !strings.HasPrefix(path, "manifests/") {
			continue
		}
		for i, d := range splitDocs(data) {
			var head struct {
				APIVersion string         `json:"apiVersion"`
				Kind       string         `json:"kind"`
				Metadata   map[string]any `json:"metadata"`
			}
			if err := yaml.Unmarshal(d, &head); err != nil {
				t.Fatalf("%s doc %d: not YAML: %v", path, i+1, err)
			}
			if head.APIVersion == "" || head.Kind == "" || head.Metadata["name"] == nil {
				t.Fatalf("%s doc %d: missing apiVersion, kind or metadata.name", path, i+1)
			}
			obj, gvk, err := strictDecoder.Decode(d, nil, nil)
			if err != nil {
				t.Fatalf("%s doc %d (%s): strict decode: %v", path, i+1, head.Kind, err)
			}
			m, ok := obj.(metav1.Object)
			if !ok {
				t.Fatalf("%s doc %d: %T has no ObjectMeta", path, i+1, obj)
			}
			o := k8sObject{file: path, obj: obj, meta: m, kind: gvk.Kind}
			checkMeta(t, o)
			out = append(out, o)
		}
	}
	return out
}

// checkMeta applies the API server's name, label and annotation rules.
func checkMeta(t *testing.T, o k8sObject) {
	t.Helper()
	name := o.meta.GetName()
	var errs []string
	switch o.kind {
	case "Namespace", "Service":
		errs = validation.IsDNS1123Label(name)
	default:
		errs = validation.IsDNS1123Subdomain(name)
	}
	if ns := o.meta.GetNamespace(); ns != "" {
		errs = append(errs, validation.IsDNS1123Label(ns)...)
	}
	if o.kind == "Namespace" && o.meta.GetNamespace() != "" {
		errs = append(errs, "a Namespace is not namespaced")
	}
	if o.kind != "Namespace" && o.meta.GetNamespace() == "" {
		errs = append(errs, "no namespace")
	}
	for _, e := range metav1validation.ValidateLabels(o.meta.GetLabels(), field.NewPath("metadata", "labels")) {
		errs = append(errs, e.Error())
	}
	for _, e := range apivalidation.ValidateAnnotations(o.meta.GetAnnotations(), field.NewPath("metadata", "annotations")) {
		errs = append(errs, e.Error())
	}
	if len(errs) > 0 {
		t.Errorf("%s: %s", o, strings.Join(errs, "; "))
	}
}

// byKind returns the decoded objects of kind.
func byKind[T runtime.Object](objs []k8sObject) []T {
	var out []T
	for _, o := range objs {
		if x, ok := o.obj.(T); ok {
			out = append(out, x)
		}
	}
	return out
}

// The proof is only as strong as the decoder: it must refuse unknown and
// misplaced fields.
func TestStrictDecoderRejectsUnknownFields(t *testing.T) {
	for _, bad := range []string{
		"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labelz: {}\n",
		"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replica: 2\n",
		"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n",
		"apiVersion: v9\nkind: Namespace\nmetadata:\n  name: a\n",
	} {
		if _, _, err := strictDecoder.Decode([]byte(bad), nil, nil); err == nil {
			t.Errorf("accepted:\n%s", bad)
		}
	}
	var p calicoPolicy
	if err := yaml.UnmarshalStrict([]byte("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: a}\nspec: {bogus: true}\n"), &p); err == nil {
		t.Error("an unknown Calico field was accepted")
	}
}
