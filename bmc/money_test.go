package bmc

import (
	"math"
	"testing"
)

func TestFormatAmount(t *testing.T) {
	for _, tc := range []struct {
		a        float64
		p        Period
		currency string
		want     string
	}{
		{2400, PeriodMonth, "€", "€2,400/mo"},
		{18000, PeriodOnce, "€", "€18,000 once"},
		{1234567.5, PeriodYear, "€", "€1,234,567.50/yr"},
		{999, "", "$", "$999/yr"},
		{2400, PeriodMonth, "CHF", "2,400 CHF/mo"},
		{12.99, PeriodMonth, "", "12.99/mo"},
		{-500, PeriodMonth, "€", "-€500/mo"},
		{-0.001, PeriodOnce, "€", "€0 once"},
		{0, PeriodYear, "£", "£0/yr"},
		{math.Inf(1), PeriodYear, "", "+Inf/yr"},
	} {
		if got := FormatAmount(tc.a, tc.p, tc.currency); got != tc.want {
			t.Errorf("FormatAmount(%v, %q, %q) = %q, want %q", tc.a, tc.p, tc.currency, got, tc.want)
		}
	}
	if got := FormatMoney(-1200, "USD"); got != "-1,200 USD" {
		t.Errorf("FormatMoney(-1200, USD) = %q", got)
	}
}
