package export

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/srwiley/rasterx"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// rasterSink paints a poster page into a picture: paths are filled by
// x/image/vector, each within its own bounding box (so that a glyph costs
// what its few pixels cost, not the page's), and stroked by rasterx,
// which turns a stroke, its caps, joins and dashes into a shape to fill.
type rasterSink struct {
	img    *image.RGBA
	r      *vector.Rasterizer // shared by the pages of a poster: its buffers grow once
	dasher *rasterx.Dasher
	// shape collects the outline rasterx makes of a stroke.
	shape strokeShape
	// pics holds each colour glyph drawn so far, by glyph, width and ink.
	pics map[picKey]*image.RGBA
}

type picKey struct {
	cg   *colourGlyph
	w    int
	mono bool
}

// newRasterSink returns a sink that paints into img, made white first.
func newRasterSink(img *image.RGBA, r *vector.Rasterizer) *rasterSink {
	s := &rasterSink{img: img, r: r, pics: map[picKey]*image.RGBA{}}
	draw.Draw(s.img, s.img.Bounds(), image.White, image.Point{}, draw.Src)
	s.shape.sink = s
	s.dasher = rasterx.NewDasher(img.Bounds().Dx(), img.Bounds().Dy(), &s.shape)
	return s
}

func opaque(c rgb) color.RGBA { return color.RGBA{c[0], c[1], c[2], 0xff} }

// fill paints the area a path encloses (the nonzero rule) in colour c,
// closing each subpath as PDF does.
func (s *rasterSink) fill(p []pathOp, c rgb) { s.fillEdges(p, c, true) }

// fillEdges paints the area a path's edges enclose; with closing unset,
// a new subpath does not close the one before: rasterx's outline of a
// stroke is a set of edges that enclose it only together.
func (s *rasterSink) fillEdges(p []pathOp, c rgb, closing bool) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, op := range p {
		n := 1
		if op.op == 'C' {
			n = 3
		} else if op.op == 'Z' {
			n = 0
		}
		for _, pt := range op.pts[:n] {
			minX, maxX = min(minX, pt[0]), max(maxX, pt[0])
			minY, maxY = min(minY, pt[1]), max(maxY, pt[1])
		}
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1)
	box = box.Intersect(s.img.Bounds())
	if box.Empty() {
		return
	}
	// A large shape (the frame of a block that fills a page) is filled in
	// bands of rows, so that the rasterizer's buffers stay small: each
	// row's coverage depends only on the edges that cross it.
	bandH := box.Dy()
	if box.Dx()*bandH > maxFillSamples {
		bandH = max(1, maxFillSamples/box.Dx())
	}
	src := image.NewUniform(opaque(c))
	for y0 := box.Min.Y; y0 < box.Max.Y; y0 += bandH {
		band := image.Rect(box.Min.X, y0, box.Max.X, min(y0+bandH, box.Max.Y))
		s.addPath(p, band, closing)
		s.r.Draw(s.img, band, src, image.Point{})
	}
}

// maxFillSamples bounds the pixels the rasterizer covers in one pass.
const maxFillSamples = 1 << 21

// addPath gives the rasterizer path p in the coordinates of band,
// closing each subpath when closing is set.
func (s *rasterSink) addPath(p []pathOp, band image.Rectangle, closing bool) {
	ox, oy := float64(band.Min.X), float64(band.Min.Y)
	f := func(pt [2]float64) (float32, float32) { return float32(pt[0] - ox), float32(pt[1] - oy) }
	s.r.Reset(band.Dx(), band.Dy())
	s.r.DrawOp = draw.Over
	open := false
	for _, op := range p {
		switch op.op {
		case 'M':
			if open && closing {
				s.r.ClosePath()
			}
			s.r.MoveTo(f(op.pts[0]))
			open = true
		case 'L':
			s.r.LineTo(f(op.pts[0]))
		case 'C':
			bx, by := f(op.pts[0])
			cx, cy := f(op.pts[1])
			dx, dy := f(op.pts[2])
			s.r.CubeTo(bx, by, cx, cy, dx, dy)
		case 'Z':
			if open {
				s.r.ClosePath()
			}
			open = false
		}
	}
	if open && closing {
		s.r.ClosePath()
	}
}

func (s *rasterSink) path(p []pathOp, st strokeStyle) {
	if st.fill {
		s.fill(p, st.fillColour)
	}
	if st.lines && st.width > 0 {
		s.stroke(p, st)
	}
}

// stroke paints a path's stroke: rasterx outlines it into s.shape, which
// fills the outline.
func (s *rasterSink) stroke(p []pathOp, st strokeStyle) {
	capFn := rasterx.ButtCap
	switch st.cap {
	case "round":
		capFn = rasterx.RoundCap
	case "square":
		capFn = rasterx.SquareCap
	}
	join, gap := rasterx.Miter, rasterx.FlatGap
	switch st.join {
	case "round":
		join, gap = rasterx.Round, rasterx.RoundGap
	case "bevel":
		join = rasterx.Bevel
	}
	d := s.dasher
	d.SetStroke(fixed.Int26_6(st.width*64), 10*64, capFn, nil, gap, join, st.dashes, st.dashPhase)
	fx := func(pt [2]float64) fixed.Point26_6 {
		return fixed.Point26_6{X: fixed.Int26_6(math.Round(pt[0] * 64)), Y: fixed.Int26_6(math.Round(pt[1] * 64))}
	}
	started := false
	for _, op := range p {
		switch op.op {
		case 'M':
			if started {
				d.Stop(false)
			}
			d.Start(fx(op.pts[0]))
			started = true
		case 'L':
			d.Line(fx(op.pts[0]))
		case 'C':
			d.CubeBezier(fx(op.pts[0]), fx(op.pts[1]), fx(op.pts[2]))
		case 'Z':
			if started {
				d.Stop(true)
			}
			started = false
		}
	}
	if started {
		d.Stop(false)
	}
	s.shape.colour = st.colour
	d.Draw()
	d.Clear()
}

// glyph fills an outline glyph: its path in font units (y up) placed at
// the pen position (x, y), em pixels per em.
func (s *rasterSink) glyph(a *glyphArt, x, y, em float64, c rgb) {
	k := em / a.upem
	pt := func(p font.SegmentPoint) [2]float64 { return [2]float64{x + float64(p.X)*k, y - float64(p.Y)*k} }
	p := make([]pathOp, 0, len(a.outline))
	var cur [2]float64
	for _, seg := range a.outline {
		switch seg.Op {
		case ot.SegmentOpMoveTo:
			cur = pt(seg.Args[0])
			p = append(p, pathOp{op: 'M', pts: [3][2]float64{cur}})
		case ot.SegmentOpLineTo:
			cur = pt(seg.Args[0])
			p = append(p, pathOp{op: 'L', pts: [3][2]float64{cur}})
		case ot.SegmentOpQuadTo:
			q, e := pt(seg.Args[0]), pt(seg.Args[1])
			c1 := [2]float64{cur[0] + 2*(q[0]-cur[0])/3, cur[1] + 2*(q[1]-cur[1])/3}
			c2 := [2]float64{e[0] + 2*(q[0]-e[0])/3, e[1] + 2*(q[1]-e[1])/3}
			p = append(p, pathOp{op: 'C', pts: [3][2]float64{c1, c2, e}})
			cur = e
		case ot.SegmentOpCubeTo:
			cur = pt(seg.Args[2])
			p = append(p, pathOp{op: 'C', pts: [3][2]float64{pt(seg.Args[0]), pt(seg.Args[1]), cur}})
		}
	}
	s.fill(p, c)
}

// picture draws a colour glyph scaled to its place.
func (s *rasterSink) picture(cg *colourGlyph, x, y, em float64, mono bool) {
	dst := image.Rect(int(math.Round(x+cg.left*em)), int(math.Round(y-cg.top*em)),
		int(math.Round(x+(cg.left+cg.w)*em)), int(math.Round(y+(cg.h-cg.top)*em)))
	if dst.Empty() {
		return
	}
	k := picKey{cg, dst.Dx(), mono}
	pic, ok := s.pics[k]
	if !ok {
		src := cg.draw(max(dst.Dx(), 16))
		if src != nil {
			if mono {
				src = grey(src)
			}
			pic = image.NewRGBA(image.Rect(0, 0, dst.Dx(), dst.Dy()))
			xdraw.CatmullRom.Scale(pic, pic.Bounds(), src, src.Bounds(), xdraw.Src, nil)
		}
		s.pics[k] = pic
	}
	if pic != nil {
		draw.Draw(s.img, dst, pic, image.Point{}, draw.Over)
	}
}

func (s *rasterSink) text(string, float64, float64, float64, float64) {}

// strokeShape is the rasterx scanner that receives the outline of a
// stroke and fills it on the sink.
type strokeShape struct {
	sink   *rasterSink
	colour rgb
	p      []pathOp
}

var _ rasterx.Scanner = (*strokeShape)(nil)

func (t *strokeShape) Start(a fixed.Point26_6) {
	t.p = append(t.p, pathOp{op: 'M', pts: [3][2]float64{{float64(a.X) / 64, float64(a.Y) / 64}}})
}

func (t *strokeShape) Line(b fixed.Point26_6) {
	t.p = append(t.p, pathOp{op: 'L', pts: [3][2]float64{{float64(b.X) / 64, float64(b.Y) / 64}}})
}

func (t *strokeShape) Draw() {
	if len(t.p) > 0 {
		t.sink.fillEdges(t.p, t.colour, false)
	}
}

func (t *strokeShape) Clear()                  { t.p = t.p[:0] }
func (t *strokeShape) SetBounds(int, int)      {}
func (t *strokeShape) SetColor(any)            {}
func (t *strokeShape) SetWinding(bool)         {}
func (t *strokeShape) SetClip(image.Rectangle) {}
func (t *strokeShape) GetPathExtent() fixed.Rectangle26_6 {
	return fixed.Rectangle26_6{}
}
