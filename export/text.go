package export

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/bmcanvas/bmcanvas/textlayout"
)

// replacement stands for a character that cannot be printed.
const replacement = '\uFFFD'

// sanitizer replaces the characters of user text that no font can draw,
// and remembers which they were and where, for one warning per kind.
type sanitizer struct {
	fonts *fonts
	repl  rune
	// beyond holds runes beyond U+FFFF (emoji, historic scripts), which
	// the PDF writer cannot embed at all; lacking holds runes no font has.
	beyond, lacking map[rune]bool
	// standIn holds runes no font has that were written as look-alikes.
	standIn map[rune]bool
	// whereBeyond and whereLacking list the places (such as "note n3")
	// that had each kind, in order.
	whereBeyond, whereLacking []string
}

func newSanitizer(fs *fonts) *sanitizer {
	s := &sanitizer{fonts: fs, repl: '?', beyond: map[rune]bool{}, lacking: map[rune]bool{}, standIn: map[rune]bool{}}
	if fs.regular.has(replacement) && fs.bold.has(replacement) {
		s.repl = replacement
	}
	return s
}

// invisible reports whether r is a format character that draws nothing,
// such as a variation selector or a zero-width joiner: it is dropped
// without a warning when no font has it.
func invisible(r rune) bool {
	return unicode.Is(unicode.Variation_Selector, r) || r == '\u00AD' || r == '\u200B' ||
		r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF'
}

// lookAlikes are ASCII stand-ins for common symbols Noto Sans lacks.
var lookAlikes = map[rune]string{
	'→': "->", '←': "<-", '↔': "<->", '⇒': "=>", '⇐': "<=", '⇔': "<=>", '➜': "->",
	'≥': ">=", '≤': "<=", '≠': "!=", '≈': "~",
}

// clean returns text with line ends made "\n", tabs made spaces, control
// characters dropped, and every character no font can draw replaced;
// where names the text's place for the warning.
func (s *sanitizer) clean(text, where string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b strings.Builder
	beyond, lacking := false, false
	for _, r := range text {
		switch {
		case r == '\r' || r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		case s.fonts.covers(r):
			b.WriteRune(r)
		case invisible(r):
		case lookAlikes[r] != "":
			s.standIn[r] = true
			b.WriteString(lookAlikes[r])
		default:
			if r > 0xFFFF {
				s.beyond[r], beyond = true, true
			} else {
				s.lacking[r], lacking = true, true
			}
			b.WriteRune(s.repl)
		}
	}
	if beyond {
		s.whereBeyond = addPlace(s.whereBeyond, where)
	}
	if lacking {
		s.whereLacking = addPlace(s.whereLacking, where)
	}
	return b.String()
}

// addPlace appends where to places unless it is already the last one.
func addPlace(places []string, where string) []string {
	if len(places) > 0 && places[len(places)-1] == where {
		return places
	}
	return append(places, where)
}

// warnings describes what clean replaced.
func (s *sanitizer) warnings() []string {
	var out []string
	if len(s.standIn) > 0 {
		var subs []string
		for r := range s.standIn {
			subs = append(subs, fmt.Sprintf("%q as %q", string(r), lookAlikes[r]))
		}
		sort.Strings(subs)
		out = append(out, fmt.Sprintf("the font has no glyphs for %s, printed %s", plural(len(subs), "1 symbol", "%d symbols"), strings.Join(subs, ", ")))
	}
	if len(s.beyond) > 0 {
		out = append(out, fmt.Sprintf("%s beyond U+FFFF (such as emoji) cannot be embedded in a PDF and were printed as %q: %s (in %s)",
			plural(len(s.beyond), "1 character", "%d characters"), s.repl, runeList(s.beyond), listSome(s.whereBeyond, 8)))
	}
	if len(s.lacking) > 0 {
		out = append(out, fmt.Sprintf("the font has no glyphs for %s, printed as %q: %s (in %s); use a font that has them (--font FILE.ttf)",
			plural(len(s.lacking), "1 character", "%d characters"), s.repl, runeList(s.lacking), listSome(s.whereLacking, 8)))
	}
	return out
}

// runeList names up to twelve runes as `"中" U+4E2D`, in code point order.
func runeList(set map[rune]bool) string {
	rs := make([]rune, 0, len(set))
	for r := range set {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%q U+%04X", string(r), r))
	}
	return listSome(parts, 12)
}

// listSome joins up to n items with commas and says how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// measure returns the textlayout measure of text set in base: the width
// in millimetres at a size in points.
func (fs *fonts) measure(base *face) textlayout.Measure {
	return func(s string, size float64) float64 { return fs.width(base, s, size) }
}

// prepare returns text made ready for wrapping. A poster lays out each
// note many times (at several sizes and column counts, and again on the
// pages that continue a block), so prepared texts are remembered, up to
// maxPrepared of them.
func prepare(text string) *textlayout.Text {
	preparedTexts.Lock()
	defer preparedTexts.Unlock()
	if t, ok := preparedTexts.m[text]; ok {
		return t
	}
	if len(preparedTexts.m) >= maxPrepared {
		clear(preparedTexts.m)
	}
	t := textlayout.Prepare(text)
	preparedTexts.m[text] = t
	return t
}

var preparedTexts = struct {
	sync.Mutex
	m map[string]*textlayout.Text
}{m: map[string]*textlayout.Text{}}

const maxPrepared = 4096

// wrap breaks text into lines no wider than width millimetres when set in
// base at size points, as textlayout does for the screen too.
func (fs *fonts) wrap(base *face, text string, size, width float64) []string {
	return prepare(text).Wrap(width, size, fs.measure(base)).Lines
}

// NoteLines returns the lines a note's text is broken into on a poster
// when set in Noto Sans at size points in a column width millimetres wide:
// the same lines the editor's board shows at the same scale, as both set
// text with textlayout.
func NoteLines(text string, size, width float64) ([]string, error) {
	fs, err := loadFonts("")
	if err != nil {
		return nil, err
	}
	return fs.wrap(fs.regular, newSanitizer(fs).clean(text, "note"), size, width), nil
}
