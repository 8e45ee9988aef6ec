package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestBlockHintCountAndThumb(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	spec, _ := bmc.BusinessModelCanvas.Block("channels")
	w := newBlockWidget(spec)
	w.state.empty = true
	w.Resize(fyne.NewSize(240, 300))
	test.AssertObjectRendersToMarkup(t, "block/empty.xml", w)

	w.state = blockState{above: 2, below: 5, aboveMatch: -1, belowMatch: -1, total: 400, viewTop: 100, viewH: 200}
	w.Refresh()
	r := test.WidgetRenderer(w).(*blockRenderer)
	if r.more.Text != "2 more above · 5 more below" {
		t.Errorf("indicator = %q", r.more.Text)
	}
	for _, h := range r.hint {
		if h.Visible() {
			t.Errorf("a block with notes shows the hint %q", h.Text)
		}
	}
	if r.thumb.Hidden || r.thumb.Size().Height*2 > r.track.Size().Height+0.01 {
		t.Errorf("scroll thumb %v of track %v, want half of it for 200 of 400", r.thumb.Size(), r.track.Size())
	}
	// Scrolled to the end, with a filter: only what is above, and how many
	// of those the filter found.
	w.state = blockState{above: 7, aboveMatch: 2, belowMatch: 0, total: 400, viewTop: 200, viewH: 200}
	w.Refresh()
	if r.more.Text != "7 more above (2 found)" {
		t.Errorf("indicator at the end = %q", r.more.Text)
	}
	// In a narrow block the indicator shortens rather than run out of it.
	w.state = blockState{above: 7, below: 11, aboveMatch: 3, belowMatch: 1, total: 400, viewTop: 100, viewH: 200}
	w.Resize(fyne.NewSize(120, 300))
	if r.more.Text != "7 above · 11 below" {
		t.Errorf("indicator in a narrow block = %q", r.more.Text)
	}
	w.Resize(fyne.NewSize(240, 300))
	w.state = blockState{}
	w.Refresh()
	if r.more.Text != "" || !r.thumb.Hidden {
		t.Error("a block whose notes all fit shows a count or a scroll thumb")
	}
}

func TestBlockLongTitleMakesRoomForButtonsOnHover(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	spec, _ := bmc.Personal.Block("channels") // "How they know you & how you deliver"
	w := newBlockWidget(spec)
	w.Resize(fyne.NewSize(200, 200))
	r := test.WidgetRenderer(w).(*blockRenderer)
	if w.add.Visible() {
		t.Error("buttons take the room of a long title while the pointer is elsewhere")
	}
	wide := r.title.Size().Width
	w.MouseIn(nil)
	if !w.add.Visible() || !w.help.Visible() {
		t.Error("buttons do not show on hover")
	}
	if r.title.Size().Width >= wide || !strings.HasSuffix(r.title.Text, "…") {
		t.Errorf("title %q (%v wide) did not give way to the buttons", r.title.Text, r.title.Size().Width)
	}
	// Moving onto a button takes the hover from the block to the button:
	// the buttons must stay.
	w.MouseOut()
	w.add.MouseIn(nil)
	if !w.add.Visible() {
		t.Error("the + button vanished from under the pointer")
	}
	w.add.MouseOut()
	if w.add.Visible() {
		t.Error("buttons stay after the pointer left the block")
	}
	w.state.focused = true
	w.Refresh()
	if !w.add.Visible() {
		t.Error("buttons hidden on a block with the keyboard focus")
	}

	short, _ := bmc.BusinessModelCanvas.Block("channels")
	w2 := newBlockWidget(short)
	w2.Resize(fyne.NewSize(200, 200))
	if !w2.add.Visible() {
		t.Error("buttons hidden beside a short title")
	}
}

func TestBlockEvents(t *testing.T) {
	test.NewTempApp(t)
	spec, _ := bmc.BusinessModelCanvas.Block("channels")
	w := newBlockWidget(spec)
	w.Resize(fyne.NewSize(240, 300))
	var got []string
	w.OnPressed = func() { got = append(got, "pressed") }
	w.OnAdd = func() { got = append(got, "add") }
	w.OnScrolled = func(*fyne.ScrollEvent) { got = append(got, "scrolled") }
	test.Tap(w)
	test.DoubleTap(w)
	test.Tap(w.add)
	w.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	w.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(10, 0)}) // sideways: ignored
	if want := "pressed add add scrolled"; strings.Join(got, " ") != want {
		t.Errorf("events = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestBlockContextMenu(t *testing.T) {
	test.NewTempApp(t)
	spec, _ := bmc.BusinessModelCanvas.Block("channels")
	w := newBlockWidget(spec)
	win := test.NewTempWindow(t, w)
	win.Resize(fyne.NewSize(300, 300))
	added := false
	w.OnAdd = func() { added = true }
	test.TapSecondary(w)
	overlay := win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no menu")
	}
	md := test.RenderObjectToMarkup(overlay)
	if !strings.Contains(md, "Add note") || !strings.Contains(md, "Show prompts") {
		t.Errorf("menu lacks its items:\n%s", md)
	}
	win.Canvas().Overlays().Remove(overlay)
	w.tappedAdd()
	if !added {
		t.Error("Add note did not call OnAdd")
	}
}

func TestEscapeMarkdown(t *testing.T) {
	if got := escapeMarkdown("*a* _b_ [c] #d"); got != `\*a\* \_b\_ \[c\] \#d` {
		t.Errorf("escapeMarkdown = %q", got)
	}
}
