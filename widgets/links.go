package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// connections draws the links of the selected note: a line from its card
// to the card of every note it links to or from (bmc.Canvas.Neighbours)
// and a ring around each of those cards. Notes out of view get no line.
type connections struct {
	box   *fyne.Container // holds the lines and rings, in pairs
	lines []*canvas.Line
	rings []*canvas.Rectangle
}

func newConnections() *connections {
	return &connections{box: container.NewWithoutLayout()}
}

// layout draws the selected note's connections, or hides them when no
// note is selected, it is being edited or dragged, or it is out of view.
func (cn *connections) layout(b *Board, shownAt map[string]*NoteCard) {
	n := 0
	if from, ok := shownAt[b.selected]; ok && b.canvas != nil && b.editing != b.selected && b.drag == nil {
		th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
		col := th.Color(theme.ColorNamePrimary, v)
		r, g, bl, _ := col.RGBA()
		faint := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x90}
		for _, id := range b.canvas.Neighbours(b.selected) {
			to, ok := shownAt[id]
			if !ok {
				continue
			}
			line, ring := cn.pair(n)
			n++
			line.Position1 = centre(from)
			line.Position2 = centre(to)
			line.StrokeColor, line.StrokeWidth = faint, 2
			const gap = 2
			ring.Move(to.Position().SubtractXY(gap, gap))
			ring.Resize(to.Size().AddWidthHeight(2*gap, 2*gap))
			ring.StrokeColor, ring.StrokeWidth, ring.FillColor = faint, 2, color.Transparent
			ring.CornerRadius = th.Size(theme.SizeNameInputRadius)/1.5 + gap
			line.Show()
			ring.Show()
			line.Refresh()
			ring.Refresh()
		}
	}
	for i := n; i < len(cn.lines); i++ {
		cn.lines[i].Hide()
		cn.rings[i].Hide()
	}
}

// pair returns the i-th line and ring, making them when the pool is short.
func (cn *connections) pair(i int) (*canvas.Line, *canvas.Rectangle) {
	for len(cn.lines) <= i {
		l, r := &canvas.Line{}, &canvas.Rectangle{}
		cn.lines, cn.rings = append(cn.lines, l), append(cn.rings, r)
		cn.box.Add(r)
		cn.box.Add(l)
	}
	return cn.lines[i], cn.rings[i]
}

// centre returns the middle of a card, in board coordinates.
func centre(c *NoteCard) fyne.Position {
	return c.Position().AddXY(c.Size().Width/2, c.Size().Height/2)
}
