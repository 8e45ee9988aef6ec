package bmc

// Frame is a rectangle in floating-point units: grid units, pixels or
// millimetres.
type Frame struct {
	X, Y, W, H float64
}

// GridFrame returns where the rectangle r of the template's grid, in grid
// units (fractional while the editor animates between layouts), lies in
// area: the grid stretched over the area with gap between neighbouring
// blocks and none at the area's edges. The editor's board and the poster
// both place blocks with it.
func (t *Template) GridFrame(r Frame, area Frame, gap float64) Frame {
	ux := (area.W + gap) / float64(t.Width)
	uy := (area.H + gap) / float64(t.Height)
	return Frame{
		X: area.X + r.X*ux,
		Y: area.Y + r.Y*uy,
		W: max(r.W*ux-gap, 0),
		H: max(r.H*uy-gap, 0),
	}
}

// InkRGB returns the colour of text on sticky notes, as 8-bit red, green
// and blue: a dark blue-grey that reads on every paper colour. Screen and
// poster both use it.
func InkRGB() (r, g, b uint8) { return 0x26, 0x32, 0x38 }
