package bmc

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// ChangeKind names one kind of difference between two versions of a
// canvas.
type ChangeKind string

// The kinds of change Compare reports. Notes are matched by ID.
const (
	// ChangeTemplate: the canvas was turned into another template.
	ChangeTemplate ChangeKind = "template"
	// ChangeHeader: a header field (Field) changed from Old to New.
	ChangeHeader ChangeKind = "header"
	// ChangeView: the backstage was shown or hidden (Old, New).
	ChangeView ChangeKind = "view"
	// ChangeAdded: a note is new; New is its text.
	ChangeAdded ChangeKind = "added"
	// ChangeRemoved: a note is gone; Old is its text, Block and OldPos
	// where it was.
	ChangeRemoved ChangeKind = "removed"
	// ChangeMoved: a note went to another block: Old and New are the block
	// IDs.
	ChangeMoved ChangeKind = "moved"
	// ChangeReordered: a note changed its place among the notes that
	// stayed in its block.
	ChangeReordered ChangeKind = "reordered"
	// ChangeText, ChangeColor, ChangeStatus, ChangeEvidence, ChangeAmount:
	// a note's field changed from Old to New. An amount reads "2400 per
	// month", "18000 once" or "" for none.
	ChangeText     ChangeKind = "text"
	ChangeColor    ChangeKind = "color"
	ChangeStatus   ChangeKind = "status"
	ChangeEvidence ChangeKind = "evidence"
	ChangeAmount   ChangeKind = "amount"
	// ChangeTags and ChangeSegments: a note's tags or segment links
	// changed. Added and Removed list what came and went; Old and New are
	// the whole lists joined by ", " (they also show a change of order).
	ChangeTags     ChangeKind = "tags"
	ChangeSegments ChangeKind = "segments"
	// ChangePersonas and ChangeLinks: a segment's personas or a note's
	// links to other notes changed, as lists like ChangeTags.
	ChangePersonas ChangeKind = "personas"
	ChangeLinks    ChangeKind = "links"
)

// Change is one difference between two versions of a canvas.
type Change struct {
	Kind ChangeKind `json:"kind"`
	// Note is the ID of the note concerned; empty for the header and view.
	Note string `json:"note,omitempty"`
	// Block is the note's block in the new version (the old one for a
	// removed note).
	Block string `json:"block,omitempty"`
	// Field is the header key of a header change, such as "title".
	Field string `json:"field,omitempty"`
	// Old and New are the values before and after; see ChangeKind.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Added and Removed are the tags or segment links that came and went.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
	// OldPos and NewPos are the note's place in its block, from 1, before
	// and after; 0 when the note was not there.
	OldPos int `json:"old_position,omitempty"`
	NewPos int `json:"new_position,omitempty"`
}

// Diff is the changes from one version of a canvas to another.
type Diff struct {
	Old, New *Canvas
	// Changes come in order: template, header, view, then the notes in
	// the new version's block order, each removed note where it was.
	Changes []Change
}

// Equal reports whether the two versions are the same canvas: the same
// template, header, view and notes in the same places, so that they are
// saved to the same bytes.
func (d *Diff) Equal() bool { return len(d.Changes) == 0 }

// Of returns the changes to the note with the given ID, in order.
func (d *Diff) Of(id string) []Change {
	var out []Change
	for _, ch := range d.Changes {
		if ch.Note == id {
			out = append(out, ch)
		}
	}
	return out
}

// Note returns the note with the given ID as the new version holds it,
// or else as the old one did.
func (d *Diff) Note(id string) (Note, bool) {
	if n, ok := d.New.Note(id); ok {
		return n, true
	}
	return d.Old.Note(id)
}

// Delta writes what came and went in a change of a list (tags, links):
// "+a −b", each item named by name; "" when only the order changed.
func (c Change) Delta(name func(string) string) string {
	var parts []string
	for _, s := range c.Added {
		parts = append(parts, "+"+name(s))
	}
	for _, s := range c.Removed {
		parts = append(parts, "−"+name(s))
	}
	return strings.Join(parts, " ")
}

// Summary counts the changes of a Diff by note: how many notes were added,
// removed, moved to another block, reordered within theirs, or changed in
// any field, and how many header fields (the template and view included)
// changed.
type Summary struct {
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	Moved     int `json:"moved"`
	Reordered int `json:"reordered"`
	Changed   int `json:"changed"`
	Header    int `json:"header"`
}

// Summary counts the changes.
func (d *Diff) Summary() Summary {
	var s Summary
	changed := map[string]bool{}
	for _, ch := range d.Changes {
		switch ch.Kind {
		case ChangeTemplate, ChangeHeader, ChangeView:
			s.Header++
		case ChangeAdded:
			s.Added++
		case ChangeRemoved:
			s.Removed++
		case ChangeMoved:
			s.Moved++
		case ChangeReordered:
			s.Reordered++
		default:
			if !changed[ch.Note] {
				changed[ch.Note] = true
				s.Changed++
			}
		}
	}
	return s
}

// String sums up the counts in words, such as "2 added, 1 moved, 3
// changed", leaving out those that are zero; "no changes" when all are.
func (s Summary) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{s.Added, "added"}, {s.Removed, "removed"}, {s.Moved, "moved"}, {s.Reordered, "reordered"}, {s.Changed, "changed"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+" "+p.word)
		}
	}
	if s.Header == 1 {
		parts = append(parts, "1 header field")
	} else if s.Header > 1 {
		parts = append(parts, strconv.Itoa(s.Header)+" header fields")
	}
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, ", ")
}

// placed is a note with its block and place.
type placed struct {
	block string
	index int
	note  *Note
}

// index maps every note ID of c to its block and place.
func (c *Canvas) index() map[string]placed {
	out := make(map[string]placed, c.NoteCount())
	for b, notes := range c.Blocks {
		for i := range notes {
			out[notes[i].ID] = placed{b, i, &notes[i]}
		}
	}
	return out
}

// blockOrder lists the block IDs of both canvases: the new template's in
// order, then any only the old one has.
func blockOrder(old, new *Canvas) []string {
	order := new.template().BlockIDs()
	for _, id := range old.template().BlockIDs() {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	return order
}

// Compare returns the changes that turn old into new, matching notes by
// ID. The Diff is empty exactly when the two canvases would be saved to
// the same bytes.
func Compare(old, new *Canvas) *Diff {
	d := &Diff{Old: old, New: new}
	if old.TemplateID != new.TemplateID {
		d.Changes = append(d.Changes, Change{Kind: ChangeTemplate, Old: old.TemplateID, New: new.TemplateID})
	}
	of, nf := old.Meta.fields(), new.Meta.fields()
	for i := range of {
		if *of[i].value != *nf[i].value {
			d.Changes = append(d.Changes, Change{Kind: ChangeHeader, Field: of[i].key, Old: *of[i].value, New: *nf[i].value})
		}
	}
	if ov, nv := old.viewWritten(), new.viewWritten(); ov != nv {
		d.Changes = append(d.Changes, Change{Kind: ChangeView, Old: ov, New: nv})
	}
	oldAt, newAt := old.index(), new.index()
	for _, block := range blockOrder(old, new) {
		d.Changes = append(d.Changes, compareBlock(block, old.Blocks[block], new.Blocks[block], oldAt, newAt)...)
	}
	return d
}

// viewWritten is the view as the file states it: "shown", "hidden", or ""
// for a template without a backstage, whose files have no view.
func (c *Canvas) viewWritten() string {
	if !c.template().HasBackstage() {
		return ""
	}
	if c.BackstageShown() {
		return string(BackstageShown)
	}
	return string(BackstageHidden)
}

// compareBlock returns the changes of the notes that are in block in the
// new version, and of those that left it or were removed, in the order of
// the new version.
func compareBlock(block string, oldNotes, newNotes []Note, oldAt, newAt map[string]placed) []Change {
	stayed := stayedInPlace(block, oldNotes, newNotes, oldAt)
	type keyed struct {
		key int // 2i+1 for the note at place i of the new block; removed notes get even keys
		ch  Change
	}
	var out []keyed
	for i := range newNotes {
		n := &newNotes[i]
		key := 2*i + 1
		was, existed := oldAt[n.ID]
		switch {
		case !existed:
			out = append(out, keyed{key, Change{Kind: ChangeAdded, Note: n.ID, Block: block, New: n.Text, NewPos: i + 1}})
			continue
		case was.block != block:
			out = append(out, keyed{key, Change{Kind: ChangeMoved, Note: n.ID, Block: block, Old: was.block, New: block, OldPos: was.index + 1, NewPos: i + 1}})
		case !stayed[n.ID]:
			out = append(out, keyed{key, Change{Kind: ChangeReordered, Note: n.ID, Block: block, OldPos: was.index + 1, NewPos: i + 1}})
		}
		for _, ch := range compareNotes(was.note, n) {
			ch.Note, ch.Block = n.ID, block
			out = append(out, keyed{key, ch})
		}
	}
	// A removed note goes after the nearest note before it that is still
	// in the block.
	after := 0
	for i := range oldNotes {
		n := &oldNotes[i]
		now, exists := newAt[n.ID]
		if exists {
			if now.block == block {
				after = 2*now.index + 2
			}
			continue
		}
		out = append(out, keyed{after, Change{Kind: ChangeRemoved, Note: n.ID, Block: block, Old: n.Text, OldPos: i + 1}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].key < out[j].key })
	changes := make([]Change, len(out))
	for i, k := range out {
		changes[i] = k.ch
	}
	return changes
}

// stayedInPlace returns the notes that were in block before and after and
// kept their order among each other: the longest such run. The other
// notes that stayed in the block were reordered.
func stayedInPlace(block string, oldNotes, newNotes []Note, oldAt map[string]placed) map[string]bool {
	var ids []string
	var places []int // their old places, in new order
	for i := range newNotes {
		if was, ok := oldAt[newNotes[i].ID]; ok && was.block == block {
			ids = append(ids, newNotes[i].ID)
			places = append(places, was.index)
		}
	}
	keep := make(map[string]bool, len(ids))
	for _, i := range longestIncreasing(places) {
		keep[ids[i]] = true
	}
	return keep
}

// longestIncreasing returns the positions in seq of a longest strictly
// increasing subsequence, in O(n log n).
func longestIncreasing(seq []int) []int {
	var tails []int // tails[k]: position of the smallest tail of an increasing run of length k+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		k := sort.Search(len(tails), func(k int) bool { return seq[tails[k]] >= v })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	out := make([]int, len(tails))
	for k, i := len(tails)-1, -1; k >= 0; k-- {
		if k == len(tails)-1 {
			i = tails[k]
		}
		out[k] = i
		i = prev[i]
	}
	return out
}

// compareNotes returns the changes of a note's fields, without its ID and
// block filled in.
func compareNotes(a, b *Note) []Change {
	var out []Change
	field := func(kind ChangeKind, old, new string) {
		if old != new {
			out = append(out, Change{Kind: kind, Old: old, New: new})
		}
	}
	field(ChangeText, a.Text, b.Text)
	field(ChangeColor, string(a.Color), string(b.Color))
	field(ChangeStatus, string(statusOf(a)), string(statusOf(b)))
	field(ChangeEvidence, a.Evidence, b.Evidence)
	if !slices.Equal(a.Tags, b.Tags) {
		out = append(out, listChange(ChangeTags, a.Tags, b.Tags))
	}
	field(ChangeAmount, a.AmountText(), b.AmountText())
	if !slices.Equal(a.Segments, b.Segments) {
		out = append(out, listChange(ChangeSegments, a.Segments, b.Segments))
	}
	if !slices.Equal(a.Personas, b.Personas) {
		out = append(out, listChange(ChangePersonas, a.Personas, b.Personas))
	}
	if !slices.Equal(a.Links, b.Links) {
		out = append(out, listChange(ChangeLinks, a.Links, b.Links))
	}
	return out
}

// statusOf is a note's status, idea when unset.
func statusOf(n *Note) Status {
	if n.Status == "" {
		return StatusIdea
	}
	return n.Status
}

func listChange(kind ChangeKind, old, new []string) Change {
	return Change{Kind: kind, Old: strings.Join(old, ", "), New: strings.Join(new, ", "),
		Added: missingFrom(new, old), Removed: missingFrom(old, new)}
}

// missingFrom returns the items of list that other lacks, in order.
func missingFrom(list, other []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(other, s) {
			out = append(out, s)
		}
	}
	return out
}

// AmountText writes a note's amount as it is compared and shown: "2400
// per month", "18000 once", "1200 per year"; "" when it has none.
func (n *Note) AmountText() string {
	if n.Amount == nil {
		return ""
	}
	switch n.Period {
	case PeriodOnce:
		return formatNumber(*n.Amount) + " once"
	case PeriodMonth:
		return formatNumber(*n.Amount) + " per month"
	}
	return formatNumber(*n.Amount) + " per year"
}
