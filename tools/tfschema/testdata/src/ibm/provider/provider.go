package provider

import "github.com/IBM-Cloud/terraform-provider-ibm/ibm/service/demo"

func Provider() *schema.Provider {
	return &schema.Provider{
		DataSourcesMap: map[string]*schema.Resource{
			"demo_thing": demo.DataSourceThing(),
		},
		ResourcesMap: map[string]*schema.Resource{
			"demo_thing": demo.ResourceThing(),
			"demo_other": demo.ResourceOther(),
		},
	}
}

func validators() map[string]*validate.ResourceValidator {
	return map[string]*validate.ResourceValidator{
		"demo_thing": demo.ResourceThingValidator(),
	}
}
