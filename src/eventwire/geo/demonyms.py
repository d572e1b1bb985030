"""Fixed name lists: demonyms of countries ("Syrian" -> SY), which are evidence of an article's
country focus but never place mentions of their own; adjectives of world regions; and the
AP-style and postal abbreviations of US states ("Ga.", "OH") that datelines put after a town."""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    "Afghan": "AF",
    "Albanian": "AL",
    "Algerian": "DZ",
    "American": "US",
    "Angolan": "AO",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Armenian": "AM",
    "Australian": "AU",
    "Austrian": "AT",
    "Azerbaijani": "AZ",
    "Azeri": "AZ",
    "Bahraini": "BH",
    "Bangladeshi": "BD",
    "Belarusian": "BY",
    "Belgian": "BE",
    "Bolivian": "BO",
    "Bosnian": "BA",
    "Brazilian": "BR",
    "British": "GB",
    "Bulgarian": "BG",
    "Burkinabe": "BF",
    "Burmese": "MM",
    "Burundian": "BI",
    "Cambodian": "KH",
    "Cameroonian": "CM",
    "Canadian": "CA",
    "Chadian": "TD",
    "Chilean": "CL",
    "Chinese": "CN",
    "Colombian": "CO",
    "Congolese": "CD",
    "Croatian": "HR",
    "Cuban": "CU",
    "Cypriot": "CY",
    "Czech": "CZ",
    "Danish": "DK",
    "Dutch": "NL",
    "Ecuadorian": "EC",
    "Egyptian": "EG",
    "Emirati": "AE",
    "English": "GB",
    "Eritrean": "ER",
    "Estonian": "EE",
    "Ethiopian": "ET",
    "Filipino": "PH",
    "Finnish": "FI",
    "French": "FR",
    "Georgian": "GE",
    "German": "DE",
    "Ghanaian": "GH",
    "Greek": "GR",
    "Guatemalan": "GT",
    "Haitian": "HT",
    "Honduran": "HN",
    "Hungarian": "HU",
    "Indian": "IN",
    "Indonesian": "ID",
    "Iranian": "IR",
    "Iraqi": "IQ",
    "Irish": "IE",
    "Israeli": "IL",
    "Italian": "IT",
    "Ivorian": "CI",
    "Jamaican": "JM",
    "Japanese": "JP",
    "Jordanian": "JO",
    "Kazakh": "KZ",
    "Kenyan": "KE",
    "Kosovar": "XK",
    "Kuwaiti": "KW",
    "Kyrgyz": "KG",
    "Latvian": "LV",
    "Lebanese": "LB",
    "Liberian": "LR",
    "Libyan": "LY",
    "Lithuanian": "LT",
    "Malaysian": "MY",
    "Malian": "ML",
    "Mauritanian": "MR",
    "Mexican": "MX",
    "Moldovan": "MD",
    "Mongolian": "MN",
    "Moroccan": "MA",
    "Mozambican": "MZ",
    "Nepalese": "NP",
    "Nepali": "NP",
    "Nicaraguan": "NI",
    "Nigerian": "NG",
    "Nigerien": "NE",
    "North Korean": "KP",
    "Norwegian": "NO",
    "Omani": "OM",
    "Pakistani": "PK",
    "Palestinian": "PS",
    "Panamanian": "PA",
    "Peruvian": "PE",
    "Polish": "PL",
    "Portuguese": "PT",
    "Qatari": "QA",
    "Romanian": "RO",
    "Russian": "RU",
    "Rwandan": "RW",
    "Salvadoran": "SV",
    "Saudi": "SA",
    "Scottish": "GB",
    "Senegalese": "SN",
    "Serbian": "RS",
    "Singaporean": "SG",
    "Slovak": "SK",
    "Slovenian": "SI",
    "Somali": "SO",
    "South African": "ZA",
    "South Korean": "KR",
    "South Sudanese": "SS",
    "Spanish": "ES",
    "Sri Lankan": "LK",
    "Sudanese": "SD",
    "Swedish": "SE",
    "Swiss": "CH",
    "Syrian": "SY",
    "Taiwanese": "TW",
    "Tajik": "TJ",
    "Tanzanian": "TZ",
    "Thai": "TH",
    "Tunisian": "TN",
    "Turkish": "TR",
    "Turkmen": "TM",
    "Ugandan": "UG",
    "Ukrainian": "UA",
    "Uruguayan": "UY",
    "Uzbek": "UZ",
    "Venezuelan": "VE",
    "Vietnamese": "VN",
    "Welsh": "GB",
    "Yemeni": "YE",
    "Zambian": "ZM",
    "Zimbabwean": "ZW",
    "Korean": "KR",
    "Kurdish": "IQ",
    "Arab": "SA",
}
# Plural nouns for the people ("Syrians", "Iraqis"); -ese, -ish, -ch, -sh and -ss forms do not take -s.
_NO_PLURAL = ("ese", "ish", "ch", "sh", "ss", "Swiss")


def demonym_country(word: str) -> str | None:
    """ISO2 of a demonym or its plural ("Syrians" -> "SY"), or None."""
    word = word.strip()
    if word in DEMONYMS:
        return DEMONYMS[word]
    if word.endswith("s") and word[:-1] in DEMONYMS and not word[:-1].endswith(_NO_PLURAL):
        return DEMONYMS[word[:-1]]
    return None


# Adjectives of world regions; like demonyms they name the region only in the given-spans setting.
REGION_ADJECTIVES: dict[str, str] = {
    "European": "Europe", "African": "Africa", "Asian": "Asia", "Middle Eastern": "Middle East",
    "Latin American": "Latin America", "North American": "North America", "South American": "South America",
}  # fmt: skip

US_STATE_ABBREVIATIONS: dict[str, str] = dict(
    pair.split(":")
    for pair in (  # noqa: SIM905
        "Ala.:Alabama|Ariz.:Arizona|Ark.:Arkansas|Calif.:California|Cal.:California|Colo.:Colorado|"
        "Conn.:Connecticut|Del.:Delaware|Fla.:Florida|Ga.:Georgia|Ill.:Illinois|Ind.:Indiana|Kan.:Kansas|"
        "Kans.:Kansas|Ky.:Kentucky|La.:Louisiana|Md.:Maryland|Mass.:Massachusetts|Mich.:Michigan|"
        "Minn.:Minnesota|Miss.:Mississippi|Mo.:Missouri|Mont.:Montana|Neb.:Nebraska|Nebr.:Nebraska|"
        "Nev.:Nevada|N.H.:New Hampshire|N.J.:New Jersey|N.M.:New Mexico|N.Y.:New York|N.C.:North Carolina|"
        "N.D.:North Dakota|Okla.:Oklahoma|Ore.:Oregon|Pa.:Pennsylvania|R.I.:Rhode Island|S.C.:South Carolina|"
        "S.D.:South Dakota|Tenn.:Tennessee|Tex.:Texas|Vt.:Vermont|Va.:Virginia|Wash.:Washington|"
        "W.Va.:West Virginia|Wis.:Wisconsin|Wisc.:Wisconsin|Wyo.:Wyoming|AL:Alabama|AK:Alaska|AZ:Arizona|"
        "AR:Arkansas|CA:California|CO:Colorado|CT:Connecticut|DE:Delaware|FL:Florida|GA:Georgia|HI:Hawaii|"
        "ID:Idaho|IL:Illinois|IN:Indiana|IA:Iowa|KS:Kansas|KY:Kentucky|LA:Louisiana|ME:Maine|MD:Maryland|"
        "MA:Massachusetts|MI:Michigan|MN:Minnesota|MS:Mississippi|MO:Missouri|MT:Montana|NE:Nebraska|"
        "NV:Nevada|NH:New Hampshire|NJ:New Jersey|NM:New Mexico|NY:New York|NC:North Carolina|ND:North Dakota|"
        "OH:Ohio|OK:Oklahoma|OR:Oregon|PA:Pennsylvania|RI:Rhode Island|SC:South Carolina|SD:South Dakota|"
        "TN:Tennessee|TX:Texas|UT:Utah|VT:Vermont|VA:Virginia|WA:Washington|WV:West Virginia|WI:Wisconsin|"
        "WY:Wyoming|D.C.:District of Columbia|DC:District of Columbia"
    ).split("|")
)
