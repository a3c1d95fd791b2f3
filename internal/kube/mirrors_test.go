package kube_test

import (
	"reflect"
	"strings"
	"testing"

	kresource "k8s.io/apimachinery/pkg/api/resource"
	kmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kintstr "k8s.io/apimachinery/pkg/util/intstr"

	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"
)

// handWritten are the mirror types with JSON methods of their own, paired
// with the library's; TestQuantityMatchesKubernetes checks their forms.
var handWritten = map[reflect.Type]reflect.Type{
	reflect.TypeFor[resource.Quantity]():  reflect.TypeFor[kresource.Quantity](),
	reflect.TypeFor[intstr.IntOrString](): reflect.TypeFor[kintstr.IntOrString](),
	reflect.TypeFor[metav1.Time]():        reflect.TypeFor[kmetav1.Time](),
}

// TestMirrorsMatchKubernetes holds each mirror type to the k8s.io/api type
// of the same name: every field kept has the library's Go name, JSON tag
// and a matching type, and every field the library writes into every
// object's JSON (no omitempty or omitzero, or a struct value, which
// omitempty does not leave out) is kept, so a mirror object marshals to
// the library's bytes. Status fields may be left out (a manifest never
// has one; the emitter drops the top-level one).
func TestMirrorsMatchKubernetes(t *testing.T) {
	if len(mirroredTypes) < 90 {
		t.Fatalf("only %d mirrored types listed", len(mirroredTypes))
	}
	for _, p := range mirroredTypes {
		matchType(t, p[0].String(), p[0], p[1])
	}
	for _, c := range mirroredConsts {
		if c[1] != c[2] {
			t.Errorf("%s is %q; k8s.io/api says %q", c[0], c[1], c[2])
		}
	}
}

func matchType(t *testing.T, path string, m, k reflect.Type) {
	t.Helper()
	if want, ok := handWritten[m]; ok {
		if k != want {
			t.Errorf("%s: %s, but the library has %s", path, m, k)
		}
		return
	}
	if m.Kind() != k.Kind() {
		t.Errorf("%s: kind %s, the library's %s is %s", path, m, k, k.Kind())
		return
	}
	if m.Name() != k.Name() {
		t.Errorf("%s: type %s, the library's is %s", path, m, k)
		return
	}
	switch m.Kind() {
	case reflect.Pointer, reflect.Slice:
		matchType(t, path+"[]", m.Elem(), k.Elem())
	case reflect.Map:
		matchType(t, path+"{key}", m.Key(), k.Key())
		matchType(t, path+"{}", m.Elem(), k.Elem())
	case reflect.Struct:
		if m.Name() != "" && m.PkgPath() != "" && !strings.HasPrefix(m.PkgPath(), "github.com/iksplan/iksplan/internal/kube/") {
			t.Errorf("%s: %s is not a mirror type", path, m)
			return
		}
		for i := range m.NumField() {
			mf := m.Field(i)
			kf, ok := k.FieldByName(mf.Name)
			if !ok || len(kf.Index) != 1 {
				t.Errorf("%s.%s: the library's %s has no such field", path, mf.Name, k)
				continue
			}
			if mf.Tag.Get("json") != kf.Tag.Get("json") || mf.Anonymous != kf.Anonymous {
				t.Errorf("%s.%s: json tag %q (embedded %v), the library's %q (embedded %v)", path, mf.Name, mf.Tag.Get("json"), mf.Anonymous, kf.Tag.Get("json"), kf.Anonymous)
			}
			matchType(t, path+"."+mf.Name, mf.Type, kf.Type)
		}
		for i := range k.NumField() {
			kf := k.Field(i)
			name, opts, _ := strings.Cut(kf.Tag.Get("json"), ",")
			if name == "-" || name == "status" || strings.Contains(opts, "omitzero") {
				continue
			}
			always := !strings.Contains(opts, "omitempty") || kf.Type.Kind() == reflect.Struct
			if _, kept := m.FieldByName(kf.Name); always && !kept {
				t.Errorf("%s: the library always writes %s (json %q); keep it", path, kf.Name, kf.Tag.Get("json"))
			}
		}
	}
}
