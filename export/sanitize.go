package export

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// replacement stands for a character that cannot be printed.
const replacement = '\uFFFD'

// sanitizer makes user text safe to print: line ends become "\n", tabs
// spaces, control characters go, and the characters no installed font
// has are replaced. It remembers which those were and where, for one
// warning.
type sanitizer struct {
	fonts *fonts
	repl  rune
	// lacking holds runes no font has; standIn those of them printed as
	// ASCII look-alikes.
	lacking, standIn map[rune]bool
	// whereLacking lists the places (such as "note n3") that had such
	// characters, in order.
	whereLacking []string
}

func newSanitizer(fs *fonts) *sanitizer {
	s := &sanitizer{fonts: fs, repl: '?', lacking: map[rune]bool{}, standIn: map[rune]bool{}}
	if fs.regular.has(replacement) && fs.bold.has(replacement) {
		s.repl = replacement
	}
	return s
}

// invisible reports whether r is a format character that draws nothing,
// such as a variation selector or a zero-width joiner. Such characters
// are kept (emoji sequences need them) but need no font.
func invisible(r rune) bool {
	return unicode.Is(unicode.Variation_Selector, r) || r == '\u00AD' || r == '\u200B' ||
		r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' ||
		(r >= '\U000E0020' && r <= '\U000E007F') // tags, as in the flags of Scotland or Wales
}

// lookAlikes are ASCII stand-ins for common symbols, printed when no
// installed font has the symbol itself.
var lookAlikes = map[rune]string{
	'→': "->", '←': "<-", '↔': "<->", '⇒': "=>", '⇐': "<=", '⇔': "<=>", '➜': "->",
	'≥': ">=", '≤': "<=", '≠': "!=", '≈': "~",
}

// clean returns text with line ends made "\n", tabs made spaces, control
// characters dropped, and every character no installed font has replaced;
// where names the text's place for the warning.
func (s *sanitizer) clean(text, where string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(text))
	lacking := false
	for _, r := range text {
		switch {
		case r >= 0x20 && r < 0x7F: // Noto Sans has every printable ASCII character
			b.WriteByte(byte(r))
		case r == '\r' || r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		case invisible(r) || s.fonts.covers(s.fonts.regular, r):
			b.WriteRune(r)
		default:
			s.lacking[r], lacking = true, true
			if alike := lookAlikes[r]; alike != "" {
				s.standIn[r] = true
				b.WriteString(alike)
			} else {
				b.WriteRune(s.repl)
			}
		}
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

// warnings describes what clean replaced: which characters, where, and
// which Debian packages would bring fonts for them.
func (s *sanitizer) warnings() []string {
	if len(s.lacking) == 0 {
		return nil
	}
	var subs []string
	for r := range s.standIn {
		subs = append(subs, fmt.Sprintf("%q as %q", string(r), lookAlikes[r]))
	}
	sort.Strings(subs)
	printed := fmt.Sprintf("printed as %q", s.repl)
	if len(subs) > 0 {
		printed = fmt.Sprintf("printed %s", strings.Join(subs, ", "))
		if len(subs) < len(s.lacking) {
			printed += fmt.Sprintf(", the others as %q", s.repl)
		}
	}
	w := fmt.Sprintf("no installed font has %s, %s: %s (in %s)",
		plural(len(s.lacking), "1 character", "%d characters"), printed, runeList(s.lacking), listSome(s.whereLacking, 8))
	if pkgs := fontPackages(s.lacking); len(pkgs) > 0 {
		w += fmt.Sprintf("; on Debian or Ubuntu, %s would bring fonts for them (or name a font with --font)", strings.Join(pkgs, " and "))
	} else {
		w += "; name a font that has them with --font"
	}
	return []string{w}
}

// fontPackages returns the Debian packages whose fonts cover the runes,
// sorted: fonts-noto-cjk for Chinese, Japanese and Korean,
// fonts-noto-color-emoji for emoji, fonts-noto-core for the other scripts
// and symbols. Private-use characters need no package: no package has
// them.
func fontPackages(runes map[rune]bool) []string {
	set := map[string]bool{}
	for r := range runes {
		if p := fontPackage(r); p != "" {
			set[p] = true
		}
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func fontPackage(r rune) string {
	switch {
	case unicode.Is(unicode.Co, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs):
		return ""
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r >= 0x3200 && r <= 0x33FF:
		return "fonts-noto-cjk"
	case r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF:
		return "fonts-noto-color-emoji"
	}
	return "fonts-noto-core"
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
