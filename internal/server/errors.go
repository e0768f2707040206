package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"dateline/internal/store"
)

// Errors the handlers raise themselves; store errors come wrapped from the
// store.
var (
	errBadRequest     = errors.New("bad request")
	errTooLarge       = errors.New("request body too large")
	errUnauthorized   = errors.New("missing or wrong bearer token")
	errForbidden      = errors.New("ingest is disabled (start the server with --allow-ingest)")
	errMethod         = errors.New("method not allowed")
	errNoRoute        = errors.New("no such endpoint")
	errUnprocessed    = errors.New("document could not be analysed")
	errBusy           = errors.New("server busy, try again")
	errNotImplemented = errors.New("not implemented")
)

// errorStatus is the one table from errors to HTTP statuses; the first
// entry the error matches (errors.Is) wins, anything else is a 500.
var errorStatus = []struct {
	err    error
	status int
}{
	{store.ErrNotFound, http.StatusNotFound},
	{errNoRoute, http.StatusNotFound},
	{store.ErrInvalid, http.StatusBadRequest},
	{errBadRequest, http.StatusBadRequest},
	{errTooLarge, http.StatusRequestEntityTooLarge},
	{errUnauthorized, http.StatusUnauthorized},
	{errForbidden, http.StatusForbidden},
	{errMethod, http.StatusMethodNotAllowed},
	{errUnprocessed, http.StatusUnprocessableEntity},
	{errBusy, http.StatusServiceUnavailable},
	{errNotImplemented, http.StatusNotImplemented},
	{context.DeadlineExceeded, http.StatusServiceUnavailable},
	{context.Canceled, http.StatusServiceUnavailable},
}

// statusOf maps err through errorStatus.
func statusOf(err error) int {
	for _, e := range errorStatus {
		if errors.Is(err, e.err) {
			return e.status
		}
	}
	return http.StatusInternalServerError
}

// writeError writes err as {"error": "..."} with its status. Internal
// errors do not leak their text: the database's messages are for the log.
func writeError(w http.ResponseWriter, err error) {
	status := statusOf(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		msg = http.StatusText(status)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
	}
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away; nothing to tell it
}
