package export

import (
	"runtime"
	"sync"

	"github.com/bmcanvas/bmcanvas/textlayout"
)

// measure returns the textlayout measure of text set in base: the width
// in millimetres at a size in points.
func (fs *fonts) measure(base *face) textlayout.Measure {
	return func(s string, size float64) float64 { return fs.width(base, s, size) }
}

// prepare returns text made ready for wrapping. A poster lays out each
// note many times (at several sizes and column counts, and again on the
// pages that continue a block), so prepared texts are remembered, up to
// maxPrepared of them.
func prepare(text string) *textlayout.Text {
	preparedTexts.Lock()
	t, ok := preparedTexts.m[text]
	preparedTexts.Unlock()
	if ok {
		return t
	}
	t = textlayout.Prepare(text) // without the lock: see prepareAll
	preparedTexts.Lock()
	defer preparedTexts.Unlock()
	if len(preparedTexts.m) >= maxPrepared {
		clear(preparedTexts.m)
	}
	preparedTexts.m[text] = t
	return t
}

// prepareAll prepares texts for wrapping on up to one goroutine per
// processor and returns them by text. Preparing (finding where lines may
// break) is most of the work of laying out a poster of many notes the
// first time, and each text is prepared on its own.
func prepareAll(texts []string) map[string]*textlayout.Text {
	out := make(map[string]*textlayout.Text, len(texts))
	for _, t := range texts {
		out[t] = nil
	}
	todo := make(chan string, len(out))
	for t := range out {
		todo <- t
	}
	close(todo)
	var mu sync.Mutex
	work := func() {
		for text := range todo {
			t := prepare(text)
			mu.Lock()
			out[text] = t
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(out)/minPrepareBatch) - 1 {
		wg.Go(work)
	}
	work() // and on this goroutine: a few texts only here
	wg.Wait()
	return out
}

// minPrepareBatch is how many texts make it worth preparing on one more
// goroutine.
const minPrepareBatch = 32

var preparedTexts = struct {
	sync.Mutex
	m map[string]*textlayout.Text
}{m: map[string]*textlayout.Text{}}

const maxPrepared = 4096

// wrap breaks text into lines no wider than width millimetres when set in
// base at size points, as textlayout does for the screen too.
func (fs *fonts) wrap(base *face, text string, size, width float64) []string {
	return prepare(text).Wrap(width, size, fs.measure(base)).Lines
}

// NoteLines returns the lines a note's text is broken into on a poster
// when set in Noto Sans at size points in a column width millimetres wide:
// the same lines the editor's board shows at the same scale, as both set
// text with textlayout.
func NoteLines(text string, size, width float64) ([]string, error) {
	fs, err := loadFonts("")
	if err != nil {
		return nil, err
	}
	defer fs.release()
	return fs.wrap(fs.regular, newSanitizer(fs).clean(text, "note"), size, width), nil
}
