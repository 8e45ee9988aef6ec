package cmd

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/bmcanvas/bmcanvas/export"
)

func init() {
	register(&command{name: "cards",
		usage:   "FILE [--paper A4] [-o CARDS.pdf] [--force] [--font F.ttf]",
		summary: "print a test card for each hypothesis, four A6 cards to an A4 sheet with cut marks (default file: FILE-cards.pdf)",
		details: "Each card holds the assumption, its block and the segments it serves, and empty fields for the test,\n" +
			"the metric, the success criterion and what was learnt, to fill in during interviews.\n\n" + pdfTargetHelp,
		run: runCards})
}

func runCards(e *env, args []string) int {
	fs := e.flags(commands["cards"])
	opt := export.CardOptions{}
	fs.StringVar(&opt.Paper, "paper", export.DefaultCardPaper, "the sheet, upright, cut into four cards: "+strings.Join(export.Papers(), ", ")+", or WxH in mm")
	fs.StringVar(&opt.FontFile, "font", "", "a TrueType font for characters Noto Sans lacks, such as Chinese, Japanese or Korean")
	out := fs.String("o", "", "the PDF to write (default: FILE-cards.pdf)")
	force := forceFlag(fs, "an existing file that is not a PDF")
	in, code, ok := e.oneFile(fs, args, "canvas file")
	if !ok {
		return code
	}
	if !e.checkPaper(&export.Options{Paper: opt.Paper}) {
		return ExitUsage
	}
	c, code := e.loadForPDF(in, out, "-cards.pdf", *force)
	if code != ExitOK {
		return code
	}
	opt.FileName = filepath.Base(in)
	defer relaxGC()()
	var buf bytes.Buffer
	warnings, err := export.Cards(&buf, c, opt)
	return e.finishPDF(*out, buf.Bytes(), warnings, err)
}
