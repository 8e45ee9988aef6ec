package cmd

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
)

func init() {
	register(&command{name: "export",
		usage:   "FILE [-o OUT.pdf] [--paper A1] [--portrait] [--frontstage] [--blank] [--tile A4] [--ink color|light|mono] [--font F.ttf] [--focus SEGMENT_ID]",
		summary: "print a canvas as a PDF poster (next to FILE unless -o says where)",
		run:     runExport})
}

// posterFlags defines the flags export and poster share and returns the
// options they fill in.
func posterFlags(fs *flag.FlagSet) *export.Options {
	opt := &export.Options{}
	fs.StringVar(&opt.Paper, "paper", export.DefaultPaper, "the paper: "+strings.Join(export.Papers(), ", ")+", or WxH in mm such as 600x400")
	fs.BoolVar(&opt.Portrait, "portrait", false, "print upright instead of landscape")
	fs.BoolVar(&opt.Frontstage, "frontstage", false, "hide the backstage; the front-stage blocks take its place")
	fs.StringVar(&opt.Tile, "tile", "", "split the poster across sheets of this paper (A4 or Letter) to tape together")
	fs.StringVar(&opt.FontFile, "font", "", "a TrueType font for characters Noto Sans lacks, tried before the system's fonts")
	fs.StringVar((*string)(&opt.Ink), "ink", string(export.InkColor), "how much colour to print: "+strings.Join(export.Inks(), ", ")+" (light: white notes with a coloured edge; mono: no colour at all)")
	return opt
}

// checkPaper reports a wrong --paper or --tile before any work is done.
func (e *env) checkPaper(name string, opt *export.Options) bool {
	if _, err := export.ParsePaper(opt.Paper); err != nil {
		e.errorf("%s: --paper: %v", name, err)
		return false
	}
	if opt.Tile != "" {
		if _, err := export.ParsePaper(opt.Tile); err != nil {
			e.errorf("%s: --tile: %v", name, err)
			return false
		}
	}
	return true
}

func runExport(e *env, args []string) int {
	fs := e.flags(commands["export"])
	opt := posterFlags(fs)
	fs.BoolVar(&opt.Blank, "blank", false, "a blank workshop poster with the canvas's header and each block's questions")
	fs.StringVar(&opt.Focus, "focus", "", "the id of a customer-segment note: fade every note that does not serve it")
	out := fs.String("o", "", "the PDF to write (default: FILE with .pdf)")
	files, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		e.errorf("export: name one canvas file")
		fs.Usage()
		return ExitUsage
	}
	if !e.checkPaper("export", opt) {
		return ExitUsage
	}
	in := files[0]
	if *out == "" {
		*out = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	if sameFile(in, *out) {
		e.errorf("export: the PDF would overwrite the canvas file %s; choose another name with -o", in)
		return ExitUsage
	}
	c, err := bmc.LoadFile(in)
	if err != nil {
		return e.reportLoad(err, e.stderr)
	}
	if opt.Focus != "" && len(c.Chain(opt.Focus)) == 0 {
		var ids []string
		for _, s := range c.Segments() {
			ids = append(ids, fmt.Sprintf("%s (%s)", s.ID, firstLine(s.Text)))
		}
		if len(ids) == 0 {
			ids = []string{"none"}
		}
		e.errorf("export: --focus %q is not a customer segment of %s; its segments are: %s", opt.Focus, in, strings.Join(ids, ", "))
		return ExitUsage
	}
	opt.FileName = filepath.Base(in)
	defer pauseGC()()
	var buf bytes.Buffer
	warnings, err := export.PDF(&buf, c, *opt)
	return e.finishPDF("export", *out, buf.Bytes(), warnings, err)
}

// finishPDF prints the warnings and writes the PDF atomically, so that a
// failed export never leaves half a file.
func (e *env) finishPDF(name, out string, pdf []byte, warnings []string, err error) int {
	for _, w := range warnings {
		e.errorf("%s: warning: %s", name, w)
	}
	if err != nil {
		e.errorf("%s: %v", name, err)
		return ExitUsage
	}
	if err := bmc.WriteFileAtomic(out, pdf); err != nil {
		e.errorf("%s: %v", name, err)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", out)
	return ExitOK
}

// pauseGC turns off garbage collection until the heap reaches 512 MiB and
// returns a function that restores the settings. An export allocates some
// tens of megabytes, most of it the PDF writer's font tables, and
// collecting them took a third of the run time of the whole command.
func pauseGC() func() {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(512 << 20)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// firstLine returns the first line of s, cut to 40 characters.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
