package actor

import "strings"

// Sports tables and results name teams by their club name, often with the
// club's city ("Lokomotiv Moscow 2 Torpedo Moscow 1", "Spartak Trnava 4 2
// 2 0 10 5 8", "1860 Munich 1"). A run of capitalised units followed on
// the same line by a score is a team in a sports story, unless it has the
// shape of a person (a first name or an initial first: golf and cricket
// list players with their scores) or it is a country alone (national
// sides stay places).

// notTeam are capitalised words that head table rows but name no team.
var notTeam = map[string]bool{"group": true, "division": true, "round": true, "pool": true, "game": true, "games": true,
	"week": true, "stage": true, "section": true, "conference": true, "class": true, "heat": true, "race": true, "lap": true,
	"leg": true, "match": true, "total": true, "totals": true, "attendance": true, "points": true, "rank": true, "zone": true,
	"day": true, "under": true, "tier": true, "series": true, "set": true, "sets": true, "hole": true, "holes": true, "par": true,
	"extras": true, "over": true, "overs": true, "fall": true, "wickets": true, "innings": true, "bowling": true, "batting": true,
	"standings": true, "aggregate": true, "scorers": true, "scorer": true, "results": true, "result": true, "halftime": true, "half-time": true, "league": true, "cup": true,
	"premier": true, "first": true, "second": true, "third": true, "fourth": true, "final": true, "finals": true, "semifinal": true,
	"semifinals": true, "quarterfinal": true, "quarterfinals": true, "number": true, "no": true, "no.": true, "grade": true,
	"category": true, "olympics": true, "world": true, "national": true, "american": true, "atlantic": true, "pacific": true,
	"midwest": true}

// teamRun returns the end unit of a team name starting at unit u of a
// sports story, followed by a score, or u.
func (p *proc) teamRun(us []unit, used []bool, u int) int {
	toks := p.a.Tokens
	ok := func(i int) bool {
		if used[i] || (i > u && p.nl[us[i].t0]) {
			return false
		}
		switch us[i].cls {
		case uName:
			return !notTeam[strings.TrimSuffix(p.keys[us[i].t0], ".")]
		case uLex:
			switch us[i].e.kind {
			case kPlace, kMetonym, kOrg, kOrgAbbrev, kOrgMetonym, kOrgAmb:
				return !notTeam[p.keys[us[i].t0]]
			case kCountry, kAbbrev:
				// "Red Star Belgrade" ends in a place; "Austria Vienna"
				// starts with a country only before a city.
				return i > u || i+1 < len(us) && us[i+1].cls == uLex && us[i+1].e.kind == kPlace && !p.nl[us[i+1].t0]
			}
		}
		return false
	}
	j := u
	// "1860 Munich": a club founded in a year.
	if t := toks[us[u].t0]; us[u].cls == uOther && len(t.Text) == 4 && isScore(t.Text) && (us[u].t0 == 0 || p.nl[us[u].t0] || isScore(toks[us[u].t0-1].Text)) &&
		u+1 < len(us) && us[u+1].cls == uLex && us[u+1].e.kind == kPlace {
		j++
	}
	for j < len(us) && j-u < 4 && ok(j) {
		j++
	}
	if j == u || (j == u+1 && us[u].cls == uOther) {
		return u
	}
	if !p.mixedCase(toks[us[u].t0].Sent) {
		for i := u; i < j; i++ {
			if us[i].cls == uName {
				return u // a headline in capitals: "COCU DOUBLE EARNS PSV 4-1 WIN"
			}
		}
	}
	end := us[j-1].t1
	score := end
	// "Gloria Bistrita ( Romania ) 2": a club in a European cup with its
	// country.
	if c := p.parenCountry(end); c > 0 && c < len(toks) && isScore(toks[c].Text) && atoi(toks[c].Text) < 20 {
		score = c // a goal count: not a tennis set ("6-2") nor a golf round ("64")
	}
	if !p.scoreAt(score) {
		// "Marcin Mieciel ( Odra Wodzislaw )": a player's club.
		if !(us[u].cls == uName && p.parenClub(us[u].t0, end)) {
			return u
		}
	}
	// A score is not a date or a time: "Sept 4 1996", "Monday 12".
	if end+1 < len(toks) && !p.nl[end+1] && (toks[end+1].Text == ":" || toks[end+1].Text == "." && end+2 < len(toks) && isScore(toks[end+2].Text)) {
		return u
	}
	first := us[u]
	if t0 := us[u].t0; t0 > 0 && !p.nl[t0] && (scorecard[toks[t0-1].Text] || isRank(toks[t0-1].Text) ||
		toks[t0-1].Text == "." && t0 > 1 && isScore(toks[t0-2].Text)) {
		return u // "c Stewart b Croft 46", "2. Corser 269 points": players
	}
	if first.cls == uName && (p.cricket || atoi(toks[end].Text) >= 60) {
		return u // batting and bowling figures, golf rounds: players
	}
	if first.cls == uName && (p.byKey["per:"+strings.ToLower(p.tokText(first.t0, us[j-1].t1))] != nil || j-u == 1 && p.bySurname(p.keys[first.t0]) != nil) {
		return u // a player named before: "Penalties : Preston 2"
	}
	hasPlace := false
	for i := u; i < j; i++ {
		hasPlace = hasPlace || us[i].demoted || us[i].cls == uLex && (us[i].e.kind == kPlace || us[i].e.kind == kMetonym)
	}
	if first.cls == uName && j-u >= 2 && !hasPlace {
		t := toks[first.t0].Text
		if p.isFirstName(first.t0) || (len(t) <= 2 && strings.HasSuffix(t, ".")) || len(t) == 1 {
			return u // a player: "Nick Faldo 66", "M. Atherton 31"
		}
	}
	if first.cls == uName && j-u == 1 && p.initialBefore(first.t0) >= 0 {
		return u
	}
	if j-u == 1 && first.cls == uLex {
		switch first.e.kind {
		case kCountry, kAbbrev:
			return u
		case kPlace:
			pl := &p.r.d.Places[first.e.ref]
			if pl.Country == "" || (pl.Type == "region" && pl.Population > 40000000) {
				return u
			}
		}
	}
	return j
}

// isRank reports whether s is a rank in a list of results: "2.", "10.".
func isRank(s string) bool {
	return len(s) >= 2 && s[len(s)-1] == '.' && isScore(s[:len(s)-1])
}

// atoi returns the value of a plain number (0 for anything else).
func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// cricketWords mark a cricket story, whose tables list players, not teams.
var cricketWords = map[string]bool{"innings": true, "wickets": true, "wicket": true, "lbw": true, "bowling": true, "batting": true, "overs": true}

// isResult reports whether s is a result or a cricket total: "5-2", "72-0".
func isResult(s string) bool {
	i := strings.IndexByte(s, '-')
	return i > 0 && isScore(s[:i]) && isScore(s[i+1:])
}

// teamVerbs follow a team named after its place in a sports story: clubs
// take plural verbs in British English ("Essex are", "Leeds have").
var teamVerbs = map[string]bool{"are": true, "were": true, "have": true, "host": true, "hosts": true, "face": true, "faces": true,
	"trail": true, "trailed": true, "lead": true, "led": true, "need": true, "needed": true, "play": true, "plays": true, "played": true,
	"won": true, "lost": true, "beat": true, "drew": true, "scored": true, "finished": true, "declared": true, "replied": true}

// spreadTeams applies one sense per discourse to the teams of a sports
// story: once a place or name is a team ("Lens 3", "Ajax Amsterdam 1"),
// its other mentions outside "in <place>" are the team too, as is the
// club's first word alone ("Ajax").
func (p *proc) spreadTeams() {
	if !p.sports {
		return
	}
	teams := map[string]*ent{}
	for _, e := range p.ents {
		if !strings.HasPrefix(e.key, "team:") || len(e.ments) == 0 {
			continue
		}
		teams[strings.ToLower(e.name)] = e
		if f := strings.Fields(e.name); len(f) > 1 && len(f[0]) > 2 && !notTeam[strings.ToLower(f[0])] && !isScore(f[0]) && !p.bigPlace(norm(f[0])) {
			if _, ok := teams[strings.ToLower(f[0])]; !ok {
				teams[strings.ToLower(f[0])] = e
			}
		}
	}
	if len(teams) == 0 {
		return
	}
	for _, e := range p.ents {
		if e.typ != "LOC" && e.typ != "GPE" || strings.HasPrefix(e.key, "gpe:") {
			continue
		}
		kept := e.ments[:0]
		for _, m := range e.ments {
			t := teams[strings.ToLower(p.tokText(m.t0, m.t1))]
			if t != nil && m.kind != KindAdjective && (m.t0 == 0 || p.keys[m.t0-1] != "in" && p.keys[m.t0-1] != "at") && !p.datelineAt(m.t1) {
				m.e = t
				t.ments = append(t.ments, m)
				continue
			}
			kept = append(kept, m)
		}
		e.ments = kept
	}
}

// bigPlace reports whether the word is a country or a large region
// (England): national sides are places in results, not clubs.
func (p *proc) bigPlace(key string) bool {
	n := p.r.lex.root.next[key]
	if n == nil {
		return false
	}
	for _, e := range n.entries {
		switch e.kind {
		case kCountry, kAbbrev, kAdjective:
			return true
		case kPlace:
			if pl := &p.r.d.Places[e.ref]; pl.Country == "" || (pl.Type == "region" && pl.Population > 40000000) {
				return true
			}
		}
	}
	return false
}

// datelineAt reports whether token t is a dateline's date ("NEW YORK
// 1996-08-22"): the place before it is where the story was filed.
func (p *proc) datelineAt(t int) bool {
	if t >= len(p.a.Tokens) || p.nl[t] {
		return false
	}
	s := p.a.Tokens[t].Text
	return len(s) == 10 && strings.Count(s, "-") == 2 && isScore(s[:4])
}

// isOrdinal reports whether s is an ordinal number: "15th", "90th", "1st".
func isOrdinal(s string) bool {
	if len(s) < 3 {
		return false
	}
	suf := strings.ToLower(s[len(s)-2:])
	return (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && isScore(s[:len(s)-2])
}

// playerContext reports whether the name run [u, n) of a sports story is
// a player by what follows it: the minute of a goal ("Korneev 15th",
// "Lubarskij ( 50th minute )") or the player's country in parentheses
// not followed by a score ("Retief Goosen ( South Africa ) 188,143";
// clubs in European cups are followed by their score: "Brann ( Norway )
// 2").
func (p *proc) playerContext(us []unit, u, n int) bool {
	toks := p.a.Tokens
	t := us[n-1].t1
	same := func(i int) bool { return i < len(toks) && !p.nl[i] }
	for i := u; i < n; i++ {
		if _, head := orgHeads[p.keys[us[i].t0]]; head && us[i].cls == uName || us[i].demoted && i == n-1 {
			return false // "Western Suburbs ( 12 )", "Lech Poznan": clubs
		}
	}
	// "Braga defender Idalecio": a name after a playing position.
	if t0 := us[u].t0; t0 > 0 && !p.nl[t0] && sportsPositions[p.keys[t0-1]] && !notBefore[p.keys[t0-1]] && !isCap(toks[t0-1].Text) {
		return true
	}
	if !same(t) {
		return false
	}
	if isOrdinal(toks[t].Text) {
		return true
	}
	// "4. Theybers 25": a ranked list of riders or players.
	if t0 := us[u].t0; t0 > 0 && !p.nl[t0] && (isRank(toks[t0-1].Text) || toks[t0-1].Text == "." && t0 > 1 && isScore(toks[t0-2].Text)) && (isScore(toks[t].Text) || toks[t].Text == "(") {
		return true
	}
	if toks[t].Text != "(" || !same(t+1) {
		return false
	}
	if isOrdinal(toks[t+1].Text) {
		return true
	}
	// "( South Africa )": a country between parentheses.
	j := t + 1
	for j < len(toks) && j-t < 5 && same(j) && toks[j].Text != ")" {
		j++
	}
	if j-t < 2 || !same(j) || toks[j].Text != ")" {
		return false
	}
	m, ok := p.r.lex.longest(p.keys, t+1, j, p.accept)
	if !ok || m.end != j {
		return false
	}
	country := false
	for _, e := range m.entries {
		country = country || e.kind == kCountry || e.kind == kAbbrev
	}
	// A goal count after it makes a club; a tennis set ("6-1") does not.
	return country && !(same(j+1) && isScore(toks[j+1].Text) && atoi(toks[j+1].Text) < 20)
}

// scoreAt reports whether token t is a score or a result on the line of
// the name before it, followed by another team, another figure or the end
// of the row rather than by a word ("the Olympic 800 metres", "Boeing 747
// jets").
func (p *proc) scoreAt(t int) bool {
	toks := p.a.Tokens
	if t >= len(toks) || p.nl[t] || !(isScore(toks[t].Text) || isResult(toks[t].Text)) {
		return false
	}
	if t+1 < len(toks) && !p.nl[t+1] {
		if w := toks[t+1].Text; w != "" && w[0] >= 'a' && w[0] <= 'z' && p.keys[t+1] != "points" && p.keys[t+1] != "pts" && p.keys[t+1] != "v" {
			return false
		}
	}
	return true
}

// parenCountry returns the token after "( <country> )" starting at token
// t, or 0.
func (p *proc) parenCountry(t int) int {
	toks := p.a.Tokens
	if t >= len(toks) || p.nl[t] || toks[t].Text != "(" {
		return 0
	}
	j := t + 1
	for j < len(toks) && j-t < 5 && !p.nl[j] && toks[j].Text != ")" {
		j++
	}
	if j-t < 2 || j >= len(toks) || toks[j].Text != ")" {
		return 0
	}
	m, ok := p.r.lex.longest(p.keys, t+1, j, p.accept)
	if !ok || m.end != j {
		return 0
	}
	for _, e := range m.entries {
		if e.kind == kCountry || e.kind == kAbbrev {
			return j + 1
		}
	}
	return 0
}

// parenClub reports whether the name on tokens [t0, t1) fills a pair of
// parentheses right after another name: "Ryszard Wieczorek ( Odra
// Wodzislaw )" lists a player with his club.
func (p *proc) parenClub(t0, t1 int) bool {
	toks := p.a.Tokens
	return t0 >= 2 && t1 < len(toks) && !p.nl[t0] && !p.nl[t1] && toks[t0-1].Text == "(" && toks[t1].Text == ")" &&
		isCap(toks[t0-2].Text) && !isAllCaps(toks[t0-2].Text) && !p.nl[t0-1]
}

// sportsPositions follow a team's name used as a modifier: "Leicestershire
// fast bowler David Millns", "Braga defender Idalecio".
var sportsPositions = map[string]bool{"bowler": true, "batsman": true, "batsmen": true, "catcher": true, "defender": true,
	"midfielder": true, "striker": true, "goalkeeper": true, "forward": true, "winger": true, "pitcher": true, "outfielder": true,
	"infielder": true, "shortstop": true, "coach": true, "manager": true, "captain": true, "skipper": true, "keeper": true,
	"wicketkeeper": true, "all-rounder": true, "spinner": true, "fullback": true, "full-back": true, "centre-back": true,
	"sweeper": true, "playmaker": true, "teammate": true, "team-mate": true, "fans": true, "supporters": true, "side": true,
	"squad": true, "player": true, "players": true, "chairman": true, "fast": true, "left-arm": true, "right-arm": true,
	"opener": true, "quarterback": true, "guard": true, "centre": true, "center": true}

// teamModifier reports whether token t (after a name in a sports story)
// shows the name is a team: a playing position or a team noun follows
// ("Seattle catcher", "Leeds fans"), or a possessive before a result
// ("Metz 's 3-1 home victory").
func (p *proc) teamModifier(t int) bool {
	toks := p.a.Tokens
	if t >= len(toks) || p.nl[t] {
		return false
	}
	if sportsPositions[p.keys[t]] && !isCap(toks[t].Text) {
		return true
	}
	return p.keys[t] == "'s" && t+1 < len(toks) && !p.nl[t+1] && (isResult(toks[t+1].Text) || sportsPositions[p.keys[t+1]] && !isCap(toks[t+1].Text))
}

// notBefore are team nouns of sportsPositions that do not introduce a
// player's name.
var notBefore = map[string]bool{"fans": true, "supporters": true, "side": true, "squad": true, "players": true, "fast": true,
	"left-arm": true, "right-arm": true, "batsmen": true}
