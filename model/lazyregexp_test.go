package model

import (
	"regexp"
	"testing"
)

func TestLazyRegexpsCompile(t *testing.T) {
	if len(allLazyRegexps) < 10 {
		t.Fatalf("only %d lazy patterns registered", len(allLazyRegexps))
	}
	for _, l := range allLazyRegexps {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("pattern %q: %v", l.src, err)
		}
	}
}
