package widgets

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// blend returns top drawn over bottom, honouring top's alpha.
func blend(bottom, top color.Color) color.Color {
	br, bg, bb, _ := bottom.RGBA()
	tr, tg, tb, ta := top.RGBA()
	mix := func(b, t uint32) uint8 { return uint8((b*(0xffff-ta) + t*0xffff) / 0xffff >> 8) }
	return color.NRGBA{R: mix(br, tr), G: mix(bg, tg), B: mix(bb, tb), A: 0xff}
}

// colorName is a palette colour's name for menus: "Yellow".
func colorName(c bmc.Color) string {
	s := string(c)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// colorIcons caches the icons of swatch and SegmentIcon.
var colorIcons = map[string]fyne.Resource{}

// colorIcon returns a 16×16 SVG icon filled with the paper colour c: shape
// is the SVG element without its fill, such as `<circle cx="8" cy="8" r="6"`.
func colorIcon(name string, c bmc.Color, shape string) fyne.Resource {
	key := name + "-" + string(c)
	if r, ok := colorIcons[key]; ok {
		return r
	}
	red, green, blue := c.RGB()
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">`+
		`%s fill="#%02x%02x%02x" stroke="#000000" stroke-opacity="0.3"/></svg>`, shape, red, green, blue)
	r := fyne.NewStaticResource(key+".svg", []byte(svg))
	colorIcons[key] = r
	return r
}

// swatch returns a menu icon showing the paper colour c.
func swatch(c bmc.Color) fyne.Resource {
	return colorIcon("note", c, `<rect x="1.5" y="1.5" width="13" height="13" rx="2.5"`)
}

// SegmentIcon returns a round 16×16 icon in a segment's colour, as the
// board marks the notes linked to that segment, for menus and lists.
func SegmentIcon(c bmc.Color) fyne.Resource {
	return colorIcon("segment", c, `<circle cx="8" cy="8" r="6"`)
}
