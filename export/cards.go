package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/jung-kurt/gofpdf"
)

// CardOptions chooses how test cards are printed.
type CardOptions struct {
	// Paper is the sheet the cards are printed on, upright, four to a
	// sheet (A6 cards on A4); "" means A4.
	Paper string
	// FontFile is an optional TrueType font for characters Noto Sans lacks.
	FontFile string
	// FileName is printed at the foot of each card.
	FileName string
}

// DefaultCardPaper is the sheet cards are printed on when none is named.
const DefaultCardPaper = "A4"

// CardsPerSheet is how many cards one sheet holds: two across, two down.
const CardsPerSheet = 4

// The measures of a test card, in millimetres and points.
const (
	cardPadMM   = 9.0 // from the cut line to the card's text
	cardMarkMM  = 5.0 // the length of a cut mark
	cardEdgeMM  = 4.0 // where cut marks start from the sheet's edge (printers leave this blank)
	cardKickPt  = 7.0
	cardMaxPt   = 12.0
	cardMinPt   = 7.0
	cardSegPt   = 7.5
	cardLabelPt = 7.5
	cardFootPt  = 6.0
)

// cardFields are the empty fields of a test card, each with the lines
// left to write on.
var cardFields = []struct {
	label string
	lines int
}{
	{"Test: to verify it, we will…", 3},
	{"Metric: and measure…", 2},
	{"Success: we are right if…", 2},
	{"Learnt: we observed… and so we will…", 3},
}

// card is one laid-out test card: its cut rectangle, its texts and the
// lines of its empty fields.
type card struct {
	cut   box
	texts []textBox
	rules []box // the lines to write on, as boxes of no height
}

// Cards writes one test card per hypothesis of c (every note whose status
// is hypothesis, in block order) to w: the assumption, its block and the
// segments it serves, and empty fields for the test, the metric, the
// success criterion and what was learnt, four cards to an upright sheet
// with cut marks. It returns warnings as PDF does; a canvas without
// hypotheses is an error.
func Cards(w io.Writer, c *bmc.Canvas, opt CardOptions) (warnings []string, err error) {
	if c == nil {
		return nil, fmt.Errorf("no canvas to print")
	}
	t, ok := bmc.TemplateByID(c.TemplateID)
	if !ok {
		return nil, fmt.Errorf("unknown template %q", c.TemplateID)
	}
	if opt.Paper == "" {
		opt.Paper = DefaultCardPaper
	}
	paper, err := ParsePaper(opt.Paper)
	if err != nil {
		return nil, err
	}
	if len(c.Hypotheses()) == 0 {
		return nil, fmt.Errorf("the canvas has no hypotheses: mark the notes to test as hypotheses first")
	}
	fs, err := loadFonts(opt.FontFile)
	if err != nil {
		return nil, err
	}
	san := newSanitizer(fs)
	sc := sanitizeCanvas(t, c, san)
	fileName := san.clean(opt.FileName, "the file name")
	hyps := sc.Hypotheses() // from the sanitized copy: only printable text reaches the PDF writer
	pw, ph := paper.Size(true)
	cards := make([]card, len(hyps))
	for i, h := range hyps {
		cards[i] = layoutCard(fs, t, sc, h, cardCell(i, pw, ph), fmt.Sprintf("%s · card %d of %d", fileName, i+1, len(hyps)))
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: pw, Ht: ph}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(compress)
	pdf.SetCreationDate(creationDate)
	pdf.SetModificationDate(creationDate)
	title := sc.Title
	if title == "" {
		title = t.Name
	}
	pdf.SetTitle("Test cards: "+title, true)
	pdf.SetAuthor(sc.DesignedBy, true)
	pdf.SetCreator("bmcanvas", true)
	pdf.SetKeywords(t.Name+", test cards", true)
	if err := addFonts(pdf, fs); err != nil {
		return nil, err
	}
	d := newDrawer(pdf, fs, 1)
	for i := range cards {
		if i%CardsPerSheet == 0 {
			pdf.AddPage()
			d.cutMarks(pw, ph)
		}
		d.card(&cards[i])
	}
	if err := pdf.Error(); err != nil {
		return san.warnings(), fmt.Errorf("draw: %w", err)
	}
	if fs.extra != nil {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%s: the PDF writer cannot embed this font: %v", opt.FontFile, r)
			}
		}()
	}
	if err := pdf.Output(w); err != nil {
		return san.warnings(), fmt.Errorf("write PDF: %w", err)
	}
	return san.warnings(), nil
}

// CardSheets returns how many sheets n cards take.
func CardSheets(n int) int { return (n + CardsPerSheet - 1) / CardsPerSheet }

// cardCell returns the cut rectangle of the i-th card on a pw×ph sheet:
// left to right, top to bottom.
func cardCell(i int, pw, ph float64) box {
	i %= CardsPerSheet
	return box{x: float64(i%2) * pw / 2, y: float64(i/2) * ph / 2, w: pw / 2, h: ph / 2}
}

// layoutCard sets one hypothesis as a card in cut.
func layoutCard(fs *fonts, t *bmc.Template, c *bmc.Canvas, h bmc.Located, cut box, foot string) card {
	cd := card{cut: cut}
	in := box{cut.x + cardPadMM, cut.y + cardPadMM, cut.w - 2*cardPadMM, cut.h - 2*cardPadMM}
	y := in.y
	add := func(tb textBox) {
		cd.texts = append(cd.texts, tb)
		y = tb.y + tb.height()
	}
	blockTitle := h.Block
	if b, ok := t.Block(h.Block); ok {
		blockTitle = b.Title
	}
	kick := textBox{x: in.x, y: y, w: in.w, size: cardKickPt, bold: true, color: labelColor}
	kick.lines = fs.wrap(fs.bold, strings.ToUpper("Test card · "+blockTitle), kick.size, in.w)
	add(kick)
	y += 1.5

	// The fields and the foot take the lower part; the assumption and its
	// segments share what is left.
	fieldsH := 0.0
	for _, f := range cardFields {
		fieldsH += cardLabelPt*ptMM*lineHeight + float64(f.lines)*6.5 + 1.5
	}
	footH := cardFootPt * ptMM * lineHeight
	var segs []string
	for _, id := range h.Note.Segments {
		if s, ok := c.Note(id); ok {
			segs = append(segs, firstLineOf(s.Text))
		}
	}
	segText := "Segments: all"
	if len(segs) > 0 {
		segText = "Segments: " + strings.Join(segs, ", ")
	}
	seg := textBox{x: in.x, w: in.w, size: cardSegPt, color: labelColor}
	seg.lines = fs.wrap(fs.regular, segText, seg.size, in.w)
	room := in.bottom() - footH - fieldsH - seg.height() - 3 - y
	text := h.Note.Text
	if strings.TrimSpace(text) == "" {
		text = "(no text)"
	}
	tb, _ := fitText(fs, fs.bold, "We believe: "+text, cardMaxPt, cardMinPt, in.w, room)
	tb.x, tb.y, tb.color = in.x, y, inkColor
	add(tb)
	y += 1.5
	seg.y = y
	add(seg)
	y = max(y+3, in.bottom()-footH-fieldsH)
	for _, f := range cardFields {
		lb := textBox{x: in.x, y: y, w: in.w, size: cardLabelPt, bold: true, color: inkColor}
		lb.lines = fs.wrap(fs.bold, f.label, lb.size, in.w)
		add(lb)
		for range f.lines {
			y += 6.5
			cd.rules = append(cd.rules, box{x: in.x, y: y, w: in.w})
		}
		y += 1.5
	}
	ft := textBox{x: in.x, y: in.bottom() - footH, w: in.w, size: cardFootPt, color: labelColor}
	ft.lines = []string{strings.TrimPrefix(foot, " · ")}
	if ft.lines[0] != "" && fs.width(fs.regular, ft.lines[0], ft.size) > in.w {
		ft.lines = fs.wrap(fs.regular, ft.lines[0], ft.size, in.w)[:1]
	}
	note := textBox{x: in.x, y: ft.y, w: in.w, size: cardFootPt, color: labelColor, right: true}
	note.lines = []string{"note " + h.Note.ID}
	cd.texts = append(cd.texts, ft, note)
	return cd
}

// firstLineOf returns the first non-blank line of s.
func firstLineOf(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// cutMarks draws where to cut a sheet into four cards: short black marks
// in the sheet's margins at the middle of each side and a cross at the
// centre, and a light dashed line between them.
func (d *drawer) cutMarks(pw, ph float64) {
	mx, my := pw/2, ph/2
	d.pdf.SetDrawColor(0xc8, 0xc8, 0xc8)
	d.pdf.SetLineWidth(0.15)
	d.pdf.SetDashPattern([]float64{1.5, 1.5}, 0)
	d.pdf.Line(mx, cardEdgeMM+cardMarkMM, mx, ph-cardEdgeMM-cardMarkMM)
	d.pdf.Line(cardEdgeMM+cardMarkMM, my, pw-cardEdgeMM-cardMarkMM, my)
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetLineWidth(0.25)
	d.pdf.Line(mx, cardEdgeMM, mx, cardEdgeMM+cardMarkMM)
	d.pdf.Line(mx, ph-cardEdgeMM, mx, ph-cardEdgeMM-cardMarkMM)
	d.pdf.Line(cardEdgeMM, my, cardEdgeMM+cardMarkMM, my)
	d.pdf.Line(pw-cardEdgeMM, my, pw-cardEdgeMM-cardMarkMM, my)
	d.pdf.Line(mx-cardMarkMM/2, my, mx+cardMarkMM/2, my)
	d.pdf.Line(mx, my-cardMarkMM/2, mx, my+cardMarkMM/2)
}

// card draws one laid-out card.
func (d *drawer) card(cd *card) {
	for _, t := range cd.texts {
		d.text(t)
	}
	d.pdf.SetDrawColor(rgbInts(frameColor))
	d.pdf.SetLineWidth(0.2)
	for _, r := range cd.rules {
		d.pdf.Line(r.x, r.y, r.right(), r.y)
	}
}
