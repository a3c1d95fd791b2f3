package model

// Operations is how the cluster is kept current, sized and recoverable
// after day one (seed slide 13 for versions).
type Operations struct {
	Upgrades   UpgradePolicy `yaml:"upgrades" json:"upgrades"`
	Autoscaler Autoscaler    `yaml:"autoscaler" json:"autoscaler"`
	Backups    Backups       `yaml:"backups" json:"backups"`
}

// UpgradePolicy says how far behind the newest version the cluster may
// fall and how often worker fix packs are applied.
type UpgradePolicy struct {
	// MaxMinorsBehind is how many minor versions behind the newest the
	// master may be (IBM supports n..n-2). When the whole upgrades section
	// is left out, the default is 1.
	MaxMinorsBehind int `yaml:"maxMinorsBehind" json:"maxMinorsBehind" jsonschema:"minimum=0,maximum=2"`
	// WorkerPatchDays is how often worker fix packs are applied; IBM
	// releases them every 14 days.
	WorkerPatchDays int `yaml:"workerPatchDays" json:"workerPatchDays" jsonschema:"minimum=1,maximum=90"`
	// MaintenanceWindow is a free-text window, e.g. "Sun 02:00-05:00 JST".
	MaintenanceWindow string `yaml:"maintenanceWindow,omitempty" json:"maintenanceWindow,omitempty"`
	// ALBAutoUpdate keeps IBM's automatic Ingress ALB updates on.
	ALBAutoUpdate bool `yaml:"albAutoUpdate" json:"albAutoUpdate"`
}

// Autoscaler is the managed cluster-autoscaler add-on.
type Autoscaler struct {
	Enabled bool             `yaml:"enabled" json:"enabled"`
	Pools   []AutoscaledPool `yaml:"pools,omitempty" json:"pools,omitempty"`
}

// AutoscaledPool bounds one worker pool's size per zone.
type AutoscaledPool struct {
	Pool       string `yaml:"pool" json:"pool" jsonschema:"required"`
	MinPerZone int    `yaml:"minPerZone" json:"minPerZone" jsonschema:"minimum=1,maximum=1000"`
	MaxPerZone int    `yaml:"maxPerZone" json:"maxPerZone" jsonschema:"minimum=1,maximum=1000"`
}

// Backups is how data outside the managed services is saved.
type Backups struct {
	Method BackupMethod `yaml:"method" json:"method"`
	// Bucket is the Object Storage bucket that receives the backups.
	Bucket string `yaml:"bucket,omitempty" json:"bucket,omitempty"`
	// Schedule is a cron expression for scheduled volume backups.
	Schedule      string `yaml:"schedule,omitempty" json:"schedule,omitempty"`
	RetentionDays int    `yaml:"retentionDays,omitempty" json:"retentionDays,omitempty" jsonschema:"minimum=0,maximum=3650"`
}

// BackupMethod is the tool that backs up persistent volumes.
type BackupMethod string

// The backup methods.
const (
	BackupNone              BackupMethod = "none"
	BackupBackupAndRecovery BackupMethod = "backup-and-recovery"
	BackupRestoreChart      BackupMethod = "ibmcloud-backup-restore"
)

var backupMethodChoices = []Choice[BackupMethod]{
	{BackupNone, "None (managed services only)", "right when all state lives in Cloud Databases and Object Storage, which back up themselves"},
	{BackupBackupAndRecovery, "IBM Cloud Backup and Recovery", "IBM's backup service; a data source connector in the cluster backs up namespaces and volumes"},
	{BackupRestoreChart, "ibmcloud-backup-restore Helm chart", "one-off or scheduled copies of block and file volumes to Object Storage"},
}

// Choices lists the backup methods.
func (BackupMethod) Choices() []Choice[BackupMethod] { return backupMethodChoices }

// EnumValues implements Enum.
func (BackupMethod) EnumValues() []string { return enumValues(backupMethodChoices) }

// Label is the human name of the method.
func (b BackupMethod) Label() string { return labelOf(backupMethodChoices, b) }

// Valid reports whether b is a known method.
func (b BackupMethod) Valid() bool { return validChoice(backupMethodChoices, b) }
