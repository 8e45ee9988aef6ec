package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Fingerprint tells one version of a file on disk from another: its size
// and modification time, which are cheap to read, and a SHA-256 of its
// content, read only when those change. The zero Fingerprint is a file
// that is not there.
type Fingerprint struct {
	// Exists is false for a file that is missing.
	Exists  bool
	Size    int64
	ModTime time.Time
	// SHA256 is the content's hash in hex.
	SHA256 string
}

// Same reports whether f and g are the same version of the file: both
// missing, or both there with the same content.
func (f Fingerprint) Same(g Fingerprint) bool {
	return f.Exists == g.Exists && f.SHA256 == g.SHA256
}

// fingerprintFile reads the fingerprint of the file at path. A missing
// file gives the zero Fingerprint and no error. Only the first bytes a
// canvas file may hold, and one more, are hashed: a larger file cannot be
// opened anyway, and its size tells it apart.
func fingerprintFile(path string) (Fingerprint, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Fingerprint{}, nil
	}
	if err != nil {
		return Fingerprint{}, fmt.Errorf("fingerprint %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Fingerprint{}, fmt.Errorf("fingerprint %s: %w", path, err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, bmc.MaxFileSize+1)); err != nil {
		return Fingerprint{}, fmt.Errorf("fingerprint %s: %w", path, err)
	}
	return Fingerprint{Exists: true, Size: st.Size(), ModTime: st.ModTime(), SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// recheck returns the fingerprint of the file at path now, reading its
// content only when its size or modification time differ from f's (the
// fingerprint last seen); otherwise it returns f.
func (f Fingerprint) recheck(path string) (Fingerprint, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Fingerprint{}, nil
	}
	if err != nil {
		return f, fmt.Errorf("check %s: %w", path, err)
	}
	if f.Exists && st.Size() == f.Size && st.ModTime().Equal(f.ModTime) {
		return f, nil
	}
	return fingerprintFile(path)
}
