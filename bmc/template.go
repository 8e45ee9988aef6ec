package bmc

import "sort"

// Rect is a block's place on a template's grid, in grid units, with the
// origin at the top left.
type Rect struct {
	X, Y, W, H int
}

// Area returns the rectangle's area in square grid units.
func (r Rect) Area() int { return r.W * r.H }

// Overlaps reports whether r and o share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Block is one area of a template, such as Key Partners.
type Block struct {
	// ID is the block's key in the YAML file, such as "key_partners".
	ID string
	// Title is the block's heading, in the template's own words.
	Title string
	// Question is the one-line guiding question printed on blank posters
	// and shown as a hint in an empty block.
	Question string
	// Prompts are two or three further questions that help fill the block.
	Prompts []string
	// Tags are the tags suggested for notes in this block.
	Tags []string
	// Backstage is true for the blocks hidden when a canvas shows only its
	// front stage.
	Backstage bool
	// Icon is the block's small line drawing.
	Icon Icon
	// Rect is the block's place when the whole canvas is shown.
	Rect Rect
	// FrontRect is the block's place when the backstage is hidden; it is
	// zero for backstage blocks.
	FrontRect Rect
}

// Template defines a kind of canvas: its blocks, their geometry and words.
type Template struct {
	// ID names the template in files, such as "business-model-canvas".
	ID string
	// Name is the template's name for people.
	Name string
	// Description says in one sentence what the template is for.
	Description string
	// Attribution is the credit line a printed canvas must carry.
	Attribution string
	// Width and Height are the grid's size in grid units; every layout
	// tiles this grid exactly.
	Width, Height int
	// Blocks lists the blocks in file order.
	Blocks []Block
	// FillOrder lists block IDs in the order a team should fill them.
	FillOrder []string
}

// Placement is a block with the rectangle it takes in one layout.
type Placement struct {
	Block *Block
	Rect  Rect
}

// Block returns the block with the given ID.
func (t *Template) Block(id string) (*Block, bool) {
	for i := range t.Blocks {
		if t.Blocks[i].ID == id {
			return &t.Blocks[i], true
		}
	}
	return nil, false
}

// BlockIDs returns the template's block IDs in file order.
func (t *Template) BlockIDs() []string {
	ids := make([]string, len(t.Blocks))
	for i, b := range t.Blocks {
		ids[i] = b.ID
	}
	return ids
}

// HasBackstage reports whether the template has blocks that can be hidden.
func (t *Template) HasBackstage() bool {
	for _, b := range t.Blocks {
		if b.Backstage {
			return true
		}
	}
	return false
}

// Layout returns the visible blocks and their rectangles, in file order.
// With showBackstage false, backstage blocks are left out and the front
// stage takes the whole grid; templates without a backstage ignore it.
func (t *Template) Layout(showBackstage bool) []Placement {
	front := !showBackstage && t.HasBackstage()
	out := make([]Placement, 0, len(t.Blocks))
	for i := range t.Blocks {
		b := &t.Blocks[i]
		switch {
		case !front:
			out = append(out, Placement{b, b.Rect})
		case !b.Backstage:
			out = append(out, Placement{b, b.FrontRect})
		}
	}
	return out
}

// templates holds the built-in templates by ID.
var templates = map[string]*Template{}

func register(t *Template) *Template {
	templates[t.ID] = t
	return t
}

// TemplateByID returns a copy of the built-in template with the given ID:
// changing it changes no canvas.
func TemplateByID(id string) (*Template, bool) {
	t, ok := templates[id]
	if !ok {
		return nil, false
	}
	return t.clone(), true
}

// clone returns a deep copy of t, so that callers cannot change the
// built-in templates.
func (t *Template) clone() *Template {
	c := *t
	c.FillOrder = cloneStrings(t.FillOrder)
	c.Blocks = make([]Block, len(t.Blocks))
	for i, b := range t.Blocks {
		b.Prompts = cloneStrings(b.Prompts)
		b.Tags = cloneStrings(b.Tags)
		b.Icon.Shapes = append([]Shape(nil), b.Icon.Shapes...)
		c.Blocks[i] = b
	}
	return &c
}

// Templates returns a copy of every built-in template, the Business Model
// Canvas first.
func Templates() []*Template {
	out := make([]*Template, 0, len(templates))
	for _, t := range templates {
		out = append(out, t.clone())
	}
	rank := map[string]int{bmcTemplate.ID: 0, personalTemplate.ID: 1, leanTemplate.ID: 2}
	sort.Slice(out, func(i, j int) bool { return rank[out[i].ID] < rank[out[j].ID] })
	return out
}

// TemplateIDs returns the IDs of the built-in templates, in Templates order.
func TemplateIDs() []string {
	var ids []string
	for _, t := range Templates() {
		ids = append(ids, t.ID)
	}
	return ids
}
