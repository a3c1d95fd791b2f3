package labels_test

import (
	"testing"

	klabels "k8s.io/apimachinery/pkg/labels"

	"github.com/iksplan/iksplan/internal/kube/labels"
)

// TestSelectorsMatchKubernetes: each selector matches the same label sets
// as the library's, and the malformed ones are refused by both.
func TestSelectorsMatchKubernetes(t *testing.T) {
	sets := []map[string]string{
		{},
		{"ibm-cloud.kubernetes.io/worker-pool-name": "default"},
		{"ibm-cloud.kubernetes.io/worker-pool-name": "edge", "topology.kubernetes.io/zone": "tok02"},
		{"topology.kubernetes.io/zone": "tok04", "dedicated": "edge"},
		{"a": "", "b": "x"},
	}
	for _, s := range []string{
		"", "ibm-cloud.kubernetes.io/worker-pool-name=default", "ibm-cloud.kubernetes.io/worker-pool-name==edge",
		"ibm-cloud.kubernetes.io/worker-pool-name!=edge", "topology.kubernetes.io/zone", "!dedicated",
		"topology.kubernetes.io/zone in (tok02,tok04)", "topology.kubernetes.io/zone notin (tok02)",
		"dedicated=edge,topology.kubernetes.io/zone=tok04", "a=", "a", "!a", "b in (x, y),a",
	} {
		m, err := labels.Parse(s)
		k, kerr := klabels.Parse(s)
		if (err == nil) != (kerr == nil) {
			t.Errorf("Parse(%q): %v, the library's %v", s, err, kerr)
			continue
		}
		for _, set := range sets {
			if got, want := m.Matches(labels.Set(set)), k.Matches(klabels.Set(set)); got != want {
				t.Errorf("%q matches %v: %v, the library says %v", s, set, got, want)
			}
		}
	}
	for _, bad := range []string{"a in b", "a in (b", "=b", "a b c", "!"} {
		_, err := labels.Parse(bad)
		_, kerr := klabels.Parse(bad)
		if (err == nil) != (kerr == nil) {
			t.Errorf("Parse(%q): %v, the library's %v", bad, err, kerr)
		}
	}
}
