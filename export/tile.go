package export

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/jung-kurt/gofpdf"
)

// Measures of a tiled poster's sheets, in millimetres: margins most
// printers can print near, the strip two neighbouring sheets share, and
// the label's type size in points.
const (
	tileMargin  = 8.0
	tileBottom  = 15.0
	tileOverlap = 10.0
	tileLabelPt = 7.0
)

// maxSheets is the most sheets a tiled export may take, over all its
// pages. The largest standard poster, A0, takes 25 A4 sheets (16 pages of
// it fit), and the largest custom one, 5 × 5 m, 247 A3 sheets; more than
// that comes from tiling on a tiny sheet: 5 × 5 m on 10 cm squares took
// 4.5 minutes and 5,100 pages.
const maxSheets = 400

// tiling is how poster pages are cut into sheets.
type tiling struct {
	sw, sh     float64 // sheet size
	pw, ph     float64 // printed part of a sheet
	cols, rows int
}

// step returns how far apart neighbouring sheets start on the poster.
func (t tiling) step() (float64, float64) { return t.pw - tileOverlap, t.ph - tileOverlap }

// planTiles picks the sheet orientation that needs the fewest sheets for a
// w×h poster.
func planTiles(w, h float64, sheet Paper) (tiling, error) {
	if sheet.Short >= min(w, h) && sheet.Long >= max(w, h) {
		return tiling{}, fmt.Errorf("the poster is no bigger than one %s sheet; print it without tiling", sheet.Name)
	}
	var best tiling
	for _, portrait := range []bool{true, false} {
		t := tiling{}
		t.sw, t.sh = sheet.Size(portrait)
		t.pw, t.ph = t.sw-2*tileMargin, t.sh-tileMargin-tileBottom
		sx, sy := t.step()
		t.cols = max(1, int(math.Ceil((w-tileOverlap)/sx-1e-9)))
		t.rows = max(1, int(math.Ceil((h-tileOverlap)/sy-1e-9)))
		if best.cols == 0 || t.cols*t.rows < best.cols*best.rows {
			best = t
		}
	}
	return best, nil
}

// planSheets is planTiles for a poster of pages pages, refusing a tiling
// of more than maxSheets sheets in all with a message that says how many
// it would take and which sheet would do.
func planSheets(w, h float64, sheet Paper, pages int) (tiling, error) {
	t, err := planTiles(w, h, sheet)
	if err != nil {
		return t, err
	}
	n := t.cols * t.rows * pages
	if n <= maxSheets {
		return t, nil
	}
	count := fmt.Sprintf("%s sheets (%d rows of %d)", thousands(n), t.rows, t.cols)
	if pages > 1 {
		count = fmt.Sprintf("%s sheets (%d pages of %d rows of %d)", thousands(n), pages, t.rows, t.cols)
	}
	advice := "tile on a larger sheet, or print a smaller poster"
	if larger, m, ok := smallestSheet(w, h, sheet, pages); ok {
		advice = fmt.Sprintf("tile on a larger sheet, such as %s (%d sheets)", larger.Name, m)
	}
	return t, fmt.Errorf("tiling the %s × %s mm poster on %s sheets would take %s; at most %d are printed: %s",
		formatMM(math.Round(w)), formatMM(math.Round(h)), sheetLabel(sheet), count, maxSheets, advice)
}

// smallestSheet returns the smallest standard paper larger than sheet that
// tiles pages pages of a w×h poster in at most maxSheets sheets, and how
// many it takes.
func smallestSheet(w, h float64, sheet Paper, pages int) (Paper, int, bool) {
	sorted := append([]Paper(nil), papers...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Short*sorted[i].Long < sorted[j].Short*sorted[j].Long })
	for _, p := range sorted {
		if p.Short*p.Long <= sheet.Short*sheet.Long {
			continue
		}
		if t, err := planTiles(w, h, p); err == nil && t.cols*t.rows*pages <= maxSheets {
			return p, t.cols * t.rows * pages, true
		}
	}
	return Paper{}, 0, false
}

// sheetLabel names a paper in a message: "A4", or "100 × 100 mm" for a
// custom size.
func sheetLabel(p Paper) string {
	for _, std := range papers {
		if std.Name == p.Name {
			return p.Name
		}
	}
	return formatMM(p.Short) + " × " + formatMM(p.Long) + " mm"
}

// thousands writes n with commas between thousands: 5,100.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// rowLabel names a row of sheets, from 0, as spreadsheets name columns:
// A to Z, then AA, AB … ZZ, then AAA.
func rowLabel(r int) string {
	var b []byte
	for r++; r > 0; r = (r - 1) / 26 {
		b = append([]byte{byte('A' + (r-1)%26)}, b...)
	}
	return string(b)
}

// sheetName names the sheet in row r and column c, from 0: "A1", "AB12".
func sheetName(r, c int) string { return rowLabel(r) + strconv.Itoa(c+1) }

// tiles draws every poster page cut into sheets of paper sheet.
func (d *drawer) tiles(p *poster, sheet Paper, in layoutInput) error {
	t, err := planSheets(p.w, p.h, sheet, len(p.pages))
	if err != nil {
		return err
	}
	sx, sy := t.step()
	for pi, pg := range p.pages {
		for r := 0; r < t.rows; r++ {
			for c := 0; c < t.cols; c++ {
				d.pdf.AddPageFormat("P", gofpdf.SizeType{Wd: t.sw, Ht: t.sh})
				ox, oy := float64(c)*sx, float64(r)*sy
				d.pdf.ClipRect(tileMargin, tileMargin, t.pw, t.ph, false)
				d.pdf.TransformBegin()
				d.pdf.TransformTranslate(tileMargin-ox, tileMargin-oy)
				d.page(pg)
				d.posterEdge(p)
				d.pdf.TransformEnd()
				d.pdf.ClipEnd()
				d.cropMarks(t, r, c)
				d.tileLabel(t, r, c, pi, len(p.pages), p, sheet, in)
			}
		}
	}
	return nil
}

// posterEdge draws the poster's outline as a thin dashed line: on sheets
// that stick out past the poster, it is where to trim.
func (d *drawer) posterEdge(p *poster) {
	d.pdf.SetDrawColor(0xb0, 0xb0, 0xb0)
	d.pdf.SetLineWidth(0.15)
	d.pdf.SetDashPattern([]float64{1.5, 1.5}, 0)
	d.pdf.Rect(0, 0, p.w, p.h, "D")
	d.pdf.SetDashPattern(nil, 0)
}

// cropMarks draws marks in the margins at the corners of the printed part,
// where to trim, and at the start of the strip the next sheet covers,
// where its trimmed edge goes.
func (d *drawer) cropMarks(t tiling, r, c int) {
	const gap, long = 1.5, 5.0
	x0, y0 := tileMargin, tileMargin
	x1, y1 := x0+t.pw, y0+t.ph
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetLineWidth(0.2)
	for _, x := range []float64{x0, x1} {
		d.pdf.Line(x, y0-gap, x, y0-gap-long)
		d.pdf.Line(x, y1+gap, x, y1+gap+long)
	}
	for _, y := range []float64{y0, y1} {
		d.pdf.Line(x0-gap, y, x0-gap-long, y)
		d.pdf.Line(x1+gap, y, x1+gap+long, y)
	}
	// The overlap marks are red, or dashed where no colour is printed.
	if d.ink == InkMono {
		d.pdf.SetDashPattern([]float64{1, 0.8}, 0)
	} else {
		d.pdf.SetDrawColor(0xd0, 0x30, 0x30)
	}
	if c < t.cols-1 {
		x := x1 - tileOverlap
		d.pdf.Line(x, y0-gap, x, y0-gap-long)
		d.pdf.Line(x, y1+gap, x, y1+gap+long)
	}
	if r < t.rows-1 {
		y := y1 - tileOverlap
		d.pdf.Line(x0-gap, y, x0-gap-long, y)
		d.pdf.Line(x1+gap, y, x1+gap+long, y)
	}
	d.pdf.SetDashPattern(nil, 0)
}

// overlapMarks names the marks a sheet's neighbour is laid over.
func overlapMarks(ink Ink) string {
	if ink == InkMono {
		return "dashed"
	}
	return "red"
}

// tileLabel writes which sheet this is and how to join it, and draws a
// small map of all sheets with this one filled in.
func (d *drawer) tileLabel(t tiling, r, c, pi, pages int, p *poster, sheet Paper, in layoutInput) {
	name := sheetName(r, c)
	where := fmt.Sprintf("Sheet %s: row %d of %d, column %d of %d", name, r+1, t.rows, c+1, t.cols)
	if pages > 1 {
		where = fmt.Sprintf("Page %d of %d, sheet %s: row %d of %d, column %d of %d", pi+1, pages, name, r+1, t.rows, c+1, t.cols)
	}
	paper, _ := ParsePaper(in.opt.Paper)
	how := fmt.Sprintf("%s poster on %d %s sheets. Cut along the black marks on the left and top (not on the first column or row), "+
		"lay the sheet over its neighbour so the cut edge meets the %s marks (%.0f mm overlap), and tape it.",
		paper.Name, t.cols*t.rows, sheet.Name, overlapMarks(d.ink), tileOverlap)
	mapW := min(30.0, float64(t.cols)*4)
	cell := min(mapW/float64(t.cols), (tileBottom-5)/float64(t.rows))
	mapW = cell * float64(t.cols)
	tw := t.pw - mapW - 4
	y := tileMargin + t.ph + 2.5
	head := textBox{x: tileMargin, y: y, w: tw, size: tileLabelPt, bold: true, color: inked(d.ink, inkColor)}
	head.lines = d.fonts.wrap(d.fonts.bold, where, head.size, tw)
	body := textBox{x: tileMargin, y: y + head.height(), w: tw, size: tileLabelPt * 0.85, color: inked(d.ink, labelColor)}
	body.lines = d.fonts.wrap(d.fonts.regular, how, body.size, tw)
	d.text(head)
	d.text(body)
	mx := tileMargin + t.pw - mapW
	d.pdf.SetLineWidth(0.15)
	d.pdf.SetDrawColor(rgbInts(inked(d.ink, labelColor)))
	for rr := 0; rr < t.rows; rr++ {
		for cc := 0; cc < t.cols; cc++ {
			style := "D"
			if rr == r && cc == c {
				style = "FD"
				d.pdf.SetFillColor(rgbInts(inked(d.ink, inkColor)))
			}
			d.pdf.Rect(mx+float64(cc)*cell, y+float64(rr)*cell, cell, cell, style)
		}
	}
}
