package bmc

// The blocks whose amounts make up the profit line, in every template.
const (
	RevenueBlock = "revenue_streams"
	CostBlock    = "cost_structure"
)

// Profit sums the amounts of revenue and cost notes for one year.
type Profit struct {
	// Revenue and Cost are yearly totals: monthly amounts count twelve
	// times, yearly and one-off amounts once.
	Revenue, Cost float64
	// Counted is the number of revenue and cost notes with an amount;
	// Uncounted the number without one, which the totals leave out.
	Counted, Uncounted int
}

// Margin returns revenue minus cost.
func (p Profit) Margin() float64 { return p.Revenue - p.Cost }

// Yearly returns the amount of n for one year, and false when n has none.
func (n Note) Yearly() (float64, bool) {
	if n.Amount == nil {
		return 0, false
	}
	if n.Period == PeriodMonth {
		return *n.Amount * 12, true
	}
	return *n.Amount, true
}

// Profit sums the canvas's revenue and cost notes per year.
func (c *Canvas) Profit() Profit {
	var p Profit
	for _, block := range []string{RevenueBlock, CostBlock} {
		for _, n := range c.Blocks[block] {
			v, ok := n.Yearly()
			if !ok {
				p.Uncounted++
				continue
			}
			p.Counted++
			if block == RevenueBlock {
				p.Revenue += v
			} else {
				p.Cost += v
			}
		}
	}
	return p
}
