package widgets

import (
	"image/color"
	"math"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// inkColor is the text colour on paper notes: dark in every theme, since
// the paper colours are light in every theme. The poster prints the same
// ink (bmc.InkRGB).
var inkColor = func() color.NRGBA {
	r, g, b := bmc.InkRGB()
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}()

// measures are the text measures the board lays out with: note text,
// amounts and chip labels.
type measures struct {
	regular, bold textlayout.Measure
}

// screenMeasures measures with the theme's fonts.
func screenMeasures(th fyne.Theme) measures {
	return measures{regular: screenMeasure(th, fyne.TextStyle{}), bold: screenMeasure(th, fyne.TextStyle{Bold: true})}
}

// refSize is the text size widths are measured at: text widths grow in
// proportion to the size, so one measurement serves every size.
const refSize = 100

// shapedSize is the size Fyne spaces text of size at: go-text's shaper
// scales advances by the size rounded up to a whole pixel (after Fyne
// turns it into 26.6 fixed point), so 12.04 is spaced as 13.
func shapedSize(size float64) float64 {
	return math.Ceil(math.Floor(size*64) / 64)
}

// screenMeasure returns the width of text in the theme's font of the
// given style: the larger of its width as Fyne shapes it and the sum of
// its characters' own widths. For Latin, Greek and Cyrillic text the sum
// is the larger (kerning only brings letters closer), and it is what the
// poster measures, so a note breaks its lines in the same places on
// screen and paper; for scripts whose letters join, shaping may make text
// wider, and the shaped width keeps lines inside their cards. Widths of
// up to maxWidths strings per font are remembered.
func screenMeasure(th fyne.Theme, style fyne.TextStyle) textlayout.Measure {
	font := ""
	if th != nil {
		if f := th.Font(style); f != nil {
			font = f.Name()
		}
	}
	k := fontKey{style, font}
	widths.Lock()
	m := widths.m[k]
	if m == nil {
		m = &fontWidths{strings: map[string]float32{}, runes: map[rune]float32{}}
		widths.m[k] = m
	}
	widths.Unlock()
	return func(s string, size float64) float64 {
		widths.Lock()
		w, ok := m.strings[s]
		widths.Unlock()
		if !ok {
			w = max(fyne.MeasureText(s, refSize, style).Width, m.sum(s, style))
			widths.Lock()
			if len(m.strings) >= maxWidths {
				clear(m.strings)
			}
			m.strings[s] = w
			widths.Unlock()
		}
		return float64(w) * shapedSize(size) / refSize
	}
}

// fontWidths are the widths measured in one font at refSize.
type fontWidths struct {
	strings map[string]float32
	runes   map[rune]float32
}

// sum returns the sum of the widths of the characters of s, each set
// alone; combining marks add nothing, as on paper.
func (m *fontWidths) sum(s string, style fyne.TextStyle) float32 {
	total := float32(0)
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			continue
		}
		widths.Lock()
		w, ok := m.runes[r]
		widths.Unlock()
		if !ok {
			w = fyne.MeasureText(string(r), refSize, style).Width
			widths.Lock()
			m.runes[r] = w
			widths.Unlock()
		}
		total += w
	}
	return total
}

// widths remembers measured text widths at refSize per font.
var widths = struct {
	sync.Mutex
	m map[fontKey]*fontWidths
}{m: map[fontKey]*fontWidths{}}

const maxWidths = 50_000

type fontKey struct {
	style fyne.TextStyle
	font  string
}

// measurerFor returns a measure of text at one size and style in the
// current theme's font.
func measurerFor(size float32, style fyne.TextStyle) func(s string) float32 {
	m := screenMeasure(theme.Current(), style)
	return func(s string) float32 { return float32(m(s, float64(size))) }
}

// glyphBox returns the height Fyne gives a line of text at size: the box
// a canvas.Text is drawn in.
func glyphBox(size float32) float32 {
	return fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
}

// fitLine fits one line of text into width: at its size if it can, else
// slightly smaller, else cut with an ellipsis at the smallest. It returns
// the text and the size to draw it at. Block titles use it.
func fitLine(text string, width, size float32, style fyne.TextStyle) (string, float32) {
	m := screenMeasure(theme.Current(), style)
	for _, scale := range []float32{1, 0.92, 0.85} {
		if m(text, float64(size*scale)) <= float64(width) {
			return text, size * scale
		}
	}
	small := size * 0.85
	return textlayout.Ellipsize(text, float64(width), float64(small), m), small
}
