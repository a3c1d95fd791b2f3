package runbook

import "fmt"

// jq filters over `ibmcloud ks vlan ls --zone ZONE --output json`: a bare
// array of {id, type ("private"/"public"), properties: {primary_router,
// …}} (bluemix-go api/container/containerv1/properties.go DCVlan, 576d2f8;
// ibm-api-shapes.md "ks vlan ls"). IBM requires the number and letter after
// a private VLAN's bcr and its public VLAN's fcr to match
// (kubernetes-service-cli.md, --private-vlan), so the VLANs are grouped by
// router pod (01a.tok02 of bcr01a.tok02): the private VLAN chosen is one of
// a pod that has a public VLAN too, or the first at all when the workers
// are private-only; the public VLAN is one of the chosen VLAN's pod. The
// filters bind no jq variables ($x), which shellcheck would take for shell
// expansions in single quotes.
const (
	jqVLANPods = `def pod: ((.properties.primary_router // "") | sub("^[bf]cr"; "")); [.[]? | select(.type == "private" or .type == "public")] | group_by(pod)`
	// jqPrivateVLAN: a private VLAN whose router pod has a public VLAN
	// too, else the first private VLAN (for the error message).
	jqPrivateVLAN = `(` + jqVLANPods + ` | map(select(any(.[]; .type == "public")) | .[] | select(.type == "private"))) + [.[]? | select(.type == "private")] | first | .id // empty`
	// jqPrivateVLANAny: the first private VLAN (private-only workers).
	jqPrivateVLANAny = `[.[]? | select(.type == "private")] | first | .id // empty`
	// jqPublicVLAN: the public VLAN on the pod of private VLAN env.JQ_V.
	jqPublicVLAN = jqVLANPods + ` | map(select(any(.[]; .type == "private" and (.id | tostring) == env.JQ_V)) | .[] | select(.type == "public")) | first | .id // empty`
)

// runVLANs runs create (a classic cluster create or zone add in zone i)
// with the zone's VLANs. Where the design names them, it passes them.
// Where it names none, it asks the account first: IBM creates a private
// and a public VLAN only with the first cluster in a zone; "If you created
// a standard cluster before in this zone or created a private VLAN in IBM
// Cloud infrastructure before, you must specify that private VLAN"
// (ibm-cloud-docs/containers kubernetes-service-cli.md, lastupdated
// 2023-06-06, cluster create classic --private-vlan; the same for zone add
// classic). So the VLANs `ibmcloud ks vlan ls --zone` lists are reused, and
// the command passes no VLAN flags only when the zone has none. The
// listing is read right before each command, in the branch that runs it:
// a second pool in a zone sees the VLANs the first one got, and a rerun
// that finds the cluster or zone in place does not list at all.
func (b *builder) runVLANs(i int, create []word) {
	bd := b.cur
	s := b.s
	cn := s.Network.Classic
	privateOnly := cn != nil && cn.PrivateOnlyWorkers
	if !cn.VLANsFor(s.Zones[i]).Create() {
		b.privateVLAN(i)
		if !privateOnly {
			b.publicVLAN(i)
		}
		bd.run(append(create, b.vlanWords(i)...)...)
		return
	}
	priv, pub := fmt.Sprintf("PRIVATE_VLAN_%d", i+1), fmt.Sprintf("PUBLIC_VLAN_%d", i+1)
	list := cmd("ibmcloud", "ks", "vlan", "ls", "--zone", b.zone(i), "--output", "json")
	filter := jqPrivateVLAN
	if privateOnly {
		filter = jqPrivateVLANAny
	}
	// Listed where used, never carried to another step (so not saved in
	// logs/state as the read-back IDs are).
	b.val(priv, "", hLater, "the account's private VLAN in the zone, empty when it has none: listed right before each command that uses it")
	bd.call("capture_all", append(cmd(priv, bd.msg("<private VLAN of the account in ", varRef(zoneName(i)), ", if any>"), filter, ""), list...)...)
	if !privateOnly {
		b.val(pub, "", hLater, "the account's public VLAN on that private VLAN's router, empty when none: listed with it")
		bd.call("capture_all", append(cmd(pub, bd.msg("<public VLAN of the account in ", varRef(zoneName(i)), ", if any>"), jqPublicVLAN, ref(priv)), list...)...)
	}
	bd.rawUses(`if [[ -n "$`+priv+`" ]]; then`, priv)
	bd.block(func() {
		if !privateOnly {
			bd.rawUses(`if [[ -z "$`+pub+`" ]]; then`, pub)
			bd.block(func() {
				bd.words(lit("die"), bd.msg("zone ", varRef(zoneName(i)), " has private VLAN ", varRef(priv),
					" but no public VLAN on a matching router: name the VLANs in spec.network.classic.vlans or choose private-only workers"))
			})
			bd.raw("fi")
			bd.say("reusing the account's VLANs in ", varRef(zoneName(i)), ": private ", varRef(priv), ", public ", varRef(pub))
		} else {
			bd.say("reusing the account's private VLAN in ", varRef(zoneName(i)), ": ", varRef(priv))
		}
		bd.run(append(create, b.vlanWords(i)...)...)
	})
	bd.raw("else")
	bd.block(func() {
		bd.say("no VLANs in ", varRef(zoneName(i)), " yet: IBM creates them with the first workers there")
		if privateOnly {
			bd.run(append(create, lit("--private-only"))...)
			return
		}
		bd.run(create...)
	})
	bd.raw("fi")
}
