package rehearse

import (
	"testing"

	"github.com/iksplan/iksplan/internal/testsupport"
)

// TestMain lets the test binary play the IBM Cloud double (testsupport.Main).
func TestMain(m *testing.M) { testsupport.Main(m) }
