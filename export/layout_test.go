package export

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// The stress canvas: 60 notes of 40 to 400 characters in one block,
// on small and large paper, in small and large blocks. Every note must lie
// inside its block, be set at the minimum size or larger, and be printed
// whole, on extra pages if need be, with a warning naming the block.
func TestStressCanvasLayout(t *testing.T) {
	for _, block := range []string{"key_activities", "value_propositions", "revenue_streams"} {
		for _, opt := range []Options{{Paper: "A4"}, {Paper: "A1"}, {Paper: "A0", Portrait: true}, {Paper: "600x400"}, {Paper: "A3", Frontstage: true}} {
			if opt.Frontstage && block == "key_activities" {
				continue // hidden on the front stage
			}
			t.Run(fmt.Sprintf("%s/%s/portrait=%v/front=%v", block, opt.Paper, opt.Portrait, opt.Frontstage), func(t *testing.T) {
				c := stressCanvas(t, 7, 60, block)
				p, in := layoutOf(t, c, opt)
				checkLayout(t, p, in)
				title := c.Template().Blocks[blockIndex(c.Template(), block)].Title
				warned := strings.Contains(strings.Join(p.warnings, "\n"), title+" holds more notes than fit")
				if (len(p.pages) > 1) != warned {
					t.Errorf("%d pages but overflow warning %v: %q", len(p.pages), warned, p.warnings)
				}
			})
		}
	}
}

func blockIndex(t *bmc.Template, id string) int {
	for i, b := range t.Blocks {
		if b.ID == id {
			return i
		}
	}
	return -1
}

// Notes shrink step by step before anything moves to another page: as a
// block fills up, the type first gets smaller, and only once it is at the
// minimum do notes continue elsewhere.
func TestShrinkBeforeOverflow(t *testing.T) {
	sizes := map[bool]bool{} // whether a size between the extremes was used
	for n := 1; n <= 30; n++ {
		c := stressCanvas(t, 3, n, "key_partners")
		p, in := layoutOf(t, c, Options{Paper: "A2"})
		checkLayout(t, p, in)
		notes := p.pages[0].blocks[0].notes
		size := notes[0].text.size
		if len(p.pages) > 1 {
			if math.Abs(size-p.minNote) > 1e-9 {
				t.Fatalf("%d notes: overflow at %.1f pt, above the minimum %.1f", n, size, p.minNote)
			}
			if !sizes[true] {
				t.Errorf("overflow at %d notes without shrinking first", n)
			}
			return
		}
		sizes[size < noteMaxPt*p.scale-1e-9 && size > p.minNote] = true
	}
	t.Error("30 notes never overflowed Key Partners on A2")
}

// The minimum type size and the layout scale with the paper: A0 is A4
// magnified.
func TestLayoutScalesWithPaper(t *testing.T) {
	c := example(t, "bakery")
	a4, _ := layoutOf(t, c, Options{Paper: "A4"})
	a0, _ := layoutOf(t, c, Options{Paper: "A0"})
	k := a0.w / a4.w
	if math.Abs(a0.minNote/a4.minNote-k) > 0.01*k || math.Abs(a4.minNote-noteMinPt) > 0.01 {
		t.Errorf("minimum note size %.2f pt on A4, %.2f on A0; want %.0f and ×%.2f", a4.minNote, a0.minNote, noteMinPt, k)
	}
	for i, b4 := range a4.pages[0].blocks {
		b0 := a0.pages[0].blocks[i]
		if math.Abs(b0.frame.x-k*b4.frame.x) > 1 || math.Abs(b0.frame.w-k*b4.frame.w) > 1 {
			t.Errorf("%s: A4 frame %v, A0 frame %v: not scaled by %.2f", b4.block.ID, b4.frame, b0.frame, k)
		}
		if len(b4.notes) > 0 && math.Abs(b0.notes[0].text.size/b4.notes[0].text.size-k) > 0.02*k {
			t.Errorf("%s: notes at %.1f pt on A4 and %.1f on A0", b4.block.ID, b4.notes[0].text.size, b0.notes[0].text.size)
		}
	}
}

// Every example lays out on one page with nothing shrunk below the minimum,
// on every paper and orientation.
func TestExamplesLayout(t *testing.T) {
	for _, name := range []string{"bakery", "designer", "startup"} {
		for _, paper := range Papers() {
			for _, portrait := range []bool{false, true} {
				p, in := layoutOf(t, example(t, name), Options{Paper: paper, Portrait: portrait})
				checkLayout(t, p, in)
				if !portrait && len(p.pages) != 1 {
					t.Errorf("%s on %s: %d pages: %q", name, paper, len(p.pages), p.warnings)
				}
			}
		}
	}
}

// The front stage hides the backstage blocks, and the rest take the grid.
func TestFrontstageLayout(t *testing.T) {
	c := example(t, "bakery")
	full, _ := layoutOf(t, c, Options{Paper: "A3"})
	front, in := layoutOf(t, c, Options{Paper: "A3", Frontstage: true})
	checkLayout(t, front, in)
	var ids []string
	for _, bb := range front.pages[0].blocks {
		ids = append(ids, bb.block.ID)
		if bb.block.Backstage {
			t.Errorf("backstage block %s shown on the front stage", bb.block.ID)
		}
	}
	if len(ids) != 5 {
		t.Errorf("front stage shows %v, want the five front-stage blocks", ids)
	}
	vp := func(p *poster) box {
		for _, bb := range p.pages[0].blocks {
			if bb.block.ID == "value_propositions" {
				return bb.frame
			}
		}
		return box{}
	}
	if vp(front).w <= vp(full).w*1.4 {
		t.Errorf("Value Propositions is %.0f mm wide on the front stage and %.0f on the whole canvas; it should take the freed space", vp(front).w, vp(full).w)
	}
	if _, in := layoutOf(t, example(t, "startup"), Options{Frontstage: true}); len(layout(in).warnings) == 0 {
		t.Error("no warning that the Lean Canvas has no backstage")
	}
}

// A blank poster shows each block's question and prompts, large enough to
// read from a metre away on A1 (about 24 pt for the question), and no notes.
func TestBlankPosterPrompts(t *testing.T) {
	for _, tmpl := range bmc.Templates() {
		c := &bmc.Canvas{TemplateID: tmpl.ID, Blocks: map[string][]bmc.Note{}}
		for _, opt := range []Options{{Blank: true}, {Blank: true, Portrait: true}, {Blank: true, Frontstage: true}} {
			p, in := layoutOf(t, c, opt)
			checkLayout(t, p, in)
			if len(p.warnings) > 0 && !opt.Frontstage {
				t.Errorf("%s %+v: warnings %q", tmpl.ID, opt, p.warnings)
			}
			for _, bb := range p.pages[0].blocks {
				if len(bb.prompts) != 1+len(bb.block.Prompts) {
					t.Fatalf("%s %s: %d prompt boxes for a question and %d prompts", tmpl.ID, bb.block.ID, len(bb.prompts), len(bb.block.Prompts))
				}
				q := bb.prompts[0]
				if squeeze(strings.Join(q.lines, "")) != squeeze(bb.block.Question) {
					t.Errorf("%s %s: question printed as %q", tmpl.ID, bb.block.ID, q.lines)
				}
				if q.size < 24 || bb.prompts[1].size < 18 {
					t.Errorf("%s %s %+v: question at %.1f pt and prompts at %.1f pt on A1; too small to read from a metre", tmpl.ID, bb.block.ID, opt, q.size, bb.prompts[1].size)
				}
				last := bb.prompts[len(bb.prompts)-1]
				if !bb.area.contains(box{last.x, q.y, last.w, last.y + last.height() - q.y}) {
					t.Errorf("%s %s: prompts run out of the block", tmpl.ID, bb.block.ID)
				}
			}
		}
	}
}

// A note longer than a whole page flows through columns and pages, never
// cut.
func TestHugeNoteIsSplit(t *testing.T) {
	c, _ := bmc.New(bmc.Lean().ID)
	long := strings.Repeat("All work and no play makes Jack a dull boy. ", bmc.MaxTextLength/44)
	if _, err := c.AddNote("problem", -1, bmc.Note{ID: "huge", Text: long}); err != nil {
		t.Fatal(err)
	}
	p, in := layoutOf(t, c, Options{Paper: "A4"})
	checkLayout(t, p, in)
	if len(p.pages) < 2 || len(p.pages) > 3 || len(p.pages[1].blocks[0].notes) < 4 {
		t.Errorf("a %d-character note took %d pages, the first extra one in %d columns; want it to flow through the columns of at most two pages",
			len(long), len(p.pages), len(p.pages[1].blocks[0].notes))
	}
	// The block on the first page holds the note's start: no block stands
	// empty while its notes wait on a later page.
	for _, bb := range p.pages[0].blocks {
		if bb.block.ID == "problem" && (len(bb.notes) != 1 || !strings.HasPrefix(long, bb.notes[0].note.Text[:40])) {
			t.Errorf("the first page's Problem block holds %d notes, want the start of the huge one", len(bb.notes))
		}
	}
}

// With a note in focus, notes outside its chain fade: for a segment, the
// notes that serve it and what stands behind them stay clear; for a
// partner, what it supplies and everything downstream of that.
func TestFocusFadesUnlinkedNotes(t *testing.T) {
	c := example(t, "bakery")
	for _, focus := range []string{c.Segments()[0].ID, "n30"} {
		chain := c.Chain(focus)
		p, _ := layoutOf(t, c, Options{Focus: focus})
		var faded, clear int
		for _, bb := range p.pages[0].blocks {
			for _, nb := range bb.notes {
				if nb.faded == chain[nb.note.ID] {
					t.Errorf("focus %s: note %s (in chain %v) faded %v", focus, nb.note.ID, chain[nb.note.ID], nb.faded)
				}
				if nb.faded {
					faded++
				} else {
					clear++
				}
			}
		}
		if faded == 0 || clear < 4 {
			t.Errorf("focus %s: %d notes faded, %d clear", focus, faded, clear)
		}
	}
}

// Notes linked to segments carry one mark per segment, in its colour and
// shape.
func TestSegmentMarks(t *testing.T) {
	c := stressCanvas(t, 1, 20, "channels")
	p, _ := layoutOf(t, c, Options{})
	want := map[string]segMark{}
	for i, s := range c.Segments() {
		want[s.ID] = segMark{s.Color, bmc.SegmentShape(i)}
	}
	seen, own := 0, 0
	for _, bb := range p.pages[0].blocks {
		for _, nb := range bb.notes {
			ids := nb.note.Segments
			if _, ok := want[nb.note.ID]; ok {
				ids = append([]string{nb.note.ID}, ids...)
				own++
				if !nb.own {
					t.Errorf("segment %s does not carry its own mark", nb.note.ID)
				}
			}
			if len(nb.marks) != len(ids) {
				t.Fatalf("note %s serves %v but has %d marks", nb.note.ID, nb.note.Segments, len(nb.marks))
			}
			for i, s := range ids {
				if nb.marks[i] != want[s] {
					t.Errorf("note %s: mark %d is %v, segment %s's is %v", nb.note.ID, i, nb.marks[i], s, want[s])
				}
				seen++
			}
		}
	}
	if seen == 0 || own != 3 {
		t.Errorf("%d marks, %d segments with their own; want some and 3", seen, own)
	}
}

// The footer sums revenue and costs per year; blank posters and canvases
// without amounts have no such line.
func TestProfitLine(t *testing.T) {
	c, _ := bmc.New(bmc.Lean().ID)
	c.Currency = "€"
	add := func(block string, a float64, p bmc.Period) {
		n := bmc.Note{Text: "x", Period: p}
		if p != "" {
			n.Amount = &a
		}
		if _, err := c.AddNote(block, -1, n); err != nil {
			t.Fatal(err)
		}
	}
	_, in := layoutOf(t, c, Options{})
	if got := profitLine(in); got != "" {
		t.Errorf("a canvas without amounts has the profit line %q", got)
	}
	add("revenue_streams", 1000, bmc.PeriodMonth)
	add("revenue_streams", 500, bmc.PeriodOnce)
	add("cost_structure", 20000, bmc.PeriodYear)
	add("cost_structure", 0, "")
	_, in = layoutOf(t, c, Options{})
	want := "Per year: revenue €12,500, costs €20,000, loss €7,500; 1 note without an amount"
	if got := profitLine(in); got != want {
		t.Errorf("profit line %q, want %q", got, want)
	}
	p, _ := layoutOf(t, c, Options{})
	var found bool
	for _, tb := range p.pages[0].footer {
		found = found || strings.Join(tb.lines, " ") == want
	}
	if !found {
		t.Errorf("the footer lacks the profit line: %+v", p.pages[0].footer)
	}
	if _, in = layoutOf(t, c, Options{Blank: true}); profitLine(in) != "" {
		t.Error("a blank poster has a profit line")
	}
}

// Every word bmcanvas prints itself (block titles, questions, prompts,
// attributions, labels) has glyphs in Noto Sans regular and bold.
func TestOwnTextCovered(t *testing.T) {
	fs := testFonts(t)
	texts := []string{"Designed for Designed by Date Version (continued) page of • Per year: revenue, costs, profit loss; without an amount a month once a year",
		"Sheet row column Page poster on sheets. Cut along the black marks on the left and top (not on the first column or row), lay the sheet over its neighbour so the cut edge meets the red marks (10 mm overlap), and tape it. -0123456789,.€$"}
	for _, tmpl := range bmc.Templates() {
		texts = append(texts, tmpl.Name, strings.ToUpper(tmpl.Name), tmpl.Attribution)
		for _, b := range tmpl.Blocks {
			texts = append(texts, b.Title, b.Question, strings.Join(b.Prompts, " "))
		}
	}
	for _, text := range texts {
		for _, r := range text {
			if !fs.regular.has(r) || !fs.bold.has(r) {
				t.Errorf("Noto Sans lacks %q U+%04X, used in %q", r, r, text)
			}
		}
	}
}

func TestFormatAmount(t *testing.T) {
	for _, tc := range []struct {
		a        float64
		p        bmc.Period
		cur, out string
	}{
		{1200, bmc.PeriodMonth, "€", "€1,200 a month"},
		{1234567.5, bmc.PeriodYear, "CHF", "1,234,567.50 CHF a year"},
		{-40, bmc.PeriodOnce, "$", "-$40 once"},
		{999, "", "", "999 a year"},
	} {
		if got := formatAmount(tc.a, tc.p, tc.cur); got != tc.out {
			t.Errorf("formatAmount(%v, %q, %q) = %q, want %q", tc.a, tc.p, tc.cur, got, tc.out)
		}
	}
}
