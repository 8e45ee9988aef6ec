package bmc

import "math"

// MarkShape is the outline of a customer segment's mark: a circle or a
// regular polygon. Segments are told apart by the shapes of their marks as
// well as by their colours, so that a black-and-white print, or a reader
// who does not see colours, can still tell which notes serve which
// segment. Screen and poster draw the same shapes.
type MarkShape struct {
	// Name says what the shape is, such as "circle" or "triangle".
	Name string
	// Sides is the number of corners; 0 for a circle.
	Sides int
	// Angle turns the polygon clockwise, in degrees; at 0 a corner points
	// straight up.
	Angle float64
	// Scale is the polygon's corner radius relative to the radius of the
	// circle it stands in for, so that every shape looks about as heavy.
	Scale float64
}

// markShapes are the shapes of the first segments, in order.
var markShapes = [...]MarkShape{
	{Name: "circle", Scale: 1},
	{Name: "square", Sides: 4, Angle: 45, Scale: 1.22},
	{Name: "triangle", Sides: 3, Scale: 1.4},
	{Name: "diamond", Sides: 4, Scale: 1.22},
	{Name: "inverted triangle", Sides: 3, Angle: 180, Scale: 1.4},
	{Name: "pentagon", Sides: 5, Scale: 1.12},
	{Name: "hexagon", Sides: 6, Angle: 30, Scale: 1.08},
}

// SegmentShape returns the shape of the marks of the i-th customer
// segment (from 0, in the order of Canvas.Segments); after the seventh,
// the shapes repeat.
func SegmentShape(i int) MarkShape {
	if i < 0 {
		i = 0
	}
	return markShapes[i%len(markShapes)]
}

// MarkShapes returns every shape, in the order segments get them.
func MarkShapes() []MarkShape { return append([]MarkShape(nil), markShapes[:]...) }

// Corners returns the corners of the shape drawn with its centre at
// (cx, cy) for a circle of radius r, clockwise from the top, in a
// coordinate system whose y axis points down; none for a circle.
func (s MarkShape) Corners(cx, cy, r float64) [][2]float64 {
	if s.Sides < 3 {
		return nil
	}
	out := make([][2]float64, s.Sides)
	step := 2 * math.Pi / float64(s.Sides)
	rot := s.Angle*math.Pi/180 - math.Pi/2
	for i := range out {
		t := rot + step*float64(i)
		out[i] = [2]float64{cx + r*s.Scale*math.Cos(t), cy + r*s.Scale*math.Sin(t)}
	}
	return out
}
