package ibmcloud

// Commands of change runbooks (iksplan diff OLD NEW --runbook): resize and
// remove pools, remove zones, update the master, replace or update
// workers. Flags from IBM's ks reference (srcKS) as iks-facts.md §1.3 and
// §1.6 list them; prompts from its -f column (ibm-api-shapes.md, "Has -f").
func ksChangeSpecs() []*Spec {
	return []*Spec{
		// resize has no -f and does not prompt (INFERRED, CLIREF has no -f).
		{Path: "ks worker-pool resize", Mutating: true, Source: srcKS, Run: ksPoolResize, Flags: []Flag{
			fCluster, fPool, req("size-per-zone"), fQuiet}},
		{Path: "ks worker-pool rm", Mutating: true, Source: srcKS, Run: ksPoolRm, Flags: []Flag{
			fCluster, fPool, fForce, fQuiet}},
		{Path: "ks zone rm", Mutating: true, Source: srcKS, Run: ksZoneRm, Flags: []Flag{
			fZone, fCluster, {Names: []string{"worker-pool", "p"}, Value: true, Required: true, Repeat: true}, fForce, fQuiet}},
		{Path: "ks cluster master update", Mutating: true, Source: srcKS, Run: ksMasterUpdate, Flags: []Flag{
			fCluster, opt("version", true), opt("force-update", false), fForce, fQuiet}},
		{Path: "ks worker replace", Mutating: true, Source: srcKS, Run: ksWorkerReplace, Flags: []Flag{
			fCluster, req("worker"), opt("update", false), fForce, fQuiet}},
		{Path: "ks worker update", Mutating: true, Source: srcKS, Run: ksWorkerUpdate, Flags: []Flag{
			fCluster, {Names: []string{"worker"}, Value: true, Required: true, Repeat: true}, fForce, fQuiet}},
		{Path: "ks worker-pool operating-system set", Mutating: true, Source: srcKS, Run: ksPoolOS, Flags: []Flag{
			fCluster, fPool, req("operating-system"), fQuiet}},
	}
}
