package cli

// runDrill runs the drill req.Name. H4's zone-loss drill replaces this
// file; until then every drill name is unknown.
func runDrill(_ *app, req drillRequest) error {
	return usageErr("unknown drill %q", req.Name)
}
