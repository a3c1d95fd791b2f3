package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestSecurityStepWalkVPC: Key Protect with a root key, dual authorization
// and boot-volume encryption, no signature enforcement, Secrets Manager for
// Ingress TLS and Activity Tracker routing, then on to Logging.
func TestSecurityStepWalkVPC(t *testing.T) {
	d := tokyoVPC()
	d.Spec.Security.KMS = model.KMS{Provider: model.KMSNone}
	h := newHarness(t, d, StepSecurity).ExpectPage("security/kms-provider")
	h.Down(1).Enter().ExpectPage("security/kms")
	expectLive(t, h, "enabled after create, can be rotated, and can never be disabled")
	h.Type("shop-kms").Enter().Type("shop-root").Enter()
	h.Key("y").Key("y").ExpectPage("security/images")
	h.Key("n").ExpectPage("security/ingress-tls")
	h.Type("not a crn").Enter().ExpectPage("security/ingress-tls")
	h.Clear().Type("crn:v1:bluemix:public:secrets-manager:jp-tok:a/1234:5678::").Enter().ExpectPage("security/atracker")
	h.Key("y").ExpectPage("observability/logging")
	s := d.Spec
	want := model.KMS{Provider: model.KMSKeyProtect, InstanceName: "shop-kms", RootKeyName: "shop-root", DualAuthDelete: true, BootVolumeEncryption: true}
	if s.Security.KMS != want || s.Security.ImageSignatureEnforcement {
		t.Fatalf("security %+v", s.Security)
	}
	if !strings.HasPrefix(s.Network.Ingress.TLSSecretsManager, "crn:v1:") || !s.Logging.ActivityTracker.Enabled || s.Logging.ActivityTracker.TargetName == "" {
		t.Fatalf("ingress TLS %q, activity tracker %+v", s.Network.Ingress.TLSSecretsManager, s.Logging.ActivityTracker)
	}
}

// TestSecurityStepHPCSRegion: HPCS is flagged where the catalog says IBM
// does not offer it (jp-osa), and classic clusters are not asked about
// boot-volume encryption.
func TestSecurityStepHPCSRegion(t *testing.T) {
	d := tokyoVPC()
	d.Spec.Region = "jp-osa"
	d.Spec.Security.KMS = model.KMS{Provider: model.KMSNone}
	h := newHarness(t, d, StepSecurity).ExpectPage("security/kms-provider")
	h.Down(2)
	expectLive(t, h, "Hyper Protect Crypto Services is not offered in jp-osa")

	c := classicDesign()
	c.Spec.Security.KMS = model.KMS{Provider: model.KMSKeyProtect}
	hc := newHarness(t, c, StepSecurity).Enter().ExpectPage("security/kms")
	if strings.Contains(hc.View(), "boot volumes") {
		t.Fatal("classic cluster asked about boot-volume encryption")
	}
}
