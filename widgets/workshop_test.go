package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// newTestWorkshop shows workshop mode on c in a 1280×800 test window.
func newTestWorkshop(t testing.TB, c *bmc.Canvas, dark bool) (*Workshop, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if dark {
		a.Settings().SetTheme(darkTheme{theme.DefaultTheme()})
	} else {
		a.Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	}
	ws := NewWorkshop(c)
	w := test.NewTempWindow(t, ws)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	return ws, w
}

func TestWorkshopRenders(t *testing.T) {
	for _, tc := range []struct {
		name  string
		steps int
		dark  bool
	}{
		{"first-light", 0, false},
		{"first-dark", 0, true},
		{"key-activities-light", 5, false},
		{"key-activities-dark", 5, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws, w := newTestWorkshop(t, example(t, "bakery"), tc.dark)
			for range tc.steps {
				ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			}
			if tc.steps == 5 && ws.Block() != "key_activities" {
				t.Fatalf("step 6 is %s, want key_activities", ws.Block())
			}
			test.AssertImageMatches(t, "workshop/bakery-"+tc.name+".png", w.Canvas().Capture())
		})
	}
}

// The keys walk the nine blocks in the template's fill order and stop at
// either end; Escape asks to leave.
func TestWorkshopKeys(t *testing.T) {
	ws, w := newTestWorkshop(t, example(t, "bakery"), false)
	w.Canvas().Focus(ws)
	left := 0
	ws.OnExit = func() { left++ }
	want := bmc.BusinessModelCanvas().FillOrder
	for i, id := range want {
		if ws.Block() != id {
			t.Errorf("step %d is %s, want %s", i+1, ws.Block(), id)
		}
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if ws.Step() != len(want)-1 {
		t.Errorf("went past the last step: %d", ws.Step())
	}
	for _, k := range []fyne.KeyName{fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp} {
		ws.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if ws.Step() != len(want)-4 {
		t.Errorf("after three steps back, step %d", ws.Step()+1)
	}
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if ws.Step() != 0 {
		t.Errorf("went before the first step: %d", ws.Step())
	}
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if left != 1 {
		t.Errorf("Escape called OnExit %d times", left)
	}
}

func TestWorkshopLeanOrder(t *testing.T) {
	c, _ := bmc.New(bmc.Lean().ID)
	ws, _ := newTestWorkshop(t, c, false)
	if ws.Block() != "problem" {
		t.Errorf("the Lean Canvas starts with %s", ws.Block())
	}
}

// The timer counts down per step on an injected clock, says when time is
// up, and restarts on each step.
func TestWorkshopTimer(t *testing.T) {
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	ws, _ := newTestWorkshop(t, example(t, "bakery"), false)
	ws.Now = func() time.Time { return now }
	if ws.Remaining() != 0 {
		t.Error("a time left without a timer")
	}
	ws.SetTimer(3 * time.Minute)
	tests := []struct {
		advance time.Duration
		step    bool
		want    time.Duration
		text    string
	}{
		{0, false, 3 * time.Minute, "3:00"},
		{61 * time.Second, false, 119 * time.Second, "1:59"},
		{500 * time.Millisecond, false, 118500 * time.Millisecond, "1:59"},
		{0, true, 3 * time.Minute, "3:00"},
		{3 * time.Minute, false, 0, "Time's up"},
		{time.Minute, false, -time.Minute, "Time's up"},
	}
	for i, tt := range tests {
		now = now.Add(tt.advance)
		if tt.step {
			ws.Next()
		}
		ws.Tick()
		if got := ws.Remaining(); got != tt.want {
			t.Errorf("%d: %v left, want %v", i, got, tt.want)
		}
		if !showsText(ws, tt.text) {
			t.Errorf("%d: the timer does not show %q", i, tt.text)
		}
	}
	ws.SetTimer(0)
	if showsText(ws, "Time's up") {
		t.Error("the timer still shows after being turned off")
	}
}

// showsText reports whether some text object in o reads s.
func showsText(o fyne.CanvasObject, s string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && t.Text == s {
			return true
		}
	}
	return false
}

func TestWorkshopTimerButton(t *testing.T) {
	ws, _ := newTestWorkshop(t, example(t, "bakery"), false)
	var got []time.Duration
	for range TimerChoices {
		ws.NextTimer()
		got = append(got, ws.Timer())
	}
	want := append(append([]time.Duration(nil), TimerChoices[1:]...), 0)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("timer button cycles %v, want %v", got, want)
			break
		}
	}
}
