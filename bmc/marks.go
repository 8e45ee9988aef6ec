package bmc

import "strings"

// This file decides how the notes of a compared canvas are marked: which
// note is new, which is gone (and where it stood), which moved, and what
// the label on each says. The change poster and the editor's board both
// draw these marks, so that paper and screen say the same.

// MarkKind is the kind of mark a note gets, and so its ink: new notes in
// green, removed ones in red, changed ones in blue.
type MarkKind int

// The kinds of NoteMark.
const (
	MarkChanged MarkKind = iota
	MarkAdded
	MarkRemoved
)

// NoteMark is how one note differs from the version it is compared with,
// as marked on the note itself.
type NoteMark struct {
	// Note is the note's ID: in the new version, or in the old one for a
	// removed note.
	Note string
	// Kind says whether the note is new, removed or otherwise changed.
	Kind MarkKind
	// From is the title of the block a moved note came from.
	From string
	// OldText is an edited note's old text; "" when the text is the same
	// (or was empty).
	OldText string
	// OldStatus is the note's status before, when it changed.
	OldStatus Status
	// Other names the other fields that changed, with their old values
	// where short: "colour (was orange)", "amount (was €2,400 a month)",
	// "tags".
	Other []string
}

// Label is what the mark says in words, such as "new", "removed", "from
// Key Partners · was hypothesis" or "changed colour (was orange)"; "" for
// an edit of the text alone, which shows the old text instead.
func (m *NoteMark) Label() string {
	var words []string
	switch m.Kind {
	case MarkAdded:
		words = append(words, "new")
	case MarkRemoved:
		words = append(words, "removed")
	}
	if m.From != "" {
		words = append(words, "from "+m.From)
	}
	if m.OldStatus != "" {
		words = append(words, "was "+string(m.OldStatus))
	}
	if len(m.Other) > 0 {
		words = append(words, "changed "+strings.Join(m.Other, ", "))
	}
	return strings.Join(words, " · ")
}

// Ghost is a removed note put back where it stood, to be shown faded.
type Ghost struct {
	// Block is the note's block, in the old version and the new.
	Block string
	// After is the ID of the note of the new version it follows in its
	// block: the nearest note before it that is still there; "" when it
	// comes first.
	After string
	// Note is the note as it was, without its segment links (the
	// segments may be gone too).
	Note Note
}

// Marks are the marks of a comparison: one per note that changed, and the
// ghosts of the removed notes.
type Marks struct {
	// Notes holds a mark for every note added, removed, moved or changed
	// (not one only reordered), in the order of the Diff's changes.
	Notes []NoteMark
	// Ghosts holds the removed notes whose block the new version has, in
	// the old version's block and note order.
	Ghosts []Ghost
	// Lost counts the removed notes whose block the new version's template
	// lacks: they have nowhere to be shown.
	Lost int
	// OldCurrency is the old version's currency, in which the amounts of
	// the removed notes are shown.
	OldCurrency string

	at map[string]int // index in Notes by note ID
}

// Of returns the mark of the note with the given ID, or nil when it has
// none.
func (m *Marks) Of(id string) *NoteMark {
	if m == nil {
		return nil
	}
	if i, ok := m.at[id]; ok {
		return &m.Notes[i]
	}
	return nil
}

// GhostsIn returns the ghosts of a block, in order.
func (m *Marks) GhostsIn(block string) []Ghost {
	if m == nil {
		return nil
	}
	var out []Ghost
	for _, g := range m.Ghosts {
		if g.Block == block {
			out = append(out, g)
		}
	}
	return out
}

// NoteMarks works out the marks of the changes d: what each changed note
// of d.New is marked with, and where the notes d.Old had and d.New lacks
// stood. A nil d marks nothing.
func NoteMarks(d *Diff) *Marks {
	m := &Marks{at: map[string]int{}}
	if d == nil {
		return m
	}
	m.OldCurrency = d.Old.Currency
	of := func(id string) *NoteMark {
		i, ok := m.at[id]
		if !ok {
			i = len(m.Notes)
			m.at[id] = i
			m.Notes = append(m.Notes, NoteMark{Note: id})
		}
		return &m.Notes[i]
	}
	oldTemplate := d.Old.template()
	title := func(block string) string {
		if b, ok := oldTemplate.Block(block); ok {
			return b.Title
		}
		return block
	}
	removed := map[string]bool{}
	for _, ch := range d.Changes {
		switch ch.Kind {
		case ChangeAdded:
			of(ch.Note).Kind = MarkAdded
		case ChangeRemoved:
			removed[ch.Note] = true
			of(ch.Note).Kind = MarkRemoved
		case ChangeMoved:
			of(ch.Note).From = title(ch.Old)
		case ChangeText:
			of(ch.Note).OldText = ch.Old
		case ChangeStatus:
			of(ch.Note).OldStatus = Status(ch.Old)
		case ChangeColor:
			of(ch.Note).Other = append(of(ch.Note).Other, "colour (was "+ch.Old+")")
		case ChangeAmount:
			was := "none"
			if n, ok := d.Old.Note(ch.Note); ok && n.Amount != nil {
				was = AmountWords(*n.Amount, n.Period, d.Old.Currency)
			}
			of(ch.Note).Other = append(of(ch.Note).Other, "amount (was "+was+")")
		case ChangeEvidence, ChangeTags, ChangeSegments, ChangePersonas, ChangeLinks:
			of(ch.Note).Other = append(of(ch.Note).Other, string(ch.Kind))
		}
	}
	m.Ghosts, m.Lost = ghostsOf(d.Old, d.New, removed)
	return m
}

// ghostsOf returns the notes of old whose IDs are in removed, each with
// the note of new it comes after in its block, and how many had no block
// in new to go to.
func ghostsOf(old, new *Canvas, removed map[string]bool) ([]Ghost, int) {
	var out []Ghost
	lost := 0
	t := new.template()
	for _, b := range old.template().BlockIDs() {
		notes := old.Blocks[b]
		if _, ok := t.Block(b); !ok {
			for _, n := range notes {
				if removed[n.ID] {
					lost++
				}
			}
			continue
		}
		here := map[string]bool{}
		for _, n := range new.Blocks[b] {
			here[n.ID] = true
		}
		prev := ""
		for _, n := range notes {
			switch {
			case here[n.ID]:
				prev = n.ID
			case removed[n.ID]:
				g := n.Clone()
				g.Segments = nil
				out = append(out, Ghost{Block: b, After: prev, Note: g})
			}
		}
	}
	return out, lost
}

// InsertGhosts returns notes with the ghosts' notes put in, each after
// the note its After names (those before any, first); a ghost whose note
// is not among notes goes last. notes is not changed.
func InsertGhosts(notes []Note, ghosts []Ghost) []Note {
	if len(ghosts) == 0 {
		return notes
	}
	after := map[string][]Note{}
	for _, g := range ghosts {
		after[g.After] = append(after[g.After], g.Note)
	}
	out := make([]Note, 0, len(notes)+len(ghosts))
	out = append(out, after[""]...)
	delete(after, "")
	for _, n := range notes {
		out = append(out, n)
		out = append(out, after[n.ID]...)
		delete(after, n.ID)
	}
	for _, g := range ghosts { // those whose note is gone, in order
		if rest, ok := after[g.After]; ok {
			out = append(out, rest...)
			delete(after, g.After)
		}
	}
	return out
}
