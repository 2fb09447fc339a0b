package relations

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// side is one actor of an event or cluster as the matcher sees it.
type side struct {
	Key  string // country, else actor code, else "" (unknown)
	Code string // full actor code, may be ""
}

// shape is what the matcher compares between an event and a cluster.
type shape struct {
	Date       string // YYYY-MM-DD
	Src, Tgt   side
	CAMEO      string
	Modality   string
	Loc        string // lower-cased place name, may be ""
	LocCountry string
	// Sig is the content-word signature of the sentence (speech acts
	// only; see signature).
	Sig []string
}

// actorKey is the dyad key of an actor: its country, else its code (an
// international or non-state actor such as NATO or IGOUNO); a code of no
// known country ("---GOV") is no key: the actor counts as unidentified.
func actorKey(country, code string) string {
	if country != "" {
		return country
	}
	if strings.HasPrefix(code, "---") {
		return ""
	}
	return code
}

// sideMatch compares one actor of two records. known is true when both are
// identified and agree; ok is false when both are identified and disagree.
// An unknown actor is a wildcard: it neither confirms nor refutes.
func sideMatch(a, b side) (ok, known bool) {
	if a.Key == "" || b.Key == "" {
		return true, false
	}
	if a.Key != b.Key {
		return false, false
	}
	if a.Code != "" && b.Code != "" && !strings.HasPrefix(a.Code, b.Code) && !strings.HasPrefix(b.Code, a.Code) {
		return false, false
	}
	return true, true
}

// actorsMatch reports whether two records have compatible actors: each side
// compatible, and at least one side identified on both records and equal
// (two records that only share unknown actors are never merged).
func actorsMatch(as, at, bs, bt side) bool {
	ok1, k1 := sideMatch(as, bs)
	ok2, k2 := sideMatch(at, bt)
	return ok1 && ok2 && (k1 || k2)
}

// rootOf returns the two-digit CAMEO root of a code.
func rootOf(code string) string {
	if len(code) > 2 {
		return code[:2]
	}
	return code
}

// generic reports whether a code is the unspecific code of its root: the
// root itself ("04") or the root's "not specified below" code ("040").
func generic(code string) bool {
	return len(code) <= 2 || (len(code) == 3 && code[2] == '0')
}

// baseOf returns the three-digit CAMEO base code.
func baseOf(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// swapPairs are base codes that describe the same happening from the other
// side: "A visits B" (042) is "B hosts A" (043).
var swapPairs = map[[2]string]bool{{"042", "043"}: true, {"043", "042"}: true}

// equivalent are base codes coders use interchangeably for one happening:
// criticising and accusing (111/112) are the same statement reworded.
var equivalent = map[[2]string]bool{{"111", "112"}: true, {"112", "111"}: true}

// codesMatch compares two CAMEO codes. They match when they share the root
// and either one is the root's generic code, or their base codes are equal
// (or listed as equivalent) and their four-digit codes do not disagree.
// swapped is true when the codes match only with source and target
// exchanged (visit/host).
func codesMatch(a, b string) (ok, swapped bool) {
	if rootOf(a) != rootOf(b) || a == "" {
		return false, false
	}
	if generic(a) || generic(b) {
		return true, false
	}
	ba, bb := baseOf(a), baseOf(b)
	if swapPairs[[2]string{ba, bb}] {
		return true, true
	}
	if ba != bb && !equivalent[[2]string{ba, bb}] {
		return false, false
	}
	if len(a) > 3 && len(b) > 3 && a != b {
		return false, false
	}
	return true, false
}

// locMatch compares locations: different countries, or two different
// place names neither of which contains the other, keep records apart; an
// unknown location is a wildcard.
func locMatch(a, b shape) bool {
	if a.LocCountry != "" && b.LocCountry != "" && a.LocCountry != b.LocCountry {
		return false
	}
	if a.Loc != "" && b.Loc != "" && !strings.Contains(a.Loc, b.Loc) && !strings.Contains(b.Loc, a.Loc) {
		return false
	}
	return true
}

// dayDiff returns the number of days from a to b (b - a), and false when
// either is not a YYYY-MM-DD date.
func dayDiff(a, b string) (int, bool) {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return int(tb.Sub(ta).Hours() / 24), true
}

// addDays shifts a YYYY-MM-DD date by n days.
func addDays(d string, n int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// sameHappening decides whether event e describes the happening of cluster
// c, ignoring modality (checked by the caller) and date window (the
// candidate query already bounds it). It returns whether they match and
// whether the actors match swapped (visit/host).
func sameHappening(c, e shape) (ok, swapped bool) {
	ok, swapped = codesMatch(c.CAMEO, e.CAMEO)
	if !ok || !locMatch(c, e) {
		return false, false
	}
	if speech(c.CAMEO) && !sigMatch(c.Sig, e.Sig) {
		return false, false
	}
	if swapped {
		return actorsMatch(c.Src, c.Tgt, e.Tgt, e.Src), true
	}
	return actorsMatch(c.Src, c.Tgt, e.Src, e.Tgt), false
}

// moreSpecific reports whether code b says more than code a within a
// compatible pair: a is generic and b is not, or b is longer.
func moreSpecific(a, b string) bool {
	if generic(a) && !generic(b) {
		return true
	}
	return len(b) > len(a) && strings.HasPrefix(b, a)
}

// speechRoots are the CAMEO roots of pure speech acts: statements (01),
// appeals (02), intents (03), demands (10), disapproval (11), rejection
// (12) and threats (13). Consultations (04: visits, meetings, calls),
// diplomatic cooperation (05, e.g. signing an agreement) and
// investigations (09) are verbal in CAMEO's quad classes but are acts that
// agencies word differently.
var speechRoots = map[string]bool{"01": true, "02": true, "03": true, "10": true, "11": true, "12": true, "13": true}

// speech reports whether a CAMEO code is a speech act. Speech acts are many
// and alike — every "said" is a 010 — so two reports are one statement
// only if their sentences also share content (sigMatch).
func speech(code string) bool { return speechRoots[rootOf(code)] }

// sigStop are frequent words that say nothing about what a statement is
// about.
var sigStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`about above after again against also although among another because been before being below
		between both call called calls could does doing down during each even every from further have having here however into itself
		just last later least less made make many more most much must near next only other over said same says saying should since
		some such than that their them then there these they this those though through today told under until upon very want week were
		what when where whether which while will with within without would year years yesterday monday tuesday wednesday thursday
		friday saturday sunday january february march april june july august september october november december official officials
		spokesman spokeswoman statement statements reporters news according added asked going government minister ministry
		president country countries`) {
		sigStop[w] = true
	}
}

// maxSig bounds a signature's length.
const maxSig = 40

// signature returns the sorted distinct content words of a sentence:
// lower-cased words of at least four letters (or numbers of at least two
// digits) that are not in sigStop nor in the texts of the event's actors
// (the speaker's name and title say who, not what).
func signature(sentence string, actors ...string) []string {
	seen := map[string]bool{}
	for _, a := range actors {
		for _, w := range sigWords(a) {
			seen[w] = true
		}
	}
	var out []string
	for _, f := range sigWords(sentence) {
		if seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
	}
	sort.Strings(out)
	if len(out) > maxSig {
		out = out[:maxSig]
	}
	return out
}

// sigWords splits text into candidate signature words.
func sigWords(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && unicode.IsLetter(r))
	}) {
		digits := strings.Trim(f, "0123456789") == ""
		if (digits && len(f) < 2) || (!digits && utf8.RuneCountInString(f) < 4) || sigStop[f] {
			continue
		}
		out = append(out, sigStem(f))
	}
	return out
}

// sigStemLen is the length words are cut to, a crude but language-blind
// stemmer: two agencies reporting one statement write "interfere" and
// "interference", "election" and "elections", which must count as shared.
const sigStemLen = 6

// sigStem cuts a word to its first sigStemLen letters.
func sigStem(w string) string {
	n := 0
	for i := range w {
		if n == sigStemLen {
			return w[:i]
		}
		n++
	}
	return w
}

// sigMatch reports whether two signatures describe the same statement:
// they share at least two words, and at least half of the shorter.
// A missing signature (no sentence) is a wildcard.
func sigMatch(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return shared >= 2 && 2*shared >= min(len(a), len(b))
}
