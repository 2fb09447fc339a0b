package actor

import "strings"

// Geocode returns the coordinates of a place from the gazetteer, preferring
// a place in country (alpha-3) when given, then capitals and the most
// populous. With an empty name it returns the country's capital, the
// conventional point for a country-level location. ok is false when the
// gazetteer does not know the place.
func (s *Stage) Geocode(name, country string) (lat, lon float64, ok bool) {
	r := s.res
	key := strings.Trim(strings.ToLower(strings.TrimSpace(name)), " ,./")
	best, bestScore := int32(-1), -1
	consider := func(pi int32, bonus int) {
		p := &r.d.Places[pi]
		score := p.Population + bonus
		if _, cap := r.capitalOf[pi]; cap {
			score += 1 << 40
		}
		if country != "" && p.Country == country {
			score += 1 << 50
		}
		if score > bestScore {
			best, bestScore = pi, score
		}
	}
	if key != "" {
		for _, pi := range r.places[key] {
			consider(pi, 0)
		}
	}
	if best < 0 && country != "" {
		for pi := range r.capitalOf {
			if r.d.Places[pi].Country == country {
				consider(pi, 0)
			}
		}
	}
	if best < 0 || (country != "" && r.d.Places[best].Country != country && key == "") {
		return 0, 0, false
	}
	p := &r.d.Places[best]
	return p.Lat, p.Lon, true
}
