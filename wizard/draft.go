package wizard

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/model"
)

// Drafts keep every answer: the wizard saves the design after every step,
// on ctrl+s, on quit and on SIGTERM/SIGHUP, as <name>.yaml (the public
// design format, written with model.Marshal) next to <name>.state.json, a
// small sidecar that remembers where the user was. The design file format
// stays exactly the public contract; nothing wizard-specific goes into it.

// Drafts is a directory of drafts.
type Drafts struct {
	Dir string
}

// DefaultDraftDir is $XDG_STATE_HOME/iksplan/drafts, or
// ~/.local/state/iksplan/drafts when XDG_STATE_HOME is not set.
func DefaultDraftDir() string {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "iksplan", "drafts")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return filepath.Join(os.TempDir(), "iksplan", "drafts")
	}
	return filepath.Join(home, ".local", "state", "iksplan", "drafts")
}

// draftState is the sidecar: where the user was and which steps are done.
type draftState struct {
	Step StepID   `json:"step"`
	Page string   `json:"page,omitempty"`
	Done []StepID `json:"done,omitempty"`
	// Source is the design file being edited, if any.
	Source string `json:"source,omitempty"`
}

// DraftInfo describes a saved draft for the resume list.
type DraftInfo struct {
	Name  string
	Path  string
	Saved time.Time
	Step  StepID
}

// DraftName is the file name a design's draft is saved under: its cluster
// name when valid, else "untitled".
func DraftName(d *model.Design) string {
	if d != nil && model.ValidateClusterName(d.Metadata.Name) == nil {
		return d.Metadata.Name
	}
	return "untitled"
}

func (s Drafts) paths(name string) (design, state string) {
	return filepath.Join(s.Dir, name+".yaml"), filepath.Join(s.Dir, name+".state.json")
}

// Save writes the draft atomically (the design first, then the sidecar).
func (s Drafts) Save(name string, d *model.Design, st draftState) (string, error) {
	if strings.ContainsAny(name, `/\`) || name == "" || name[0] == '.' {
		return "", fmt.Errorf("save draft: bad draft name %q", name)
	}
	data, err := model.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	dp, sp := s.paths(name)
	if err := fsutil.WriteFile(dp, data, 0o600, true); err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	side, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	if err := fsutil.WriteFile(sp, append(side, '\n'), 0o600, true); err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	return dp, nil
}

// Load reads a draft back.
func (s Drafts) Load(name string) (*model.Design, draftState, error) {
	var st draftState
	dp, sp := s.paths(name)
	data, err := os.ReadFile(dp)
	if err != nil {
		return nil, st, fmt.Errorf("read draft: %w", err)
	}
	d, _, err := model.Load(data, dp)
	if err != nil {
		return nil, st, fmt.Errorf("read draft: %w", err)
	}
	if side, err := os.ReadFile(sp); err == nil {
		_ = json.Unmarshal(side, &st) // a broken sidecar only loses the position
	}
	return d, st, nil
}

// Remove deletes a draft (after the design was renamed or written out).
func (s Drafts) Remove(name string) {
	dp, sp := s.paths(name)
	_ = os.Remove(dp)
	_ = os.Remove(sp)
}

// List returns the saved drafts, newest first.
func (s Drafts) List() ([]DraftInfo, error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	var out []DraftInfo
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".yaml") || strings.HasPrefix(n, ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		di := DraftInfo{Name: strings.TrimSuffix(n, ".yaml"), Path: filepath.Join(s.Dir, n), Saved: info.ModTime()}
		_, sp := s.paths(di.Name)
		if side, err := os.ReadFile(sp); err == nil {
			var st draftState
			if json.Unmarshal(side, &st) == nil {
				di.Step = st.Step
			}
		}
		out = append(out, di)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Saved.After(out[j].Saved) })
	return out, nil
}

// Age says how long ago t was, the way the resume list shows it.
func Age(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	}
	return fmt.Sprintf("%d days ago", int(d.Hours()/24))
}
