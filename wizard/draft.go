package wizard

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
)

// Drafts keep every answer. A draft is one file, <id>.yaml, in the draft
// folder: two comment lines (the envelope) and then the design in the
// public design format, so a draft is still a design file that `iksplan
// validate` reads:
//
//	# iksplan-draft v1 length=1234 sha256=<hex of everything after this line>
//	# state: {"step":"zones","page":"vpc-existing","field":"spec.network.vpc.vpcID",…}
//	apiVersion: iksplan/v1alpha1
//	…
//
// The length and checksum make a truncated or damaged draft visible: it is
// never resumed silently with half its values gone. Before each save the
// current copy becomes the last good copy (.<id>.prev.yaml), which the
// wizard offers when the current one is damaged.
//
// A draft's identity is not the cluster name: a design opened from a file
// has the id of that file (edit-<base>-<hash of the absolute path>), a new
// design a fresh id. So two designs never share a draft, and starting the
// same file again finds its own draft, which the wizard offers to resume
// before anything replaces it.

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

// draftState is the envelope's state: where the user was, which steps are
// done, and the steps' own answers that are not part of the design.
type draftState struct {
	Step StepID `json:"step"`
	Page string `json:"page,omitempty"`
	// Field is the key of the field that had focus.
	Field string   `json:"field,omitempty"`
	Done  []StepID `json:"done,omitempty"`
	// Source is the design file being edited, if any.
	Source string `json:"source,omitempty"`
	// Cluster is the design's cluster name when saved, for the resume list.
	Cluster string `json:"cluster,omitempty"`
	// UI is the typed state of the steps (ui.go).
	UI *uiState `json:"ui,omitempty"`
}

// DraftInfo describes a saved draft for the resume list.
type DraftInfo struct {
	// ID is the draft's identity (its file name without .yaml).
	ID string
	// Cluster is the cluster name of the design in it.
	Cluster string
	// Source is the file the draft edits, if any.
	Source string
	Path   string
	Saved  time.Time
	Step   StepID
	// Region and Infra are the design's, for telling apart drafts of the
	// same cluster name.
	Region string
	Infra  model.Infrastructure
	// Damaged is why the current copy cannot be used ("" when it can);
	// HasPrev says whether a last good copy exists.
	Damaged string
	HasPrev bool
}

// Label is how the resume list names the draft.
func (di DraftInfo) Label() string { return di.labelIn(i18n.EN) }

// labelIn is Label in language l.
func (di DraftInfo) labelIn(l i18n.Lang) string {
	name := di.Cluster
	if name == "" {
		name = trIn(l, "untitled")
	}
	if di.Source != "" {
		name = trfIn(l, "%s (editing %s)", name, di.Source)
	}
	return name
}

// apart is what tells the draft from another with the same label: the
// design's region and infrastructure (the preset it came from, as a rule);
// the option also gives the clock time of the last save (savedAt), which
// two "just now" saves do not share.
func (di DraftInfo) apart() string {
	return strings.TrimSpace(di.Region + " " + string(di.Infra))
}

// savedAt is the time of the last save to the second, with the date when
// it is not today's.
func (di DraftInfo) savedAt(now time.Time) string {
	t := di.Saved.Local()
	if t.Format("2006-01-02") == now.Local().Format("2006-01-02") {
		return t.Format("15:04:05")
	}
	return t.Format("2006-01-02 15:04:05")
}

// draftHeader starts every draft file.
const draftHeader = "# iksplan-draft v1"

var idRe = lazyre.New(`^[a-z0-9][a-z0-9-]{0,80}$`)

// ErrDraftDamaged is wrapped by Load when the current copy of a draft is
// truncated or damaged.
var ErrDraftDamaged = errors.New("the draft is damaged")

// NewDraftID returns a fresh draft id for a new design. The random part
// only keeps two designs started in the same second apart; it is no
// secret, so math/rand/v2 does, and the binary links no crypto/rand (and
// the certificate crypto that comes with it) for it (issue 15).
func NewDraftID(now time.Time) string {
	return fmt.Sprintf("new-%s-%06x", now.UTC().Format("20060102-150405"), rand.Uint32()&0xffffff)
}

// FileDraftID is the draft id of a design opened from path: the same file
// always has the same draft, and two files never share one.
func FileDraftID(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	sum := sha256.Sum256([]byte(abs))
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs)))
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 30 {
			break
		}
	}
	slug := strings.Trim(b.String(), "-")
	if slug == "" {
		slug = "design"
	}
	return "edit-" + slug + "-" + hex.EncodeToString(sum[:4])
}

func (s Drafts) paths(id string) (cur, prev string) {
	return filepath.Join(s.Dir, id+".yaml"), filepath.Join(s.Dir, "."+id+".prev.yaml")
}

// encodeDraft builds the draft file of design d at st.
func encodeDraft(d *model.Design, st draftState) ([]byte, error) {
	data, err := model.Marshal(d)
	if err != nil {
		return nil, err
	}
	st.Cluster = d.Metadata.Name
	side, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	var body bytes.Buffer
	body.WriteString("# state: ")
	body.Write(side)
	body.WriteByte('\n')
	body.Write(data)
	sum := sha256.Sum256(body.Bytes())
	out := fmt.Appendf(nil, "%s length=%d sha256=%s\n", draftHeader, body.Len(), hex.EncodeToString(sum[:]))
	return append(out, body.Bytes()...), nil
}

// decodeDraft checks a draft file and splits it into design and state.
// A file without the envelope is a draft of an older iksplan (a bare
// design); it is read as it is.
func decodeDraft(data []byte, name string) (*model.Design, draftState, error) {
	var st draftState
	if !bytes.HasPrefix(data, []byte(draftHeader)) {
		d, _, err := model.Load(data, name)
		return d, st, err
	}
	head, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return nil, st, fmt.Errorf("%w: only %d bytes, the header is cut off", ErrDraftDamaged, len(data))
	}
	var length int
	var sum string
	for _, f := range strings.Fields(string(head)) {
		if v, ok := strings.CutPrefix(f, "length="); ok {
			length, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(f, "sha256="); ok {
			sum = v
		}
	}
	if len(body) != length {
		return nil, st, fmt.Errorf("%w: truncated, %d of %d bytes", ErrDraftDamaged, len(body), length)
	}
	if got := sha256.Sum256(body); hex.EncodeToString(got[:]) != sum {
		return nil, st, fmt.Errorf("%w: its checksum does not match", ErrDraftDamaged)
	}
	line, rest, _ := bytes.Cut(body, []byte("\n"))
	if side, ok := bytes.CutPrefix(line, []byte("# state: ")); ok {
		if err := json.Unmarshal(side, &st); err != nil {
			return nil, st, fmt.Errorf("%w: %v", ErrDraftDamaged, err)
		}
	}
	d, _, err := model.Load(rest, name)
	if err != nil {
		return nil, st, err
	}
	return d, st, nil
}

// Save writes the draft atomically; the copy it replaces is kept as the
// last good copy.
func (s Drafts) Save(id string, d *model.Design, st draftState) (string, error) {
	data, err := encodeDraft(d, st)
	if err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	return s.saveBytes(id, data)
}

func (s Drafts) saveBytes(id string, data []byte) (string, error) {
	if !idRe.MatchString(id) {
		return "", fmt.Errorf("save draft: bad draft id %q", id)
	}
	cur, prev := s.paths(id)
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	// The current copy is known good (this wizard wrote it whole, or it
	// was checked on resume): it becomes the last good copy. A kill right
	// here leaves only that copy, which Load then offers.
	if _, err := os.Lstat(cur); err == nil {
		if old, err := os.ReadFile(cur); err == nil {
			if _, _, derr := decodeDraft(old, cur); derr == nil {
				_ = os.Rename(cur, prev)
			}
		}
	}
	if err := fsutil.WriteFile(cur, data, 0o600, true); err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	return cur, nil
}

// Load reads a draft back. A damaged current copy is an error wrapping
// ErrDraftDamaged; LoadPrev then reads the last good copy.
func (s Drafts) Load(id string) (*model.Design, draftState, error) {
	cur, prev := s.paths(id)
	data, err := os.ReadFile(cur)
	if errors.Is(err, fs.ErrNotExist) {
		if _, perr := os.Stat(prev); perr == nil {
			return nil, draftState{}, fmt.Errorf("read draft %s: %w: the last save did not finish", id, ErrDraftDamaged)
		}
	}
	if err != nil {
		return nil, draftState{}, fmt.Errorf("read draft: %w", err)
	}
	d, st, err := decodeDraft(data, cur)
	if err != nil {
		return nil, st, fmt.Errorf("read draft %s: %w", id, err)
	}
	return d, st, nil
}

// LoadPrev reads the last good copy of a draft.
func (s Drafts) LoadPrev(id string) (*model.Design, draftState, error) {
	_, prev := s.paths(id)
	data, err := os.ReadFile(prev)
	if err != nil {
		return nil, draftState{}, fmt.Errorf("read the last good copy: %w", err)
	}
	d, st, err := decodeDraft(data, prev)
	if err != nil {
		return nil, st, fmt.Errorf("read the last good copy of %s: %w", id, err)
	}
	return d, st, nil
}

// Remove deletes a draft (after the design was written out or replaced).
func (s Drafts) Remove(id string) {
	cur, prev := s.paths(id)
	_ = os.Remove(cur)
	_ = os.Remove(prev)
}

// Info describes the draft id, or ok=false when there is none.
func (s Drafts) Info(id string) (DraftInfo, bool) {
	if !idRe.MatchString(id) {
		return DraftInfo{}, false
	}
	cur, prev := s.paths(id)
	di := DraftInfo{ID: id, Path: cur}
	pi, perr := os.Stat(prev)
	di.HasPrev = perr == nil
	info, err := os.Stat(cur)
	if err != nil {
		if !di.HasPrev {
			return DraftInfo{}, false
		}
		di.Saved = pi.ModTime()
		di.Damaged = "the last save did not finish"
		if _, st, err := s.LoadPrev(id); err == nil {
			di.Cluster, di.Source, di.Step = st.Cluster, st.Source, st.Step
		}
		return di, true
	}
	di.Saved = info.ModTime()
	data, err := os.ReadFile(cur)
	if err != nil {
		di.Damaged = err.Error()
		return di, true
	}
	d, st, err := decodeDraft(data, cur)
	switch {
	case err != nil:
		di.Damaged = strings.TrimPrefix(err.Error(), ErrDraftDamaged.Error()+": ")
		if _, pst, perr := s.LoadPrev(id); perr == nil {
			di.Cluster, di.Source, di.Step = pst.Cluster, pst.Source, pst.Step
		}
	default:
		di.Cluster, di.Source, di.Step = d.Metadata.Name, st.Source, st.Step
		di.Region, di.Infra = d.Spec.Region, d.Spec.Infrastructure
	}
	return di, true
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
	seen := map[string]bool{}
	var out []DraftInfo
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() {
			continue
		}
		id, ok := strings.CutSuffix(n, ".yaml")
		if !ok || strings.Contains(id, ".tmp-") {
			continue
		}
		if p, isPrev := strings.CutSuffix(id, ".prev"); isPrev && strings.HasPrefix(p, ".") {
			id = p[1:]
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		if di, ok := s.Info(id); ok {
			out = append(out, di)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Saved.After(out[j].Saved) })
	return out, nil
}

// saver writes drafts off the update loop: the wizard encodes a snapshot
// of the design on the loop (so it is consistent) and hands the bytes to a
// tea.Cmd. Saves are numbered; one that arrives after a newer one was
// written is dropped, so a slow write never replaces a newer answer.
type saver struct {
	mu      sync.Mutex
	drafts  Drafts
	written int
}

// write stores snapshot seq of draft id unless a newer one is on disk.
func (sv *saver) write(seq int, id string, data []byte) (string, bool, error) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if seq <= sv.written {
		return "", false, nil
	}
	path, err := sv.drafts.saveBytes(id, data)
	if err != nil {
		return "", false, err
	}
	sv.written = seq
	return path, true, nil
}

// Age says how long ago t was, the way the resume list shows it.
func Age(t, now time.Time) string { return ageIn(i18n.EN, t, now) }
