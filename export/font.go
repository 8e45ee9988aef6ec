package export

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// MaxFontSize is the largest font file Options.FontFile may name: room for
// the largest TrueType fonts with CJK (tens of MiB), and a bound on what
// is read into memory.
const MaxFontSize = 64 << 20

// face is one TrueType font: its name in the PDF and the metrics the
// layout measures text with, read from the font's own tables.
type face struct {
	family, style string
	// file is the file the font was read from; "" for a built-in one.
	file string
	data []byte
	sf   *sfnt.Font
	buf  sfnt.Buffer
	// em caches each rune's advance in ems plus one, so that zero means
	// not looked up yet; -1 means the font has no glyph for the rune. It
	// is kept in pages of 256 runes, made when a rune of the page is first
	// looked up: a poster uses a few pages of the 256.
	em [0x100]*[0x100]float32
}

func newFace(family, style string, data []byte) (*face, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &face{family: family, style: style, data: data, sf: sf}, nil
}

// builtinSfnt parses a built-in font once per process: an sfnt.Font is
// safe for concurrent use (each face has its own sfnt.Buffer).
func builtinSfnt(data []byte) func() (*sfnt.Font, error) {
	return sync.OnceValues(func() (*sfnt.Font, error) { return sfnt.Parse(data) })
}

var (
	sfntRegular = builtinSfnt(assets.FontRegular)
	sfntBold    = builtinSfnt(assets.FontBold)
)

// newBuiltinFace returns a face of a built-in font.
func newBuiltinFace(family, style string, data []byte, parsed func() (*sfnt.Font, error)) (*face, error) {
	sf, err := parsed()
	if err != nil {
		return nil, err
	}
	return &face{family: family, style: style, data: data, sf: sf}, nil
}

// advance returns the width of r in ems and whether the font has a glyph
// for it. Runes beyond U+FFFF are never covered: the PDF writer cannot
// embed them.
func (f *face) advance(r rune) (float64, bool) {
	if r < 0 || r > 0xFFFF {
		return 0, false
	}
	page := f.em[r>>8]
	if page == nil {
		page = new([0x100]float32)
		f.em[r>>8] = page
	}
	if v := page[r&0xFF]; v > 0 {
		return float64(v) - 1, true
	} else if v < 0 {
		return 0, false
	}
	page[r&0xFF] = -1
	upem := fixed.Int26_6(f.sf.UnitsPerEm())
	if gi, err := f.sf.GlyphIndex(&f.buf, r); err == nil && gi != 0 {
		if adv, err := f.sf.GlyphAdvance(&f.buf, gi, upem<<6, font.HintingNone); err == nil {
			page[r&0xFF] = float32(float64(adv)/float64(upem<<6)) + 1
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
// user's TrueType font: a regular file of at most MaxFontSize (a folder,
// FIFO or device is refused at once) that checkTrueType accepts. Its
// errors name path once.
func loadFonts(path string) (*fonts, error) {
	reg, err := newBuiltinFace("noto", "", assets.FontRegular, sfntRegular)
	if err != nil {
		return nil, fmt.Errorf("built-in font: %w", err)
	}
	bold, err := newBuiltinFace("noto", "B", assets.FontBold, sfntBold)
	if err != nil {
		return nil, fmt.Errorf("built-in bold font: %w", err)
	}
	fs := &fonts{regular: reg, bold: bold}
	if path == "" {
		return fs, nil
	}
	data, err := bmc.ReadFile(path, MaxFontSize, "font file")
	if err != nil {
		return nil, err
	}
	if err := checkTrueType(data); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if fs.extra, err = newFace("extra", "", data); err != nil {
		return nil, fmt.Errorf("%s: not a font bmcanvas can read: %w", path, err)
	}
	fs.extra.file = path
	return fs, nil
}

// trueTypeTables are the tables the PDF writer reads from a font.
var trueTypeTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"}

// checkTrueType reports why data is not a TrueType font the PDF writer can
// embed: it must have TrueType outlines (not CFF, not a collection), every
// table the writer reads, a name table of format 0 and a Unicode cmap of
// format 4. It also refuses what makes the writer print a complaint on
// standard output and carry on with a broken font (see
// TestGofpdfPrintsOnlyWhatWeRefuse): formats it does not know in the head
// and hhea tables, no horizontal metrics, a name it cannot decode, and a
// licence that forbids embedding a subset of the font.
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
	tables := map[string][]byte{}
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
		tables[string(data[rec:rec+4])] = data[off : off+size]
	}
	for _, t := range trueTypeTables {
		if _, ok := tables[t]; !ok {
			return fmt.Errorf("no %q table", t)
		}
	}
	for _, check := range []func(map[string][]byte) error{checkName, checkHead, checkHhea, checkOS2} {
		if err := check(tables); err != nil {
			return err
		}
	}
	if !hasCmap4(tables["cmap"]) {
		return fmt.Errorf("no Unicode character map of format 4")
	}
	return nil
}

// The minimum lengths of the tables whose fields checkTrueType reads.
const (
	headLen = 54 // up to glyphDataFormat
	hheaLen = 36 // up to numberOfHMetrics
	os2Len  = 10 // up to fsType
	nameLen = 6  // format, count, stringOffset
)

// nameIDs are the names the PDF writer decodes: family, subfamily, unique
// ID, full name, PostScript name.
var nameIDs = map[uint16]bool{1: true, 2: true, 3: true, 4: true, 6: true}

// checkName checks that the name table has format 0 and that each name
// the PDF writer decodes from UTF-16 has an even length.
func checkName(tables map[string][]byte) error {
	t := tables["name"]
	if len(t) < nameLen || binary.BigEndian.Uint16(t) != 0 {
		return fmt.Errorf("unsupported name table")
	}
	count := int(binary.BigEndian.Uint16(t[2:]))
	for i := 0; i < count; i++ {
		rec := t[min(len(t), 6+12*i):]
		if len(rec) < 12 {
			return fmt.Errorf("name table is cut short")
		}
		platform, encoding, language := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:]), binary.BigEndian.Uint16(rec[4:])
		id, length := binary.BigEndian.Uint16(rec[6:]), binary.BigEndian.Uint16(rec[8:])
		if platform == 3 && encoding == 1 && language == 0x409 && nameIDs[id] && length%2 != 0 {
			return fmt.Errorf("name %d in the name table is not UTF-16 text (odd length %d)", id, length)
		}
	}
	return nil
}

// checkHead checks the formats of the glyph locations and glyph data.
func checkHead(tables map[string][]byte) error {
	t := tables["head"]
	if len(t) < headLen {
		return fmt.Errorf("head table is cut short")
	}
	if f := binary.BigEndian.Uint16(t[50:]); f > 1 {
		return fmt.Errorf("unknown glyph location format %d in the head table", f)
	}
	if f := binary.BigEndian.Uint16(t[52:]); f != 0 {
		return fmt.Errorf("unknown glyph data format %d in the head table", f)
	}
	return nil
}

// checkHhea checks the format and number of the horizontal metrics.
func checkHhea(tables map[string][]byte) error {
	t := tables["hhea"]
	if len(t) < hheaLen {
		return fmt.Errorf("hhea table is cut short")
	}
	if f := binary.BigEndian.Uint16(t[32:]); f != 0 {
		return fmt.Errorf("unknown horizontal metric format %d in the hhea table", f)
	}
	if binary.BigEndian.Uint16(t[34:]) == 0 {
		return fmt.Errorf("no horizontal metrics in the hhea table")
	}
	return nil
}

// checkOS2 checks that the font's licence lets a PDF embed a subset of it
// (the fsType flags of the OS/2 table): not restricted (0x0002), not "no
// subsetting" (0x0100), not "bitmap embedding only" (0x0200).
func checkOS2(tables map[string][]byte) error {
	t := tables["OS/2"]
	if len(t) < os2Len {
		return fmt.Errorf("OS/2 table is cut short")
	}
	if f := binary.BigEndian.Uint16(t[8:]); f == 0x0002 || f&0x0300 != 0 {
		return fmt.Errorf("the font's licence does not allow embedding it in a PDF (OS/2 fsType 0x%04X); use another font", f)
	}
	return nil
}

// hasCmap4 reports whether the cmap table holds a format 4 subtable for
// Unicode (platform 0, or platform 3 encoding 1).
func hasCmap4(cmap []byte) bool {
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
