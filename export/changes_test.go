package export

import (
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// bakeryChanged returns the bakery example and a new version of it with
// one change of each kind a change poster marks.
func bakeryChanged(t testing.TB) (old, new *bmc.Canvas) {
	t.Helper()
	old = example(t, "bakery")
	new = old.Clone()
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	m := new.Meta
	m.Version, m.Date = "4", "2026-12-01"
	check(new.SetMeta(m))
	_, err := new.AddNote("channels", -1, bmc.Note{Text: "Market stall on Saturdays", Segments: []string{"n2"}})
	check(err)
	check(new.DeleteNote("n11")) // second in Channels, after n10
	check(new.MoveNote("n32", "channels", 0))
	check(new.SetText("n9", "Pâtisserie like in Lyon"))
	check(new.SetColor("n9", bmc.Blue))
	n, _ := new.Note("n17")
	n.Status = bmc.StatusValidated
	check(new.UpdateNote(n))
	n, _ = new.Note("n33")
	a := 2600.0
	n.Amount = &a
	check(new.UpdateNote(n))
	return old, new
}

// changeLayout lays out a change poster as PDF does.
func changeLayout(t *testing.T, old, new *bmc.Canvas, opt Options) (*poster, layoutInput) {
	t.Helper()
	opt.Compare = bmc.Compare(old, new)
	paper, err := ParsePaper(opt.Paper)
	if err != nil {
		t.Fatal(err)
	}
	fs := testFonts(t)
	san := newSanitizer(fs)
	in := layoutInput{t: new.Template(), c: sanitizeCanvas(new.Template(), new, san), opt: opt, paper: paper, fonts: fs}
	in.changes = markChanges(in.c, opt.Compare, opt, san)
	return layout(in), in
}

func TestChangePosterLayout(t *testing.T) {
	old, new := bakeryChanged(t)
	p, in := changeLayout(t, old, new, Options{Paper: "A2"})
	checkLayout(t, p, in)
	labels := map[string]string{}
	var channels []string
	for _, bb := range p.pages[0].blocks {
		for _, nb := range bb.notes {
			if bb.block.ID == "channels" {
				channels = append(channels, nb.note.ID)
			}
			cb := nb.change
			if cb.change == nil {
				continue
			}
			labels[nb.note.ID] = strings.Join(cb.label.lines, " ") + "|" + strings.Join(cb.old.lines, " ")
			// The marks lie in the note, below its text and amount.
			for _, tb := range []textBox{cb.label, cb.old} {
				if len(tb.lines) == 0 {
					continue
				}
				if h := nb.text.height() + nb.amount.height() + cb.height(); h > nb.h+1e-9 {
					t.Errorf("note %s: text, amount and marks %.2f mm tall in a note of %.2f mm", nb.note.ID, h, nb.h)
				}
				checkText(t, in, "marks of "+nb.note.ID, textBox{x: nb.text.x, y: nb.text.y, w: tb.w, size: tb.size, lines: tb.lines, bold: tb.bold}, nb.box)
			}
		}
	}
	for id, want := range map[string]string{
		"n39":           "new|",
		"n11 (removed)": "removed|",
		"n32":           "from Key Partners · changed links|",
		"n29":           "changed links|", // its link to the removed n11 went with it
		"n9":            "changed colour (was orange)|Pâtisserie like in Lyon, at neighbourhood prices",
		"n17":           "was hypothesis|",
		"n33":           "changed amount (was €2,400 a month)|",
	} {
		if labels[id] != want {
			t.Errorf("%s: marks %q, want %q", id, labels[id], want)
		}
	}
	if len(labels) != 7 {
		t.Errorf("marked notes: %v", labels)
	}
	// The removed note is a ghost where it was: after n10, which stayed.
	if got := strings.Join(channels, ","); got != "n32,n10,n11 (removed),n12,n13,n39" {
		t.Errorf("channels: %s", got)
	}
	// The canvas itself stays the new version.
	if _, ok := in.c.Note("n11"); ok || in.c.NoteCount() != new.NoteCount() {
		t.Error("the ghost went into the canvas")
	}
}

func TestChangePosterPDF(t *testing.T) {
	old, new := bakeryChanged(t)
	pdf, warnings := writePDF(t, new, Options{Paper: "A2", Compare: bmc.Compare(old, new), FileName: "canvas.yaml"})
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	text := strings.Join(strings.Fields(string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-"))), " ")
	for _, want := range []string{
		"CHANGES SINCE VERSION 3, 2026-11-24: 1 NEW, 1 REMOVED, 1 MOVED, 5 CHANGED",
		"Market stall on Saturdays", " new ", "Pre-order app for office pick-up", " removed ", "from Key Partners",
		"Pâtisserie like in Lyon, at neighbourhood prices", "was hypothesis",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	// The footer sums up the new version: the ghost's amount is not in it.
	plain, _ := writePDF(t, new, Options{Paper: "A2"})
	footer := func(s string) string {
		_, after, _ := strings.Cut(s, "Per year:")
		before, _, _ := strings.Cut(after, "canvas.yaml")
		return strings.TrimSpace(before)
	}
	plainText := strings.Join(strings.Fields(string(tool(t, plain, "pdftotext", "-enc", "UTF-8", "-"))), " ")
	if footer(text) == "" || footer(text) != strings.TrimSpace(footer(plainText+" canvas.yaml")) {
		t.Errorf("profit line %q, on the plain poster %q", footer(text), footer(plainText+" canvas.yaml"))
	}
}

func TestChangePosterOddCases(t *testing.T) {
	old, _ := bmc.New(bmc.Lean().ID)
	old.Title = "Plan 🚀"
	for _, n := range []bmc.Note{{ID: "a", Text: "Queues 🥐"}, {ID: "b", Text: "Gone 🍞"}} {
		if _, err := old.AddNote("problem", -1, n); err != nil {
			t.Fatal(err)
		}
	}
	new := old.Clone()
	new.Title = "Plan B"
	if err := new.SetText("a", "Queues"); err != nil {
		t.Fatal(err)
	}
	if err := new.DeleteNote("b"); err != nil {
		t.Fatal(err)
	}
	// Emoji in the old version's texts print as the new ones do, through
	// the glyph drawer, never raw through the PDF writer (which would crash).
	pdf, warnings := writePDF(t, new, Options{Paper: "A4", Compare: bmc.Compare(old, new)})
	if len(pdf) == 0 || len(warnings) != 0 {
		t.Errorf("%d bytes, warnings: %v", len(pdf), warnings)
	}
	// A blank poster shows no changes, and says so.
	_, warnings = writePDF(t, new, Options{Paper: "A4", Blank: true, Compare: bmc.Compare(old, new)})
	if !strings.Contains(strings.Join(warnings, "\n"), "blank poster shows no changes") {
		t.Errorf("blank: %v", warnings)
	}
	// Nothing changed: the header says so.
	pdf, _ = writePDF(t, new, Options{Paper: "A4", Compare: bmc.Compare(new, new.Clone())})
	if text := string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-")); !strings.Contains(text, "NO NOTES CHANGED") {
		t.Errorf("unchanged:\n%.300s", text)
	}
}

// The line above a change poster's title always shows the counts, on at
// most two lines: a long old title gives way, cut with an ellipsis.
func TestChangePosterKickerKeepsCounts(t *testing.T) {
	old, new := bakeryChanged(t)
	m := old.Meta
	m.Version = "explore, discovery"
	for _, tc := range []struct{ title, cut string }{
		{"Burbn — location-based check-in app", ""},
		{"Burbn — location-based check-in app with photo sharing, badges, plans with friends and everything else we ever thought of", "…”"},
	} {
		m.Title = tc.title
		if err := old.SetMeta(m); err != nil {
			t.Fatal(err)
		}
		for _, paper := range []string{"A4", "A1"} {
			p, _ := changeLayout(t, old, new, Options{Paper: paper})
			kicker := strings.Join(p.pages[0].header[0].lines, " ")
			if n := len(p.pages[0].header[0].lines); n > 2 || !strings.HasSuffix(kicker, ": 1 NEW, 1 REMOVED, 1 MOVED, 5 CHANGED") || !strings.HasPrefix(kicker, "CHANGES SINCE “BURB") {
				t.Errorf("%s: kicker in %d lines %q", paper, n, kicker)
			}
			if tc.cut != "" && !strings.Contains(kicker, tc.cut) || tc.cut == "" && !strings.Contains(kicker, strings.ToUpper(tc.title)) {
				t.Errorf("%s: kicker %q, want the title %s", paper, kicker, map[bool]string{true: "cut", false: "whole"}[tc.cut != ""])
			}
			title := p.pages[0].header[1]
			if title.y < p.pages[0].header[0].y+p.pages[0].header[0].height()-1e-6 {
				t.Errorf("%s: the title overlaps the kicker", paper)
			}
		}
	}
}

// A removed note's amount is shown in the old version's currency, even
// when the new version has none.
func TestChangePosterGhostKeepsItsCurrency(t *testing.T) {
	old := example(t, "bakery")
	new := old.Clone()
	m := new.Meta
	m.Currency = ""
	if err := new.SetMeta(m); err != nil {
		t.Fatal(err)
	}
	rent := new.Blocks["cost_structure"][0]
	if rent.Amount == nil {
		t.Fatal("the bakery's first cost has no amount")
	}
	if err := new.DeleteNote(rent.ID); err != nil {
		t.Fatal(err)
	}
	p, _ := changeLayout(t, old, new, Options{Paper: "A2"})
	found := false
	for _, bb := range p.pages[0].blocks {
		for _, nb := range bb.notes {
			if nb.note.ID == rent.ID+ghostSuffix {
				found = true
				if amount := strings.Join(nb.amount.lines, " "); !strings.Contains(amount, "€") {
					t.Errorf("the removed rent's amount reads %q, want euros", amount)
				}
			}
		}
	}
	if !found {
		t.Error("no ghost of the removed rent")
	}
}
