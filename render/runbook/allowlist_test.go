package runbook

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

// cliCommand is one `ibmcloud` command the runbook may call: its flags and
// the constant words it accepts right after the command (positionals such
// as the add-on name of `cluster addon enable`).
type cliCommand struct {
	flags       []string
	positionals []string
	// unattended is the flag without which IBM's command asks a question
	// (ibm-api-shapes.md B.1 from the CLI reference: "-f: force the command
	// to run without user prompts"; add-ons: "-y: enable all add-on
	// dependencies", asked for otherwise). The runbook runs unattended, so
	// the flag must be given.
	unattended string
}

// allowlist holds every `ibmcloud` command and flag the runbook may use,
// copied from the synopsis lines of IBM's CLI references:
//   - ks: iks-facts.md §1 (CLI26, the 2026 generated reference; CLI23 for
//     logging config and cluster ca, marked), §6.6 (ALBs), §7.5–7.6
//     (logging, audit webhook), §1.9 (add-ons, kms, image-security);
//   - is: ibm-cloud-docs/vpc-infrastructure-cli-plugin vpc-cli-reference.md
//     (lastupdated 2026-08-14);
//   - cbr: ibm-cloud-docs/cli plugins/cbr/context-based-restrictions.md
//     (2026-05-01);
//   - iam, resource, login, target, plugin, account: ibm-cloud-docs/cli
//     reference/ibmcloud (2026-07) and iks-facts.md §8;
//   - cos: ibm-cloud-docs/cloud-object-storage cloud-object-storage-cli-reference.md
//     (2026-06-24);
//   - kp: ibm-cloud-docs/key-protect cli-reference.md.
var allowlist = map[string]cliCommand{
	"login":                {flags: []string{"-a", "--sso", "-u", "-p", "--apikey", "--cr-token", "--vpc-cri", "--profile", "-c", "--no-account", "--accept", "-g", "-r", "--no-region", "--vpc"}},
	"target":               {flags: []string{"-r", "--unset-region", "-c", "-g", "--unset-resource-group"}},
	"plugin show":          {positionals: []string{"kubernetes-service", "vpc-infrastructure", "cloud-object-storage", "cbr", "key-protect", "atracker"}},
	"account show":         {},
	"ks versions":          {flags: []string{"--output", "-q", "--show-version"}},
	"ks flavor ls":         {flags: []string{"--zone", "--output", "--provider", "-q", "--show-os", "--show-storage"}},
	"ks vlan ls":           {flags: []string{"--zone", "--output", "-q"}},
	"ks vlan spanning get": {flags: []string{"--output", "-q", "--region"}},
	"ks cluster get":       {flags: []string{"--cluster", "--output", "-q", "--show-resources"}},
	"ks cluster create classic": {flags: []string{"--flavor", "--name", "--zone", "--disable-disk-encrypt", "--entitlement",
		"--hardware", "--location", "--no-subnet", "--operating-system", "--pod-subnet", "--private-service-endpoint",
		"--private-vlan", "--public-service-endpoint", "-q", "--service-subnet", "--skip-advance-permissions-check",
		"--sm-group", "--sm-instance", "--version", "--workers", "--private-only", "--public-vlan"}},
	"ks cluster create vpc-gen2": {flags: []string{"--flavor", "--name", "--subnet-id", "--vpc-id", "--zone",
		"--cluster-security-group", "--cni", "--cos-instance", "--crk", "--disable-outbound-traffic-protection",
		"--disable-public-service-endpoint", "--entitlement", "--kms-account-id", "--kms-instance", "--offering",
		"--operating-system", "--pod-subnet", "-q", "--secondary-storage", "--service-subnet", "--sm-group",
		"--sm-instance", "--version", "--workers"}},
	"ks zone add classic":  {flags: []string{"--cluster", "--worker-pool", "--zone", "--output", "--private-vlan", "-q", "--private-only", "--public-vlan"}},
	"ks zone add vpc-gen2": {flags: []string{"--cluster", "--subnet-id", "--worker-pool", "--zone", "--output", "-q"}},
	"ks worker-pool get":   {flags: []string{"--cluster", "--worker-pool", "--output"}},
	"ks worker-pool create classic": {flags: []string{"--cluster", "--flavor", "--name", "--size-per-zone",
		"--disable-disk-encrypt", "--entitlement", "--hardware", "--label", "--operating-system", "--output", "-q"}},
	"ks worker-pool create vpc-gen2": {flags: []string{"--cluster", "--flavor", "--name", "--size-per-zone", "--crk",
		"--disable-disk-encrypt", "--entitlement", "--kms-account-id", "--kms-instance", "--label", "--operating-system",
		"--output", "-q", "--secondary-storage", "--security-group", "--vpc-id"}},
	"ks worker-pool label set":         {flags: []string{"--cluster", "--label", "--worker-pool", "-f"}, unattended: "-f"},
	"ks worker-pool taint set":         {flags: []string{"--cluster", "--taint", "--worker-pool", "-f"}, unattended: "-f"},
	"ks cluster config":                {flags: []string{"--cluster", "--admin", "--endpoint", "--network", "--output", "-q", "--skip-rbac"}},
	"ks kms enable":                    {flags: []string{"--cluster", "--instance-id", "--crk", "--kms-account-id", "--public-endpoint"}},
	"ks cluster image-security enable": {flags: []string{"--cluster", "-f", "-q"}, unattended: "-f"},
	"ks cluster addon ls":              {flags: []string{"--cluster"}},
	// cluster addon enable NAME: one subcommand per add-on in CLI26, each
	// --cluster CLUSTER [-q] [--version VERSION] [-y].
	"ks cluster addon enable":                           {flags: []string{"--cluster", "--version", "-q", "-y"}, positionals: []string{"cluster-autoscaler"}, unattended: "-y"},
	"ks cluster master refresh":                         {flags: []string{"--cluster", "-q"}},
	"ks cluster master audit-webhook set":               {flags: []string{"--cluster", "--ca-cert", "--client-cert", "--client-key", "--policy", "-q", "--remote-server"}},
	"ks cluster master private-service-endpoint enable": {flags: []string{"--cluster", "-f", "-q", "-y"}, unattended: "-f"},
	"ks cluster master public-service-endpoint disable": {flags: []string{"--cluster", "-f", "-q", "-y"}, unattended: "-f"},
	// cluster ca get: CLI26 lists the command; --output json as IBM's
	// health-audit page uses it (2026-07).
	"ks cluster ca get":                    {flags: []string{"--cluster", "--output"}},
	"ks ingress alb ls":                    {flags: []string{"--cluster", "--output"}},
	"ks ingress alb enable classic":        {flags: []string{"--alb", "--cluster", "--ip", "--version"}},
	"ks ingress alb enable vpc-gen2":       {flags: []string{"--alb", "--cluster", "--version"}},
	"ks ingress alb disable":               {flags: []string{"--alb", "--cluster"}},
	"ks ingress alb autoupdate enable":     {flags: []string{"--cluster"}},
	"ks ingress alb autoupdate disable":    {flags: []string{"--cluster"}},
	"ks ingress alb versions":              {flags: []string{"--output", "-q", "--region"}},
	"ks ingress load-balancer get":         {flags: []string{"--cluster", "--output", "-q"}},
	"ks ingress load-balancer backend set": {flags: []string{"--cluster", "--private-backend", "--public-backend", "-q"}},
	"ks ingress alb autoupdate get":        {flags: []string{"--cluster", "--output", "-q"}},
	"ks cluster master audit-webhook get":  {flags: []string{"--cluster", "--output", "-q"}},
	"ks logging config create": {flags: []string{"--cluster", "--logsource", "--type", "--namespace", "--hostname", "--port",
		"--app-containers", "--app-paths", "--syslog-protocol", "--skip-validation", "--force-update"}},
	// logging config get: CLI23 (the flags are not in iks-facts.md's CLI26 summary).
	"ks logging config get":   {flags: []string{"--cluster", "--logsource", "--output"}},
	"ks cluster service bind": {flags: []string{"--cluster", "--namespace", "--service", "-q", "--key", "--role"}},
	"ks cluster service ls":   {flags: []string{"--cluster", "--all-namespaces", "--namespace"}},
	"is vpc":                  {flags: []string{"--show-attached", "--output", "-q"}},
	"is vpc-create": {flags: []string{"--classic-access", "--address-prefix-management", "--dns-enable-hub", "--dns-resolver-type",
		"--dns-resolver-manual-servers", "--resource-group-id", "--resource-group-name", "--output", "-q"}},
	"is subnet": {flags: []string{"--vpc", "--show-attached", "--output", "-q"}},
	"is subnet-create": {flags: []string{"--zone", "--ipv4-address-count", "--ipv4-cidr-block", "--acl", "--pgw", "--rt",
		"--resource-group-id", "--resource-group-name", "--output", "-q"}},
	"is subnet-update":           {flags: []string{"--vpc", "--name", "--acl", "--pgw", "--rt", "--output", "-q"}},
	"is public-gateway":          {flags: []string{"--vpc", "--output", "-q"}},
	"is public-gateway-create":   {flags: []string{"--ip", "--resource-group-id", "--resource-group-name", "--output", "-q"}},
	"is security-group-rule-add": {flags: []string{"--vpc", "--local", "--remote", "--icmp-type", "--icmp-code", "--port-min", "--port-max", "--name", "--output", "-q"}},
	"cbr zones":                  {flags: []string{"--name", "--sort"}},
	"cbr zone-create":            {flags: []string{"--name", "--description", "--addresses", "--vpc", "--service-ref", "--excluded", "--empty-address-list", "--file"}},
	"cbr rules": {flags: []string{"--enforcement-mode", "--service-name", "--service-group-id", "--service-instance", "--region",
		"--resource-type", "--resource", "--zone-id", "--sort"}},
	"cbr rule-create": {flags: []string{"--description", "--resource-attributes", "--context-attributes", "--api-types",
		"--enforcement-mode", "--service-name", "--service-group-id", "--service-instance", "--region", "--resource-type",
		"--resource", "--resource-group-id", "--tags", "--zone-id", "--empty-context-list", "--file"}},
	"cbr rule-patch": {flags: []string{"--description", "--enforcement-mode"}},
	"cbr rule":       {},
	"resource group": {flags: []string{"--id"}},
	// --output json: IBM cloud-logs ts-cos-config reads a Logs instance's
	// extensions so (`ibmcloud resource service-instance $GUID --output json`).
	"resource service-instance": {flags: []string{"--location", "--id", "--output"}},
	// service-instance-update NAME -p: IBM cloud-logs terraform-setup and
	// ts-cos-config; the other flags are the CLI reference's.
	"resource service-instance-update": {flags: []string{"-n", "--name", "--service-plan-id", "-p", "--parameters", "-g", "--service-endpoints", "-f", "--force"}},
	"resource service-instances": {flags: []string{"--service-name", "--location", "--type", "-g", "--all-resource-groups",
		"--long", "--limit", "--offset", "--output", "-q"}},
	"resource service-instance-create": {flags: []string{"-d", "--deployment", "-p", "--parameters", "-g", "--service-endpoints", "--allow-cleanup", "--lock", "--subscription"}},
	// cos config crn: the plug-in's source (IBM/ibmcloud-cos-cli config/commands) and the reference's prose.
	"cos config crn":    {flags: []string{"--crn", "--force", "--list"}, unattended: "--force"},
	"cos bucket-head":   {flags: []string{"--bucket", "--region", "--output"}},
	"cos bucket-create": {flags: []string{"--bucket", "--class", "--ibm-service-instance-id", "--region", "--output", "--kms-root-key-crn", "--kms-encryption-algorithm"}},
	"kp keys":           {flags: []string{"-i", "--instance-id", "--key-ring", "-c", "--crn", "-n", "--number-of-keys", "-o", "--output", "-s", "--starting-offset"}},
	"kp key create":     {flags: []string{"-i", "--instance-id", "--key-ring", "-k", "--key-material", "-s", "--standard-key", "-o", "--output", "-d", "--description"}},
	// Issue 9 (H8), each from IBM's reference:
	//   - kp key policies / policy-update dual-auth-delete: ibm-cloud-docs/key-protect
	//     cli-reference.md (kp-key-policies, kp-key-policy-update-dual);
	//   - iam authorization-policies / authorization-policy-create: ibm-cloud-docs/cli
	//     reference/ibmcloud/cli_iam.md, with the SOURCE TARGET ROLES positionals IBM's
	//     encryption-vpc-worker-disks, secrets-mgr and atracker target_v2_icl pages name;
	//   - atracker target create|ls, route create|ls: ibm-cloud-docs/atracker
	//     target_v2_icl.md and atracker-v2-cli.md (2025-07);
	//   - ks ingress instance default set: ibm-cloud-docs/containers secrets-mgr.md;
	//   - ks ingress instance register --cluster --crn [--is-default] [--secret-group-id]:
	//     the ks CLI reference (containers-kubernetes-service-cli), the flags the double
	//     takes; bluemix-go containerv2 InstanceRegisterConfig has the same fields.
	"kp key policies":                       {flags: []string{"-i", "--instance-id", "-o", "--output"}},
	"kp key policy-update dual-auth-delete": {flags: []string{"-i", "--instance-id", "-e", "--enable", "-d", "--disable", "-o", "--output"}},
	"iam authorization-policies":            {flags: []string{"--output", "-q"}},
	"iam authorization-policy-create": {flags: []string{"--source-service-instance-id", "--target-service-instance-id",
		"--source-resource-type", "--target-resource-type", "--source-resource-group-id", "--target-resource-group-id",
		"--source-service-account", "--output", "-q"},
		positionals: []string{"server-protect", "containers-kubernetes", "atracker", "kms", "hs-crypto", "logs", "secrets-manager", "cloud-object-storage", "Reader", "Manager", "Sender", "Writer"}},
	"atracker target create":          {flags: []string{"--name", "--type", "--target-crn", "--file", "--region", "-r", "--output"}},
	"atracker target ls":              {flags: []string{"--region", "-r", "--output"}},
	"atracker route create":           {flags: []string{"--name", "--target-ids", "--locations", "--rules", "--file", "--output"}},
	"atracker route ls":               {flags: []string{"--output"}},
	"ks ingress instance default set": {flags: []string{"--cluster", "--name", "--secret-group"}},
	"ks ingress instance ls":          {flags: []string{"--cluster", "--output"}},
	"ks ingress instance register":    {flags: []string{"--cluster", "--crn", "--is-default", "--secret-group-id"}},
	"iam access-group":                {flags: []string{"--id"}},
	"iam access-group-create":         {flags: []string{"-d", "--description"}},
	"iam access-group-user-add":       {flags: []string{"--iam-ids"}},
	// cli-ibmcloud_commands_iam#ibmcloud_iam_access_group_users and
	// #ibmcloud_iam_access_group_policies: GROUP_NAME [--output FORMAT], JSON only.
	"iam access-group-users":    {flags: []string{"--output"}},
	"iam access-group-policies": {flags: []string{"--output"}},
	"iam access-group-policy-create": {flags: []string{"--file", "--roles", "--service-name", "--service-instance", "--region",
		"--resource-type", "--resource", "--resource-group-name", "--resource-group-id", "--tags", "--account-management",
		"--attributes", "--output", "-q", "--api-version"}},
}

// forbidden are words that must never appear in an ibmcloud call: retired
// or undocumented commands and flags (iks-facts.md §1.1, §1.7, §7.2, §8).
var forbidden = []string{"ob", "--gateway-enabled", "allowlist", "user-invite", "logging-config-create", "cluster-create", "--machine-type"}

// checkIbmcloud checks one `ibmcloud` call (words after "ibmcloud")
// against the allowlist and returns what is wrong, or "".
func checkIbmcloud(words []string, isConst []bool) string {
	for i, w := range words {
		if isConst[i] && slices.Contains(forbidden, w) {
			return "uses retired or undocumented " + w
		}
	}
	// The command path: the leading constant words that are not flags.
	n := 0
	for n < len(words) && isConst[n] && !strings.HasPrefix(words[n], "-") {
		n++
	}
	path := words[:n]
	key, spec, found := "", cliCommand{}, false
	for k := n; k > 0; k-- {
		if s, ok := allowlist[strings.Join(path[:k], " ")]; ok {
			key, spec, found = strings.Join(path[:k], " "), s, true
			for _, extra := range path[k:] {
				if !slices.Contains(s.positionals, extra) {
					return "unknown subcommand or argument " + extra + " after " + key
				}
			}
			break
		}
	}
	if !found {
		return "unknown command " + strings.Join(path, " ")
	}
	for i := n; i < len(words); i++ {
		if !isConst[i] || !strings.HasPrefix(words[i], "-") {
			continue
		}
		flag, _, _ := strings.Cut(words[i], "=")
		if !slices.Contains(spec.flags, flag) {
			return "flag " + flag + " is not documented for ibmcloud " + key
		}
	}
	if strings.HasPrefix(key, "ks zone add") && !slices.Contains(words, "--worker-pool") {
		return "zone add without --worker-pool"
	}
	if spec.unattended != "" && !slices.Contains(words[n:], spec.unattended) {
		return "ibmcloud " + key + " prompts without " + spec.unattended + ", and the runbook runs unattended"
	}
	if key == "cbr rule-create" && flagValue(words, "--enforcement-mode") == "report" {
		// IBM: rules for the IKS cluster API type, or for all API types, do
		// not support report-only (https://cloud.ibm.com/docs/containers?topic=containers-cbr;
		// terraform-ibm-modules/terraform-ibm-cbr defaults them to disabled).
		api := flagValue(words, "--api-types")
		if api == "" || strings.HasSuffix(api, "::::api-type:cluster") || strings.HasSuffix(api, "::::api-type:") {
			return "report-only enforcement on the cluster API type, which IBM does not support"
		}
	}
	return ""
}

// flagValue is the word after flag, or "" when the flag is absent.
func flagValue(words []string, flag string) string {
	for i, w := range words {
		if w == flag && i+1 < len(words) {
			return words[i+1]
		}
		if v, ok := strings.CutPrefix(w, flag+"="); ok {
			return v
		}
	}
	return ""
}

// TestIbmcloudCallsAllowlisted parses every preset's runbook and checks
// every `ibmcloud` call, including those inside the helper wrappers,
// against the allowlist.
func TestIbmcloudCallsAllowlisted(t *testing.T) {
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			arts := renderDesign(t, v.design, name+"/"+v.name)
			f := parseScript(t, name, arts["runbook.sh"])
			seen := 0
			for _, c := range commands(f) {
				for i, w := range c.call.Args {
					// A helper whose arity the walker has wrong would hide a call.
					if s, ok := constWord(w); ok && s == "ibmcloud" && c.wrapper != "" && i != 1+wrappers[c.wrapper] {
						t.Errorf("%s/%s: ibmcloud at argument %d of %s: the walker's arity is wrong: %s", name, v.name, i, c.wrapper, c.shape())
					}
				}
				if c.tool() != "ibmcloud" {
					continue
				}
				seen++
				rest := c.words[1:]
				words := make([]string, len(rest))
				isConst := make([]bool, len(rest))
				for i, w := range rest {
					words[i], isConst[i] = constWord(w)
				}
				if msg := checkIbmcloud(words, isConst); msg != "" {
					t.Errorf("%s/%s: %s:\n  %s", name, v.name, msg, c.shape())
				}
			}
			if seen < 20 {
				t.Errorf("%s/%s: only %d ibmcloud calls found; the walker misses some", name, v.name, seen)
			}
		}
	}
}

// TestAllowlistRejects proves the checker fails on what it must fail on.
func TestAllowlistRejects(t *testing.T) {
	cases := map[string]string{
		"ks cluster create classic --gateway-enabled":          "retired",
		"ob logging config create --cluster":                   "retired",
		"ks zone add classic --zone":                           "without --worker-pool",
		"ks cluster create classic --machine-type":             "retired",
		"ks cluster craete classic":                            "unknown",
		"ks cluster get --cluster --outputt":                   "not documented",
		"iam user-invite":                                      "retired",
		"ks cluster master private-service-endpoint allowlist": "retired",
		"ks cluster addon enable istio":                        "unknown subcommand",
		"cbr rule-create --api-types crn:v1:bluemix:public:containers-kubernetes::::api-type:cluster --enforcement-mode report": "report-only",
		"cbr rule-create --service-name containers-kubernetes --enforcement-mode report":                                        "report-only",
		"ks cluster addon enable cluster-autoscaler --cluster":                                                                  "prompts without -y",
		"ks cluster image-security enable --cluster":                                                                            "prompts without -f",
	}
	keys := make([]string, 0, len(cases))
	for k := range cases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, in := range keys {
		words := strings.Fields(in)
		isConst := make([]bool, len(words))
		for i := range isConst {
			isConst[i] = true
		}
		msg := checkIbmcloud(words, isConst)
		if !strings.Contains(msg, cases[in]) {
			t.Errorf("ibmcloud %s: got %q, want a message with %q", in, msg, cases[in])
		}
	}
}
