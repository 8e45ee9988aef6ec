package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// The undo labels of the link menu's edits.
const (
	labelNoteLink = "Link notes"
	labelPersonas = "Edit personas"
)

// This file holds the note menu's links between notes ("Link to ▸"),
// personas, focus on any note and "What if we drop this?".

// linkItems are the items a note's menu gets for links: "Link to ▸" when
// its block links to others, focus on the note (or clear the focus) unless
// it is a segment, which has its own focus items, and "What if we drop
// this?…".
func (e *Editor) linkItems(id string, segment bool) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	if it := e.noteLinkItem(id); it != nil {
		items = append(items, it)
	}
	if !segment && e.Focus() != id {
		items = append(items, fyne.NewMenuItem("Focus on this note", func() { e.FocusSegment(id) }))
	}
	if !segment && e.Focus() != "" {
		items = append(items, fyne.NewMenuItem("Clear focus", func() { e.FocusSegment("") }))
	}
	if segment {
		items = append(items, fyne.NewMenuItem("Personas…", func() { e.ShowPersonas(id) }))
	}
	return append(items, fyne.NewMenuItem("What if we drop this?…", func() { e.ShowDropImpact(id) }))
}

// noteLinkItem is "Link to ▸": every note the note can be linked with,
// grouped by block, each saying what the link means ("supplies “Deck
// oven”" or "“Molino Ruiz” supplies this"), checked when linked. Nil when
// the note's block links to no other.
func (e *Editor) noteLinkItem(id string) *fyne.MenuItem {
	c := e.doc.Canvas()
	targets := c.LinkTargets(id)
	if len(targets) == 0 {
		return nil
	}
	var items []*fyne.MenuItem
	last := ""
	for _, lt := range targets {
		if lt.Block != last && last != "" {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		last = lt.Block
		other := lt.Note.ID
		it := fyne.NewMenuItem(linkLabel(id, lt), func() { e.ToggleNoteLink(id, other) })
		it.Checked = lt.Linked
		items = append(items, it)
	}
	link := fyne.NewMenuItem("Link to", nil)
	link.ChildMenu = fyne.NewMenu("", items...)
	return link
}

// linkLabel says what a link between note id and a target means, read
// from note id: "supplies “Deck oven”", or "“Molino Ruiz” supplies this".
func linkLabel(id string, lt bmc.LinkTarget) string {
	name := "“" + segmentLabel(lt.Note) + "”"
	if lt.Relation.From == lt.Block {
		return name + " " + lt.Relation.Verb + " this"
	}
	return upperFirst(lt.Relation.Verb) + " " + name
}

// ToggleNoteLink links two notes, or unlinks them when they are linked, as
// one undoable edit; the canvas writes the link on the note its relation
// starts from.
func (e *Editor) ToggleNoteLink(a, b string) error {
	linked := false
	for _, lt := range e.doc.Canvas().LinkTargets(a) {
		if lt.Note.ID == b {
			linked = lt.Linked
		}
	}
	label := labelNoteLink
	err := e.edit(label, func(c *bmc.Canvas) error {
		if linked {
			return c.Unlink(a, b)
		}
		return c.Link(a, b)
	})
	if err != nil {
		e.showErrorTitled("Could not link the notes", err)
	}
	return err
}

// personaItems are, for a segment's entry in "Link to segment ▸", one
// checkable item per persona, after the segment's own.
func (e *Editor) personaItems(n bmc.Note, seg bmc.Note) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, p := range seg.Personas {
		ref := seg.ID + "/" + p
		it := fyne.NewMenuItem("    "+p, func() { e.TogglePersonaLink(n.ID, ref) })
		it.Checked = slices.Contains(n.Segments, ref)
		items = append(items, it)
	}
	return items
}

// TogglePersonaLink links note id to one persona of a segment ("n2/Ana")
// instead of the whole segment, or unlinks it when it is linked.
func (e *Editor) TogglePersonaLink(id, ref string) error {
	seg := bmc.SegmentOf(ref)
	return e.changeNote(labelLink, id, func(n *bmc.Note) {
		if slices.Contains(n.Segments, ref) {
			n.Segments = slices.DeleteFunc(n.Segments, func(s string) bool { return s == ref })
			return
		}
		n.Segments = slices.DeleteFunc(n.Segments, func(s string) bool { return s == seg })
		n.Segments = append(n.Segments, ref)
	})
}

// ShowPersonas edits a segment's personas as a comma-separated list;
// applying is one undoable edit, and a persona taken away loses its links.
func (e *Editor) ShowPersonas(id string) {
	e.board.CommitEdit()
	n, ok := e.doc.Canvas().Note(id)
	if !ok {
		return
	}
	names := widget.NewEntry()
	names.SetPlaceHolder("Ana, Raj")
	names.SetText(strings.Join(n.Personas, ", "))
	item := widget.NewFormItem("Personas", names)
	item.HintText = "Short names, separated by commas"
	items := []*widget.FormItem{widget.NewFormItem("Segment", noteLabel(n)), item}
	d := dialog.NewForm("Personas", "Apply", "Cancel", items, func(ok bool) {
		if ok {
			e.SetPersonas(id, splitPersonas(names.Text))
		}
	}, e.win)
	d.Resize(dialogSize(e.win, 480, 0))
	d.Show()
	e.win.Canvas().Focus(names)
}

// splitPersonas reads a comma-separated list of names, dropping blanks
// and repeats.
func splitPersonas(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// SetPersonas sets a segment's personas as one undoable edit.
func (e *Editor) SetPersonas(id string, personas []string) error {
	return e.changeNote(labelPersonas, id, func(n *bmc.Note) { n.Personas = personas })
}

// ShowDropImpact answers "What if we drop this?": it lists every note that
// would lose its only support if the note went, each of which selects its
// note when tapped. It changes nothing.
func (e *Editor) ShowDropImpact(id string) {
	e.board.CommitEdit()
	c := e.doc.Canvas()
	n, ok := c.Note(id)
	if !ok {
		return
	}
	lost := c.DropImpact(id)
	var d dialog.Dialog
	head := widget.NewLabelWithStyle(dropSummary(n, len(lost)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	for _, l := range lost {
		block := l.Block
		if b, ok := c.Template().Block(l.Block); ok {
			block = b.Title
		}
		row := newPickRow(theme.NewWarningThemedResource(theme.WarningIcon()), block, segmentLabel(l.Note), "")
		row.NoteID = l.Note.ID
		row.OnTapped = func() {
			d.Hide()
			e.ShowNote(row.NoteID)
		}
		rows.Add(row)
	}
	var content fyne.CanvasObject = head
	if len(lost) > 0 {
		scroll := container.NewVScroll(rows)
		scroll.SetMinSize(fyne.NewSize(0, min(float32(len(lost))*76, 420)))
		content = container.NewBorder(head, nil, nil, nil, scroll)
	}
	d = dialog.NewCustom("What if we drop this?", "Close", content, e.win)
	d.Resize(dialogSize(e.win, 560, 0))
	d.Show()
}

// dropSummary is the first line of the drop dialog.
func dropSummary(n bmc.Note, lost int) string {
	name := "“" + segmentLabel(n) + "”"
	switch lost {
	case 0:
		return "Without " + name + ", every other note keeps its support."
	case 1:
		return "Without " + name + ", 1 note loses its only support:"
	}
	return fmt.Sprintf("Without %s, %d notes lose their only support:", name, lost)
}
