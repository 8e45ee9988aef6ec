package cmd

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/bmc/formats"
	"github.com/bmcanvas/bmcanvas/export"
)

// This file holds the exports besides the PDF poster: the poster as PNG
// or SVG pictures, and the canvas as data, Markdown or JSON. runExport
// (export.go) asks exportFormat which format an export writes and hands
// the pictures to exportPictures and the data formats to exportData.

// exportFormat returns the format an export writes: --format when given,
// else the one -o's extension names (.png, .svg, .md, .markdown, .json),
// else "pdf".
func (e *env) exportFormat(flagValue, out string) (string, bool) {
	fromName := "pdf"
	switch ext := strings.ToLower(filepath.Ext(out)); ext {
	case ".md", ".markdown", ".json":
		f, _ := formats.ParseFormat(ext)
		fromName = string(f)
	case ".png", ".svg":
		fromName = ext[1:]
	}
	if flagValue == "" {
		return fromName, true
	}
	format := strings.ToLower(flagValue)
	if f, ok := formats.ParseFormat(format); ok && f != formats.BMML {
		format = string(f)
	} else if format != "pdf" && format != "png" && format != "svg" {
		e.errorf("unknown --format %q; export writes pdf, png, svg, md or json", flagValue)
		return "", false
	}
	if ext := strings.ToLower(filepath.Ext(out)); format != fromName && (fromName != "pdf" || ext == ".pdf") {
		e.errorf("--format %s, but -o %s names %s file", format, out, withArticle(strings.ToUpper(strings.TrimPrefix(ext, "."))))
		return "", false
	}
	return format, true
}

// pdfFlags are the export flags that shape paper.
var pdfFlags = []string{"paper", "portrait", "frontstage", "blank", "tile", "font", "focus", "compare", "ink", "dpi"}

// exportPictures draws the poster as PNG or SVG pictures, one per page:
// out (FILE with the format's extension when empty) for the first, and
// the same name with -2, -3 … for the pages after it.
// compare names an older version for a change poster, as --compare.
func (e *env) exportPictures(in, out string, f export.PictureFormat, opt *export.Options, dpi float64, compare string, force bool) int {
	if err := export.CheckPicture(*opt, f, dpi); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	export.Prepare() // the fonts are parsed while the canvas is read
	defer relaxGC()()
	ext := "." + string(f)
	c, code := e.loadForPicture(in, &out, ext, force)
	if code != ExitOK {
		return code
	}
	if opt.Focus != "" && !e.checkFocus(in, opt.Focus, c) {
		return ExitUsage
	}
	if code, ok := e.compareWith(opt, compare, c); !ok {
		return code
	}
	opt.FileName = filepath.Base(in)
	pages, warnings, err := export.Pictures(c, *opt, f, dpi)
	for _, w := range warnings {
		e.errorf("warning: %s", w)
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if out == "-" {
		if len(pages) > 1 {
			e.errorf("the poster has %d pages, one picture each; name a file with -o instead of -", len(pages))
			return ExitUsage
		}
		e.stdout.Write(pages[0])
		return ExitOK
	}
	// Every page's file is checked before any is written: the canvas is
	// never one of them, and nothing is written when one is refused.
	names := export.PageNames(out, len(pages))
	for _, name := range names[1:] {
		if err := checkPictureName(in, name, f, force); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
	}
	for i, page := range pages {
		if err := bmc.WriteFileAtomic(names[i], page); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", names[i])
	}
	if stale := export.PageNames(out, len(pages)+1)[len(pages)]; fileExists(stale) {
		e.errorf("warning: %s is left from an earlier export with more pages; it is not part of this one", stale)
	}
	if len(pages) > 1 {
		e.errorf("warning: the poster has %d pages, one picture each: %s", len(pages), strings.Join(names, ", "))
	}
	return ExitOK
}

// fileExists reports whether path names an existing file.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// loadForPicture is loadForPDF for a picture: it checks where the
// picture goes (out, by default in's name with ext), then loads the
// canvas.
func (e *env) loadForPicture(in string, out *string, ext string, force bool) (*bmc.Canvas, int) {
	if *out == "" {
		*out = strings.TrimSuffix(in, filepath.Ext(in)) + ext
	}
	if *out != "-" {
		if err := checkPictureName(in, *out, export.PictureFormat(ext[1:]), force); err != nil {
			e.errorf("%v", err)
			return nil, ExitUsage
		}
	}
	c, _, code := e.load(in, e.stderr)
	return c, code
}

// checkPictureName refuses a picture's file name that is the canvas in
// (even with force), names a canvas file (.yaml, .yml), or holds another
// kind of file (see checkPictureTarget).
func checkPictureName(in, name string, f export.PictureFormat, force bool) error {
	if sameFile(in, name) {
		return fmt.Errorf("%s: the picture would replace the canvas it is drawn from; choose another name with -o", name)
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		return fmt.Errorf("%s names a canvas file, which %s must not replace; choose a name ending in .%s", name, f.Name(), f)
	}
	return checkPictureTarget(name, f, force)
}

// checkPictureTarget refuses to write a picture over a file that holds
// anything else: see checkTarget.
func checkPictureTarget(path string, f export.PictureFormat, force bool) error {
	if f == export.PNG {
		return checkTarget(path, force, f.Name(), func(head []byte) bool { return bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")) })
	}
	return checkTarget(path, force, f.Name(), func(head []byte) bool { return bytes.Contains(head, []byte("<svg")) })
}

// exportData writes the canvas in as Markdown or JSON to out (FILE with
// the format's extension when empty, standard output for "-").
func (e *env) exportData(fs *flag.FlagSet, in, out, format string, force bool) int {
	var paperOnly []string
	fs.Visit(func(f *flag.Flag) {
		for _, p := range pdfFlags {
			if f.Name == p {
				paperOnly = append(paperOnly, "--"+p)
			}
		}
	})
	if len(paperOnly) > 0 {
		e.errorf("%s shape a PDF; a %s export takes none of them", strings.Join(paperOnly, ", "), format)
		return ExitUsage
	}
	f, _ := formats.ParseFormat(format)
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + f.Extension()
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext == ".yaml" || ext == ".yml" || out != "-" && sameFile(in, out) {
		e.errorf("-o %s names a canvas file, which the %s must not replace; choose a name ending in %s", out, f.Name(), f.Extension())
		return ExitUsage
	}
	if out != "-" {
		if err := checkTarget(out, force, "a bmcanvas "+f.Name()+" export", func(head []byte) bool {
			return bytes.Contains(head, []byte("bmcanvas"))
		}); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
	}
	c, _, code := e.load(in, e.stderr)
	if code != ExitOK {
		return code
	}
	data, err := formats.Export(c, f)
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if out == "-" {
		e.stdout.Write(data)
		return ExitOK
	}
	if err := bmc.WriteFileAtomic(out, data); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", out)
	return ExitOK
}
