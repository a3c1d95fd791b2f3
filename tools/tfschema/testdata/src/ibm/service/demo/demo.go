package demo

import "github.com/IBM-Cloud/terraform-provider-ibm/ibm/flex"

const sizeKey = "size"

func ResourceThing() *schema.Resource {
	return &schema.Resource{
		Schema: map[string]*schema.Schema{
			"name":      {Type: schema.TypeString, Required: true, ForceNew: true, Description: "The " + "name"},
			sizeKey:     {Type: schema.TypeInt, Optional: true, Default: 1, DiffSuppressFunc: flex.ApplyOnce},
			flex.URLKey: {Type: schema.TypeString, Computed: true},
			"tags":      flex.TagsSchema(),
			"zones": {
				Type:     schema.TypeList,
				Required: true,
				MaxItems: 3,
				Elem: &schema.Resource{Schema: map[string]*schema.Schema{
					"zone": {Type: schema.TypeString, Required: true, ConflictsWith: []string{"other"}},
				}},
			},
			"labels": {Type: schema.TypeMap, Optional: true, Elem: schema.TypeString},
			"effect": {Type: schema.TypeString, Optional: true, ValidateFunc: validate.InvokeValidator("demo_thing", "effect")},
			"old":    {Type: schema.TypeBool, Optional: true, Deprecated: "use name"},
			"mode":   {Type: schema.TypeString, Optional: true, ValidateFunc: validation.StringInSlice([]string{"a", sizeKey}, true)},
		},
	}
}

func ResourceOther() *schema.Resource {
	r := &schema.Resource{Schema: otherSchema()}
	r.Schema["late"] = &schema.Schema{Type: schema.TypeString, Optional: true}
	return r
}

func otherSchema() map[string]*schema.Schema {
	s := map[string]*schema.Schema{"id_of": {Type: schema.TypeString, Required: true}}
	s["added"] = &schema.Schema{Type: schema.TypeFloat, Computed: true}
	return s
}

func DataSourceThing() *schema.Resource {
	return &schema.Resource{Schema: map[string]*schema.Schema{"name": {Type: schema.TypeString, Optional: true, ExactlyOneOf: []string{"name", "id"}}}}
}

func ResourceThingValidator() *validate.ResourceValidator {
	v := []validate.ValidateSchema{
		{Identifier: "other", ValidateFunctionIdentifier: validate.ValidateRegexpLen, Regexp: "^x$"},
		{Identifier: "effect", ValidateFunctionIdentifier: validate.ValidateAllowedStringValue, AllowedValues: "NoSchedule, NoExecute"},
	}
	return &validate.ResourceValidator{ResourceName: "demo_thing", Schema: v}
}
