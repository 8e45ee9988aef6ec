package app

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's Save dialog hands its callback storage.Writer(location), and the
// "file" repository's Writer opens the file with os.Create: an existing
// file is emptied before the app has written a byte. The app closes that
// writer at once and replaces the file atomically (bmc.SaveFile,
// bmc.WriteFileAtomic), so if that write then failed the old file would be
// left empty. lazyFileRepository wraps the registered "file" repository so
// that its Writer opens (creates or truncates) the file only on the first
// Write: a writer closed without writing leaves an existing file as it was
// and creates no new one.

// fileRepository is every interface Fyne's file repository implements.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.DeleteAllRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.MovableRepository
	repository.CopyableRepository
}

// lazyFileRepository delegates everything to the wrapped repository but
// Writer, which returns a lazyWriter.
type lazyFileRepository struct {
	fileRepository
}

// lazyCustomFileRepository is a lazyFileRepository for a repository that
// also parses its own URIs.
type lazyCustomFileRepository struct {
	*lazyFileRepository
	custom repository.CustomURIRepository
}

var (
	_ fileRepository                 = (*lazyFileRepository)(nil)
	_ fileRepository                 = (*lazyCustomFileRepository)(nil)
	_ repository.CustomURIRepository = (*lazyCustomFileRepository)(nil)
	_ fyne.URIWriteCloser            = (*lazyWriter)(nil)
)

// Writer returns a writer that opens u through the wrapped repository's
// Writer only when first written to.
func (r *lazyFileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepository.Writer}, nil
}

// ParseURI is the wrapped repository's.
func (r *lazyCustomFileRepository) ParseURI(s string) (fyne.URI, error) {
	return r.custom.ParseURI(s)
}

// installLazyFileWriter puts a lazyFileRepository in place of the
// registered "file" repository. It does nothing when that is already
// wrapped, when none is registered, or when it does not implement every
// interface the wrapper offers (wrapping it would change what Fyne can do
// with it).
func installLazyFileWriter() {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	switch repo.(type) {
	case *lazyFileRepository, *lazyCustomFileRepository:
		return
	}
	inner, ok := repo.(fileRepository)
	if !ok {
		return
	}
	lazy := &lazyFileRepository{inner}
	if custom, ok := repo.(repository.CustomURIRepository); ok {
		repository.Register("file", &lazyCustomFileRepository{lazy, custom})
		return
	}
	repository.Register("file", lazy)
}

// lazyWriter is a fyne.URIWriteCloser that opens its file on the first
// Write.
type lazyWriter struct {
	uri    fyne.URI
	open   func(fyne.URI) (fyne.URIWriteCloser, error)
	w      fyne.URIWriteCloser
	err    error // the error opening the file, returned by every Write
	closed bool
}

// URI is the writer's URI.
func (l *lazyWriter) URI() fyne.URI { return l.uri }

// Write opens the file on its first call (creating or truncating it), then
// writes p to it.
func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.closed {
		return 0, os.ErrClosed
	}
	if l.w == nil && l.err == nil {
		l.w, l.err = l.open(l.uri)
		if l.err == nil && l.w == nil {
			l.err = repository.ErrOperationNotSupported
		}
	}
	if l.err != nil {
		return 0, l.err
	}
	return l.w.Write(p)
}

// Close closes the file if it was opened; otherwise it leaves the file
// alone.
func (l *lazyWriter) Close() error {
	if l.closed {
		return os.ErrClosed
	}
	l.closed = true
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}
