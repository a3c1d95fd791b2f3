package importer

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

func TestImportSyslog(t *testing.T) {
	cfg := func(src, host string, port int, proto string) logConfigJSON {
		return logConfigJSON{LogSource: src, LoggingType: "syslog", RemoteLogServer: host, RemoteLogPort: port, Protocol: proto}
	}
	var s model.Spec
	r := &Result{}
	if importSyslog(&s, nil, r) || importSyslog(&s, []logConfigJSON{{LogSource: "container", LoggingType: "ibm"}}, r) {
		t.Fatal("no syslog configuration, yet the backend was set")
	}
	ok := importSyslog(&s, []logConfigJSON{
		cfg("ingress", "audit.example.com", 514, "udp"),
		cfg("container", "logs.example.com", 6514, "tls"),
		cfg("worker", "logs.example.com", 6514, "tls"),
	}, r)
	want := model.Syslog{Host: "logs.example.com", Port: 6514, Protocol: model.SyslogTLS}
	if !ok || s.Logging.Backend != model.LogSyslog || s.Logging.Syslog != want {
		t.Fatalf("backend %q syslog %+v, want syslog %+v", s.Logging.Backend, s.Logging.Syslog, want)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "[ingress] also go to syslog audit.example.com:514 over udp") {
		t.Errorf("notes %q", r.Notes)
	}
	u := withSyslogUnknowns(unknownsFor(model.InfraClassic))
	r2 := &Result{Unknown: u}
	if r2.Covers("spec.logging.syslog.host") || r2.Covers("spec.logging.backend") || !r2.Covers("spec.logging.sources") {
		t.Errorf("with syslog imported, the unknowns cover host %v backend %v sources %v",
			r2.Covers("spec.logging.syslog.host"), r2.Covers("spec.logging.backend"), r2.Covers("spec.logging.sources"))
	}
}
