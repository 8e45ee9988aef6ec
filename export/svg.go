package export

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"image/png"
	"strconv"
	"strings"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// svgSink writes a poster page as SVG, in millimetres. Each glyph's
// outline is defined once and placed wherever it is drawn, so the picture
// looks the same in every viewer, with or without the fonts; each line
// of text is also written as invisible text, for search and copy. Colour
// glyphs are embedded as PNG pictures.
type svgSink struct {
	body, defs bytes.Buffer
	glyphIDs   map[*glyphArt]int
	picIDs     map[picKey]int
	// group is the open group of glyphs of one size and colour: glyphs
	// are placed relative to its origin, in ems.
	group *glyphGroup
}

type glyphGroup struct {
	x, y, em float64
	colour   rgb
}

func newSVGSink() *svgSink {
	return &svgSink{glyphIDs: map[*glyphArt]int{}, picIDs: map[picKey]int{}}
}

// num writes v with at most prec decimals.
func num(b *bytes.Buffer, v float64, prec int) {
	var tmp [32]byte
	b.Write(appendNum(tmp[:0], v, prec))
}

func hexColour(c rgb) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

func (s *svgSink) closeGroup() {
	if s.group != nil {
		s.body.WriteString("</g>\n")
		s.group = nil
	}
}

func (s *svgSink) path(p []pathOp, st strokeStyle) {
	s.closeGroup()
	b := &s.body
	b.WriteString(`<path d="`)
	for i, op := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(op.op)
		n := map[byte]int{'M': 1, 'L': 1, 'C': 3}[op.op]
		for j, pt := range op.pts[:n] {
			if j > 0 {
				b.WriteByte(' ')
			}
			num(b, pt[0], 2)
			b.WriteByte(' ')
			num(b, pt[1], 2)
		}
	}
	b.WriteString(`" fill="`)
	if st.fill {
		b.WriteString(hexColour(st.fillColour))
	} else {
		b.WriteString("none")
	}
	b.WriteByte('"')
	if st.lines && st.width > 0 {
		fmt.Fprintf(b, ` stroke="%s" stroke-width="`, hexColour(st.colour))
		num(b, st.width, 3)
		b.WriteByte('"')
		if st.cap != "" && st.cap != "butt" {
			fmt.Fprintf(b, ` stroke-linecap="%s"`, st.cap)
		}
		if st.join != "" && st.join != "miter" {
			fmt.Fprintf(b, ` stroke-linejoin="%s"`, st.join)
		}
		if len(st.dashes) > 0 {
			b.WriteString(` stroke-dasharray="`)
			for i, d := range st.dashes {
				if i > 0 {
					b.WriteByte(' ')
				}
				num(b, d, 3)
			}
			b.WriteByte('"')
			if st.dashPhase != 0 {
				b.WriteString(` stroke-dashoffset="`)
				num(b, st.dashPhase, 3)
				b.WriteByte('"')
			}
		}
	}
	b.WriteString("/>\n")
}

// glyph places the glyph's definition, written the first time, in the
// open group of its size and colour.
func (s *svgSink) glyph(a *glyphArt, x, y, em float64, c rgb) {
	id, ok := s.glyphIDs[a]
	if !ok {
		id = len(s.glyphIDs) + 1
		s.glyphIDs[a] = id
		s.defineGlyph(id, a)
	}
	if g := s.group; g == nil || g.em != em || g.colour != c {
		s.closeGroup()
		s.group = &glyphGroup{x: x, y: y, em: em, colour: c}
		s.body.WriteString(`<g fill="` + hexColour(c) + `"`)
		s.placed(x, y, em)
		s.body.WriteString(">\n")
	}
	g := s.group
	fmt.Fprintf(&s.body, `<use xlink:href="#g%d"`, id)
	if dx := (x - g.x) / em; dx != 0 {
		s.body.WriteString(` x="`)
		num(&s.body, dx, 4)
		s.body.WriteByte('"')
	}
	if dy := (y - g.y) / em; dy != 0 {
		s.body.WriteString(` y="`)
		num(&s.body, dy, 4)
		s.body.WriteByte('"')
	}
	s.body.WriteString("/>\n")
}

// defineGlyph writes a glyph's outline in ems, y down, pen position at 0.
func (s *svgSink) defineGlyph(id int, a *glyphArt) {
	b := &s.defs
	fmt.Fprintf(b, `<path id="g%d" d="`, id)
	pt := func(p font.SegmentPoint) {
		num(b, float64(p.X)/a.upem, 4)
		b.WriteByte(' ')
		num(b, -float64(p.Y)/a.upem, 4)
	}
	for i, seg := range a.outline {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch seg.Op {
		case ot.SegmentOpMoveTo:
			b.WriteByte('M')
			pt(seg.Args[0])
		case ot.SegmentOpLineTo:
			b.WriteByte('L')
			pt(seg.Args[0])
		case ot.SegmentOpQuadTo:
			b.WriteByte('Q')
			pt(seg.Args[0])
			b.WriteByte(' ')
			pt(seg.Args[1])
		case ot.SegmentOpCubeTo:
			b.WriteByte('C')
			pt(seg.Args[0])
			b.WriteByte(' ')
			pt(seg.Args[1])
			b.WriteByte(' ')
			pt(seg.Args[2])
		}
	}
	b.WriteString("\"/>\n")
}

// svgPicturePx is the width colour glyphs are embedded at: sharp on a
// slide, small in the file.
const svgPicturePx = 96

func (s *svgSink) picture(cg *colourGlyph, x, y, em float64, mono bool) {
	s.closeGroup()
	k := picKey{cg: cg, mono: mono}
	id, ok := s.picIDs[k]
	if !ok {
		pic := cg.draw(svgPicturePx)
		if pic == nil {
			return
		}
		if mono {
			pic = grey(pic)
		}
		var data bytes.Buffer
		if err := png.Encode(&data, pic); err != nil {
			return
		}
		id = len(s.picIDs) + 1
		s.picIDs[k] = id
		fmt.Fprintf(&s.defs, `<image id="p%d" x="`, id)
		num(&s.defs, cg.left, 4)
		s.defs.WriteString(`" y="`)
		num(&s.defs, -cg.top, 4)
		s.defs.WriteString(`" width="`)
		num(&s.defs, cg.w, 4)
		s.defs.WriteString(`" height="`)
		num(&s.defs, cg.h, 4)
		s.defs.WriteString(`" preserveAspectRatio="none" xlink:href="data:image/png;base64,`)
		s.defs.WriteString(base64.StdEncoding.EncodeToString(data.Bytes()))
		s.defs.WriteString("\"/>\n")
	}
	fmt.Fprintf(&s.body, `<use xlink:href="#p%d"`, id)
	s.placed(x, y, em)
	s.body.WriteString("/>\n")
}

// placed writes the transform attribute that puts what is drawn in ems
// with its origin at (x, y).
func (s *svgSink) placed(x, y, em float64) {
	s.body.WriteString(` transform="translate(`)
	num(&s.body, x, 3)
	s.body.WriteByte(' ')
	num(&s.body, y, 3)
	s.body.WriteString(`) scale(`)
	num(&s.body, em, 4)
	s.body.WriteString(`)"`)
}

// text writes a line as invisible text stretched over where its glyphs
// are drawn.
func (s *svgSink) text(line string, x, y, w, size float64) {
	if w <= 0 || line == "" {
		return
	}
	s.closeGroup()
	b := &s.body
	b.WriteString(`<text x="`)
	num(b, x, 3)
	b.WriteString(`" y="`)
	num(b, y, 3)
	b.WriteString(`" font-size="`)
	num(b, size, 3)
	b.WriteString(`" textLength="`)
	num(b, w, 3)
	b.WriteString(`" lengthAdjust="spacingAndGlyphs" fill-opacity="0" xml:space="preserve">`)
	b.WriteString(xmlText(line))
	b.WriteString("</text>\n")
}

// xmlText returns s escaped for XML character data, without the
// characters XML 1.0 does not allow at all (most control characters,
// U+FFFE, U+FFFF); a byte that is not UTF-8 becomes U+FFFD.
func xmlText(s string) string {
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
	return html.EscapeString(clean)
}

// document returns the page's SVG, w × h millimetres, with title as its
// title.
func (s *svgSink) document(w, h float64, title string) []byte {
	s.closeGroup()
	var out bytes.Buffer
	ws, hs := strconv.FormatFloat(w, 'f', -1, 64), strconv.FormatFloat(h, 'f', -1, 64)
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="%smm" height="%smm" viewBox="0 0 %s %s">`+"\n", ws, hs, ws, hs)
	fmt.Fprintf(&out, "<title>%s</title>\n", xmlText(title))
	out.WriteString("<defs>\n")
	out.Write(s.defs.Bytes())
	out.WriteString("</defs>\n")
	fmt.Fprintf(&out, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", ws, hs)
	out.Write(s.body.Bytes())
	out.WriteString("</svg>\n")
	return out.Bytes()
}
