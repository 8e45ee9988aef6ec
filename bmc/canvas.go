package bmc

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Backstage says whether a canvas shows its backstage blocks.
type Backstage string

// The two backstage settings; BackstageShown is the default.
const (
	BackstageShown  Backstage = "shown"
	BackstageHidden Backstage = "hidden"
)

// View holds how a canvas is shown; it is saved with the file.
type View struct {
	Backstage Backstage
}

// Meta is the descriptive header of a canvas, printed on posters.
type Meta struct {
	Title       string
	DesignedFor string
	DesignedBy  string
	// Date is free text, by convention YYYY-MM-DD.
	Date    string
	Version string
	// Currency is the symbol or code amounts are in, such as "€" or "USD".
	Currency string
}

// Canvas is one business model document: a template, a header and, per
// block, an ordered list of notes. Change it through its methods, which
// keep it valid: note IDs unique, references resolved, blocks known.
type Canvas struct {
	Meta
	// TemplateID names one of the built-in templates.
	TemplateID string
	View       View
	// Blocks maps a block ID to its notes, in order. Blocks without notes
	// may be missing.
	Blocks map[string][]Note
	// Vote is the dot vote in progress, nil when none is open.
	Vote *Vote
}

// New returns an empty canvas of the given template.
func New(templateID string) (*Canvas, error) {
	if _, ok := TemplateByID(templateID); !ok {
		return nil, fmt.Errorf("unknown template %q%s", templateID, suggestion(templateID, TemplateIDs()))
	}
	return &Canvas{
		TemplateID: templateID,
		View:       View{Backstage: BackstageShown},
		Blocks:     map[string][]Note{},
	}, nil
}

// Template returns a copy of the canvas's template; it panics only if
// TemplateID was set by hand to an unknown ID, which New and Load never do.
func (c *Canvas) Template() *Template { return c.template().clone() }

// template returns the canvas's built-in template itself, for reading only.
func (c *Canvas) template() *Template {
	t, ok := templates[c.TemplateID]
	if !ok {
		panic(fmt.Sprintf("bmc: canvas has unknown template %q", c.TemplateID))
	}
	return t
}

// BackstageShown reports whether the backstage blocks are visible; it is
// true for templates without a backstage.
func (c *Canvas) BackstageShown() bool {
	return c.View.Backstage != BackstageHidden || !c.template().HasBackstage()
}

// Layout returns the visible blocks and their rectangles for the canvas's
// view setting.
func (c *Canvas) Layout() []Placement { return c.Template().Layout(c.BackstageShown()) }

// Clone returns a deep copy of c, for undo snapshots.
func (c *Canvas) Clone() *Canvas {
	d := *c
	d.Vote = c.Vote.clone()
	d.Blocks = make(map[string][]Note, len(c.Blocks))
	for id, notes := range c.Blocks {
		cp := make([]Note, len(notes))
		for i, n := range notes {
			cp[i] = n.Clone()
		}
		d.Blocks[id] = cp
	}
	return &d
}

// NoteCount returns the number of notes on the canvas.
func (c *Canvas) NoteCount() int {
	n := 0
	for _, notes := range c.Blocks {
		n += len(notes)
	}
	return n
}

// Find returns the block and index of the note with the given ID.
func (c *Canvas) Find(id string) (block string, index int, ok bool) {
	for b, notes := range c.Blocks {
		for i := range notes {
			if notes[i].ID == id {
				return b, i, true
			}
		}
	}
	return "", -1, false
}

// Note returns a copy of the note with the given ID.
func (c *Canvas) Note(id string) (Note, bool) {
	b, i, ok := c.Find(id)
	if !ok {
		return Note{}, false
	}
	return c.Blocks[b][i].Clone(), true
}

// NewID returns an ID that no note on the canvas has: "n" and a number one
// above the highest such number in use.
func (c *Canvas) NewID() string { return c.idSource()() }

// idSource returns a function that hands out fresh IDs, one after another,
// for adding many notes without scanning the canvas each time.
func (c *Canvas) idSource() func() string {
	last := 0
	for _, notes := range c.Blocks {
		for _, n := range notes {
			if num, ok := strings.CutPrefix(n.ID, "n"); ok {
				if v, err := strconv.Atoi(num); err == nil && v > last {
					last = v
				}
			}
		}
	}
	return func() string {
		last++
		return "n" + strconv.Itoa(last)
	}
}

// SegmentBlock is the ID of the block whose notes are customer segments, in
// every built-in template.
const SegmentBlock = "customer_segments"

// Segments returns the notes of the Customer Segments block.
func (c *Canvas) Segments() []Note { return c.Blocks[SegmentBlock] }

func (c *Canvas) checkBlock(id string) error {
	if _, ok := c.template().Block(id); !ok {
		return fmt.Errorf("unknown block %q%s", id, suggestion(id, c.template().BlockIDs()))
	}
	return nil
}

// checkNote checks a normalized note against the rules of the format, as
// it would stand on c in block.
func (c *Canvas) checkNote(n *Note, block string) error {
	if err := firstProblem(n.problems); err != nil {
		return err
	}
	x := c.linkIndex()
	x.blockOf[n.ID] = block
	if block == SegmentBlock {
		x.personas[n.ID] = n.Personas
	}
	return firstProblem(func(report func(key, msg string)) { c.linkProblems(n, block, x, report) })
}

// AddNote inserts n into block at index (-1 or len appends) and returns the
// note as stored. An empty ID is replaced by a new one; an empty colour
// becomes yellow and an empty status "idea".
func (c *Canvas) AddNote(block string, index int, n Note) (Note, error) {
	if err := c.checkBlock(block); err != nil {
		return Note{}, fmt.Errorf("add note: %w", err)
	}
	notes := c.Blocks[block]
	if index == -1 {
		index = len(notes)
	}
	if index < 0 || index > len(notes) {
		return Note{}, fmt.Errorf("add note: index %d out of range 0…%d in %s", index, len(notes), block)
	}
	n = n.Clone()
	if n.ID == "" {
		n.ID = c.NewID()
	} else if _, _, dup := c.Find(n.ID); dup {
		return Note{}, fmt.Errorf("add note: id %q is already used", n.ID)
	}
	n.normalize()
	if err := c.checkNote(&n, block); err != nil {
		return Note{}, fmt.Errorf("add note: %w", err)
	}
	c.Blocks[block] = insert(notes, index, n)
	return n.Clone(), nil
}

// UpdateNote replaces the note with n.ID by n, keeping its place. It is the
// one way to change a note's text, colour, personas, links, status,
// evidence, tags or amount; SetText, SetColor, Link and Unlink are
// shorthands. A segment that loses a persona loses the links to it.
func (c *Canvas) UpdateNote(n Note) error {
	b, i, ok := c.Find(n.ID)
	if !ok {
		return fmt.Errorf("update note: no note %q", n.ID)
	}
	n = n.Clone()
	n.normalize()
	if err := c.checkNote(&n, b); err != nil {
		return fmt.Errorf("update note %s: %w", n.ID, err)
	}
	dropped := b == SegmentBlock && len(c.Blocks[b][i].Personas) > 0 && !slices.Equal(c.Blocks[b][i].Personas, n.Personas)
	c.Blocks[b][i] = n
	if dropped {
		c.pruneLinks()
	}
	return nil
}

// SetText changes a note's text.
func (c *Canvas) SetText(id, text string) error {
	return c.change(id, func(n *Note) { n.Text = text })
}

// SetColor changes a note's colour.
func (c *Canvas) SetColor(id string, col Color) error {
	if !col.Valid() {
		return fmt.Errorf("recolour note %s: unknown colour %q", id, col)
	}
	return c.change(id, func(n *Note) { n.Color = col })
}

func (c *Canvas) change(id string, f func(*Note)) error {
	n, ok := c.Note(id)
	if !ok {
		return fmt.Errorf("change note: no note %q", id)
	}
	f(&n)
	return c.UpdateNote(n)
}

// DeleteNote removes a note and every link to it, in one change.
func (c *Canvas) DeleteNote(id string) error {
	b, i, ok := c.Find(id)
	if !ok {
		return fmt.Errorf("delete note: no note %q", id)
	}
	c.Blocks[b] = remove(c.Blocks[b], i)
	c.pruneLinks()
	c.unvote(id)
	return nil
}

// pruneLinks removes every link and segment entry that no longer fits the
// rules after a note was deleted or moved, or a persona dropped: links to
// notes that are gone, or whose block no longer gives the link a meaning.
func (c *Canvas) pruneLinks() {
	x := c.linkIndex()
	for b, notes := range c.Blocks {
		for i := range notes {
			n := &notes[i]
			if len(n.Segments) > 0 {
				seen := map[string]bool{}
				var keep []string
				for _, ref := range n.Segments {
					if segmentRefProblem(n, ref, x, seen) == "" {
						keep = append(keep, ref)
						seen[ref] = true
					}
				}
				n.Segments = keep
			}
			if len(n.Links) > 0 {
				seen := map[string]bool{}
				var keep []string
				for _, id := range n.Links {
					if c.linkProblem(n, b, id, x, seen) == "" {
						keep = append(keep, id)
						seen[id] = true
					}
				}
				n.Links = keep
			}
			if b != SegmentBlock {
				n.Personas = nil
			}
		}
	}
}

// MoveNote moves a note to block at index, counted in the block as it is
// after the note was taken out (-1 appends). Moving within one block
// reorders it. Links that the new block gives no meaning are removed: a
// segment moved out of Customer Segments loses the links to it, and an
// activity moved to Channels its links to propositions.
func (c *Canvas) MoveNote(id, block string, index int) error {
	from, i, ok := c.Find(id)
	if !ok {
		return fmt.Errorf("move note: no note %q", id)
	}
	if err := c.checkBlock(block); err != nil {
		return fmt.Errorf("move note %s: %w", id, err)
	}
	n := c.Blocks[from][i]
	rest := c.Blocks[block]
	if from == block {
		rest = remove(append([]Note(nil), rest...), i)
	}
	if index == -1 {
		index = len(rest)
	}
	if index < 0 || index > len(rest) {
		return fmt.Errorf("move note %s: index %d out of range 0…%d in %s", id, index, len(rest), block)
	}
	if from != block {
		c.Blocks[from] = remove(c.Blocks[from], i)
	}
	c.Blocks[block] = insert(rest, index, n)
	if from != block {
		c.pruneLinks()
	}
	return nil
}

// ReorderNote moves a note to index within its own block.
func (c *Canvas) ReorderNote(id string, index int) error {
	b, _, ok := c.Find(id)
	if !ok {
		return fmt.Errorf("reorder note: no note %q", id)
	}
	return c.MoveNote(id, b, index)
}

// SetMeta replaces the canvas header. Fields must be single lines of at
// most MaxFieldLength characters.
func (c *Canvas) SetMeta(m Meta) error {
	for _, f := range m.fields() {
		if msg := checkField(f.key, *f.value); msg != "" {
			return fmt.Errorf("set details: %s", msg)
		}
	}
	c.Meta = m
	return nil
}

// SetBackstageShown shows or hides the backstage blocks. Templates without
// a backstage refuse to hide it.
func (c *Canvas) SetBackstageShown(shown bool) error {
	if !c.Template().HasBackstage() {
		return fmt.Errorf("the %s has no backstage", c.Template().Name)
	}
	c.View.Backstage = BackstageHidden
	if shown {
		c.View.Backstage = BackstageShown
	}
	return nil
}

func insert(notes []Note, i int, n Note) []Note {
	notes = append(notes, Note{})
	copy(notes[i+1:], notes[i:])
	notes[i] = n
	return notes
}

func remove(notes []Note, i int) []Note {
	return append(notes[:i:i], notes[i+1:]...)
}

func without(list []string, s string) []string {
	var out []string
	for _, v := range list {
		if v != s {
			out = append(out, v)
		}
	}
	return out
}
