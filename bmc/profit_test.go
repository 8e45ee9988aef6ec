package bmc

import "testing"

func TestProfit(t *testing.T) {
	num := func(f float64) *float64 { return &f }
	c, _ := New(BusinessModelCanvas().ID)
	for _, n := range []struct {
		block string
		note  Note
	}{
		{RevenueBlock, Note{Text: "subscriptions", Amount: num(100), Period: PeriodMonth}},
		{RevenueBlock, Note{Text: "licence", Amount: num(500), Period: PeriodYear}},
		{RevenueBlock, Note{Text: "one sale", Amount: num(50), Period: PeriodOnce}},
		{RevenueBlock, Note{Text: "ads, amount unknown"}},
		{CostBlock, Note{Text: "rent", Amount: num(200), Period: PeriodMonth}},
		{CostBlock, Note{Text: "default period is a year", Amount: num(300)}},
		{CostBlock, Note{Text: "stress"}},
		{"channels", Note{Text: "not counted: not revenue or cost", Amount: num(1e6)}},
	} {
		if _, err := c.AddNote(n.block, -1, n.note); err != nil {
			t.Fatal(err)
		}
	}
	p := c.Profit()
	want := Profit{Revenue: 1200 + 500 + 50, Cost: 2400 + 300, Counted: 5, Uncounted: 2}
	if p != want || p.Margin() != 1750-2700 {
		t.Errorf("Profit = %+v (margin %v), want %+v", p, p.Margin(), want)
	}
}

func TestMarkRGBIsDeeperThanPaper(t *testing.T) {
	if len(inks) != len(palette) {
		t.Errorf("%d inks for %d palette colours", len(inks), len(palette))
	}
	for _, c := range palette {
		pr, pg, pb := c.RGB()
		mr, mg, mb := c.MarkRGB()
		if int(mr)+int(mg)+int(mb) >= int(pr)+int(pg)+int(pb) {
			t.Errorf("%s: mark %02x%02x%02x is not deeper than the paper %02x%02x%02x", c, mr, mg, mb, pr, pg, pb)
		}
	}
}
