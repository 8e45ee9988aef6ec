package bmc

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	data, err := c.Marshal()
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return fmt.Errorf("save %s: the canvas would make a %.1f MiB file, and bmcanvas opens files of at most %d MiB: shorten or remove some notes",
			path, float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic replaces the file at path with data so that the file is
// either wholly old or wholly new, even if the machine stops half-way: it
// writes a temporary file in the same folder, syncs it, gives it the old
// file's permissions (0644 for a new file) and renames it over the old one.
// A failed write leaves the old file exactly as it was. A symbolic link at
// path is followed, so the file it points to is replaced.
func WriteFileAtomic(path string, data []byte) (err error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	perm := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("save %s: not a regular file", path)
		}
		perm = st.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("save %s: %w", path, err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("save %s: write: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = syncFile(tmp); err != nil {
		return fmt.Errorf("save %s: sync: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if d, derr := os.Open(dir); derr == nil { // make the rename itself durable
		d.Sync()
		d.Close()
	}
	return nil
}

// syncFile flushes a file to disk; tests replace it to simulate a failure.
var syncFile = (*os.File).Sync
