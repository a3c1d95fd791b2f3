package rules

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// TestLOG016WithoutHostNamesTheServer: the wizard asks for the transport
// before the host, so LOG016 shows while the host is still empty. The
// message must then name the server by its role, not print an empty name
// ("does not verify 's certificate", "転送機能は  の証明書").
func TestLOG016WithoutHostNamesTheServer(t *testing.T) {
	d, c := setup(t, false)
	spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Protocol: model.SyslogTLS}
	})(t, d, c)
	en := Evaluate(d, c, nil)
	var msg string
	for _, f := range en.Findings {
		if f.RuleID == "LOG016" {
			msg = f.Message
		}
	}
	if !strings.Contains(msg, "the syslog server's certificate") {
		t.Fatalf("LOG016 with no host: %q, want it to name the syslog server", msg)
	}
	for _, f := range Localize(en, i18n.JA).Findings {
		if f.RuleID == "LOG016" && !strings.Contains(f.Message, "syslog サーバーの証明書") {
			t.Errorf("LOG016 in Japanese with no host: %q", f.Message)
		}
	}
}
