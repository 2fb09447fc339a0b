package server

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/attache-project/attache/internal/registry"
	"github.com/attache-project/attache/internal/store"
)

// Actors are read from two places: the store's entities table (every
// entity of every document, grouped by name and type: what the documents
// say) and the actor registry of internal/registry (people and
// organisations learned across documents, in a role over a date range, with
// evidence, and user overrides).

// ActorSummary is one actor over the stored documents.
type ActorSummary struct {
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	Country   *string `json:"country"`
	Code      *string `json:"code"`
	Role      *string `json:"role"`
	Documents int     `json:"documents"`
}

// listActors lists actors by the number of documents naming them; q
// filters by name (substring), type and country narrow the list. The
// cursor is an offset.
func (s *Server) listActors(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	after, limit, err := p.page()
	if err != nil {
		return err
	}
	q, typ, country := p.str("q"), strings.ToUpper(p.str("type")), strings.ToUpper(p.str("country"))
	rows, err := s.st.SQLDB().QueryContext(r.Context(), `SELECT name, type, MAX(country), MAX(code), MAX(role), COUNT(*) AS n FROM entities
		WHERE (? = '' OR name LIKE '%' || ? || '%') AND (? = '' OR type = ?) AND (? = '' OR country = ?)
		GROUP BY name, type ORDER BY n DESC, name, type LIMIT ? OFFSET ?`, q, q, typ, typ, country, country, limit, after)
	if err != nil {
		return err
	}
	defer rows.Close()
	var out []ActorSummary
	for rows.Next() {
		var a ActorSummary
		var c, code, role sql.NullString
		if err := rows.Scan(&a.Name, &a.Type, &c, &code, &role, &a.Documents); err != nil {
			return err
		}
		a.Country, a.Code, a.Role = nsp(c), nsp(code), nsp(role)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, offsetPage(out, after, limit))
	return nil
}

// ActorVariant is one coding of an actor (the same name may be coded
// differently in different documents).
type ActorVariant struct {
	Type      string  `json:"type"`
	Country   *string `json:"country"`
	Code      *string `json:"code"`
	Role      *string `json:"role"`
	Documents int     `json:"documents"`
}

// ActorDoc is a document naming the actor.
type ActorDoc struct {
	ID        string  `json:"id"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
	Source    *string `json:"source"`
}

// ActorResponse is GET /api/v1/actors/{name}: the actor's codings, the
// events it is the source or target of, its quotes and the latest
// documents naming it.
type ActorResponse struct {
	Name      string           `json:"name"`
	Variants  []ActorVariant   `json:"variants"`
	Events    []EventItem      `json:"events"`
	Quotes    []store.QuoteRow `json:"quotes"`
	Documents []ActorDoc       `json:"documents"`
	// Registry holds the registry entries of this name (null when the
	// database has no registry).
	Registry []registry.Stored `json:"registry"`
}

// RegistryResponse is GET /api/v1/registry.
type RegistryResponse struct {
	Actors []registry.Stored `json:"actors"`
}

// listRegistry lists the actor registry: q searches names, aliases, roles,
// countries and codes, as `attache actors`.
func (s *Server) listRegistry(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if !s.hasTable(ctx, "actors") {
		return httpError{http.StatusNotImplemented, "the actor registry is not available: the database has no actors table (open it with this attache to migrate it)"}
	}
	p := params{r.URL.Query()}
	limit, err := p.int("limit", 100)
	if err != nil {
		return err
	}
	if limit < 1 || limit > maxLimit {
		return badf("limit must be between 1 and %d", maxLimit)
	}
	as, err := registry.ListStored(ctx, s.st.SQLDB(), p.str("q"), limit)
	if err != nil {
		return err
	}
	if as == nil {
		as = []registry.Stored{}
	}
	writeJSON(w, http.StatusOK, RegistryResponse{as})
	return nil
}

func (s *Server) getActor(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	name := r.PathValue("name")
	db := s.st.SQLDB()
	resp := ActorResponse{Name: name, Variants: []ActorVariant{}, Events: []EventItem{}, Quotes: []store.QuoteRow{}, Documents: []ActorDoc{}}
	rows, err := db.QueryContext(ctx, `SELECT type, country, code, role, COUNT(*) FROM entities WHERE name = ?
		GROUP BY type, country, code, role ORDER BY 5 DESC LIMIT 50`, name)
	if err != nil {
		return err
	}
	for rows.Next() {
		var v ActorVariant
		var c, code, role sql.NullString
		if err := rows.Scan(&v.Type, &c, &code, &role, &v.Documents); err != nil {
			rows.Close()
			return err
		}
		v.Country, v.Code, v.Role = nsp(c), nsp(code), nsp(role)
		resp.Variants = append(resp.Variants, v)
	}
	rows.Close()
	if len(resp.Variants) == 0 {
		return httpError{http.StatusNotFound, "no actor named " + name}
	}
	// Events whose source or target is this actor's entity in its document.
	rows, err = db.QueryContext(ctx, `SELECT e.seq, d.id, e.json, `+store.ByteSlice(db, "d.text", "e.sent_start", "e.sent_end-e.sent_start")+`,
		d.source, d.published, e.sent_start
		FROM entities en JOIN events e ON e.doc_seq = en.doc_seq JOIN documents d ON d.seq = e.doc_seq
		WHERE en.name = ? AND (`+store.JSONText(db, "e.json", "source.entity")+` = en.eid OR `+store.JSONText(db, "e.json", "target.entity")+` = en.eid)
		ORDER BY e.seq DESC LIMIT 100`, name)
	if err != nil {
		return err
	}
	for rows.Next() {
		var er EventItem
		var ej []byte
		var src, pub sql.NullString
		if err := rows.Scan(&er.Seq, &er.DocID, &ej, &er.Sentence, &src, &pub, &er.SentenceStart); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal(ej, &er.Event); err != nil {
			rows.Close()
			return err
		}
		er.Source, er.Published = nsp(src), nsp(pub)
		resp.Events = append(resp.Events, er)
	}
	rows.Close()
	qs, err := s.st.Quotes(ctx, store.QuoteFilter{Speaker: name, Limit: 100})
	if err != nil {
		return err
	}
	if qs != nil {
		resp.Quotes = qs
	}
	rows, err = db.QueryContext(ctx, `SELECT d.id, d.title, d.published, d.source FROM entities en JOIN documents d ON d.seq = en.doc_seq
		WHERE en.name = ? ORDER BY d.seq DESC LIMIT 50`, name)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d ActorDoc
		var t, p, src sql.NullString
		if err := rows.Scan(&d.ID, &t, &p, &src); err != nil {
			return err
		}
		d.Title, d.Published, d.Source = nsp(t), nsp(p), nsp(src)
		resp.Documents = append(resp.Documents, d)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if s.hasTable(ctx, "actors") {
		entries, err := registry.ListStored(ctx, db, name, 200)
		if err != nil {
			return err
		}
		resp.Registry = []registry.Stored{}
		for _, e := range entries {
			if strings.EqualFold(e.Name, name) {
				resp.Registry = append(resp.Registry, e)
			}
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}
