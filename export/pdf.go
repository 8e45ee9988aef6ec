package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/jung-kurt/gofpdf"
)

// Templates list their resources in the PDF writer's global order, not
// their document's: sorted, so that the same canvas always gives the same
// bytes.
func init() { gofpdf.SetDefaultCatalogSort(true) }

// creationDate is written into every PDF instead of the time of export, so
// that the same canvas always gives the same bytes.
var creationDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// render draws the laid-out poster with gofpdf and writes the PDF to w:
// one page per poster page, or, with tile set, each page cut into sheets.
// compress is off only in tests that read the drawing operators.
var compress = true

func render(w io.Writer, in layoutInput, p *poster, tile *Paper) (err error) {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: p.w, Ht: p.h}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false) // compressStreams compresses afterwards
	pdf.SetCreationDate(creationDate)
	pdf.SetModificationDate(creationDate)
	title := in.c.Title
	if title == "" {
		title = in.t.Name
	}
	subject := in.t.Name
	if in.c.DesignedFor != "" {
		subject += " for " + in.c.DesignedFor
	}
	pdf.SetTitle(metadata(title), true)
	pdf.SetAuthor(metadata(in.c.DesignedBy), true)
	pdf.SetSubject(metadata(subject), true)
	pdf.SetCreator("bmcanvas", true)
	pdf.SetKeywords(metadata(in.t.Name+", poster"), true)
	if err := addFonts(pdf, in.fonts); err != nil {
		return err
	}
	d := newDrawer(pdf, in.fonts, p.scale)
	d.ink, d.focus = in.ink, in.opt.Focus != ""
	if tile == nil {
		for _, pg := range p.pages {
			pdf.AddPage()
			d.page(pg)
		}
	} else if err := d.tiles(p, *tile, in); err != nil {
		return err
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("draw: %w", err)
	}
	if in.fonts.extra != nil {
		// The user's font passed checkTrueType, but the PDF writer's own
		// parser is less forgiving than ours: report its failure on such a
		// font as an error rather than crash.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%s: the PDF writer cannot embed this font: %v", in.opt.FontFile, r)
			}
		}()
	}
	var plain bytes.Buffer
	if err := pdf.Output(&plain); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	out := plain.Bytes()
	if compress {
		if out, err = compressStreams(out); err != nil {
			return err
		}
	}
	_, err = w.Write(out)
	return err
}

// addFonts embeds the faces; gofpdf subsets them to the characters used.
func addFonts(pdf *gofpdf.Fpdf, fs *fonts) (err error) {
	for _, f := range []*face{fs.regular, fs.bold, fs.extra} {
		if f == nil {
			continue
		}
		if f == fs.extra {
			err = addUserFont(pdf, f)
		} else {
			pdf.AddUTF8FontFromBytes(f.family, f.style, f.data)
		}
		if err == nil {
			err = pdf.Error()
		}
		if err != nil {
			name := f.file
			if name == "" {
				name = "built-in font"
			}
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// addUserFont embeds the user's font, turning a crash of the PDF writer's
// font parser into an error (see render).
func addUserFont(pdf *gofpdf.Fpdf, f *face) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the PDF writer cannot read it: %v", r)
		}
	}()
	pdf.AddUTF8FontFromBytes(f.family, f.style, f.data)
	return nil
}

// drawer draws laid-out pages on a pen: a gofpdf document, or a pathPen
// for pictures and SVG.
type drawer struct {
	// pen draws; pdf is the same pen when it is a PDF document, else nil.
	pen   pen
	pdf   *gofpdf.Fpdf
	fonts *fonts
	s     float64 // the poster's scale
	ink   Ink
	// focus is true when a segment is in focus.
	focus bool
	// textColour is the colour of the text being drawn, inked.
	textColour rgb
	// glyphs holds how each glyph drawn so far is drawn (glyph.go),
	// stamps the marks and badges drawn so far (stamp.go).
	glyphs       map[glyphKey]*glyphArt
	colourGlyphs int // how many colour glyphs glyphs holds
	imageWidths  map[int]bool
	stamps       map[stampKey]gofpdf.Template
}

func (d *drawer) page(pg *page) {
	for _, t := range pg.header {
		d.text(t)
	}
	d.pen.SetDrawColor(rgbInts(inked(d.ink, frameColor)))
	d.pen.SetLineWidth(0.2 * d.s)
	for _, f := range pg.fields {
		d.pen.Line(f.x, f.bottom(), f.right(), f.bottom())
	}
	for i := range pg.blocks {
		d.block(&pg.blocks[i])
	}
	for _, t := range pg.footer {
		d.text(t)
	}
}

func (d *drawer) block(bb *blockBox) {
	d.pen.SetDrawColor(rgbInts(inked(d.ink, frameColor)))
	d.pen.SetLineWidth(0.3 * d.s)
	d.roundedRect(bb.frame, 1.6*d.s, "D")
	d.text(bb.title)
	d.icon(bb.block.Icon, bb.icon)
	for _, t := range bb.prompts {
		d.text(t)
	}
	for i := range bb.notes {
		d.note(&bb.notes[i])
	}
}

// icon draws a block's line drawing in b.
func (d *drawer) icon(ic bmc.Icon, b box) {
	d.pen.SetDrawColor(rgbInts(inked(d.ink, labelColor)))
	d.pen.SetLineWidth(0.28 * d.s)
	d.pen.SetLineCapStyle("round")
	d.pen.SetLineJoinStyle("round")
	for _, sh := range ic.Shapes {
		if sh.Circle {
			d.pen.Circle(b.x+sh.X1*b.w, b.y+sh.Y1*b.h, sh.R*b.w, "D")
		} else {
			d.pen.Line(b.x+sh.X1*b.w, b.y+sh.Y1*b.h, b.x+sh.X2*b.w, b.y+sh.Y2*b.h)
		}
	}
	d.pen.SetLineCapStyle("butt")
	d.pen.SetLineJoinStyle("miter")
}

// note draws a sticky note: square like the paper ones, with a soft
// shadow in colour, or as a white card with an edge of its colour (light
// ink) or a grey edge (mono); then the text, the amount, and in its
// newDrawer returns a drawer on pdf with the fonts, at scale s.
func newDrawer(pdf *gofpdf.Fpdf, fs *fonts, s float64) *drawer {
	return &drawer{pen: pdf, pdf: pdf, fonts: fs, s: s, glyphs: map[glyphKey]*glyphArt{}, stamps: map[stampKey]gofpdf.Template{}, imageWidths: map[int]bool{}}
}

// lower right corner a mark per segment served and a status badge.
func (d *drawer) note(nb *noteBox) {
	em := nb.text.size * ptMM
	text := nb.text
	amount := nb.amount
	faded := nb.faded || nb.change.ghost() // a ghost: a note the newer version removed
	if faded {
		text.color, amount.color = fade(text.color), fade(amount.color)
	}
	card := box{nb.x, nb.y, nb.w - 0.12*em, nb.h - 0.18*em}
	switch d.ink {
	case InkLight, InkMono:
		edge, width := rgb{0x78, 0x78, 0x78}, 0.07*em
		if d.ink == InkLight {
			r, g, b := nb.note.Color.MarkRGB()
			edge, width = rgb{r, g, b}, 0.14*em
		}
		if faded {
			edge = fade(edge)
		} else if d.focus {
			// the focused segment's notes stand out by the weight of their
			// edges, not only by their colour
			edge, width = inked(d.ink, darken(edge)), 0.22*em
		}
		d.pen.SetFillColor(255, 255, 255)
		d.pen.SetDrawColor(rgbInts(inked(d.ink, edge)))
		d.pen.SetLineWidth(width)
		d.pen.Rect(card.x+width/2, card.y+width/2, card.w-width, card.h-width, "FD")
	default:
		fill, shadow := colorRGB(nb.note.Color), rgb{0xd4, 0xd8, 0xdb}
		if faded {
			fill, shadow = fade(fill), fade(shadow)
		}
		d.pen.SetFillColor(rgbInts(shadow))
		d.pen.Rect(nb.x+0.12*em, nb.y+0.18*em, nb.w-0.12*em, nb.h-0.18*em, "F")
		d.pen.SetFillColor(rgbInts(fill))
		d.pen.Rect(card.x, card.y, card.w, card.h, "F")
	}
	d.text(text)
	if nb.note.Status == bmc.StatusInvalidated {
		d.strike(text)
	}
	d.text(amount)
	d.votes(nb)
	x := card.right() - notePadEm*em - nb.dot/2
	y := card.bottom() - notePadEm*em - nb.dot/2
	for i := len(nb.marks) - 1; i >= 0; i-- {
		d.mark(nb.marks[i], x, y, nb.dot/2, em, faded)
		x -= nb.dot * 1.4
	}
	if nb.badge {
		d.badge(nb.note.Status, x-0.1*nb.dot, y, nb.dot*0.62, faded)
	}
	d.change(nb)
}

// roundedRect draws b with corners of radius r. (gofpdf's RoundedRect
// leaves a graphics state saved, which breaks the transforms of tiling.)
func (d *drawer) roundedRect(b box, r float64, style string) {
	const k = 0.5523 // places Bézier control points to approximate a quarter circle
	r = min(r, b.w/2, b.h/2)
	x0, y0, x1, y1 := b.x, b.y, b.right(), b.bottom()
	p := d.pen
	p.MoveTo(x0+r, y0)
	p.LineTo(x1-r, y0)
	p.CurveBezierCubicTo(x1-r+k*r, y0, x1, y0+r-k*r, x1, y0+r)
	p.LineTo(x1, y1-r)
	p.CurveBezierCubicTo(x1, y1-r+k*r, x1-r+k*r, y1, x1-r, y1)
	p.LineTo(x0+r, y1)
	p.CurveBezierCubicTo(x0+r-k*r, y1, x0, y1-r+k*r, x0, y1-r)
	p.LineTo(x0, y0+r)
	p.CurveBezierCubicTo(x0, y0+r-k*r, x0+r-k*r, y0, x0+r, y0)
	p.ClosePath()
	p.DrawPath(style)
}

// text draws a text box line by line (see drawLine).
func (d *drawer) text(t textBox) {
	base := d.fonts.regular
	if t.bold {
		base = d.fonts.bold
	}
	d.textColour = inked(d.ink, t.color)
	if d.pdf != nil {
		d.pdf.SetTextColor(rgbInts(d.textColour))
	}
	for i, line := range t.lines {
		x := t.x
		if t.right || d.pdf == nil {
			w := d.fonts.drawnWidth(base, line, t.size)
			if t.right {
				x = t.x + t.w - w
			}
			if pp, ok := d.pen.(*pathPen); ok {
				pp.text(line, x, t.baseline(i), w, t.size*ptMM)
			}
		}
		d.drawLine(base, line, rightToLeft(line), x, t.baseline(i), t.size)
	}
}

// strike draws a line through each line of t, as an invalidated note is
// shown on screen.
func (d *drawer) strike(t textBox) {
	d.pen.SetDrawColor(rgbInts(inked(d.ink, t.color)))
	d.pen.SetLineWidth(0.06 * t.size * ptMM)
	for i, line := range t.lines {
		w := d.fonts.drawnWidth(d.fonts.regular, line, t.size)
		y := t.baseline(i) - 0.3*t.size*ptMM
		d.pen.Line(t.x, y, t.x+w, y)
	}
}

func rgbInts(c rgb) (int, int, int) { return int(c[0]), int(c[1]), int(c[2]) }

// metadata returns s fit for the PDF's document information, which the
// PDF writer encodes only up to U+FFFF: characters beyond (emoji) and the
// format characters that join them are left out.
func metadata(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r <= 0xFFFF && !invisible(r) {
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func colorRGB(c bmc.Color) rgb {
	r, g, b := c.RGB()
	return rgb{r, g, b}
}

// fade mixes c with three parts of white: the look of a note out of focus.
func fade(c rgb) rgb {
	var out rgb
	for i, v := range c {
		out[i] = uint8((int(v) + 3*255) / 4)
	}
	return out
}

// darken returns c at 60% brightness, for the edge of a segment mark.
func darken(c rgb) rgb {
	var out rgb
	for i, v := range c {
		out[i] = uint8(int(v) * 6 / 10)
	}
	return out
}
