package model

// Storage is where persistent data lives (seed slides 21–23). The seed's
// advice still holds: prefer services that span zones (Object Storage,
// Cloud Databases, Cloudant, Portworx) over volumes bound to one zone.
type Storage struct {
	ObjectStorage  ObjectStorage      `yaml:"objectStorage" json:"objectStorage"`
	Databases      []DatabaseInstance `yaml:"databases,omitempty" json:"databases,omitempty"`
	Cloudant       Cloudant           `yaml:"cloudant" json:"cloudant"`
	Portworx       Portworx           `yaml:"portworx" json:"portworx"`
	Volumes        []Volume           `yaml:"volumes,omitempty" json:"volumes,omitempty"`
	DatabaseOnIaaS DatabaseOnIaaS     `yaml:"databaseOnIaaS" json:"databaseOnIaaS"`
}

// ObjectStorage is an IBM Cloud Object Storage instance and its buckets.
type ObjectStorage struct {
	Enabled      bool     `yaml:"enabled" json:"enabled"`
	InstanceName string   `yaml:"instanceName,omitempty" json:"instanceName,omitempty"`
	Buckets      []Bucket `yaml:"buckets,omitempty" json:"buckets,omitempty"`
}

// Bucket is one Object Storage bucket.
type Bucket struct {
	// Name is globally unique across IBM Cloud: 3–63 lowercase letters,
	// digits, dots and hyphens.
	Name       string           `yaml:"name" json:"name" jsonschema:"required"`
	Resiliency BucketResiliency `yaml:"resiliency" json:"resiliency"`
	Class      BucketClass      `yaml:"class" json:"class"`
}

// BucketResiliency is how far a bucket's copies are spread.
type BucketResiliency string

// The bucket resiliency choices.
const (
	ResiliencyCrossRegion BucketResiliency = "cross-region"
	ResiliencyRegional    BucketResiliency = "regional"
	ResiliencySingleSite  BucketResiliency = "single-site"
)

var bucketResiliencyChoices = []Choice[BucketResiliency]{
	{ResiliencyCrossRegion, "Cross-region", "copies in three regions of a geography: survives a region loss (IBM's 2019 guidance puts backups here, slide 11)"},
	{ResiliencyRegional, "Regional", "copies in the region's three zones: survives a zone loss"},
	{ResiliencySingleSite, "Single data center", "copies in one site: data residency, not availability"},
}

// Choices lists the resiliency choices.
func (BucketResiliency) Choices() []Choice[BucketResiliency] { return bucketResiliencyChoices }

// EnumValues implements Enum.
func (BucketResiliency) EnumValues() []string { return enumValues(bucketResiliencyChoices) }

// Label is the human name of the choice.
func (b BucketResiliency) Label() string { return labelOf(bucketResiliencyChoices, b) }

// Valid reports whether b is a known choice.
func (b BucketResiliency) Valid() bool { return validChoice(bucketResiliencyChoices, b) }

// BucketClass is the storage class of a bucket.
type BucketClass string

// The bucket classes.
const (
	BucketSmart    BucketClass = "smart"
	BucketStandard BucketClass = "standard"
	BucketVault    BucketClass = "vault"
	BucketCold     BucketClass = "cold"
)

var bucketClassChoices = []Choice[BucketClass]{
	{BucketSmart, "Smart tier", "billing follows the access pattern; a safe default"},
	{BucketStandard, "Standard", "data read often"},
	{BucketVault, "Vault", "data read about once a month: backups"},
	{BucketCold, "Cold vault", "data read a few times a year: archives"},
}

// Choices lists the bucket classes.
func (BucketClass) Choices() []Choice[BucketClass] { return bucketClassChoices }

// EnumValues implements Enum.
func (BucketClass) EnumValues() []string { return enumValues(bucketClassChoices) }

// Label is the human name of the class.
func (b BucketClass) Label() string { return labelOf(bucketClassChoices, b) }

// Valid reports whether b is a known class.
func (b BucketClass) Valid() bool { return validChoice(bucketClassChoices, b) }

// DatabaseInstance is one IBM Cloud Databases instance (seed slide 23):
// managed, spread over the region's zones, backed up automatically.
type DatabaseInstance struct {
	Name string       `yaml:"name" json:"name" jsonschema:"required"`
	Type DatabaseType `yaml:"type" json:"type" jsonschema:"required"`
	// Plan is the service plan, e.g. standard or enterprise; the catalog
	// lists the plans of each type.
	Plan string `yaml:"plan" json:"plan"`
	// BindNamespace binds the instance's credentials into this namespace
	// as a Kubernetes Secret. Empty: no binding.
	BindNamespace string `yaml:"bindNamespace,omitempty" json:"bindNamespace,omitempty"`
	// PrivateEndpoint keeps database traffic on IBM's private network.
	PrivateEndpoint bool `yaml:"privateEndpoint" json:"privateEndpoint"`
}

// DatabaseType is an IBM Cloud Databases engine.
type DatabaseType string

// The Cloud Databases engines.
const (
	DBPostgreSQL    DatabaseType = "postgresql"
	DBMySQL         DatabaseType = "mysql"
	DBRedis         DatabaseType = "redis"
	DBMongoDB       DatabaseType = "mongodb"
	DBEtcd          DatabaseType = "etcd"
	DBElasticsearch DatabaseType = "elasticsearch"
	DBRabbitMQ      DatabaseType = "rabbitmq"
)

var databaseTypeChoices = []Choice[DatabaseType]{
	{DBPostgreSQL, "Databases for PostgreSQL", "relational data; the usual first choice"},
	{DBMySQL, "Databases for MySQL", "relational data for MySQL applications"},
	{DBRedis, "Databases for Redis", "caches, sessions and queues"},
	{DBMongoDB, "Databases for MongoDB", "document data"},
	{DBEtcd, "Databases for etcd", "small key-value configuration; also Portworx's external metadata store"},
	{DBElasticsearch, "Databases for Elasticsearch", "search"},
	{DBRabbitMQ, "Messages for RabbitMQ", "message queues"},
}

// Choices lists the engines.
func (DatabaseType) Choices() []Choice[DatabaseType] { return databaseTypeChoices }

// EnumValues implements Enum.
func (DatabaseType) EnumValues() []string { return enumValues(databaseTypeChoices) }

// Label is the human name of the engine.
func (t DatabaseType) Label() string { return labelOf(databaseTypeChoices, t) }

// Valid reports whether t is a known engine.
func (t DatabaseType) Valid() bool { return validChoice(databaseTypeChoices, t) }

// Cloudant is an IBM Cloudant (CouchDB) instance.
type Cloudant struct {
	Enabled       bool   `yaml:"enabled" json:"enabled"`
	InstanceName  string `yaml:"instanceName,omitempty" json:"instanceName,omitempty"`
	Plan          string `yaml:"plan,omitempty" json:"plan,omitempty" jsonschema:"description=Cloudant plan\\, e.g. standard or lite"`
	BindNamespace string `yaml:"bindNamespace,omitempty" json:"bindNamespace,omitempty"`
}

// Portworx is software-defined storage that replicates volumes across zones.
// It needs a licence and, on classic, bare-metal SDS workers.
type Portworx struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
}

// Volume is a persistent volume claim an application needs.
type Volume struct {
	Name      string `yaml:"name" json:"name" jsonschema:"required"`
	Namespace string `yaml:"namespace" json:"namespace" jsonschema:"required"`
	// StorageClass must be one the catalog lists for the infrastructure.
	StorageClass string `yaml:"storageClass" json:"storageClass" jsonschema:"required"`
	// SizeGiB is bounded by IBM's largest volume: regional VPC file shares
	// take 1–32,000 GiB (IKS storage class reference,
	// https://cloud.ibm.com/docs/containers?topic=containers-storage-file-vpc-sc-ref);
	// every other class IKS offers is smaller.
	SizeGiB    int        `yaml:"sizeGiB" json:"sizeGiB" jsonschema:"required,minimum=1,maximum=32000"`
	AccessMode AccessMode `yaml:"accessMode" json:"accessMode"`
}

// AccessMode is how a volume may be mounted.
type AccessMode string

// The access modes.
const (
	ReadWriteOnce AccessMode = "ReadWriteOnce"
	ReadWriteMany AccessMode = "ReadWriteMany"
	ReadOnlyMany  AccessMode = "ReadOnlyMany"
)

var accessModeChoices = []Choice[AccessMode]{
	{ReadWriteOnce, "ReadWriteOnce", "one worker mounts it read-write (block storage)"},
	{ReadWriteMany, "ReadWriteMany", "many workers mount it read-write (file storage, Object Storage)"},
	{ReadOnlyMany, "ReadOnlyMany", "many workers mount it read-only"},
}

// Choices lists the access modes.
func (AccessMode) Choices() []Choice[AccessMode] { return accessModeChoices }

// EnumValues implements Enum.
func (AccessMode) EnumValues() []string { return enumValues(accessModeChoices) }

// Label is the human name of the mode.
func (a AccessMode) Label() string { return labelOf(accessModeChoices, a) }

// Valid reports whether a is a known mode.
func (a AccessMode) Valid() bool { return validChoice(accessModeChoices, a) }

// DatabaseOnIaaS records a database the team runs itself on virtual or
// bare-metal servers, reached over the private network (seed slide 21).
type DatabaseOnIaaS struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// Engine names the database, e.g. "Oracle 19c on bare metal".
	Engine string `yaml:"engine,omitempty" json:"engine,omitempty"`
	// PrivateCIDR is the private subnet the cluster must reach.
	PrivateCIDR string `yaml:"privateCIDR,omitempty" json:"privateCIDR,omitempty"`
}
