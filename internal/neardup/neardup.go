// Package neardup finds near-duplicate documents: syndicated copies of one
// story (the same wire text under different site boilerplate) and light
// rewrites of it. Each document gets a MinHash signature over its word
// shingles; a new document whose estimated resemblance to a stored one
// reaches Threshold is linked to the first copy of that story, so that
// counts over stories (event clusters) can count it once.
//
// The index lives in the store (table neardup_docs: doc_seq, fingerprint,
// duplicate_of, similarity; table neardup_bands for LSH look-up), created
// by the store's migrations.
package neardup

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"unicode"

	"github.com/attache-project/attache/internal/doc"
)

// Signature sizes: NumHashes min-hashes, grouped into NumBands bands of
// RowsPerBand for locality-sensitive look-up. Two bands of two rows make a
// pair with resemblance 0.5 a candidate with probability 1-(1-0.25)^32,
// above 0.9999; candidates are then checked on the whole signature.
const (
	NumHashes   = 64
	RowsPerBand = 2
	NumBands    = NumHashes / RowsPerBand
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 3
)

// Threshold is the estimated resemblance (Jaccard similarity of the
// shingle sets) from which two documents are the same story.
const Threshold = 0.5

// Signature is a document's MinHash fingerprint.
type Signature [NumHashes]uint32

// seeds are fixed per-hash salts (the first NumHashes values of a
// SplitMix64 sequence), so signatures are stable across runs.
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		s[i] = z ^ (z >> 31)
	}
	return s
}()

// words splits text into lowercased words (letters and digits).
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Shingles returns the hashes of the distinct ShingleWords-word shingles
// of text (one shingle of all words for shorter texts).
func Shingles(text string) map[uint64]struct{} {
	w := words(text)
	out := map[uint64]struct{}{}
	if len(w) == 0 {
		return out
	}
	n := ShingleWords
	if len(w) < n {
		n = len(w)
	}
	for i := 0; i+n <= len(w); i++ {
		h := fnv.New64a()
		for j := i; j < i+n; j++ {
			h.Write([]byte(w[j]))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = struct{}{}
	}
	return out
}

// Fingerprint computes the MinHash signature of text. ok is false for a
// text without words.
func Fingerprint(text string) (sig Signature, ok bool) {
	sh := Shingles(text)
	if len(sh) == 0 {
		return sig, false
	}
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for h := range sh {
		for i, seed := range seeds {
			v := mix(h ^ seed)
			if uint32(v) < sig[i] {
				sig[i] = uint32(v)
			}
		}
	}
	return sig, true
}

// mix is a 64-bit finaliser (from MurmurHash3): it spreads every input
// bit over the output so that each salt gives an independent permutation.
func mix(z uint64) uint64 {
	z ^= z >> 33
	z *= 0xff51afd7ed558ccd
	z ^= z >> 33
	z *= 0xc4ceb9fe1a85ec53
	z ^= z >> 33
	return z
}

// Similarity estimates the resemblance of the documents behind two
// signatures: the share of equal min-hashes.
func Similarity(a, b Signature) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / NumHashes
}

// bandKeys returns the look-up key of each band (band index in the top
// byte, so equal rows in different bands do not collide).
func (s Signature) bandKeys() [NumBands]int64 {
	var keys [NumBands]int64
	for b := 0; b < NumBands; b++ {
		h := fnv.New64a()
		var buf [4]byte
		for r := 0; r < RowsPerBand; r++ {
			binary.LittleEndian.PutUint32(buf[:], s[b*RowsPerBand+r])
			h.Write(buf[:])
		}
		keys[b] = int64(uint64(b)<<56 | h.Sum64()>>8)
	}
	return keys
}

// Bytes encodes the signature for storage.
func (s Signature) Bytes() []byte {
	b := make([]byte, 4*NumHashes)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// SignatureFrom decodes a stored signature.
func SignatureFrom(b []byte) (Signature, error) {
	var s Signature
	if len(b) != 4*NumHashes {
		return s, fmt.Errorf("neardup: stored fingerprint has %d bytes, want %d", len(b), 4*NumHashes)
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}

// Match is the outcome of adding a document to the index.
type Match struct {
	Seq int64 // the document
	// DuplicateOf is the first copy of the story (0: the document is new).
	DuplicateOf int64
	Similarity  float64
}

// Index is the near-duplicate index kept in the store's database.
type Index struct{ db *sql.DB }

// Open returns the index in db (the store's tables must exist).
func Open(db *sql.DB) *Index { return &Index{db: db} }

// Add fingerprints the document seq and links it to the first copy of
// the most similar stored document when the resemblance reaches
// Threshold. Adding a document already indexed returns its stored link.
func (ix *Index) Add(ctx context.Context, seq int64, text string) (Match, error) {
	m := Match{Seq: seq}
	var dup sql.NullInt64
	var sim sql.NullFloat64
	err := ix.db.QueryRowContext(ctx, `SELECT duplicate_of, similarity FROM neardup_docs WHERE doc_seq = ?`, seq).Scan(&dup, &sim)
	if err == nil {
		m.DuplicateOf, m.Similarity = dup.Int64, sim.Float64
		return m, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("neardup: %w", err)
	}
	sig, ok := Fingerprint(text)
	if !ok {
		return m, nil
	}
	best, bestSim, err := ix.nearest(ctx, seq, sig)
	if err != nil {
		return m, err
	}
	if best != 0 && bestSim >= Threshold {
		m.DuplicateOf, m.Similarity = best, bestSim
	}
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return m, fmt.Errorf("neardup: %w", err)
	}
	defer tx.Rollback()
	var dupArg, simArg any
	if m.DuplicateOf != 0 {
		dupArg, simArg = m.DuplicateOf, m.Similarity
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO neardup_docs(doc_seq, fingerprint, duplicate_of, similarity) VALUES (?, ?, ?, ?)`, seq, sig.Bytes(), dupArg, simArg); err != nil {
		return m, fmt.Errorf("neardup: %w", err)
	}
	for _, k := range sig.bandKeys() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO neardup_bands(band, doc_seq) VALUES (?, ?) ON CONFLICT DO NOTHING`, k, seq); err != nil {
			return m, fmt.Errorf("neardup: %w", err)
		}
	}
	return m, tx.Commit()
}

// nearest finds the stored document most similar to sig (other than
// seq) and returns the first copy of its story with the similarity.
func (ix *Index) nearest(ctx context.Context, seq int64, sig Signature) (int64, float64, error) {
	keys := sig.bandKeys()
	args := make([]any, 0, len(keys)+1)
	ph := make([]string, len(keys))
	for i, k := range keys {
		args = append(args, k)
		ph[i] = "?"
	}
	args = append(args, seq)
	rows, err := ix.db.QueryContext(ctx, `SELECT d.doc_seq, d.fingerprint, d.duplicate_of FROM neardup_docs d
		WHERE d.doc_seq IN (SELECT DISTINCT doc_seq FROM neardup_bands WHERE band IN (`+strings.Join(ph, ",")+`)) AND d.doc_seq <> ?
		ORDER BY d.doc_seq`, args...)
	if err != nil {
		return 0, 0, fmt.Errorf("neardup: %w", err)
	}
	defer rows.Close()
	var best int64
	bestSim := -1.0
	for rows.Next() {
		var s int64
		var fp []byte
		var dup sql.NullInt64
		if err := rows.Scan(&s, &fp, &dup); err != nil {
			return 0, 0, fmt.Errorf("neardup: %w", err)
		}
		other, err := SignatureFrom(fp)
		if err != nil {
			continue
		}
		if sim := Similarity(sig, other); sim > bestSim {
			bestSim = sim
			best = s
			if dup.Valid {
				best = dup.Int64 // link to the first copy of the story
			}
		}
	}
	return best, bestSim, rows.Err()
}

// AddAnalyses indexes newly stored analyses (looked up by id in the
// documents table), in order, and returns the links found. Run it after
// each stored batch and before anything that counts stories.
func AddAnalyses(ctx context.Context, db *sql.DB, stored []*doc.Analysis) ([]Match, error) {
	ix := Open(db)
	var out []Match
	for _, a := range stored {
		var seq int64
		if err := db.QueryRowContext(ctx, `SELECT seq FROM documents WHERE id = ?`, a.ID).Scan(&seq); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			return out, fmt.Errorf("neardup: %w", err)
		}
		m, err := ix.Add(ctx, seq, a.Text)
		if err != nil {
			return out, err
		}
		out = append(out, m)
	}
	return out, nil
}

// DuplicateOf returns the first copy of the story document seq is a
// near-duplicate of, or 0 when it is not one (or not indexed).
func DuplicateOf(ctx context.Context, db *sql.DB, seq int64) (int64, error) {
	var dup sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT duplicate_of FROM neardup_docs WHERE doc_seq = ?`, seq).Scan(&dup)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("neardup: %w", err)
	}
	return dup.Int64, nil
}

// Copy is a near-duplicate of a document.
type Copy struct {
	Seq        int64   `json:"seq"`
	ID         string  `json:"id"`
	Source     *string `json:"source"`
	Title      *string `json:"title"`
	Similarity float64 `json:"similarity"`
}

// Related returns the story's other copies for document id: when it is a
// copy, the first copy and its siblings; when it is a first copy, its
// copies. The document itself is not listed.
func Related(ctx context.Context, db *sql.DB, id string) ([]Copy, error) {
	var seq int64
	if err := db.QueryRowContext(ctx, `SELECT seq FROM documents WHERE id = ?`, id).Scan(&seq); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return nil, fmt.Errorf("neardup: %w", err)
	}
	root, err := DuplicateOf(ctx, db, seq)
	if err != nil {
		return nil, err
	}
	if root == 0 {
		root = seq
	}
	rows, err := db.QueryContext(ctx, `SELECT d.seq, d.id, d.source, d.title, COALESCE(n.similarity, 1)
		FROM documents d JOIN neardup_docs n ON n.doc_seq = d.seq
		WHERE (n.doc_seq = ? OR n.duplicate_of = ?) AND d.seq <> ? ORDER BY d.seq`, root, root, seq)
	if err != nil {
		return nil, fmt.Errorf("neardup: %w", err)
	}
	defer rows.Close()
	var out []Copy
	for rows.Next() {
		var c Copy
		var src, title sql.NullString
		if err := rows.Scan(&c.Seq, &c.ID, &src, &title, &c.Similarity); err != nil {
			return nil, fmt.Errorf("neardup: %w", err)
		}
		if src.Valid {
			c.Source = &src.String
		}
		if title.Valid {
			c.Title = &title.String
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Duplicates returns, for the given document seqs, the first copy of the
// story of each one that is a near-duplicate (seqs absent from the map are
// first copies or not indexed). For layers that count stories: skip a
// document found here, or count it as a mention of its first copy.
func Duplicates(ctx context.Context, db *sql.DB, seqs []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	for start := 0; start < len(seqs); start += 500 {
		chunk := seqs[start:min(len(seqs), start+500)]
		ph := make([]string, len(chunk))
		args := make([]any, len(chunk))
		for i, s := range chunk {
			ph[i], args[i] = "?", s
		}
		rows, err := db.QueryContext(ctx, `SELECT doc_seq, duplicate_of FROM neardup_docs WHERE duplicate_of IS NOT NULL AND doc_seq IN (`+strings.Join(ph, ",")+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("neardup: %w", err)
		}
		for rows.Next() {
			var s, d int64
			if err := rows.Scan(&s, &d); err != nil {
				rows.Close()
				return nil, fmt.Errorf("neardup: %w", err)
			}
			out[s] = d
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("neardup: %w", err)
		}
	}
	return out, nil
}
