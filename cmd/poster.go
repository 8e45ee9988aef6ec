package cmd

import (
	"bytes"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
)

func init() {
	register(&command{name: "poster", usage: "[--template ID] [--paper A1] [--portrait] [--frontstage] [--tile A4] [--ink color|light|mono] [-o OUT.pdf] [--force]",
		summary: "print a blank workshop poster of a template (default file: TEMPLATE-PAPER.pdf)",
		details: pdfTargetHelp,
		run:     runPoster})
}

func runPoster(e *env, args []string) int {
	fs := e.flags(commands["poster"])
	opt := posterFlags(fs)
	tmpl := fs.String("template", bmc.BusinessModelCanvas().ID, "the template: "+strings.Join(bmc.TemplateIDs(), ", "))
	out := fs.String("o", "", "the PDF to write (default: TEMPLATE-PAPER.pdf)")
	force := forceFlag(fs, "an existing file that is not a PDF")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		e.errorf("unexpected argument %q; to print a canvas file use \"bmcanvas export --blank\"", rest[0])
		return ExitUsage
	}
	t, found := bmc.TemplateByID(*tmpl)
	if !found {
		e.errorf("unknown template %q (templates: %s)", *tmpl, strings.Join(bmc.TemplateIDs(), ", "))
		return ExitUsage
	}
	if !e.checkPaper(opt) {
		return ExitUsage
	}
	if *out == "" {
		paper, _ := export.ParsePaper(opt.Paper)
		*out = t.ID + "-" + strings.ReplaceAll(paper.Name, " ", "-") + ".pdf"
	}
	if err := checkPDFTarget(*out, *force); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	defer relaxGC()()
	var buf bytes.Buffer
	warnings, err := export.Poster(&buf, t, *opt)
	return e.finishPDF(*out, buf.Bytes(), warnings, err)
}
