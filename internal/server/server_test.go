package server

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/store"
)

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]json.RawMessage `json:"schemas"`
	} `json:"components"`
}

func loadSpec(t *testing.T) openAPIDoc {
	t.Helper()
	var d openAPIDoc
	if err := json.Unmarshal(openapiJSON, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if d.OpenAPI != "3.1.0" {
		t.Fatalf("openapi version %q, want 3.1.0", d.OpenAPI)
	}
	return d
}

// samplePath fills the path parameters of an OpenAPI path with real ids.
func samplePath(p string) string {
	r := strings.NewReplacer("{id}", "1", "{name}", "Russia")
	if strings.HasPrefix(p, "/api/v1/documents/") {
		return "/api/v1/documents/demo-002"
	}
	return r.Replace(p)
}

// TestOpenAPIMatchesRoutes checks that every served route is documented
// and every documented operation is served by the route it describes.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	spec := loadSpec(t)
	s, _ := newTestServer(t, Options{})
	served := map[string]bool{}
	for _, r := range s.Routes() {
		key := strings.ToLower(r.Method) + " " + r.OpenAPIPath()
		served[key] = true
		ops, ok := spec.Paths[r.OpenAPIPath()]
		if !ok {
			t.Errorf("route %s %s is not in openapi.json", r.Method, r.Pattern)
			continue
		}
		if _, ok := ops[strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s: openapi.json documents %s without %s", r.Method, r.Pattern, r.OpenAPIPath(), r.Method)
		}
	}
	for path, ops := range spec.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			if !served[method+" "+path] {
				t.Errorf("openapi.json documents %s %s, which is not a route", strings.ToUpper(method), path)
			}
			// The mux must dispatch a concrete request to that route.
			req := httptest.NewRequest(strings.ToUpper(method), samplePath(path), nil)
			_, pattern := s.mux.Handler(req)
			want := strings.ToUpper(method) + " " + path
			if strings.ReplaceAll(pattern, "...}", "}") != want {
				t.Errorf("%s %s is dispatched to %q, want %q", strings.ToUpper(method), samplePath(path), pattern, want)
			}
		}
	}
}

// schemaOf resolves the 200/201 JSON response schema of an operation.
func schemaOf(t *testing.T, spec openAPIDoc, path, method string) map[string]any {
	t.Helper()
	var op struct {
		Responses map[string]struct {
			Ref     string `json:"$ref"`
			Content map[string]struct {
				Schema map[string]any `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(spec.Paths[path][method], &op); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"200", "201"} {
		if r, ok := op.Responses[code]; ok {
			if c, ok := r.Content["application/json"]; ok {
				return resolve(t, spec, c.Schema)
			}
		}
	}
	return nil
}

func resolve(t *testing.T, spec openAPIDoc, s map[string]any) map[string]any {
	t.Helper()
	ref, ok := s["$ref"].(string)
	if !ok {
		return s
	}
	name := strings.TrimPrefix(ref, "#/components/schemas/")
	var out map[string]any
	if err := json.Unmarshal(spec.Components.Schemas[name], &out); err != nil {
		t.Fatalf("schema %s: %v", ref, err)
	}
	return resolve(t, spec, out)
}

// checkShape validates a decoded JSON value against a schema's top level:
// its type, required properties, no undocumented properties when
// additionalProperties is false, and the same for the items of arrays and
// the properties that are themselves described by a $ref.
func checkShape(t *testing.T, spec openAPIDoc, where string, schema map[string]any, v any, depth int) {
	t.Helper()
	if schema == nil || depth > 3 {
		return
	}
	schema = resolve(t, spec, schema)
	if all, ok := schema["allOf"].([]any); ok {
		for _, sub := range all {
			m, _ := sub.(map[string]any)
			merged := resolve(t, spec, m)
			req, _ := merged["required"].([]any)
			obj, _ := v.(map[string]any)
			for _, k := range req {
				if _, ok := obj[k.(string)]; !ok {
					t.Errorf("%s: missing %q (allOf)", where, k)
				}
			}
		}
	}
	switch typ := schema["type"].(type) {
	case string:
		checkType(t, where, typ, v)
	case []any:
		ok := false
		for _, x := range typ {
			if typeMatches(x.(string), v) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: %T is none of %v", where, v, typ)
		}
	}
	switch val := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		if req, ok := schema["required"].([]any); ok {
			for _, k := range req {
				if _, ok := val[k.(string)]; !ok {
					t.Errorf("%s: missing required %q", where, k)
				}
			}
		}
		if ap, ok := schema["additionalProperties"].(bool); ok && !ap {
			for k := range val {
				if _, ok := props[k]; !ok {
					t.Errorf("%s: undocumented property %q", where, k)
				}
			}
		}
		for k, ps := range props {
			if sub, ok := val[k]; ok && sub != nil {
				checkShape(t, spec, where+"."+k, ps.(map[string]any), sub, depth+1)
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok && len(val) > 0 {
			checkShape(t, spec, where+"[0]", items, val[0], depth+1)
		}
	}
}

func typeMatches(typ string, v any) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == float64(int64(f))
	case "number":
		_, ok := v.(float64)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	}
	return false
}

func checkType(t *testing.T, where, typ string, v any) {
	t.Helper()
	if !typeMatches(typ, v) {
		t.Errorf("%s: %T is not %s", where, v, typ)
	}
}

// TestResponsesMatchOpenAPI fetches every GET route on the demo corpus and
// validates the response's shape against its documented schema.
func TestResponsesMatchOpenAPI(t *testing.T) {
	spec := loadSpec(t)
	_, ts := newTestServer(t, Options{})
	queries := map[string]string{
		"/api/v1/events":    "?dyad=RUS-USA&limit=5",
		"/api/v1/relations": "?source=RUS&target=USA&by=week",
		"/api/v1/clusters":  "?limit=5",
		"/api/v1/documents": "?q=sanctions&limit=5",
		"/api/v1/quotes":    "?speaker=Peskov&limit=5",
	}
	var paths []string
	for p := range spec.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if _, ok := spec.Paths[p]["get"]; !ok || p == "/metrics" {
			continue
		}
		u := ts.URL + samplePath(p) + queries[p]
		code, h, body := get(t, u)
		if code != http.StatusOK {
			t.Errorf("GET %s: %d %s", u, code, body)
			continue
		}
		if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q", u, ct)
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Errorf("GET %s: %v", u, err)
			continue
		}
		schema := schemaOf(t, spec, p, "get")
		if schema == nil {
			t.Errorf("%s: no JSON response schema", p)
			continue
		}
		checkShape(t, spec, p, schema, v, 0)
	}
	// Error responses have the documented shape too.
	code, _, body := get(t, ts.URL+"/api/v1/events?quad=9")
	var e map[string]any
	if code != http.StatusBadRequest || json.Unmarshal(body, &e) != nil || e["error"] == nil {
		t.Errorf("bad quad: %d %s", code, body)
	}
}

// TestFiltersLikeCLI checks that query parameters build the same store
// filters as the CLI flags of the same names, and that the API returns
// exactly the rows the store returns for that filter.
func TestFiltersLikeCLI(t *testing.T) {
	s, ts := newTestServer(t, Options{})
	cases := []struct {
		query string
		want  store.EventFilter
	}{
		{"dyad=rus-usa", store.EventFilter{Source: "RUS", Target: "USA", Limit: 100}},
		{"actor=Zakharova&cameo=16&quad=4&modality=asserted", store.EventFilter{Actor: "Zakharova", CAMEO: "16", Quad: 4, Modality: "asserted", Limit: 100}},
		{"since=2021-03-01&until=2021-04-30&q=sanctions&limit=7&after=3", store.EventFilter{Since: "2021-03-01", Until: "2021-04-30", Search: "sanctions", Limit: 7, After: 3}},
		{"country=CHN&plover=SANCTION&doc=demo-002", store.EventFilter{Country: "CHN", PLOVER: "SANCTION", DocID: "demo-002", Limit: 100}},
		{"source=USA&target=RUSGOV", store.EventFilter{Source: "USA", Target: "RUSGOV", Limit: 100}},
	}
	for _, c := range cases {
		v, _ := url.ParseQuery(c.query)
		f, err := EventFilter(v)
		if err != nil {
			t.Errorf("%s: %v", c.query, err)
			continue
		}
		if !reflect.DeepEqual(f, c.want) {
			t.Errorf("%s: filter %+v, want %+v", c.query, f, c.want)
		}
		rows, err := s.st.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Items []EventItem `json:"items"`
		}
		getJSON(t, ts.URL+"/api/v1/events?"+c.query, &page)
		if len(page.Items) != len(rows) {
			t.Errorf("%s: API %d rows, store %d", c.query, len(page.Items), len(rows))
			continue
		}
		for i := range rows {
			if page.Items[i].Seq != rows[i].Seq || page.Items[i].Event.ID != rows[i].Event.ID {
				t.Errorf("%s: row %d differs", c.query, i)
			}
		}
	}
	bad := []string{"quad=5", "quad=x", "modality=maybe", "since=2021-13-01", "until=yesterday", "dyad=RUS", "limit=0", "limit=1001", "after=-1"}
	for _, q := range bad {
		code, _, body := get(t, ts.URL+"/api/v1/events?"+q)
		if code != http.StatusBadRequest {
			t.Errorf("events?%s: %d %s, want 400", q, code, body)
		}
	}
	for _, q := range []string{"quotes?since=nope", "documents?limit=5000", "relations?source=RUS", "relations?dyad=RUS-USA&by=year", "alerts?recent=-1", "clusters?quad=8", "clusters/abc"} {
		code, _, body := get(t, ts.URL+"/api/v1/"+q)
		if code != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", q, code, body)
		}
	}
}

// TestPagination walks every page of the event, quote and document
// listings and checks that they cover the stored rows exactly once.
func TestPagination(t *testing.T) {
	s, ts := newTestServer(t, Options{})
	stats, err := s.st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want int
	}{{"events", stats.Events}, {"quotes", stats.Quotes}, {"documents", stats.Documents}} {
		seen := map[int64]bool{}
		after := int64(0)
		pages := 0
		for {
			var p struct {
				Items []struct {
					Seq int64 `json:"seq"`
				} `json:"items"`
				Next *int64 `json:"next"`
			}
			getJSON(t, ts.URL+"/api/v1/"+c.path+"?limit=37&after="+itoa(after), &p)
			pages++
			for _, it := range p.Items {
				if seen[it.Seq] {
					t.Fatalf("%s: seq %d twice", c.path, it.Seq)
				}
				seen[it.Seq] = true
			}
			if p.Next == nil {
				break
			}
			after = *p.Next
			if pages > 1000 {
				t.Fatal("pagination does not end")
			}
		}
		if len(seen) != c.want {
			t.Errorf("%s: paged through %d rows, %d stored", c.path, len(seen), c.want)
		}
	}
	// Offset cursors of aggregate listings.
	var a, b struct {
		Items []ActorSummary `json:"items"`
		Next  *int64         `json:"next"`
	}
	getJSON(t, ts.URL+"/api/v1/actors?limit=5", &a)
	if a.Next == nil || *a.Next != 5 {
		t.Fatalf("actors next = %v", a.Next)
	}
	getJSON(t, ts.URL+"/api/v1/actors?limit=5&after=5", &b)
	if len(b.Items) == 0 || b.Items[0] == a.Items[0] {
		t.Errorf("second actor page repeats the first")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func jsonNum(n int64) string { return strconv.FormatInt(n, 10) }

// TestDocumentAndRelations checks the content of the main read endpoints
// on the demo corpus.
func TestDocumentAndRelations(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	var d struct {
		Analysis struct {
			ID       string `json:"id"`
			Text     string `json:"text"`
			Entities []any  `json:"entities"`
			Events   []any  `json:"events"`
		} `json:"analysis"`
		Tone *struct{ Tone float64 } `json:"tone"`
	}
	getJSON(t, ts.URL+"/api/v1/documents/demo-002", &d)
	if d.Analysis.ID != "demo-002" || len(d.Analysis.Entities) == 0 || len(d.Analysis.Events) == 0 || d.Tone == nil {
		t.Errorf("demo-002: id %q, %d entities, %d events, tone %v", d.Analysis.ID, len(d.Analysis.Entities), len(d.Analysis.Events), d.Tone)
	}
	if code, _, _ := get(t, ts.URL+"/api/v1/documents/no-such-document"); code != http.StatusNotFound {
		t.Errorf("unknown document: %d, want 404", code)
	}
	var rel RelationsResponse
	getJSON(t, ts.URL+"/api/v1/relations?dyad=RUS-USA&by=day", &rel)
	if len(rel.Series) != 2 || rel.Series[0].Source != "RUS" || rel.Series[1].Source != "USA" {
		t.Fatalf("relations: %+v", rel.Series)
	}
	if len(rel.Series[0].Points) != len(rel.Series[1].Points) || len(rel.Series[0].Points) == 0 ||
		rel.Series[0].Points[0].Start != rel.Series[1].Points[0].Start {
		t.Errorf("the two directions do not share periods: %d vs %d points", len(rel.Series[0].Points), len(rel.Series[1].Points))
	}
	total := 0
	for _, p := range rel.Series[1].Points {
		total += p.Clusters
	}
	// Every happening of the series is listed by the clusters endpoint.
	var cl struct {
		Items []Cluster `json:"items"`
	}
	getJSON(t, ts.URL+"/api/v1/clusters?source=USA&target=RUS&modality=asserted&limit=1000", &cl)
	if len(cl.Items) != total || total == 0 {
		t.Errorf("USA->RUS: series counts %d happenings, clusters endpoint lists %d", total, len(cl.Items))
	}
	var c ClusterResponse
	getJSON(t, ts.URL+"/api/v1/clusters/"+jsonNum(cl.Items[0].ID), &c)
	if len(c.Reports) == 0 || c.Reports[0].Sentence == "" {
		t.Errorf("cluster %d has no reports with evidence", cl.Items[0].ID)
	}
	var ev struct {
		Items []EventItem `json:"items"`
	}
	getJSON(t, ts.URL+"/api/v1/events?doc=demo-002", &ev)
	for _, e := range ev.Items {
		// The trigger lies in the evidence sentence at span - sentence_start.
		s, en := e.Event.Span[0]-e.SentenceStart, e.Event.Span[1]-e.SentenceStart
		if s < 0 || en > len(e.Sentence) || e.Sentence[s:en] != e.Event.Text {
			t.Errorf("event %s: trigger %q not at %d:%d of %q", e.Event.ID, e.Event.Text, s, en, e.Sentence)
		}
	}
	var actor ActorResponse
	getJSON(t, ts.URL+"/api/v1/actors/"+url.PathEscape("Maria Zakharova"), &actor)
	if len(actor.Variants) == 0 || len(actor.Documents) == 0 {
		t.Errorf("actor Maria Zakharova: %+v", actor)
	}
	if len(actor.Registry) == 0 || actor.Registry[0].Role == "" {
		t.Errorf("actor Maria Zakharova: no registry entry with a role: %+v", actor.Registry)
	}
	var reg RegistryResponse
	getJSON(t, ts.URL+"/api/v1/registry?q=Zakharova", &reg)
	if len(reg.Actors) == 0 {
		t.Error("registry?q=Zakharova is empty")
	}
	if code, _, _ := get(t, ts.URL+"/api/v1/actors/Nobody%20Atall"); code != http.StatusNotFound {
		t.Errorf("unknown actor: %d, want 404", code)
	}
}

// TestWrites covers POST /api/v1/documents: refused without a configured
// token, 401 without or with a wrong token, stored with it, idempotent,
// size limits, bad content types and bad lines.
func TestWrites(t *testing.T) {
	_, ro := newTestServer(t, Options{})
	if code, body := post(t, ro.URL+"/api/v1/documents", "text/plain", "anything", "MOSCOW, May 1. Russia said."); code != http.StatusForbidden {
		t.Errorf("no token configured: %d %s, want 403", code, body)
	}
	s, ts := newTestServer(t, Options{Token: "s3cret", MaxBody: 4096, MaxLine: 600})
	u := ts.URL + "/api/v1/documents"
	story := "MOSCOW, May 5. /TASS/. Russia's Foreign Ministry on Wednesday criticized the United States over new sanctions, spokeswoman Maria Zakharova said."
	for _, c := range []struct {
		name, ctype, token, body string
		want                     int
	}{
		{"no token", "text/plain", "", story, http.StatusUnauthorized},
		{"wrong token", "text/plain", "s3cre", story, http.StatusUnauthorized},
		{"bad type", "application/json", "s3cret", story, http.StatusUnsupportedMediaType},
		{"text", "text/plain", "s3cret", story, http.StatusCreated},
		{"again", "text/plain; charset=utf-8", "s3cret", story, http.StatusOK}, // already stored: skipped
		{"jsonl", "application/x-ndjson", "s3cret", `{"id":"api-1","text":"WASHINGTON, May 6. The United States imposed sanctions on Russia, the Treasury said.","published":"2021-05-06"}` + "\n" +
			`{"id":"api-2","text":` + "\n" + `{"id":"api-3","text":"` + strings.Repeat("word ", 130) + `"}` + "\n", http.StatusCreated},
		{"empty", "application/x-ndjson", "s3cret", "\n\n", http.StatusBadRequest},
		{"document over the line limit", "text/plain", "s3cret", strings.Repeat("Russia said. ", 100), http.StatusUnprocessableEntity},
		{"body over the limit", "application/x-ndjson", "s3cret", manyLines(80), http.StatusRequestEntityTooLarge},
	} {
		code, body := post(t, u, c.ctype, c.token, c.body)
		if code != c.want {
			t.Errorf("%s: %d %s, want %d", c.name, code, body, c.want)
		}
		if c.name == "jsonl" {
			var r IngestResponse
			json.Unmarshal(body, &r)
			if r.Summary.Stored != 1 || r.Summary.Failed != 2 || len(r.Problems) != 2 {
				t.Errorf("jsonl: %+v", r)
			}
			for _, p := range r.Problems {
				if !strings.HasPrefix(p, "stdin:") {
					t.Errorf("problem does not name its line: %q", p)
				}
			}
		}
	}
	if ok, _ := s.st.Has(context.Background(), "api-1"); !ok {
		t.Error("api-1 was not stored")
	}
	// Cached aggregates follow the writes.
	var before, after StatsResponse
	getJSON(t, ts.URL+"/api/v1/stats", &before)
	if code, body := post(t, u, "text/plain", "s3cret", "WASHINGTON, May 8. The United States and Japan signed a trade agreement on Saturday, officials said."); code != http.StatusCreated {
		t.Fatalf("post: %d %s", code, body)
	}
	getJSON(t, ts.URL+"/api/v1/stats", &after)
	if after.Documents != before.Documents+1 {
		t.Errorf("stats after a write: %d documents, want %d", after.Documents, before.Documents+1)
	}
	// Published query parameter is validated like --published.
	code, body := post(t, u+"?published=31-12-2021", "text/plain", "s3cret", story)
	if code != http.StatusBadRequest {
		t.Errorf("bad published: %d %s", code, body)
	}
	// Writes are counted.
	_, _, m := get(t, ts.URL+"/metrics")
	if m := regexp.MustCompile(`attache_ingest_documents_total\{outcome="stored"\} (\d+)`).FindSubmatch(m); m == nil || string(m[1]) == "0" {
		t.Errorf("metrics count no stored documents")
	}
	for _, want := range []string{`attache_ingest_documents_total{outcome="failed"}`, `attache_ingest_requests_total{code="401"} 2`, `attache_ingest_requests_total{code="413"} 1`,
		`attache_http_requests_total{code="201",method="POST",route="POST /api/v1/documents"}`, `attache_http_request_duration_seconds_bucket{route="POST /api/v1/documents"`} {
		if !strings.Contains(string(m), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// manyLines makes n small JSON Lines documents.
func manyLines(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(`{"id":"many-` + strconv.Itoa(i) + `","text":"MOSCOW, May 7. Russia and China held talks on trade, officials said."}` + "\n")
	}
	return b.String()
}

// TestHostileTextIsNeverReflected ingests markup as document text and
// checks that no API response carries it as markup, and that the page is
// static (the dashboard builds the DOM from JSON with textContent).
func TestHostileTextIsNeverReflected(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, path := range []string{"/api/v1/documents/" + xssID, "/api/v1/documents?q=Soreide", "/api/v1/events?doc=" + xssID,
		"/api/v1/quotes?doc=" + xssID, "/api/v1/actors?q=Soreide", "/api/v1/clusters?limit=1000", "/api/v1/documents/%3Cscript%3E",
		"/api/v1/nope%3Cscript%3E", "/%3Cscript%3Ealert(1)%3C/script%3E"} {
		code, h, body := get(t, ts.URL+path)
		for _, bad := range []string{"<script", "<img", "onerror=alert(1)>"} {
			if strings.Contains(string(body), bad) {
				t.Errorf("GET %s (%d) reflects %q", path, code, bad)
			}
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", path)
		}
		if strings.HasPrefix(path, "/api/") && code == 200 && !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("GET %s: Content-Type %s", path, h.Get("Content-Type"))
		}
	}
	// The text is stored and served intact, only escaped.
	var d struct {
		Analysis struct {
			Text  string `json:"text"`
			Title string `json:"title"`
		} `json:"analysis"`
	}
	getJSON(t, ts.URL+"/api/v1/documents/"+xssID, &d)
	if d.Analysis.Text != xssText || !strings.Contains(d.Analysis.Title, "<script>") {
		t.Errorf("hostile document altered: %q", d.Analysis.Title)
	}
	// The dashboard never parses data as HTML.
	for _, f := range []string{"web/app.js", "web/index.html"} {
		b, err := webFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser", "createContextualFragment"} {
			if strings.Contains(string(b), sink) {
				t.Errorf("%s uses %s", f, sink)
			}
		}
		if f == "web/index.html" && regexp.MustCompile(`<script>|<script [^>]*>[^<]|\son[a-z]+=|javascript:`).Match(b) {
			t.Errorf("index.html has inline script")
		}
	}
}

// TestSecurityHeaders checks the headers of pages, API responses and
// errors.
func TestSecurityHeaders(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, path := range []string{"/", "/app.js", "/api/v1/stats", "/api/v1/nope", "/healthz"} {
		code, h, _ := get(t, ts.URL+path)
		if path != "/api/v1/nope" && code != 200 {
			t.Errorf("GET %s: %d", path, code)
		}
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: CSP %q lacks %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %s: CSP allows unsafe code: %s", path, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if h.Get(k) != v {
				t.Errorf("GET %s: %s = %q, want %q", path, k, h.Get(k), v)
			}
		}
	}
	if code, _, _ := get(t, ts.URL+"/vendor/"); code != http.StatusNotFound {
		t.Errorf("directory listing of /vendor/: %d, want 404", code)
	}
	code, _, body := get(t, ts.URL+"/api/v1/nope")
	if code != http.StatusNotFound || !strings.Contains(string(body), `"error"`) {
		t.Errorf("unknown API route: %d %s", code, body)
	}
	// Only GET on read routes.
	code, _ = post(t, ts.URL+"/api/v1/events", "text/plain", "", "x")
	if code != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/v1/events: %d, want 405", code)
	}
}

// TestNoRelationsTables answers 501 for the relations endpoints of a
// database without the relations tables, and keeps the rest working.
func TestNoRelationsTables(t *testing.T) {
	s, ts := newTestServer(t, Options{})
	for _, tbl := range []string{"rel_links", "rel_mentions", "rel_clusters", "rel_dyad_day"} {
		if _, err := s.st.SQLDB().Exec(`DROP TABLE ` + tbl); err != nil {
			t.Fatal(err)
		}
	}
	s.relChecked = time.Time{}
	for _, p := range []string{"relations?dyad=RUS-USA", "alerts", "clusters", "clusters/1", "dyads"} {
		code, _, body := get(t, ts.URL+"/api/v1/"+p)
		if code != http.StatusNotImplemented || !strings.Contains(string(body), "not available") {
			t.Errorf("%s: %d %s, want 501", p, code, body)
		}
	}
	var ev struct {
		Items []EventItem `json:"items"`
	}
	getJSON(t, ts.URL+"/api/v1/events?limit=3", &ev)
	if len(ev.Items) != 3 || ev.Items[0].ClusterID != nil {
		t.Errorf("events without relations: %+v", ev.Items)
	}
}

// TestServeShutsDownGracefully starts the real listener and stops it.
func TestServeShutsDownGracefully(t *testing.T) {
	st, err := store.Open(context.Background(), copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	var addr net.Addr
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	if !strings.HasPrefix(addr.String(), "127.0.0.1:") {
		t.Errorf("listening on %s", addr)
	}
	var h map[string]string
	getJSON(t, "http://"+addr.String()+"/healthz", &h)
	if h["status"] != "ok" {
		t.Errorf("healthz: %v", h)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
}
