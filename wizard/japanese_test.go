package wizard

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// The Japanese wizard: LANG=ja (Options.Lang) starts in Japanese, a whole
// design walks to the review in Japanese and writes files, the design
// records spec.documentLanguage: ja, and no screen of any step shows an
// English sentence outside what stays English (commands, IBM product
// names, the design's own values, key names).

// keptOnScreen is what a Japanese screen may show in English: IBM's
// product and service names as IBM spells them, and the tool's own name.
var keptOnScreen = []string{
	"IBM Cloud Kubernetes Service", "IBM Cloud Object Storage", "IBM Cloud Monitoring", "IBM Cloud Logs",
	"IBM Cloud Container Registry", "IBM Cloud Databases", "IBM Log Analysis", "IBM Cloud",
	"Monitoring with Sysdig", // the 2019 name of IBM Cloud Monitoring
	"Activity Tracker Event Routing", "Activity Tracker", "Hyper Protect Crypto Services", "Key Protect",
	"Secrets Manager", "Cloud Internet Services", "Cloud Block Storage", "Object Storage",
	"Vulnerability Advisor", "Pod Security Admission", "Pod Security", "Virtual Router Appliance",
	"Direct Link", "Transit Gateway", "Secure by Default", "Backup and Recovery", "Container Registry",
	"Git Repos and Issue Tracking",
	"Databases for PostgreSQL", "Databases for MySQL", "Databases for Redis", "Databases for MongoDB",
	"Databases for etcd", "Databases for Elasticsearch", "Messages for RabbitMQ",
}

var (
	screenURL  = regexp.MustCompile(`https?://\S+`)
	screenCode = regexp.MustCompile("`[^`]*`")
	// screenCommand is a command word outside backticks; stripCommands
	// takes it out with its arguments, and only them.
	screenCommand = regexp.MustCompile(`(?:^|[^\w-])(ibmcloud|kubectl|iksplan|less|DRY_RUN=1)(?:$|[^\w-])`)
	screenDigit   = regexp.MustCompile(`[A-Za-z._/-]*[0-9][0-9A-Za-z._/-]*`)
	// screenCut is the word an option cut to the field's width ends in
	// (optionfit.go): "Databases for Postgre…" is a product name cut, not
	// an English phrase, once the cut word is gone.
	screenCut  = regexp.MustCompile(`[A-Za-z0-9._/'’-]*…`)
	screenRun  = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*)*`)
	screenStop = map[string]bool{
		"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true,
		"on": true, "is": true, "are": true, "be": true, "by": true, "with": true, "for": true, "from": true,
		"not": true, "no": true, "it": true, "its": true, "this": true, "that": true, "as": true, "at": true,
		"each": true, "every": true, "only": true, "can": true, "must": true, "when": true, "your": true,
	}
)

// englishOnScreen returns the English phrases of a Japanese screen: a run
// of three or more ASCII words holding an English stop word, or of five
// words, once commands, URLs, product names and keep (the design's own
// values) are taken out.
func englishOnScreen(screen string, keep []string) []string {
	s := screenURL.ReplaceAllString(screen, " ")
	s = screenCode.ReplaceAllString(s, " ")
	s = stripCommands(s)
	s = screenCut.ReplaceAllString(s, " ")
	// NB: product names first: a design value ("Default", the resource
	// group) inside one ("Secure by Default") would break it up.
	for _, p := range keptOnScreen {
		s = strings.ReplaceAll(s, p, " ")
	}
	for _, k := range keep {
		if len(k) > 2 {
			s = strings.ReplaceAll(s, k, " ")
		}
	}
	s = screenDigit.ReplaceAllString(s, " ")
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, run := range screenRun.FindAllString(line, -1) {
			words := strings.FieldsFunc(run, func(r rune) bool { return strings.ContainsRune(" ,;:", r) })
			english := len(words) >= 5
			if len(words) >= 3 {
				english = english || slices.ContainsFunc(words, func(w string) bool { return screenStop[strings.ToLower(w)] })
			}
			if english {
				out = append(out, run)
			}
		}
	}
	return out
}

// stripCommands takes each command out of s (ibmcloud, kubectl, iksplan…
// outside backticks) with its arguments: flags, placeholders (ZONE),
// values with dots, slashes, digits or "=" in them, and lowercase words
// that are not English stop words (subcommands). It stops at the first
// other word, so English written after a command ("iksplan diff FILE shows
// what changed") is still judged; before, the whole rest of the line was
// skipped.
func stripCommands(s string) string {
	var b strings.Builder
	for {
		loc := screenCommand.FindStringSubmatchIndex(s)
		if loc == nil {
			return b.String() + s
		}
		b.WriteString(s[:loc[2]] + " ")
		rest := s[loc[3]:]
		for {
			trimmed := strings.TrimLeft(rest, " \t")
			end := strings.IndexAny(trimmed, " \t\n")
			if end < 0 {
				end = len(trimmed)
			}
			if tok := trimmed[:end]; tok == "" || !commandArg(tok) {
				break
			}
			rest = trimmed[end:]
		}
		s = rest
	}
}

// commandArg reports whether tok reads as a command's argument.
func commandArg(tok string) bool {
	switch {
	case strings.HasPrefix(tok, "-"):
		return true
	case strings.ContainsAny(tok, "./=|%…<>0123456789_:@[]{}\"'"):
		return !hasWideRune(tok)
	case strings.ToUpper(tok) == tok && strings.ToLower(tok) != tok:
		return true // a placeholder: ZONE, FILE
	case strings.ToLower(tok) == tok && !screenStop[tok] && !hasWideRune(tok):
		return true // a subcommand: ks, cluster, create
	}
	return false
}

func hasWideRune(s string) bool {
	for _, r := range s {
		if r >= 0x3000 {
			return true
		}
	}
	return false
}

// designValues are the texts of the design the screens show as they are.
func designValues(d *model.Design) []string {
	v := []string{d.Metadata.Name, d.Spec.ResourceGroup}
	// Free text wraps on screen: every run of two or more of its words
	// counts, the longest first.
	for _, text := range []string{d.Metadata.Description, d.Metadata.Owner} {
		w := strings.Fields(text)
		for n := len(w); n >= 2; n-- {
			for i := 0; i+n <= len(w); i++ {
				v = append(v, strings.Join(w[i:i+n], " "))
			}
		}
	}
	for _, p := range d.Spec.WorkerPools {
		v = append(v, p.Name)
	}
	for _, n := range d.Spec.Namespaces {
		v = append(v, n.Name)
	}
	return v
}

// japaneseWalk starts the wizard in Japanese at width×height on the welcome
// screen, picks the preset at index preset, and presses enter (with the
// why panel open) until the final screen, calling each for every screen.
func japaneseWalk(t *testing.T, width, height, preset int, out string, each func(h *harness, page, screen string)) *harness {
	t.Helper()
	h := &harness{t: t}
	opts := testOptions(t, h)
	opts.Lang = i18n.JA
	if out != "" {
		opts.Write = nil // the real renderers
		opts.OutDir = out
	}
	h.app = New(opts)
	h.send(windowSize(width, height))
	h.run(h.app.Init())
	each(h, "welcome", h.View())
	h.Down(preset).Enter()
	if h.app.screen != screenWizard {
		t.Fatalf("the welcome screen did not start the wizard:\n%s", h.View())
	}
	h.Key("f1") // the why panel, where the reasons are
	for n := 0; h.app.screen == screenWizard; n++ {
		if n > 400 {
			t.Fatalf("stuck on %s:\n%s", h.Page(), h.View())
		}
		each(h, h.Page(), h.View())
		h.Analyze()
		h.Enter()
	}
	each(h, "final", h.View())
	return h
}

func TestJapaneseWalkWritesFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	seen := map[string]bool{}
	h := japaneseWalk(t, 120, 40, 1, out, func(_ *harness, page, screen string) { seen[strings.Split(page, "/")[0]] = true })
	if h.app.screen != screenFinal {
		t.Fatalf("did not reach the final screen:\n%s", h.View())
	}
	for _, s := range Steps() {
		if !seen[string(s.ID)] {
			t.Errorf("the walk never showed step %s", s.ID)
		}
	}
	h.ExpectView("✓ 設計を書き出しました")
	if got := h.app.Design().Spec.DocumentLanguage; got != model.LangJapanese {
		t.Errorf("spec.documentLanguage = %q, want ja", got)
	}
	doc, err := os.ReadFile(filepath.Join(out, "DESIGN.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "ワーカー・ノード") {
		t.Errorf("DESIGN.md is not in Japanese:\n%.600s", doc)
	}
	yml, err := os.ReadFile(filepath.Join(out, "design.yaml"))
	if err != nil || !strings.Contains(string(yml), "documentLanguage: ja") {
		t.Errorf("design.yaml does not record documentLanguage: ja (%v)", err)
	}
}

// notYetJapanese are the screens (a step's ID, or welcome and final)
// whose Japanese is not written yet: TestJapaneseScreensHaveNoEnglish
// logs their English instead of failing. Issue 12 is done when it is
// empty.
var notYetJapanese = map[string]bool{}

// TestJapaneseScreensHaveNoEnglish walks every preset in Japanese at
// 120×40 and 80×24 and fails on any English sentence left on a screen,
// naming the page and the texts that reached tr without a Japanese
// message there.
func TestJapaneseScreensHaveNoEnglish(t *testing.T) {
	missing := map[string]bool{}
	untranslated = func(s string) { missing[s] = true }
	defer func() { untranslated = nil }()
	var later int
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for preset := range 3 {
			japaneseWalk(t, size[0], size[1], preset, "", func(h *harness, page, screen string) {
				var keep []string
				if h.app.ctx != nil {
					keep = designValues(h.app.ctx.D)
				}
				for _, e := range englishOnScreen(screen, keep) {
					if notYetJapanese[strings.Split(page, "/")[0]] {
						later++
						continue
					}
					t.Errorf("%dx%d preset %d, %s: English on the Japanese screen: %q", size[0], size[1], preset, page, e)
				}
			})
		}
	}
	t.Logf("%d English phrases on the screens of the %d steps not translated yet", later, len(notYetJapanese))
	if p := os.Getenv("IKSPLAN_UNTRANSLATED"); p != "" {
		list := sortedKeys(missing)
		_ = os.WriteFile(p, []byte(strings.Join(list, "\n\x1e\n")), 0o644)
	}
}

// TestWelcomeSwitchesLanguage: the welcome screen's last option switches an
// English wizard to Japanese (and back), and the design started after it
// records the language chosen.
func TestWelcomeSwitchesLanguage(t *testing.T) {
	h := startApp(t, testOptions(t, nil), 120, 40)
	h.ExpectView("How do you want to start?", "日本語で表示 (Japanese)")
	h.Down(5).Enter()
	h.ExpectView("どのように始めますか?", "English (英語で表示)")
	h.Down(5).Enter()
	h.ExpectView("How do you want to start?")
	h.Down(5).Enter() // Japanese again
	h.Down(1).Enter() // tokyo-classic-production
	h.ExpectPage("basics/cluster").ExpectView("ステップ 1/12 基本", "クラスター名")
	if got := h.app.Design().Spec.DocumentLanguage; got != model.LangJapanese {
		t.Errorf("spec.documentLanguage = %q after the switch, want ja", got)
	}
}

// TestEnglishRecordsNoLanguage: an English run from the locale leaves the
// design as it was (no documentLanguage), so English designs stay
// byte-identical; --lang en (LangExplicit) records it.
func TestEnglishRecordsNoLanguage(t *testing.T) {
	for _, explicit := range []bool{false, true} {
		opts := testOptions(t, nil)
		opts.Lang, opts.LangExplicit = i18n.EN, explicit
		h := startApp(t, opts, 120, 40)
		h.Down(1).Enter()
		want := model.DocumentLanguage("")
		if explicit {
			want = model.LangEnglish
		}
		if got := h.app.Design().Spec.DocumentLanguage; got != want {
			t.Errorf("explicit=%v: spec.documentLanguage = %q, want %q", explicit, got, want)
		}
	}
}
