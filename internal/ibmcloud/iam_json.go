package ibmcloud

import "strings"

// iamPolicyJSON is an access policy as the IAM Policy Management API v1
// returns it (platform-services-go-sdk iampolicymanagementv1: Policy,
// PolicySubject, PolicyRole, PolicyResource, ResourceAttribute).
type iamPolicyJSON struct {
	ID        string              `json:"id"`
	Type      string              `json:"type"`
	Subjects  []iamAttributesJSON `json:"subjects"`
	Roles     []iamRoleJSON       `json:"roles"`
	Resources []iamAttributesJSON `json:"resources"`
}

type iamAttributesJSON struct {
	Attributes []iamAttributeJSON `json:"attributes"`
}

type iamAttributeJSON struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Operator string `json:"operator,omitempty"`
}

type iamRoleJSON struct {
	RoleID      string `json:"role_id"`
	DisplayName string `json:"display_name"`
}

// iamServiceRoles are the service roles of containers-kubernetes; the
// others the double knows are platform roles (IAM's role CRNs:
// crn:v1:bluemix:public:iam::::role:NAME, …::::serviceRole:NAME).
var iamServiceRoles = map[string]bool{"Reader": true, "Writer": true, "Manager": true}

// apiJSON renders p as the API returns it: the subject is the access
// group, the resource attributes are the account, then what the
// policy-create flags named (--service-name serviceName, --service-instance
// serviceInstance, --resource-type resourceType, --resource resource,
// --attributes name=value[,name=value]).
func (p Policy) apiJSON(accountID, groupID, id string) iamPolicyJSON {
	out := iamPolicyJSON{ID: id, Type: "access",
		Subjects: []iamAttributesJSON{{Attributes: []iamAttributeJSON{{Name: "access_group_id", Value: groupID}}}}}
	for _, r := range strings.Split(p.Roles, ",") {
		r = strings.TrimSpace(r)
		kind := "role"
		if iamServiceRoles[r] {
			kind = "serviceRole"
		}
		out.Roles = append(out.Roles, iamRoleJSON{RoleID: "crn:v1:bluemix:public:iam::::" + kind + ":" + r, DisplayName: r})
	}
	attrs := []iamAttributeJSON{{Name: "accountId", Value: accountID, Operator: "stringEquals"}}
	add := func(name, value string) {
		if value != "" {
			attrs = append(attrs, iamAttributeJSON{Name: name, Value: value, Operator: "stringEquals"})
		}
	}
	add("serviceName", p.ServiceName)
	add("serviceInstance", p.ServiceInstance)
	add("resourceType", p.ResourceType)
	add("resource", p.Resource)
	for _, kv := range strings.Split(p.Attributes, ",") {
		if name, value, ok := strings.Cut(kv, "="); ok {
			add(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
	out.Resources = []iamAttributesJSON{{Attributes: attrs}}
	return out
}
