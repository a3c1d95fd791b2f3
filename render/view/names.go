package view

import "github.com/iksplan/iksplan/model"

// NewSubnetName and NewGatewayName are the names iksplan gives the VPC
// subnet and public gateway it creates in a zone (runbook, Terraform, and
// the change runbook that leaves them when the zone goes).
func NewSubnetName(d *model.Design, zone string) string { return d.Metadata.Name + "-" + zone }

// NewGatewayName: see NewSubnetName.
func NewGatewayName(d *model.Design, zone string) string { return d.Metadata.Name + "-pgw-" + zone }

// LogsVPEName is the name of the VPE gateway the runbook creates to the
// Cloud Logs instance where IBM offers its private ingestion only that way.
func LogsVPEName(d *model.Design) string { return d.Metadata.Name + "-logs-vpe" }
