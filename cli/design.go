package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// readInput reads a design file, or stdin for "-". A file that cannot be
// read is a usage error (exit 2).
func (a *app) readInput(path string) ([]byte, string, error) {
	if path == "-" {
		b, err := io.ReadAll(a.stdin)
		if err != nil {
			return nil, "", usageErr("read stdin: %w", err)
		}
		return b, "<stdin>", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", usageErr("read design: %w", err)
	}
	return b, path, nil
}

// loaded is a design file read and judged.
type loaded struct {
	name   string
	design *model.Design
	source *model.Source
	report rules.Report
}

// loadAndJudge reads a design file strictly and runs every rule. A file that
// is not YAML is a usage error (exit 2); a file that does not fit the design
// schema yields DES001 error findings instead of a rule run, since rules on
// a half-read design would mislead.
func (a *app) loadAndJudge(path string) (*loaded, error) {
	data, name, err := a.readInput(path)
	if err != nil {
		return nil, err
	}
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	d, src, err := model.Load(data, name)
	var se *model.SchemaError
	switch {
	case errors.As(err, &se):
		return &loaded{name: name, design: d, source: src, report: rules.Report{Findings: schemaFindings(se)}}, nil
	case err != nil:
		return nil, usageErr("%w", err)
	}
	return &loaded{name: name, design: d, source: src, report: rules.Evaluate(d, cat, src)}, nil
}

// schemaFindings reports strict-load problems as DES001 error findings, so
// they print like every other finding (rule, path, line, why).
func schemaFindings(se *model.SchemaError) []rules.Finding {
	out := make([]rules.Finding, 0, len(se.Problems))
	for _, p := range se.Problems {
		out = append(out, rules.Finding{
			RuleID:   "DES001",
			Severity: rules.Error,
			Area:     rules.AreaBasics,
			Path:     p.Path,
			Line:     p.Line,
			Message:  p.Message,
			Why:      "iksplan reads design files strictly, so a misspelt key or a wrong type is caught instead of silently ignored; `iksplan schema` prints the JSON Schema for editors.",
		})
	}
	return out
}

func plural(n int, word string) string {
	if word == "info" { // "info" has no plural
		return fmt.Sprintf("%d info", n)
	}
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
