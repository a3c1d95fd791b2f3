package doc

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestIngressSummaryNamesEnabledALBs: the summary row names the Ingress
// classes of the ALBs the design enables, not always the public one.
func TestIngressSummaryNamesEnabledALBs(t *testing.T) {
	for _, tc := range []struct {
		in   model.Ingress
		want string
	}{
		{model.Ingress{Controller: model.IngressTraefik, PrivateALB: true}, "`private-iks-traefik`"},
		{model.Ingress{Controller: model.IngressTraefik, PublicALB: true}, "`public-iks-traefik`"},
		{model.Ingress{Controller: model.IngressTraefik, PublicALB: true, PrivateALB: true}, "`public-iks-traefik`, `private-iks-traefik`"},
		{model.Ingress{Controller: model.IngressTraefik}, "no ALB enabled"},
	} {
		tr, err := newTranslator(langEN)
		if err != nil {
			t.Fatal(err)
		}
		got := (&builder{translator: tr}).ingressSummary(tc.in)
		if !strings.Contains(got, tc.want) || (tc.in.PrivateALB && !tc.in.PublicALB && strings.Contains(got, "public-")) {
			t.Errorf("%+v: %q, want %q", tc.in, got, tc.want)
		}
	}
}
