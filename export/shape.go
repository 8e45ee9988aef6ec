package export

import (
	"runtime"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Text is shaped as the editor shapes it: split into runs of one
// direction, script and face by go-text's segmenter, each run shaped by
// HarfBuzz. Widths are measured at the size the editor measures at
// (refPx pixels, in 26.6 fixed point), so that screen and paper widths
// are the same numbers in ems and lines break in the same places.
const refPx = 100

// shaper splits text into runs for one export and shapes each with its
// typeface's HarfBuzz shaper. It is not safe for concurrent use.
type shaper struct {
	seg shaping.Segmenter
}

// shape returns the shaped runs of text in logical order.
func (sh *shaper) shape(tf *typeface, text []rune) []shaping.Output {
	if len(text) == 0 {
		return nil
	}
	in := shaping.Input{Text: text, RunStart: 0, RunEnd: len(text), Direction: di.DirectionLTR, Size: fixed.I(refPx)}
	inputs := sh.spaces(tf, sh.seg.Split(in, tf))
	out := make([]shaping.Output, len(inputs))
	for i, run := range inputs {
		out[i] = tf.hb.Shape(run)
	}
	return out
}

// spaces gives the spaces of runs in other faces to the primary face:
// the segmenter leaves a space in the run before it, so that a space
// after "→" or in Japanese would be as wide as that font's space, while
// the line breaker (textlayout) counts every space as wide as the
// primary font's. Spaces do not join letters, so cutting runs at them
// changes nothing else.
func (sh *shaper) spaces(tf *typeface, inputs []shaping.Input) []shaping.Input {
	split := false
	for _, in := range inputs {
		if in.Face != tf.primary && containsSpace(in.Text[in.RunStart:in.RunEnd]) {
			split = true
			break
		}
	}
	if !split {
		return inputs
	}
	var out []shaping.Input
	for _, in := range inputs {
		if in.Face == tf.primary || !containsSpace(in.Text[in.RunStart:in.RunEnd]) {
			out = append(out, in)
			continue
		}
		for start := in.RunStart; start < in.RunEnd; {
			space := in.Text[start] == ' '
			end := start + 1
			for end < in.RunEnd && (in.Text[end] == ' ') == space {
				end++
			}
			part := in
			part.RunStart, part.RunEnd = start, end
			if space {
				part.Face = tf.primary
			}
			out = append(out, part)
			start = end
		}
	}
	return out
}

func containsSpace(rs []rune) bool {
	for _, r := range rs {
		if r == ' ' {
			return true
		}
	}
	return false
}

// widthEm returns the width of s set in tf, in ems: the larger of its
// shaped advance and the sum of its characters' advances, each shaped
// alone (combining marks add nothing). For Latin, Greek and Cyrillic the
// sum is the larger, since kerning only brings letters closer: it is the
// width the PDF writer draws such text at, unkerned. For scripts whose
// letters join, shaping may make text wider. The editor measures the same
// way (widgets' screenMeasure), so notes break their lines alike.
func (sh *shaper) widthEm(tf *typeface, s string) float64 {
	if w, ok := tf.widths[s]; ok {
		return w
	}
	var adv fixed.Int26_6
	for _, run := range sh.shape(tf, []rune(s)) {
		adv += run.Advance
	}
	sum := 0.0
	for _, r := range s {
		if !unicode.In(r, unicode.Mn, unicode.Me) {
			sum += sh.runeEm(tf, r)
		}
	}
	w := max(float64(adv)/64/refPx, sum)
	if len(tf.widths) >= maxWidths {
		clear(tf.widths)
	}
	tf.widths[s] = w
	return w
}

// runeEm returns the advance of r shaped alone in tf, in ems.
func (sh *shaper) runeEm(tf *typeface, r rune) float64 {
	if w, ok := tf.runeWidths[r]; ok {
		return w
	}
	var adv fixed.Int26_6
	for _, run := range sh.shape(tf, []rune{r}) {
		adv += run.Advance
	}
	w := float64(adv) / 64 / refPx
	tf.runeWidths[r] = w
	return w
}

// maxWidths bounds the widths a typeface remembers.
const maxWidths = 1 << 16

// glyphRun is a run of shaped glyphs of one face and direction, placed on
// a line.
type glyphRun struct {
	face   *font.Face
	rtl    bool
	text   []rune // the whole line, in logical order
	glyphs []shaping.Glyph
	// start and end are the run's runes in text.
	start, end int
	// x is where the run starts on the line, in ems from its left end;
	// width is its advance in ems.
	x, width float64
}

// shapedLine is a line of text shaped and put in visual order.
type shapedLine struct {
	runs  []glyphRun
	width float64 // in ems
}

// layoutLine shapes one line of text and orders its runs from left to
// right: runs of the other direction than the paragraph's are reversed
// as Unicode's bidirectional algorithm does (rule L2, for the two levels
// a note has). rtl is the paragraph's direction.
func (sh *shaper) layoutLine(tf *typeface, line string, rtl bool) shapedLine {
	text := []rune(line)
	outs := sh.shape(tf, text)
	runs := make([]glyphRun, len(outs))
	levels := make([]int, len(outs))
	for i, o := range outs {
		runs[i] = glyphRun{face: o.Face, rtl: o.Direction.Progression() == di.TowardTopLeft, text: text,
			glyphs: o.Glyphs, start: o.Runes.Offset, end: o.Runes.Offset + o.Runes.Count,
			width: float64(o.Advance) / 64 / refPx}
		switch {
		case rtl && runs[i].rtl:
			levels[i] = 1
		case rtl:
			levels[i] = 2
		case runs[i].rtl:
			levels[i] = 1
		}
	}
	reorder(runs, levels)
	x := 0.0
	for i := range runs {
		runs[i].x = x
		x += runs[i].width
	}
	return shapedLine{runs: runs, width: x}
}

// reorder puts runs in visual order: from the highest level down to the
// lowest odd one, every stretch of runs at that level or higher is
// reversed.
func reorder(runs []glyphRun, levels []int) {
	highest, lowestOdd := 0, 3
	for _, l := range levels {
		highest = max(highest, l)
		if l%2 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	for level := highest; level >= lowestOdd && level > 0; level-- {
		for i := 0; i < len(runs); {
			if levels[i] < level {
				i++
				continue
			}
			j := i
			for j < len(runs) && levels[j] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
}

// rightToLeft reports whether a paragraph is written right to left: its
// first strong character is Arabic, Hebrew or another right-to-left
// script (Unicode's rules P2 and P3).
func rightToLeft(s string) bool {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko,
			unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// shapingState is a poster's shaping state: the two typefaces and the shaper.
type shapingState struct {
	regular, bold *typeface
	sh            shaper
}

// shapingOf returns fs's shaping state, made on first use with the
// system's fonts. Without a user's font, the state is taken from a pool:
// states keep HarfBuzz's per-font tables and the widths measured, which
// later posters of the process reuse; release gives it back.
func (fs *fonts) shapingOf() *shapingState {
	if fs.shaping == nil {
		if fs.extra == nil {
			if st := sharedShaping.get(); st != nil {
				fs.shaping, fs.pooled = st, true
				return st
			}
		}
		fs.shaping = newShapingState(fs, true)
		fs.pooled = fs.extra == nil
	}
	return fs.shaping
}

// sharedShaping holds the shaping states of finished posters set in the
// built-in and system fonts. (A sync.Pool would drop them at every
// garbage collection, and a poster collects garbage many times.)
var sharedShaping shapingPool

type shapingPool struct {
	mu   sync.Mutex
	free []*shapingState
}

func (p *shapingPool) get() *shapingState {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) == 0 {
		return nil
	}
	st := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return st
}

// put keeps st for later posters, up to one per processor.
func (p *shapingPool) put(st *shapingState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < runtime.GOMAXPROCS(0) {
		p.free = append(p.free, st)
	}
}

// release gives fs's shaping state back to the pool; fs must not be used
// afterwards.
func (fs *fonts) release() {
	if fs.shaping != nil && fs.pooled {
		sharedShaping.put(fs.shaping)
	}
	fs.shaping = nil
}

// newShapingState returns the shaping state of fs; without system fonts,
// text is set in Noto Sans, the user's font and the emoji font only.
// The user's font, when go-text cannot read it, is left out of shaping
// (the PDF writer still embeds it).
func newShapingState(fs *fonts, system bool) *shapingState {
	var user []byte
	if fs.extra != nil {
		user = fs.extra.data
	}
	reg, bold, err := newTypefaces(user)
	if err != nil && user != nil {
		reg, bold, err = newTypefaces(nil)
	}
	if err != nil {
		panic(err) // the built-in fonts are always readable
	}
	reg.system, bold.system = system, system
	return &shapingState{regular: reg, bold: bold}
}

// typeface returns the typeface text set in base is shaped with.
func (fs *fonts) typeface(base *face) *typeface {
	s := fs.shapingOf()
	if base == fs.bold {
		return s.bold
	}
	return s.regular
}

// shaper returns the poster's shaper.
func (fs *fonts) shaper() *shaper { return &fs.shapingOf().sh }

// pdfFace returns the face the PDF writer embeds for f, or nil when it
// embeds none.
func (fs *fonts) pdfFace(f *font.Font) *face {
	s := fs.shapingOf()
	switch {
	case f == s.regular.primary.Font:
		return fs.regular
	case f == s.bold.primary.Font:
		return fs.bold
	case fs.extra != nil && s.regular.user != nil && f == s.regular.user.Font:
		return fs.extra
	}
	return nil
}

// width returns the width of s in millimetres set in base at size
// points: its shaped advance.
func (fs *fonts) width(base *face, s string, size float64) float64 {
	return fs.shaper().widthEm(fs.typeface(base), s) * size * ptMM
}

// drawnWidth returns the width of a line as drawLine draws it: for text
// written as text without shaping, the sum of the characters' advances
// (the PDF writer does not kern); else the shaped width.
func (fs *fonts) drawnWidth(base *face, line string, size float64) float64 {
	if !simpleText(fs.typeface(base), line) {
		return fs.width(base, line, size)
	}
	em := 0.0
	for _, r := range line {
		w, _ := base.advance(r)
		em += w
	}
	return em * size * ptMM
}

// covers reports whether some font of the poster draws r in text set in
// base.
func (fs *fonts) covers(base *face, r rune) bool { return fs.typeface(base).has(r) }
