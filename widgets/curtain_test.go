package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestCurtain(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	tapped := 0
	c := newCurtainStrip(func() { tapped++ })
	c.Resize(fyne.NewSize(28, 400))
	test.AssertObjectRendersToMarkup(t, "curtain/curtain.xml", c)
	r := test.WidgetRenderer(c).(*curtainRenderer)
	var letters []string
	for _, l := range r.letters {
		if l.Visible() {
			letters = append(letters, l.Text)
		}
	}
	if strings.Join(letters, "") != "BACKSTAGE" {
		t.Errorf("letters = %q", letters)
	}
	before := r.bg.FillColor
	c.MouseIn(nil)
	if r.bg.FillColor == before {
		t.Error("no highlight on hover")
	}
	c.MouseOut()
	if r.bg.FillColor != before {
		t.Error("highlight stays after the pointer left")
	}
	test.Tap(c)
	if tapped != 1 {
		t.Errorf("tapped %d times", tapped)
	}
	c.Resize(fyne.NewSize(28, 60)) // too short for all the letters
	for _, l := range r.letters[3:] {
		if l.Visible() {
			t.Errorf("letter %q drawn below the strip", l.Text)
		}
	}
}
