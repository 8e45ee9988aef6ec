package bmc

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file merges two versions of a canvas that grew apart from a common
// base, note by note and field by field. The rules, which the README
// repeats for users:
//
//   - A change made on one side only is taken.
//   - The same note or header field changed differently on both sides is a
//     conflict. The merged canvas still loads and loses nothing:
//     a note's text or evidence keeps both versions between the markers
//     "<<<<<<< ours", "=======" and ">>>>>>> theirs"; for its colour,
//     status, amount and block ours is kept and theirs is written in a
//     "merge conflict:" line of the note's evidence; the note is tagged
//     "conflict". A header field keeps both values on its one line,
//     "<<<<<<< OURS ======= THEIRS >>>>>>>", or ours alone when both do not
//     fit in 500 characters. Every conflict is listed in Merged.Conflicts.
//   - A note deleted on one side and changed on the other is kept with the
//     change, tagged "conflict" and listed.
//   - Tags and segment links merge as sets: what either side added is in,
//     what either side removed is out. A link to a segment that the other
//     side deleted is dropped, and that is listed as a conflict.
//   - Notes added on both sides are all kept. When both sides gave their
//     new note the same ID (the editor numbers new notes, so this is
//     common), theirs gets the next free ID and theirs' links to it
//     follow; the same note added on both sides is kept once.
//   - The order in a block: when one side reordered the block's notes, its
//     order is taken; when both did, ours is kept. Notes new to the block
//     from the other side go before the note they preceded there, else at
//     the end.
//   - The view is merged like a header field; both sides changing the
//     template to different ones is an error, as is a note left in a block
//     the merged template lacks.
//   - A text or evidence that would pass 20,000 characters with both
//     versions keeps ours, and theirs' version of the note is added beside
//     it as a new note tagged "conflict".

// ConflictTag is the tag a merge gives every note it could not merge
// cleanly, so that the editor's find bar (tag:conflict) lists them.
const ConflictTag = "conflict"

// The markers around the two versions of a text both sides changed, as
// git writes them.
const (
	MarkerOurs   = "<<<<<<< ours"
	MarkerMiddle = "======="
	MarkerTheirs = ">>>>>>> theirs"
)

// Conflict is one part of a canvas that a merge could not settle: both
// sides changed it differently, or one deleted a note the other changed.
type Conflict struct {
	// Note is the note's ID in the merged canvas; empty for the header.
	Note string `json:"note,omitempty"`
	// Block is the note's block in the merged canvas.
	Block string `json:"block,omitempty"`
	// Field is what conflicts: a note's "text", "evidence", "color",
	// "status", "amount", "block", "segments", or "deleted" (deleted on one
	// side, changed on the other); or a header key such as "title".
	Field string `json:"field"`
	// Ours and Theirs are the two values, in the words of Change.Old/New.
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
	// Kept says what the merged canvas holds.
	Kept string `json:"kept"`
}

// String describes the conflict on one line.
func (c Conflict) String() string {
	where := "header"
	if c.Note != "" {
		where = "note " + c.Note
		if c.Block != "" {
			where += " in " + c.Block
		}
	}
	switch c.Field {
	case "deleted":
		return fmt.Sprintf("%s: %s; %s; %s", where, c.Ours, c.Theirs, c.Kept)
	case "segments":
		return fmt.Sprintf("%s: %s", where, c.Kept)
	}
	if c.Ours == "" && c.Theirs == "" {
		return fmt.Sprintf("%s: %s", where, c.Kept)
	}
	return fmt.Sprintf("%s: %s changed on both sides: ours %s, theirs %s; %s", where, c.Field, quoteValue(c.Ours), quoteValue(c.Theirs), c.Kept)
}

// quoteValue quotes a value for a one-line message, shortened.
func quoteValue(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(truncate(s, 80))
}

// Renumbering is a note that theirs added under an ID ours had also given
// to a new note: theirs' note got ID New.
type Renumbering struct {
	Old   string `json:"old"`
	New   string `json:"new"`
	Block string `json:"block"`
}

// Merged is the result of a three-way merge.
type Merged struct {
	// Canvas is the merged canvas; it always passes Validate.
	Canvas *Canvas
	// Conflicts lists what could not be merged cleanly, header first, then
	// the notes in block order.
	Conflicts []Conflict
	// Renumbered lists theirs' new notes that got a new ID.
	Renumbered []Renumbering
}

// Merge merges ours and theirs, two versions of base, by note ID and field
// (see the rules at the top of merge.go). None of the three is changed. It
// fails only when the versions cannot make one canvas: both sides changed
// the template differently, or notes stand in blocks the merged template
// lacks.
func Merge(base, ours, theirs *Canvas) (*Merged, error) {
	m := &merger{base: base, ours: ours, theirs: theirs.Clone(), ids: newIDAllocator(base, ours, theirs)}
	m.renumber()
	c, err := m.header()
	if err != nil {
		return nil, err
	}
	m.out = c
	m.notes()
	if err := m.place(); err != nil {
		return nil, err
	}
	m.links()
	m.finish()
	m.order()
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("merge: the merged canvas breaks a rule of the format (please report this): %w", err)
	}
	for i := range m.conflicts {
		if id := m.conflicts[i].Note; id != "" {
			m.conflicts[i].Block, _, _ = c.Find(id)
		}
	}
	sort.SliceStable(m.conflicts, func(i, j int) bool { return m.rank(m.conflicts[i]) < m.rank(m.conflicts[j]) })
	return &Merged{Canvas: c, Conflicts: m.conflicts, Renumbered: m.renumbered}, nil
}

// merger holds the state of one merge.
type merger struct {
	base, ours, theirs *Canvas
	baseAt, oursAt     map[string]placed
	theirsAt           map[string]placed
	ids                *idAllocator
	out                *Canvas
	// merged holds each note that stays, by ID; sequence lists their IDs
	// in a fixed order (ours', then theirs' new ones).
	merged     map[string]*mergedNote
	sequence   []string
	conflicts  []Conflict
	renumbered []Renumbering
	// headerRank orders header conflicts before notes.
	headerRank map[string]int
}

// mergedNote is a note of the merged canvas while it is being built.
type mergedNote struct {
	note  Note
	block string
	// ours and theirs are the two versions, when the note is on that side.
	ours, theirs *Note
	// textBoth and evidenceBoth say that the text or evidence holds both
	// versions between markers.
	textBoth, evidenceBoth bool
	// lines are the "merge conflict:" lines for the evidence.
	lines      []string
	conflicted bool
	// sibling is theirs' version, added beside the note when both
	// versions did not fit in one.
	sibling *Note
}

// idAllocator hands out note IDs that none of the versions uses.
type idAllocator struct {
	used map[string]bool
	last int
}

// numbered returns N for an ID "nN" as the editor numbers notes.
func numbered(id string) (int, bool) {
	digits, ok := strings.CutPrefix(id, "n")
	if !ok || digits == "" || len(digits) > 9 || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	v, err := strconv.Atoi(digits)
	return v, err == nil
}

func newIDAllocator(canvases ...*Canvas) *idAllocator {
	n := 0
	for _, c := range canvases {
		n += c.NoteCount()
	}
	a := &idAllocator{used: make(map[string]bool, n)}
	for _, c := range canvases {
		for _, notes := range c.Blocks {
			for _, n := range notes {
				a.use(n.ID)
			}
		}
	}
	return a
}

func (a *idAllocator) use(id string) {
	a.used[id] = true
	if v, ok := numbered(id); ok && v > a.last {
		a.last = v
	}
}

// fresh returns a new ID for a note that had id: the next "nN" for an ID
// of that form, else id with "-2", "-3"… added.
func (a *idAllocator) fresh(id string) string {
	if _, ok := numbered(id); !ok {
		for k := 2; k < 1000; k++ {
			cand := id + "-" + strconv.Itoa(k)
			if len(cand) > MaxIDLength {
				break
			}
			if !a.used[cand] {
				a.use(cand)
				return cand
			}
		}
	}
	for {
		a.last++
		cand := "n" + strconv.Itoa(a.last)
		if !a.used[cand] {
			a.use(cand)
			return cand
		}
	}
}

// renumber gives theirs' new notes a fresh ID where ours added a different
// note under the same ID, and makes theirs' links follow.
func (m *merger) renumber() {
	m.baseAt, m.oursAt = m.base.index(), m.ours.index()
	rename := map[string]string{}
	for _, b := range m.theirs.template().BlockIDs() {
		for _, n := range m.theirs.Blocks[b] {
			if _, inBase := m.baseAt[n.ID]; inBase {
				continue
			}
			o, inOurs := m.oursAt[n.ID]
			if !inOurs || o.block == b && len(compareNotes(o.note, &n)) == 0 {
				continue
			}
			rename[n.ID] = m.ids.fresh(n.ID)
			m.renumbered = append(m.renumbered, Renumbering{Old: n.ID, New: rename[n.ID], Block: b})
		}
	}
	if len(rename) > 0 {
		for _, notes := range m.theirs.Blocks {
			for i := range notes {
				n := &notes[i]
				if id, ok := rename[n.ID]; ok {
					n.ID = id
				}
				for k, s := range n.Segments {
					seg, persona := PersonaRef(s)
					if id, ok := rename[seg]; ok {
						n.Segments[k] = id
						if persona != "" {
							n.Segments[k] = id + "/" + persona
						}
					}
				}
				for k, l := range n.Links {
					if id, ok := rename[l]; ok {
						n.Links[k] = id
					}
				}
			}
		}
	}
	m.theirsAt = m.theirs.index()
}

// pick merges one value three ways: a change on one side is taken; both
// sides changing it differently keeps ours and reports a conflict.
func pick[T comparable](base, ours, theirs T) (T, bool) {
	switch {
	case ours == theirs, theirs == base:
		return ours, false
	case ours == base:
		return theirs, false
	}
	return ours, true
}

// header merges the template, header fields and view into a new, empty
// canvas.
func (m *merger) header() (*Canvas, error) {
	tid, clash := pick(m.base.TemplateID, m.ours.TemplateID, m.theirs.TemplateID)
	if clash {
		return nil, fmt.Errorf("cannot merge: ours changed the template to %s and theirs to %s; make them agree first", m.ours.TemplateID, m.theirs.TemplateID)
	}
	c, err := New(tid)
	if err != nil {
		return nil, err
	}
	m.headerRank = map[string]int{}
	bf, of, tf, cf := m.base.Meta.fields(), m.ours.Meta.fields(), m.theirs.Meta.fields(), c.Meta.fields()
	for i := range cf {
		m.headerRank[cf[i].key] = i
		v, clash := pick(*bf[i].value, *of[i].value, *tf[i].value)
		if clash {
			o, t := *of[i].value, *tf[i].value
			both := "<<<<<<< " + o + " ======= " + t + " >>>>>>>"
			kept := "kept both in the field, marked <<<<<<< ours ======= theirs >>>>>>>"
			if utf8.RuneCountInString(both) <= MaxFieldLength {
				v = both
			} else {
				kept = "kept ours: both do not fit in one field of 500 characters"
			}
			m.conflicts = append(m.conflicts, Conflict{Field: cf[i].key, Ours: o, Theirs: t, Kept: kept})
		}
		*cf[i].value = v
	}
	view, _ := pick(m.base.viewWritten(), m.ours.viewWritten(), m.theirs.viewWritten())
	if view == string(BackstageHidden) && c.template().HasBackstage() {
		c.View.Backstage = BackstageHidden
	}
	return c, nil
}

// notes decides which notes stay and merges their fields.
func (m *merger) notes() {
	m.merged = make(map[string]*mergedNote, max(m.ours.NoteCount(), m.theirs.NoteCount()))
	for _, side := range []*Canvas{m.ours, m.theirs} {
		for _, b := range side.template().BlockIDs() {
			for _, n := range side.Blocks[b] {
				if _, done := m.merged[n.ID]; !done {
					m.mergeNote(n.ID)
				}
			}
		}
	}
}

// mergeNote merges the note with the given ID, which ours or theirs has.
func (m *merger) mergeNote(id string) {
	b, inBase := m.baseAt[id]
	o, inOurs := m.oursAt[id]
	t, inTheirs := m.theirsAt[id]
	var mn *mergedNote
	switch {
	case inOurs && inTheirs && !inBase: // the same note added on both sides
		mn = &mergedNote{note: o.note.Clone(), block: o.block, ours: o.note, theirs: t.note}
	case inOurs && inTheirs:
		mn = m.mergeFields(b, o, t)
	case inOurs && !inBase:
		mn = &mergedNote{note: o.note.Clone(), block: o.block, ours: o.note}
	case inTheirs && !inBase:
		mn = &mergedNote{note: t.note.Clone(), block: t.block, theirs: t.note}
	case inOurs: // theirs deleted it
		if !changed(b, o) {
			break
		}
		mn = &mergedNote{note: o.note.Clone(), block: o.block, ours: o.note}
		m.conflict(mn, "deleted", "ours changed it", "theirs deleted it", "kept ours' changed note",
			"merge conflict: theirs deleted this note and ours changed it, so it was kept")
	default: // ours deleted it
		if !changed(b, t) {
			break
		}
		mn = &mergedNote{note: t.note.Clone(), block: t.block, theirs: t.note}
		m.conflict(mn, "deleted", "ours deleted it", "theirs changed it", "kept theirs' changed note",
			"merge conflict: ours deleted this note and theirs changed it, so it was kept")
	}
	m.merged[id] = mn
	if mn != nil {
		m.sequence = append(m.sequence, id)
	}
}

// changed reports whether a note changed from its base version: a field,
// or its block. A new place in the same block is no change.
func changed(base, now placed) bool {
	return base.block != now.block || len(compareNotes(base.note, now.note)) > 0
}

// mergeFields merges a note that all three versions have.
func (m *merger) mergeFields(b, o, t placed) *mergedNote {
	mn := &mergedNote{note: o.note.Clone(), ours: o.note, theirs: t.note}
	n := &mn.note
	bn, on, tn := b.note, o.note, t.note
	var clash bool
	if mn.block, clash = pick(b.block, o.block, t.block); clash {
		m.conflict(mn, "block", o.block, t.block, "kept ours' place; theirs' is in the evidence",
			fmt.Sprintf("merge conflict: theirs moved this note to %s; ours' move to %s was kept", m.blockTitle(t.block), m.blockTitle(o.block)))
	}
	if n.Text, clash = pick(bn.Text, on.Text, tn.Text); clash {
		n.Text = bothVersions(on.Text, tn.Text)
		mn.textBoth = true
		m.conflict(mn, "text", on.Text, tn.Text, "kept both between the markers "+MarkerOurs+" and "+MarkerTheirs, "")
	}
	if n.Evidence, clash = pick(bn.Evidence, on.Evidence, tn.Evidence); clash {
		n.Evidence = bothVersions(on.Evidence, tn.Evidence)
		mn.evidenceBoth = true
		m.conflict(mn, "evidence", on.Evidence, tn.Evidence, "kept both between the markers "+MarkerOurs+" and "+MarkerTheirs, "")
	}
	if n.Color, clash = pick(bn.Color, on.Color, tn.Color); clash {
		m.conflict(mn, "color", string(on.Color), string(tn.Color), "kept ours; theirs is in the evidence",
			fmt.Sprintf("merge conflict: theirs made this note %s; ours (%s) was kept", tn.Color, on.Color))
	}
	if n.Status, clash = pick(statusOf(bn), statusOf(on), statusOf(tn)); clash {
		m.conflict(mn, "status", string(statusOf(on)), string(statusOf(tn)), "kept ours; theirs is in the evidence",
			fmt.Sprintf("merge conflict: theirs set the status to %s; ours (%s) was kept", statusOf(tn), statusOf(on)))
	}
	oa, ta := on.AmountText(), tn.AmountText()
	amount, clash := pick(bn.AmountText(), oa, ta)
	if amount == ta && !clash {
		n.Amount, n.Period = tn.Clone().Amount, tn.Period
	}
	if clash {
		m.conflict(mn, "amount", oa, ta, "kept ours; theirs is in the evidence",
			fmt.Sprintf("merge conflict: theirs set the amount to %s; ours (%s) was kept", orNone(ta), orNone(oa)))
	}
	n.Tags = mergeList(bn.Tags, on.Tags, tn.Tags)
	n.Personas = mergeList(bn.Personas, on.Personas, tn.Personas)
	n.Segments = mergeList(bn.Segments, on.Segments, tn.Segments)
	n.Links = mergeList(bn.Links, on.Links, tn.Links)
	return mn
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// bothVersions writes two texts between conflict markers.
func bothVersions(ours, theirs string) string {
	return MarkerOurs + "\n" + ours + "\n" + MarkerMiddle + "\n" + theirs + "\n" + MarkerTheirs
}

// mergeList merges a list of tags or segment links: when one side left it
// alone the other's list is taken; when both changed it, what either side
// added is in and what either removed is out, in ours' order with theirs'
// additions after.
func mergeList(base, ours, theirs []string) []string {
	switch {
	case slices.Equal(ours, theirs), slices.Equal(theirs, base):
		return cloneStrings(ours)
	case slices.Equal(ours, base):
		return cloneStrings(theirs)
	}
	var out []string
	for _, s := range ours {
		if slices.Contains(theirs, s) || !slices.Contains(base, s) {
			out = append(out, s)
		}
	}
	for _, s := range theirs {
		if !slices.Contains(base, s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// conflict records a conflict on a note; line, when not empty, goes into
// the note's evidence.
func (m *merger) conflict(mn *mergedNote, field, ours, theirs, kept, line string) {
	mn.conflicted = true
	if line != "" {
		mn.lines = append(mn.lines, line)
	}
	id := mn.note.ID
	m.conflicts = append(m.conflicts, Conflict{Note: id, Field: field, Ours: ours, Theirs: theirs, Kept: kept})
}

// blockTitle names a block for people, in the merged template's words.
func (m *merger) blockTitle(id string) string {
	for _, c := range []*Canvas{m.out, m.ours, m.theirs} {
		if c == nil {
			continue
		}
		if b, ok := c.template().Block(id); ok {
			return b.Title
		}
	}
	return id
}

// place checks that every note's block is in the merged template.
func (m *merger) place() error {
	t := m.out.template()
	var ids []string
	for _, id := range m.sequence {
		if mn := m.merged[id]; !has(t, mn.block) {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 {
		sort.Strings(ids)
		mn := m.merged[ids[0]]
		return fmt.Errorf("cannot merge: the merged canvas is a %s, which has no block %s, but note %s (and %d more) is there; make the templates agree first",
			t.Name, mn.block, ids[0], len(ids)-1)
	}
	return nil
}

func has(t *Template, block string) bool {
	_, ok := t.Block(block)
	return ok
}

// links drops what no longer fits in the merged canvas: personas of a
// note one side moved out of Customer Segments, links to segments or
// personas the other side deleted or moved, and links between notes to a
// note deleted, or between blocks that no longer give them a meaning.
func (m *merger) links() {
	x := m.linkIndex()
	for _, id := range m.sequence {
		mn := m.merged[id]
		if mn.block != SegmentBlock && len(mn.note.Personas) > 0 {
			what := "dropped the personas " + strings.Join(mn.note.Personas, ", ") + ": the note is no longer a customer segment"
			m.conflict(mn, "personas", "", strings.Join(mn.note.Personas, ", "), what, "merge conflict: "+what)
			mn.note.Personas = nil
		}
	}
	for _, id := range m.sequence {
		mn := m.merged[id]
		segs, links := m.keepLinks(&mn.note, mn.block, x)
		for _, s := range missingFrom(mn.note.Segments, segs) {
			what := fmt.Sprintf("dropped the link to segment %s, which the other side deleted or moved out of Customer Segments", s)
			if seg, persona := PersonaRef(s); persona != "" && x.blockOf[seg] == SegmentBlock {
				what = fmt.Sprintf("dropped the link to persona %s of segment %s, which the other side removed", persona, seg)
			}
			m.conflict(mn, "segments", "", s, what, "merge conflict: "+what)
		}
		for _, l := range missingFrom(mn.note.Links, links) {
			what := fmt.Sprintf("dropped the link to note %s, which the other side deleted or moved to a block this note does not link to", l)
			m.conflict(mn, "links", "", l, what, "merge conflict: "+what)
		}
		mn.note.Segments, mn.note.Links = segs, links
	}
}

// linkIndex indexes the merged notes for checking their links.
func (m *merger) linkIndex() *linkIndex {
	x := &linkIndex{template: m.out.TemplateID, blockOf: make(map[string]string, len(m.sequence)), personas: map[string][]string{}}
	for _, id := range m.sequence {
		mn := m.merged[id]
		x.blockOf[id] = mn.block
		if mn.block == SegmentBlock {
			x.personas[id] = mn.note.Personas
		}
	}
	return x
}

// keepLinks returns the segment entries and links of n, a note of block,
// that fit the merged canvas, in order.
func (m *merger) keepLinks(n *Note, block string, x *linkIndex) (segments, links []string) {
	seen := map[string]bool{}
	for _, s := range n.Segments {
		if segmentRefProblem(n, s, x, seen) == "" {
			segments = append(segments, s)
			seen[s] = true
		}
	}
	seen = map[string]bool{}
	for _, l := range n.Links {
		if m.out.linkProblem(n, block, l, x, seen) == "" {
			links = append(links, l)
			seen[l] = true
		}
	}
	return segments, links
}

// finish tags each conflicted note and writes its conflict lines into
// its evidence. When a text or evidence would grow past the limit, the
// note keeps ours' and theirs' version of the note is added beside it.
func (m *merger) finish() {
	for _, id := range m.sequence {
		mn := m.merged[id]
		if !mn.conflicted {
			continue
		}
		n := &mn.note
		if !slices.Contains(n.Tags, ConflictTag) {
			n.Tags = append(n.Tags, ConflictTag)
		}
		both := mn.ours != nil && mn.theirs != nil
		sibling := false
		if !fits(n.Text) { // only both texts between markers can be too long
			n.Text, sibling = mn.ours.Text, true
		}
		evidence := withLines(n.Evidence, mn.lines)
		if !fits(evidence) && mn.evidenceBoth {
			n.Evidence, sibling = mn.ours.Evidence, true
			evidence = withLines(n.Evidence, mn.lines)
		}
		if !fits(evidence) {
			evidence = n.Evidence // the lines do not fit: the list keeps them
			sibling = sibling || both
		}
		n.Evidence = evidence
		if !sibling || !both {
			continue
		}
		s := mn.theirs.Clone()
		s.ID = m.ids.fresh(n.ID)
		if !slices.Contains(s.Tags, ConflictTag) {
			s.Tags = append(s.Tags, ConflictTag)
		}
		s.normalize()
		mn.sibling = &s
		// listed under the sibling's own ID, so that every note tagged
		// conflict has its conflict listed
		m.conflicts = append(m.conflicts, Conflict{Note: s.ID, Field: "text",
			Kept: fmt.Sprintf("theirs' version of note %s, added beside it: both versions do not fit in one note, so %s keeps ours", n.ID, n.ID)})
	}
	// Siblings link only what stays.
	x := m.linkIndex()
	for _, id := range m.sequence {
		if s := m.merged[id].sibling; s != nil {
			s.Segments, s.Links = m.keepLinks(s, m.merged[id].block, x)
			if m.merged[id].block != SegmentBlock {
				s.Personas = nil
			}
			s.normalize()
		}
	}
}

func fits(s string) bool {
	return len(s) <= MaxTextLength || utf8.RuneCountInString(s) <= MaxTextLength
}

// withLines adds lines to an evidence text, after a blank line.
func withLines(evidence string, lines []string) string {
	if len(lines) == 0 {
		return evidence
	}
	if evidence != "" {
		evidence += "\n\n"
	}
	return evidence + strings.Join(lines, "\n")
}

// order lays the merged notes out in their blocks.
func (m *merger) order() {
	for _, b := range m.out.template().BlockIDs() {
		ids := blockOrderOf(b, m.merged, m.base.Blocks[b], m.ours.Blocks[b], m.theirs.Blocks[b])
		if len(ids) == 0 {
			continue
		}
		notes := make([]Note, 0, len(ids))
		for _, id := range ids {
			mn := m.merged[id]
			mn.note.normalize()
			notes = append(notes, mn.note)
			if mn.sibling != nil {
				notes = append(notes, *mn.sibling)
			}
		}
		m.out.Blocks[b] = notes
	}
}

// blockOrderOf returns the IDs of the merged notes of block b in order:
// see the rules at the top of the file.
func blockOrderOf(b string, merged map[string]*mergedNote, base, ours, theirs []Note) []string {
	here := func(notes []Note) []string {
		var out []string
		for _, n := range notes {
			if mn := merged[n.ID]; mn != nil && mn.block == b {
				out = append(out, n.ID)
			}
		}
		return out
	}
	bs, os, ts := here(base), here(ours), here(theirs)
	primary, secondary := os, ts
	if reordered(bs, ts) && !reordered(bs, os) {
		primary, secondary = ts, os
	}
	out := slices.Clone(primary)
	in := make(map[string]bool, len(out))
	for _, id := range out {
		in[id] = true
	}
	for i, id := range secondary {
		if in[id] {
			continue
		}
		at := len(out)
		for _, next := range secondary[i+1:] {
			if in[next] {
				at = slices.Index(out, next)
				break
			}
		}
		out = slices.Insert(out, at, id)
		in[id] = true
	}
	return out
}

// reordered reports whether the notes both lists hold stand in another
// order in side than in base.
func reordered(base, side []string) bool {
	inSide := make(map[string]bool, len(side))
	for _, id := range side {
		inSide[id] = true
	}
	inBase := make(map[string]bool, len(base))
	var b []string
	for _, id := range base {
		inBase[id] = true
		if inSide[id] {
			b = append(b, id)
		}
	}
	k := 0
	for _, id := range side {
		if inBase[id] {
			if b[k] != id {
				return true
			}
			k++
		}
	}
	return false
}

// rank orders conflicts: the header in field order, then notes in block
// order and place.
func (m *merger) rank(c Conflict) int {
	if c.Note == "" {
		return m.headerRank[c.Field]
	}
	b, i, ok := m.out.Find(c.Note)
	if !ok {
		return 1 << 30
	}
	bi := slices.Index(m.out.template().BlockIDs(), b)
	return 100 + bi<<20 + i
}
