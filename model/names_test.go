package model

import (
	"strings"
	"testing"
)

func TestValidators(t *testing.T) {
	type tc struct {
		in string
		ok bool
	}
	table := map[string]struct {
		fn    func(string) error
		cases []tc
	}{
		"cluster": {ValidateClusterName, []tc{
			{"shop-prod", true}, {"Shop.Prod-1", true}, {"a", true},
			{strings.Repeat("a", 35), true}, {strings.Repeat("a", 36), false},
			{"1shop", false}, {"-shop", false}, {"shop_prod", false}, {"shop prod", false}, {"", false},
			{"$(reboot)", false}, {"shöp", false},
		}},
		"pool": {ValidatePoolName, []tc{
			{"default", true}, {"gpu_pool.2", true}, {"Edge-1", true},
			{"-x", false}, {"x-", false}, {"a b", false}, {strings.Repeat("a", 64), false}, {"", false},
		}},
		"namespace": {ValidateNamespace, []tc{
			{"shop", true}, {"shop-staging", true}, {"a1", true},
			{"Shop", false}, {"shop_", false}, {"-shop", false}, {strings.Repeat("a", 64), false}, {"", false},
		}},
		"access group": {ValidateAccessGroupName, []tc{
			{"shop-developers", true}, {"Shop Developers", true}, {"team.a_b", true},
			{" lead", false}, {"a'b", false}, {"x;y", false}, {strings.Repeat("a", 101), false}, {"", false},
		}},
		"email": {ValidateEmail, []tc{
			{"dev@example.com", true}, {"first.last+tag@sub.example.co.jp", true},
			{"Dev <dev@example.com>", false}, {"dev@localhost", false}, {"dev", false},
			{"a'b@example.com", false}, {"$(id)@example.com", false}, {"", false},
		}},
		"bucket": {ValidateBucketName, []tc{
			{"shop-prod-assets", true}, {"a.b-c", true},
			{"ab", false}, {"Shop", false}, {"-abc", false}, {"a..b", false}, {"192.168.1.1", false},
		}},
		"registry namespace": {ValidateRegistryNamespace, []tc{
			{"shop", true}, {"shop_dev-1", true},
			{"abc", false}, {"Shop", false}, {"_shop", false}, {strings.Repeat("a", 31), false},
		}},
		"vlan": {ValidateVLANID, []tc{{"2234945", true}, {"abc", false}, {"", false}, {"1 2", false}}},
		"vpc id": {ValidateVPCResourceID, []tc{
			{"r022-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", true}, {"0757-abcd", true},
			{"R022", false}, {"a;b", false}, {"", false},
		}},
		"domain": {ValidateDomain, []tc{
			{"shop.example.com", true}, {"example.co.jp", true},
			{"example", false}, {"Shop.example.com", false}, {"-a.example.com", false},
		}},
		"instance": {ValidateInstanceName, []tc{
			{"shop-prod-cos", true}, {"a'b $(reboot) `id` x; rm -rf / \"q\" --flag 日本語", true},
			{"", false}, {" lead", false}, {"a\nb", false}, {strings.Repeat("a", 181), false}, {"--flag", false},
		}},
		"plan": {ValidatePlanName, []tc{{"standard", true}, {"graduated-tier", true}, {"Standard", false}, {"-x", false}, {"a b", false}}},
		"host": {ValidateHost, []tc{{"syslog.example.com", true}, {"10.0.0.5", true}, {"logs", true}, {"fd00::1", true}, {"a b", false}, {"-x.example.com", false}, {"$(id)", false}}},
		"crn": {ValidateCRN, []tc{
			{"crn:v1:bluemix:public:secrets-manager:jp-tok:a/0123abc:4567-89ab::", true},
			{"crn:v1:bluemix:public", false}, {"crn:v1:a b:c:d:e:f:g:h:i", false}, {"arn:aws:x", false},
		}},
		"free text": {ValidateFreeText, []tc{{"Sun 02:00-05:00 JST", true}, {"a\tb", true}, {"a\nb", false}}},
	}
	for name, v := range table {
		for _, c := range v.cases {
			err := v.fn(c.in)
			if (err == nil) != c.ok {
				t.Errorf("%s(%q): err = %v, want ok=%v", name, c.in, err, c.ok)
			}
		}
	}
}

func TestValidateLabel(t *testing.T) {
	ok := [][2]string{{"role", "web"}, {"example.com/tier", "gold"}, {"a", ""}, {"team_x.y", "v-1.2_3"}}
	bad := [][2]string{{"", "x"}, {"-a", "x"}, {"a", "-x"}, {"a", strings.Repeat("v", 64)}, {"Bad_/x", "y"}, {"a", "x y"}}
	for _, kv := range ok {
		if err := ValidateLabel(kv[0], kv[1]); err != nil {
			t.Errorf("ValidateLabel(%q, %q) = %v", kv[0], kv[1], err)
		}
	}
	for _, kv := range bad {
		if err := ValidateLabel(kv[0], kv[1]); err == nil {
			t.Errorf("ValidateLabel(%q, %q) accepted", kv[0], kv[1])
		}
	}
}

func TestParseCIDR(t *testing.T) {
	if _, err := ParseCIDR("172.30.0.0/16"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"172.30.0.1/16", "nope", "fd00::/8", "172.30.0.0"} {
		if _, err := ParseCIDR(s); err == nil {
			t.Errorf("ParseCIDR(%q) accepted", s)
		}
	}
}
