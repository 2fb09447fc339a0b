// Package lemma reduces English word forms to their dictionary form: verbs
// to the infinitive (said -> say, summoned -> summon, withdrew -> withdraw)
// and nouns to the singular (sanctions -> sanction, talks -> talk).
//
// It is a small rule-based lemmatiser made for news text: an irregular verb
// table written for attache, a few irregular plurals, and suffix rules with
// the usual English spelling changes (doubled consonants, -ied, -ies, silent
// e). It is deterministic, allocation-light and safe for concurrent use. It
// does not need a POS tag, but callers that have one should pick Verb or
// Noun by it; Word guesses from the form.
package lemma

import "strings"

// irregularVerbs maps irregular past tenses, participles and third-person
// forms to the infinitive.
var irregularVerbs = map[string]string{}

// irregularTable lists irregular verbs as "base past participle [more forms]".
var irregularTable = []string{
	"arise arose arisen", "awake awoke awoken", "be was were been is are am 's 're 'm being",
	"bear bore borne born", "beat beat beaten", "become became become", "begin began begun",
	"bend bent bent", "bet bet bet", "bid bid bid", "bind bound bound", "bite bit bitten",
	"bleed bled bled", "blow blew blown", "break broke broken", "breed bred bred",
	"bring brought brought", "broadcast broadcast broadcast", "build built built",
	"burn burnt burnt", "burst burst burst", "buy bought bought", "cast cast cast",
	"catch caught caught", "choose chose chosen", "cling clung clung", "come came come",
	"cost cost cost", "creep crept crept", "cut cut cut", "deal dealt dealt", "dig dug dug",
	"do did done does doing", "draw drew drawn", "drink drank drunk", "drive drove driven",
	"eat ate eaten", "fall fell fallen", "feed fed fed", "feel felt felt", "fight fought fought",
	"find found found", "flee fled fled", "fly flew flown flies", "forbid forbade forbidden",
	"forecast forecast forecast", "foresee foresaw foreseen", "forget forgot forgotten",
	"forgive forgave forgiven", "freeze froze frozen", "get got gotten", "give gave given",
	"go went gone goes", "grind ground ground", "grow grew grown", "hang hung hung",
	"have had had has having 've 'd", "hear heard heard", "hide hid hidden", "hit hit hit",
	"hold held held", "hurt hurt hurt", "keep kept kept", "kneel knelt knelt", "know knew known",
	"lay laid laid", "lead led led", "lean leant leant", "leave left left", "lend lent lent",
	"let let let", "lie lay lain", "light lit lit", "lose lost lost", "make made made",
	"mean meant meant", "meet met met", "mislead misled misled", "overcome overcame overcome",
	"override overrode overridden", "overrun overran overrun", "oversee oversaw overseen",
	"overthrow overthrew overthrown", "pay paid paid", "put put put", "quit quit quit",
	"read read read", "rebuild rebuilt rebuilt", "redo redid redone", "rid rid rid",
	"ride rode ridden", "ring rang rung", "rise rose risen", "run ran run", "say said said says",
	"see saw seen", "seek sought sought", "sell sold sold", "send sent sent", "set set set",
	"shake shook shaken", "shed shed shed", "shine shone shone", "shoot shot shot",
	"show showed shown", "shrink shrank shrunk", "shut shut shut", "sing sang sung",
	"sink sank sunk", "sit sat sat", "slay slew slain", "sleep slept slept", "slide slid slid",
	"speak spoke spoken", "speed sped sped", "spend spent spent", "spin spun spun",
	"spit spat spat", "split split split", "spread spread spread", "spring sprang sprung",
	"stand stood stood", "steal stole stolen", "stick stuck stuck", "sting stung stung",
	"strike struck stricken", "strive strove striven", "swear swore sworn", "sweep swept swept",
	"swim swam swum", "swing swung swung", "take took taken", "teach taught taught",
	"tear tore torn", "tell told told", "think thought thought", "throw threw thrown",
	"thrust thrust thrust", "tread trod trodden", "undergo underwent undergone",
	"understand understood understood", "undertake undertook undertaken", "upset upset upset",
	"uphold upheld upheld", "wake woke woken", "wear wore worn", "weave wove woven",
	"weep wept wept", "win won won", "wind wound wound", "withdraw withdrew withdrawn",
	"withhold withheld withheld", "withstand withstood withstood", "write wrote written",
	"shoot shot shot", "lie lied lied", "can could", "will would", "shall should", "may might",
	"outlaw outlawed outlawed", "wed wed wed", "dive dove dived",
}

// irregularNouns maps irregular plurals to the singular.
var irregularNouns = map[string]string{
	"men": "man", "women": "woman", "children": "child", "people": "people", "police": "police",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "crises": "crisis", "analyses": "analysis",
	"theses": "thesis", "bases": "base", "hostages": "hostage", "talks": "talk", "news": "news",
	"series": "series", "species": "species", "headquarters": "headquarters", "arms": "arms",
	"forces": "force", "criteria": "criterion", "phenomena": "phenomenon", "data": "data",
	"lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief", "leaves": "leaf",
	"chiefs": "chief", "policies": "policy", "economies": "economy", "ties": "tie", "lies": "lie",
	"dies": "die", "sanctions": "sanction", "releases": "release", "cases": "case",
	"premises": "premises", "troops": "troop", "relations": "relation", "negotiations": "negotiation",
}

// noDoubling lists stems ending in a doubled consonant in their base form,
// where stripping -ed/-ing must keep both letters (kill -> killed).
var keepDouble = map[string]bool{
	"kill": true, "call": true, "fill": true, "spill": true, "press": true, "pass": true, "miss": true,
	"stall": true, "sell": true, "tell": true, "fall": true, "roll": true, "poll": true, "shell": true,
	"add": true, "express": true, "stress": true, "address": true, "discuss": true, "assess": true,
	"dismiss": true, "possess": true, "harass": true, "confess": true, "progress": true, "access": true,
	"bless": true, "toss": true, "buzz": true, "staff": true, "bluff": true, "sniff": true, "stuff": true,
	"cross": true, "drill": true, "install": true, "enroll": true, "expell": false, "befall": true,
	"err": true, "purr": true, "egg": true, "ebb": true, "odd": true, "boss": true, "mass": true,
	"recall": true, "forestall": true, "distill": true, "fulfill": true, "instill": true, "will": true,
	"compress": true, "suppress": true, "oppress": true, "repress": true, "impress": true, "digress": true,
	"embarrass": true, "caress": true, "canvass": true, "amass": true, "bypass": true, "surpass": true,
	"overpass": true, "kiss": true, "hiss": true, "fuss": true, "guess": true, "dress": true, "mess": true,
	"block": false, "boycott": true, "putt": true, "watt": true,
}

// eBases lists stems that need a final e back after -ed/-ing is removed and
// that the vowel/consonant heuristic gets wrong.
var eBases = map[string]bool{
	"rais": true, "prais": true, "pleas": true, "releas": true, "increas": true, "decreas": true,
	"caus": true, "us": true, "clos": true, "chos": true, "impos": true, "propos": true, "oppos": true,
	"expos": true, "pos": true, "refus": true, "accus": true, "abus": true, "excus": true, "confus": true,
	"sanction": false, "issu": true, "argu": true, "continu": true, "pursu": true, "su": true,
	"rescu": true, "valu": true, "queu": true, "hous": true, "advis": true, "revis": true,
	"criticis": true, "criticiz": true, "recogniz": true, "recognis": true, "organiz": true,
	"organis": true, "mobiliz": true, "mobilis": true, "seiz": true, "squeez": true, "freez": true,
	"authoriz": true, "authoris": true, "apologiz": true, "apologis": true, "emphasiz": true,
	"emphasis": true, "condemn": false, "vot": true, "not": true, "not ": false, "promot": true,
	"quot": true, "negotiat": true, "mediat": true, "retaliat": true, "escalat": true, "de-escalat": true,
	"violat": true, "evacuat": true, "investigat": true, "cooperat": true, "collaborat": true,
	"deport": false, "celebrat": true, "demonstrat": true, "participat": true, "hesitat": true,
	"initiat": true, "liberat": true, "invad": true, "provid": true, "decid": true, "divid": true,
	"guid": true, "rid": false, "rul": true, "schedul": true, "welcom": true, "overcom": true,
	"becom": true, "com": true, "serv": true, "observ": true, "reserv": true, "deserv": true,
	"preserv": true, "resolv": true, "solv": true, "involv": true, "receiv": true, "believ": true,
	"achiev": true, "relieve": false, "reliev": true, "leav": true, "mov": true, "remov": true,
	"approv": true, "disapprov": true, "improv": true, "prov": true, "lov": true, "hav": true,
	"giv": true, "liv": true, "driv": true, "arriv": true, "striv": true, "surviv": true,
	"reviv": true, "sav": true, "wav": true, "engag": true, "chang": true, "charg": true,
	"urg": true, "merg": true, "emerg": true, "pledg": true, "acknowledg": true, "judg": true,
	"wag": true, "rag": true, "manag": true, "encourag": true, "discourag": true, "damag": true,
	"stag": true, "outrag": true, "challeng": true, "arrang": true, "forg": true, "alleg": true,
	"besieg": true, "hing": true, "bridg": true, "sieg": true, "introduc": true, "reduc": true,
	"produc": true, "induc": true, "announc": true, "denounc": true, "renounc": true, "pronounc": true,
	"forc": true, "enforc": true, "reinforc": true, "voic": true, "replac": true, "plac": true,
	"fac": true, "trac": true, "pierc": true, "influenc": true, "commenc": true, "balanc": true,
	"silenc": true, "advanc": true, "financ": true, "sentenc": true, "evidenc": true, "licens": true,
	"respons": false, "sens": true, "condens": true, "defus": true, "diffus": true, "infus": true,
	"ceas": true, "leas": true, "purchas": true, "chas": true, "bas": true, "eras": true,
	"compris": true, "surpris": true, "rever": false, "declar": true, "prepar": true, "compar": true,
	"shar": true, "car": true, "dar": true, "scar": true, "stor": true, "restor": true, "ignor": true,
	"explor": true, "deplor": true, "implor": true, "ador": true, "scor": true, "captur": true,
	"secur": true, "ensur": true, "assur": true, "insur": true, "endur": true, "cur": true,
	"measur": true, "pressur": true, "torture": false, "tortur": true, "structur": true,
	"fractur": true, "ventur": true, "retir": true, "hir": true, "fir": true, "admir": true,
	"desir": true, "requir": true, "acquir": true, "inquir": true, "expir": true, "inspir": true,
	"aspir": true, "conspir": true, "tir": true, "wir": true, "describ": true, "subscrib": true,
	"prescrib": true, "brib": true, "tak": true, "mak": true, "wak": true, "shak": true, "bak": true,
	"strik": true, "lik": true, "hik": true, "provok": true, "invok": true, "revok": true,
	"evok": true, "stok": true, "smok": true, "jok": true, "pok": true, "chok": true, "lin": true,
	"defin": true, "declin": true, "combin": true, "undermin": true, "determin": true, "examin": true,
	"fin": true, "min": true, "shin": true, "din": true, "outlin": true, "confin": true, "sign": false,
	"ston": true, "postpon": true, "phon": true, "clon": true, "zon": true, "tun": true, "don": false,
	"bomb": false, "shap": true, "escap": true, "rap": true, "scrap": false, "hop": true, "cop": true,
	"typ": true, "pip": true, "wip": true, "swip": true, "gaz": true, "blaz": true, "raz": true,
	"prais ": false, "nam": true, "fram": true, "blam": true, "claim": false, "tam": true, "sham": true,
	"resum": true, "assum": true, "presum": true, "consum": true, "tim": true, "them": true,
	"cit": true, "recit": true, "incit": true, "unit": true, "reunit": true, "writ": true, "invit": true,
	"excit": true, "ignit": true, "delet": true, "complet": true, "compet": true, "mut": true,
	"execut": true, "persecut": true, "prosecut": true, "contribut": true, "distribut": true,
	"attribut": true, "constitut": true, "substitut": true, "institut": true, "disput": true,
	"comput": true, "refut": true, "pollut": true, "salut": true, "dilut": true, "rout": true,
	"tast": true, "wast": true, "past": true, "hast": true, "paus": true, "amus": true, "dous": true,
	"arous": true, "espous": true, "spous": true, "devis": true, "supervis": true, "televis": true,
	"improvis": true, "compromis": true, "advertis": true, "exercis": true, "apprais": true,
	"ris": true, "aris": true, "wis": true, "bruis": true, "cruis": true, "cycl": true, "handl": true,
	"settl": true, "battl": true, "tackl": true, "dismantl": true, "struggl": true, "smuggl": true,
	"troubl": true, "doubl": true, "enabl": true, "disabl": true, "assembl": true, "resembl": true,
	"tabl": true, "titl": true, "schedule": false, "rattl": true, "startl": true, "bottl": true,
	"whistl": true, "bundl": true, "kindl": true, "rekindl": true, "fondl": true, "sidelin": true,
	"singl": true, "mingl": true, "tangl": true, "entangl": true, "strangl": true, "juggl": true,
	"shuffl": true, "muffl": true, "stifl": true, "trifl": true, "rifl": true, "baffl": true,
	"ruffl": true, "crippl": true, "coupl": true, "sampl": true, "trampl": true, "toppl": true,
	"grappl": true, "peopl": true, "hurdl": true, "cuddl": true, "meddl": true, "peddl": true,
	"saddl": true, "straddl": true, "paddl": true, "hackl": true, "heckl": true, "buckl": true,
	"chuckl": true, "trickl": true, "tickl": true, "sparkl": true, "wrinkl": true, "sprinkl": true,
	"hustl": true, "wrestl": true, "nestl": true, "bristl": true, "jostl": true, "guzzl": true,
	"muzzl": true, "puzzl": true, "dazzl": true, "drizzl": true, "sizzl": true, "fizzl": true,
	"argue": false, "sabotag": true, "dredg": true, "hedg": true, "lodg": true, "nudg": true,
	"grudg": true, "trudg": true, "fudg": true, "dodg": true, "wedg": true, "dislodg": true,
	"engulf": false, "rang": false, "wring": false, "vow": false,
}

func init() {
	for _, line := range irregularTable {
		f := strings.Fields(line)
		for _, w := range f[1:] {
			if _, ok := irregularVerbs[w]; !ok {
				irregularVerbs[w] = f[0]
			}
		}
		irregularVerbs[f[0]] = f[0]
		// Derived forms of the base: third person, gerund.
		for _, w := range []string{thirdPerson(f[0]), gerund(f[0])} {
			if _, ok := irregularVerbs[w]; !ok {
				irregularVerbs[w] = f[0]
			}
		}
	}
}

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "s"), strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "ch"), strings.HasSuffix(b, "x"), strings.HasSuffix(b, "o"):
		return b + "es"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func gerund(b string) string {
	if strings.HasSuffix(b, "ie") {
		return b[:len(b)-2] + "ying"
	}
	if strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee") && len(b) > 2 {
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// Verb returns the infinitive of a verb form (lower-cased). Unknown words
// come back lower-cased and unchanged when no rule applies.
func Verb(w string) string {
	w = strings.ToLower(w)
	if b, ok := irregularVerbs[w]; ok {
		return b
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "eed") && !strings.HasSuffix(w, "ceed") && !strings.HasSuffix(w, "heed") && !strings.HasSuffix(w, "need") && !strings.HasSuffix(w, "weed") && !strings.HasSuffix(w, "seed"):
		return w[:n-1] // agreed -> agree, freed -> free
	case n > 3 && strings.HasSuffix(w, "ed"):
		return restore(w[:n-2], w[:n-1])
	case n > 4 && strings.HasSuffix(w, "ing"):
		return restore(w[:n-3], "")
	case n > 3 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes") && !strings.HasSuffix(w, "izes") && !strings.HasSuffix(w, "yzes") || strings.HasSuffix(w, "oes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// restore rebuilds a base from a stem left after -ed or -ing was removed:
// undoubles a final consonant (planned -> plan) and restores a silent e
// (raised -> raise). withE is the stem plus "e" for -ed words ("" if none).
func restore(stem, withE string) string {
	if eBases[stem] {
		return stem + "e"
	}
	if keepDouble[stem] {
		return stem
	}
	n := len(stem)
	if n >= 3 && stem[n-1] == stem[n-2] && !isVowel(stem[n-1]) && stem[n-1] != 'l' && stem[n-1] != 's' && stem[n-1] != 'z' && stem[n-1] != 'f' {
		return stem[:n-1]
	}
	if n >= 3 && stem[n-1] == 'l' && stem[n-2] == 'l' && !keepDouble[stem] {
		// travelled -> travel, but killed -> kill (in keepDouble).
		if b := stem[:n-1]; len(b) > 4 {
			return b
		}
		return stem
	}
	if strings.HasSuffix(stem, "at") && n > 4 || strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "is") && n > 5 && !strings.HasSuffix(stem, "ish") {
		return stem + "e"
	}
	// Consonant-vowel-consonant short stems usually took an e (hoped,
	// voted), but not when the final letter is w, x or y.
	if n == 3 && !isVowel(stem[n-1]) && isVowel(stem[n-2]) && (n < 3 || !isVowel(stem[n-3])) && !strings.ContainsRune("wxy", rune(stem[n-1])) {
		return stem + "e"
	}
	if strings.HasSuffix(stem, "u") || strings.HasSuffix(stem, "v") || strings.HasSuffix(stem, "c") && !strings.HasSuffix(stem, "ic") {
		return stem + "e"
	}
	return stem
}

// Noun returns the singular of a noun form (lower-cased).
func Noun(w string) string {
	w = strings.ToLower(w)
	if s, ok := irregularNouns[w]; ok {
		return s
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s"):
		return w[:n-1]
	}
	return w
}

// Word lemmatises w by its Penn Treebank tag: VB* as a verb, NNS/NNPS as a
// plural noun, anything else lower-cased.
func Word(w, tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		return Verb(w)
	case tag == "NNS" || tag == "NNPS":
		return Noun(w)
	}
	return strings.ToLower(w)
}
