package render_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

var (
	runbookIngestHost = regexp.MustCompile(`env\.ingestionHost=\$\{LOGS_GUID\}\.([A-Za-z0-9.-]+?)\.\$\{LOGS_REGION\}\.([A-Za-z0-9.-]+)"`)
	runbookLogsRegion = regexp.MustCompile(`(?m)^LOGS_REGION=['"]?([a-z0-9-]+)['"]?$`)
)

// TestLogsAgentRouteAgrees: DESIGN.md, runbook.sh and values/logs-agent.yaml
// name the same Cloud Logs ingestion endpoint and port (IBM: a private
// endpoint takes port 3443 through a CSE and 443 through a VPE; the public
// one 443), for every preset and rehearsal variant, for a Logs instance in
// ca-mon (private ingestion through a VPE only), for a classic cluster
// that has no private path to IBM's service network and for a classic
// cluster sending to ca-mon (no VPC for the gateway: public).
func TestLogsAgentRouteAgrees(t *testing.T) {
	cat := catalog.Default()
	designs := testsupport.Designs(t)
	byName := testsupport.DesignsByName(t)
	vpe := cloneDesign(t, byName["tokyo-vpc-production"])
	vpe.Spec.Logging.CloudLogs.Region = "ca-mon"
	public := cloneDesign(t, byName["tokyo-classic-production"])
	public.Spec.Network.ServiceEndpoints = model.EndpointsPublicOnly
	public.Spec.Network.Classic.AccountRouting = model.RoutingNone
	public.Spec.Network.Classic.PrivateOnlyWorkers = false
	// A classic cluster cannot have the VPE gateway ca-mon's private
	// ingestion needs: it ships over the public endpoint (LOG014).
	classicMon := cloneDesign(t, byName["tokyo-classic-production"])
	classicMon.Spec.Logging.CloudLogs.Region = "ca-mon"
	designs = append(designs, testsupport.Design{Name: "logs-in-ca-mon", Design: vpe}, testsupport.Design{Name: "classic-public-only", Design: public},
		testsupport.Design{Name: "classic-logs-in-ca-mon", Design: classicMon})
	seen := map[string]bool{}
	for _, d := range designs {
		if d.Design.Spec.Logging.Backend != model.LogCloudLogs {
			continue
		}
		t.Run(d.Name, func(t *testing.T) {
			arts, err := render.All(render.Input{Design: d.Design, SourceName: d.Name + ".yaml", Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, a := range arts {
				files[a.Path] = string(a.Data)
			}
			var values struct {
				Env struct {
					IngestionPort int `yaml:"ingestionPort"`
				} `yaml:"env"`
			}
			if err := yaml.Unmarshal([]byte(files["values/logs-agent.yaml"]), &values); err != nil {
				t.Fatal(err)
			}
			rb := files["runbook.sh"]
			h := runbookIngestHost.FindStringSubmatch(rb)
			r := runbookLogsRegion.FindStringSubmatch(rb)
			if h == nil || r == nil {
				t.Fatalf("runbook.sh: no helm --set env.ingestionHost=${LOGS_GUID}.LABEL.${LOGS_REGION}.DOMAIN or LOGS_REGION= line")
			}
			host := "`INSTANCE-GUID." + h[1] + "." + r[1] + "." + h[2] + "`"
			line := ""
			for _, l := range strings.Split(files["DESIGN.md"], "\n") {
				if strings.Contains(l, host) {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("DESIGN.md never names the runbook's ingestion host %s", host)
			}
			port := values.Env.IngestionPort
			if !strings.Contains(line, " port "+itoa(port)) {
				t.Errorf("DESIGN.md says %q; values/logs-agent.yaml has ingestionPort %d", line, port)
			}
			in := cat.LogsIngestion
			want := map[string]int{in.PublicLabel: in.PublicPort, in.PrivateLabel: in.CSEPort}
			if in.PrivateOnlyThroughVPE(r[1]) {
				want[in.PrivateLabel] = in.VPEPort
			}
			if port != want[h[1]] {
				t.Errorf("host label %s in %s takes port %d (catalog logsIngestion), values/logs-agent.yaml has %d", h[1], r[1], want[h[1]], port)
			}
			seen[h[1]+"/"+itoa(port)] = true
		})
	}
	// The synthesized designs exercise every route: CSE, VPE and public.
	for _, k := range []string{"ingress.private/3443", "ingress.private/443", "ingress/443"} {
		if !seen[k] {
			t.Errorf("no design took the route %s; seen %v", k, seen)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// cloneDesign deep-copies a design through YAML so a test may edit it.
func cloneDesign(t *testing.T, d *model.Design) *model.Design {
	t.Helper()
	b, err := yaml.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var out model.Design
	if err := yaml.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}
