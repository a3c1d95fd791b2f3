package resource_test

import (
	"fmt"
	"testing"

	kresource "k8s.io/apimachinery/pkg/api/resource"

	"github.com/iksplan/iksplan/internal/kube/resource"
)

// quantityInputs are the strings the test parses with both: iksplan's
// constants and catalog values, canonical and not, every suffix, fractions
// and what Kubernetes rounds up to a nano-unit.
var quantityInputs = []string{
	"0", "1", "7", "100m", "128Mi", "100Mi", "512Mi", "1Gi", "64Mi", "500m", "250m", "1000m", "1500m",
	"2000m", "1000", "1k", "1500", "2000", "1024", "1023", "1025", "1024Mi", "1536Mi", "0.5", "0.25",
	"1.5", "1.5Gi", "0.5Gi", "0.1Ki", "3Ki", "16Gi", "32Gi", "64Gi", "4Ti", "1Pi", "2Ei", "1e3", "1E3",
	"2e6", "12e-3", "1n", "1u", "5n", "0.1234567891", "1.0000000001", "10M", "1G", "2T", "3P", "4E5",
	"+5", "-5", "-1Gi", "-1500m", "007", "1.", ".5", "12345678", "123456789m", "3.2", "4096", "8192Mi",
	"0.001", "0.0001", "0.5Ki", "0.0000000001Gi", "1.5Ti", "0.75Mi", "0.00000000015", "100", "10", "1200m", "16", "32", "30Gi", "2.5Gi", "1.25", "0m", "0Gi",
}

func TestQuantityMatchesKubernetes(t *testing.T) {
	for _, s := range quantityInputs {
		k, kerr := kresource.ParseQuantity(s)
		q, err := resource.ParseQuantity(s)
		if (kerr == nil) != (err == nil) {
			t.Errorf("ParseQuantity(%q): error %v, the library's %v", s, err, kerr)
			continue
		}
		if kerr != nil {
			continue
		}
		compare(t, "ParseQuantity("+s+")", &q, &k)
	}
	for _, bad := range []string{"", "x", "1x", "1Mib", "--1", "1e", "Gi", "1.2.3"} {
		_, kerr := kresource.ParseQuantity(bad)
		_, err := resource.ParseQuantity(bad)
		if (kerr == nil) != (err == nil) {
			t.Errorf("ParseQuantity(%q): error %v, the library's %v", bad, err, kerr)
		}
	}
	var values []int64
	for i := int64(0); i <= 3000; i++ {
		values = append(values, i)
	}
	for _, base := range []int64{1 << 10, 1 << 20, 1 << 30, 1 << 40, 1000, 1000000, 1000000000} {
		for m := int64(1); m <= 40; m++ {
			values = append(values, base*m, base*m+1, base*m-1)
		}
	}
	for _, v := range values {
		for _, f := range []resource.Format{resource.DecimalSI, resource.BinarySI, resource.DecimalExponent} {
			compare(t, fmt.Sprintf("NewQuantity(%d, %s)", v, f), resource.NewQuantity(v, f), kresource.NewQuantity(v, kresource.Format(f)))
			compare(t, fmt.Sprintf("NewMilliQuantity(%d, %s)", v, f), resource.NewMilliQuantity(v, f), kresource.NewMilliQuantity(v, kresource.Format(f)))
		}
	}
}

func compare(t *testing.T, what string, q *resource.Quantity, k *kresource.Quantity) {
	t.Helper()
	if q.String() != k.String() || q.Value() != k.Value() || q.MilliValue() != k.MilliValue() || q.Format != resource.Format(k.Format) {
		t.Errorf("%s: %s (value %d, milli %d, %s), the library's %s (%d, %d, %s)", what,
			q.String(), q.Value(), q.MilliValue(), q.Format, k.String(), k.Value(), k.MilliValue(), k.Format)
		return
	}
	qj, _ := q.MarshalJSON()
	kj, _ := k.MarshalJSON()
	if string(qj) != string(kj) {
		t.Errorf("%s: JSON %s, the library's %s", what, qj, kj)
	}
	var back resource.Quantity
	var kback kresource.Quantity
	if err := back.UnmarshalJSON(kj); err != nil || kback.UnmarshalJSON(kj) != nil || back.String() != kback.String() {
		t.Errorf("%s: reading the library's JSON %s: %s, %v; the library reads %s", what, kj, back.String(), err, kback.String())
	}
}
