package fieldtmpl

import "testing"

// TestTextSize counts every text once: in if, else, range, its else,
// with, and in defined templates, and nothing of the actions.
func TestTextSize(t *testing.T) {
	s, err := New(nil, MissingKeyDefault)
	if err != nil {
		t.Fatal(err)
	}
	const text = `a{{ if .On }}bb{{ else }}ccc{{ end }}` +
		`{{ range .Tags }}dddd{{ else }}eeeee{{ end }}` +
		`{{ with .Sub }}ffffff{{ else }}ggggggg{{ end }}` +
		`{{ define "x" }}hhhhhhhh{{ end }}{{ template "x" . }}{{ .Name }}i`
	if err := s.Parse("t", text); err != nil {
		t.Fatal(err)
	}
	if got, want := s.TextSize(), 1+2+3+4+5+6+7+8+1; got != want {
		t.Errorf("TextSize() = %d, want %d", got, want)
	}
}
