package export

// fipsOf maps ISO 3166-1 alpha-3 country codes to the FIPS 10-4 codes that
// GDELT's geo columns use. Countries missing here get an empty geo country
// code rather than a wrong one.
var fipsOf = map[string]string{
	"AFG": "AF", "AGO": "AO", "ALB": "AL", "ARE": "AE", "ARG": "AR", "ARM": "AM", "AUS": "AS", "AUT": "AU",
	"AZE": "AJ", "BDI": "BY", "BEL": "BE", "BFA": "UV", "BGD": "BG", "BGR": "BU", "BHR": "BA", "BIH": "BK",
	"BLR": "BO", "BOL": "BL", "BRA": "BR", "CAN": "CA", "CHE": "SZ", "CHL": "CI", "CHN": "CH", "CIV": "IV",
	"CMR": "CM", "COD": "CG", "COG": "CF", "COL": "CO", "CRI": "CS", "CUB": "CU", "CYP": "CY", "CZE": "EZ",
	"DEU": "GM", "DNK": "DA", "DOM": "DR", "DZA": "AG", "ECU": "EC", "EGY": "EG", "ESP": "SP", "EST": "EN",
	"ETH": "ET", "FIN": "FI", "FRA": "FR", "GBR": "UK", "GEO": "GG", "GHA": "GH", "GRC": "GR", "GTM": "GT",
	"HKG": "HK", "HND": "HO", "HRV": "HR", "HTI": "HA", "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "EI",
	"IRN": "IR", "IRQ": "IZ", "ISL": "IC", "ISR": "IS", "ITA": "IT", "JAM": "JM", "JOR": "JO", "JPN": "JA",
	"KAZ": "KZ", "KEN": "KE", "KGZ": "KG", "KHM": "CB", "KOR": "KS", "KWT": "KU", "LAO": "LA", "LBN": "LE",
	"LBY": "LY", "LKA": "CE", "LTU": "LH", "LUX": "LU", "LVA": "LG", "MAR": "MO", "MDA": "MD", "MEX": "MX",
	"MKD": "MK", "MLI": "ML", "MLT": "MT", "MMR": "BM", "MNG": "MG", "MOZ": "MZ", "MYS": "MY", "NER": "NG",
	"NGA": "NI", "NIC": "NU", "NLD": "NL", "NOR": "NO", "NPL": "NP", "NZL": "NZ", "OMN": "MU", "PAK": "PK",
	"PAN": "PM", "PER": "PE", "PHL": "RP", "POL": "PL", "PRK": "KN", "PRT": "PO", "PRY": "PA", "QAT": "QA",
	"ROU": "RO", "RUS": "RS", "RWA": "RW", "SAU": "SA", "SDN": "SU", "SEN": "SG", "SGP": "SN", "SLV": "ES",
	"SOM": "SO", "SRB": "RI", "SSD": "OD", "SVK": "LO", "SVN": "SI", "SWE": "SW", "SYR": "SY", "TCD": "CD",
	"THA": "TH", "TJK": "TI", "TKM": "TX", "TUN": "TS", "TUR": "TU", "TWN": "TW", "TZA": "TZ", "UGA": "UG",
	"UKR": "UP", "URY": "UY", "USA": "US", "UZB": "UZ", "VAT": "VT", "VEN": "VE", "VNM": "VM", "YEM": "YM",
	"ZAF": "SF", "ZMB": "ZA", "ZWE": "ZI",
}
