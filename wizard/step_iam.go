package wizard

import (
	"errors"
	"net/netip"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Step 9, IAM: who may do what. Access groups carry an IAM platform role
// (what `ibmcloud ks` lets them do) and a service role, which IKS turns into
// Kubernetes RBAC; the resulting ClusterRole and binding show live next to
// each group (seed slides 43–44, updated: IKS maps service roles, not
// platform roles, to RBAC today).

func registerIAM() {
	Register(Step{
		ID:    StepIAM,
		Title: "IAM",
		Areas: []string{"iam"},
		Pages: append(namespaceList().Pages(), accessGroupList().Pages()...),
	})
	RegisterWhy(iamWhys()...)
	RegisterWhy(namespaceWhys()...)
}

func accessGroupList() List[model.AccessGroup] {
	return List[model.AccessGroup]{
		ID: "groups",
		Texts: ListTexts{
			Add:          "Add an access group",
			Remove:       "Remove an access group",
			RemoveOption: "Remove an access group…",
			Which:        "Which access group?",
			Help:         "edit, add or remove an access group; done when the list is right",
		},
		Title: "Access groups",
		Description: "IBM's 2019 guidance (slide 43): when several people work on a cluster, give each team the right permissions. " +
			"Each group's Kubernetes access is shown below it.",
		Items: func(d *model.Design) *[]model.AccessGroup { return &d.Spec.IAM.AccessGroups },
		Label: func(c *Ctx, g *model.AccessGroup) string {
			scope := c.tr("all namespaces")
			if !g.AllNamespaces() {
				scope = strings.Join(g.Namespaces, ", ")
			}
			return c.trf("%s · %s/%s · %s", c.tr(orUnnamed(g.Name)), g.PlatformRole, g.ServiceRole, scope)
		},
		New: func(*Ctx) model.AccessGroup {
			return model.AccessGroup{PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceReader}
		},
		Live: accessGroupsLive,
		ItemPages: []ItemPage[model.AccessGroup]{{
			ID:    "group",
			Title: "Access group",
			Fields: func(c *Ctx, g *model.AccessGroup, _ int) []huh.Field {
				return []huh.Field{
					Example(c, Input(c, "spec.iam.accessGroups[*].name", "Group name",
						"e.g. shop-developers; letters, digits, spaces, hyphens, underscores and periods",
						&g.Name, model.ValidateAccessGroupName), "shop-developers"),
					Example(c, commaInput(c, "spec.iam.accessGroups[*].members", "Members",
						"IBMid e-mail addresses, separated by commas", &g.Members, model.ValidateEmail), "dev1@example.com, dev2@example.com"),
					Choose(c, "spec.iam.accessGroups[*].platformRole", "Platform role (ibmcloud ks)",
						&g.PlatformRole, model.PlatformRole("").Choices()),
					Choose(c, "spec.iam.accessGroups[*].serviceRole", "Service role (Kubernetes RBAC)",
						&g.ServiceRole, model.ServiceRole("").Choices()),
					EmptyMeans(c, commaInput(c, "spec.iam.accessGroups[*].namespaces", "Namespaces",
						"where the service role applies, separated by commas; empty: every namespace",
						&g.Namespaces, model.ValidateNamespace), "all namespaces"),
				}
			},
			Validate: func(c *Ctx, g *model.AccessGroup, i int) error {
				for j, o := range c.D.Spec.IAM.AccessGroups {
					if j != i && strings.EqualFold(o.Name, g.Name) {
						return errors.New(c.trf("an access group %s already exists; group names are unique in the account", g.Name))
					}
				}
				return nil
			},
			Live: func(c *Ctx, g *model.AccessGroup) string {
				line := rbacText(c, c.Cat, g)
				if g.ServiceRole == model.ServiceManager && g.AllNamespaces() {
					line = liveWarn(c, line)
				}
				return wrapTo(line+"\n"+liveMuted(c, platformText(c, g.PlatformRole)), c.Width)
			},
		}},
	}
}

// accessGroupsLive lists every group with the RBAC IKS creates for it.
// liveGroups is how many groups the live text of the list names.
const liveGroups = 12

func accessGroupsLive(c *Ctx) string {
	groups := c.D.Spec.IAM.AccessGroups
	if len(groups) == 0 {
		return wrapTo(liveMuted(c, c.tr("no access groups yet: only the account's administrators can reach the cluster")), c.Width)
	}
	// NB: at most liveGroups lines, warnings first: the live text follows
	// every key, and a thousand groups would cost a frame to build and
	// draw; the preview panel and DESIGN.md list every binding.
	var warn, rest []string
	for i := range groups {
		g := &groups[i]
		risky := g.ServiceRole == model.ServiceManager && g.AllNamespaces()
		if !risky && len(warn)+len(rest) >= liveGroups {
			continue
		}
		line := c.tr(orUnnamed(g.Name)) + ": " + rbacText(c, c.Cat, g)
		if risky {
			warn = append(warn, liveWarn(c, line))
		} else {
			rest = append(rest, line)
		}
	}
	lines := append(warn, rest...)
	if len(lines) > liveGroups {
		lines = lines[:liveGroups]
	}
	if more := len(groups) - len(lines); more > 0 {
		lines = append(lines, liveMuted(c, c.trf("… and %d more %s", more, c.tr(plural(more, "group")))))
	}
	return hangList(lines, c.Width)
}

// rbacText says which ClusterRole and binding IKS creates for a group's
// service role: "Writer in shop → ClusterRole edit, RoleBinding ibm-edit in
// shop", in the language of c (English when c is nil).
func rbacText(c *Ctx, cat *catalog.Catalog, g *model.AccessGroup) string {
	all := g.AllNamespaces()
	scope := c.tr("all namespaces")
	if !all {
		scope = strings.Join(g.Namespaces, ", ")
	}
	role := string(g.ServiceRole)
	m, ok := cat.RBAC(g.ServiceRole, all)
	if !ok {
		return c.trf("%s in %s → no Kubernetes access (no RBAC mapping in the catalog)", role, scope)
	}
	if m.BindingKind == "ClusterRoleBinding" {
		return c.trf("%s in %s → %s via ClusterRoleBinding %s — keep this to one small group", role, scope, m.ClusterRole, m.Binding)
	}
	where := scope
	if all {
		where = c.tr("every namespace")
	}
	return c.trf("%s in %s → ClusterRole %s, %s %s in %s", role, scope, m.ClusterRole, m.BindingKind, m.Binding, where)
}

// platformText says what a platform role allows: `ibmcloud ks` only.
func platformText(c *Ctx, r model.PlatformRole) string {
	return c.trf("platform %s (ibmcloud ks only): %s; nothing inside the cluster", r,
		c.tr(choiceHelp(model.PlatformRole("").Choices(), r)))
}

// choiceHelp is the help of an enum value.
func choiceHelp[T ~string](choices []model.Choice[T], v T) string {
	for _, ch := range choices {
		if ch.Value == v {
			return ch.Help
		}
	}
	return ""
}

func iamWhys() []Why {
	const (
		docUsers = "https://cloud.ibm.com/docs/containers?topic=containers-users"
		docRoles = "https://cloud.ibm.com/docs/containers?topic=containers-iam-service-access-roles"
	)
	return []Why{{
		Key: "spec.iam.accessGroups[*].name",
		Text: "IBM's 2019 guidance (slide 43): when several people work on a cluster, grant each the permissions their work needs. " +
			"IAM access groups carry the policies; people join and leave the group, the policies stay. Name groups " +
			"after the team and what it does (shop-developers, shop-platform-admins).",
		Alternatives: "Policies per user work for one or two people and become unreviewable after that.",
		Doc:          docUsers,
	}, {
		Key: "spec.iam.accessGroups[*].members",
		Text: "IBMid e-mail addresses. The runbook invites them (`ibmcloud account user-invite`) and adds them to the " +
			"group (`ibmcloud iam access-group-user-add`); inside the cluster RBAC names them IAM#user@example.com.",
		Doc: docUsers,
	}, {
		Key: "spec.iam.accessGroups[*].platformRole",
		Text: "IBM's 2019 guidance (slides 43–44) mapped the IAM roles Administrator, Operator, Editor and Viewer to Kubernetes " +
			"ClusterRoles. That changed: IKS now maps the SERVICE roles to RBAC, and platform roles govern only " +
			"`ibmcloud ks` actions and the IKS API — Viewer lists and inspects; Editor adds Ingress, logging, service " +
			"binding and the audit webhook; Operator manages workers, pools, zones and master updates; Administrator " +
			"creates and deletes clusters and sets KMS, the API key and endpoints. IAM wants platform and service " +
			"roles in separate policies; the runbook does that.",
		Alternatives: "Developers who only use kubectl need Viewer; keep Operator and Administrator for the platform team.",
		Doc:          docRoles,
	}, {
		Key: "spec.iam.accessGroups[*].serviceRole",
		Text: "IKS turns the service role into Kubernetes RBAC and keeps it in sync: Reader → ClusterRole view " +
			"(no Secrets, no roles or bindings), Writer → edit, Manager → admin in its namespaces (RoleBinding " +
			"ibm-operate) or cluster-admin through the ClusterRoleBinding ibm-admin when it covers every namespace. " +
			"IBM's 2019 guidance (slide 44): `kubectl get clusterrolebinding ibm-admin -o yaml` shows who holds cluster-admin.",
		Alternatives: "Scope Writer to the team's namespaces; give cluster-admin (Manager in all namespaces) to one " +
			"small platform group only.",
		Doc: docRoles,
	}, {
		Key: "spec.iam.accessGroups[*].namespaces",
		Text: "A service role scoped to namespaces (`--attributes namespace=NS` on the policy) becomes RoleBindings in " +
			"those namespaces only. Empty means every namespace — and for Manager that is cluster-admin.",
		Doc: docRoles,
	}}
}

// ---- helpers shared by the steps 6–10 (storage, network, observability,
// IAM, operations) ------------------------------------------------------------

// commaList binds a text input to a []string of the design: the text is
// split on commas on every keystroke, and the raw text is kept so what the
// user types is never rewritten under the cursor.
type commaList struct {
	v    *[]string
	text string
}

func (a *commaList) Get() string { return a.text }
func (a *commaList) Set(s string) {
	a.text = s
	*a.v = splitList(s)
}

// splitList splits comma-separated text, dropping blanks; "" gives nil.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// commaInput is a text input bound to a list of strings typed comma-
// separated; each entry must pass validate and appear once.
func commaInput(c *Ctx, key, title, help string, v *[]string, validate func(string) error) *huh.Input {
	in := huh.NewInput().Key(key).Title(c.Title(key, title))
	c.describe(c.tr(help), func(s string) { in.Description(s) })
	return in.Accessor(&commaList{v: v, text: strings.Join(*v, ", ")}).
		Validate(c.localized(func(s string) error { return validateList(s, validate) }))
}

// validateList checks every entry of a comma-separated list.
func validateList(s string, validate func(string) error) error {
	seen := map[string]bool{}
	for _, x := range splitList(s) {
		if err := validate(x); err != nil {
			return err
		}
		if seen[x] {
			return inputError("%s is listed twice", x)
		}
		seen[x] = true
	}
	return nil
}

// optBool binds a yes/no question to a *bool of the design whose nil means
// def (OutboundTrafficProtection): answering the default keeps it nil.
type optBool struct {
	p   **bool
	def bool
}

func (a *optBool) Get() bool {
	if *a.p == nil {
		return a.def
	}
	return **a.p
}

func (a *optBool) Set(x bool) {
	if *a.p == nil && x == a.def {
		return
	}
	*a.p = &x
}

// yesNoDefault is YesNo for a *bool whose nil means def.
func yesNoDefault(c *Ctx, key, title, help string, p **bool, def bool) *huh.Confirm {
	cf := huh.NewConfirm().Key(key).Title(c.Title(key, title)).
		Affirmative(c.tr("Yes")).Negative(c.tr("No")).Accessor(&optBool{p: p, def: def})
	c.describe(c.tr(help), func(s string) { cf.Description(s) })
	return cf
}

// uniqueName reports a name that another item of the list already has;
// exists is the whole sentence, a printf format of the name ("a namespace
// named %s already exists").
func uniqueName[T any](items []T, i int, exists string, name func(T) string) error {
	n := name(items[i])
	for j, x := range items {
		if j != i && name(x) == n {
			return inputError(exists, n)
		}
	}
	return nil
}

// inputError is a wizard validator's error: typed like the model's, so
// the field shows it in the run's language (Ctx.trErr); format is the
// message's English in the catalogue.
func inputError(format string, args ...any) error {
	return &model.InputError{Format: format, Args: args}
}

// requiredText accepts one line of non-blank free text.
func requiredText(s string) error {
	if strings.TrimSpace(s) == "" {
		return inputError("an answer is required")
	}
	return model.ValidateFreeText(s)
}

// validateCIDR accepts an IPv4 network such as 10.130.0.0/24.
func validateCIDR(s string) error {
	_, err := model.ParseCIDR(s)
	return err
}

// validateAddrOrCIDR accepts an IPv4 address or network, as CBR network
// zones take them.
func validateAddrOrCIDR(s string) error {
	if strings.Contains(s, "/") {
		return validateCIDR(s)
	}
	if a, err := netip.ParseAddr(s); err != nil || !a.Is4() {
		return inputError("%s is not an IPv4 address or CIDR like 203.0.113.0/24", model.QuoteValue(s))
	}
	return nil
}

// hangList wraps each entry to width with its continuation lines indented
// by two spaces, so a list of long entries stays readable.
func hangList(entries []string, width int) string {
	if width <= 4 {
		return strings.Join(entries, "\n")
	}
	var b strings.Builder
	for i, e := range entries {
		if i > 0 {
			b.WriteByte('\n')
		}
		for j, line := range strings.Split(wrapTo(e, width-2), "\n") {
			if j > 0 {
				b.WriteString("\n  ")
			}
			b.WriteString(line)
		}
	}
	return b.String()
}

// orUnnamed names an item whose name is not given yet.
func orUnnamed(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return s
}

// suggestName derives a resource name from the cluster name, for
// placeholders: shop-prod + assets → shop-prod-assets.
func suggestName(c *Ctx, suffix string) string {
	n := strings.Trim(strings.ToLower(strings.ReplaceAll(c.D.Metadata.Name, ".", "-")), "-")
	if n == "" {
		return suffix
	}
	return n + "-" + suffix
}

// Live text styles; accessible mode gets plain text with a word for the
// tone a color would carry.
func liveWarn(c *Ctx, s string) string {
	if c.Accessible {
		return "warning: " + s
	}
	if c.S == nil {
		return s
	}
	return c.S.Warn.Render(s)
}

func liveMuted(c *Ctx, s string) string {
	if c.Accessible || c.S == nil {
		return s
	}
	return c.S.Muted.Render(s)
}

func liveCode(c *Ctx, s string) string {
	if c.Accessible || c.S == nil {
		return s
	}
	return c.S.Code.Render(s)
}

func liveStrong(c *Ctx, s string) string {
	if c.Accessible || c.S == nil {
		return s
	}
	return c.S.Strong.Render(s)
}
