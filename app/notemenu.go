package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// The undo labels of the note menu's edits.
const (
	labelLink     = "Link to segment"
	labelStatus   = "Set status"
	labelEvidence = "Edit evidence"
	labelTag      = "Tag note"
	labelAmount   = "Set amount"
)

// noteMenuExtra is the board's ContextMenuExtra: what the editor adds to a
// note's context menu. Segment notes get the focus items; other notes a
// checklist of the segments to link to. Every note gets its status,
// evidence and tags; revenue and cost notes their amount.
func (e *Editor) noteMenuExtra(id string) []*fyne.MenuItem {
	c := e.doc.Canvas()
	block, _, ok := c.Find(id)
	if !ok {
		return nil
	}
	n, _ := c.Note(id)
	var items []*fyne.MenuItem
	if block == bmc.SegmentBlock {
		items = append(items, e.focusItems(id)...)
	} else {
		items = append(items, e.linkItem(n))
	}
	items = append(items, e.linkItems(id, block == bmc.SegmentBlock)...) // linkmenu.go
	evidence := fyne.NewMenuItem("Evidence…", func() { e.ShowEvidence(id) })
	items = append(items, e.statusItem(n), evidence, e.tagsItem(block, n))
	if block == bmc.RevenueBlock || block == bmc.CostBlock {
		items = append(items, fyne.NewMenuItem("Amount…", func() { e.ShowAmount(id) }))
	}
	return items
}

// linkItem is "Link to segment ▸": one checkable item per customer
// segment, checked when n is linked to it.
func (e *Editor) linkItem(n bmc.Note) *fyne.MenuItem {
	var items []*fyne.MenuItem
	for i, seg := range e.doc.Canvas().Segments() {
		segID := seg.ID
		it := fyne.NewMenuItem(segmentLabel(seg), func() { e.ToggleLink(n.ID, segID) })
		it.Icon = widgets.SegmentShapeIcon(seg.Color, bmc.SegmentShape(i))
		it.Checked = slices.Contains(n.Segments, segID)
		items = append(items, it)
		items = append(items, e.personaItems(n, seg)...)
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No customer segments yet", nil)
		none.Disabled = true
		items = append(items, none)
	}
	link := fyne.NewMenuItem("Link to segment", nil)
	link.ChildMenu = fyne.NewMenu("", items...)
	return link
}

// statusItem is "Status ▸": the four statuses, the note's checked.
func (e *Editor) statusItem(n bmc.Note) *fyne.MenuItem {
	items := make([]*fyne.MenuItem, len(bmc.Statuses()))
	for i, s := range bmc.Statuses() {
		it := fyne.NewMenuItem(statusName(s), func() { e.SetStatus(n.ID, s) })
		it.Checked = n.Status == s
		items[i] = it
	}
	status := fyne.NewMenuItem("Status", nil)
	status.ChildMenu = fyne.NewMenu("", items...)
	return status
}

// tagsItem is "Tags ▸": the block's suggested tags, then those used
// elsewhere on the canvas, checked when n has them, then "New tag…".
func (e *Editor) tagsItem(block string, n bmc.Note) *fyne.MenuItem {
	c := e.doc.Canvas()
	var suggested []string
	if b, ok := c.Template().Block(block); ok {
		suggested = b.Tags
	}
	var items []*fyne.MenuItem
	for i, tag := range c.SuggestedTags(block) {
		if i == len(suggested) && i > 0 {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		it := fyne.NewMenuItem(tag, func() { e.ToggleTag(n.ID, tag) })
		it.Checked = hasTag(n.Tags, tag)
		items = append(items, it)
	}
	if len(items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	items = append(items, fyne.NewMenuItem("New tag…", func() { e.ShowNewTag(n.ID) }))
	tags := fyne.NewMenuItem("Tags", nil)
	tags.ChildMenu = fyne.NewMenu("", items...)
	return tags
}

// changeNote applies f to a copy of note id and stores it as one undoable
// edit named label, showing what is wrong when it is refused.
func (e *Editor) changeNote(label, id string, f func(n *bmc.Note)) error {
	err := e.edit(label, func(c *bmc.Canvas) error {
		n, ok := c.Note(id)
		if !ok {
			return fmt.Errorf("no note %q", id)
		}
		n = n.Clone()
		f(&n)
		return c.UpdateNote(n)
	})
	if err != nil {
		e.showErrorTitled("Could not change the note", err)
	}
	return err
}

// ToggleLink links note id to a customer segment, or unlinks it when it
// is linked already, to the segment or any of its personas.
func (e *Editor) ToggleLink(id, segment string) error {
	return e.changeNote(labelLink, id, func(n *bmc.Note) {
		linked := func(s string) bool { return bmc.SegmentOf(s) == segment }
		if slices.ContainsFunc(n.Segments, linked) {
			n.Segments = slices.DeleteFunc(n.Segments, linked)
		} else {
			n.Segments = append(n.Segments, segment)
		}
	})
}

// SetStatus sets how far a note's assumption has been tested.
func (e *Editor) SetStatus(id string, s bmc.Status) error {
	return e.changeNote(labelStatus, id, func(n *bmc.Note) { n.Status = s })
}

// SetEvidence sets a note's status and evidence together, as the evidence
// dialog shows them. It is one edit, named after the evidence unless only
// the status changed.
func (e *Editor) SetEvidence(id string, s bmc.Status, evidence string) error {
	evidence = strings.TrimSpace(evidence)
	label := labelEvidence
	if n, ok := e.doc.Canvas().Note(id); ok && n.Evidence == evidence {
		label = labelStatus
	}
	return e.changeNote(label, id, func(n *bmc.Note) {
		n.Status, n.Evidence = s, evidence
	})
}

// ToggleTag gives a note the tag, or takes it away when the note has it
// (in any case).
func (e *Editor) ToggleTag(id, tag string) error {
	return e.changeNote(labelTag, id, func(n *bmc.Note) {
		if hasTag(n.Tags, tag) {
			n.Tags = slices.DeleteFunc(n.Tags, func(t string) bool { return strings.EqualFold(t, tag) })
		} else {
			n.Tags = append(n.Tags, tag)
		}
	})
}

// AddTag gives a note a tag, unless it has it already; the tag is trimmed.
func (e *Editor) AddTag(id, tag string) error {
	tag = strings.TrimSpace(tag)
	return e.changeNote(labelTag, id, func(n *bmc.Note) {
		if tag != "" && !hasTag(n.Tags, tag) {
			n.Tags = append(n.Tags, tag)
		}
	})
}

// SetAmount sets a revenue or cost note's amount and how often it recurs;
// a nil amount removes both.
func (e *Editor) SetAmount(id string, amount *float64, p bmc.Period) error {
	return e.changeNote(labelAmount, id, func(n *bmc.Note) {
		n.Amount, n.Period = amount, p
		if amount == nil {
			n.Period = ""
		}
	})
}

// hasTag reports whether tags holds tag, in any case.
func hasTag(tags []string, tag string) bool {
	return slices.ContainsFunc(tags, func(t string) bool { return strings.EqualFold(t, tag) })
}

// statusName is a status as the menus show it: "Hypothesis".
func statusName(s bmc.Status) string {
	str := string(s)
	if str == "" {
		return str
	}
	return strings.ToUpper(str[:1]) + str[1:]
}
