// Package textlayout breaks text into lines and fits it into boxes. The
// editor's board and the PDF poster both set note text with it, each
// measuring with its own fonts, so that a note breaks its lines in the
// same places on screen and on paper at the same scale.
//
// Lines break where Unicode's line breaking rules (UAX #14) allow: after
// spaces, after hyphens and dashes inside words, between Chinese or
// Japanese characters, never inside a grapheme cluster such as an accented
// letter or an emoji sequence. A word wider than the line is the one
// exception: it is broken between grapheme clusters. Line ends in the text
// (LF, CR LF, CR, U+2028, U+2029) start new paragraphs; runs of spaces
// count as one, and spaces at the ends of lines vanish.
//
// The package is pure Go and knows no fonts: callers pass a Measure.
package textlayout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// Measure returns the advance width of s set at size. The unit is the
// caller's (pixels, millimetres); widths must grow in proportion to size.
type Measure func(s string, size float64) float64

// LineHeight is the distance from one line's baseline to the next, in ems
// of the text size.
const LineHeight = 1.22

// Height returns the height of n lines of text at size.
func Height(n int, size float64) float64 { return float64(n) * LineHeight * size }

// Text is text made ready for wrapping: its paragraphs, each split into
// the pieces between the places a line may break. Preparing is the costly
// part of wrapping; a Text can be wrapped at many widths and sizes.
// A Text is not changed by wrapping and may be shared.
type Text struct {
	paras []para
}

// para is one paragraph, its blank space collapsed to single spaces.
type para struct {
	text   string
	pieces []piece
}

// piece is a stretch of a paragraph from one break opportunity to the
// next: a word, or part of one such as "two-" in "two-days", with whether
// a space follows it.
type piece struct {
	start, end int // the word's bytes in the paragraph's text
	spaced     bool
}

// Prepare splits text into paragraphs and pieces. Invalid UTF-8 is
// replaced by U+FFFD.
func Prepare(text string) *Text {
	text = normalizeBreaks(strings.ToValidUTF8(text, "\uFFFD"))
	text = strings.TrimRightFunc(text, isBlank)
	t := &Text{}
	var seg segmenter.Segmenter
	for _, p := range strings.Split(text, "\n") {
		t.paras = append(t.paras, prepareParagraph(&seg, p))
	}
	return t
}

// normalizeBreaks makes every line end "\n".
func normalizeBreaks(s string) string {
	if !strings.ContainsAny(s, "\r\u2028\u2029") {
		return s
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
}

// isBlank reports whether r is blank space that lines break at and that
// collapses: every space but the no-break ones, which keep words together.
func isBlank(r rune) bool {
	switch r {
	case '\u00A0', '\u2007', '\u202F', '\uFEFF':
		return false
	}
	return unicode.IsSpace(r)
}

// isHyphen reports whether r is a hyphen or dash that a line may break
// after.
func isHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2012', '\u2013', '\u2014', '\u2015':
		return true
	}
	return false
}

// prepareParagraph collapses a paragraph's blank space and finds its
// break opportunities.
func prepareParagraph(seg *segmenter.Segmenter, p string) para {
	p = collapse(p)
	if p == "" {
		return para{}
	}
	runes := []rune(p)
	seg.Init(runes)
	it := seg.LineIterator()
	out := para{text: p}
	pos := 0 // byte offset of the current segment
	glue := false
	for it.Next() {
		l := it.Line()
		s := string(l.Text)
		word := strings.TrimRightFunc(s, isBlank)
		pc := piece{start: pos, end: pos + len(word), spaced: len(word) < len(s)}
		pos += len(s)
		if glue && len(out.pieces) > 0 { // after a hyphen that starts a word
			last := &out.pieces[len(out.pieces)-1]
			last.end, last.spaced = pc.end, pc.spaced
		} else {
			out.pieces = append(out.pieces, pc)
		}
		// A hyphen or dash that starts a word, as in "-5" or "-x", keeps
		// to the word after it.
		wordStart := len(out.pieces) == 1 || out.pieces[len(out.pieces)-2].spaced
		last := out.pieces[len(out.pieces)-1]
		glue = !last.spaced && wordStart && onlyHyphens(p[last.start:last.end])
	}
	return out
}

// collapse trims a paragraph and makes every run of blank space one space.
func collapse(p string) string {
	if !strings.ContainsFunc(p, isBlank) {
		return p
	}
	var b strings.Builder
	space := false
	for _, r := range p {
		if isBlank(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func onlyHyphens(s string) bool {
	for _, r := range s {
		if !isHyphen(r) {
			return false
		}
	}
	return s != ""
}

// Empty reports whether the text has nothing to show.
func (t *Text) Empty() bool {
	for _, p := range t.paras {
		if p.text != "" {
			return false
		}
	}
	return true
}

// Wrapped is text broken into lines.
type Wrapped struct {
	// Lines are the lines in order; an empty paragraph is an empty line.
	Lines []string
	// Broken is true when a word wider than the line had to be broken.
	Broken bool
}

// Height returns the height of the lines at size.
func (w Wrapped) Height(size float64) float64 { return Height(len(w.Lines), size) }

// Wrap breaks the text into lines no wider than width when set at size,
// filling each line with as many pieces as fit. Only a single grapheme
// cluster wider than width makes a line wider than width.
func (t *Text) Wrap(width, size float64, m Measure) Wrapped {
	var out Wrapped
	_, out.Broken = t.wrap(width, size, m, -1, &out.Lines)
	return out
}

// CountLines returns how many lines Wrap would make and whether it would
// break a word, without making the lines. With limit >= 0 it stops
// counting once it passes limit lines.
func (t *Text) CountLines(width, size float64, m Measure, limit int) (n int, broken bool) {
	return t.wrap(width, size, m, limit, nil)
}

// wrap is Wrap and CountLines: it counts lines, stopping once past limit
// when limit >= 0, and appends them to lines when lines is not nil.
func (t *Text) wrap(width, size float64, m Measure, limit int, lines *[]string) (n int, broken bool) {
	emit := func(s string) (stop bool) {
		n++
		if lines != nil {
			*lines = append(*lines, s)
		}
		return limit >= 0 && n > limit
	}
	space := 0.0
	if len(t.paras) > 0 {
		space = m(" ", size)
	}
	for _, p := range t.paras {
		if len(p.pieces) == 0 {
			if emit("") {
				return n, broken
			}
			continue
		}
		start, end := -1, 0 // the line being filled is p.text[start:end]
		lineW := 0.0
		spaced := false // a space follows the line's last piece
		for _, pc := range p.pieces {
			word := p.text[pc.start:pc.end]
			w := m(word, size)
			join := 0.0
			if spaced {
				join = space
			}
			if start >= 0 && lineW+join+w <= width {
				end, lineW = pc.end, lineW+join+w
			} else {
				if start >= 0 && emit(p.text[start:end]) {
					return n, broken
				}
				start, end, lineW = pc.start, pc.end, w
				if w > width { // a word wider than a line: break it
					broken = true
					chunks := splitWord(word, width, size, m)
					for _, c := range chunks[:len(chunks)-1] {
						if emit(word[c.start:c.end]) {
							return n, broken
						}
					}
					c := chunks[len(chunks)-1]
					start, lineW = pc.start+c.start, c.width
				}
			}
			spaced = pc.spaced
		}
		if emit(p.text[start:end]) {
			return n, broken
		}
	}
	return n, broken
}

// chunk is a part of a word, in bytes, and its width.
type chunk struct {
	start, end int
	width      float64
}

// splitWord cuts a word into chunks no wider than width, between grapheme
// clusters, each at least one cluster long.
func splitWord(word string, width, size float64, m Measure) []chunk {
	// A word may hold spaces where a line must not break, as before "!"
	// in French: a chunk neither starts nor ends with one.
	var out []chunk
	c := chunk{}
	lastInk := 0 // the end of the chunk's last non-blank cluster
	for _, g := range graphemes(word) {
		cluster := word[g[0]:g[1]]
		blank := strings.TrimFunc(cluster, isBlank) == ""
		if c.end == c.start && blank {
			c.start, c.end = g[1], g[1]
			continue
		}
		gw := m(cluster, size)
		if c.end > c.start && c.width+gw > width {
			c.end = lastInk
			out = append(out, c)
			c = chunk{start: g[0], end: g[0]}
			if blank {
				c.start, c.end = g[1], g[1]
				continue
			}
		}
		c.end, c.width = g[1], c.width+gw
		if !blank {
			lastInk = c.end
		}
	}
	if c.end > c.start {
		c.end = lastInk
	}
	return append(out, c)
}

// graphemes returns the byte ranges of the grapheme clusters of s.
func graphemes(s string) [][2]int {
	runes := []rune(s)
	var seg segmenter.Segmenter
	seg.Init(runes)
	it := seg.GraphemeIterator()
	var out [][2]int
	pos := 0
	for it.Next() {
		n := 0
		for _, r := range it.Grapheme().Text {
			n += utf8.RuneLen(r)
		}
		out = append(out, [2]int{pos, pos + n})
		pos += n
	}
	return out
}

// Fitted is text wrapped at the size Fit chose.
type Fitted struct {
	Wrapped
	Size float64
	// OK is false when the text fits at no size tried; it is then wrapped
	// at the smallest.
	OK bool
}

// Fit wraps the text at the largest size, from largest down to smallest
// in steps of step, at which it fits a box width×height: no more lines
// than the height holds at that size, and no word broken. When it fits at
// no size, it is wrapped at smallest and OK is false.
func (t *Text) Fit(width, height, largest, smallest, step float64, m Measure) Fitted {
	if step <= 0 {
		step = largest - smallest
	}
	for size := largest; ; size -= step {
		if size < smallest+1e-9 || step <= 0 {
			size = smallest
		}
		limit := int(height/(LineHeight*size) + 1e-9)
		if n, broken := t.CountLines(width, size, m, limit); n <= limit && !broken {
			return Fitted{Wrapped: t.Wrap(width, size, m), Size: size, OK: true}
		}
		if size <= smallest {
			return Fitted{Wrapped: t.Wrap(width, size, m), Size: size}
		}
	}
}

// Lines breaks text into lines no wider than width at size: Prepare and
// Wrap in one.
func Lines(text string, width, size float64, m Measure) []string {
	return Prepare(text).Wrap(width, size, m).Lines
}

// Ellipsis ends text cut short by Ellipsize.
const Ellipsis = "…"

// Ellipsize returns s when it fits in width at size, or else its longest
// beginning, in whole grapheme clusters and without trailing spaces, that
// fits with an ellipsis after it (at least the ellipsis).
func Ellipsize(s string, width, size float64, m Measure) string {
	if m(s, size) <= width {
		return s
	}
	best := Ellipsis
	for _, g := range graphemes(s) {
		cand := strings.TrimRightFunc(s[:g[1]], isBlank) + Ellipsis
		if m(cand, size) > width {
			break
		}
		best = cand
	}
	return best
}
