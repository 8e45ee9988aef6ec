package export

import (
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// A poster is laid out once (layout.go) and drawn by one drawer (pdf.go)
// onto one of several back ends: the PDF writer, or a pathPen that hands
// what it draws to a picture (png.go) or an SVG document (svg.go). The
// drawer's vector work goes through pen, whose operations are named and
// behave as the PDF writer's, so that a *gofpdf.Fpdf is a pen as it is.

// pen is the vector drawing a poster is made of, in millimetres from the
// page's top left corner. Styles are the PDF writer's: "F" fills, "D"
// strokes, "FD" does both.
type pen interface {
	SetFillColor(r, g, b int)
	SetDrawColor(r, g, b int)
	SetLineWidth(w float64)
	SetLineCapStyle(style string)
	SetLineJoinStyle(style string)
	SetDashPattern(dashes []float64, phase float64)
	Line(x1, y1, x2, y2 float64)
	Rect(x, y, w, h float64, style string)
	Circle(x, y, r float64, style string)
	Polygon(points []gofpdf.PointType, style string)
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64)
	ClosePath()
	DrawPath(style string)
}

var _ pen = (*gofpdf.Fpdf)(nil)

// pathOp is one step of a path: move, line, cubic curve or close.
type pathOp struct {
	op  byte // 'M', 'L', 'C' or 'Z'
	pts [3][2]float64
}

// strokeStyle is how a path is stroked, in the sink's units.
type strokeStyle struct {
	width       float64
	cap, join   string
	dashes      []float64
	dashPhase   float64
	colour      rgb
	fillColour  rgb
	fill, lines bool
}

// sink receives what a pathPen draws, in its own units (the pen's
// transform applied): filled and stroked paths, glyphs and colour glyphs.
type sink interface {
	path(p []pathOp, st strokeStyle)
	// glyph fills an outline glyph whose pen position is (x, y) on the
	// baseline, at em units per em.
	glyph(a *glyphArt, x, y, em float64, c rgb)
	// picture draws a colour glyph whose pen position is (x, y), at em
	// units per em; mono draws it in greys.
	picture(cg *colourGlyph, x, y, em float64, mono bool)
	// text writes a line of text, left end x, baseline y, w wide at size
	// units per em, invisibly, for search; sinks without text ignore it.
	text(s string, x, y, w, size float64)
}

// pathPen is a pen that turns every drawing operation into paths for a
// sink, mapping millimetres to the sink's units by a scale and an offset.
type pathPen struct {
	out    sink
	k      float64 // sink units per millimetre
	dx, dy float64 // where the page's top left corner lands
	st     strokeStyle
	p      []pathOp
}

func newPathPen(out sink, k float64) *pathPen {
	return &pathPen{out: out, k: k, st: strokeStyle{width: 0.2 * k, cap: "butt", join: "miter"}}
}

// at returns a pen drawing on the same sink in a frame whose origin is
// (x, y) and whose unit is s millimetres: for stamps, drawn at radius 1.
func (pp *pathPen) at(x, y, s float64) *pathPen {
	sub := *pp
	sub.dx, sub.dy = pp.dx+x*pp.k, pp.dy+y*pp.k
	sub.k = pp.k * s
	sub.st.dashes = append([]float64(nil), pp.st.dashes...)
	sub.p = nil
	return &sub
}

func (pp *pathPen) pt(x, y float64) [2]float64 { return [2]float64{x*pp.k + pp.dx, y*pp.k + pp.dy} }

func (pp *pathPen) SetFillColor(r, g, b int)  { pp.st.fillColour = rgb{uint8(r), uint8(g), uint8(b)} }
func (pp *pathPen) SetDrawColor(r, g, b int)  { pp.st.colour = rgb{uint8(r), uint8(g), uint8(b)} }
func (pp *pathPen) SetLineWidth(w float64)    { pp.st.width = w * pp.k }
func (pp *pathPen) SetLineCapStyle(s string)  { pp.st.cap = s }
func (pp *pathPen) SetLineJoinStyle(s string) { pp.st.join = s }

func (pp *pathPen) SetDashPattern(dashes []float64, phase float64) {
	pp.st.dashes = pp.st.dashes[:0]
	for _, d := range dashes {
		pp.st.dashes = append(pp.st.dashes, d*pp.k)
	}
	pp.st.dashPhase = phase * pp.k
}

func (pp *pathPen) MoveTo(x, y float64) {
	pp.p = append(pp.p, pathOp{op: 'M', pts: [3][2]float64{pp.pt(x, y)}})
}
func (pp *pathPen) LineTo(x, y float64) {
	pp.p = append(pp.p, pathOp{op: 'L', pts: [3][2]float64{pp.pt(x, y)}})
}
func (pp *pathPen) ClosePath() { pp.p = append(pp.p, pathOp{op: 'Z'}) }

func (pp *pathPen) CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y float64) {
	pp.p = append(pp.p, pathOp{op: 'C', pts: [3][2]float64{pp.pt(cx0, cy0), pp.pt(cx1, cy1), pp.pt(x, y)}})
}

// DrawPath hands the path built so far to the sink and starts a new one.
func (pp *pathPen) DrawPath(style string) {
	st := pp.st
	style = strings.ToUpper(style)
	st.fill = strings.Contains(style, "F")
	st.lines = strings.Contains(style, "D") || !st.fill
	if len(pp.p) > 0 {
		pp.out.path(pp.p, st)
	}
	pp.p = nil
}

func (pp *pathPen) Line(x1, y1, x2, y2 float64) {
	pp.MoveTo(x1, y1)
	pp.LineTo(x2, y2)
	pp.DrawPath("D")
}

func (pp *pathPen) Rect(x, y, w, h float64, style string) {
	pp.MoveTo(x, y)
	pp.LineTo(x+w, y)
	pp.LineTo(x+w, y+h)
	pp.LineTo(x, y+h)
	pp.ClosePath()
	pp.DrawPath(style)
}

// Circle draws a circle as four cubic curves, as the PDF writer does.
func (pp *pathPen) Circle(x, y, r float64, style string) {
	const k = 4 * (math.Sqrt2 - 1) / 3 // control points of a quarter circle
	c := k * r
	pp.MoveTo(x+r, y)
	pp.CurveBezierCubicTo(x+r, y+c, x+c, y+r, x, y+r)
	pp.CurveBezierCubicTo(x-c, y+r, x-r, y+c, x-r, y)
	pp.CurveBezierCubicTo(x-r, y-c, x-c, y-r, x, y-r)
	pp.CurveBezierCubicTo(x+c, y-r, x+r, y-c, x+r, y)
	pp.ClosePath()
	pp.DrawPath(style)
}

func (pp *pathPen) Polygon(points []gofpdf.PointType, style string) {
	for i, p := range points {
		if i == 0 {
			pp.MoveTo(p.X, p.Y)
		} else {
			pp.LineTo(p.X, p.Y)
		}
	}
	pp.ClosePath()
	pp.DrawPath(style)
}

// glyph fills an outline glyph in colour c, its pen position at (x, y)
// on the baseline, at em millimetres per em.
func (pp *pathPen) glyph(a *glyphArt, x, y, em float64, c rgb) {
	p := pp.pt(x, y)
	pp.out.glyph(a, p[0], p[1], em*pp.k, c)
}

// picture draws a colour glyph, its pen position at (x, y).
func (pp *pathPen) picture(cg *colourGlyph, x, y, em float64, mono bool) {
	p := pp.pt(x, y)
	pp.out.picture(cg, p[0], p[1], em*pp.k, mono)
}

// text writes a line invisibly, for search (SVG only).
func (pp *pathPen) text(s string, x, y, w, size float64) {
	p := pp.pt(x, y)
	pp.out.text(s, p[0], p[1], w*pp.k, size*pp.k)
}
