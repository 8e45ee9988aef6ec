package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// focusNote is the footer's reminder of the segment in focus, with a
// button that clears it; hidden when no segment is in focus.
type focusNote struct {
	box   *fyne.Container
	label *widget.Label
	dot   *widget.Icon
}

// newFocusNote builds the reminder, hidden.
func (e *Editor) newFocusNote() *focusNote {
	f := &focusNote{label: widget.NewLabel(""), dot: widget.NewIcon(nil)}
	clearButton := widget.NewButtonWithIcon("Clear focus", theme.CancelIcon(), func() { e.FocusSegment("") })
	clearButton.Importance = widget.LowImportance
	f.box = container.NewHBox(f.dot, f.label, clearButton)
	f.box.Hide()
	return f
}

// refresh shows which segment is in focus, if any.
func (f *focusNote) refresh(e *Editor) {
	n, ok := e.doc.Canvas().Note(e.Focus())
	if ok {
		f.label.SetText("Focused on " + segmentLabel(n) + " (Esc clears)")
		f.dot.SetResource(widgets.SegmentShapeIcon(n.Color, segmentShape(e.doc.Canvas(), n.ID)))
	}
	e.setShown(f.box, ok)
}

// FocusSegment dims every note outside a note's chain on the board (a
// customer segment's or any other's, see bmc.Canvas.Chain); "" clears the
// focus. The focus is a way of looking, not a change
// to the canvas: it is not undone and not saved. The board drops it by
// itself when the segment goes away.
func (e *Editor) FocusSegment(id string) {
	e.board.SetFocusSegment(id)
	e.refreshActions()
}

// Focus returns the note the board is focused on, or "".
func (e *Editor) Focus() string { return e.board.FocusSegment() }

// focusItems are a segment note's focus items in its context menu: focus
// on it unless it is the focus, and clear any focus.
func (e *Editor) focusItems(id string) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	if e.Focus() != id {
		items = append(items, fyne.NewMenuItem("Focus this segment", func() { e.FocusSegment(id) }))
	}
	if e.Focus() != "" {
		items = append(items, fyne.NewMenuItem("Clear focus", func() { e.FocusSegment("") }))
	}
	return items
}

// focusMenuItems lists the customer segments for View › Focus on Segment,
// the focused one checked, and a state string that changes when they do.
func (e *Editor) focusMenuItems() ([]*fyne.MenuItem, string) {
	focus := e.Focus()
	var items []*fyne.MenuItem
	var state strings.Builder
	for i, seg := range e.doc.Canvas().Segments() {
		id := seg.ID
		it := fyne.NewMenuItem(segmentLabel(seg), func() { e.FocusSegment(id) })
		it.Icon = widgets.SegmentShapeIcon(seg.Color, bmc.SegmentShape(i))
		it.Checked = id == focus
		items = append(items, it)
		state.WriteString(it.Label + string(seg.Color) + bmc.SegmentShape(i).Name + "|")
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No customer segments yet", nil)
		none.Disabled = true
		items = append(items, none)
	}
	state.WriteString("focus=" + focus)
	return items, state.String()
}

// segmentShape returns the mark shape of customer segment id in c.
func segmentShape(c *bmc.Canvas, id string) bmc.MarkShape {
	for i, s := range c.Segments() {
		if s.ID == id {
			return bmc.SegmentShape(i)
		}
	}
	return bmc.SegmentShape(0)
}
