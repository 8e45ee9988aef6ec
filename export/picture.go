package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/bmcanvas/bmcanvas/bmc"
	"golang.org/x/image/vector"
)

// PictureFormat is a kind of picture a poster can be drawn as, for slides
// and web pages: the same layout as the PDF, drawn by another back end.
type PictureFormat string

// The picture formats.
const (
	PNG PictureFormat = "png"
	SVG PictureFormat = "svg"
)

// Name names the format in a message: "a PNG picture", "an SVG picture".
func (f PictureFormat) Name() string {
	if f == SVG {
		return "an SVG picture"
	}
	return "a " + strings.ToUpper(string(f)) + " picture"
}

// DefaultDPI is the resolution of a PNG poster when none is chosen: the
// screen's, so that an A1 poster is about 3,200 pixels wide.
const DefaultDPI = 96

// MaxDPI is the highest resolution a PNG poster may be drawn at.
const MaxDPI = 1200

// pictureMemory bounds the memory the pictures of a PNG poster's pages
// take at once while they are drawn and encoded, in bytes.
const pictureMemory = 256 << 20

// MaxPixels bounds the pixels of one PNG page (four bytes each while it
// is drawn): an A1 poster fits at 300 dpi, an A0 at 200.
const MaxPixels = 70_000_000

// pixelSize returns the size of a w × h mm page in pixels at dpi.
func pixelSize(w, h, dpi float64) (int, int) {
	return max(1, int(math.Round(w/25.4*dpi))), max(1, int(math.Round(h/25.4*dpi)))
}

// CheckPicture reports, before any work, why a poster with opt cannot be
// drawn as f at dpi (ignored for SVG): a wrong paper, a tiling (for
// printing only), a resolution out of range or a page of too many
// pixels, naming the highest resolution that fits.
func CheckPicture(opt Options, f PictureFormat, dpi float64) error {
	if f != PNG && f != SVG {
		return fmt.Errorf("unknown picture format %q; choose png or svg", f)
	}
	paper, err := ParsePaper(opt.Paper)
	if err != nil {
		return err
	}
	if opt.Tile != "" {
		return fmt.Errorf("tiling cuts a poster into sheets to print and tape together, which %s is not; leave out the tile", f.Name())
	}
	if f == SVG {
		return nil
	}
	if !(dpi >= 10 && dpi <= MaxDPI) {
		return fmt.Errorf("a resolution of %g dpi is out of range; choose from 10 to %d", dpi, MaxDPI)
	}
	w, h := paper.Size(opt.Portrait)
	pw, ph := pixelSize(w, h, dpi)
	if pw*ph > MaxPixels {
		most := math.Floor(dpi * math.Sqrt(float64(MaxPixels)/float64(pw*ph)))
		for mw, mh := pixelSize(w, h, most); mw*mh > MaxPixels && most > 10; mw, mh = pixelSize(w, h, most) {
			most-- // the pixels are rounded: make sure the advice fits
		}
		return fmt.Errorf("%s at %g dpi would be %s × %s pixels, more than the %s million a picture may have; choose %g dpi or less, or a smaller paper",
			paperLabel(paper, opt.Portrait), dpi, thousands(pw), thousands(ph), thousands(MaxPixels/1_000_000), most)
	}
	return nil
}

// paperLabel names a paper and its orientation in a message.
func paperLabel(p Paper, portrait bool) string {
	side := "landscape"
	if portrait {
		side = "portrait"
	}
	return sheetLabel(p) + " " + side
}

// Pictures draws the canvas as a poster in pictures, one per page (a page
// more for each continuation page a long block needs): PNG at dpi dots
// per inch, or SVG. The layout is the PDF's: paper, orientation,
// frontstage, focus, ink and change marks apply. Warnings are as PDF's.
func Pictures(c *bmc.Canvas, opt Options, f PictureFormat, dpi float64) (pages [][]byte, warnings []string, err error) {
	if c == nil {
		return nil, nil, fmt.Errorf("no canvas to draw")
	}
	t, ok := bmc.TemplateByID(c.TemplateID)
	if !ok {
		return nil, nil, fmt.Errorf("unknown template %q", c.TemplateID)
	}
	if err := CheckPicture(opt, f, dpi); err != nil {
		return nil, nil, err
	}
	in, p, warnings, err := preparePoster(t, c, opt)
	if err != nil {
		return nil, nil, err
	}
	defer in.fonts.release()
	title := c.Title
	if title == "" {
		title = t.Name
	}
	pages = make([][]byte, len(p.pages))
	if f == SVG {
		for i, pg := range p.pages {
			out := newSVGSink()
			drawPage(in, p, pg, newPathPen(out, 1))
			pages[i] = out.document(p.w, p.h, title)
		}
		return pages, warnings, nil
	}
	// Pages are drawn one after another (the drawer's caches are not safe
	// for concurrent use) and encoded, which takes as long, on the other
	// cores meanwhile. The pictures drawn into are reused from page to
	// page: as many as cores, and no more than fit in pictureMemory (one,
	// however large), so memory does not wait for the collector.
	pw, ph := pixelSize(p.w, p.h, dpi)
	canvases := make(chan *image.RGBA, max(1, min(runtime.GOMAXPROCS(0), pictureMemory/(4*pw*ph))))
	for range cap(canvases) {
		canvases <- nil // made when first needed
	}
	errs := make([]error, len(p.pages))
	var wg sync.WaitGroup
	var r vector.Rasterizer
	for i, pg := range p.pages {
		img := <-canvases
		if img == nil {
			img = image.NewRGBA(image.Rect(0, 0, pw, ph))
		}
		out := newRasterSink(img, &r)
		drawPage(in, p, pg, newPathPen(out, float64(pw)/p.w))
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			enc := png.Encoder{CompressionLevel: png.BestSpeed}
			errs[i] = enc.Encode(&buf, img)
			pages[i] = withResolution(buf.Bytes(), dpi)
			canvases <- img
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, warnings, fmt.Errorf("write PNG: %w", err)
	}
	return pages, warnings, nil
}

// withResolution returns a PNG with a pHYs chunk that gives its
// resolution, dpi, so that slide and print tools place it at the
// poster's size; Go's encoder writes none.
func withResolution(pic []byte, dpi float64) []byte {
	const afterHeader = 8 + 4 + 4 + 13 + 4 // signature, then IHDR's length, type, data and CRC
	if len(pic) < afterHeader || string(pic[12:16]) != "IHDR" {
		return pic
	}
	ppm := uint32(math.Round(dpi / 0.0254)) // pixels per metre
	chunk := binary.BigEndian.AppendUint32(nil, 9)
	chunk = append(chunk, "pHYs"...)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = append(chunk, 1) // the unit is the metre
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	out := make([]byte, 0, len(pic)+len(chunk))
	out = append(out, pic[:afterHeader]...)
	out = append(out, chunk...)
	return append(out, pic[afterHeader:]...)
}

// PageNames names the pictures of a poster of n pages written to out:
// out for the first, then out with -2, -3 … before its extension.
func PageNames(out string, n int) []string {
	ext := filepath.Ext(out)
	base := strings.TrimSuffix(out, ext)
	names := []string{out}
	for i := 2; i <= n; i++ {
		names = append(names, fmt.Sprintf("%s-%d%s", base, i, ext))
	}
	return names
}

// drawPage draws one laid-out page with a pen that is not a PDF.
func drawPage(in layoutInput, p *poster, pg *page, pp *pathPen) {
	d := newDrawer(nil, in.fonts, p.scale)
	d.pen = pp
	d.ink, d.focus = in.ink, in.opt.Focus != ""
	d.page(pg)
}
