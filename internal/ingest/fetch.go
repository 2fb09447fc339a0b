package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultUserAgent names attache to the sites it fetches from, so that
// they can tell who is calling and where to complain.
const DefaultUserAgent = "attache (+https://github.com/attache-project/attache)"

// UserAgent returns the User-Agent of the given attache version.
func UserAgent(version string) string {
	return "attache/" + version + " (+https://github.com/attache-project/attache)"
}

// Fetcher downloads web pages and feeds politely: with a timeout, a size
// limit, a limit on redirects, a descriptive User-Agent, and bounded
// retries that honour Retry-After on 429 and 503 answers. The zero value
// is usable.
type Fetcher struct {
	// Client is the HTTP client; nil means one with Timeout and the
	// redirect limit.
	Client *http.Client
	// UserAgent is sent with each request (DefaultUserAgent when empty).
	UserAgent string
	// Timeout bounds one request, body included (default 30s).
	Timeout time.Duration
	// MaxBytes limits a response body (default 10 MB).
	MaxBytes int64
	// MaxRedirects limits redirects of one request (default 5).
	MaxRedirects int
	// MaxRetries is the number of retries after a 429 or 503 (default 3;
	// negative means none).
	MaxRetries int
	// MaxRetryWait caps one wait asked by Retry-After (default 2 minutes);
	// a longer ask fails the fetch instead of stalling the run.
	MaxRetryWait time.Duration
	// DefaultRetryWait is the wait when a 429/503 has no usable
	// Retry-After (default 5s).
	DefaultRetryWait time.Duration
	// sleep waits, replaceable in tests.
	sleep func(ctx context.Context, d time.Duration) error
}

// Response is a fetched resource.
type Response struct {
	URL         string // final URL, after redirects
	ContentType string
	Body        []byte
	Status      int
}

// MediaType returns the media type of the Content-Type, lowercased.
func (r Response) MediaType() string {
	mt, _, err := mime.ParseMediaType(r.ContentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(r.ContentType, ";", 2)[0]))
	}
	return mt
}

func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	max := f.MaxRedirects
	if max == 0 {
		max = 5
	}
	timeout := f.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	f.Client = &http.Client{
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("more than %d redirects", max)
			}
			return nil
		},
	}
	return f.Client
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Get fetches url. Answers other than 2xx are errors; 429 and 503 are
// retried after the wait their Retry-After asks (bounded).
func (f *Fetcher) Get(ctx context.Context, url string) (Response, error) {
	retries := f.MaxRetries
	if retries == 0 {
		retries = 3
	}
	if retries < 0 {
		retries = 0
	}
	maxWait := f.MaxRetryWait
	if maxWait == 0 {
		maxWait = 2 * time.Minute
	}
	defWait := f.DefaultRetryWait
	if defWait == 0 {
		defWait = 5 * time.Second
	}
	sleep := f.sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	for attempt := 0; ; attempt++ {
		resp, wait, err := f.get(ctx, url)
		if err == nil || wait < 0 || attempt >= retries {
			return resp, err
		}
		if wait == 0 {
			wait = defWait
		}
		if wait > maxWait {
			return resp, fmt.Errorf("%v; Retry-After asks for %s, more than the %s allowed", err, wait, maxWait)
		}
		if serr := sleep(ctx, wait); serr != nil {
			return resp, serr
		}
	}
}

// get makes one request. wait >= 0 means the error may be retried after
// wait (0: no Retry-After given); wait < 0 means it may not.
func (f *Fetcher) get(ctx context.Context, url string) (Response, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Response{}, -1, fmt.Errorf("bad URL: %v", err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	resp, err := f.client().Do(req)
	if err != nil {
		return Response{}, -1, fmt.Errorf("fetch failed: %v", unwrapURLError(err))
	}
	defer resp.Body.Close()
	out := Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Status: resp.StatusCode}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, retryAfter(resp.Header.Get("Retry-After"), time.Now()), fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return out, -1, fmt.Errorf("HTTP %s", resp.Status)
	}
	max := f.MaxBytes
	if max == 0 {
		max = 10 << 20
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return out, -1, fmt.Errorf("reading the answer: %v", unwrapURLError(err))
	}
	if int64(len(body)) > max {
		return out, -1, fmt.Errorf("answer is over the limit of %d bytes", max)
	}
	out.Body = body
	return out, -1, nil
}

// retryAfter reads a Retry-After value: seconds or an HTTP date. It
// returns 0 when the header is absent or unusable.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

func unwrapURLError(err error) error {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) {
		if inner := ue.Unwrap(); inner != nil {
			return inner
		}
	}
	return err
}

// isURL reports whether an input path is a web address.
func isURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
