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

// swatches holds one small square icon per palette colour, for menus.
var swatches = map[bmc.Color]fyne.Resource{}

// swatch returns a menu icon showing the paper colour c.
func swatch(c bmc.Color) fyne.Resource {
	if r, ok := swatches[c]; ok {
		return r
	}
	red, green, blue := c.RGB()
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">`+
		`<rect x="1.5" y="1.5" width="13" height="13" rx="2.5" fill="#%02x%02x%02x" stroke="#000000" stroke-opacity="0.25"/></svg>`, red, green, blue)
	r := fyne.NewStaticResource("note-"+string(c)+".svg", []byte(svg))
	swatches[c] = r
	return r
}
