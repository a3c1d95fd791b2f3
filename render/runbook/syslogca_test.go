package runbook

import (
	"slices"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestSyslogVerifiesServerWithTheDesignsCA: with a CA secret on TLS, every
// `ks logging config create` passes --ca-cert SECRET --verify-mode
// verify-peer (IBM's ks CLI reference: --ca-cert names the Kubernetes
// secret with the CA certificate; verify-none is the default); without
// one, neither flag is passed.
func TestSyslogVerifiesServerWithTheDesignsCA(t *testing.T) {
	d := presetDesigns(t)["tokyo-classic-production"].Clone()
	s := &d.Spec
	s.Logging.Backend = model.LogSyslog
	for _, ca := range []string{"syslog-ca", ""} {
		s.Logging.Syslog = model.Syslog{Host: "syslog.example.com", Port: 6514, Protocol: model.SyslogTLS, CACertSecret: ca}
		f := parseScript(t, "syslog-ca", renderDesign(t, d, "syslog-ca")["runbook.sh"])
		cfg := expandConfig(assignments(t, f))
		n := 0
		for _, c := range commands(f) {
			args := expandArgs(t, cfg, c.words)
			if len(args) < 5 || !slices.Equal(args[:5], []string{"ibmcloud", "ks", "logging", "config", "create"}) {
				continue
			}
			n++
			i, v := slices.Index(args, "--ca-cert"), slices.Index(args, "--verify-mode")
			switch {
			case ca != "" && (i < 0 || args[i+1] != ca || v < 0 || args[v+1] != "verify-peer"):
				t.Errorf("CA secret %q: %v does not pass --ca-cert %s --verify-mode verify-peer", ca, args, ca)
			case ca == "" && (i >= 0 || v >= 0):
				t.Errorf("no CA secret: %v passes --ca-cert or --verify-mode", args)
			}
		}
		if n == 0 {
			t.Fatalf("CA secret %q: no ks logging config create in the runbook", ca)
		}
	}
}
