package bmc

import "math"

// Shape is one stroke of an icon, in a unit square with the origin at the
// top left: a straight line from (X1, Y1) to (X2, Y2), or, when Circle is
// true, a circle around (X1, Y1) with radius R.
type Shape struct {
	Circle         bool
	X1, Y1, X2, Y2 float64
	R              float64
}

// Icon is a small line drawing made of strokes, drawn the same way on screen
// and on paper.
type Icon struct {
	// Name says what the icon shows, such as "gear".
	Name   string
	Shapes []Shape
}

func line(x1, y1, x2, y2 float64) Shape { return Shape{X1: x1, Y1: y1, X2: x2, Y2: y2} }

func circle(cx, cy, r float64) Shape { return Shape{Circle: true, X1: cx, Y1: cy, R: r} }

// path joins the points (x0, y0, x1, y1, …) with lines.
func path(closed bool, xy ...float64) []Shape {
	var out []Shape
	for i := 0; i+3 < len(xy); i += 2 {
		out = append(out, line(xy[i], xy[i+1], xy[i+2], xy[i+3]))
	}
	if closed && len(xy) >= 4 {
		n := len(xy)
		out = append(out, line(xy[n-2], xy[n-1], xy[0], xy[1]))
	}
	return out
}

func icon(name string, parts ...[]Shape) Icon {
	ic := Icon{Name: name}
	for _, p := range parts {
		ic.Shapes = append(ic.Shapes, p...)
	}
	return ic
}

func shapes(s ...Shape) []Shape { return s }

// person draws a head and shoulders centred at x with the given scale.
func person(x, y, s float64) []Shape {
	return append(shapes(circle(x, y, 0.13*s)),
		path(false, x-0.25*s, y+0.55*s, x-0.22*s, y+0.3*s, x, y+0.2*s, x+0.22*s, y+0.3*s, x+0.25*s, y+0.55*s)...)
}

var (
	iconLink = icon("link", shapes(circle(0.35, 0.5, 0.2), circle(0.65, 0.5, 0.2)))
	iconGear = func() Icon {
		ic := icon("gear", shapes(circle(0.5, 0.5, 0.22), circle(0.5, 0.5, 0.08)))
		for i := 0; i < 8; i++ {
			a := float64(i) * math.Pi / 4
			ic.Shapes = append(ic.Shapes, line(0.5+0.22*math.Cos(a), 0.5+0.22*math.Sin(a), 0.5+0.36*math.Cos(a), 0.5+0.36*math.Sin(a)))
		}
		return ic
	}()
	iconBox = icon("box",
		path(true, 0.15, 0.35, 0.5, 0.2, 0.85, 0.35, 0.85, 0.75, 0.5, 0.9, 0.15, 0.75),
		path(false, 0.15, 0.35, 0.5, 0.5, 0.85, 0.35),
		shapes(line(0.5, 0.5, 0.5, 0.9)))
	iconGift = icon("gift",
		path(true, 0.15, 0.35, 0.85, 0.35, 0.85, 0.5, 0.15, 0.5),
		path(false, 0.22, 0.5, 0.22, 0.88, 0.78, 0.88, 0.78, 0.5),
		shapes(line(0.5, 0.35, 0.5, 0.88), circle(0.4, 0.25, 0.09), circle(0.6, 0.25, 0.09)))
	iconHeart = icon("heart",
		path(false, 0.5, 0.3, 0.38, 0.17, 0.22, 0.17, 0.12, 0.3, 0.14, 0.48, 0.5, 0.85, 0.86, 0.48, 0.88, 0.3, 0.78, 0.17, 0.62, 0.17, 0.5, 0.3))
	iconTruck = icon("truck",
		path(true, 0.08, 0.3, 0.6, 0.3, 0.6, 0.72, 0.08, 0.72),
		path(false, 0.6, 0.42, 0.78, 0.42, 0.92, 0.58, 0.92, 0.72, 0.6, 0.72),
		shapes(circle(0.26, 0.76, 0.08), circle(0.76, 0.76, 0.08)))
	iconPeople = icon("people", person(0.34, 0.3, 1), person(0.7, 0.38, 0.8))
	iconTag    = icon("tag",
		path(true, 0.12, 0.2, 0.5, 0.2, 0.9, 0.6, 0.6, 0.9, 0.12, 0.5),
		shapes(circle(0.3, 0.38, 0.07)))
	iconCoins = icon("coins", shapes(circle(0.38, 0.42, 0.24), circle(0.62, 0.6, 0.24), line(0.62, 0.46, 0.62, 0.74)))
	iconAlert = icon("alert",
		path(true, 0.5, 0.12, 0.9, 0.85, 0.1, 0.85),
		shapes(line(0.5, 0.38, 0.5, 0.6), circle(0.5, 0.72, 0.03)))
	iconBulb = icon("bulb",
		shapes(circle(0.5, 0.4, 0.25)),
		path(false, 0.4, 0.64, 0.4, 0.78, 0.6, 0.78, 0.6, 0.64),
		shapes(line(0.43, 0.88, 0.57, 0.88)))
	iconChart = icon("chart",
		path(false, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9),
		shapes(line(0.3, 0.9, 0.3, 0.6), line(0.5, 0.9, 0.5, 0.4), line(0.7, 0.9, 0.7, 0.22)))
	iconStar = icon("star",
		path(true, 0.5, 0.08, 0.61, 0.38, 0.92, 0.38, 0.67, 0.57, 0.76, 0.88, 0.5, 0.69, 0.24, 0.88, 0.33, 0.57, 0.08, 0.38, 0.39, 0.38))
)
