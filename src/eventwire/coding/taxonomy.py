"""ACLED's event taxonomy (6 event types, 25 sub-event types) with a PLOVER category for each.

Names are spelled exactly as in the ACLED codebook because they are written verbatim into the
`event_type` / `sub_event_type` columns of ACLED-compatible exports. The PLOVER category lets the
same events be read in the PLOVER ontology: PLOVER splits violence into FIGHT (between armed
parties, including remote weapons aimed at them) and ASSAULT (one-sided violence, including
bombings of crowds), treats arrests, seizures and destruction as COERCE, and territory handed over
without a fight as RETREAT.
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

EVENT_TYPES: tuple[str, ...] = (
    BATTLES,
    EXPLOSIONS,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTESTS,
    RIOTS,
    STRATEGIC_DEVELOPMENTS,
)

# The label the classifier uses for "this sentence reports no ACLED event".
NONE_LABEL = "NONE"


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One ACLED sub-event type, its parent event type and its PLOVER category."""

    name: str
    event_type: str
    plover: str


SUB_EVENT_TYPES: tuple[SubEventType, ...] = (
    SubEventType("Armed clash", BATTLES, "FIGHT"),
    SubEventType("Government regains territory", BATTLES, "FIGHT"),
    SubEventType("Non-state actor overtakes territory", BATTLES, "FIGHT"),
    SubEventType("Chemical weapon", EXPLOSIONS, "FIGHT"),
    SubEventType("Air/drone strike", EXPLOSIONS, "FIGHT"),
    SubEventType("Suicide bomb", EXPLOSIONS, "ASSAULT"),
    SubEventType("Shelling/artillery/missile attack", EXPLOSIONS, "FIGHT"),
    SubEventType("Remote explosive/landmine/IED", EXPLOSIONS, "ASSAULT"),
    SubEventType("Grenade", EXPLOSIONS, "ASSAULT"),
    SubEventType("Sexual violence", VIOLENCE_AGAINST_CIVILIANS, "ASSAULT"),
    SubEventType("Attack", VIOLENCE_AGAINST_CIVILIANS, "ASSAULT"),
    SubEventType("Abduction/forced disappearance", VIOLENCE_AGAINST_CIVILIANS, "ASSAULT"),
    SubEventType("Peaceful protest", PROTESTS, "PROTEST"),
    SubEventType("Protest with intervention", PROTESTS, "PROTEST"),
    SubEventType("Excessive force against protesters", PROTESTS, "ASSAULT"),
    SubEventType("Violent demonstration", RIOTS, "PROTEST"),
    SubEventType("Mob violence", RIOTS, "ASSAULT"),
    SubEventType("Agreement", STRATEGIC_DEVELOPMENTS, "AGREE"),
    SubEventType("Arrests", STRATEGIC_DEVELOPMENTS, "COERCE"),
    SubEventType("Change to group/activity", STRATEGIC_DEVELOPMENTS, "MOBILIZE"),
    SubEventType("Disrupted weapons use", STRATEGIC_DEVELOPMENTS, "COERCE"),
    SubEventType("Headquarters or base established", STRATEGIC_DEVELOPMENTS, "MOBILIZE"),
    SubEventType("Looting/property destruction", STRATEGIC_DEVELOPMENTS, "COERCE"),
    SubEventType("Non-violent transfer of territory", STRATEGIC_DEVELOPMENTS, "RETREAT"),
    # ACLED's catch-all (coups, mass graves found, ...); PLOVER has no catch-all, COERCE is the
    # closest common reading of the codebook's examples.
    SubEventType("Other", STRATEGIC_DEVELOPMENTS, "COERCE"),
)

SUB_EVENT: dict[str, SubEventType] = {s.name: s for s in SUB_EVENT_TYPES}
SUB_EVENT_NAMES: tuple[str, ...] = tuple(s.name for s in SUB_EVENT_TYPES)
EVENT_TYPE_OF: dict[str, str] = {s.name: s.event_type for s in SUB_EVENT_TYPES}
PLOVER_OF: dict[str, str] = {s.name: s.plover for s in SUB_EVENT_TYPES}

# Every label the classifier may emit.
LABELS: tuple[str, ...] = SUB_EVENT_NAMES + (NONE_LABEL,)


def sub_event(name: str) -> SubEventType:
    """Look up a sub-event type by its exact codebook name (KeyError if unknown)."""
    return SUB_EVENT[name]
