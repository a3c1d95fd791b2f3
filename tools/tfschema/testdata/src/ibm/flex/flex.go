package flex

const URLKey = "console_url"

func ApplyOnce(k, o, n string, d interface{}) bool { return o != "" }

func TagsSchema() *schema.Schema {
	return &schema.Schema{Type: schema.TypeSet, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}}
}
