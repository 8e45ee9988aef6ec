package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

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
	p.uncounted.Importance = widget.LowImportance
	p.bar = container.NewVBox(widget.NewSeparator(), container.NewHBox(p.totals, p.uncounted))
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
	totals = fmt.Sprintf("Revenue %s/year · Cost %s/year · Margin %s", money(p.Revenue, cur), money(p.Cost, cur), money(p.Margin(), cur))
	if p.Uncounted > 0 {
		uncounted = counted(p.Uncounted, "1 note without an amount not counted", "%d notes without amounts not counted")
	}
	return totals, uncounted
}

// money writes an amount with its currency, as the poster does: a
// one-character symbol before the number ("€1,200", "-€300"), a code after
// it ("1,200 CHF"), cents only when there are some.
func money(a float64, currency string) string {
	sign := ""
	if a < 0 {
		sign = "-"
	}
	num := groupThousands(math.Abs(a))
	switch {
	case currency == "":
		return sign + num
	case len([]rune(currency)) == 1:
		return sign + currency + num
	default:
		return sign + num + " " + currency
	}
}

// groupThousands writes v ≥ 0 with commas between thousands, and cents
// when it has them.
func groupThousands(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "00" {
		b.WriteString("." + frac)
	}
	return b.String()
}
