"""The level of the work: does the letter supervise, manage, or assist?

What separates neighbouring unit groups is mostly the level of the work,
not its subject: a cook and a food service supervisor both talk about
kitchens, a bookkeeper and an accountant both about ledgers. The NOC says
it in two places: the lead statement's defining action ("Food service
supervisors *supervise, direct and coordinate* ...", "Retail and wholesale
trade managers *plan, organize, direct, control and evaluate* ...") and the
exclusion notes that link a group to its neighbours.

``read_letter`` reads the level a letter shows (its verbs, "a team of 6",
"reports to the head chef", "under the direction of"); ``required_level``
reads the level a unit group's lead statement demands. The matcher only
counts the lead statement as matched when the letter evidences that level,
and reads a neighbour that fits as well at a less skilled TEER as the
occupation the letter really describes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from checklist.noc.text import fold

if TYPE_CHECKING:
    from checklist.noc.models import UnitGroup


class Level(IntEnum):
    """The defining action of a unit group's lead statement, lowest first."""

    WORK = 0
    """Does the work itself."""
    PLAN = 1
    """Plans and directs, or plans and designs, the work others carry out (chefs, accountants, engineers)."""
    SUPERVISE = 2
    """Supervises and coordinates workers (TEER 2 supervisors, trade contractors and foremen)."""
    MANAGE = 3
    """Plans, organizes, directs, controls and evaluates an organization or department (TEER 0)."""


_STAFF = (
    r"(?:staff|employees|workers|team|crew|personnel|cooks|servers|cashiers|associates|clerks|helpers|"
    r"technicians|agents|nurses|aides|operators|drivers|labou?rers|apprentices|tradespe\w+|"
    r"representatives|assistants|people|volunteers|shift|shifts|a team|the team|department|"
    r"equipe|equipes|employes|personnel|commis|caissiers|cuisiniers|preposes|travailleurs)"
)
_SUPERVISE = re.compile(
    r"\b(?:supervis\w*|oversaw|oversee\w*|overs[ae]w|foreman|forewoman|"
    r"team (?:lead|leader)|crew (?:lead|leader|chief)|shift (?:lead|leader|supervisor)|"
    r"(?:lead|led|leads|leading|direct\w*|coordinat\w*|schedul\w*|train\w*|coach\w*|mentor\w*|assign\w*|"
    r"manag\w*|evaluat\w*|hir\w*|recruit\w*|motivat\w*|delegat\w*)\s+(?:\w+\s+){0,4}?" + _STAFF + r"|"
    r"team of \d+|crew of \d+|staff of \d+|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
    r"twenty) (?:direct )?reports|work schedules|staff schedules|staffing|performance (?:reviews|appraisals|evaluations)|"
    r"hire|hired|hiring|recruit\w*|discipline\w*|"
    r"encadr\w*|superviser|supervise|supervisait|supervision|surveill\w+ (?:le|les|du) (?:personnel|equipe|travail)|"
    r"equipe de \d+|diriger (?:le|les|une|l) ?(?:personnel|equipe|employes)|"
    r"dirig\w* (?:une|l|la) ?equipe|gerer (?:une|l|la|les) ?(?:equipe|personnel|employes)|horaires? de travail|"
    r"embauch\w*|recrut\w*|form\w* (?:les|le|des) (?:nouveaux|employes|personnel|commis)|"
    r"assign\w* (?:les|des) taches|repart\w* (?:les|des) taches)\b"
)
_SUPERVISED = re.compile(
    r"\b(?:under|to|for|with|by|from|of|my|his|her|their|our|your|the|a|an|s)\s+(?:\w+\s+){0,3}?"
    r"(?:supervisors?|supervision|superviseurs?|superviseures?)\b|\bsous\s+(?:\w+\s+){0,3}?"
    r"(?:supervision|surveillance)\b"
)
"""The applicant's own supervisor, or their being supervised ("report results to the supervisor", "with the
warehouse supervisors", "under the pharmacist's supervision", "sous la supervision de"): a supervisor the
applicant works for is no sign that the applicant supervises. Removed before ``_SUPERVISE`` is read."""
_MANAGE = re.compile(
    r"\b(?:(?:manag|direct|run|ran|head|oversee|oversaw)\w* (?:\w+ ){0,3}?(?:operations|budgets?|department|division|branch|store|restaurant|business|"
    r"company|unit|office|firm|facility|site|plant|program|programs|portfolio|p&l|profit)|"
    r"plan\w*,? (?:and |organi[sz]\w*,? )?(?:direct|control)\w*|direct\w* (?:and |\w+ )?(?:control|evaluat)\w*|"
    r"budget\w*|profit and loss|p&l|strateg\w*|business plans?|"
    r"(?:set|establish\w*|develop\w*|implement\w*) (?:\w+ ){0,3}?(?:policies|policy|objectives|goals|targets)|"
    r"general manager|operations manager|department head|head of|director|"
    r"(?:report\w*|accountable) (?:directly )?to (?:the )?(?:owner|owners|ceo|president|board|vice|vp|"
    r"general manager|executive|partners?)|"
    r"gestion (?:des |du |de la |de l )?(?:operations|budget|entreprise|magasin|restaurant|service|departement)|"
    r"gerer (?:le |la |les |l )?(?:budget|operations|entreprise|magasin|restaurant|service|departement)|"
    r"planifier, (?:organiser|diriger)|planifi\w* (?:et |, )?(?:dirig|organis|contr)\w*|"
    r"politiques|objectifs|rentabilite)\b"
)
_PLAN = re.compile(
    r"\b(?:plan|plans|planned|planning|design\w*|(?:creat|develop|writ|wrote|devis|cost)\w* (?:\w+ ){0,3}?"
    r"(?:menus?|recipes|dishes|systems?|procedures|controls|policies|plans?|specifications|solutions|models?|"
    r"architecture|strateg\w*)|direct\w* (?:\w+ ){0,2}?(?:cooks|kitchen|brigade|staff|work|team|crew|line|"
    r"preparation|project|projects)|audit\w*|advis\w*|consult\w*|recommend\w*|"
    r"planifi\w*|concevoir|conception|conc[ou]\w*|elabor\w*|creer (?:les |des |le )?(?:menus?|recettes|plats)|"
    r"verifi\w* (?:les |des )?etats financiers|conseill\w*)\b"
)
_ASSIST = re.compile(
    r"\b(?:assist\w*|help\w*|support\w* (?:the )?(?:nurses?|chef|cooks?|teachers?|accountants?|manager|"
    r"supervisor|tradespe\w+|electricians?|plumbers?|carpenters?|staff)|"
    r"under (?:the )?(?:direct )?(?:supervision|direction|guidance) of|as directed by|as instructed by|"
    r"report\w* (?:directly )?to (?:the )?(?:\w+ ){0,2}?(?:supervisor|chef|manager|nurse|lead|foreman|accountant|"
    r"controller|teacher|engineer|pharmacist|journeyman|journeyperson)|"
    r"aid\w+ (?:le|la|les|l) ?|sous la (?:supervision|direction|responsabilite)|relevant de)\b"
)


_ROLE = (
    r"(?:nurses?|physicians?|doctors?|police|dentists?|hygienists?|pharmacists?|chefs?|cooks?|accountants?|cpas?|"
    r"teachers?|instructors?|professors?|electricians?|plumbers?|carpenters?|welders?|mechanics?|technologists?|"
    r"engineers?|architects?|lawyers?|notar(?:y|ies)|therapists?|physiotherapists?|veterinarians?|machinists?|"
    r"millwrights?|pipefitters?|bricklayers?|roofers?|painters?|bakers?|butchers?|surveyors?|pilots?|"
    r"infirmier\w*|medecins?|dentistes?|hygienistes?|pharmacien\w*|cuisinier\w*|comptables?|enseignant\w*|"
    r"professeur\w*|electricien\w*|plombiers?|charpentier\w*|menuisier\w*|mecanicien\w*|soudeur\w*|ingenieur\w*|"
    r"architectes?|avocat\w*|notaires?|therapeutes?|veterinaires?)"
)
_ROLE_WORD = re.compile(r"^" + _ROLE + r"$")
_ROLE_QUALIFIER = frozenset(
    """senior head lead charge executive master journeyman journeyperson journeymen licensed certified qualified
    professional principal supervising chief sous project site staff resident attending""".split()
)
"""Words that make a role a senior colleague of the same occupation (a sous chef helps the *executive* chef, an
apprentice works under a *journeyperson* electrician, an RPN reports to the *charge* nurse): no evidence that the
applicant is not of that occupation."""
_HEAD_AFTER = frozenset(
    "manager managers supervisor supervisors director directors lead leader leaders coordinator in chef en "
    "gestionnaire gestionnaires superviseur superviseure coordonnateur coordonnatrice responsable".split()
)
"""Words after a role that make it the occupation's supervisor ("reports to the nurse manager")."""
_ARTICLE = r"(?:(?:the|a|an|our|their|his|her|other|le|la|les|l|un|une|des|du|de|d)\s+)?"
_UNDER = re.compile(
    r"\b(?:assist\w*|help\w*|aid\w*|seconder|second\w*)\s+" + _ARTICLE + r"((?:\w+\s+){0,2}?" + _ROLE + r")\b"
    r"|\bunder\s+" + _ARTICLE + r"(?:direct\s+|close\s+)?(?:supervision|direction|guidance|orders?|instructions?)\s+"
    r"of\s+" + _ARTICLE + r"((?:\w+\s+){0,2}?" + _ROLE + r")\b"
    r"|\bunder\s+" + _ARTICLE + r"((?:\w+\s+){0,2}?" + _ROLE + r")\s+s\s+(?:direct\s+)?(?:supervision|direction|"
    r"guidance|review|orders|instructions)\b"
    r"|\b(?:report\w*|answer\w*)\s+(?:directly\s+)?to\s+" + _ARTICLE + r"((?:\w+\s+){0,2}?" + _ROLE + r")\b"
    r"|\b(?:report|reports|reported|reporting|relay\w*|communicat\w*|escalat\w*)\s+(?:\w+\s+){1,5}?to\s+"
    + _ARTICLE
    + r"((?:\w+\s+){0,1}?"
    + _ROLE
    + r")\b"
    r"|\b(?:notify\w*|notifi\w*|alert\w*|call\w*)\s+" + _ARTICLE + r"((?:\w+\s+){0,1}?" + _ROLE + r")\b"
    r"|\b(?:signal\w*|rapport\w*|transmet\w*|communiqu\w*)\s+(?:\w+\s+){1,5}?(?:a|au|aux)\s+"
    + _ARTICLE
    + r"("
    + _ROLE
    + r"(?:\s+\w+)?)\b"
    r"|\b(?:aviser|avise|avisait|prevenir|previent|alerter)\s+" + _ARTICLE + r"(" + _ROLE + r"(?:\s+\w+)?)\b"
    r"|\b(?:as\s+)?(?:directed|instructed|prescribed|ordered)\s+by\s+"
    + _ARTICLE
    + r"((?:\w+\s+){0,2}?"
    + _ROLE
    + r")\b"
    r"|\bsous\s+(?:la\s+)?(?:supervision|direction|responsabilite|surveillance)\s+(?:de\s+|d\s+|du\s+|des\s+)"
    + _ARTICLE
    + r"("
    + _ROLE
    + r"(?:\s+\w+)?)\b"
    r"|\b(?:relevant|relever)\s+(?:de\s+|d\s+|du\s+|des\s+)" + _ARTICLE + r"(" + _ROLE + r"(?:\s+\w+)?)\b"
)


def works_under(duties: list[str]) -> str | None:
    """The occupation a letter places the applicant under: the role it assists, reports to, or works under the
    direction of ("under the direction of the RN", "assist the dentist chairside", "aider les charpentiers").

    Returns the role's words (folded), or None. A role qualified as a senior colleague of the same occupation
    (``_ROLE_QUALIFIER``) does not count: apprentices and sous chefs work under their own occupation's seniors.
    """
    for text in duties:
        folded = re.sub(r"[^a-z0-9]+", " ", fold(text))
        for m in _UNDER.finditer(folded):
            role = next(g for g in m.groups() if g)
            ws = role.split()
            after = folded[m.end() :].split()[:1]
            # "infirmière chef", "chef cuisinier": two role words are a head of the occupation; "the nurse
            # manager", "the pharmacist in charge" are its supervisors
            if (
                not _ROLE_QUALIFIER.intersection(ws)
                and sum(1 for w in ws if _ROLE_WORD.match(w)) == 1
                and not _HEAD_AFTER.intersection(after)
            ):
                return role
    return None


@dataclass(frozen=True)
class LetterLevel:
    """What a letter shows of the level of the work, with the words that show it."""

    plans: str | None
    """The phrase that shows planning, designing or directing the work (menus, systems, audits, advice)."""
    supervises: str | None
    """The phrase that shows supervision of staff (None: none found)."""
    manages: str | None
    """The phrase that shows management (planning, directing, budgets, policies)."""
    assists: str | None
    """The phrase that shows assisting or working under someone's direction."""

    def reaches(self, level: Level) -> bool:
        """Whether the letter evidences ``level`` (managing implies directing others)."""
        if level is Level.MANAGE:
            return self.manages is not None
        if level is Level.SUPERVISE:
            return self.supervises is not None or self.manages is not None
        if level is Level.PLAN:
            return self.plans is not None or self.supervises is not None or self.manages is not None
        return True


def _first(pattern: re.Pattern[str], texts: list[str]) -> str | None:
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(0)
    return None


def read_letter(duties: list[str], title: str | None = None) -> LetterLevel:
    """Read the level the letter's duties show; English and Québec French.

    The title counts only for managing ("General Manager" with duties that run the store); a
    "Supervisor" title whose duties never supervise anyone is exactly what officers refuse.
    """
    texts = [re.sub(r"[^a-z0-9&]+", " ", fold(d)) for d in duties]
    title_text = re.sub(r"[^a-z0-9&]+", " ", fold(title or ""))
    titled = [title_text, *texts] if title_text.strip() else texts
    return LetterLevel(
        plans=_first(_PLAN, texts),
        supervises=_first(_SUPERVISE, [_SUPERVISED.sub(" ", t) for t in texts]),
        manages=_first(_MANAGE, titled),
        assists=_first(_ASSIST, texts),
    )


def role_names(role: str, group: UnitGroup, groups: Iterable[UnitGroup]) -> bool:
    """Whether a role read by ``works_under`` names ``group``: the role's words are in the group's title, and no
    more skilled group (lower TEER) is named by them too. "the nurse" names registered nurses, not the licensed
    practical nurses who work under them; "the RN" (registered nurse) names registered nurses only. The
    occupation's supervisors and managers ("engineering managers", "contractors and supervisors, carpentry
    trades") are not named: the role is the occupation itself."""
    from checklist.noc.text import analyze
    from checklist.noc.vocab import fr_word

    english = [fr_word(w) or w for w in role.split() if w not in _ROLE_QUALIFIER]
    head = [fr_word(w) or w for w in role.split() if _ROLE_WORD.match(w)]
    for wanted in (set(analyze(" ".join(english))), set(analyze(" ".join(head)))):
        named = [
            g for g in groups if wanted and wanted <= set(analyze(g.title)) and required_level(g) < Level.SUPERVISE
        ]
        if named:
            return group in named and group.teer == min(g.teer for g in named)
    return False


_LEAD_SUPERVISE = re.compile(r"\b(?:supervisors?|foremen|forewomen)\b")
_LEAD_PLAN = re.compile(r"\bplan,? (?:and )?(?:organi[sz]e|direct|design|develop|coordinate)")


def required_level(group: UnitGroup) -> Level:
    """The level the group's lead statement demands.

    TEER 0 groups are managers by definition; a group named for supervisors
    (food service supervisors, retail sales supervisors, trade contractors and
    supervisors, nursing coordinators and supervisors) needs supervision; all
    whose lead statement plans and directs (or plans and designs) the work
    needs planning; all others need the work itself. (Engineers, surgeons and deck officers also
    "supervise" in their lead statements, but as a side of their own work.)
    """
    if group.teer == 0:
        return Level.MANAGE
    if _LEAD_SUPERVISE.search(fold(group.title)):
        return Level.SUPERVISE
    if any(_LEAD_PLAN.search(s) for s in fold(group.lead_statement).split(". ")):
        return Level.PLAN
    return Level.WORK


def neighbours(group: UnitGroup, other: UnitGroup) -> bool:
    """Whether the NOC links the two groups by an exclusion note (either way)
    or files them in the same broad category and the same minor digits' family."""
    if any(e.code == other.code for e in group.exclusions) or any(e.code == group.code for e in other.exclusions):
        return True
    return group.code[0] == other.code[0] and group.code[2:4] == other.code[2:4]


__all__ = ["LetterLevel", "Level", "neighbours", "read_letter", "required_level", "role_names", "works_under"]
