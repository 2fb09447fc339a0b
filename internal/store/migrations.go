package store

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: documents and one table per annotation layer.
	`
CREATE TABLE documents (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	id         TEXT NOT NULL UNIQUE,
	source     TEXT,
	url        TEXT,
	title      TEXT,
	published  TEXT,
	anchor     TEXT,
	language   TEXT,
	dateline_place   TEXT,
	dateline_country TEXT,
	text       TEXT NOT NULL,
	analysis   BLOB NOT NULL,
	n_entities INTEGER NOT NULL,
	n_mentions INTEGER NOT NULL,
	n_timexes  INTEGER NOT NULL,
	n_quotes   INTEGER NOT NULL,
	n_events   INTEGER NOT NULL,
	ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE entities (
	doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	eid     TEXT NOT NULL,
	name    TEXT NOT NULL,
	type    TEXT NOT NULL,
	country TEXT,
	code    TEXT,
	role    TEXT,
	sectors TEXT NOT NULL,
	PRIMARY KEY (doc_seq, eid)
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_code ON entities(code);

CREATE TABLE mentions (
	doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	eid     TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL,
	kind    TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_seq, eid);

CREATE TABLE timexes (
	doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL,
	type    TEXT NOT NULL,
	value   TEXT NOT NULL,
	PRIMARY KEY (doc_seq, idx)
);

CREATE TABLE quotes (
	seq     INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL,
	kind    TEXT NOT NULL,
	speaker_entity TEXT,
	speaker_text   TEXT,
	speaker_name   TEXT,
	cue_text  TEXT,
	cue_lemma TEXT,
	medium    TEXT,
	date      TEXT,
	json      BLOB NOT NULL,
	UNIQUE (doc_seq, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_date ON quotes(date);

CREATE TABLE events (
	seq      INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_seq  INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	eid      TEXT NOT NULL,
	sentence INTEGER NOT NULL,
	sent_start INTEGER NOT NULL,
	sent_end   INTEGER NOT NULL,
	start    INTEGER NOT NULL,
	end      INTEGER NOT NULL,
	text     TEXT NOT NULL,
	cameo    TEXT NOT NULL,
	root     TEXT NOT NULL,
	plover   TEXT NOT NULL,
	quad     INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	src_code    TEXT,
	src_country TEXT,
	src_text    TEXT,
	tgt_code    TEXT,
	tgt_country TEXT,
	tgt_text    TEXT,
	date      TEXT,
	modality  TEXT NOT NULL,
	json      BLOB NOT NULL,
	UNIQUE (doc_seq, eid)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(src_country, tgt_country, date);
CREATE INDEX events_cameo ON events(cameo);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='');
`,
	// 2: relations (internal/relations): event clusters, their mentions,
	// links between planned and actual happenings, per-document tone, a
	// daily dyad aggregate maintained incrementally, and the clustering
	// watermark.
	`
CREATE TABLE rel_clusters (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	date        TEXT NOT NULL,
	src_key     TEXT NOT NULL,
	tgt_key     TEXT NOT NULL,
	src_code    TEXT,
	src_country TEXT,
	src_name    TEXT,
	tgt_code    TEXT,
	tgt_country TEXT,
	tgt_name    TEXT,
	cameo       TEXT NOT NULL,
	root        TEXT NOT NULL,
	quad        INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	modality    TEXT NOT NULL,
	location    TEXT,
	loc_country TEXT,
	num_mentions INTEGER NOT NULL DEFAULT 0,
	num_sources  INTEGER NOT NULL DEFAULT 0,
	num_articles INTEGER NOT NULL DEFAULT 0,
	first_report TEXT,
	first_doc_seq INTEGER,
	rep_event_seq INTEGER,
	is_root     INTEGER NOT NULL DEFAULT 0,
	avg_tone    REAL NOT NULL DEFAULT 0,
	sig         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rel_clusters_keys ON rel_clusters(root, src_key, tgt_key, date);
CREATE INDEX rel_clusters_src ON rel_clusters(root, src_key, date);
CREATE INDEX rel_clusters_tgt ON rel_clusters(root, tgt_key, date);
CREATE INDEX rel_clusters_modality ON rel_clusters(modality, root, date);
CREATE INDEX rel_clusters_dyad ON rel_clusters(src_key, tgt_key, date);
CREATE INDEX rel_clusters_date ON rel_clusters(date);

CREATE TABLE rel_mentions (
	event_seq  INTEGER PRIMARY KEY,
	cluster_id INTEGER NOT NULL REFERENCES rel_clusters(id),
	doc_seq    INTEGER NOT NULL,
	dup_of     INTEGER,
	reported   TEXT,
	source     TEXT,
	sentence   INTEGER NOT NULL,
	confidence REAL NOT NULL
);
CREATE INDEX rel_mentions_cluster ON rel_mentions(cluster_id, event_seq);
CREATE INDEX rel_mentions_doc ON rel_mentions(doc_seq);

CREATE TABLE rel_links (
	planned_id INTEGER NOT NULL REFERENCES rel_clusters(id),
	actual_id  INTEGER NOT NULL REFERENCES rel_clusters(id),
	PRIMARY KEY (planned_id, actual_id)
) WITHOUT ROWID;

CREATE TABLE rel_doc_tone (
	doc_seq  INTEGER PRIMARY KEY,
	tone     REAL NOT NULL,
	positive REAL NOT NULL,
	negative REAL NOT NULL,
	words    INTEGER NOT NULL
);

CREATE TABLE rel_dyad_day (
	src_key TEXT NOT NULL,
	tgt_key TEXT NOT NULL,
	day     TEXT NOT NULL,
	n       INTEGER NOT NULL,
	q1      INTEGER NOT NULL,
	q2      INTEGER NOT NULL,
	q3      INTEGER NOT NULL,
	q4      INTEGER NOT NULL,
	gsum    REAL NOT NULL,
	gsq     REAL NOT NULL,
	PRIMARY KEY (src_key, tgt_key, day)
) WITHOUT ROWID;

CREATE TABLE rel_state (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;
`,
	// 3: the actor registry (internal/registry): people and organisations
	// learned across documents, in a role over a date range, with evidence;
	// user overrides from --actors files win over learned entries.
	`
CREATE TABLE actors (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL,
	country    TEXT NOT NULL DEFAULT '',
	role       TEXT NOT NULL DEFAULT '',
	sectors    TEXT NOT NULL DEFAULT '',
	code       TEXT NOT NULL DEFAULT '',
	aliases    TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL DEFAULT '',
	last_seen  TEXT NOT NULL DEFAULT '',
	mentions   INTEGER NOT NULL DEFAULT 0,
	evidence   TEXT NOT NULL DEFAULT '[]',
	override   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (name, role, country, override)
);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
`,
	// 4: near-duplicates (internal/neardup): each document's MinHash
	// fingerprint and the first copy of its story (NULL when it is
	// itself a first copy); band keys for locality-sensitive look-up;
	// and the feed items attache watch has already taken.
	`
CREATE TABLE neardup_docs (
	doc_seq      INTEGER PRIMARY KEY,
	fingerprint  BLOB NOT NULL,
	duplicate_of INTEGER,
	similarity   REAL
);
CREATE INDEX neardup_docs_dup ON neardup_docs(duplicate_of);

CREATE TABLE neardup_bands (
	band    INTEGER NOT NULL,
	doc_seq INTEGER NOT NULL,
	PRIMARY KEY (band, doc_seq)
) WITHOUT ROWID;

-- attache watch: feed items already fetched (GUID, else link), per feed.
CREATE TABLE watch_seen (
	feed     TEXT NOT NULL,
	item_key TEXT NOT NULL,
	seen_at  TEXT NOT NULL,
	PRIMARY KEY (feed, item_key)
) WITHOUT ROWID;
`,
	// 5: indexes for actor filters. An equality on src_country and/or
	// tgt_country walks an index in seq order, so "ORDER BY seq LIMIT n"
	// stops after n rows; code-prefix filters use code ranges.
	`
CREATE INDEX events_pair ON events(src_country, tgt_country);
CREATE INDEX events_src_country ON events(src_country);
CREATE INDEX events_tgt_country ON events(tgt_country);
CREATE INDEX events_src_code ON events(src_code);
CREATE INDEX events_tgt_code ON events(tgt_code);
`,
}
