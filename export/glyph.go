package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/jung-kurt/gofpdf"
	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
	xdraw "golang.org/x/image/draw"
)

// Text reaches the page in one of two ways. A run of a font the PDF
// writer embeds (Noto Sans, the --font), whose glyphs are the font's own
// for each character, left to right, is written as text, as any PDF
// does. Everything else (other scripts, shaped scripts such as Arabic,
// combining marks, emoji) is drawn glyph by glyph from the fonts the text
// was shaped with: outlines as filled paths, defined once per glyph as a
// form XObject (a gofpdf template) and placed where HarfBuzz put them;
// colour glyphs as images. Under those drawings each word is also
// written as invisible text in a marked-content span whose /ActualText
// holds the word, so that search, copy and pdftotext find it.

// glyphKey names a glyph of a font.
type glyphKey struct {
	font *font.Font
	gid  font.GID
}

// glyphArt is how a glyph is drawn: nothing (a space), an outline, or a
// colour image.
type glyphArt struct {
	// outline is an outline glyph's path in font units (y up), upem the
	// font's units per em; nil for none.
	outline []font.Segment
	upem    float64
	// box is the template's box in ems: left, bottom (y up), width and
	// height.
	box [4]float64
	// tpls holds the glyph's template in each colour drawn so far: the
	// PDF writer starts every template by setting the fill colour its
	// document had when the template was made.
	tpls map[rgb]gofpdf.Template
	// colour is set for colour glyphs (SVG or bitmap).
	colour *colourGlyph
}

// colourGlyph is a colour glyph's picture and where it goes, in ems
// from the pen position (y up).
type colourGlyph struct {
	left, top, w, h float64
	// draw returns the picture at a width of px pixels; nil if it cannot
	// be drawn.
	draw func(px int) image.Image
	// names holds the PDF image name registered for each size and ink;
	// id numbers the glyph in the poster.
	names map[string]bool
	id    int
}

// glyphMargin is the room left around a glyph's outline in its template,
// in ems: the PDF writer rounds the template's box to 0.01 pt.
const glyphMargin = 0.02

// art returns how to draw a glyph, making its template the first time.
func (d *drawer) art(face *font.Face, gid font.GID) *glyphArt {
	k := glyphKey{face.Font, gid}
	if a, ok := d.glyphs[k]; ok {
		return a
	}
	a := &glyphArt{}
	d.glyphs[k] = a
	upem := float64(face.Upem())
	switch g := face.GlyphData(gid).(type) {
	case font.GlyphOutline:
		d.outlineArt(a, g, upem)
	case font.GlyphSVG:
		a.colour = svgGlyph(face, gid, g, upem)
	case font.GlyphBitmap:
		a.colour = bitmapGlyph(face, gid, g, upem)
		if a.colour == nil && g.Outline != nil && len(g.Outline.Segments) > 0 {
			d.outlineArt(a, *g.Outline, upem)
		}
	}
	if a.colour != nil {
		d.colourGlyphs++
		a.colour.id = d.colourGlyphs
	}
	return a
}

// outlineArt keeps an outline glyph's path and box.
func (d *drawer) outlineArt(a *glyphArt, g font.GlyphOutline, upem float64) {
	if len(g.Segments) == 0 {
		return
	}
	xMin, yMin := math.Inf(1), math.Inf(1)
	xMax, yMax := math.Inf(-1), math.Inf(-1)
	for _, s := range g.Segments {
		for _, p := range s.ArgsSlice() {
			xMin, xMax = min(xMin, float64(p.X)), max(xMax, float64(p.X))
			yMin, yMax = min(yMin, float64(p.Y)), max(yMax, float64(p.Y))
		}
	}
	left, bottom := xMin/upem-glyphMargin, yMin/upem-glyphMargin
	w, h := (xMax-xMin)/upem+2*glyphMargin, (yMax-yMin)/upem+2*glyphMargin
	a.outline, a.upem = g.Segments, upem
	a.box = [4]float64{left, bottom, w, h}
}

// pdfPath returns the PDF drawing of an outline glyph for its template:
// its path in font units, scaled so that the template measures one
// millimetre per em.
func (a *glyphArt) pdfPath() string {
	left, bottom, upem := a.box[0], a.box[1], a.upem
	k := 72 / 25.4 // points per millimetre
	var b []byte
	b = append(b, "q "...)
	b = appendNum(b, k/upem, 8)
	b = append(b, " 0 0 "...)
	b = appendNum(b, k/upem, 8)
	b = append(b, ' ')
	b = appendNum(b, -left*k, 4)
	b = append(b, ' ')
	b = appendNum(b, -bottom*k, 4)
	b = append(b, " cm\n"...)
	var cur font.SegmentPoint
	for _, s := range a.outline {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			cur = s.Args[0]
			b = appendPoints(b, "m\n", cur)
		case ot.SegmentOpLineTo:
			cur = s.Args[0]
			b = appendPoints(b, "l\n", cur)
		case ot.SegmentOpQuadTo:
			q, p := s.Args[0], s.Args[1]
			c1 := font.SegmentPoint{X: cur.X + 2*(q.X-cur.X)/3, Y: cur.Y + 2*(q.Y-cur.Y)/3}
			c2 := font.SegmentPoint{X: p.X + 2*(q.X-p.X)/3, Y: p.Y + 2*(q.Y-p.Y)/3}
			b = appendPoints(b, "c\n", c1, c2, p)
			cur = p
		case ot.SegmentOpCubeTo:
			b = appendPoints(b, "c\n", s.Args[0], s.Args[1], s.Args[2])
			cur = s.Args[2]
		}
	}
	b = append(b, "f Q"...)
	return string(b)
}

// template returns the glyph's template in colour c.
func (d *drawer) template(a *glyphArt, c rgb) gofpdf.Template {
	if t, ok := a.tpls[c]; ok {
		return t
	}
	if a.tpls == nil {
		a.tpls = map[rgb]gofpdf.Template{}
	}
	path := a.pdfPath()
	d.pdf.SetFillColor(rgbInts(c))
	t := idOnce(d.pdf.CreateTemplateCustom(gofpdf.PointType{}, gofpdf.SizeType{Wd: a.box[2], Ht: a.box[3]}, func(t *gofpdf.Tpl) {
		t.RawWriteStr(path)
	}))
	a.tpls[c] = t
	return t
}

func appendPoints(b []byte, op string, ps ...font.SegmentPoint) []byte {
	for _, p := range ps {
		b = appendNum(b, float64(p.X), 1)
		b = append(b, ' ')
		b = appendNum(b, float64(p.Y), 1)
		b = append(b, ' ')
	}
	return append(b, op...)
}

// appendNum writes v with at most prec decimals and no trailing zeros.
func appendNum(b []byte, v float64, prec int) []byte {
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[n:]) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// svgGlyph returns the colour glyph of an SVG glyph, drawn the way the
// editor draws it (go-text/render: the SVG's view box stretched over the
// glyph's extents, keeping its aspect).
func svgGlyph(face *font.Face, gid font.GID, g font.GlyphSVG, upem float64) *colourGlyph {
	ext, ok := face.GlyphExtents(gid)
	if !ok || ext.Width <= 0 || ext.Height >= 0 {
		return nil
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(g.Source), oksvg.IgnoreErrorMode)
	if err != nil || icon.ViewBox.W <= 0 || icon.ViewBox.H <= 0 {
		return nil
	}
	w, h := float64(ext.Width)/upem, -float64(ext.Height)/upem
	aspect := icon.ViewBox.W / icon.ViewBox.H
	if w/h > aspect {
		w = h * aspect
	} else {
		h = w / aspect
	}
	var mu sync.Mutex // oksvg icons are changed by drawing
	return &colourGlyph{left: float64(ext.XBearing) / upem, top: float64(ext.YBearing) / upem, w: w, h: h,
		names: map[string]bool{},
		draw: func(px int) image.Image {
			mu.Lock()
			defer mu.Unlock()
			pw, ph := px, max(1, int(math.Round(float64(px)/aspect)))
			icon.SetTarget(icon.ViewBox.X, icon.ViewBox.Y, float64(pw), float64(ph))
			img := image.NewNRGBA(image.Rect(0, 0, pw, ph))
			scanner := rasterx.NewScannerGV(pw, ph, img, img.Bounds())
			icon.Draw(rasterx.NewDasher(pw, ph, scanner), 1)
			return img
		}}
}

// bitmapGlyph returns the colour glyph of a bitmap glyph (such as Noto
// Color Emoji's PNGs), placed on the glyph's extents.
func bitmapGlyph(face *font.Face, gid font.GID, g font.GlyphBitmap, upem float64) *colourGlyph {
	if g.Format != font.PNG && g.Format != font.JPG {
		return nil
	}
	pic, _, err := image.Decode(bytes.NewReader(g.Data))
	if err != nil || pic.Bounds().Empty() {
		return nil
	}
	ext, ok := face.GlyphExtents(gid)
	if !ok || ext.Width <= 0 || ext.Height >= 0 {
		return nil
	}
	return &colourGlyph{left: float64(ext.XBearing) / upem, top: float64(ext.YBearing) / upem,
		w: float64(ext.Width) / upem, h: -float64(ext.Height) / upem, names: map[string]bool{},
		draw: func(int) image.Image { return pic }}
}

// colourDPI is the resolution colour glyphs are drawn at on paper.
const colourDPI = 300

// drawColour places a colour glyph with its pen position at (x, y) (the
// baseline) at em millimetres per em.
func (d *drawer) drawColour(cg *colourGlyph, x, y, em float64) {
	if pp, ok := d.pen.(*pathPen); ok {
		pp.picture(cg, x, y, em, d.ink == InkMono)
		return
	}
	wmm := cg.w * em
	px := 32
	for px < 1024 && float64(px) < wmm/25.4*colourDPI {
		px *= 2
	}
	name := fmt.Sprintf("glyph%d-%d-%s", cg.id, px, d.ink)
	if !cg.names[name] {
		// The PDF writer orders images only by their width, and images as
		// wide as each other in no fixed order; so that a poster always
		// gives the same bytes, no two are as wide.
		w := px
		for d.imageWidths[w] {
			w++
		}
		d.imageWidths[w] = true
		pic := cg.draw(w)
		if pic == nil {
			return
		}
		if b := pic.Bounds(); b.Dx() != w {
			h := max(1, int(math.Round(float64(b.Dy())*float64(w)/float64(b.Dx()))))
			scaled := image.NewNRGBA(image.Rect(0, 0, w, h))
			xdraw.BiLinear.Scale(scaled, scaled.Bounds(), pic, b, xdraw.Src, nil)
			pic = scaled
		}
		if d.ink == InkMono {
			pic = grey(pic)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, pic); err != nil {
			return
		}
		d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, &buf)
		cg.names[name] = true
	}
	d.pdf.ImageOptions(name, x+cg.left*em, y-cg.top*em, wmm, cg.h*em, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}

// grey returns pic without colour: each pixel's luminance, its alpha kept.
func grey(pic image.Image) image.Image {
	b := pic.Bounds()
	out := image.NewNRGBA(b)
	draw.Draw(out, b, pic, b.Min, draw.Src)
	for i := 0; i < len(out.Pix); i += 4 {
		c := color.NRGBA{out.Pix[i], out.Pix[i+1], out.Pix[i+2], 0}
		l := luminance(rgb{c.R, c.G, c.B})
		out.Pix[i], out.Pix[i+1], out.Pix[i+2] = l, l, l
	}
	return out
}

// simpleRun reports whether a run can be written as text in a font the
// PDF writer embeds: left to right, one glyph per character, each the
// font's own glyph for it and not moved, and no character beyond U+FFFF.
// (Kerning may change the advances; the writer sets the text without it.)
func simpleRun(r glyphRun) bool {
	if r.rtl || len(r.glyphs) != r.end-r.start {
		return false
	}
	for i, g := range r.glyphs {
		c := r.text[r.start+i]
		if c > 0xFFFF || g.ClusterIndex != r.start+i || g.XOffset != 0 || g.YOffset != 0 {
			return false
		}
		if gid, ok := r.face.NominalGlyph(c); !ok || gid != g.GlyphID {
			return false
		}
	}
	return true
}

// simpleText reports whether a line can be written as text in tf's
// primary font without shaping it first: every character is the
// font's, none needs a shaper (combining marks, joiners, scripts that
// join or reorder), and none lies beyond U+FFFF.
func simpleText(tf *typeface, s string) bool {
	for _, r := range s {
		if r >= 0x20 && r < 0x7F {
			continue // Noto Sans has every printable ASCII character
		}
		if r >= 0x0250 && !(r >= 0x1E00 && r <= 0x1FFF) && !(r >= 0x2000 && r <= 0x20CF) &&
			!unicode.In(r, unicode.Greek, unicode.Cyrillic) {
			return false
		}
		if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || !hasRune(tf.primary.Font, r) {
			return false
		}
	}
	return true
}

// drawLine draws one line of text set in base at size points, its left
// end at x and its baseline at y; rtl is the direction of its paragraph.
func (d *drawer) drawLine(base *face, line string, rtl bool, x, y, size float64) {
	tf := d.fonts.typeface(base)
	if d.pdf != nil && !rtl && simpleText(tf, line) {
		d.pdf.SetFont(base.family, base.style, size)
		d.pdf.Text(x, y, line)
		return
	}
	em := size * ptMM
	sl := d.fonts.shaper().layoutLine(tf, line, rtl)
	for _, run := range sl.runs {
		rx := x + run.x*em
		if d.pdf == nil {
			d.drawGlyphs(run, rx, y, em)
			continue
		}
		if pf := d.fonts.pdfFace(run.face.Font); pf != nil && simpleRun(run) {
			d.pdf.SetFont(pf.family, pf.style, size)
			d.pdf.Text(rx, y, string(run.text[run.start:run.end]))
			continue
		}
		d.drawGlyphs(run, rx, y, em)
		d.hiddenWords(run, rx, y, size)
	}
}

// drawGlyphs draws a run's glyphs from its left end at x on the baseline
// y, at em millimetres per em, in the current text colour.
func (d *drawer) drawGlyphs(run glyphRun, x, y, em float64) {
	pen := x
	scale := em / refPx / 64 // millimetres per 26.6 unit of the shaped size
	for _, g := range run.glyphs {
		gx, gy := pen+float64(g.XOffset)*scale, y-float64(g.YOffset)*scale
		pen += float64(g.XAdvance) * scale
		a := d.art(run.face, g.GlyphID)
		switch {
		case a.colour != nil:
			d.drawColour(a.colour, gx, gy, em)
		case a.outline != nil:
			d.glyphOn(d.pen, a, gx, gy, em, d.textColour)
		}
	}
}

// glyphOn fills an outline glyph on p in colour c, its pen position at
// (x, y) on the baseline, at em millimetres per em: on a PDF page or
// template, by placing the glyph's template.
func (d *drawer) glyphOn(p pen, a *glyphArt, x, y, em float64, c rgb) {
	switch p := p.(type) {
	case *pathPen:
		p.glyph(a, x, y, em, c)
	case *gofpdf.Fpdf:
		p.UseTemplateScaled(d.template(a, c), gofpdf.PointType{X: x + a.box[0]*em, Y: y - (a.box[1]+a.box[3])*em},
			gofpdf.SizeType{Wd: a.box[2] * em, Ht: a.box[3] * em})
	}
}

// hiddenWords writes the words of a drawn run as invisible text over the
// glyphs, each in a span whose /ActualText is the word: what search, copy
// and text extraction read. A right-to-left word is given in the order
// its letters are drawn, as PDF readers expect of right-to-left text.
func (d *drawer) hiddenWords(run glyphRun, x, y, size float64) {
	em := size * ptMM
	scale := em / refPx / 64
	// the left and right ends of each glyph cluster, by its first rune
	lefts, rights := map[int]float64{}, map[int]float64{}
	pen := x
	for _, g := range run.glyphs {
		l, r := pen, pen+float64(g.XAdvance)*scale
		if v, ok := lefts[g.ClusterIndex]; !ok || l < v {
			lefts[g.ClusterIndex] = l
		}
		rights[g.ClusterIndex] = max(rights[g.ClusterIndex], r)
		pen = r
	}
	pf := d.fonts.regular
	d.pdf.SetFont(pf.family, pf.style, size)
	for a := run.start; a < run.end; {
		if unicode.IsSpace(run.text[a]) {
			a++
			continue
		}
		b := a
		left, right := math.Inf(1), math.Inf(-1)
		for b < run.end && !unicode.IsSpace(run.text[b]) {
			if l, ok := lefts[b]; ok {
				left, right = min(left, l), max(right, rights[b])
			}
			b++
		}
		if right > left {
			d.hiddenWord(run.text[a:b], run.rtl, left, right, y, size)
		}
		a = b
	}
}

// hiddenWord writes one word as invisible text from left to right.
func (d *drawer) hiddenWord(word []rune, rtl bool, left, right, y, size float64) {
	actual := append([]rune(nil), word...)
	if rtl {
		for i, j := 0, len(actual)-1; i < j; i, j = i+1, j-1 {
			actual[i], actual[j] = actual[j], actual[i]
		}
	}
	// The invisible characters are the word's own where the PDF writer can
	// take them, for readers that ignore /ActualText.
	var inner []rune
	for _, r := range actual {
		if r <= 0xFFFF && !unicode.Is(unicode.Cf, r) {
			inner = append(inner, r)
		}
	}
	if len(inner) == 0 {
		inner = []rune{'\u00A0'}
	}
	innerText := string(inner)
	scale := 100.0
	if w := d.pdf.GetStringWidth(innerText); w > 0 {
		scale = 100 * (right - left) / w
	}
	var b strings.Builder
	b.WriteString("/Span <</ActualText <FEFF")
	for _, u := range utf16.Encode(actual) {
		fmt.Fprintf(&b, "%04X", u)
	}
	fmt.Fprintf(&b, ">>> BDC q 3 Tr %.2f Tz", scale)
	d.pdf.RawWriteStr(b.String())
	d.pdf.Text(left, y, innerText)
	d.pdf.RawWriteStr("Q EMC")
}
