package wizard

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// wrapSamples are Japanese texts of the wizard's why panels and live
// areas, with a styled (ANSI) part, at the widths the panels get.
var wrapSamples = []string{
	"リージョンのバケットはリージョンの 3 つのゾーンにコピーを持ち、マルチゾーン・クラスターと同じくゾーンの喪失に耐えます。IBM の 2019 年のガイダンス (スライド 11 と 23) は、リージョン全体が失われても残るように、バックアップをクロス・リージョンのバケットに送ります。",
	"IBM の 2019 年のガイダンス (スライド 21–22): IaaS のブロック・ストレージとファイル・ストレージはゾーンをまたげないため、IBM は永続データにマルチゾーンのサービス (Cloud Databases と Object Storage) を推奨しています。",
	"マルチゾーン: Object Storage、Cloud Databases 2 個\n\x1b[33m3 ゾーン: ゾーン固定のボリュームとそのポッドは、そのゾーンが停止すると一緒に停止します\x1b[0m",
	"ランブックが `ibmcloud resource service-instance-create NAME SERVICE PLAN REGION` で作成します。https://cloud.ibm.com/docs/containers?topic=containers-storage_cos_install",
}

// TestWrapJapanese: a wrapped Japanese line never exceeds the width, never
// starts with closing punctuation, loses no character, and is filled: the
// next line's first unit would not have fitted (ansi.Wrap left "3" alone
// on a line and pushed "つのゾーンに…" to the next).
func TestWrapJapanese(t *testing.T) {
	for _, width := range []int{20, 35, 37, 54} {
		for _, s := range wrapSamples {
			got := wrapTo(s, width)
			lines := strings.Split(got, "\n")
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("width %d: line %q is %d cells", width, ansi.Strip(l), w)
				}
				plain := ansi.Strip(l)
				if r, _ := utf8.DecodeRuneInString(plain); i > 0 && strings.ContainsRune("、。）」", r) {
					t.Errorf("width %d: line %q starts with %q", width, plain, r)
				}
				if i+1 < len(lines) {
					next := []rune(ansi.Strip(lines[i+1]))
					if len(next) > 0 && ansi.StringWidth(string(next[0])) == 2 && ansi.StringWidth(plain)+2 <= width-2 &&
						!strings.ContainsRune(noLineStart, next[0]) && (len(next) < 2 || !strings.ContainsRune(noLineStart, next[1])) {
						t.Errorf("width %d: line %q is short and the next starts with %q\n%s", width, plain, string(next[0]), ansi.Strip(got))
					}
				}
			}
			squash := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(ansi.Strip(s)) }
			if squash(got) != squash(s) {
				t.Errorf("width %d: text changed:\n%s\n%s", width, squash(got), squash(s))
			}
		}
	}
}

// TestWrapEnglishUnchanged: text without wide characters wraps as before.
func TestWrapEnglishUnchanged(t *testing.T) {
	for _, s := range []string{
		"zone-bound: a pod using this volume cannot move to another zone; in a multizone cluster prefer metro classes",
		"\x1b[33mprotection off but no public gateway: public traffic still has no route\x1b[0m",
	} {
		for _, width := range []int{10, 37, 80} {
			if got, want := wrapTo(s, width), ansi.Wrap(s, width, ""); got != want {
				t.Errorf("width %d: %q, want %q", width, got, want)
			}
		}
	}
}

// TestWrapNeverSplitsANumber: a version, a date or an address stays on one
// line (the version help broke "from 1.35." into "from 1." and "35.").
func TestWrapNeverSplitsANumber(t *testing.T) {
	s := "NodeLocal DNS is enabled by default from 1.35. End of support 2027-04-28; IBM's default 172.30.0.0/16"
	for width := 14; width <= 40; width++ { // 14: the longest token fits
		got := wrapTo(s, width)
		for _, tok := range []string{"1.35.", "2027-04-28;", "172.30.0.0/16"} {
			if !strings.Contains(got, tok) {
				t.Errorf("width %d: %q is split:\n%s", width, tok, got)
			}
		}
	}
}

// TestWrapCodeKeepsFlagsWhole: the runbook preview wrapped
// "--vpc-id" into "-" and "-vpc-id", and "jp-tok-1" into "jp-" and "tok-1".
func TestWrapCodeKeepsFlagsWhole(t *testing.T) {
	line := `run ibmcloud ks cluster create vpc-gen2 --name shop-vpc-prod --zone jp-tok-1 --vpc-id "$VPC_ID" --subnet-id "$SUBNET_1_ID" --flavor bx2.8x32 --workers 4`
	for width := 16; width <= 40; width++ {
		got := wrapCode(line, width)
		for _, l := range strings.Split(got, "\n") {
			if strings.HasSuffix(l, "-") {
				t.Errorf("width %d: a line ends inside a word: %q\n%s", width, l, got)
			}
		}
		if strings.Join(strings.Fields(got), " ") != line {
			t.Errorf("width %d: text changed:\n%s", width, got)
		}
	}
}

// TestWrapLeavesNoWidow: the welcome description at 80 columns ended with
// "す" alone on its last line.
func TestWrapLeavesNoWidow(t *testing.T) {
	s := "ドラフトには回答がすべて残ります。プリセットは手直しして使う完成した設計です"
	got := wrapTo(s, 74) // the welcome field at 80 columns
	lines := strings.Split(got, "\n")
	if last := lines[len(lines)-1]; ansi.StringWidth(last) <= 2 {
		t.Errorf("the last line is %q alone:\n%s", last, got)
	}
	if len(lines) != 2 {
		t.Errorf("want 2 lines, got %d:\n%s", len(lines), got)
	}
}

// TestWrapCodeCutsLongWordsAtSeparators: a word longer than the line is
// cut after a path or word separator ("manifests/" then the file name,
// as the review panel lists it), never inside a name, unless that takes
// more lines than cutting at the width; a word without separators is cut
// at the width.
func TestWrapCodeCutsLongWordsAtSeparators(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"manifests/20-network-policies.yaml", 33, "manifests/\n20-network-policies.yaml"},
		{"https://cloud.ibm.com/docs/containers?topic=containers-regions-and-zones", 33,
			"https://cloud.ibm.com/docs/\ncontainers?topic=containers-\nregions-and-zones"},
		// separators only where they would cost a third line: cut at the width
		{"https://cloud.ibm.com/docs/containers?topic=containers-clusters", 35,
			"https://cloud.ibm.com/docs/containe\nrs?topic=containers-clusters"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij\nklmnopqrst\nuvwxyz"},
		{"run ibmcloud ks cluster get --cluster shop", 20, "run ibmcloud ks\ncluster get\n--cluster shop"},
	} {
		if got := wrapCode(c.in, c.width); got != c.want {
			t.Errorf("wrapCode(%q, %d) =\n%s\nwant\n%s", c.in, c.width, got, c.want)
		}
	}
}
