package lemma

import "testing"

func TestVerb(t *testing.T) {
	cases := []struct{ in, want string }{
		{"said", "say"}, {"summoned", "summon"}, {"withdrew", "withdraw"}, {"withdrawn", "withdraw"},
		{"planned", "plan"}, {"raised", "raise"}, {"killed", "kill"}, {"called", "call"},
		{"accused", "accuse"}, {"denied", "deny"}, {"condemns", "condemn"}, {"urges", "urge"},
		{"meeting", "meet"}, {"met", "meet"}, {"fled", "flee"}, {"seized", "seize"},
		{"criticized", "criticize"}, {"stopped", "stop"}, {"voted", "vote"}, {"hoped", "hope"},
		{"expelled", "expel"}, {"attacked", "attack"}, {"negotiated", "negotiate"}, {"discussed", "discuss"},
		{"imposes", "impose"}, {"visited", "visit"}, {"threatens", "threaten"}, {"released", "release"},
		{"arrested", "arrest"}, {"shelled", "shell"}, {"signed", "sign"}, {"flies", "fly"},
		{"reaches", "reach"}, {"is", "be"}, {"has", "have"}, {"struck", "strike"}, {"fought", "fight"},
		{"rejected", "reject"}, {"agreed", "agree"}, {"pledged", "pledge"}, {"praised", "praise"},
		{"stressed", "stress"}, {"noted", "note"}, {"insisted", "insist"}, {"vetoed", "veto"},
		{"bombed", "bomb"}, {"hosted", "host"}, {"recalled", "recall"}, {"travelled", "travel"},
		{"annexed", "annex"}, {"welcomed", "welcome"}, {"warned", "warn"}, {"apologized", "apologize"},
		{"declared", "declare"}, {"demanded", "demand"}, {"deported", "deport"}, {"issued", "issue"},
	}
	for _, c := range cases {
		if got := Verb(c.in); got != c.want {
			t.Errorf("Verb(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNoun(t *testing.T) {
	cases := []struct{ in, want string }{
		{"sanctions", "sanction"}, {"talks", "talk"}, {"ambassadors", "ambassador"}, {"crises", "crisis"},
		{"policies", "policy"}, {"strikes", "strike"}, {"protesters", "protester"}, {"embassies", "embassy"},
		{"marches", "march"}, {"press", "press"}, {"status", "status"}, {"men", "man"},
	}
	for _, c := range cases {
		if got := Noun(c.in); got != c.want {
			t.Errorf("Noun(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWord(t *testing.T) {
	if got := Word("Sanctions", "NNS"); got != "sanction" {
		t.Errorf("Word(Sanctions, NNS) = %q", got)
	}
	if got := Word("Said", "VBD"); got != "say" {
		t.Errorf("Word(Said, VBD) = %q", got)
	}
	if got := Word("Russia", "NNP"); got != "russia" {
		t.Errorf("Word(Russia, NNP) = %q", got)
	}
}

func BenchmarkVerb(b *testing.B) {
	words := []string{"said", "summoned", "withdrew", "criticized", "meeting", "attacks"}
	for i := 0; i < b.N; i++ {
		Verb(words[i%len(words)])
	}
}
