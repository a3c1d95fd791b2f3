package kube_test

import (
	"encoding/json"
	"testing"
	"time"

	kmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kintstr "k8s.io/apimachinery/pkg/util/intstr"

	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// TestJSONFormsMatchKubernetes: IntOrString and Time marshal and read back
// as the library's do.
func TestJSONFormsMatchKubernetes(t *testing.T) {
	same := func(what string, a, b any) {
		t.Helper()
		ja, erra := json.Marshal(a)
		jb, errb := json.Marshal(b)
		if string(ja) != string(jb) || (erra == nil) != (errb == nil) {
			t.Errorf("%s: %s (%v), the library's %s (%v)", what, ja, erra, jb, errb)
		}
	}
	for _, n := range []int32{0, 1, 80, 443, 65535, -1} {
		same("FromInt32", intstr.FromInt32(n), kintstr.FromInt32(n))
	}
	for _, s := range []string{"", "http", "25%", "8080", `a"b`} {
		same("FromString", intstr.FromString(s), kintstr.FromString(s))
	}
	for _, in := range []string{`80`, `"80"`, `"http"`, `"25%"`, `0`} {
		var a intstr.IntOrString
		var b kintstr.IntOrString
		ea, eb := json.Unmarshal([]byte(in), &a), json.Unmarshal([]byte(in), &b)
		if (ea == nil) != (eb == nil) || a.String() != b.String() || int64(a.Type) != int64(b.Type) {
			t.Errorf("reading %s: %v %v, the library's %v %v", in, a, ea, b, eb)
		}
	}
	for _, tm := range []time.Time{{}, time.Date(2026, 12, 3, 6, 30, 0, 0, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 999, time.FixedZone("JST", 9*3600))} {
		same("Time", metav1.Time{Time: tm}, kmetav1.Time{Time: tm})
		same("*Time", &metav1.Time{Time: tm}, &kmetav1.Time{Time: tm})
		j, _ := json.Marshal(kmetav1.Time{Time: tm})
		var a metav1.Time
		var b kmetav1.Time
		if ea, eb := json.Unmarshal(j, &a), json.Unmarshal(j, &b); ea != nil || eb != nil || !a.Equal(b.Time) || a.IsZero() != b.IsZero() {
			t.Errorf("reading %s: %v %v, the library's %v %v", j, a, ea, b, eb)
		}
	}
}
