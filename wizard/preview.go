package wizard

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// previewKeywords pick the runbook lines each step affects.
var previewKeywords = map[StepID][]string{
	StepBasics:   {"ibmcloud ks cluster create"},
	StepZones:    {"ibmcloud ks cluster create", "ibmcloud ks zone add", "ibmcloud is subnet-create", "ibmcloud is vpc-create", "vlan spanning", "account show"},
	StepVersion:  {"ibmcloud ks cluster create", "ibmcloud ks versions"},
	StepHardware: {"ibmcloud ks cluster create", "ibmcloud ks worker-pool create"},
	StepSizing:   {"ibmcloud ks cluster create", "ibmcloud ks worker-pool create", "--size-per-zone", "--workers"},
	StepStorage:  {"service-instance-create", "service-key-create", "helm upgrade", "helm install", "cluster service bind"},
	StepNetwork:  {"calicoctl", "service-endpoint", "ingress", "security-group", "cis "},
	// NB: not "logs": the runbook's own helper lines (mkdir -p logs,
	// logs/state) would fill the excerpt before any logging command. Nor
	// the instances' service-instance-create: their JSON parameters
	// filled the panel before the agent's command (seen in tmux, 120×40).
	StepObservability: {"ibmcloud ks logging config create", "--install logs-agent", "--install sysdig-agent",
		"atracker target create",
		"atracker route create", "audit-webhook set"},
	StepOperations: {"autoscaler", "cr namespace", "addon"},
}

// runbookVar is one top-level assignment of the runbook (POOL_1_FLAVOR=bx2.8x32).
var runbookVar = lazyre.New(`^([A-Z][A-Z0-9_]*)=(\S+)$`)

// runbookUse is a use of a runbook variable in a command: "$X", "${X}", $X, ${X}.
var runbookUse = lazyre.New(`"?\$\{?([A-Z][A-Z0-9_]*)\}?"?`)

// withValues puts the values of the runbook's own variables into a command
// line, as the runbook would run it: --flavor bx2.8x32 teaches more than
// --flavor "$POOL_1_FLAVOR". The values are the runbook's, already
// shell-quoted; unknown variables (set at run time) stay as they are.
func withValues(line string, vars map[string]string) string {
	return runbookUse.ReplaceAllStringFunc(line, func(m string) string {
		name := runbookUse.FindStringSubmatch(m)[1]
		v, ok := vars[name]
		// NB: a quote on one side only belongs to the text around it.
		if !ok || strings.HasPrefix(m, "\"") != strings.HasSuffix(m, "\"") {
			return m
		}
		return v
	})
}

// runbookExcerpt returns the runbook commands (with their continuation
// lines) that the step affects, with the values of the runbook's variables.
func runbookExcerpt(runbook string, step StepID, l i18n.Lang) string {
	keys := previewKeywords[step]
	lines := strings.Split(runbook, "\n")
	vars := map[string]string{}
	for _, l := range lines {
		// NB: an empty value ('') is filled in at run time (a VPC's ID
		// once it exists): the variable teaches more than ''.
		if m := runbookVar.FindStringSubmatch(l); m != nil && !strings.Contains(m[2], "$") && m[2] != "''" && m[2] != `""` {
			vars[m[1]] = m[2]
		}
	}
	var out []string
	for i := 0; i < len(lines) && len(out) < 14; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "#") || !containsAny(l, keys) {
			continue
		}
		out = append(out, withValues(l, vars))
		for strings.HasSuffix(l, "\\") && i+1 < len(lines) && len(out) < 14 {
			i++
			l = strings.TrimSpace(lines[i])
			out = append(out, "  "+withValues(l, vars))
		}
	}
	if len(out) == 0 {
		return trIn(l, "(no runbook command for this step yet)")
	}
	return strings.Join(out, "\n")
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// rbacPreview is the IAM step's preview: each access group's service role
// and the ClusterRole and binding IKS creates for it (from the catalog).
func rbacPreview(d *model.Design, cat *catalog.Catalog) string {
	l := previewLang(d)
	groups := d.Spec.IAM.AccessGroups
	if len(groups) == 0 {
		return trIn(l, "no access groups yet")
	}
	var b strings.Builder
	for i := range groups {
		g := &groups[i]
		scope := trIn(l, "all namespaces")
		if !g.AllNamespaces() {
			scope = strings.Join(g.Namespaces, ",")
		}
		m, ok := cat.RBAC(g.ServiceRole, g.AllNamespaces())
		if !ok {
			b.WriteString(trfIn(l, "%s: %s (no RBAC mapping)", g.Name, g.ServiceRole) + "\n")
			continue
		}
		fmt.Fprintf(&b, "%s: %s → %s %s/%s · %s\n", g.Name, g.ServiceRole, m.BindingKind, m.ClusterRole, m.Binding, scope)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
