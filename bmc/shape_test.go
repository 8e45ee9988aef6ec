package bmc

import (
	"math"
	"testing"
)

// The first segments get shapes that differ from each other, so that a
// black-and-white poster still tells them apart.
func TestSegmentShapesDiffer(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < len(MarkShapes()); i++ {
		s := SegmentShape(i)
		key := s.Name
		if seen[key] {
			t.Errorf("segment %d repeats the shape %s", i, s.Name)
		}
		seen[key] = true
		if n := len(s.Corners(0, 0, 1)); n != s.Sides && !(s.Sides == 0 && n == 0) {
			t.Errorf("%s: %d corners, want %d", s.Name, n, s.Sides)
		}
	}
	if SegmentShape(len(MarkShapes())) != SegmentShape(0) || SegmentShape(-1) != SegmentShape(0) {
		t.Error("the shapes do not repeat from the first")
	}
}

// A polygon's first corner points up at angle 0, and the square stands on
// a side.
func TestMarkShapeCorners(t *testing.T) {
	tri := SegmentShape(2).Corners(10, 10, 1)
	if math.Abs(tri[0][0]-10) > 1e-9 || tri[0][1] >= 10 {
		t.Errorf("the triangle's first corner is at %v, want straight above the centre", tri[0])
	}
	sq := SegmentShape(1).Corners(0, 0, 1)
	if math.Abs(sq[0][1]-sq[1][1]) > 1e-9 && math.Abs(sq[0][0]-sq[1][0]) > 1e-9 {
		t.Errorf("the square stands on a corner: %v", sq)
	}
}
