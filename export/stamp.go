package export

import (
	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/jung-kurt/gofpdf"
)

// Segment marks and status badges are stamps: each look (shape or status,
// colours) is drawn once, as a form XObject at a radius of one
// millimetre, and placed scaled wherever a note shows it. A poster shows
// thousands of them; placing one costs a line of PDF, drawing one a few
// dozen.

// stampReach is how far a stamp reaches from its centre, in radii: a
// triangle's corner and the mark's white halo.
const stampReach = 1.8

// stampKey names a look of a stamp.
type stampKey struct {
	shape  string // a mark's shape; "" for a badge
	status bmc.Status
	fill   rgb
	edge   rgb
	symbol rgb
}

// stamp places the stamp k centred on (x, y) at radius r, drawing it first
// with draw (centred on (c, c) at radius 1) if this poster has not yet.
// On a pathPen, the stamp is drawn in place.
func (d *drawer) stamp(k stampKey, x, y, r float64, draw func(p pen, c float64)) {
	if pp, ok := d.pen.(*pathPen); ok {
		draw(pp.at(x-stampReach*r, y-stampReach*r, r), stampReach)
		return
	}
	t, ok := d.stamps[k]
	if !ok {
		c := stampReach
		t = idOnce(d.pdf.CreateTemplateCustom(gofpdf.PointType{}, gofpdf.SizeType{Wd: 2 * c, Ht: 2 * c}, func(t *gofpdf.Tpl) { draw(&t.Fpdf, c) }))
		d.stamps[k] = t
	}
	d.pdf.UseTemplateScaled(t, gofpdf.PointType{X: x - stampReach*r, Y: y - stampReach*r},
		gofpdf.SizeType{Wd: 2 * stampReach * r, Ht: 2 * stampReach * r})
}

// mark draws a segment's mark centred on (x, y) for a circle of radius r:
// its shape, filled with its colour (dark grey in mono), on a white halo.
// Its lines are as thick as the marks' at em millimetres per em.
func (d *drawer) mark(m segMark, x, y, r, em float64, faded bool) {
	red, green, blue := m.color.MarkRGB()
	fill := rgb{red, green, blue}
	edge := darken(fill)
	if d.ink == InkMono {
		fill, edge = rgb{0x37, 0x37, 0x37}, rgb{0x37, 0x37, 0x37}
	}
	if faded {
		fill, edge = fade(fill), fade(edge)
	}
	fill, edge = inked(d.ink, fill), inked(d.ink, edge)
	em1 := em / r // ems at radius 1
	d.stamp(stampKey{shape: m.shape.Name, fill: fill, edge: edge}, x, y, r, func(t pen, c float64) {
		t.SetLineJoinStyle("round")
		t.SetFillColor(255, 255, 255)
		t.SetDrawColor(255, 255, 255)
		t.SetLineWidth(0.2 * em1)
		shape(t, m.shape, c, c, 1, "FD")
		t.SetFillColor(rgbInts(fill))
		t.SetDrawColor(rgbInts(edge))
		t.SetLineWidth(0.06 * em1)
		shape(t, m.shape, c, c, 1, "FD")
	})
}

// shape draws a mark's shape centred on (x, y) for a circle of radius r.
func shape(pdf pen, s bmc.MarkShape, x, y, r float64, style string) {
	corners := s.Corners(x, y, r)
	if len(corners) == 0 {
		pdf.Circle(x, y, r, style)
		return
	}
	pts := make([]gofpdf.PointType, len(corners))
	for i, c := range corners {
		pts[i] = gofpdf.PointType{X: c[0], Y: c[1]}
	}
	pdf.Polygon(pts, style)
}

// Status badge colours, as on screen: each status also has its own
// symbol (a question mark, a tick, a cross), which mono keeps.
var (
	hypothesisColor  = rgb{0xf5, 0x9e, 0x0b}
	validatedColor   = rgb{0x2e, 0x7d, 0x32}
	invalidatedColor = rgb{0xc6, 0x28, 0x28}
)

// badge draws a status badge: a disc of radius r centred on (x, y) with
// the status's symbol. In mono the disc is white with a dark edge.
func (d *drawer) badge(st bmc.Status, x, y, r float64, faded bool) {
	disc, symbol := hypothesisColor, inkColor
	switch st {
	case bmc.StatusValidated:
		disc, symbol = validatedColor, rgb{0xff, 0xff, 0xff}
	case bmc.StatusInvalidated:
		disc, symbol = invalidatedColor, rgb{0xff, 0xff, 0xff}
	}
	edge := disc
	if d.ink == InkMono {
		disc, edge, symbol = rgb{0xff, 0xff, 0xff}, inkColor, inkColor
	}
	if faded {
		disc, edge, symbol = fade(disc), fade(edge), fade(symbol)
	}
	disc, edge, symbol = inked(d.ink, disc), inked(d.ink, edge), inked(d.ink, symbol)
	var question *glyphArt
	if st != bmc.StatusValidated && st != bmc.StatusInvalidated {
		// the question mark is drawn, not written: it is a sign, not text
		tf := d.fonts.typeface(d.fonts.bold)
		face := tf.ResolveFace('?')
		if gid, ok := face.NominalGlyph('?'); ok {
			if a := d.art(face, gid); a.outline != nil {
				question = a
				if d.pdf != nil {
					d.template(a, symbol) // made outside the stamp's template
				}
			}
		}
	}
	d.stamp(stampKey{status: st, fill: disc, edge: edge, symbol: symbol}, x, y, r, func(t pen, c float64) {
		t.SetFillColor(rgbInts(disc))
		t.SetDrawColor(rgbInts(edge))
		t.SetLineWidth(0.18)
		t.Circle(c, c, 1, "FD")
		t.SetDrawColor(rgbInts(symbol))
		t.SetLineWidth(0.26)
		t.SetLineCapStyle("round")
		line := func(x1, y1, x2, y2 float64) { t.Line(c+2*x1-1, c+2*y1-1, c+2*x2-1, c+2*y2-1) }
		switch {
		case st == bmc.StatusValidated:
			line(0.26, 0.52, 0.44, 0.7)
			line(0.44, 0.7, 0.75, 0.32)
		case st == bmc.StatusInvalidated:
			line(0.32, 0.32, 0.68, 0.68)
			line(0.68, 0.32, 0.32, 0.68)
		case question != nil:
			em := 2 * 0.78 // the question mark's size, in mm per em at radius 1
			w := question.box[2] - 2*glyphMargin
			left := c - w*em/2 - glyphMargin*em
			d.glyphOn(t, question, left-question.box[0]*em, c+0.36*em, em, symbol)
		}
	})
}

// onceTpl is a template whose ID (a SHA-1 of its content, which the PDF
// writer works out three times each time the template is placed) is
// worked out once.
type onceTpl struct {
	gofpdf.Template
	id string
}

func (t *onceTpl) ID() string { return t.id }

func idOnce(t gofpdf.Template) gofpdf.Template { return &onceTpl{t, t.ID()} }
