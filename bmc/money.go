package bmc

import (
	"math"
	"strconv"
	"strings"
)

// FormatMoney writes an amount with its currency: a one-character symbol
// before the number ("€1,200"), a code after it ("1,200 CHF"). Thousands
// are grouped with commas and cents shown only when there are some. A
// negative amount starts with an ASCII hyphen, since some fonts lack the
// minus sign U+2212.
func FormatMoney(a float64, currency string) string {
	num := groupThousands(math.Abs(a))
	sign := ""
	if a < 0 && num != "0" {
		sign = "-"
	}
	switch {
	case currency == "":
		return sign + num
	case len([]rune(currency)) == 1:
		return sign + currency + num
	default:
		return sign + num + " " + currency
	}
}

// FormatAmount writes an amount with its currency and a short period, the
// way a note card shows it: "€2,400/mo", "€18,000/yr", "€18,000 once".
// An empty period counts as a year, as it does in Note.Yearly.
func FormatAmount(a float64, p Period, currency string) string {
	money := FormatMoney(a, currency)
	switch p {
	case PeriodMonth:
		return money + "/mo"
	case PeriodOnce:
		return money + " once"
	default:
		return money + "/yr"
	}
}

// AmountWords writes an amount with its currency and its period in
// words, the way a poster prints it: "€2,400 a month", "€18,000 a year",
// "€18,000 once". An empty period counts as a year.
func AmountWords(a float64, p Period, currency string) string {
	money := FormatMoney(a, currency)
	switch p {
	case PeriodMonth:
		return money + " a month"
	case PeriodOnce:
		return money + " once"
	default:
		return money + " a year"
	}
}

// groupThousands writes v ≥ 0 with commas between thousands, and cents
// when it has them.
func groupThousands(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
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
