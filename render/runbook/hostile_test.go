package runbook

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"

	"github.com/iksplan/iksplan/model"
)

// hostile are values that break a naively generated script: quotes,
// command substitution (two that would create a file if ever run), command
// separators, a flag, a newline, spaces, a 300-character string and
// non-ASCII.
var hostile = []string{
	"a'b",
	"$(reboot)",
	"`id`",
	"x; rm -rf /",
	`"q"`,
	"--flag",
	"line1\nline2",
	"two words",
	"$(: >pwned-subst)",
	"`: >pwned-backtick`",
	"日本語の値",
	strings.Repeat("x", 300),
}

// freeField is one free-text field of a design: how to set it, which
// validator decides what it may hold (nil: none, any string), and whether
// the value reaches a command of the runbook.
type freeField struct {
	name     string
	set      func(d *model.Design, v string) bool
	validate func(string) error
	reaches  bool
}

// freeFields are the design's free-text fields, with the validators the
// rules apply to them (model/rules rules_names.go and rules_logging.go).
var freeFields = []freeField{
	{"metadata.description", func(d *model.Design, v string) bool { d.Metadata.Description = v; return true }, model.ValidateFreeText, false},
	{"metadata.owner", func(d *model.Design, v string) bool { d.Metadata.Owner = v; return true }, model.ValidateFreeText, false},
	{"spec.resourceGroup", func(d *model.Design, v string) bool { d.Spec.ResourceGroup = v; return true }, model.ValidateInstanceName, true},
	{"spec.operations.upgrades.maintenanceWindow", func(d *model.Design, v string) bool {
		d.Spec.Operations.Upgrades.MaintenanceWindow = v
		return true
	}, model.ValidateFreeText, false},
	{"spec.storage.objectStorage.instanceName", func(d *model.Design, v string) bool {
		d.Spec.Storage.ObjectStorage.InstanceName = v
		return d.Spec.Storage.ObjectStorage.Enabled
	}, model.ValidateInstanceName, true},
	{"spec.storage.objectStorage.buckets[0].name", func(d *model.Design, v string) bool {
		if len(d.Spec.Storage.ObjectStorage.Buckets) == 0 {
			return false
		}
		d.Spec.Storage.ObjectStorage.Buckets[0].Name = v
		return d.Spec.Storage.ObjectStorage.Enabled
	}, model.ValidateBucketName, true},
	{"spec.storage.databases[0].name", func(d *model.Design, v string) bool {
		if len(d.Spec.Storage.Databases) == 0 {
			return false
		}
		d.Spec.Storage.Databases[0].Name = v
		return true
	}, model.ValidateInstanceName, true},
	{"spec.storage.cloudant.instanceName", func(d *model.Design, v string) bool {
		d.Spec.Storage.Cloudant.InstanceName = v
		return d.Spec.Storage.Cloudant.Enabled
	}, model.ValidateInstanceName, true},
	{"spec.storage.databaseOnIaaS.engine", func(d *model.Design, v string) bool {
		d.Spec.Storage.DatabaseOnIaaS.Engine = v
		return true
	}, model.ValidateFreeText, false},
	{"spec.security.kms.instanceName", func(d *model.Design, v string) bool {
		d.Spec.Security.KMS.InstanceName = v
		return d.Spec.Security.KMS.Provider != "" && d.Spec.Security.KMS.Provider != model.KMSNone
	}, model.ValidateInstanceName, true},
	{"spec.security.kms.rootKeyName", func(d *model.Design, v string) bool {
		d.Spec.Security.KMS.RootKeyName = v
		return d.Spec.Security.KMS.Provider != "" && d.Spec.Security.KMS.Provider != model.KMSNone
	}, model.ValidateInstanceName, true},
	{"spec.firewall.cis.instanceName", func(d *model.Design, v string) bool {
		d.Spec.Firewall.CIS.InstanceName = v
		return d.Spec.Firewall.CIS.Enabled
	}, model.ValidateInstanceName, true},
	{"spec.firewall.cis.domain", func(d *model.Design, v string) bool {
		d.Spec.Firewall.CIS.Domain = v
		return d.Spec.Firewall.CIS.Enabled
	}, model.ValidateDomain, false},
	{"spec.logging.cloudLogs.instanceName", func(d *model.Design, v string) bool {
		d.Spec.Logging.CloudLogs.InstanceName = v
		return d.Spec.Logging.Backend == model.LogCloudLogs
	}, model.ValidateInstanceName, true},
	{"spec.logging.cloudLogs.region", func(d *model.Design, v string) bool {
		d.Spec.Logging.CloudLogs.Region = v
		return d.Spec.Logging.Backend == model.LogCloudLogs
	}, nil, true},
	{"spec.logging.syslog.host", func(d *model.Design, v string) bool {
		d.Spec.Logging.Syslog.Host = v
		return d.Spec.Logging.Backend == model.LogSyslog
	}, nil, true},
	{"spec.monitoring.instanceName", func(d *model.Design, v string) bool {
		d.Spec.Monitoring.InstanceName = v
		return d.Spec.Monitoring.Enabled
	}, model.ValidateInstanceName, true},
	{"spec.monitoring.plan", func(d *model.Design, v string) bool {
		d.Spec.Monitoring.Plan = v
		return d.Spec.Monitoring.Enabled
	}, nil, true},
	{"spec.monitoring.alertChannels[*].target", func(d *model.Design, v string) bool {
		set := false
		for i := range d.Spec.Monitoring.AlertChannels {
			if d.Spec.Monitoring.AlertChannels[i].Type != model.AlertEmail {
				d.Spec.Monitoring.AlertChannels[i].Target = v
				set = true
			}
		}
		return set
	}, model.ValidateFreeText, false},
	{"spec.network.ingress.tlsSecretsManager", func(d *model.Design, v string) bool {
		d.Spec.Network.Ingress.TLSSecretsManager = v
		return true
	}, nil, true},
	{"spec.network.vpc.vpcName", func(d *model.Design, v string) bool {
		if d.Spec.Network.VPC == nil || d.Spec.Network.VPC.VPCID != "" {
			return false
		}
		d.Spec.Network.VPC.VPCName = v
		return true
	}, model.ValidateDNSLabel, true},
	{"spec.iam.accessGroups[0].name", func(d *model.Design, v string) bool {
		if len(d.Spec.IAM.AccessGroups) == 0 {
			return false
		}
		d.Spec.IAM.AccessGroups[0].Name = v
		return true
	}, model.ValidateAccessGroupName, true},
	{"spec.iam.accessGroups[0].members[0]", func(d *model.Design, v string) bool {
		if len(d.Spec.IAM.AccessGroups) == 0 || len(d.Spec.IAM.AccessGroups[0].Members) == 0 {
			return false
		}
		d.Spec.IAM.AccessGroups[0].Members[0] = v
		return true
	}, model.ValidateEmail, true},
	{"spec.waivers[0]", func(d *model.Design, v string) bool {
		d.Spec.Waivers = []model.Waiver{{Rule: "HA001", Reason: v, ApprovedBy: v}}
		return true
	}, model.ValidateFreeText, false},
	{"spec.cicd.stages[0].name", func(d *model.Design, v string) bool {
		if len(d.Spec.CICD.Stages) == 0 {
			return false
		}
		d.Spec.CICD.Stages[0].Name = v
		return true
	}, model.ValidateFreeText, false},
}

// hostileBaselines are the designs the hostile test varies: each preset
// variant with every optional free-text field set to a harmless value, so
// setting a hostile value changes no branch of the runbook.
func hostileBaselines(t *testing.T) []variant {
	var out []variant
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			b := v.design.Clone()
			b.Spec.Network.Ingress.TLSSecretsManager = "crn:v1:example"
			if b.Spec.Logging.Backend == model.LogCloudLogs {
				b.Spec.Logging.CloudLogs.Region = b.Spec.Region
			}
			b.Spec.Waivers = []model.Waiver{{Rule: "HA001", Reason: "harmless", ApprovedBy: "harmless"}}
			out = append(out, variant{name + "/" + v.name, b})
		}
	}
	slices.SortFunc(out, func(a, b variant) int { return strings.Compare(a.name, b.name) })
	return out
}

// shapes lists the shape of every command of a runbook, in order.
func shapes(f *syntax.File) []string {
	var out []string
	for _, c := range commands(f) {
		out = append(out, c.shape())
	}
	return out
}

// TestHostileValues puts hostile strings into every free-text field that
// validation accepts them for, and proves that the runbook's commands keep
// exactly their shape and that each value arrives as one unchanged
// argument. It also runs the dry run of one hostile runbook per field and
// checks that no command substitution ran.
func TestHostileValues(t *testing.T) {
	fed := 0
	dryRan := map[string]bool{} // one dry run per field is enough proof
	for _, base := range hostileBaselines(t) {
		baseArts := renderDesign(t, base.design, base.name)
		want := shapes(parseScript(t, base.name, baseArts["runbook.sh"]))
		for _, field := range freeFields {
			for _, value := range hostile {
				if field.validate != nil && field.validate(value) != nil {
					continue // validation refuses it: a design cannot hold it
				}
				d := base.design.Clone()
				if !field.set(d, value) {
					break // the field does not reach this design
				}
				fed++
				label := base.name + " " + field.name + "=" + strings.ReplaceAll(value, "\n", `\n`)
				arts := renderDesign(t, d, label)
				f := parseScript(t, label, arts["runbook.sh"])
				got := shapes(f)
				if !slices.Equal(got, want) {
					for i := range min(len(got), len(want)) {
						if got[i] != want[i] {
							t.Fatalf("%s: command %d changed shape:\n  got  %s\n  want %s", label, i, got[i], want[i])
						}
					}
					t.Fatalf("%s: %d commands, want %d", label, len(got), len(want))
				}
				if !field.reaches {
					continue
				}
				vars := assignments(t, f)
				assigned := false
				for _, v := range vars {
					if v == value {
						assigned = true
					}
				}
				if !assigned {
					t.Errorf("%s: no variable holds the value unchanged", label)
				}
				arrived := false
				cfg := expandConfig(vars)
				for _, c := range commands(f) {
					if c.tool() == "" {
						continue
					}
					if slices.Contains(expandArgs(t, cfg, c.call.Args), value) {
						arrived = true
						break
					}
				}
				if !arrived {
					t.Errorf("%s: the value never arrives as one unchanged argument of a command", label)
				}
				if !dryRan[field.name] && strings.Contains(value, "pwned") {
					dryRan[field.name] = true
					dir := writeArtifacts(t, arts)
					dryRun(t, dir)
					for _, p := range []string{"pwned-subst", "pwned-backtick"} {
						if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
							t.Errorf("%s: the dry run executed a command substitution from the design", label)
						}
					}
				}
			}
		}
	}
	t.Logf("%d hostile renders", fed)
	if fed < 100 {
		t.Errorf("only %d hostile renders; the field table misses the designs", fed)
	}
}
