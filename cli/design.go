package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// readInput reads a design file, or stdin for "-", through a limit of
// model.MaxFileSize: /dev/zero or a 300 MB log answers at once, without
// reading it all. Anything but a regular file (a device, a FIFO, a folder)
// is refused unless it is "-". A file that cannot be read is a usage
// error (exit 2).
func (a *app) readInput(path string) ([]byte, string, error) {
	var r io.Reader
	name := path
	if path == "-" {
		r, name = a.stdin, "<stdin>"
	} else {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, "", usageErr("read design: %w", err)
		}
		if !fi.Mode().IsRegular() {
			return nil, "", usageErr("read design: %s is %s, not a regular file; pass a design file, or - to read stdin", model.QuoteValue(path), fsutil.Kind(fi.Mode()))
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, "", usageErr("read design: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, model.MaxFileSize+1))
	if err != nil {
		return nil, "", usageErr("read %s: %w", model.Escape(name), err)
	}
	if len(b) > model.MaxFileSize {
		return nil, "", usageErr("%s: more than %d bytes; a design file is at most %d (1 MiB)", model.Escape(name), model.MaxFileSize, model.MaxFileSize)
	}
	return b, name, nil
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
		return &loaded{name: name, design: d, source: src, report: rules.Report{Findings: schemaFindings(se, a.localizer())}}, nil
	case err != nil:
		return nil, usageErr("%w", err)
	}
	return &loaded{name: name, design: d, source: src, report: rules.Evaluate(d, cat, src)}, nil
}

// schemaFindings reports strict-load problems as DES001 error findings, so
// they print like every other finding (rule, path, line, why).
func schemaFindings(se *model.SchemaError, loc *i18n.Localizer) []rules.Finding {
	out := make([]rules.Finding, 0, len(se.Problems))
	for _, p := range se.Problems {
		out = append(out, rules.SchemaFinding(p, loc.T("cli.schema.why", nil)))
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
