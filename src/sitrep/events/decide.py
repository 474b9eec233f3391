"""From frames and roles to ACLED's event type, sub-event type and disorder type.

The frames found together in one event ("protest" + "intervene", "capture" + "clash", "kill" with a
civilian victim) and the kinds of actors involved decide the sub-event type. Where an event fits
several types, ACLED's hierarchy rule applies: the type listed higher in the codebook wins, e.g. a
battle with shelling is an Armed clash; an attack on civilians by shelling is Shelling; violent
demonstrators make a Violent demonstration even when police intervene.

Each outcome carries the rule id that produced it, shown by ``sitrep explain``.
"""

from __future__ import annotations

from typing import NamedTuple

EVENT_TYPE = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}


def disorder_type(sub_event_type: str) -> str:
    event_type = EVENT_TYPE[sub_event_type]
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Protests",) or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


# Actor kinds (see data/actors/generic.yaml) grouped by what they can do in an event.
ARMED = frozenset(
    {"military", "police", "named", "unidentified", "gang", "militia", "communal", "external", "installation"}
)
CROWD = frozenset({"rioters", "community", "protesters", "party"})  # groups that can riot or form a mob
STATE = frozenset({"military", "police", "installation"})
PEOPLE = frozenset({"person", "community", "civilians", "protesters", "rioters", "party"})
VIOLENCE = ("kill", "injure", "attack", "abduct", "sexual")
REMOTE = ("airstrike", "shelling", "ied", "grenade", "suicide", "chemical")


class Facts(NamedTuple):
    """What the event coder knows about one event besides its frames: the kinds of actors attached
    to its triggers (see :mod:`sitrep.events.arguments`)."""

    agent_kind: str | None = None  # actor1 candidate of the main trigger
    agent_state: bool = False  # ... is the state forces of the event's country
    patient_kind: str | None = None
    force_armed: bool = False  # an armed actor intervenes, arrests, injures or kills
    agents: tuple[tuple[str, str], ...] = ()  # (frame, actor kind) of the first agent per frame
    patients: tuple[tuple[str, str], ...] = ()
    objects: frozenset[str] = frozenset()  # frames named only by weapon nouns ("rockets"), not by use
    first_doer: str | None = None  # agent kind of the first violent trigger (in text order) that has one
    first_victim: str | None = None  # patient kind of the first violent trigger that has one
    tags: frozenset[str] = frozenset()  # frames of sentence-initial type labels ("Looting:")
    attacked_forces: bool = False  # some "attack" trigger has armed forces as its target

    @property
    def agent_armed(self) -> bool:
        return self.agent_kind in ARMED

    @property
    def patient_armed(self) -> bool:
        return self.patient_kind in ARMED

    def agent(self, *frames: str) -> str | None:
        found = dict(self.agents)
        return next((found[f] for f in frames if f in found), None)

    def patient(self, *frames: str) -> str | None:
        found = dict(self.patients)
        return next((found[f] for f in frames if f in found), None)


# A sentence-initial label ("Looting: On 3 May ...", "Movement of forces: ...") names the type.
TAGGED = {
    "loot": "Looting/property destruction",
    "change": "Change to group/activity",
    "disrupt": "Disrupted weapons use",
    "other": "Other",
    "base": "Headquarters or base established",
    "agreement": "Agreement",
    "arrest": "Arrests",
    "withdraw": "Non-violent transfer of territory",
    "mob": "Mob violence",
    "sexual": "Sexual violence",
}


def decide(frames: dict[str, float], context: set[str], facts: Facts) -> tuple[str, str] | None:
    """(sub_event_type, rule id) for an event with these asserted frames, or None."""
    if facts.tags:
        for frame, tagged in TAGGED.items():
            if frame in facts.tags:
                return tagged, f"decide.tag_{frame}"
    weight_of = frames.get
    agents, patients = dict(facts.agents), dict(facts.patients)

    def has(frame: str, weight: float = 0.0) -> bool:
        return weight_of(frame, -1.0) >= weight

    def agent(*frames: str) -> str | None:  # Facts.agent, with the table built once
        for frame in frames:
            if frame in agents:
                return agents[frame]
        return None

    def patient(*frames: str) -> str | None:
        for frame in frames:
            if frame in patients:
                return patients[frame]
        return None

    violence = any(has(v, 0.5) for v in VIOLENCE)
    # Weapons only named ("rockets were found") are not an explosion: the event must say they were
    # used (a use word of the family, an impact, or people killed or hurt).
    used = (
        any(has(r) and r not in facts.objects for r in REMOTE)
        or has("impact", 0.5)
        or has("kill", 0.6)
        or has("injure", 0.6)
        or has("attack", 0.6)
    )
    remote = used and any(has(r, 0.8) for r in REMOTE)
    v_agent = facts.first_doer or agent("attack", "kill", "injure", "abduct", "sexual", "riot", "loot")
    v_patient = patient("attack", "kill", "injure", "abduct", "sexual")
    crowd_agent = v_agent in CROWD or (v_agent is None and has("crowd"))
    armed_target = v_patient in ARMED or facts.attacked_forces
    clash_agent, clash_patient = agent("clash"), patient("clash")
    fight = has("clash", 0.6) or (has("attack") and armed_target) or "clash" in context
    protest = has("protest", 0.5) or facts.agent_kind == "protesters" or (has("protest") and has("crowd"))
    protest_context = protest or has("protest", 0.4)

    if has("chemical"):
        return "Chemical weapon", "decide.chemical"
    taker = agent("regain", "capture")
    territory = (has("capture") or has("regain")) and taker not in PEOPLE and not (taker is None and protest)
    if territory:
        # Territory changes hands in a battle unless the report says it happened peacefully.
        if (
            not has("withdraw", 0.6)
            or fight
            or has("kill", 0.6)
            or has("airstrike", 0.6)
            or has("shelling", 0.8)
        ):
            if facts.agent_state or (taker is None and has("regain")):
                return "Government regains territory", "decide.territory_state"
            return "Non-state actor overtakes territory", "decide.territory_nonstate"
        return "Non-violent transfer of territory", "decide.territory_peaceful"
    if has("sexual", 0.95) and agent("sexual") in ARMED:
        return "Sexual violence", "decide.sexual_by_forces"
    if (
        has("withdraw", 0.8)
        and not (has("clash", 0.6) or (has("attack") and armed_target))  # fighting only as context is not
        and not violence
        and (taker in ARMED or agent("withdraw") in ARMED)
    ):
        return "Non-violent transfer of territory", "decide.territory_handed_over"
    if has("agreement", 0.75) and not has("clash", 0.85) and not remote:
        return "Agreement", "decide.agreement_over_fighting"
    if protest and not remote and not (fight and not crowd_agent and v_agent in ARMED and armed_target):
        doer = agent("riot", "clash", "mob", "attack", "kill", "injure", "abduct", "loot")
        sides = {agent("clash"), patient("clash")}
        # protesters fought each other, or clashed with the police ("clashed with riot police")
        fought = (has("clash", 0.6) and PEOPLE & sides) or (
            has("clash", 0.8) and STATE & sides and sides <= STATE | PEOPLE | {None}
        )
        hard_violence = any(has(v, 0.6) for v in VIOLENCE)
        if (
            (has("riot", 0.6) and agent("riot") not in ARMED)
            or (has("intervene", 0.9) and agent("intervene") in CROWD)  # protesters firing guns
            or fought
            or (doer in CROWD and (has("riot") or has("mob", 0.5) or hard_violence or has("clash")))
        ):
            return "Violent demonstration", "decide.protest_violent"
        if (
            (has("kill", 0.5) and facts.force_armed)
            or (has("intervene", 0.8) and has("injure", 0.5))
            or has("intervene", 0.9)  # "violently dispersed", "live ammunition", "excessive force"
        ):
            return "Excessive force against protesters", "decide.protest_force"
        if has("intervene", 0.6) or (
            (has("intervene") or has("arrest") or has("injure")) and facts.force_armed
        ):
            return "Protest with intervention", "decide.protest_intervention"
        return "Peaceful protest", "decide.protest"
    if has("disrupt", 0.5) and not used and not has("clash", 0.6):
        return "Disrupted weapons use", "decide.disrupt_weapons"
    if has("suicide") and used:
        return "Suicide bomb", "decide.suicide"
    if (
        has("clash", 0.6)
        and clash_agent not in CROWD
        and clash_patient not in PEOPLE
        and not (clash_agent is None and clash_patient is None and crowd_agent)
    ):
        return "Armed clash", "decide.clash"
    if has("airstrike", 0.6) and used:
        return "Air/drone strike", "decide.airstrike"
    if has("shelling", 0.6) and used:
        return "Shelling/artillery/missile attack", "decide.shelling"
    if has("grenade", 0.9) and not has("ied", 0.9) and used:
        return "Grenade", "decide.grenade"
    if has("ied", 0.5) and used:
        return "Remote explosive/landmine/IED", "decide.ied"
    if has("grenade") and used:
        return "Grenade", "decide.grenade"
    if (
        has("mob", 0.5)
        or (crowd_agent and (violence or has("riot", 0.6) or has("clash")))
        or has("riot", 0.7)
    ):
        crowd = agent("riot", "clash", "attack", "injure", "kill") or v_agent
        target = patient("riot", "clash", "attack", "injure", "kill")
        if protest_context or (crowd in CROWD and crowd != "rioters" and target in STATE):
            return "Violent demonstration", "decide.riot"
        return "Mob violence", "decide.mob"
    if violence or has("clash"):
        if not (has("abduct", 0.7) and not has("kill", 0.5) and not has("clash", 0.6)) and (
            (armed_target and v_agent not in CROWD) or (has("clash") and v_patient not in PEOPLE)
        ):
            return "Armed clash", "decide.attack_armed"
        if has("sexual", 0.8):
            return "Sexual violence", "decide.sexual"
        if has("abduct", 0.7) and not has("kill", 0.5) and not has("injure", 0.6) and not has("clash", 0.6):
            return "Abduction/forced disappearance", "decide.abduct"
        if has("kill", 0.5) or has("injure", 0.5) or has("attack", 0.5):
            if has("abduct", 0.7) and not has("kill", 0.5) and not has("injure", 0.6):
                return "Abduction/forced disappearance", "decide.abduct"
            return "Attack", "decide.attack"
        if has("abduct"):
            return "Abduction/forced disappearance", "decide.abduct"
        if has("sexual"):
            return "Sexual violence", "decide.sexual"
    if has("agreement", 0.5):
        return "Agreement", "decide.agreement"
    if has("arrest", 0.5):
        return "Arrests", "decide.arrest"
    if has("disrupt", 0.5):
        return "Disrupted weapons use", "decide.disrupt"
    if has("base", 0.5):
        return "Headquarters or base established", "decide.base"
    if has("change", 0.6) and not has("loot", 0.5):
        return "Change to group/activity", "decide.change"  # "reinforcements sent to observation points"
    if has("base"):
        return "Headquarters or base established", "decide.base"
    if has("loot", 0.5) or has("riot", 0.6):
        return "Looting/property destruction", "decide.loot"
    if territory:
        return "Non-violent transfer of territory", "decide.territory_peaceful"
    if has("withdraw", 0.6) and agent("withdraw") in ARMED:
        return "Change to group/activity", "decide.withdrawal"
    if has("change", 0.4):
        return "Change to group/activity", "decide.change"
    if has("other", 0.5):
        return "Other", "decide.other"
    if has("intervene", 0.7):
        return "Protest with intervention", "decide.intervention_on_crowd"
    if protest or has("crowd"):
        return "Peaceful protest", "decide.protest_weak"
    return None
