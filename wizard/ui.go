package wizard

// uiState holds the answers of the steps that are not part of the design
// ("use an existing VPC", "single zone or multizone"), one typed struct per
// step. A step's part is derived from the design when the step is entered
// (its Enter hook), so it always agrees with the design, and it is saved
// with every draft, so a resumed wizard shows the same answers on the same
// page.
type uiState struct {
	Basics basicsUI `json:"basics"`
	Zones  zonesUI  `json:"zones"`
	// Lists are the list editors' states by list ID (list.go): the item
	// being edited, the removal chosen.
	Lists map[string]*listState `json:"lists,omitempty"`
}

// clone is a copy that shares nothing with u: a draft's snapshot must not
// follow answers given after it was taken.
func (u uiState) clone() uiState {
	if u.Lists != nil {
		lists := make(map[string]*listState, len(u.Lists))
		for id, st := range u.Lists {
			cp := *st
			lists[id] = &cp
		}
		u.Lists = lists
	}
	return u
}

// basicsUI is the Basics step's state.
type basicsUI struct {
	// OldName is the cluster name when the step was entered: derived names
	// (VPC, buckets) that followed it are renamed with it.
	OldName string `json:"oldName,omitempty"`
}

// zonesUI is the Zones step's state.
type zonesUI struct {
	// OldRegion is the region before the region page was answered: the
	// registry region that was its default follows a new region.
	OldRegion string `json:"oldRegion,omitempty"`
	// Mode is zoneModeMulti or zoneModeSingle.
	Mode string `json:"mode,omitempty"`
	// CreateVLANs: IBM creates the classic VLANs (no VLAN IDs given).
	CreateVLANs bool `json:"createVLANs"`
	// CreateVPC: the runbook creates the VPC (no vpcID given).
	CreateVPC bool `json:"createVPC"`
	// SubnetSize is the address count of the subnets of a new VPC.
	SubnetSize int `json:"subnetSize,omitempty"`
}
