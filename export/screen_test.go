package export

import (
	"slices"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/textlayout"
)

// screenMeasure measures text as the editor's board does (widgets'
// screenMeasure): the larger of Fyne's shaped width at 100 px and the
// sum of the characters' widths (marks aside), scaled to the size.
func screenMeasure(style fyne.TextStyle) textlayout.Measure {
	return func(s string, size float64) float64 {
		sum := float32(0)
		for _, r := range s {
			if !unicode.In(r, unicode.Mn, unicode.Me) {
				sum += fyne.MeasureText(string(r), 100, style).Width
			}
		}
		return float64(max(fyne.MeasureText(s, 100, style).Width, sum)) * size / 100
	}
}

// A note breaks its lines in the same places on screen and on paper, for
// Chinese, Japanese, Korean and Arabic text too: both shape with the same
// fonts and wrap with textlayout, so a note as wide in ems breaks alike.
func TestSameLinesOnScreenAndPaper(t *testing.T) {
	needScriptFonts(t)
	test.NewTempApp(t)
	fs := testFonts(t)
	paper := fs.measure(fs.regular) // millimetres at a size in points
	screen := screenMeasure(fyne.TextStyle{})
	const size = 9.0
	for _, text := range []string{
		"焼きたてのクロワッサンを毎朝7時から、駅前の小さなパン屋でお届けします。予約も受け付けています。",
		"北京的上班族每天早上在地铁站买面包和咖啡，我们提供每周订阅和企业团购。",
		"학생 손님을 위한 빵 구독 서비스와 주말 베이킹 교실을 운영합니다",
		"خبز طازج كل صباح من الفرن إلى باب بيتك، مع اشتراك أسبوعي للعائلات والمكاتب",
		"לחם טרי בכל בוקר מהתנור עד הדלת שלכם, עם מנוי שבועי",
		"Bäckerei Müller → günstig ≥ Supermarkt, mit 🥐 und 👨‍👩‍👧 am Wochenende",
	} {
		prepared := textlayout.Prepare(text)
		// Widths a little off whole ems: CJK text is often a whole number of
		// ems long, and at an exact tie the screen's float32 pixels and the
		// paper's float64 millimetres may round to either side.
		for _, ems := range []float64{6.013, 9.013, 13.013, 20.013} {
			onPaper := prepared.Wrap(ems*size*ptMM, size, paper).Lines
			onScreen := prepared.Wrap(ems*size, size, screen).Lines
			if !slices.Equal(onPaper, onScreen) {
				t.Errorf("%.20q… at %v ems: paper breaks %q, screen %q", text, ems, onPaper, onScreen)
			}
			if len(onPaper) < 2 && ems < 13 {
				t.Errorf("%.20q… at %v ems fits on one line; the test needs breaks", text, ems)
			}
		}
	}
}
