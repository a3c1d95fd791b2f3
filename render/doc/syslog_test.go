package doc

import (
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// With IKS's syslog forwarding, the document claims a forwarding
// configuration only for the sources the runbook configures, and says
// how the audit events reach the server (the receiver's container output).
func TestSyslogDocumentSaysWhatIsForwarded(t *testing.T) {
	d := presetDesign(t, "tokyo-classic-production")
	l := &d.Spec.Logging
	l.Backend = model.LogSyslog
	l.Syslog = model.Syslog{Host: "syslog.example.com", Port: 6514, Protocol: model.SyslogTLS}
	out, _ := render(t, d, "design.yaml")
	if strings.Contains(out, "`ibmcloud ks logging config create --logsource application --type syslog`") {
		t.Error("the sources table claims a forwarding configuration for application, which the runbook does not create")
	}
	if !strings.Contains(out, "files written inside containers need `ibmcloud ks logging config create --logsource application -p PATH`") {
		t.Error("the application row does not say what its files need")
	}
	if !strings.Contains(out, "through the `container` forwarding configuration") {
		t.Error("the audit decision does not say how its events reach the syslog server")
	}
	if strings.Contains(out, "the audit events stay in the receiver pod's log") {
		t.Error("a design that forwards container is told its audit events stay behind")
	}
	if !strings.Contains(out, "the logs travel encrypted, but to whatever answers at `syslog.example.com`") {
		t.Error("a TLS design is not told that IKS does not verify the server by default")
	}
	l.Sources = slices.DeleteFunc(l.Sources, func(s model.LogSource) bool { return s == model.SourceContainer })
	out, _ = render(t, d, "design.yaml")
	if !strings.Contains(out, "the audit events stay in the receiver pod's log and never reach the syslog server: add `container` to the log sources") {
		t.Error("without the container source, the audit decision does not warn that its events stay behind")
	}
}
