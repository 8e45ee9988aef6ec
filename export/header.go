package export

import (
	"fmt"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// headerHeight returns the height of the header on A4, in millimetres: a
// portrait page puts the fields below the title instead of beside it.
func headerHeight(portrait bool) float64 {
	if portrait {
		return headerMM + fieldRowMM + 2
	}
	return headerMM
}

// fitText sets text in base at the largest size from maxPt down to minPt at
// which its lines fit in a w×h box, or at minPt when none does; ok tells.
func fitText(fs *fonts, base *face, text string, maxPt, minPt, w, h float64) (tb textBox, ok bool) {
	for size := maxPt; ; size = max(minPt, size*0.93) {
		tb = textBox{w: w, size: size, bold: base == fs.bold}
		tb.lines = fs.wrap(base, text, size, w)
		if tb.height() <= h+1e-9 {
			return tb, true
		}
		if size <= minPt {
			return tb, false
		}
	}
}

// header lays out the page's header: the template's name, the title, and
// four labelled fields (designed for, designed by, date, version), which
// stay as lines to write on when empty.
func header(in layoutInput, w, s float64, warn *[]string) ([]textBox, []box) {
	m := marginMM * s
	hb := box{m, m, w - 2*m, headerHeight(in.opt.Portrait) * s}
	fieldGap := 4 * s
	fw := 38 * s
	fieldsW := 4*fw + 3*fieldGap
	fieldRow := box{hb.right() - fieldsW, hb.y, fieldsW, hb.h}
	titleW := hb.w - fieldsW - 8*s
	if in.opt.Portrait { // the title above, the fields in a row below it
		fieldRow = box{hb.x, hb.bottom() - fieldRowMM*s, hb.w, fieldRowMM * s}
		fw = (hb.w - 3*fieldGap) / 4
		titleW = hb.w
		hb.h -= fieldRowMM*s + 2*s
	}

	var out []textBox
	title := in.c.Title
	top := hb.y
	kicker := strings.ToUpper(in.t.Name)
	if title == "" {
		title, kicker = in.t.Name, ""
	}
	if seg, ok := in.c.Note(in.opt.Focus); ok && in.opt.Focus != "" {
		first, _, _ := strings.Cut(strings.TrimSpace(seg.Text), "\n")
		kicker = strings.TrimPrefix(kicker+" · FOCUSED ON "+strings.ToUpper(first), " · ")
	}
	kickerLines := 1
	if in.changes.kicker != nil {
		// A change poster's line may take two lines, and the old title
		// gives way, so that the counts always show.
		kickerLines = 2
		kicker = in.changes.kicker(-1)
		for n := len([]rune(kicker)); n > 0 && len(in.fonts.wrap(in.fonts.bold, kicker, kickerPt*s, titleW)) > kickerLines; {
			n -= max(1, n/8)
			kicker = in.changes.kicker(n)
		}
	}
	if kicker != "" {
		kick := textBox{x: hb.x, y: top, w: titleW, size: kickerPt * s, bold: true, color: labelColor}
		kick.lines = in.fonts.wrap(in.fonts.bold, kicker, kick.size, titleW)
		kick.lines = kick.lines[:min(len(kick.lines), kickerLines)]
		out = append(out, kick)
		top += kick.height()
	}
	tb, ok := fitText(in.fonts, in.fonts.bold, title, titleMaxPt*s, titleMinPt*s, titleW, hb.bottom()-top)
	if !ok {
		*warn = append(*warn, "the title is too long for the header and runs into the canvas")
	}
	tb.x, tb.y, tb.color = hb.x, top, inkColor
	out = append(out, tb)

	labels := []string{"Designed for", "Designed by", "Date", "Version"}
	values := []string{in.c.DesignedFor, in.c.DesignedBy, in.c.Date, in.c.Version}
	var fields []box
	for i := range labels {
		f := box{fieldRow.x + float64(i)*(fw+fieldGap), fieldRow.y, fw, fieldRow.h}
		lb := textBox{x: f.x, y: f.y, w: fw, size: labelPt * s, color: labelColor, lines: []string{labels[i]}}
		vh := f.h - lb.height() - 0.8*s
		vb, ok := fitText(in.fonts, in.fonts.regular, values[i], fieldPt*s, labelPt*s, fw, vh)
		if !ok {
			*warn = append(*warn, fmt.Sprintf("the %s field is too long for the header", strings.ToLower(labels[i])))
		}
		vb.x, vb.y, vb.color = f.x, f.bottom()-0.8*s-vb.height(), inkColor
		out = append(out, lb, vb)
		fields = append(fields, f)
	}
	return out, fields
}

// footer lays out the attribution on the left, the file name and page
// number on the right and, for a canvas with amounts, the profit line
// between them.
func footer(in layoutInput, w, h, s float64, page, pages int) []textBox {
	m := marginMM * s
	fb := box{m, h - m - footerMM*s, w - 2*m, footerMM * s}
	gap := 6 * s
	right := in.fileName
	if pages > 1 {
		right = strings.TrimSpace(fmt.Sprintf("%s   page %d of %d", right, page+1, pages))
	}
	var out []textBox
	x := fb.right() + gap // the left edge of what is placed on the right
	place := func(text string, bold bool, color rgb, maxW float64) {
		base := in.fonts.regular
		if bold {
			base = in.fonts.bold
		}
		tb, _ := fitText(in.fonts, base, text, footerPt*s, footerPt*s*0.8, maxW, fb.h)
		lw := in.fonts.width(base, tb.lines[0], tb.size)
		tb.x, tb.y, tb.color, tb.right = x-gap-tb.w, fb.bottom()-tb.height(), color, true
		out = append(out, tb)
		x -= gap + lw
	}
	if right != "" {
		place(right, false, labelColor, fb.w/4)
	}
	if line := profitLine(in); line != "" {
		place(line, true, inkColor, fb.w*0.45)
	}
	ab, _ := fitText(in.fonts, in.fonts.regular, in.t.Attribution, footerPt*s, footerPt*s*0.8, x-gap-fb.x, fb.h)
	ab.x, ab.y, ab.color = fb.x, fb.bottom()-ab.height(), labelColor
	return append(out, ab)
}

// profitLine sums the revenue and cost amounts for a year, such as
// "Per year: revenue €120,000, costs €80,000, profit €40,000"; it is empty
// on blank posters and canvases without amounts.
func profitLine(in layoutInput) string {
	p := in.c.Profit()
	if in.opt.Blank || p.Counted == 0 {
		return ""
	}
	result := "profit " + bmc.FormatMoney(p.Margin(), in.c.Currency)
	if p.Margin() < 0 {
		result = "loss " + bmc.FormatMoney(-p.Margin(), in.c.Currency)
	}
	line := fmt.Sprintf("Per year: revenue %s, costs %s, %s", bmc.FormatMoney(p.Revenue, in.c.Currency), bmc.FormatMoney(p.Cost, in.c.Currency), result)
	if p.Uncounted > 0 {
		line += fmt.Sprintf("; %s without an amount", plural(p.Uncounted, "1 note", "%d notes"))
	}
	return line
}

// promptsFor lays out a blank block's guiding question and prompts at the
// top of area, as large as fits.
func promptsFor(in layoutInput, b *bmc.Block, area box, s float64, warn *[]string) []textBox {
	for k := 1.0; ; k = max(0.5, k-0.05) {
		var out []textBox
		y := area.y
		for i, text := range append([]string{b.Question}, b.Prompts...) {
			tb := textBox{x: area.x, y: y, w: area.w, size: questionPt * s * k, color: questionColor}
			base := in.fonts.regular
			if i > 0 {
				tb.size, tb.color = promptPt*s*k, promptColor
				text = "• " + text
			} else {
				base = in.fonts.bold
				tb.bold = true
			}
			tb.lines = in.fonts.wrap(base, text, tb.size, tb.w)
			out = append(out, tb)
			y += tb.height() + 0.35*tb.size*ptMM
			if i == 0 {
				y += 0.3 * tb.size * ptMM
			}
		}
		if y <= area.bottom() || k <= 0.5 {
			if y > area.bottom() {
				*warn = append(*warn, fmt.Sprintf("the prompts of %s do not fit the block", b.Title))
			}
			return out
		}
	}
}

// formatAmount writes an amount with its currency and period, such as
// "€1,200 a month" or "1,200 CHF once".
func formatAmount(a float64, p bmc.Period, currency string) string {
	return bmc.AmountWords(a, p, currency)
}
