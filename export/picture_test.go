package export

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os/exec"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
	"golang.org/x/image/vector"
)

// pictureCases are posters drawn as PDF and as pictures in the tests
// below: plain, with focus and ink, many scripts and emoji, a change
// poster.
func pictureCases(t *testing.T) []struct {
	name string
	c    *bmc.Canvas
	opt  Options
} {
	old, changed := bakeryChanged(t)
	return []struct {
		name string
		c    *bmc.Canvas
		opt  Options
	}{
		{"bakery", example(t, "bakery"), Options{FileName: "bakery.yaml"}},
		{"bakery-mono-focus", example(t, "bakery"), Options{Ink: InkMono, Focus: "n2"}},
		{"designer-portrait", example(t, "designer"), Options{Paper: "A3", Portrait: true, Ink: InkLight}},
		{"scripts", scriptCanvas(t), Options{Paper: "A3"}},
		{"changes", changed, Options{Compare: bmc.Compare(old, changed), Frontstage: true}},
	}
}

func onePicture(t *testing.T, c *bmc.Canvas, opt Options, f PictureFormat, dpi float64) []byte {
	t.Helper()
	pages, _, err := Pictures(c, opt, f, dpi)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	return pages[0]
}

// samePicture reports how two renderings of one page differ: sizes more
// than a pixel apart, or more than 1% of the 4×4-pixel squares of their
// common part differing by more than 32 of 255 in a channel's average.
// Averaging over squares forgives what two rasterizers may do
// differently (antialiasing, hinting) and nothing else: a note, a line or
// a word out of place by a millimetre shows.
func samePicture(t *testing.T, a, b []byte) string {
	t.Helper()
	ia, ib := decodePNG(t, a), decodePNG(t, b)
	ra, rb := ia.Bounds(), ib.Bounds()
	if d := ra.Dx() - rb.Dx(); d < -1 || d > 1 {
		return fmt.Sprintf("widths %d and %d", ra.Dx(), rb.Dx())
	}
	if d := ra.Dy() - rb.Dy(); d < -1 || d > 1 {
		return fmt.Sprintf("heights %d and %d", ra.Dy(), rb.Dy())
	}
	const sq = 4
	r := ra.Intersect(rb)
	differ, total := 0, 0
	for y := r.Min.Y; y+sq <= r.Max.Y; y += sq {
		for x := r.Min.X; x+sq <= r.Max.X; x += sq {
			var sum [3]int
			for dy := range sq {
				for dx := range sq {
					r1, g1, b1, _ := ia.At(x+dx, y+dy).RGBA()
					r2, g2, b2, _ := ib.At(x+dx, y+dy).RGBA()
					sum[0] += int(r1>>8) - int(r2>>8)
					sum[1] += int(g1>>8) - int(g2>>8)
					sum[2] += int(b1>>8) - int(b2>>8)
				}
			}
			total++
			for _, v := range sum {
				if v > 32*sq*sq || v < -32*sq*sq {
					differ++
					break
				}
			}
		}
	}
	if differ*100 > total {
		return fmt.Sprintf("%.2f%% of the squares differ", float64(differ)*100/float64(total))
	}
	return ""
}

// A PNG export is the PDF poster drawn by another back end: it matches
// pdftoppm's picture of the PDF at the same resolution, pixel for pixel
// but for antialiasing. One layout, several drawing back ends.
func TestPNGIsThePDFsPoster(t *testing.T) {
	needTool(t, "pdftoppm")
	for _, tc := range pictureCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			pdf, _ := writePDF(t, tc.c, tc.opt)
			want := tool(t, pdf, "pdftoppm", "-png", "-r", "40", "-singlefile", "-f", "1", "-l", "1")
			got := onePicture(t, tc.c, tc.opt, PNG, 40)
			if msg := samePicture(t, got, want); msg != "" {
				keepFailed(t, tc.name+"-png", got)
				keepFailed(t, tc.name+"-pdf", want)
				t.Errorf("PNG export and PDF differ: %s; see testdata/failed/", msg)
			}
		})
	}
}

// An SVG export draws as the PNG export does (librsvg renders it).
func TestSVGIsThePNGsPoster(t *testing.T) {
	needTool(t, "rsvg-convert")
	for _, tc := range pictureCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			svg := onePicture(t, tc.c, tc.opt, SVG, 0)
			cmd := exec.Command("rsvg-convert", "--dpi-x", "40", "--dpi-y", "40", "--background-color", "white")
			cmd.Stdin = bytes.NewReader(svg)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			if err := cmd.Run(); err != nil {
				t.Fatalf("rsvg-convert: %v: %s", err, errOut.String())
			}
			got := onePicture(t, tc.c, tc.opt, PNG, 40)
			if msg := samePicture(t, out.Bytes(), got); msg != "" {
				keepFailed(t, tc.name+"-svg", out.Bytes())
				t.Errorf("SVG and PNG exports differ: %s; see testdata/failed/", msg)
			}
		})
	}
}

// Golden pictures of a PNG export and of a change poster drawn as PNG.
func TestPNGGolden(t *testing.T) {
	old, changed := bakeryChanged(t)
	matchGolden(t, "png-bakery", onePicture(t, example(t, "bakery"), Options{FileName: "bakery.yaml"}, PNG, 20))
	matchGolden(t, "png-changes", onePicture(t, changed, Options{Compare: bmc.Compare(old, changed)}, PNG, 20))
}

// An SVG export is well-formed XML, sized in millimetres as its paper,
// with its text there to search in every script, and the same canvas
// gives the same bytes.
func TestSVGDocument(t *testing.T) {
	c := scriptCanvas(t)
	svg := onePicture(t, c, Options{Paper: "A3"}, SVG, 0)
	root, texts := svgParts(t, svg)
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	if root.Name.Local != "svg" || attrs["width"] != "420mm" || attrs["height"] != "297mm" || attrs["viewBox"] != "0 0 420 297" {
		t.Errorf("root %s %v, want an A3 landscape svg", root.Name.Local, attrs)
	}
	all := strings.Join(texts["text"], "\n")
	for _, want := range []string{"東京ベーカリー", "焼きたてのクロワッサン", "빵 구독 서비스", "Bäckerei Müller", "→", "خبز طازج"} {
		if !strings.Contains(all, want) {
			t.Errorf("the SVG's text lacks %q", want)
		}
	}
	if again := onePicture(t, c, Options{Paper: "A3"}, SVG, 0); !bytes.Equal(again, svg) {
		t.Error("the same canvas gave two different SVGs")
	}
}

// A mono PNG has no colour at all, emoji and change marks included.
func TestMonoPNGHasNoColour(t *testing.T) {
	old, changed := bakeryChanged(t)
	for _, tc := range []struct {
		c   *bmc.Canvas
		opt Options
	}{
		{scriptCanvas(t), Options{}},
		{example(t, "bakery"), Options{}},
		{changed, Options{Compare: bmc.Compare(old, changed), Focus: "n2"}},
	} {
		c := tc.c
		opt := tc.opt
		opt.Paper, opt.Ink = "A3", InkMono
		pic := onePicture(t, c, opt, PNG, 50)
		img, err := png.Decode(bytes.NewReader(pic))
		if err != nil {
			t.Fatal(err)
		}
		if n := colouredPixels(img, img.Bounds()); n > 0 {
			t.Errorf("%q: %d coloured pixels in mono", c.Title, n)
		}
	}
}

// A poster too long for one page gives a picture per page, each the
// paper's size.
func TestPicturesOfEveryPage(t *testing.T) {
	c := stressCanvas(t, 7, 160, "key_partners")
	pages, warnings, err := Pictures(c, Options{Paper: "A4"}, PNG, 30)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("%d pages, want more than 1 (warnings %v)", len(pages), warnings)
	}
	for i, page := range pages {
		cfg, err := png.DecodeConfig(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		if w, h := pixelSize(297, 210, 30); cfg.Width != w || cfg.Height != h {
			t.Errorf("page %d is %d×%d, want %d×%d", i+1, cfg.Width, cfg.Height, w, h)
		}
	}
	// Each page is its own: the pictures drawn into are reused from page
	// to page, so a page that kept the one before would show it.
	needTool(t, "pdftoppm")
	pdf, _ := writePDF(t, c, Options{Paper: "A4"})
	for i, page := range pages {
		n := fmt.Sprint(i + 1)
		want := tool(t, pdf, "pdftoppm", "-png", "-r", "30", "-singlefile", "-f", n, "-l", n)
		if msg := samePicture(t, page, want); msg != "" {
			keepFailed(t, "pages-"+n, page)
			t.Errorf("page %s is not the PDF's: %s", n, msg)
		}
	}
}

func TestCheckPicture(t *testing.T) {
	for _, tc := range []struct {
		opt  Options
		f    PictureFormat
		dpi  float64
		want string
	}{
		{Options{}, PNG, DefaultDPI, ""},
		{Options{Paper: "A0"}, SVG, 0, ""},
		{Options{Paper: "A1"}, PNG, 300, ""},
		{Options{Paper: "A0"}, PNG, 600, "A0 landscape at 600 dpi would be 28,087 × 19,866 pixels, more than the 70 million a picture may have; choose 212 dpi or less"},
		{Options{Tile: "A4"}, PNG, 96, "tiling cuts a poster into sheets to print and tape together, which a PNG picture is not"},
		{Options{Tile: "A4"}, SVG, 0, "which an SVG picture is not"},
		{Options{Paper: "100x412"}, PNG, 1200, "choose 1046 dpi or less"},
		{Options{Paper: "100x412"}, PNG, 1046, ""},
		{Options{}, PNG, 0, "0 dpi is out of range; choose from 10 to 1200"},
		{Options{}, PNG, 5000, "5000 dpi is out of range"},
		{Options{Paper: "B7"}, PNG, 96, "B7"},
		{Options{}, "gif", 96, `unknown picture format "gif"`},
	} {
		err := CheckPicture(tc.opt, tc.f, tc.dpi)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%+v %s %g: %v", tc.opt, tc.f, tc.dpi, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v %s %g: %v, want %q", tc.opt, tc.f, tc.dpi, err, tc.want)
		}
	}
}

// The PNG's pixels are where the layout put the notes: a note's fill
// colour at the centre of its box.
func TestPNGPlacesNotesWhereTheLayoutDoes(t *testing.T) {
	c := example(t, "bakery")
	const dpi = 50
	img, err := png.Decode(bytes.NewReader(onePicture(t, c, Options{}, PNG, dpi)))
	if err != nil {
		t.Fatal(err)
	}
	in, p, _, err := preparePoster(c.Template(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.fonts.release()
	k := dpi / 25.4
	checked := 0
	for _, bb := range p.pages[0].blocks {
		for _, nb := range bb.notes {
			// a point in the note's top padding, clear of its text
			x, y := int((nb.x+nb.w/2)*k), int((nb.y+0.4*notePadEm*nb.text.size*ptMM)*k)
			want := colorRGB(nb.note.Color)
			got := img.At(x, y)
			r, g, b, _ := got.RGBA()
			if d := max(absDiff(r>>8, want[0]), absDiff(g>>8, want[1]), absDiff(b>>8, want[2])); d > 8 {
				t.Errorf("note %s: pixel (%d, %d) is %v, want %v", nb.note.ID, x, y, got, want)
			}
			checked++
		}
	}
	if checked < 30 {
		t.Errorf("checked %d notes", checked)
	}
}

func absDiff(a uint32, b uint8) uint32 {
	if a > uint32(b) {
		return a - uint32(b)
	}
	return uint32(b) - a
}

// Characters XML does not allow (control characters the loader lets
// through in a quoted title) are left out of an SVG, which stays
// well-formed; markup characters are escaped.
func TestSVGLeavesOutWhatXMLForbids(t *testing.T) {
	c := example(t, "bakery")
	c.Title = "Corner\x0b Bakery\x00 & <Co> \uFFFE"
	svg := onePicture(t, c, Options{Paper: "A4"}, SVG, 0)
	_, texts := svgParts(t, svg)
	title := strings.Join(texts["title"], "")
	if title != "Corner Bakery & <Co> " {
		t.Errorf("title %q", title)
	}
}

// svgParts parses an SVG, failing the test when it is not well-formed,
// and returns its root element and the text of its elements by name.
func svgParts(t *testing.T, svg []byte) (root xml.StartElement, texts map[string][]string) {
	t.Helper()
	texts = map[string][]string{}
	var open []string
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return root, texts
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root.Name.Local == "" {
				root = tok.Copy()
			}
			open = append(open, tok.Name.Local)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				name := open[len(open)-1]
				texts[name] = append(texts[name], string(tok))
			}
		}
	}
}

// A PNG says its resolution (a pHYs chunk), so that slide and print tools
// place it at the poster's size.
func TestPNGSaysItsResolution(t *testing.T) {
	pic := onePicture(t, example(t, "bakery"), Options{Paper: "A4"}, PNG, 150)
	i := bytes.Index(pic, []byte("pHYs"))
	if i < 0 || i+13 > len(pic) {
		t.Fatal("no pHYs chunk")
	}
	x, y, unit := binary.BigEndian.Uint32(pic[i+4:]), binary.BigEndian.Uint32(pic[i+8:]), pic[i+12]
	if x != 5906 || y != 5906 || unit != 1 {
		t.Errorf("pHYs %d × %d per unit %d, want 5906 pixels per metre (150 dpi)", x, y, unit)
	}
	if _, err := png.Decode(bytes.NewReader(pic)); err != nil {
		t.Errorf("the PNG no longer decodes: %v", err)
	}
}

// A shape too large for one pass of the rasterizer is filled in bands of
// rows: the frame of a block that fills the page comes out whole, each
// edge where it belongs, and nothing inside or outside it is painted.
func TestPNGFillsLargeShapesInBands(t *testing.T) {
	const w, h = 3000, 2000 // 6 million pixels: about three bands
	var r vector.Rasterizer
	s := newRasterSink(image.NewRGBA(image.Rect(0, 0, w, h)), &r)
	pp := newPathPen(s, 1)
	pp.SetDrawColor(0, 0, 0)
	pp.SetLineWidth(10)
	d := &drawer{pen: pp}
	d.roundedRect(box{100, 100, 2800, 1800}, 50, "D")
	dark := func(x, y int) bool { return s.img.RGBAAt(x, y).R < 64 }
	for _, p := range [][2]int{{1500, 100}, {1500, 1900}, {100, 1000}, {2900, 1000}, {100, 300}, {2900, 1700}} {
		if !dark(p[0], p[1]) {
			t.Errorf("the frame is missing at %v", p)
		}
	}
	for _, p := range [][2]int{{1500, 1000}, {1500, 700}, {1500, 1400}, {50, 1000}, {1500, 1950}, {105, 105}} {
		if dark(p[0], p[1]) {
			t.Errorf("painted at %v, inside or outside the frame", p)
		}
	}
}
