package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// profitLine is the footer under the board: revenue and cost per year and
// the margin, in the canvas's currency, and how many revenue and cost
// notes have no amount and are left out.
type profitLine struct {
	bar       *fyne.Container
	totals    *widget.Label
	uncounted *widget.Label
}

// newProfitLine builds the footer.
func newProfitLine() *profitLine {
	p := &profitLine{totals: widget.NewLabel(""), uncounted: widget.NewLabel("")}
	p.uncounted.TextStyle.Italic = true
	p.bar = container.NewHBox(p.totals, p.uncounted)
	return p
}

// refresh sums the canvas again; it runs after every edit, undo and open.
func (p *profitLine) refresh(c *bmc.Canvas) {
	totals, uncounted := profitText(c)
	p.totals.SetText(totals)
	p.uncounted.SetText(uncounted)
	p.uncounted.Hidden = uncounted == ""
	p.bar.Refresh()
}

// profitText returns the footer's two parts, such as
// "Revenue €120,000/year · Cost €80,000/year · Margin €40,000" and
// "2 notes without amounts not counted" (empty when every revenue and
// cost note has an amount).
func profitText(c *bmc.Canvas) (totals, uncounted string) {
	p := c.Profit()
	if p.Counted == 0 {
		return "Profit line: no amounts yet. Right-click a revenue or cost note, Amount…", ""
	}
	cur := c.Currency
	totals = fmt.Sprintf("Revenue %s/year · Cost %s/year · Margin %s", bmc.FormatMoney(p.Revenue, cur), bmc.FormatMoney(p.Cost, cur), bmc.FormatMoney(p.Margin(), cur))
	if p.Uncounted > 0 {
		uncounted = counted(p.Uncounted, "1 note without an amount not counted", "%d notes without amounts not counted")
	}
	return totals, uncounted
}
