package cmd

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"strconv"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// BoardImage draws a canvas as the editor shows it in a window whose
// inside is width×height, in the dark or light theme, at a zoom factor (0:
// fit), and returns the picture and the IDs of the notes not shown whole.
// main sets it (app.BoardImage), so that this package needs no GUI.
var BoardImage func(c *bmc.Canvas, width, height int, dark bool, zoom float64) (image.Image, []string, error)

func init() {
	register(&command{name: "board",
		usage:   "FILE [--size 1366x768] [--theme light|dark] [--zoom fit|N] -o BOARD.png",
		summary: "draw a canvas as the editor shows it, as a PNG, without a display",
		details: `The picture is the editor's window at that size, menu bar and toolbar
included, drawn by Fyne's software renderer. Standard error says how many
notes are not shown whole ("N notes not shown whole", 0 included),
followed by the ids of those scrolled out of view or cut, one line each.
--zoom is fit (the largest size that shows every note) or a factor such
as 1, 0.8 or 125%.`,
		run: runBoard})
}

func runBoard(e *env, args []string) int {
	fs := e.flags(commands["board"])
	size := fs.String("size", "1366x768", "the inside of the window, WIDTHxHEIGHT in pixels at scale 1")
	themeName := fs.String("theme", "light", "light or dark")
	zoomText := fs.String("zoom", "1", "fit, or a zoom factor such as 1, 0.8 or 125%")
	out := fs.String("o", "", "the PNG to write")
	files, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 || *out == "" {
		e.errorf("board: name one canvas file and the picture to write with -o")
		fs.Usage()
		return ExitUsage
	}
	width, height, err := parseSize(*size)
	if err != nil {
		e.errorf("board: --size: %v", err)
		return ExitUsage
	}
	if *themeName != "light" && *themeName != "dark" {
		e.errorf("board: --theme: %q is neither light nor dark", *themeName)
		return ExitUsage
	}
	zoom, err := parseZoom(*zoomText)
	if err != nil {
		e.errorf("board: --zoom: %v", err)
		return ExitUsage
	}
	if sameFile(files[0], *out) {
		e.errorf("board: the picture would overwrite the canvas file %s", files[0])
		return ExitUsage
	}
	if BoardImage == nil {
		e.errorf("board: this build cannot draw boards")
		return ExitUsage
	}
	c, err := bmc.LoadFile(files[0])
	if err != nil {
		return e.reportLoad(err, e.stderr)
	}
	img, hidden, err := BoardImage(c, width, height, *themeName == "dark", zoom)
	if err != nil {
		e.errorf("board: %v", err)
		return ExitUsage
	}
	if err := writePNG(*out, img); err != nil {
		e.errorf("board: %v", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stderr, "%d notes not shown whole\n", len(hidden))
	for _, id := range hidden {
		fmt.Fprintln(e.stderr, id)
	}
	return ExitOK
}

// parseSize reads WIDTHxHEIGHT, such as 1366x768.
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	if !ok || err != nil || w < 200 || h < 200 || w > 8000 || h > 8000 {
		return 0, 0, fmt.Errorf("%q is not a size such as 1366x768 (200 to 8000 pixels each way)", s)
	}
	return w, h, nil
}

// parseZoom reads fit (0), a factor such as 0.8, or a percentage.
func parseZoom(s string) (float64, error) {
	if s == "fit" {
		return 0, nil
	}
	pct := strings.HasSuffix(s, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if pct {
		f /= 100
	}
	if err != nil || f < 0.5 || f > 3 {
		return 0, fmt.Errorf("%q is not fit or a factor from 0.5 to 3 (50%% to 300%%)", s)
	}
	return f, nil
}

// writePNG writes img to path.
func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
