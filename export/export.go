// Package export prints canvases as PDF posters: filled ones to discuss,
// blank ones to fill with real sticky notes in a workshop. Posters are laid
// out from the same template geometry the editor shows, on any paper from
// A4 to A0 or a custom size, optionally split across office sheets.
//
// Every note's whole text is printed: notes shrink step by step down to a
// legible minimum, and what still does not fit continues on an extra page,
// with a warning. Text is set as the editor sets it: shaped with HarfBuzz
// in the editor's fonts (Noto Sans, Fyne's colour emoji, the fonts the
// system has for other scripts), and broken into lines by the same
// textlayout package. Characters no installed font has are replaced and
// listed in a warning that names the package that would bring a font.
package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Options chooses what a poster looks like.
type Options struct {
	// Paper is one of Papers or "WxH" in millimetres such as "600x400";
	// "" means A1.
	Paper string
	// Portrait turns the paper upright; posters are landscape by default.
	Portrait bool
	// Frontstage hides the backstage; the front-stage blocks take the
	// freed space as in the editor. The canvas's own view setting is not
	// consulted: the caller decides.
	Frontstage bool
	// Blank makes a workshop poster: each block shows its guiding question
	// and prompts in light grey, and no notes.
	Blank bool
	// Tile is "" for one sheet per page, or a smaller paper such as "A4" or
	// "Letter" to split each page across such sheets with overlap, crop
	// marks, labels and a small map.
	Tile string
	// FontFile is an optional TrueType font, tried for the characters
	// Noto Sans lacks before the emoji and system fonts; Noto Sans still
	// sets the rest.
	FontFile string
	// Ink is how much colour the poster spends: InkColor (also ""),
	// InkLight or InkMono.
	Ink Ink
	// FileName is shown in the footer.
	FileName string
	// Focus is the ID of a note: notes outside its chain (see
	// bmc.Canvas.Chain) are drawn faded.
	Focus string
	// Compare, when set, makes a change poster: the canvas is Compare.New
	// and its changes since Compare.Old are marked (see changes.go).
	Compare *bmc.Diff
}

// PDF writes the canvas as a poster to w and returns warnings for what the
// reader should know: characters replaced, blocks that overflowed onto
// extra pages, options that did not apply. With opt.Blank it prints the
// canvas's header on a blank workshop poster.
func PDF(w io.Writer, c *bmc.Canvas, opt Options) (warnings []string, err error) {
	if c == nil {
		return nil, fmt.Errorf("no canvas to print")
	}
	t, ok := bmc.TemplateByID(c.TemplateID)
	if !ok {
		return nil, fmt.Errorf("unknown template %q", c.TemplateID)
	}
	return write(w, t, c, opt)
}

// Poster writes a blank workshop poster of template t to w, with an empty
// header to fill in by hand. It is PDF with opt.Blank for a canvas that
// has no file yet.
func Poster(w io.Writer, t *bmc.Template, opt Options) ([]string, error) {
	if t == nil {
		return nil, fmt.Errorf("no template to print")
	}
	opt.Blank = true
	return write(w, t, &bmc.Canvas{TemplateID: t.ID, Blocks: map[string][]bmc.Note{}}, opt)
}

// write lays out and draws a poster as a PDF. Its errors do not start
// with "export": the caller says what failed (the command, the dialog).
func write(w io.Writer, t *bmc.Template, c *bmc.Canvas, opt Options) ([]string, error) {
	var tile *Paper
	if opt.Tile != "" {
		tp, err := ParsePaper(opt.Tile)
		if err != nil {
			return nil, fmt.Errorf("tile: %w", err)
		}
		tile = &tp
		// Refuse a tiling that needs too many sheets before any work; the
		// count with continuation pages is checked again when drawing.
		paper, err := ParsePaper(opt.Paper)
		if err != nil {
			return nil, err
		}
		pw, ph := paper.Size(opt.Portrait)
		if _, err := planSheets(pw, ph, tp, 1); err != nil {
			return nil, err
		}
	}
	in, p, warnings, err := preparePoster(t, c, opt)
	if err != nil {
		return nil, err
	}
	defer in.fonts.release()
	if err := render(w, in, p, tile); err != nil {
		return warnings, err
	}
	return warnings, nil
}

// preparePoster lays out a poster for any back end; the caller releases
// in.fonts.
func preparePoster(t *bmc.Template, c *bmc.Canvas, opt Options) (in layoutInput, p *poster, warnings []string, err error) {
	paper, err := ParsePaper(opt.Paper)
	if err != nil {
		return in, nil, nil, err
	}
	ink, err := ParseInk(string(opt.Ink))
	if err != nil {
		return in, nil, nil, err
	}
	fs, err := loadFonts(opt.FontFile)
	if err != nil {
		return in, nil, nil, err
	}
	san := newSanitizer(fs)
	in = layoutInput{t: t, c: sanitizeCanvas(t, c, san), opt: opt, paper: paper, fonts: fs, ink: ink,
		fileName: san.clean(opt.FileName, "the file name")}
	in.changes = markChanges(in.c, opt.Compare, opt, san)
	warnings = append(san.warnings(), in.changes.warnings...)
	if opt.Focus != "" {
		if in.chain = in.c.Chain(opt.Focus); len(in.chain) == 0 {
			warnings = append(warnings, fmt.Sprintf("focus %q is no note on the canvas; nothing is faded", opt.Focus))
			in.opt.Focus = ""
		}
	}
	p = layout(in)
	return in, p, append(warnings, p.warnings...), nil
}

// sanitizeCanvas returns a copy of c whose texts hold only characters the
// fonts can draw; it visits the notes in template order, so that warnings
// name them in a stable order.
func sanitizeCanvas(t *bmc.Template, c *bmc.Canvas, san *sanitizer) *bmc.Canvas {
	d := c.Clone()
	for _, f := range []*string{&d.Title, &d.DesignedFor, &d.DesignedBy, &d.Date, &d.Version, &d.Currency} {
		*f = strings.ReplaceAll(san.clean(*f, "the header"), "\n", " ")
	}
	for _, b := range t.Blocks {
		notes := d.Blocks[b.ID]
		for i := range notes {
			notes[i].Text = san.clean(notes[i].Text, "note "+notes[i].ID)
		}
	}
	return d
}
