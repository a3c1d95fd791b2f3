package model

import (
	"net/mail"
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// The naming rules of IBM Cloud and Kubernetes that a design's names must
// follow before they reach a command or a manifest. Each validator returns
// nil or an error that says the rule in words a person can act on.

var (
	vlanIDRE = lazyre.New(`^[0-9]{1,12}$`)
	crnRE    = lazyre.New(`^crn:v1(:[^:\s]*){8}$`)
	// A Kubernetes Secret name is a DNS-1123 subdomain.
	secretNameRE = lazyre.New(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
)

// MaxClusterNameLength is IBM's limit for cluster names.
const MaxClusterNameLength = 35

// ValidateClusterName applies IBM's rule: start with a letter; letters,
// digits, periods and hyphens; at most 35 characters.
func ValidateClusterName(s string) error {
	switch {
	case s == "":
		return inputErr("a cluster name is required")
	case len(s) > MaxClusterNameLength:
		return inputErr("%s is %d characters; IBM allows at most %d", QuoteValue(s), len(s), MaxClusterNameLength)
	case !isClusterName(s):
		return inputErr("%s must start with a letter and contain only letters, digits, periods and hyphens", QuoteValue(s))
	}
	return nil
}

// ValidatePoolName applies the Kubernetes label value rule, because IKS puts
// the pool name on every worker as a node label.
func ValidatePoolName(s string) error {
	switch {
	case s == "":
		return inputErr("a worker pool name is required")
	case len(s) > 63:
		return inputErr("%s is %d characters; at most 63", QuoteValue(s), len(s))
	case !isPoolName(s):
		return inputErr("%s must start and end with a letter or digit and contain only letters, digits, hyphens, underscores and periods", QuoteValue(s))
	}
	return nil
}

// isDNSLabel reports whether s matches ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$, a
// DNS-1123 label of any length. Every namespace, group scope and object
// name is checked (twice per render, at 1,000 namespaces a regexp
// backtrack each was a tenth of view.New); TestNameChecksMatchRegexps
// compares it with the pattern.
func isDNSLabel(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isAccessGroupName reports whether s matches IAM's access group names,
// ^[A-Za-z0-9]([A-Za-z0-9 ._-]*[A-Za-z0-9_.-])?$: letters, digits, spaces,
// hyphens, underscores and periods, starting with a letter or digit and
// not ending with a space.
func isAccessGroupName(s string) bool {
	if s == "" || !isASCIIAlnum(s[0]) || s[len(s)-1] == ' ' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isASCIIAlnum(c) && c != ' ' && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// ValidateNamespace applies the Kubernetes DNS-1123 label rule.
func ValidateNamespace(s string) error {
	switch {
	case s == "":
		return inputErr("a namespace name is required")
	case len(s) > 63:
		return inputErr("%s is %d characters; at most 63", QuoteValue(s), len(s))
	case !isDNSLabel(s):
		return inputErr("%s must be lowercase letters, digits and hyphens, starting and ending with a letter or digit", QuoteValue(s))
	}
	return nil
}

// ValidateDNSLabel applies the DNS-1123 label rule to a Kubernetes object
// name such as a PVC or service account.
func ValidateDNSLabel(s string) error { return ValidateNamespace(s) }

// ValidateAccessGroupName applies IAM's access group naming: at most 100
// characters of letters, digits, spaces, hyphens, underscores and periods.
func ValidateAccessGroupName(s string) error {
	switch {
	case s == "":
		return inputErr("an access group name is required")
	case len(s) > 100:
		return inputErr("%s is %d characters; IAM allows at most 100", QuoteValue(s), len(s))
	case !isAccessGroupName(s):
		return inputErr("%s may contain only letters, digits, spaces, hyphens, underscores and periods, starting with a letter or digit", QuoteValue(s))
	}
	return nil
}

// ValidateEmail accepts one plain address such as dev@example.com (no
// display name), as IAM invites and access groups take.
func ValidateEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return inputErr("%s is not an e-mail address like dev@example.com", QuoteValue(s))
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || !strings.Contains(s[at+1:], ".") || strings.ContainsAny(s, " \"'`$;\\") {
		return inputErr("%s is not an e-mail address like dev@example.com", QuoteValue(s))
	}
	return nil
}

// ValidateBucketName applies Object Storage's rule: 3–63 lowercase letters,
// digits, dots and hyphens, starting and ending with a letter or digit, and
// not shaped like an IP address.
func ValidateBucketName(s string) error {
	if !isBucketName(s) || strings.Contains(s, "..") {
		return inputErr("%s must be 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit", QuoteValue(s))
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return inputErr("%s must not look like an IP address", QuoteValue(s))
	}
	return nil
}

// ValidateRegistryNamespace applies Container Registry's rule: 4–30
// lowercase letters, digits, hyphens and underscores, starting and ending
// with a letter or digit.
func ValidateRegistryNamespace(s string) error {
	if !isRegistryNamespace(s) {
		return inputErr("%s must be 4–30 lowercase letters, digits, hyphens and underscores, starting and ending with a letter or digit", QuoteValue(s))
	}
	return nil
}

// ValidateVLANID accepts a numeric classic VLAN ID.
func ValidateVLANID(s string) error {
	if !vlanIDRE.MatchString(s) {
		return inputErr("%s is not a VLAN ID; `ibmcloud ks vlan ls --zone ZONE` lists the numeric IDs", QuoteValue(s))
	}
	return nil
}

// ValidateVPCResourceID accepts a VPC or subnet ID as `ibmcloud is` prints
// it, e.g. r022-1a2b3c4d-….
func ValidateVPCResourceID(s string) error {
	if !isVPCResourceID(s) {
		return inputErr("%s is not a VPC resource ID like r022-1a2b3c4d-5e6f-…; `ibmcloud is vpcs` and `ibmcloud is subnets` list them", QuoteValue(s))
	}
	return nil
}

// ValidateDomain accepts a lowercase DNS name such as shop.example.com.
func ValidateDomain(s string) error {
	if len(s) > 253 || !isDNSName(s) {
		return inputErr("%s is not a domain name like shop.example.com", QuoteValue(s))
	}
	return nil
}

// ValidateInstanceName accepts an IBM Cloud service instance or resource
// group name: 1–180 characters, no control characters. Anything else is
// allowed, because IBM allows it; the runbook quotes every value. A leading
// hyphen is refused: quoting keeps "--flag" one argument, but the CLI would
// still read it as an option.
func ValidateInstanceName(s string) error {
	if !isInstanceName(s) || strings.TrimSpace(s) != s || strings.HasPrefix(s, "-") {
		return inputErr("%s must be 1–180 characters with no control characters, no leading or trailing spaces and no leading hyphen", QuoteValue(s))
	}
	return nil
}

// ValidatePlanName accepts an IBM Cloud service plan name such as
// standard or graduated-tier.
func ValidatePlanName(s string) error {
	if !isPlanName(s) {
		return inputErr("%s is not a plan name like standard or graduated-tier", QuoteValue(s))
	}
	return nil
}

// ValidateHost accepts a host name (syslog.example.com) or an IP address.
func ValidateHost(s string) error {
	if _, err := netip.ParseAddr(s); err == nil {
		return nil
	}
	if len(s) <= 253 && (isDNSName(s) || isDNSLabel(s)) {
		return nil
	}
	return inputErr("%s is not a host name like syslog.example.com or an IP address", QuoteValue(s))
}

// ValidateSecretName accepts a Kubernetes Secret name (a DNS-1123
// subdomain: lowercase letters, digits, hyphens and dots, at most 253
// characters), such as the CA certificate secret that IBM's syslog
// forwarder takes with --ca-cert.
func ValidateSecretName(s string) error {
	if len(s) > 253 || !secretNameRE.MatchString(s) {
		return inputErr("%s is not a Kubernetes secret name: lowercase letters, digits, hyphens and dots, at most 253 characters", QuoteValue(s))
	}
	return nil
}

// ValidateCRN accepts an IBM Cloud resource name (crn:v1:bluemix:public:…),
// ten colon-separated fields without spaces.
func ValidateCRN(s string) error {
	if !crnRE.MatchString(s) {
		return inputErr("%s is not a CRN like crn:v1:bluemix:public:secrets-manager:jp-tok:a/ACCOUNT:INSTANCE::", QuoteValue(s))
	}
	return nil
}

// ValidateFreeText accepts a line of free text (descriptions, maintenance
// windows): no control characters but tab.
func ValidateFreeText(s string) error {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' {
			return inputErr("must be one line without control characters")
		}
	}
	return nil
}

// ValidateLabel applies the Kubernetes label rule to one key and value. Keys
// may carry a DNS prefix (example.com/role).
func ValidateLabel(key, value string) error {
	name := key
	if i := strings.LastIndexByte(key, '/'); i >= 0 {
		prefix := key[:i]
		name = key[i+1:]
		if len(prefix) > 253 || !isDNSName(prefix) && !isDNSLabel(prefix) {
			return inputErr("label key %s has an invalid prefix %s", QuoteValue(key), QuoteValue(prefix))
		}
	}
	if !isLabelName(name) {
		return inputErr("label key %s must be at most 63 letters, digits, hyphens, underscores and periods, starting and ending with a letter or digit", QuoteValue(key))
	}
	if value != "" && !isLabelName(value) {
		return inputErr("label value %s must be at most 63 letters, digits, hyphens, underscores and periods, starting and ending with a letter or digit", QuoteValue(value))
	}
	return nil
}

// ParseCIDR parses an IPv4 CIDR and checks it is the network address.
func ParseCIDR(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() {
		return netip.Prefix{}, inputErr("%s is not an IPv4 CIDR like 172.30.0.0/16", QuoteValue(s))
	}
	if p.Masked() != p {
		return netip.Prefix{}, inputErr("%s is not a network address; did you mean %s?", QuoteValue(s), p.Masked())
	}
	return p, nil
}

// The byte loops below replace patterns with bounded repeats
// (^[a-z0-9][a-z0-9-]{0,62}$ and the like): regexp compiles {0,62} into 62
// copies of the class, and the eight such patterns cost about 0.4 ms and
// 0.5 MB of fresh heap on the first check of a one-shot `iksplan render`
// (issue 15), more than the checks themselves ever take.
// TestNameChecksMatchRegexps compares each with its pattern.

// isLowerAlnum reports an [a-z0-9] byte.
func isLowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// isSpan reports whether s is minLen to maxLen bytes whose first byte is in
// class first, whose last byte (when s has two or more) is in class last,
// and whose bytes between are in class mid. Every class is ASCII, so bytes
// count as the characters the patterns count.
func isSpan(s string, minLen, maxLen int, first, mid, last func(byte) bool) bool {
	if len(s) < minLen || len(s) > maxLen || !first(s[0]) {
		return false
	}
	if len(s) == 1 {
		return true
	}
	for i := 1; i < len(s)-1; i++ {
		if !mid(s[i]) {
			return false
		}
	}
	return last(s[len(s)-1])
}

// isBucketName: ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$.
func isBucketName(s string) bool {
	return isSpan(s, 3, 63, isLowerAlnum, func(c byte) bool { return isLowerAlnum(c) || c == '.' || c == '-' }, isLowerAlnum)
}

// isRegistryNamespace: ^[a-z0-9][a-z0-9_-]{2,28}[a-z0-9]$.
func isRegistryNamespace(s string) bool {
	return isSpan(s, 4, 30, isLowerAlnum, func(c byte) bool { return isLowerAlnum(c) || c == '_' || c == '-' }, isLowerAlnum)
}

// isVPCResourceID: ^[a-z0-9][a-z0-9-]{2,63}$.
func isVPCResourceID(s string) bool {
	lowerAlnumOrHyphen := func(c byte) bool { return isLowerAlnum(c) || c == '-' }
	return isSpan(s, 3, 64, isLowerAlnum, lowerAlnumOrHyphen, lowerAlnumOrHyphen)
}

// isPlanName: ^[a-z0-9][a-z0-9-]{0,62}$.
func isPlanName(s string) bool {
	lowerAlnumOrHyphen := func(c byte) bool { return isLowerAlnum(c) || c == '-' }
	return isSpan(s, 1, 63, isLowerAlnum, lowerAlnumOrHyphen, lowerAlnumOrHyphen)
}

// isLabelName: ^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$, a
// Kubernetes label name (and, or empty, a label value).
func isLabelName(s string) bool {
	return isSpan(s, 1, 63, isASCIIAlnum, func(c byte) bool { return isASCIIAlnum(c) || c == '-' || c == '_' || c == '.' }, isASCIIAlnum)
}

// isDNSName: ^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$: two or
// more dot-separated labels of at most 63 characters, the last of letters
// only. No label holds a dot, so splitting at the dots reads the pattern's
// one way to match.
func isDNSName(s string) bool {
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 || !isSpan(s[dot+1:], 2, 63, isLowerLetter, isLowerLetter, isLowerLetter) {
		return false
	}
	for label := range strings.SplitSeq(s[:dot], ".") {
		if len(label) > 63 || !isDNSLabel(label) {
			return false
		}
	}
	return true
}

func isLowerLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// isInstanceName: ^[^\x00-\x1f\x7f]{1,180}$, counted in characters as
// regexp counts them (a byte that is not UTF-8 is one character).
func isInstanceName(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r == 0x7f {
			return false
		}
		i += size
		n++
	}
	return n >= 1 && n <= 180
}

// isClusterName: ^[A-Za-z][A-Za-z0-9.-]*$ (ValidateClusterName bounds the
// length).
func isClusterName(s string) bool {
	rest := func(c byte) bool { return isASCIIAlnum(c) || c == '.' || c == '-' }
	return isSpan(s, 1, len(s), isASCIILetter, rest, rest)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isPoolName: ^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$, the Kubernetes
// label value rule, since a pool name becomes the node label
// ibm-cloud.kubernetes.io/worker-pool-name (ValidatePoolName bounds the
// length).
func isPoolName(s string) bool {
	return isSpan(s, 1, len(s), isASCIIAlnum, func(c byte) bool { return isASCIIAlnum(c) || c == '_' || c == '.' || c == '-' }, isASCIIAlnum)
}
