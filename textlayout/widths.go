package textlayout

// Widths returns the width of each paragraph of the text set on one line
// at size: its pieces and one space after each piece a space followed, as
// Wrap measures them. A paragraph of width w needs about w/width lines of
// a given width, which lets a caller rule out boxes too small for a text
// without wrapping it. Empty paragraphs have width 0.
func (t *Text) Widths(size float64, m Measure) []float64 {
	out := make([]float64, len(t.paras))
	space := -1.0
	for i, p := range t.paras {
		w := 0.0
		for j, pc := range p.pieces {
			w += m(p.text[pc.start:pc.end], size)
			if pc.spaced && j < len(p.pieces)-1 {
				if space < 0 {
					space = m(" ", size)
				}
				w += space
			}
		}
		out[i] = w
	}
	return out
}
