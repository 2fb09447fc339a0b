package server

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"strings"

	"github.com/attache-project/attache/internal/ingest"
	"github.com/attache-project/attache/internal/run"
)

// IngestResponse is POST /api/v1/documents: what the run did and the
// problem of each document that failed (named as the CLI names them,
// "stdin:3: ...").
type IngestResponse struct {
	Summary  run.Summary `json:"summary"`
	Problems []string    `json:"problems"`
}

// maxProblems caps the problems listed in one response.
const maxProblems = 100

// limitedBody remembers whether the body hit its size limit, so that an
// oversized upload is answered 413 even though the readers report the
// truncated document as one failed document.
type limitedBody struct {
	r   io.Reader
	hit bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		b.hit = true
	}
	return n, err
}

func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) error {
	if !s.authorize(w, r) {
		s.metrics.posts.WithLabelValues(strconv.Itoa(http.StatusUnauthorized)).Inc()
		return nil
	}
	code, err := s.ingest(w, r)
	if err != nil {
		var br badRequest
		var he httpError
		switch {
		case errors.As(err, &br):
			code = http.StatusBadRequest
		case errors.As(err, &he):
			code = he.code
		default:
			code = http.StatusInternalServerError
		}
	}
	s.metrics.posts.WithLabelValues(strconv.Itoa(code)).Inc()
	return err
}

func (s *Server) ingest(w http.ResponseWriter, r *http.Request) (int, error) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		ct = ""
	}
	var input string
	switch ct {
	case "text/plain":
		input = ingest.InputText
	case "application/x-ndjson", "application/jsonl", "application/jsonlines":
		input = ingest.InputJSONL
	default:
		return 0, httpError{http.StatusUnsupportedMediaType, "Content-Type must be text/plain (one document) or application/x-ndjson (JSON Lines, one document per line)"}
	}
	p := params{r.URL.Query()}
	ro := ingest.Options{Input: input, Published: p.str("published"), Source: p.str("source"), MaxBytes: s.opts.MaxLine}
	if err := ro.Validate(); err != nil {
		return 0, badf("%s", strings.TrimPrefix(err.Error(), ingest.ErrUsage.Error()+": "))
	}
	body := &limitedBody{r: http.MaxBytesReader(w, r.Body, s.opts.MaxBody)}
	var problems bytes.Buffer
	s.writeMu.Lock()
	an, err := s.analyzer(r.Context())
	if err != nil {
		s.writeMu.Unlock()
		return 0, err
	}
	sum, err := run.Ingest(r.Context(), an, s.st, run.Options{
		Paths: []string{"-"}, Stdin: body, Read: ro, Workers: runtime.NumCPU(), Stderr: &problems, AfterPut: s.opts.AfterPut,
	})
	s.writeMu.Unlock()
	s.metrics.ingested.WithLabelValues("stored").Add(float64(sum.Stored))
	s.metrics.ingested.WithLabelValues("skipped").Add(float64(sum.Skipped))
	s.metrics.ingested.WithLabelValues("failed").Add(float64(sum.Failed))
	if body.hit {
		return http.StatusRequestEntityTooLarge, httpError{http.StatusRequestEntityTooLarge,
			"request body over the limit of " + strconv.FormatInt(s.opts.MaxBody, 10) + " bytes (documents before the limit were stored: " + strconv.Itoa(sum.Stored) + ")"}
	}
	if err != nil {
		return 0, err
	}
	if sum.Stored > 0 {
		s.refreshRelations(r.Context(), true)
	}
	resp := IngestResponse{Summary: sum, Problems: []string{}}
	for _, line := range strings.Split(strings.TrimSpace(problems.String()), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "attache: ")
		if line != "" && len(resp.Problems) < maxProblems {
			resp.Problems = append(resp.Problems, line)
		}
	}
	code := http.StatusOK
	if sum.Stored > 0 {
		code = http.StatusCreated
	}
	if sum.Read == 0 {
		return http.StatusBadRequest, badf("the body holds no document")
	}
	if sum.Read == sum.Failed {
		code = http.StatusUnprocessableEntity
	}
	writeJSON(w, code, resp)
	return code, nil
}
