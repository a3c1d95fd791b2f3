package runbook

import (
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// jq filters over `ingress alb ls --output json`. They find ALB objects at
// any depth (IBM does not document whether the CLI prints the API's wrapper
// {…, alb: [...]} or the list; ibm-api-shapes.md A.3) by their fields
// albID, albType, enable and albBuild, and print "ALB_ID ENABLED" lines.
const (
	// jqALBsToEnable: ALBs of type $v that are not enabled yet.
	jqALBsToEnable = `.. | objects | select(.albType? == env.JQ_V and .enable != true) | "\(.albID) \(.enable)"`
	// jqALBsToTraefik: ALBs of type $v that are not enabled Traefik ALBs yet.
	// IBM's Traefik images are 3.X.X_XXXX_iks, Ingress-NGINX's 1.X.X_XXXX_iks
	// (containers docs, managed-ingress-move-traefik).
	jqALBsToTraefik = `.. | objects | select(.albType? == env.JQ_V and (.enable != true or ((.albBuild // "") | test("^3\\.") | not))) | "\(.albID) \(.enable)"`
	// jqALBsToDisable: enabled ALBs of type $v.
	jqALBsToDisable = `.. | objects | select(.albType? == env.JQ_V and .enable == true) | .albID`
	// jqTraefikVersion picks the newest Traefik image version that `ingress
	// alb versions --output json` lists (since CLI 1.0.762 it lists Ingress
	// and Traefik versions; the JSON key is not documented, so any string
	// of the form 3.X.X_XXXX_iks counts).
	jqTraefikVersion = `[.. | strings | select(test("^3\\.[0-9]+\\.[0-9]+_[0-9]+_iks$"))] | unique | sort_by([(split("_")[0] | split(".") | map(tonumber)), (split("_")[1] | tonumber)]) | last // empty`
	// jqBackendsTraefik holds when `ingress load-balancer get --output
	// json` has, for each comma-separated name of $v (publicbackend,
	// privatebackend), a field of that name (any case, any depth) set to
	// traefik. IBM documents the command and its --public-backend and
	// --private-backend flags, not its JSON: the field names are INFERRED
	// from the flags.
	jqBackendsTraefik = `(env.JQ_V | split(",")) - [.. | objects | to_entries[] | select(.value == "traefik") | .key | ascii_downcase] | length == 0`
)

// albs makes the Ingress ALBs what the design says: enabled or disabled,
// running the design's controller, with automatic updates on or off.
// Public ALBs start enabled and private ones disabled; both run
// Ingress-NGINX unless enabled with a Traefik version.
func (b *builder) albs() {
	bd := b.cur
	in := b.s.Network.Ingress
	on := in.Controller != model.IngressNone
	traefik := in.Controller == model.IngressTraefik
	if !on {
		bd.comment("No Ingress controller: the public ALBs are disabled.")
	} else {
		bd.comment("Ingress: %s; ingress classes %s and %s.", in.Controller.Label(), in.Controller.IngressClass(true), in.Controller.IngressClass(false))
	}
	list := cmd("ibmcloud", "ks", "ingress", "alb", "ls", "--cluster", b.clusterVar(), "--output", "json")
	if traefik && (in.PublicALB || in.PrivateALB) {
		bd.comment("Managed Traefik as IBM's 2026 migration docs do it (topic ingress-controller-migration, \"Direct")
		bd.comment("migration\"): each ALB that does not run Traefik yet is disabled and enabled again with a Traefik")
		bd.comment("version, the newest that ibmcloud ks ingress alb versions lists.")
		bd.comment("Set TRAEFIK_VERSION at the top to pin a version; empty, the runbook reads the newest.")
		b.later("TRAEFIK_VERSION", view.StepNetwork, "the Traefik ALB image version (3.X.X_XXXX_iks; ibmcloud ks ingress alb versions); empty: the newest")
		bd.rawUses(`if [[ -z "$TRAEFIK_VERSION" ]]; then`, "TRAEFIK_VERSION")
		bd.block(func() {
			b.readBack("capture", "TRAEFIK_VERSION", view.StepNetwork, "the Traefik ALB image version (3.X.X_XXXX_iks; ibmcloud ks ingress alb versions); empty: the newest",
				cmd("<newest Traefik version: or set TRAEFIK_VERSION at the top>", jqTraefikVersion, "", "ibmcloud", "ks", "ingress", "alb", "versions", "--output", "json")...)
		})
		bd.raw("fi")
	}
	if in.PublicALB && on {
		b.enableALBs("public", traefik, list)
	}
	if in.PrivateALB && on {
		if !traefik {
			bd.comment("Private ALBs are created disabled; enable them.")
		}
		b.enableALBs("private", traefik, list)
	}
	if !in.PublicALB || !on {
		bd.comment("Public ALBs start enabled; the design wants none.")
		b.readBack("capture_all", "PUBLIC_ALBS", view.StepNetwork, "IDs of the enabled public ALBs, one a line",
			append(cmd("<id of each enabled public ALB>", jqALBsToDisable, "public"), list...)...)
		bd.rawUses(`while IFS= read -r alb <&3; do`, "PUBLIC_ALBS")
		bd.block(func() {
			bd.raw(`[[ -n "$alb" ]] || continue`)
			// CLI26: ingress alb disable --alb ALB --cluster CLUSTER [-q].
			bd.run(cmd("ibmcloud", "ks", "ingress", "alb", "disable", "--alb", loopVar("alb"), "--cluster", b.clusterVar())...)
		})
		bd.raw(`done 3<<<"$PUBLIC_ALBS"`)
	}
	if traefik && b.s.IsVPC() && (in.PublicALB || in.PrivateALB) {
		b.traefikBackend(in.PublicALB, in.PrivateALB)
	}
	b.albAutoUpdate()
}

// enableALBs enables the ALBs of one type (public, private) that are not
// enabled yet, or, for Traefik, that do not run Traefik yet (disabling an
// enabled one first, as IBM's migration steps do).
func (b *builder) enableALBs(albType string, traefik bool, list []word) {
	bd := b.cur
	name := "PUBLIC_ALBS_TO_ENABLE"
	if albType == "private" {
		name = "PRIVATE_ALBS_TO_ENABLE"
	}
	filter := jqALBsToEnable
	what := b.text("IDs of the ", textArg(albType), " ALBs to enable, with whether they are enabled, one a line")
	if traefik {
		filter = jqALBsToTraefik
		what = b.text("IDs of the ", textArg(albType), " ALBs that do not run Traefik yet, with whether they are enabled, one a line")
	}
	b.readBack("capture_all", name, view.StepNetwork, what, append(cmd("<id and state of each "+albType+" ALB to change>", filter, albType), list...)...)
	bd.rawUses(`while IFS=' ' read -r alb enabled <&3; do`, name)
	bd.block(func() {
		bd.raw(`[[ -n "$alb" ]] || continue`)
		if traefik {
			bd.raw(`if [[ "$enabled" == true ]]; then`)
			bd.block(func() {
				bd.run(cmd("ibmcloud", "ks", "ingress", "alb", "disable", "--alb", loopVar("alb"), "--cluster", b.clusterVar())...)
			})
			bd.raw("fi")
		}
		// CLI26: ingress alb enable classic|vpc-gen2 --alb ALB --cluster CLUSTER [--version VERSION].
		ws := cmd("ibmcloud", "ks", "ingress", "alb", "enable", b.provider(), "--alb", loopVar("alb"), "--cluster", b.clusterVar())
		if traefik {
			ws = append(ws, lit("--version"), ref("TRAEFIK_VERSION"))
		}
		bd.run(ws...)
	})
	bd.raw(`done 3<<<"$` + name + `"`)
}

// traefikBackend points the VPC load balancers of the ALBs at Traefik
// (CLI26 `ingress load-balancer backend set --cluster CLUSTER
// [--private-backend BACKEND] [--public-backend BACKEND]`; the migration
// docs' step "For VPC clusters, set the load balancer backend to Traefik").
func (b *builder) traefikBackend(public, private bool) {
	bd := b.cur
	bd.comment("VPC: the ALBs' VPC load balancer sends traffic to the Traefik ALBs, not the Ingress-NGINX ones.")
	set := cmd("ibmcloud", "ks", "ingress", "load-balancer", "backend", "set", "--cluster", b.clusterVar())
	var keys []string
	if public {
		set = append(set, cmd("--public-backend", "traefik")...)
		keys = append(keys, "publicbackend")
	}
	if private {
		set = append(set, cmd("--private-backend", "traefik")...)
		keys = append(keys, "privatebackend")
	}
	get := cmd(jqBackendsTraefik, strings.Join(keys, ","), "ibmcloud", "ks", "ingress", "load-balancer", "get", "--cluster", b.clusterVar(), "--output", "json")
	bd.ifNot(when("json_has", get...), func() { bd.run(set...) })
}

// albAutoUpdate turns the ALBs' automatic updates on or off as the design
// says, unless they already are. `ingress alb autoupdate get` prints
// "Automatic updates of the ALB pods are enabled|disabled in cluster C"
// (IBM's ALB update docs, example output).
func (b *builder) albAutoUpdate() {
	bd := b.cur
	get := cmd("ibmcloud", "ks", "ingress", "alb", "autoupdate", "get", "--cluster", b.clusterVar())
	if b.s.Operations.Upgrades.ALBAutoUpdate {
		bd.comment("IBM updates the ALBs automatically (the design keeps autoupdate on).")
		bd.ifNot(when("matches", append(cmd("ALB pods are enabled"), get...)...), func() {
			bd.run(cmd("ibmcloud", "ks", "ingress", "alb", "autoupdate", "enable", "--cluster", b.clusterVar())...)
		})
		return
	}
	bd.comment("ALB versions are pinned: update them yourself with ibmcloud ks ingress alb update.")
	bd.ifNot(when("matches", append(cmd("ALB pods are disabled"), get...)...), func() {
		bd.run(cmd("ibmcloud", "ks", "ingress", "alb", "autoupdate", "disable", "--cluster", b.clusterVar())...)
	})
}
