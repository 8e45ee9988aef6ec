package widgets

import (
	"strings"
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ellipsis ends a line that had to be cut short.
const ellipsis = "…"

// textMeasurer returns the width of a string in one font size and style.
type textMeasurer func(s string) float32

// measurerFor measures with the current app's theme fonts, remembering
// widths: a board lays out the same words again on every resize.
func measurerFor(size float32, style fyne.TextStyle) textMeasurer {
	font := ""
	if th := theme.Current(); th != nil {
		if f := th.Font(style); f != nil {
			font = f.Name()
		}
	}
	k := fontKey{size, style, font}
	widths.Lock()
	m := widths.m[k]
	if m == nil {
		m = map[string]float32{}
		widths.m[k] = m
	}
	widths.Unlock()
	return func(s string) float32 {
		widths.Lock()
		w, ok := m[s]
		widths.Unlock()
		if ok {
			return w
		}
		w = fyne.MeasureText(s, size, style).Width
		widths.Lock()
		if len(m) >= maxWidths {
			clear(m)
		}
		m[s] = w
		widths.Unlock()
		return w
	}
}

// widths remembers measured text widths per font and size, up to
// maxWidths strings for each.
var widths = struct {
	sync.Mutex
	m map[fontKey]map[string]float32
}{m: map[fontKey]map[string]float32{}}

const maxWidths = 20_000

type fontKey struct {
	size  float32
	style fyne.TextStyle
	font  string
}

// wrapText breaks text into lines no wider than width, at spaces and
// after hyphens where it can and inside a word when a word alone is too
// wide. Newlines in the text start new lines. When the text needs more than
// maxLines lines (maxLines > 0), the last line kept ends with an ellipsis.
func wrapText(text string, width float32, maxLines int, measure textMeasurer) []string {
	return wrapParagraphs(splitText(text), width, maxLines, measure)
}

// splitText splits text into paragraphs of tokens, dropping trailing
// blank lines.
func splitText(text string) [][]token {
	text = strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), " \t\n")
	paras := strings.Split(text, "\n")
	out := make([][]token, len(paras))
	for i, p := range paras {
		out[i] = tokens(p)
	}
	return out
}

// wrapParagraphs is wrapText on text split by splitText.
func wrapParagraphs(paragraphs [][]token, width float32, maxLines int, measure textMeasurer) []string {
	if width <= 0 || maxLines == 0 {
		return nil
	}
	var lines []string
	full := func() bool { return maxLines > 0 && len(lines) >= maxLines }
	space := measure(" ")
	truncated := false
	for p, words := range paragraphs {
		if full() {
			truncated = true
			break
		}
		if len(words) == 0 {
			if p < len(paragraphs)-1 || len(paragraphs) == 1 {
				lines = append(lines, "")
			}
			continue
		}
		copied := false // words is copied before a long word is cut
		line, lineW := "", float32(0)
		for i := 0; i < len(words) && !truncated; i++ {
			w := words[i]
			ww := measure(w.text)
			sep, sepW := " ", space
			if w.glued {
				sep, sepW = "", 0
			}
			switch {
			case line == "" && ww <= width:
				line, lineW = w.text, ww
			case line != "" && lineW+sepW+ww <= width:
				line, lineW = line+sep+w.text, lineW+sepW+ww
			case line != "":
				lines = append(lines, line)
				line, lineW = "", 0
				truncated = full()
				i-- // place the word again on the new line
			default: // a word wider than the line: break it
				head := fitRunes(w.text, width, measure)
				lines = append(lines, head)
				truncated = full()
				if !copied {
					words, copied = append([]token(nil), words...), true
				}
				words[i].text = w.text[len(head):]
				i--
			}
		}
		if truncated {
			break
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if !truncated && maxLines > 0 && len(lines) > maxLines {
		truncated = true
		lines = lines[:maxLines]
	}
	if truncated && len(lines) > 0 {
		last := len(lines) - 1
		lines[last] = ellipsize(lines[last]+ellipsis, width, measure)
	}
	return lines
}

// fitRunes returns the longest prefix of s, at least one rune long, that is
// no wider than width.
func fitRunes(s string, width float32, measure textMeasurer) string {
	lo, hi := 1, utf8.RuneCountInString(s)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(prefixRunes(s, mid)) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return prefixRunes(s, lo)
}

func prefixRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// ellipsize returns s if it fits in width, or else the longest prefix of s
// followed by an ellipsis that fits (at least the ellipsis).
func ellipsize(s string, width float32, measure textMeasurer) string {
	if measure(s) <= width {
		return s
	}
	body := strings.TrimSuffix(s, ellipsis)
	lo, hi := 0, utf8.RuneCountInString(body)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(strings.TrimRight(prefixRunes(body, mid), " ")+ellipsis) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(prefixRunes(body, lo), " ") + ellipsis
}

// fitting is text wrapped at one size.
type fitting struct {
	lines []string
	size  float32 // text size
	lineH float32 // line height
	cut   bool    // the text did not fit even at the smallest size
}

// textScales are the sizes, relative to the normal one, that fitText tries.
var textScales = []float32{1, 0.92, 0.85}

// fitText wraps text, split by splitText, into a box, trying slightly smaller sizes when the
// text needs more lines than the box holds or has a word wider than the
// box. At the smallest size, text that still does not fit is cut with an
// ellipsis and long words are broken.
func fitText(paras [][]token, box fyne.Size, size float32, style fyne.TextStyle) fitting {
	var f fitting
	for _, scale := range textScales {
		var ok bool
		if f, ok = fitAt(paras, box, size*scale, style); ok {
			return f
		}
	}
	measure := measurerFor(f.size, style)
	f.lines = wrapParagraphs(paras, box.Width, max(int(box.Height/f.lineH), 1), measure)
	f.cut = true
	return f
}

// fitAt wraps text, split by splitText, at one size, and reports whether
// it fits the box: no more lines than the box holds and no word wider than
// the box.
func fitAt(paras [][]token, box fyne.Size, size float32, style fyne.TextStyle) (fitting, bool) {
	lineH := fyne.MeasureText("Mg", size, style).Height
	maxLines := max(int(box.Height/lineH), 1)
	measure := measurerFor(size, style)
	lines := wrapParagraphs(paras, box.Width, -1, measure)
	return fitting{lines: lines, size: size, lineH: lineH}, len(lines) <= maxLines && wordsFit(paras, box.Width, measure)
}

// wordsFit reports whether every token (a word, or a part of a hyphenated
// one) fits in width.
func wordsFit(paragraphs [][]token, width float32, measure textMeasurer) bool {
	for _, p := range paragraphs {
		for _, w := range p {
			if measure(w.text) > width {
				return false
			}
		}
	}
	return true
}

// token is a word, or a part of one that a line may end after: "two-",
// "days-", "a-", "week" make up "two-days-a-week".
type token struct {
	text  string
	glued bool // joined to the token before without a space
}

// tokens splits text at spaces, and words after their hyphens, dashes and
// slashes.
func tokens(text string) []token {
	var out []token
	for _, w := range strings.Fields(text) {
		glued := false
		for {
			_, first := utf8.DecodeRuneInString(w)
			cut := strings.IndexAny(w[first:], "-/–—")
			if cut < 0 {
				break
			}
			_, size := utf8.DecodeRuneInString(w[first+cut:])
			end := first + cut + size
			if end >= len(w) {
				break
			}
			out = append(out, token{w[:end], glued})
			w, glued = w[end:], true
		}
		out = append(out, token{w, glued})
	}
	return out
}

// fitLine fits one line of text into width: at its size if it can, else
// slightly smaller, else cut with an ellipsis at the smallest size. It
// returns the text and the size to draw it at.
func fitLine(text string, width, size float32, style fyne.TextStyle) (string, float32) {
	for _, scale := range textScales {
		if measurerFor(size*scale, style)(text) <= width {
			return text, size * scale
		}
	}
	small := size * textScales[len(textScales)-1]
	return ellipsize(text, width, measurerFor(small, style)), small
}
