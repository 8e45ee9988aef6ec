package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file draws what a note card shows of its note's change since the
// version the board is compared with, as the change poster prints it
// (export/changes.go): an outline in green for a new note, in blue for a
// changed one, dashed red round the faded ghost of a removed one; a label
// such as "new" or "from Key Partners"; an edited note's old text, small
// and struck through.

// The inks of change marks, the poster's: green for what is new, red for
// what is gone, blue for what changed, grey for the old text. Like the
// ink they sit on paper or hug it, so they do not follow the theme.
var (
	addedInk   = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	removedInk = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	changedInk = color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}
	oldTextInk = color.NRGBA{R: 0x6b, G: 0x74, B: 0x7a, A: 0xff}
)

// ghostVeil is the opacity of the veil over a removed note's ghost: the
// card shows at half strength, plainly gone yet readable.
const ghostVeil = 0x80

// ghostVeilColor is the veil over a ghost: white in every theme, so that
// the ghost fades like paper in the sun, as on the poster, rather than
// darkening into the dark theme's board, where its ink and label would
// be lost.
var ghostVeilColor = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: ghostVeil}

// ghostTip is the tip of a removed note's ghost.
const ghostTip = "Removed since the version compared with; shown until View › Clear Comparison"

// changeInk returns the ink of a change of kind k; faded for a card
// under a veil, which the marks are drawn over.
func changeInk(k bmc.MarkKind, faded bool) color.NRGBA {
	ink := changedInk
	switch k {
	case bmc.MarkAdded:
		ink = addedInk
	case bmc.MarkRemoved:
		ink = removedInk
	}
	if faded {
		ink.A = 0xff - dimVeil
	}
	return ink
}

// segment is a straight line from a to b.
type segment struct{ a, b fyne.Position }

// outlineWidth is the stroke of a change's outline around a card of text
// size ts: a new note's is bolder, as on the poster.
func outlineWidth(k bmc.MarkKind, ts float32) float32 {
	if k == bmc.MarkAdded {
		return max(2, ts*0.16)
	}
	return max(1.5, ts*0.1)
}

// dashes returns the dashes of a dashed outline of a w×h rectangle, inset
// by in: dashes dash long with gaps gap long, whole on every side, each
// side starting and ending with a dash so that the corners are drawn.
func dashes(w, h, in, dash, gap float32) []segment {
	x0, y0, x1, y1 := in, in, w-in, h-in
	if x1 <= x0 || y1 <= y0 || dash <= 0 {
		return nil
	}
	var out []segment
	side := func(from, to fyne.Position) {
		dx, dy := to.X-from.X, to.Y-from.Y
		length := max(abs32(dx), abs32(dy))
		n := max(int((length+gap)/(dash+gap)), 1) // dashes on the side
		d := length
		if n > 1 {
			d = (length - float32(n-1)*gap) / float32(n) // stretched to fill the side exactly
		}
		for i := range n {
			t0 := float32(i) * (d + gap) / length
			t1 := (float32(i)*(d+gap) + d) / length
			out = append(out, segment{fyne.NewPos(from.X+dx*t0, from.Y+dy*t0), fyne.NewPos(from.X+dx*t1, from.Y+dy*t1)})
		}
	}
	side(fyne.NewPos(x0, y0), fyne.NewPos(x1, y0))
	side(fyne.NewPos(x1, y0), fyne.NewPos(x1, y1))
	side(fyne.NewPos(x1, y1), fyne.NewPos(x0, y1))
	side(fyne.NewPos(x0, y1), fyne.NewPos(x0, y0))
	return out
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// changeObjects are the canvas objects of a card's change marks.
type changeObjects struct {
	outline *canvas.Rectangle // solid, for new and changed notes
	dashes  []*canvas.Line    // dashed, for a ghost
	label   []*canvas.Text
	old     []*canvas.Text
	strikes []*canvas.Line // through the old text
}

// layoutChange draws the card's change marks where the layout put them,
// moved down by dy, on a card of the given size.
func (r *noteCardRenderer) layoutChange(l *cardLayout, dy float32, size fyne.Size) {
	c := r.card
	ch := changeOf(c.Change)
	faded := (c.Dimmed || c.Lifted) && !c.ghost()
	o := &r.change
	s := l.style
	// The outline.
	o.outline.Hidden = !ch.marked || ch.kind == bmc.MarkRemoved
	var dashed []segment
	if ch.marked && ch.kind == bmc.MarkRemoved {
		w := outlineWidth(ch.kind, s.text)
		dashed = dashes(size.Width, size.Height, w/2, s.text*0.5, s.text*0.35)
	}
	if !o.outline.Hidden {
		w := outlineWidth(ch.kind, s.text)
		o.outline.StrokeColor, o.outline.StrokeWidth = changeInk(ch.kind, faded), w
		o.outline.FillColor = color.Transparent
		o.outline.CornerRadius = r.paper.CornerRadius
		o.outline.Move(fyne.NewPos(0, 0))
		o.outline.Resize(size)
		o.outline.Refresh()
	}
	for len(o.dashes) < len(dashed) {
		o.dashes = append(o.dashes, &canvas.Line{})
		r.objects = nil
	}
	for i, d := range o.dashes {
		if i >= len(dashed) {
			d.Hide()
			continue
		}
		d.Position1, d.Position2 = dashed[i].a, dashed[i].b
		d.StrokeColor, d.StrokeWidth = changeInk(ch.kind, false), outlineWidth(ch.kind, s.text)
		d.Show()
		d.Refresh()
	}
	// The label and the old text.
	lineH := s.changeLineH()
	box := glyphBox(s.chip)
	measure := measurerFor(s.chip, fyne.TextStyle{})
	place := func(texts *[]*canvas.Text, lines []string, y float32, style fyne.TextStyle, ink color.NRGBA) {
		for len(*texts) < len(lines) {
			*texts = append(*texts, &canvas.Text{TextStyle: style})
			r.objects = nil
		}
		for i, t := range *texts {
			if i >= len(lines) {
				t.Hide()
				continue
			}
			t.Text, t.TextSize, t.Color = lines[i], s.chip, ink
			t.Move(fyne.NewPos(s.pad, y+dy+float32(i)*lineH+(lineH-box)/2))
			t.Resize(fyne.NewSize(size.Width-2*s.pad, box))
			t.Show()
			t.Refresh()
		}
	}
	place(&o.label, l.label, l.labelY, fyne.TextStyle{Bold: true}, changeInk(ch.kind, faded))
	place(&o.old, l.old, l.oldY, fyne.TextStyle{}, oldTextInk)
	for len(o.strikes) < len(l.old) {
		o.strikes = append(o.strikes, &canvas.Line{})
		r.objects = nil
	}
	for i, line := range o.strikes {
		if i >= len(l.old) || l.old[i] == "" {
			line.Hide()
			continue
		}
		y := l.oldY + dy + float32(i)*lineH + lineH*0.55
		line.Position1 = fyne.NewPos(s.pad-1, y)
		line.Position2 = fyne.NewPos(s.pad+measure(l.old[i])+1, y)
		line.StrokeColor, line.StrokeWidth = oldTextInk, max(1, s.chip*0.08)
		line.Show()
		line.Refresh()
	}
	if ch.marked && ch.kind == bmc.MarkRemoved {
		c.hotspots = append(c.hotspots[:0], hotspot{size: size, tip: ghostTip})
	}
}

// objects returns the change marks' objects: those under the veil of a
// faded card (the old text), and those over it (the outline and label).
func (o *changeObjects) objects() (under, over []fyne.CanvasObject) {
	for _, t := range o.old {
		under = append(under, t)
	}
	for _, l := range o.strikes {
		under = append(under, l)
	}
	over = append(over, o.outline)
	for _, d := range o.dashes {
		over = append(over, d)
	}
	for _, t := range o.label {
		over = append(over, t)
	}
	return under, over
}

// ghost reports whether the card shows a removed note's ghost, which
// takes no taps, drags or edits.
func (c *NoteCard) ghost() bool { return c.Change != nil && c.Change.Kind == bmc.MarkRemoved }

// setChange changes the card's change mark without refreshing, and
// reports whether anything visible changed.
func (c *NoteCard) setChange(m *bmc.NoteMark) bool {
	changed := changeOf(c.Change) != changeOf(m)
	c.Change = m
	return changed
}
