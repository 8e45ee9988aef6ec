package cmd

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
)

func init() {
	register(&command{name: "export",
		usage:   "FILE [-o OUT.pdf] [--force] [--paper A1] [--portrait] [--frontstage] [--blank] [--tile A4] [--ink color|light|mono] [--font F.ttf] [--focus NOTE_ID] [--compare OLD] | FILE --format png|svg [--dpi 96] [poster options but --tile] | FILE --format md|json [-o OUT] [--force]",
		summary: "print a canvas as a PDF poster, draw that poster as PNG or SVG, or write the canvas as Markdown or JSON (next to FILE unless -o says where)",
		details: exportTargetHelp,
		run:     runExport})
}

// exportTargetHelp says which files export replaces.
const exportTargetHelp = "An existing file of the kind written (a PDF, a PNG, an SVG, an earlier Markdown or JSON export)\n" +
	"or an empty file is replaced; any other file, such as a canvas, only with --force.\n" +
	"The canvas being exported is never replaced. A poster too long for one page gives one\n" +
	"picture per page: OUT.png, OUT-2.png and so on."

// pdfTargetHelp says which files poster replaces.
const pdfTargetHelp = "An existing PDF (or empty file) at the output is replaced; any other file, such as a canvas,\n" +
	"only with --force. The canvas being printed is never replaced."

// posterFlags defines the flags export and poster share and returns the
// options they fill in.
func posterFlags(fs *flag.FlagSet) *export.Options {
	opt := &export.Options{}
	fs.StringVar(&opt.Paper, "paper", export.DefaultPaper, "the paper: "+strings.Join(export.Papers(), ", ")+", or WxH in mm such as 600x400")
	fs.BoolVar(&opt.Portrait, "portrait", false, "print upright instead of landscape")
	fs.BoolVar(&opt.Frontstage, "frontstage", false, "hide the backstage; the front-stage blocks take its place")
	fs.StringVar(&opt.Tile, "tile", "", "split the poster across sheets of this paper (A4 or Letter) to tape together")
	fs.StringVar(&opt.FontFile, "font", "", "a TrueType font (.ttf, at most "+bmc.FormatSize(export.MaxFontSize)+") for characters Noto Sans lacks, tried before the system's fonts")
	fs.StringVar((*string)(&opt.Ink), "ink", string(export.InkColor), "how much colour to print: "+strings.Join(export.Inks(), ", ")+" (light: white notes with a coloured edge; mono: no colour at all)")
	return opt
}

// forceFlag defines --force (and -f) for a command that writes a file.
func forceFlag(fs *flag.FlagSet, what string) *bool {
	force := fs.Bool("force", false, "replace "+what)
	fs.BoolVar(force, "f", false, "the same as --force")
	return force
}

// checkPaper reports a wrong --paper or --tile before any work is done.
func (e *env) checkPaper(opt *export.Options) bool {
	if _, err := export.ParsePaper(opt.Paper); err != nil {
		e.errorf("--paper: %v", err)
		return false
	}
	if opt.Tile != "" {
		if _, err := export.ParsePaper(opt.Tile); err != nil {
			e.errorf("--tile: %v", err)
			return false
		}
	}
	return true
}

func runExport(e *env, args []string) int {
	fs := e.flags(commands["export"])
	opt := posterFlags(fs)
	fs.BoolVar(&opt.Blank, "blank", false, "a blank workshop poster with the canvas's header and each block's questions")
	fs.StringVar(&opt.Focus, "focus", "", "the id of any note: fade every note outside its chain (what it relies on, what relies on it, the costs that come from them)")
	compare := fs.String("compare", "", "an older version of FILE (a file, or git's REV:PATH): mark what changed since, a change poster")
	out := fs.String("o", "", "the file to write (default: FILE with .pdf, .png, .svg, .md or .json)")
	format := fs.String("format", "", "pdf, png, svg, md or json (default: -o's extension, else pdf)")
	dpi := fs.Float64("dpi", export.DefaultDPI, fmt.Sprintf("the resolution of a PNG, in dots per inch (10 to %d)", export.MaxDPI))
	force := forceFlag(fs, "an existing file that is not a PDF (for the other formats: not an earlier export of theirs)")
	in, code, ok := e.oneFile(fs, args, "canvas file")
	if !ok {
		return code
	}
	f, ok := e.exportFormat(*format, *out)
	if !ok {
		return ExitUsage
	}
	if f != "png" && flagSet(fs, "dpi") {
		e.errorf("--dpi sets the resolution of a PNG; %s export takes none", withArticle(strings.ToUpper(f)))
		return ExitUsage
	}
	switch f {
	case "pdf":
	case "png", "svg":
		if !e.checkPaper(opt) {
			return ExitUsage
		}
		return e.exportPictures(in, *out, export.PictureFormat(f), opt, *dpi, *compare, *force)
	default:
		return e.exportData(fs, in, *out, f, *force)
	}
	if !e.checkPaper(opt) {
		return ExitUsage
	}
	// The fonts are parsed while the canvas is read; the garbage
	// collector is relaxed from the start (see relaxGC).
	export.Prepare()
	defer relaxGC()()
	c, code := e.loadForPDF(in, out, ".pdf", *force)
	if code != ExitOK {
		return code
	}
	if opt.Focus != "" && !e.checkFocus(in, opt.Focus, c) {
		return ExitUsage
	}
	if code, ok := e.compareWith(opt, *compare, c); !ok {
		return code
	}
	opt.FileName = filepath.Base(in)
	var buf bytes.Buffer
	warnings, err := export.PDF(&buf, c, *opt)
	return e.finishPDF(*out, buf.Bytes(), warnings, err)
}

// checkFocus reports a --focus that names no note of c, listing the
// segments as examples.
func (e *env) checkFocus(in, focus string, c *bmc.Canvas) bool {
	if len(c.Chain(focus)) > 0 {
		return true
	}
	var ids []string
	for _, s := range c.Segments() {
		ids = append(ids, fmt.Sprintf("%s (%s)", s.ID, firstLine(s.Text)))
	}
	hint := "it has no notes"
	if len(ids) > 0 {
		hint = "give a note's id, such as one of its segments: " + strings.Join(ids, ", ")
	}
	e.errorf("%s: --focus %q is no note on the canvas; %s", in, focus, hint)
	return false
}

// withArticle puts "a" or "an" before an abbreviation: "a PDF", "an SVG".
func withArticle(abbr string) string {
	if strings.ContainsRune("AEFHILMNORSX", rune(abbr[0])) {
		return "an " + abbr
	}
	return "a " + abbr
}

// flagSet reports whether the flag name was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// finishPDF prints the warnings and writes the PDF atomically, so that a
// failed export never leaves half a file. Standard output gets one line,
// "wrote FILE"; everything else goes to standard error.
func (e *env) finishPDF(out string, pdf []byte, warnings []string, err error) int {
	for _, w := range warnings {
		e.errorf("warning: %s", w)
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if err := bmc.WriteFileAtomic(out, pdf); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", out)
	return ExitOK
}

// loadForPDF checks where a PDF printed from the canvas file in goes (out,
// by default in's name with suffix instead of its extension: it must not
// be in itself, and may replace only a PDF unless force), then loads the
// canvas. It reports any problem and returns the exit code.
func (e *env) loadForPDF(in string, out *string, suffix string, force bool) (*bmc.Canvas, int) {
	if *out == "" {
		*out = strings.TrimSuffix(in, filepath.Ext(in)) + suffix
	}
	if sameFile(in, *out) {
		e.errorf("%s: the PDF would replace the canvas it is printed from; choose another name with -o", *out)
		return nil, ExitUsage
	}
	if err := checkPDFTarget(*out, force); err != nil {
		e.errorf("%v", err)
		return nil, ExitUsage
	}
	c, _, code := e.load(in, e.stderr)
	return c, code
}

// checkPDFTarget refuses to write a PDF over a file that holds anything
// else, such as a canvas or a font: see checkTarget.
func checkPDFTarget(path string, force bool) error {
	return checkTarget(path, force, "a PDF", func(head []byte) bool { return bytes.HasPrefix(head, []byte("%PDF-")) })
}

// checkTarget refuses to write an export over a file that holds anything
// else, such as a canvas or a font: an existing file is replaced only when
// its first 512 bytes look like what is written (ours, for what), it is
// empty, or force is set. A folder or other special file is refused even
// with force. A file that does not exist yet is fine.
func checkTarget(path string, force bool, what string, ours func(head []byte) bool) error {
	// O_NONBLOCK: a FIFO put there would otherwise hold the open forever.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, fs.ErrNotExist) {
		// said now, not after the work of drawing what goes there
		if dir := filepath.Dir(path); !isDir(dir) {
			return fmt.Errorf("%s: the folder %s does not exist", path, dir)
		}
		return nil
	}
	if err != nil {
		if force {
			return nil // the write itself says why it cannot replace it
		}
		return fmt.Errorf("%s: exists and cannot be read to check that it is %s (%s); use --force to replace it", path, what, reason(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("%s: %s", path, reason(err))
	}
	if !st.Mode().IsRegular() {
		kind := "not a regular file"
		if st.IsDir() {
			kind = "a folder"
		}
		return fmt.Errorf("%s: is %s; name a file to write with -o", path, kind)
	}
	if force || st.Size() == 0 {
		return nil
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if ours(head) {
		return nil
	}
	is := "is not " + what
	if bytes.Contains(head, []byte("format: bmcanvas/")) {
		is = "is a canvas, not " + what
	}
	return fmt.Errorf("%s: exists and %s; use --force to replace it, or choose another name with -o", path, is)
}

// isDir reports whether path is an existing folder.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// reason is the system's word for why a file operation failed, without
// the operation and path *fs.PathError adds: messages name the file once.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// relaxGC lets the heap grow to five times what is live before the
// garbage collector runs (GOGC=400), and to at most 512 MiB, and returns a
// function that restores the settings. A command such as export, diff or
// merge allocates some tens of megabytes in a short life (the PDF
// writer's font tables, YAML trees): at the default setting, collecting
// took a third of an export's run time. Turning the collector off
// altogether was slower still for larger work, since every allocation
// then takes memory the process has never touched, and each new page
// costs a page fault: on a 2-core machine, whole-process medians of 21
// runs, GOGC=400 against off: export of a 1,000-note canvas 195-207 ms
// against 229-235 ms, merge of three 1,000-note versions 102-107 against
// 106-113 ms, diff 69-72 against 70-73 ms, the bakery export the same.
func relaxGC() func() {
	percent := debug.SetGCPercent(400)
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
