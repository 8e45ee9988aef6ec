package app

import (
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestProfitFooter(t *testing.T) {
	e, _ := openBakery(t)
	// Revenue per month 14,500 + 3,200 + 2,080 + 600 + 1,100 = 21,480;
	// cost per month 2,400 + 9,800 + 900 + 1,600 + 750 = 15,450, and
	// 18,000 once.
	want := "Revenue €257,760/year · Cost €203,400/year · Margin €54,360"
	if e.profit.totals.Text != want || !e.profit.uncounted.Hidden {
		t.Errorf("footer %q (uncounted %q), want %q", e.profit.totals.Text, e.profit.uncounted.Text, want)
	}

	// Taking an amount away leaves its note out, and says so.
	if err := e.SetAmount("n21", nil, ""); err != nil {
		t.Fatal(err)
	}
	want = "Revenue €250,560/year · Cost €203,400/year · Margin €47,160"
	if e.profit.totals.Text != want || e.profit.uncounted.Hidden || e.profit.uncounted.Text != "1 note without an amount not counted" {
		t.Errorf("footer %q, %q", e.profit.totals.Text, e.profit.uncounted.Text)
	}
	e.edit("Add note", func(c *bmc.Canvas) error {
		_, err := c.AddNote(bmc.CostBlock, -1, bmc.Note{Text: "Insurance"})
		return err
	})
	if e.profit.uncounted.Text != "2 notes without amounts not counted" {
		t.Errorf("uncounted %q", e.profit.uncounted.Text)
	}
	e.Undo()
	e.Undo()
	if e.profit.totals.Text != "Revenue €257,760/year · Cost €203,400/year · Margin €54,360" || !e.profit.uncounted.Hidden {
		t.Errorf("after undo: %q %q", e.profit.totals.Text, e.profit.uncounted.Text)
	}

	// A loss, in another currency, from the details.
	m := e.doc.Canvas().Meta
	m.Currency = "CHF"
	e.SetMeta(m)
	v := 300000.0
	e.SetAmount("n38", &v, bmc.PeriodOnce)
	if want := "Revenue 257,760 CHF/year · Cost 485,400 CHF/year · Margin -227,640 CHF"; e.profit.totals.Text != want {
		t.Errorf("footer %q, want %q", e.profit.totals.Text, want)
	}

	if err := e.NewCanvas(bmc.BusinessModelCanvas().ID); err != nil {
		t.Fatal(err)
	}
	if totals, _ := profitText(e.doc.Canvas()); e.profit.totals.Text != totals || totals == "" {
		t.Errorf("a canvas without amounts: %q", e.profit.totals.Text)
	}
}
