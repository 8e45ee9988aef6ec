package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// RecoveryDelay is how long after the last change the open canvas's
// unsaved changes are written to its recovery file.
const RecoveryDelay = 1500 * time.Millisecond

// Recovery keeps the open canvas's unsaved changes in a recovery file in
// the user's data folder (never beside the canvas), a moment after each
// change, so that they survive a crash; the next start offers them back
// (see Editor.offerRecovery). The file goes away once the changes are
// saved or discarded. A nil *Recovery keeps nothing.
//
// Its methods run on Fyne's goroutine; the file is written from a timer's
// goroutine.
type Recovery struct {
	dir string
	// delay is RecoveryDelay; tests shorten it.
	delay time.Duration
	pid   int

	// mu guards the fields below it; fileMu is held while a recovery file
	// is written or removed, so that a removal never comes before a write
	// that was already under way.
	mu, fileMu sync.Mutex
	timer      *time.Timer
	// plan counts every change of plan (a write scheduled, a file
	// removed): a timer writes only if no other came after it.
	plan int
	// owned holds the files this editor wrote or took over: the only
	// ones Follow removes, so that a crashed session's file stays until
	// the user answers its offer.
	owned map[string]bool
	// closed is set once the changes were given up on the way out.
	closed bool
	// reported is set once a failed write was shown.
	reported bool

	// onError shows a failed write (once); onWritten, for tests, hears of
	// every write. Both run on the writing goroutine.
	onError   func(error)
	onWritten func(name string)

	// What Follow saw last: the document, its file's name, its state and
	// whether it had unsaved changes.
	doc   *Document
	name  string
	state int
	dirty bool
}

// NewRecovery returns a Recovery that keeps its files in dir (see
// recoveryDir); the folder is made when the first file is written.
func NewRecovery(dir string) *Recovery {
	return &Recovery{dir: dir, delay: RecoveryDelay, pid: os.Getpid(), owned: map[string]bool{}}
}

// Dir returns the folder of the recovery files.
func (r *Recovery) Dir() string { return r.dir }

// Follow is told of every change to the editor's document, or of another
// document taking its place: with unsaved changes, it writes them to the
// document's recovery file a moment later; without, it removes the file.
// A file this editor did not write is left alone.
func (r *Recovery) Follow(d *Document) {
	if r == nil || r.closed {
		return
	}
	name := recoveryName(d)
	if r.name != "" && r.name != name {
		// Closed, or saved under another name: its file is out of date.
		r.remove(r.name)
	}
	changed := r.doc != d || r.state != d.state || !r.dirty
	r.doc, r.name, r.state, r.dirty = d, name, d.state, d.Dirty()
	if !r.dirty {
		r.remove(name)
		return
	}
	if changed {
		r.schedule(d, name)
	}
}

// Forget removes the recovery file of the document being closed with
// its changes given up, as when quitting after Don't Save, and writes no
// more.
func (r *Recovery) Forget() {
	if r == nil {
		return
	}
	if r.name != "" {
		r.remove(r.name)
	}
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
}

// Close is called when the editor ends: changes that are neither saved
// nor given up, as when the program is told to stop, are written at once.
func (r *Recovery) Close(d *Document) {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.plan++
	if r.timer != nil {
		r.timer.Stop()
	}
	closed := r.closed
	r.closed = true
	r.mu.Unlock()
	if closed || !d.Dirty() {
		return
	}
	name := recoveryName(d)
	data, err := r.snapshot(d)
	r.mu.Lock()
	r.owned[name] = true
	r.mu.Unlock()
	r.fileMu.Lock()
	defer r.fileMu.Unlock()
	if err == nil {
		err = writeRecoveryFile(filepath.Join(r.dir, name), data)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bmcanvas: %v\n", err)
	}
}

// stop drops any write not yet made; tests call it when done.
func (r *Recovery) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.plan++
	if r.timer != nil {
		r.timer.Stop()
	}
	r.closed = true
}

// schedule writes d's recovery file after the delay, unless another
// change of plan comes first. The canvas is read on Fyne's goroutine when
// the time comes, and written from the timer's.
func (r *Recovery) schedule(d *Document, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.plan++
	plan := r.plan
	if r.timer != nil {
		r.timer.Stop()
	}
	r.timer = time.AfterFunc(r.delay, func() {
		var data []byte
		var err error
		fyne.DoAndWait(func() { data, err = r.snapshot(d) })
		r.write(plan, name, data, err)
	})
}

// snapshot returns what d's recovery file holds now. It reads the canvas:
// call it on Fyne's goroutine.
func (r *Recovery) snapshot(d *Document) ([]byte, error) {
	data, err := d.Canvas().Marshal()
	if err != nil {
		return nil, fmt.Errorf("keep unsaved changes of %s: %w", d.Name(), err)
	}
	rec := recoveryRecord{
		Path: d.Path, Untitled: d.Name(), Suggested: d.Suggested,
		Written: time.Now(), PID: r.pid, Disk: d.Disk, Canvas: data,
	}
	return rec.marshal(), nil
}

// write writes a recovery file planned as plan, unless the plan changed.
func (r *Recovery) write(plan int, name string, data []byte, err error) {
	r.fileMu.Lock()
	defer r.fileMu.Unlock()
	r.mu.Lock()
	if plan != r.plan || r.closed {
		r.mu.Unlock()
		return
	}
	// Owned before it exists, so that a removal waiting for fileMu
	// removes it.
	r.owned[name] = true
	r.mu.Unlock()
	if err == nil {
		err = writeRecoveryFile(filepath.Join(r.dir, name), data)
	}
	if err != nil {
		r.mu.Lock()
		report := !r.reported && r.onError != nil
		r.reported = true
		r.mu.Unlock()
		if report {
			r.onError(err)
		}
		return
	}
	if r.onWritten != nil {
		r.onWritten(name)
	}
}

// writeRecoveryFile writes data to path atomically, readable by its owner
// only, in a folder only its owner can enter.
func writeRecoveryFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("keep unsaved changes: %w", err)
	}
	os.Chmod(dir, 0o700) // our own folder; it may have been made by hand
	if err := bmc.WriteFileAtomic(path, data); err != nil {
		return fmt.Errorf("keep unsaved changes: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("keep unsaved changes: %w", err)
	}
	return nil
}

// remove deletes the recovery file name if this editor wrote or took it
// over, and drops any write planned before.
func (r *Recovery) remove(name string) {
	r.mu.Lock()
	r.plan++
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	owned := r.owned[name]
	delete(r.owned, name)
	r.mu.Unlock()
	if owned {
		r.fileMu.Lock()
		defer r.fileMu.Unlock()
		os.Remove(filepath.Join(r.dir, name))
	}
}

// recoveredCanvas is a recovery file left by an editor that stopped
// without saving or discarding its changes.
type recoveredCanvas struct {
	// File is the recovery file.
	File string
	// Record is what it holds; Canvas is its canvas, loaded.
	Record recoveryRecord
	Canvas *bmc.Canvas
}

// pending lists the recovery files left by editors that are no longer
// running, the newest first. A file that cannot be read is moved aside
// (renamed to end in ".broken") and reported in broken.
func (r *Recovery) pending() (found []recoveredCanvas, broken []error) {
	if r == nil {
		return nil, nil
	}
	entries, err := os.ReadDir(r.dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			broken = append(broken, fmt.Errorf("read the recovery folder: %w", err))
		}
		return nil, broken
	}
	for _, en := range entries {
		name := en.Name()
		if !en.Type().IsRegular() || strings.HasPrefix(name, ".") || filepath.Ext(name) != ".yaml" {
			continue
		}
		r.mu.Lock()
		owned := r.owned[name]
		r.mu.Unlock()
		if owned {
			continue
		}
		file := filepath.Join(r.dir, name)
		data, err := os.ReadFile(file)
		if err != nil {
			broken = append(broken, fmt.Errorf("read recovery file %s: %w", file, err))
			continue
		}
		rec, c, err := parseRecovery(name, data)
		if err != nil {
			broken = append(broken, moveAside(file, err))
			continue
		}
		if rec.PID != r.pid && processRunning(rec.PID) {
			continue // that editor is still open
		}
		found = append(found, recoveredCanvas{File: file, Record: rec, Canvas: c})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Record.Written.After(found[j].Record.Written) })
	return found, broken
}

// moveAside renames a recovery file that cannot be read, so that it is
// not offered again but is not lost either, and returns why it was moved.
func moveAside(file string, why error) error {
	aside := file + ".broken"
	if err := os.Rename(file, aside); err != nil {
		return fmt.Errorf("%w (and it could not be moved aside: %v)", why, err)
	}
	return fmt.Errorf("%w; moved aside to %s", why, aside)
}

// discard deletes a recovery file whose changes the user gave up.
func (r *Recovery) discard(rc recoveredCanvas) error {
	r.fileMu.Lock()
	defer r.fileMu.Unlock()
	if err := os.Remove(rc.File); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("discard recovered changes: %w", err)
	}
	return nil
}

// adopt takes over the recovery file of a canvas restored as d: the file
// is renamed to d's recovery file name if it has another, and from now
// on kept and removed like one this editor wrote.
func (r *Recovery) adopt(rc recoveredCanvas, d *Document) {
	if r == nil {
		return
	}
	if d.Path == "" {
		d.recoveryID = strings.TrimSuffix(strings.TrimPrefix(filepath.Base(rc.File), "untitled-"), ".yaml")
	}
	name := recoveryName(d)
	if filepath.Base(rc.File) != name {
		os.Rename(rc.File, filepath.Join(r.dir, name))
	}
	r.mu.Lock()
	r.owned[name] = true
	r.mu.Unlock()
}
