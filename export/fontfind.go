package export

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2/theme"
	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
)

// The fonts a poster is set in are the ones the editor draws with, tried
// in the editor's order (see Fyne's internal/painter/font.go): Noto Sans
// in the text's style, the user's --font, Fyne's colour emoji font, the
// system's font for the user's language, and then, character by
// character, the system font that fontscan picks for the sans-serif
// family. Parsed fonts are shared by every export of the process; each
// export wraps them in faces of its own, since a font.Face is not safe
// for concurrent use.

// builtinFont parses an embedded font once per process.
func builtinFont(data func() []byte) func() (*font.Font, error) {
	return sync.OnceValues(func() (*font.Font, error) {
		f, err := font.ParseTTF(bytes.NewReader(data()))
		if err != nil {
			return nil, err
		}
		return f.Font, nil
	})
}

var (
	notoRegular = builtinFont(func() []byte { return assets.FontRegular })
	notoBold    = builtinFont(func() []byte { return assets.FontBold })
	// emojiFont is the colour emoji font Fyne bundles (EmojiOne, with SVG
	// glyphs); it is parsed only when a text needs it.
	emojiFont = builtinFont(func() []byte { return theme.DefaultEmojiFont().Content() })
)

// Prepare starts parsing the built-in fonts on goroutines of their own,
// so that a poster printed soon after waits less for them: a command that
// is about to read a canvas and print it calls Prepare first. It returns
// at once; calling it again does nothing.
func Prepare() {
	prepareOnce.Do(func() {
		go notoRegular()
		go notoBold()
	})
}

var prepareOnce sync.Once

// systemFonts finds installed fonts with go-text's fontscan, as the
// editor does. The index of installed fonts is built on first use (and
// cached on disk by fontscan, shared with the editor), so posters whose
// text Noto Sans covers never pay for it.
type systemFonts struct {
	mu     sync.Mutex
	loaded bool
	fm     *fontscan.FontMap // nil when the system fonts could not be read
	// byRune remembers each rune's font (nil: none has it); byLang the
	// font for the user's language per aspect.
	byRune map[runeAspect]*font.Font
	byLang map[font.Aspect]*font.Font
}

var system = &systemFonts{}

type quietLogger struct{}

func (quietLogger) Printf(string, ...any) {}

func (s *systemFonts) load() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.byRune = map[runeAspect]*font.Font{}
	s.byLang = map[font.Aspect]*font.Font{}
	fm := fontscan.NewFontMap(quietLogger{})
	if err := fm.UseSystemFonts(""); err == nil {
		s.fm = fm
	}
}

// forRune returns the installed font for r in the given aspect when the
// poster's own fonts lack r, or nil when no installed font has r. (The
// editor looks up such fonts in the regular aspect even for bold text;
// posters print bold text, such as the title, in the bold font when the
// system has one.)
func (s *systemFonts) forRune(r rune, aspect font.Aspect) *font.Font {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	key := runeAspect{r, aspect}
	if f, ok := s.byRune[key]; ok {
		return f
	}
	var f *font.Font
	if s.fm != nil {
		s.fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}, Aspect: aspect})
		if face := s.fm.ResolveFace(r); face != nil && hasRune(face.Font, r) {
			f = face.Font
		}
	}
	s.byRune[key] = f
	return f
}

type runeAspect struct {
	r      rune
	aspect font.Aspect
}

// forLanguage returns the installed sans-serif font for the user's
// language in the given aspect, or nil.
func (s *systemFonts) forLanguage(aspect font.Aspect) *font.Font {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	if f, ok := s.byLang[aspect]; ok {
		return f
	}
	var f *font.Font
	if s.fm != nil {
		s.fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}, Aspect: aspect})
		if id, ok := fontscan.NewLangID(userLanguage()); ok {
			if face := s.fm.ResolveFaceForLang(id); face != nil {
				f = face.Font
			}
		}
	}
	s.byLang[aspect] = f
	return f
}

// userLanguage returns the language of the user's locale, from the
// environment as on Unix (LC_ALL, LC_MESSAGES, LANG); English when it
// says none.
func userLanguage() language.Language {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc, _, _ := strings.Cut(os.Getenv(v), ".")
		loc, _, _ = strings.Cut(loc, "@")
		if loc != "" && loc != "C" && loc != "POSIX" {
			return language.NewLanguage(loc)
		}
	}
	return language.NewLanguage("en")
}

// hasRune reports whether f maps r to a glyph.
func hasRune(f *font.Font, r rune) bool {
	gid, ok := f.NominalGlyph(r)
	return ok && gid != 0
}

// typeface is the chain of fonts one style of a poster's text (regular
// or bold) is set in; it resolves each character to the first face that
// has it, and is the shaping.Fontmap its text is shaped with.
type typeface struct {
	// primary is Noto Sans in the style; user the --font, or nil.
	primary, user *font.Face
	// aspect is the style's aspect, for the font of the user's language;
	// runeAspect the one system fonts are looked up in character by
	// character (the editor's: none for regular text).
	aspect, runeAspect font.Aspect
	// faces wraps each font the chain has used in this export's face.
	faces map[*font.Font]*font.Face
	// lang is the face for the user's language; langDone tells whether it
	// was looked up.
	lang     *font.Face
	langDone bool
	emoji    *font.Face
	// byRune caches ResolveFace; missing remembers runes no face has.
	byRune  map[rune]*font.Face
	missing map[rune]bool
	// widths caches text widths in ems, runeWidths each character's.
	widths     map[string]float64
	runeWidths map[rune]float64
	// system is true when the system's fonts are tried after the
	// built-in ones.
	system bool
	// hb shapes the typeface's runs: one shaper per typeface, so that
	// HarfBuzz's tables for regular and bold text can be built side by
	// side (see newTypefaces); a font of both chains, such as the emoji
	// font, gets its tables in each.
	hb shaping.HarfbuzzShaper
}

func newTypeface(primary *font.Font, user *font.Font, aspect, runeAspect font.Aspect) *typeface {
	tf := &typeface{aspect: aspect, runeAspect: runeAspect, faces: map[*font.Font]*font.Face{}, byRune: map[rune]*font.Face{},
		missing: map[rune]bool{}, widths: map[string]float64{}, runeWidths: map[rune]float64{}}
	// A HarfbuzzShaper's zero value keeps no font (go-text v0.2.1): it
	// would build HarfBuzz's lookup tables for the font anew at every
	// run it shapes, most of the time of shaping a short run.
	tf.hb.SetFontCacheSize(fontCacheSize)
	tf.primary = tf.face(primary)
	if user != nil {
		tf.user = tf.face(user)
	}
	return tf
}

// fontCacheSize is how many fonts a typeface's shaper keeps HarfBuzz's
// tables for: the fonts of its chain (Noto Sans, the user's, the emoji
// font, the language's) and a few system fonts.
const fontCacheSize = 8

// face returns this export's face of f.
func (tf *typeface) face(f *font.Font) *font.Face {
	if f == nil {
		return nil
	}
	fc, ok := tf.faces[f]
	if !ok {
		fc = font.NewFace(f)
		tf.faces[f] = fc
	}
	return fc
}

// ResolveFace returns the face that draws r: the first of the chain that
// has it, or the primary face (which draws a missing-glyph box) when none
// has.
func (tf *typeface) ResolveFace(r rune) *font.Face {
	if f, ok := tf.byRune[r]; ok {
		return f
	}
	f := tf.resolve(r)
	if f == nil {
		tf.missing[r] = true
		f = tf.primary
	}
	tf.byRune[r] = f
	return f
}

func (tf *typeface) resolve(r rune) *font.Face {
	if hasRune(tf.primary.Font, r) {
		return tf.primary
	}
	if tf.user != nil && hasRune(tf.user.Font, r) {
		return tf.user
	}
	if tf.emoji == nil {
		if f, err := emojiFont(); err == nil {
			tf.emoji = tf.face(f)
		}
	}
	if tf.emoji != nil && hasRune(tf.emoji.Font, r) {
		return tf.emoji
	}
	if !tf.system {
		return nil
	}
	if !tf.langDone {
		tf.langDone = true
		tf.lang = tf.face(system.forLanguage(tf.aspect))
	}
	if tf.lang != nil && hasRune(tf.lang.Font, r) {
		return tf.lang
	}
	// The editor tries the fonts it found for earlier characters before
	// looking further, so what it picks depends on what it drew before;
	// a poster asks fontscan for each character, so that the same canvas
	// always prints alike.
	if f := system.forRune(r, tf.runeAspect); f != nil {
		return tf.face(f)
	}
	return nil
}

// has reports whether some face of the chain draws r.
func (tf *typeface) has(r rune) bool {
	tf.ResolveFace(r)
	return !tf.missing[r]
}

// newTypefaces returns the regular and bold chains of a poster, with the
// user's font when there is one, ready to shape Latin text.
//
// The first poster of a process spends most of its time here: go-text
// parses all of each Noto Sans (about 8 ms each) and HarfBuzz builds its
// lookup tables for it (about 4 ms each). The two styles do not depend on
// each other, so the bold one is made on another goroutine meanwhile.
func newTypefaces(user []byte) (regular, bold *typeface, err error) {
	var uf *font.Font
	if user != nil {
		f, err := font.ParseTTF(bytes.NewReader(user))
		if err != nil {
			return nil, nil, err
		}
		uf = f.Font
	}
	var wg sync.WaitGroup
	var boldErr error
	wg.Go(func() {
		heavy := font.Aspect{Style: font.StyleNormal, Weight: font.WeightBold}
		b, err := notoBold()
		if err != nil {
			boldErr = fmt.Errorf("built-in bold font: %w", err)
			return
		}
		bold = newTypeface(b, uf, heavy, heavy)
		bold.warm()
	})
	reg, err := notoRegular()
	if err == nil {
		regular = newTypeface(reg, uf, font.Aspect{Style: font.StyleNormal}, font.Aspect{})
		regular.warm()
	} else {
		err = fmt.Errorf("built-in font: %w", err)
	}
	wg.Wait()
	if err == nil {
		err = boldErr
	}
	if err != nil {
		return nil, nil, err
	}
	return regular, bold, nil
}

// warm shapes a letter, so that HarfBuzz builds its tables for the
// primary font and its plan for Latin text now. Nothing is remembered
// but what HarfBuzz keeps: the widths caches stay empty.
func (tf *typeface) warm() {
	var sh shaper
	sh.shape(tf, []rune{'a'})
}
