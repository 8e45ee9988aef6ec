package app

import (
	"strings"

	"fyne.io/fyne/v2"
)

// FocusSegment dims every note outside a customer segment's chain on the
// board; "" clears the focus. The focus is a way of looking, not a change
// to the canvas: it is not undone and not saved. The board drops it by
// itself when the segment goes away.
func (e *Editor) FocusSegment(id string) {
	e.board.SetFocusSegment(id)
	e.refreshActions()
}

// Focus returns the customer segment the board is focused on, or "".
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
	for _, seg := range e.doc.Canvas().Segments() {
		id := seg.ID
		it := fyne.NewMenuItem(segmentLabel(seg), func() { e.FocusSegment(id) })
		it.Icon = segmentDot(seg.Color)
		it.Checked = id == focus
		items = append(items, it)
		state.WriteString(it.Label + string(seg.Color) + "|")
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No customer segments yet", nil)
		none.Disabled = true
		items = append(items, none)
	}
	state.WriteString("focus=" + focus)
	return items, state.String()
}
