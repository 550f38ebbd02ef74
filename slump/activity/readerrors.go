package activity

import "io"

// ReadErrors reads R and keeps in Err its first error other than io.EOF: a
// failure to read, which the readers of exports (slump/garmin,
// store/fitfile) report as such, never as bad content of the file.
type ReadErrors struct {
	R   io.Reader
	Err error
}

func (e *ReadErrors) Read(p []byte) (int, error) {
	n, err := e.R.Read(p)
	if err != nil && err != io.EOF && e.Err == nil {
		e.Err = err
	}
	return n, err
}
