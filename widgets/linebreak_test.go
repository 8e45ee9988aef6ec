package widgets

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/export"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// A note breaks its lines in the same places on screen and on the poster
// at the same scale: the screen sets it at 12 px in a column w px wide,
// the poster at 9 pt in a column w×9/12 pt wide, both with textlayout and
// Noto Sans, each measuring with its own font code.
func TestLineBreaksMatchThePoster(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	screen := screenMeasure(theme.DefaultTheme(), fyne.TextStyle{})
	notes := []string{
		// long words, hyphens and dashes
		"Donaudampfschifffahrtsgesellschaft and a neighbourhood co-operative for two-days-a-week deliveries",
		"Grandmother's sourdough starter – kept alive since 1962 — and her recipes",
		// several paragraphs, an empty one too
		"Lunch boxes\ndelivered by 12:00\n\nto offices within a 5-minute walk",
		// accents
		"Pâtisserie like in Lyon, à la française: crème brûlée, éclairs, œufs à la neige",
		"Café Müller, La Tetera, Šťastný & Søn, Zażółć gęślą jaźń",
	}
	const px, pt = 12.0, 9.0
	for _, text := range notes {
		for w := 80.0; w <= 320; w += 3 {
			onScreen := textlayout.Prepare(text).Wrap(w, px, screen).Lines
			onPaper, err := export.NoteLines(text, pt, w*pt/px*ptMM)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(onScreen, onPaper) {
				t.Errorf("%q at %v px:\nscreen %q\npaper  %q", text, w, onScreen, onPaper)
			}
		}
	}
}
