package doc

import (
	"testing"

	"github.com/iksplan/iksplan/model"
)

// checkLabels compares the English label (and, with help, help) messages
// of one enum with model's own choices, so the English document, which
// prints model's labels, and the Japanese one, which prints the messages,
// describe the same choices; a choice added to model without messages
// fails here.
func checkLabels[T choiceEnum[T]](t *testing.T, en *translator, zero T, help bool) {
	t.Helper()
	for _, c := range zero.Choices() {
		if got := en.t(enumKey("label", c.Value)); got != c.Label {
			t.Errorf("%s: English label message %q, model says %q", enumKey("label", c.Value), got, c.Label)
		}
		if help {
			if got := en.t(enumKey("labelHelp", c.Value)); got != c.Help {
				t.Errorf("%s: English help message %q, model says %q", enumKey("labelHelp", c.Value), got, c.Help)
			}
		}
	}
	if en.err != nil {
		t.Error(en.err)
		en.err = nil
	}
}

func TestEnglishLabelMessagesAreModelLabels(t *testing.T) {
	en, err := newTranslator(langEN)
	if err != nil {
		t.Fatal(err)
	}
	checkLabels(t, en, model.GitProvider(""), false)
	checkLabels(t, en, model.PipelineTool(""), true)
	checkLabels(t, en, model.Environment(""), false)
	checkLabels(t, en, model.Infrastructure(""), false)
	checkLabels(t, en, model.CalicoPolicySet(""), false)
	checkLabels(t, en, model.CISFeature(""), true)
	checkLabels(t, en, model.GatewayAppliance(""), true)
	checkLabels(t, en, model.PlatformRole(""), true)
	checkLabels(t, en, model.ServiceRole(""), false)
	checkLabels(t, en, model.SyslogProtocol(""), false)
	checkLabels(t, en, model.LogBackend(""), true)
	checkLabels(t, en, model.LogSource(""), false)
	checkLabels(t, en, model.AlertChannelType(""), false)
	checkLabels(t, en, model.PodSecurityLevel(""), false)
	checkLabels(t, en, model.ServiceEndpoints(""), false)
	checkLabels(t, en, model.AccountRouting(""), false)
	checkLabels(t, en, model.IngressController(""), true)
	checkLabels(t, en, model.BackupMethod(""), false)
	checkLabels(t, en, model.TaintEffect(""), false)
	checkLabels(t, en, model.Isolation(""), false)
	checkLabels(t, en, model.OperatingSystem(""), false)
	checkLabels(t, en, model.PoolPurpose(""), false)
	checkLabels(t, en, model.KMSProvider(""), true)
	checkLabels(t, en, model.BucketResiliency(""), false)
	checkLabels(t, en, model.BucketClass(""), false)
	checkLabels(t, en, model.DatabaseType(""), false)
	checkLabels(t, en, model.AccessMode(""), false)
}
