package export

import (
	"encoding/binary"
	"fmt"
	"os"

	"github.com/bmcanvas/bmcanvas/assets"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// face is one TrueType font: its name in the PDF and the metrics the
// layout measures text with, read from the font's own tables.
type face struct {
	family, style string
	data          []byte
	sf            *sfnt.Font
	buf           sfnt.Buffer
	// em caches each rune's advance in ems plus one, so that zero means
	// not looked up yet; -1 means the font has no glyph for the rune.
	em []float32
}

func newFace(family, style string, data []byte) (*face, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &face{family: family, style: style, data: data, sf: sf, em: make([]float32, 0x10000)}, nil
}

// advance returns the width of r in ems and whether the font has a glyph
// for it. Runes beyond U+FFFF are never covered: the PDF writer cannot
// embed them.
func (f *face) advance(r rune) (float64, bool) {
	if r < 0 || r > 0xFFFF {
		return 0, false
	}
	if v := f.em[r]; v > 0 {
		return float64(v) - 1, true
	} else if v < 0 {
		return 0, false
	}
	f.em[r] = -1
	upem := fixed.Int26_6(f.sf.UnitsPerEm())
	if gi, err := f.sf.GlyphIndex(&f.buf, r); err == nil && gi != 0 {
		if adv, err := f.sf.GlyphAdvance(&f.buf, gi, upem<<6, font.HintingNone); err == nil {
			f.em[r] = float32(float64(adv)/float64(upem<<6)) + 1
		}
	}
	return f.advance(r)
}

// has reports whether the font has a glyph for r.
func (f *face) has(r rune) bool {
	_, ok := f.advance(r)
	return ok
}

// fonts is the set of faces a poster is set in: Noto Sans regular and
// bold, and optionally a user's font for the characters Noto Sans lacks.
type fonts struct {
	regular, bold *face
	// extra is the user's font, or nil.
	extra *face
	// shaping holds what text is shaped and measured with (shape.go).
	shaping *shapingState
	pooled  bool // shaping came from, and goes back to, a pool
}

// loadFonts reads the built-in fonts and, when path is not empty, the
// user's TrueType font.
func loadFonts(path string) (*fonts, error) {
	reg, err := newFace("noto", "", assets.FontRegular)
	if err != nil {
		return nil, fmt.Errorf("built-in font: %w", err)
	}
	bold, err := newFace("noto", "B", assets.FontBold)
	if err != nil {
		return nil, fmt.Errorf("built-in bold font: %w", err)
	}
	fs := &fonts{regular: reg, bold: bold}
	if path == "" {
		return fs, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	if err := checkTrueType(data); err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	if fs.extra, err = newFace("extra", "", data); err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	return fs, nil
}

// trueTypeTables are the tables the PDF writer reads from a font.
var trueTypeTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"}

// checkTrueType reports why data is not a TrueType font the PDF writer can
// embed: it must have TrueType outlines (not CFF, not a collection), every
// table the writer reads, a name table of format 0 and a Unicode cmap of
// format 4.
func checkTrueType(data []byte) error {
	if len(data) < 12 {
		return fmt.Errorf("not a TrueType font (too short)")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return fmt.Errorf("an OpenType font with CFF outlines; use a TrueType (.ttf) font")
	case "ttcf":
		return fmt.Errorf("a font collection (.ttc); use a single TrueType (.ttf) font")
	default:
		return fmt.Errorf("not a TrueType font")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	tables := map[string][2]int{}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return fmt.Errorf("table directory is cut short")
		}
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		size := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || size < 0 || off > len(data) || size > len(data)-off {
			return fmt.Errorf("table %q lies outside the file", data[rec:rec+4])
		}
		tables[string(data[rec:rec+4])] = [2]int{off, size}
	}
	for _, t := range trueTypeTables {
		if _, ok := tables[t]; !ok {
			return fmt.Errorf("no %q table", t)
		}
	}
	if name := tables["name"]; name[1] < 2 || binary.BigEndian.Uint16(data[name[0]:]) != 0 {
		return fmt.Errorf("unsupported name table")
	}
	if !hasCmap4(data, tables["cmap"]) {
		return fmt.Errorf("no Unicode character map of format 4")
	}
	return nil
}

// hasCmap4 reports whether the cmap table at t holds a format 4 subtable
// for Unicode (platform 0, or platform 3 encoding 1).
func hasCmap4(data []byte, t [2]int) bool {
	cmap := data[t[0] : t[0]+t[1]]
	if len(cmap) < 4 {
		return false
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return false
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if platform != 0 && (platform != 3 || encoding != 1) {
			continue
		}
		if off >= 0 && off+2 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			return true
		}
	}
	return false
}
