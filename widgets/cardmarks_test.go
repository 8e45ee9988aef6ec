package widgets

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// newTestCard shows a note on a card of the given size in the light theme.
func newTestCard(t *testing.T, n bmc.Note, size fyne.Size) (*NoteCard, *noteCardRenderer) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	c := NewNoteCard(n)
	c.Currency = "€"
	c.Resize(size)
	c.Refresh()
	return c, test.WidgetRenderer(c).(*noteCardRenderer)
}

func amountOf(v float64) *float64 { return &v }

// shownChips returns the texts of the chips in view.
func shownChips(r *noteCardRenderer) []string {
	var out []string
	for _, ch := range r.chips {
		if ch.bg.Visible() {
			out = append(out, ch.text.Text)
		}
	}
	return out
}

// shownMarks returns the fill colours of the segment marks in view, left
// to right.
func shownMarks(r *noteCardRenderer) []color.Color {
	var marks []*struct {
		x float32
		c color.Color
	}
	for _, m := range r.marks {
		if m.Visible() {
			marks = append(marks, &struct {
				x float32
				c color.Color
			}{m.Position().X, m.FillColor})
		}
	}
	slices.SortFunc(marks, func(a, b *struct {
		x float32
		c color.Color
	}) int {
		return int(a.x - b.x)
	})
	var out []color.Color
	for _, m := range marks {
		out = append(out, m.c)
	}
	return out
}

func TestNoteCardShowsStatusBadge(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n1", Text: "Families pay for a weekly loaf", Color: bmc.Pink}, fyne.NewSize(120, 110))
	if r.badge.disc.Visible() {
		t.Error("an idea has a badge")
	}
	for _, tc := range []struct {
		status bmc.Status
		fill   color.Color
		mark   bool // the question mark
		lines  bool // a tick or a cross
	}{
		{bmc.StatusHypothesis, hypothesisColor, true, false},
		{bmc.StatusValidated, validatedColor, false, true},
		{bmc.StatusInvalidated, invalidatedColor, false, true},
	} {
		n := c.Note
		n.Status = tc.status
		c.SetNote(n)
		if !r.badge.disc.Visible() || r.badge.disc.FillColor != tc.fill {
			t.Errorf("%s: badge shown %v in %v, want %v", tc.status, r.badge.disc.Visible(), r.badge.disc.FillColor, tc.fill)
		}
		if r.badge.mark.Visible() != tc.mark || r.badge.lines[0].Visible() != tc.lines || r.badge.lines[1].Visible() != tc.lines {
			t.Errorf("%s: question mark %v, lines %v", tc.status, r.badge.mark.Visible(), r.badge.lines[0].Visible())
		}
		d := r.badge.disc
		if d.Position().X+d.Size().Width > c.Size().Width || d.Position().Y+d.Size().Height > c.Size().Height {
			t.Errorf("%s: badge at %v %v is not inside the card", tc.status, d.Position(), d.Size())
		}
	}
}

func TestNoteCardStrikesInvalidatedText(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n1", Text: "Pre-order app for office pick-up", Color: bmc.Blue}, fyne.NewSize(110, 100))
	strikes := func() []float32 {
		var w []float32
		for _, l := range r.strikes {
			if l.Visible() {
				w = append(w, l.Position2.X-l.Position1.X)
			}
		}
		return w
	}
	if len(strikes()) != 0 {
		t.Errorf("an idea is struck through")
	}
	n := c.Note
	n.Status = bmc.StatusInvalidated
	c.SetNote(n)
	lines := cardLines(c)
	got := strikes()
	if len(lines) < 2 || len(got) != len(lines) {
		t.Fatalf("%d strikes over %d lines %q", len(got), len(lines), lines)
	}
	measure := measurerFor(r.own.style.text, fyne.TextStyle{})
	for i, l := range r.lines[:len(lines)] {
		if w := measure(l.Text); got[i] < w || got[i] > w+4 {
			t.Errorf("strike %d is %v long over %q, %v wide", i, got[i], l.Text, w)
		}
		if y := r.strikes[i].Position1.Y; y < l.Position().Y+r.own.style.lineH*0.3 || y > l.Position().Y+r.own.style.lineH*0.7 {
			t.Errorf("strike %d at y %v is not through line %d at %v", i, y, i, l.Position().Y)
		}
		if r.strikes[i].StrokeColor != inkColor {
			t.Errorf("strike %d in %v, want the ink", i, r.strikes[i].StrokeColor)
		}
	}
	n.Status = bmc.StatusValidated
	c.SetNote(n)
	if len(strikes()) != 0 {
		t.Error("a validated note is still struck through")
	}
}

func TestNoteCardShowsTagChips(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n1", Text: "Deck oven", Tags: []string{"physical"}}, fyne.NewSize(140, 100))
	if got := shownChips(r); !slices.Equal(got, []string{"physical"}) {
		t.Errorf("chips = %q, want [physical]", got)
	}
	ch := r.chips[0]
	if ch.text.TextSize >= r.lines[0].TextSize || ch.bg.Size().Height > r.own.style.lineH {
		t.Errorf("chip text %v high %v is not smaller than the note's %v", ch.text.TextSize, ch.bg.Size().Height, r.lines[0].TextSize)
	}

	// More tags than fit in a row: they wrap onto more rows, every one
	// shown, none running out of the card, and no "+N" stands in for them.
	n := c.Note
	n.Tags = []string{"physical", "intellectual", "human", "financial"}
	c.SetNote(n)
	got := shownChips(r)
	if !slices.Equal(got, n.Tags) {
		t.Fatalf("chips = %q, want every tag", got)
	}
	pad := newCardStyle(cardTextSize(theme.DefaultTheme())).pad
	rows := map[float32]bool{}
	for _, ch := range r.chips {
		if ch.bg.Visible() && ch.bg.Position().X+ch.bg.Size().Width > c.Size().Width-pad+0.5 {
			t.Errorf("chip %q runs out of the card", ch.text.Text)
		}
		rows[ch.bg.Position().Y] = true
	}
	if len(rows) < 2 {
		t.Errorf("four tags on a narrow card in %d row", len(rows))
	}

	// One tag wider than the whole card is cut short: the one thing a
	// card shortens.
	n.Tags = []string{"problem solving and platform"}
	c.SetNote(n)
	if got := shownChips(r); len(got) != 1 || !strings.HasSuffix(got[0], textlayout.Ellipsis) {
		t.Errorf("chips = %q, want the tag cut short", got)
	}

	n.Tags = nil
	c.SetNote(n)
	if got := shownChips(r); len(got) != 0 {
		t.Errorf("chips = %q after the tags went", got)
	}
}

func TestNoteCardShowsAmount(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n1", Text: "Rent of the shop", Amount: amountOf(2400), Period: bmc.PeriodMonth},
		fyne.NewSize(120, 110))
	if !r.amount[0].Visible() || r.amount[0].Text != "€2,400/mo" || !r.amount[0].TextStyle.Bold {
		t.Errorf("amount = %q (shown %v), want €2,400/mo in bold", r.amount[0].Text, r.amount[0].Visible())
	}
	n := c.Note
	n.Amount, n.Period = amountOf(18000), bmc.PeriodOnce
	c.SetNote(n)
	if r.amount[0].Text != "€18,000 once" {
		t.Errorf("amount = %q, want €18,000 once", r.amount[0].Text)
	}
	c.Currency = "CHF"
	c.Refresh()
	if r.amount[0].Text != "18,000 CHF once" {
		t.Errorf("amount = %q, want 18,000 CHF once", r.amount[0].Text)
	}
	last := r.lines[len(cardLines(c))-1]
	if last.Position().Y+last.Size().Height > r.amount[0].Position().Y+0.5 {
		t.Errorf("text line at %v runs into the amount at %v", last.Position().Y, r.amount[0].Position().Y)
	}
	n.Amount, n.Period = nil, ""
	c.SetNote(n)
	if r.amount[0].Visible() {
		t.Error("an amount is shown for a note without one")
	}
}

func TestNoteCardShowsSegmentMarks(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n6", Text: "Sourdough before 7 am", Segments: []string{"n1", "n2"}}, fyne.NewSize(120, 110))
	if len(shownMarks(r)) != 0 || c.dot.Visible() {
		t.Error("marks shown before the board gave their colours")
	}
	c.Marks = []bmc.Color{bmc.Blue, bmc.Pink}
	c.Refresh()
	if got := shownMarks(r); !slices.Equal(got, []color.Color{markColor(bmc.Blue), markColor(bmc.Pink)}) {
		t.Errorf("marks = %v, want blue then pink", got)
	}
	for _, m := range r.marks[:2] {
		if m.Size().Width > r.own.style.lineH || m.StrokeColor == m.FillColor {
			t.Errorf("mark %v wide with edge %v", m.Size().Width, m.StrokeColor)
		}
	}
	if c.dot.Visible() {
		t.Error("a note that is no segment shows a segment dot")
	}

	// A customer segment shows its own colour as its dot, which is a
	// control, and a ring when it is in focus.
	c.SetNote(bmc.Note{ID: "n2", Text: "Local families", Color: bmc.Pink})
	c.Marks = nil
	c.Segment = true
	c.Refresh()
	dr := test.WidgetRenderer(c.dot).(*segmentDotRenderer)
	if !c.dot.Visible() || dr.fill.FillColor != markColor(bmc.Pink) || dr.ring.Visible() {
		t.Errorf("segment dot shown %v in %v, ring %v", c.dot.Visible(), dr.fill.FillColor, dr.ring.Visible())
	}
	if s := c.dot.Size(); s.Width < 16 || s.Height < 16 {
		t.Errorf("segment dot is %v, too small to hit", s)
	}
	if c.dot.Cursor() != desktop.PointerCursor {
		t.Error("the segment dot does not show a pointing hand")
	}
	c.SegmentFocused = true
	c.Refresh()
	if !dr.ring.Visible() || dr.ring.StrokeColor != theme.DefaultTheme().Color(theme.ColorNamePrimary, theme.VariantLight) {
		t.Errorf("focused segment's ring shown %v in %v", dr.ring.Visible(), dr.ring.StrokeColor)
	}
	c.SegmentFocused = false
	c.Refresh()
	c.dot.MouseIn(&desktop.MouseEvent{})
	if !dr.ring.Visible() {
		t.Error("no ring under the pointer")
	}
	c.dot.MouseOut()
	if dr.ring.Visible() {
		t.Error("the ring stays after the pointer left")
	}
}

func TestNoteCardDotEvents(t *testing.T) {
	c, _ := newTestCard(t, bmc.Note{ID: "n2", Text: "Local families", Color: bmc.Pink}, fyne.NewSize(120, 110))
	c.Segment = true
	c.Refresh()
	var got []string
	var pointers []fyne.Position
	c.OnTapped = func() { got = append(got, "card tapped") }
	c.OnDragged = func(fyne.Position) { got = append(got, "card dragged") }
	c.OnSecondaryTapped = func(*fyne.PointEvent) { got = append(got, "menu") }
	c.OnDotTapped = func() { got = append(got, "dot tapped") }
	c.OnDotDragged = func(p fyne.Position) { pointers = append(pointers, p) }
	c.OnDotDragEnd = func() { got = append(got, "dot drag end") }

	test.Tap(c.dot)
	test.TapSecondary(c.dot)
	c.dot.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(5, 6)}, Button: desktop.MouseButtonPrimary})
	c.dot.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(9, 6)}, Dragged: fyne.NewDelta(4, 0)})
	c.dot.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(-40, -30)}, Dragged: fyne.NewDelta(-49, -36)})
	c.dot.MouseUp(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	c.dot.DragEnd()
	c.dot.DragEnd() // no drag: nothing

	if want := "dot tapped menu dot drag end"; strings.Join(got, " ") != want {
		t.Errorf("events = %q, want %q", strings.Join(got, " "), want)
	}
	at := c.dot.Position()
	want := []fyne.Position{at.AddXY(9, 6), at.AddXY(-40, -30)}
	if !slices.Equal(pointers, want) {
		t.Errorf("pointers = %v, want %v (relative to the card)", pointers, want)
	}
}

func TestNoteCardKeepsTextClearOfTheRow(t *testing.T) {
	// Whatever a note carries, its text stays above the row of chips and
	// dots, or beside it, and every part stays inside the card.
	notes := []bmc.Note{
		{ID: "a", Text: "Counter sales: bread, pastries, coffee", Status: bmc.StatusValidated, Tags: []string{"asset sale"},
			Amount: amountOf(14500), Period: bmc.PeriodMonth, Segments: []string{"n1", "n2"}},
		{ID: "b", Text: "Sourdough out of the oven before 7 am, still warm when you pass by", Segments: []string{"n1", "n2"}},
		{ID: "c", Text: "Rent", Tags: []string{"fixed"}, Amount: amountOf(2400), Period: bmc.PeriodMonth},
		{ID: "d", Text: strings.Repeat("word ", 40), Status: bmc.StatusHypothesis, Tags: []string{"x", "y"}},
		{ID: "e", Text: "Coffee and croissant ready in under two minutes, every single morning", Status: bmc.StatusValidated,
			Segments: []string{"n1", "n2", "n3"}},
		{ID: "f", Text: "Families", Segments: []string{"n1"}},
	}
	for _, size := range []fyne.Size{{Width: 104, Height: 104}, {Width: 104, Height: 70}, {Width: 180, Height: 60}} {
		for _, n := range notes {
			c, r := newTestCard(t, n, size)
			c.Marks = make([]bmc.Color, len(n.Segments))
			c.Refresh()
			var row []fyne.CanvasObject
			for _, ch := range r.chips {
				row = append(row, ch.bg)
			}
			for _, m := range r.marks {
				row = append(row, m)
			}
			row = append(row, r.badge.disc)
			for _, a := range r.amount {
				row = append(row, a)
			}
			for _, o := range row {
				if !o.Visible() {
					continue
				}
				p, s := o.Position(), o.Size()
				if p.X < 0 || p.Y < 0 || p.X+s.Width > size.Width+0.5 || p.Y+s.Height > size.Height+0.5 {
					t.Errorf("%s at %v: %T at %v %v leaves the card", n.ID, size, o, p, s)
				}
				for _, l := range r.lines {
					if !l.Visible() {
						continue
					}
					w := measurerFor(l.TextSize, fyne.TextStyle{})(l.Text)
					lp := l.Position()
					if lp.Y+r.own.style.lineH > p.Y+1 && lp.Y < p.Y+s.Height && lp.X+w > p.X && lp.X < p.X+s.Width {
						t.Errorf("%s at %v: line %q at %v runs into %T at %v %v", n.ID, size, l.Text, lp, o, p, s)
					}
				}
			}
		}
	}
}

func TestNoteCardDimmed(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n1", Text: "Flour", Status: bmc.StatusHypothesis}, fyne.NewSize(100, 90))
	c.Dimmed = true
	c.Refresh()
	bg := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight).(color.NRGBA)
	bg.A = dimVeil
	if !r.fade.Visible() || r.fade.FillColor != bg || r.shadow.Visible() {
		t.Errorf("dimmed card: veil %v in %v, want %v; shadow %v", r.fade.Visible(), r.fade.FillColor, bg, r.shadow.Visible())
	}
	// Over everything but the change marks, which fade themselves.
	_, over := r.change.objects()
	if objs := r.Objects(); objs[len(objs)-1-len(over)] != r.fade {
		t.Error("the veil is not over everything on the card")
	}
	// The veil lets about a third of the card through: enough to read.
	if a := float64(dimVeil) / 255; a < 0.55 || a > 0.75 {
		t.Errorf("veil opacity %.2f", a)
	}
	c.Dimmed = false
	c.Refresh()
	if r.fade.Visible() {
		t.Error("the veil stays after dimming ends")
	}
}

func TestNoteCardMarksInDarkTheme(t *testing.T) {
	// Paper is light in every theme, so what sits on it keeps its colours;
	// only the veil of a dimmed card follows the theme's background.
	a := test.NewTempApp(t)
	a.Settings().SetTheme(darkTheme{theme.DefaultTheme()})
	c := NewNoteCard(bmc.Note{ID: "n1", Text: "Pre-order app", Status: bmc.StatusInvalidated, Tags: []string{"app"}})
	c.Marks = []bmc.Color{bmc.Blue}
	c.Dimmed = true
	c.Resize(fyne.NewSize(110, 100))
	r := test.WidgetRenderer(c).(*noteCardRenderer)
	if r.badge.disc.FillColor != invalidatedColor || r.badge.lines[0].StrokeColor != badgeInk || r.chips[0].text.Color != inkColor ||
		r.strikes[0].StrokeColor != inkColor || r.marks[0].FillColor != markColor(bmc.Blue) {
		t.Error("badge, chip, strike or mark colours change with the theme")
	}
	want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark).(color.NRGBA)
	want.A = dimVeil
	if r.fade.FillColor != want {
		t.Errorf("veil = %v in the dark theme, want %v", r.fade.FillColor, want)
	}
}

// darkTheme is Fyne's default theme in its dark variant.
type darkTheme struct{ fyne.Theme }

func (t darkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantDark)
}

// A closed vote's result shows on the card, beside the badge, with a tip.
func TestNoteCardShowsVotes(t *testing.T) {
	c, r := newTestCard(t, bmc.Note{ID: "n1", Text: "Weekly loaf", Status: bmc.StatusHypothesis}, fyne.NewSize(140, 110))
	if r.votes.disc.Visible() {
		t.Error("a note without votes shows a count")
	}
	n := c.Note
	n.Votes = 12
	c.SetNote(n)
	d := r.votes.disc
	if !d.Visible() || r.votes.text.Text != "12" || d.FillColor != voteInk {
		t.Fatalf("count shown %v, %q", d.Visible(), r.votes.text.Text)
	}
	if d.Position().X+d.Size().Width > r.badge.disc.Position().X || d.Position().Y+d.Size().Height > c.Size().Height {
		t.Errorf("count at %v %v overlaps the badge at %v or leaves the card", d.Position(), d.Size(), r.badge.disc.Position())
	}
	tips := ""
	for _, h := range c.hotspots {
		tips += h.tip + "|"
	}
	if !strings.Contains(tips, "12 dots in the last vote") {
		t.Errorf("tips %q", tips)
	}
}
