package widgets

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Segment marks are told apart by shape as well as by colour (circle,
// square, triangle, diamond, … from bmc.SegmentShape), on screen as on
// posters, so that colour is never the only signal.

// shapeMark makes p draw shape s in a square the size of p: a circle is a
// fully rounded polygon, a polygon is scaled as the poster scales it.
func shapeMark(p *canvas.Polygon, s bmc.MarkShape) {
	if s.Sides < 3 {
		p.Sides, p.Angle, p.CornerRadius = 4, 0, 1e6
		return
	}
	p.Sides, p.Angle, p.CornerRadius = uint(s.Sides), float32(s.Angle), 0
}

// placeMark puts a mark of shape s with the diameter d of a circle mark at
// (x, y), the top left of that circle: a polygon takes the larger square
// its scale asks for, around the same centre.
func placeMark(p *canvas.Polygon, s bmc.MarkShape, x, y, d float32) {
	scale := float32(1)
	if s.Sides >= 3 {
		scale = float32(s.Scale)
	}
	side := d * scale
	p.Move(fyne.NewPos(x+d/2-side/2, y+d/2-side/2))
	p.Resize(fyne.NewSquareSize(side))
}

// segmentShape returns the mark shape of the customer segment id, or the
// circle when id is no segment.
func (b *Board) segmentShape(id string) bmc.MarkShape {
	if b.canvas != nil {
		for i, s := range b.canvas.Segments() {
			if s.ID == id {
				return bmc.SegmentShape(i)
			}
		}
	}
	return bmc.SegmentShape(0)
}

// markShapes returns the shapes of the marks of a note, as marks returns
// their colours.
func (b *Board) markShapes(n *bmc.Note) []bmc.MarkShape {
	var out []bmc.MarkShape
	for _, seg := range b.served(n) {
		out = append(out, b.segmentShape(seg))
	}
	return out
}

// setShapes sets the shapes of the card's marks and of its own segment
// dot, and reports whether they changed.
func (c *NoteCard) setShapes(shapes []bmc.MarkShape, own bmc.MarkShape) bool {
	if slices.Equal(c.MarkShapes, shapes) && c.SegmentShape == own {
		return false
	}
	c.MarkShapes, c.SegmentShape = slices.Clone(shapes), own
	return true
}

// markShape returns the shape of the card's i-th mark: a circle when the
// board gave no shapes.
func (c *NoteCard) markShape(i int) bmc.MarkShape {
	if i < len(c.MarkShapes) {
		return c.MarkShapes[i]
	}
	return bmc.SegmentShape(0)
}

// segmentIcons caches SegmentShapeIcon's icons.
var segmentIcons = map[string]fyne.Resource{}

// SegmentShapeIcon returns a 16×16 icon of a segment's mark, in its
// colour and shape, as the board marks the notes linked to it, for menus
// and lists.
func SegmentShapeIcon(c bmc.Color, s bmc.MarkShape) fyne.Resource {
	key := string(c) + "-" + s.Name
	if r, ok := segmentIcons[key]; ok {
		return r
	}
	red, green, blue := c.MarkRGB()
	fill := color.NRGBA{R: red, G: green, B: blue, A: 0xff}
	edge := markEdge(c)
	var shape string
	if pts := s.Corners(8, 8, 5.5); len(pts) > 0 {
		var b strings.Builder
		for _, p := range pts {
			fmt.Fprintf(&b, "%.2f,%.2f ", p[0], p[1])
		}
		shape = fmt.Sprintf(`<polygon points="%s"`, strings.TrimSpace(b.String()))
	} else {
		shape = `<circle cx="8" cy="8" r="6"`
	}
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">`+
		`%s fill="#%02x%02x%02x" stroke="#%02x%02x%02x" stroke-linejoin="round"/></svg>`,
		shape, fill.R, fill.G, fill.B, edge.R, edge.G, edge.B)
	r := fyne.NewStaticResource("segment-"+key+".svg", []byte(svg))
	segmentIcons[key] = r
	return r
}
