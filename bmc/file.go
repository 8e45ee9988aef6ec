package bmc

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LoadFile reads and parses the canvas file at path (see ReadFile and
// Load). Problems inside the file come back as Errors naming path, line
// and column; a file that cannot be read as an *Error.
func LoadFile(path string) (*Canvas, error) {
	c, _, err := DecodeFile(path)
	return c, err
}

// DecodeFile is LoadFile that also tells where each part of the canvas
// stands in the file.
func DecodeFile(path string) (*Canvas, *Source, error) {
	data, err := ReadFile(path, MaxFileSize, "canvas file")
	if err != nil {
		return nil, nil, err // not Errors: the file could not be read, its content is not at fault
	}
	return Decode(path, data)
}

// SaveFile writes the canvas to path atomically: see WriteFileAtomic. It
// refuses a canvas whose file would be larger than Load accepts.
func SaveFile(path string, c *Canvas) error {
	data, err := c.MarshalFile()
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return WriteFileAtomic(path, data)
}

// MarshalFile is Marshal for a canvas file: it also refuses a canvas whose
// file would be larger than Load accepts, so that nothing is written that
// bmcanvas could not open again.
func (c *Canvas) MarshalFile() ([]byte, error) {
	data, err := c.Marshal()
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the canvas would make a file of %s, and bmcanvas opens files of at most %s: shorten or remove some notes",
			FormatSize(int64(len(data))), FormatSize(MaxFileSize))
	}
	return data, nil
}

// ErrReadOnly is the cause of a save refused because the file is
// read-only; the message suggests saving under another name.
var ErrReadOnly = errors.New("the file is read-only: save it under another name, or make it writable first")

// WriteFileAtomic replaces the file at path with data so that the file is
// either wholly old or wholly new, even if the machine stops half-way: it
// writes a temporary file in the same folder, syncs it and renames it over
// the old one. A failed write leaves the old file exactly as it was.
//
// It respects the file it replaces: a read-only file is refused
// (ErrReadOnly); the new file keeps the old one's permissions, and its
// owner and group where the system allows; a new file gets the
// permissions the umask gives; a file with several hard links is written
// in place, after a synced copy of the new bytes is safe beside it, so
// that it stays one file. A symbolic link at path is followed. Temporary
// files that an earlier, killed save left beside the file are removed.
func WriteFileAtomic(path string, data []byte) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	st, err := os.Stat(path)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("save %s: %s", path, reason(err))
	case exists && !st.Mode().IsRegular():
		return fmt.Errorf("save %s: not a regular file", path)
	case exists && !writable(path, st):
		return fmt.Errorf("save %s: %w", path, ErrReadOnly)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	perm := fs.FileMode(0o666) // less the umask, for a new file
	if exists {
		perm = st.Mode().Perm()
	}
	tmp, err := writeTemp(dir, base, data, perm, st)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if exists && linkCount(st) > 1 {
		return writeInPlace(path, tmp, data)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("save %s: %s", path, reason(err))
	}
	syncDir(dir)
	return nil
}

// writeTemp writes data to a new temporary file in dir, named after base
// and this process, with the mode, owner and group of the file it will
// replace (old is nil for a new file), and syncs it. It returns its path.
func writeTemp(dir, base string, data []byte, perm fs.FileMode, old fs.FileInfo) (_ string, err error) {
	f, err := createTemp(dir, base, perm)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", fmt.Errorf("write: %s", reason(err))
	}
	if old != nil {
		// The umask may have narrowed perm: set it exactly, as it was.
		if err = f.Chmod(perm); err != nil {
			return "", fmt.Errorf("keep permissions: %s", reason(err))
		}
		keepOwner(f, old)
	}
	if err = syncFile(f); err != nil {
		return "", fmt.Errorf("sync: %s", reason(err))
	}
	if err = f.Close(); err != nil {
		return "", errors.New(reason(err))
	}
	return f.Name(), nil
}

// createTemp creates ".BASE.PID-N.tmp" in dir for writing; the process ID
// in the name lets a later save tell a killed save's file from one being
// written now.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	prefix := filepath.Join(dir, "."+base+"."+strconv.Itoa(os.Getpid())+"-")
	for range 1000 {
		f, err := os.OpenFile(prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp", os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			if err != nil {
				return nil, errors.New(reason(err))
			}
			return f, nil
		}
	}
	return nil, errors.New("cannot find a free name for a temporary file")
}

// removeStaleTemps removes the temporary files of base's earlier saves
// that will never finish: this process's, and those of processes that no
// longer run. Failures are ignored: they only leave a file behind.
func removeStaleTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		mid, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		mid, ok = strings.CutSuffix(mid, ".tmp")
		pid, n, found := strings.Cut(mid, "-")
		if !ok || !found || !digits(pid) || !digits(n) || !e.Type().IsRegular() {
			continue
		}
		if p, err := strconv.Atoi(pid); err == nil && (p == os.Getpid() || !processRuns(p)) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// writeInPlace overwrites a file that has other hard links, so that they
// all see the new bytes. The synced temporary file tmp holds the new
// bytes until the file itself is synced; if the write fails, the message
// says where they are.
func writeInPlace(path, tmp string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err == nil {
		_, err = f.Write(data)
		if err == nil {
			err = syncFile(f)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("save %s: %s (the file has several hard links and is written in place; the new version is safe in %s)", path, reason(err), tmp)
	}
	os.Remove(tmp)
	return nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// syncFile flushes a file to disk; tests replace it to simulate a failure.
var syncFile = (*os.File).Sync
