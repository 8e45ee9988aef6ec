package bmc

// Position is a place in a canvas file: line and column, both from 1, as
// a text editor counts them; 0 when unknown.
type Position struct{ Line, Column int }

// Source says where the parts of a loaded canvas stand in its file, so
// that lint and the editor can point into the file.
type Source struct {
	// File is the name the canvas was loaded under.
	File   string
	blocks map[string]Position
	notes  map[string]Position
}

// Block returns where a block's key stands; zero when the file has no
// such key.
func (s *Source) Block(id string) Position {
	if s == nil {
		return Position{}
	}
	return s.blocks[id]
}

// Note returns where the note with the given ID starts; zero when it is
// not in the file.
func (s *Source) Note(id string) Position {
	if s == nil {
		return Position{}
	}
	return s.notes[id]
}

// Locate returns where a lint finding points: its note, else its block.
func (s *Source) Locate(f Finding) Position {
	if f.NoteID != "" {
		if p := s.Note(f.NoteID); p.Line > 0 {
			return p
		}
	}
	return s.Block(f.Block)
}
