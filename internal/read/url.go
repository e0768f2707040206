package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"dateline/internal/doc"
)

// Fetch limits. A news page is well under a megabyte; the caps exist so that
// a hostile or broken server cannot hold ingest forever or fill memory.
const (
	DefaultFetchTimeout = 30 * time.Second
	DefaultFetchBytes   = 16 << 20
	// DefaultPerHost is how many requests go to one host at a time: polite
	// to a news site, while different hosts are fetched in parallel.
	DefaultPerHost = 2
	// fetchParallel bounds requests in flight over all hosts.
	fetchParallel = 8
	maxRedirects  = 5
)

// UserAgent names dateline to the sites it fetches, so their operators can
// tell what is reading them.
const UserAgent = "dateline/1 (+news article analyser; offline batch ingest)"

// ErrScheme reports an input URL that is not http or https.
var ErrScheme = errors.New("only http and https URLs can be fetched")

// Fetcher downloads web pages for ingest: http and https only, with a
// timeout per request, a size cap per response and at most PerHost requests
// to one host at a time. It is safe for concurrent use.
type Fetcher struct {
	client   *http.Client
	maxBytes int64
	perHost  int

	mu    sync.Mutex
	hosts map[string]chan struct{} // per-host semaphores
}

// FetchConfig configures a [Fetcher]; zero fields take the defaults.
type FetchConfig struct {
	Timeout  time.Duration // whole request, redirects and body included
	MaxBytes int64         // response body cap
	PerHost  int           // concurrent requests per host
	// Transport replaces the HTTP transport (tests); nil uses a clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
}

// NewFetcher returns a Fetcher with cfg's limits.
func NewFetcher(cfg FetchConfig) *Fetcher {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultFetchTimeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultFetchBytes
	}
	if cfg.PerHost <= 0 {
		cfg.PerHost = DefaultPerHost
	}
	tr := cfg.Transport
	if tr == nil {
		tr = http.DefaultTransport.(*http.Transport).Clone()
	}
	return &Fetcher{
		client: &http.Client{
			Transport: tr,
			Timeout:   cfg.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= maxRedirects {
					return fmt.Errorf("more than %d redirects", maxRedirects)
				}
				if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
					return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrScheme)
				}
				return nil
			},
		},
		maxBytes: cfg.MaxBytes,
		perHost:  cfg.PerHost,
		hosts:    map[string]chan struct{}{},
	}
}

// response is one fetched body.
type response struct {
	url         string // final URL after redirects
	contentType string // media type, lower case, without parameters
	body        []byte
}

// acquire takes one of host's slots, waiting while PerHost requests to it
// are in flight.
func (f *Fetcher) acquire(ctx context.Context, host string) (release func(), err error) {
	f.mu.Lock()
	sem, ok := f.hosts[host]
	if !ok {
		sem = make(chan struct{}, f.perHost)
		f.hosts[host] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// get fetches rawURL. A status other than 2xx, a body over the cap, or a
// non-web URL is an error.
func (f *Fetcher) get(ctx context.Context, rawURL string) (*response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("url: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, ErrScheme
	}
	if u.Host == "" {
		return nil, errors.New("url has no host")
	}
	release, err := f.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return nil, err
	}
	defer release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("request: %w", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: read body: %w", err)
	}
	if int64(len(body)) > f.maxBytes {
		return nil, fmt.Errorf("fetch: %w (%d bytes)", ErrTooLarge, f.maxBytes)
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &response{url: resp.Request.URL.String(), contentType: strings.ToLower(ct), body: body}, nil
}

// Page fetches a web page and extracts its article (see parseHTML); date
// dates it when the page declares no date. The document's id derives from
// the URL asked for, so fetching the same URL again updates it.
func (f *Fetcher) Page(ctx context.Context, rawURL, date string) (*doc.Document, error) {
	r, err := f.get(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	d, err := parseHTML(r.body, page{url: r.url, date: date})
	if err != nil {
		return nil, err
	}
	d.ID = contentID(rawURL)
	return d, nil
}

// isURL reports whether an input names a URL rather than a file: it has a
// scheme followed by "://". Only http and https are fetched; other schemes
// are refused with [ErrScheme] rather than read as odd file names.
func isURL(p string) bool {
	i := strings.Index(p, "://")
	if i <= 0 {
		return false
	}
	for _, c := range p[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// readURLs fetches a run of URL inputs, up to fetchParallel at a time (and
// the Fetcher's per-host limit), and yields their documents in input order.
// It returns false when the consumer stopped or ctx was cancelled.
func readURLs(ctx context.Context, urls []string, opts Options, yield func(Item) bool) bool {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		r   *response
		err error
	}
	results := make([]chan result, len(urls))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	go func() {
		sem := make(chan struct{}, fetchParallel)
		for i, u := range urls {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				for _, ch := range results[i:] {
					ch <- result{err: ctx.Err()}
				}
				return
			}
			go func() {
				defer func() { <-sem }()
				r, err := opts.Fetcher.get(ctx, u)
				results[i] <- result{r, err}
			}()
		}
	}()
	for i, u := range urls {
		var res result
		select {
		case res = <-results[i]:
		case <-ctx.Done():
		}
		if err := ctx.Err(); err != nil {
			yield(Item{Err: err})
			return false
		}
		if res.err != nil {
			if !yield(Item{Err: &Error{Path: u, Err: res.err}}) {
				return false
			}
			continue
		}
		if !readFetched(ctx, u, res.r, opts, yield) {
			return false
		}
	}
	return true
}

// readFetched reads one fetched body: a feed (by media type or first bytes)
// is read item by item, plain text as one text document, anything else as
// an HTML page. The page's id derives from the URL asked for.
func readFetched(ctx context.Context, u string, r *response, opts Options, yield func(Item) bool) bool {
	head := r.body[:min(len(r.body), 512)]
	format := Detect("", head)
	switch {
	case strings.Contains(r.contentType, "rss") || strings.Contains(r.contentType, "atom") || format == Feed:
		return readFeed(ctx, u, r.body, opts, yield)
	case r.contentType == "text/plain" && format != HTML:
		d, err := parseText(r.body, opts.Date)
		if err != nil {
			return yield(Item{Err: &Error{Path: u, Err: err}})
		}
		d.URL, d.ID = r.url, contentID(u)
		return yield(Item{Doc: d, Path: u})
	}
	d, err := parseHTML(r.body, page{url: r.url, date: opts.Date})
	if err != nil {
		return yield(Item{Err: &Error{Path: u, Err: err}})
	}
	d.ID = contentID(u)
	return yield(Item{Doc: d, Path: u})
}
