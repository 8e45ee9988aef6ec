package export

import "strconv"

// voteColor is the ink of the badge that shows a note's votes.
var voteColor = rgb{0xc6, 0x28, 0x28}

// votes draws the result of a dot vote on a note as a red dot with the
// count, on the note's top edge near its right corner: it covers only the
// note's top padding, never its text.
func (d *drawer) votes(nb *noteBox) {
	if nb.note.Votes <= 0 {
		return
	}
	em := nb.text.size * ptMM
	r := 0.5 * em
	cx, cy := nb.right()-0.12*em-notePadEm*em-r, nb.y
	fill := voteColor
	if nb.faded {
		fill = fade(fill)
	}
	d.pen.SetFillColor(255, 255, 255)
	d.pen.Circle(cx, cy, r+0.08*em, "F")
	d.pen.SetFillColor(rgbInts(fill))
	d.pen.Circle(cx, cy, r, "F")
	label := strconv.Itoa(nb.note.Votes)
	size := nb.text.size * 0.62
	if len(label) > 2 {
		size *= 0.75
	}
	w := d.fonts.width(d.fonts.bold, label, size)
	t := textBox{x: cx - w/2, y: cy - lineHeight/2*size*ptMM, w: w, size: size, bold: true, color: rgb{255, 255, 255}, lines: []string{label}}
	d.text(t)
}
