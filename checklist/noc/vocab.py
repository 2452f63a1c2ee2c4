"""Word lists behind ``text.py``: stop words, spelling variants, domain
expansions and a small French-to-English occupational vocabulary.

Kept as data so they can grow without touching the algorithms. Entries are
generic domain knowledge (what "Active Directory" or "line cook" means in
NOC terms), never phrases of a particular letter or benchmark item. Any
change here that alters ``text.analyze`` must bump ``ANALYZER_VERSION``.
"""

from __future__ import annotations

import re

# --- English -------------------------------------------------------------

STOPWORDS = frozenset(
    """a about above across after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    etc few for from further had has have having he her here hers him his how i if in into is it
    its itself just may me might more most must my no nor not now of off on once only or other
    others our ours out over own per same she should so some such than that the their theirs them
    then there these they this those through to too under until up upon very via was we were what
    when where which while who whom why will with within without would you your yours
    including include includes various related etc e.g i.e such as well using use uses used
    ensure ensures ensuring provide provides providing perform performs performing
    according accordance duties duty responsible responsibilities responsibility
    tasks task work works working worked job daily day days week weekly month monthly year
    yearly annual annually new existing needed need needs required require requires one two three
    four five six ten every our company company's employer employees' team's""".split()
)

FR_FUNCTION = frozenset(
    "le la les des du de et a au aux pour avec sur dans une un en par selon afin est sont leur leurs ces".split()
)
EN_FUNCTION = frozenset("the and of to for with in on by from as at is are their this that".split())

SPELLING = {
    "organise": "organize", "organised": "organized", "organising": "organizing", "organisation": "organization",
    "organisations": "organizations", "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing",
    "prioritise": "prioritize", "prioritising": "prioritizing", "optimise": "optimize", "optimising": "optimizing",
    "utilise": "utilize", "finalise": "finalize", "customise": "customize", "minimise": "minimize",
    "maximise": "maximize", "standardise": "standardize", "summarise": "summarize", "recognise": "recognize",
    "authorise": "authorize", "authorisation": "authorization", "specialise": "specialize", "sanitise": "sanitize",
    "sterilise": "sterilize", "visualise": "visualize", "categorise": "categorize", "familiarise": "familiarize",
    "centre": "center", "centres": "centers", "colour": "color", "colours": "colors", "labour": "labor",
    "labourer": "laborer", "labourers": "laborers", "licence": "license", "licences": "licenses",
    "programme": "program", "programmes": "programs", "catalogue": "catalog", "behaviour": "behavior",
    "behaviours": "behaviors", "defence": "defense", "practise": "practice", "neighbourhood": "neighborhood",
    "counsellor": "counselor", "counsellors": "counselors", "counselling": "counseling", "travelling": "traveling",
    "cancelled": "canceled", "modelling": "modeling", "fulfil": "fulfill", "enrol": "enroll", "enrolment": "enrollment",
    "tonnes": "tons", "metre": "meter", "metres": "meters", "litre": "liter", "litres": "liters", "theatre": "theater",
    "grey": "gray", "aluminium": "aluminum", "storey": "story", "mould": "mold", "moulds": "molds", "cheque": "check",
    "cheques": "checks", "favour": "favor", "honour": "honor", "harbour": "harbor", "paediatric": "pediatric",
    "orthopaedic": "orthopedic", "anaesthesia": "anesthesia", "haemodialysis": "hemodialysis",
    "children": "child", "men": "man", "women": "woman", "people": "person", "feet": "foot", "teeth": "tooth",
    "taught": "teach", "wrote": "write", "written": "write", "built": "build", "sold": "sell", "bought": "buy",
    "led": "lead", "ran": "run", "kept": "keep", "made": "make", "held": "hold", "met": "meet", "drove": "drive",
    "driven": "drive", "fed": "feed", "spoke": "speak", "took": "take", "taken": "take",
}

# Fixes after stemming: families the Snowball stemmer splits.
STEM_FIX = {
    "analysi": "analys", "analyz": "analys", "analyt": "analys", "analyst": "analys", "programm": "program",
    "administ": "administr", "mainten": "maintain", "organiz": "organ", "scient": "scienc", "carpentr": "carpent",
    "deliveri": "deliv", "bookkeep": "bookkeep", "bookkeeper": "bookkeep",
    "recept": "recept", "managerial": "manag", "technolog": "technolog", "webmast": "web",
    "websit": "web", "webpag": "web", "onlin": "internet", "financ": "financ", "financi": "financ",
    "electron": "electron", "electric": "electr", "mechanic": "mechan", "hairdress": "hair", "hairstyl": "hair",
    "barb": "hair", "repar": "repair", "diagnos": "diagnos", "diagnost": "diagnos", "diagnosi": "diagnos",
    "therapeut": "therap", "nutrit": "nutrit", "nutrition": "nutrit", "pharmaceut": "pharmac", "pharmaci": "pharmac",
    "accountant": "account", "secretari": "secretar", "secretar": "secretar", "receiv": "receiv",
    "payabl": "payabl", "sale": "sell", "cook": "cook", "cuisin": "cook", "culinari": "cook", "custodian": "janit", "janitori": "janit",
}

KEEP_SUFFIX = frozenset(
    {"assist", "resist", "exist", "persist", "insist", "consist", "physician", "christian", "canadian",
     "guardian", "librarian", "civilian", "median", "veterinarian", "dietitian", "comedian", "custodian",
     "number", "member", "center", "water", "order", "letter", "matter", "interior", "exterior", "senior",
     "junior", "major", "minor", "mirror", "error", "sector", "doctor", "tutor", "mentor", "motor"}
)

# Upper-case acronyms, expanded before folding (lower-cased "it" is a stop word).
ACRONYMS = {
    "IT": "information technology", "HR": "human resources", "QA": "quality assurance", "QC": "quality control",
    "AP": "accounts payable", "AR": "accounts receivable", "RN": "registered nurse", "RNs": "registered nurses",
    "LPN": "licensed practical nurse", "LPNs": "licensed practical nurses", "RPN": "registered practical nurse",
    "PSW": "personal support worker", "PSWs": "personal support workers", "ECE": "early childhood educator",
    "CSR": "customer service representative", "CSRs": "customer service representatives",
    "RMT": "registered massage therapist", "HVAC": "heating ventilation air conditioning",
    "CNC": "computer numerical control", "EA": "executive assistant", "PM": "project manager",
    "SEO": "search engine optimization", "UAT": "user acceptance testing", "OHS": "occupational health safety",
    "WHMIS": "workplace hazardous materials safety", "CAD": "computer-assisted design drafting",
}

TITLE_STOPWORDS = frozenset("senior junior intermediate sr jr i ii iii iv level trainee entry".split())

# --- Query expansion ------------------------------------------------------

EXPANSION_WEIGHT = 0.5

_EXPANSIONS_RAW: dict[str, str] = {
    # information technology
    "help desk": "user support technical support computer users", "helpdesk": "user support technical support",
    "service desk": "user support technical support", "tickets": "user problems support log",
    "ticket": "user problems support log", "ticketing": "problems log support", "password": "user support access",
    "passwords": "user support access", "active directory": "user accounts network", "laptops": "computer hardware",
    "laptop": "computer hardware", "desktops": "computer hardware", "printers": "computer hardware",
    "microsoft 365": "software applications", "office 365": "software applications", "outlook": "software applications",
    "vpn": "network", "servicenow": "help desk problems log", "zendesk": "help desk problems log",
    "remote session": "user support", "jira": "track defects software development", "bug": "defects errors",
    "bugs": "defects errors", "selenium": "automated testing scripts software", "cypress": "automated testing software",
    "regression": "software testing", "test cases": "testing plans", "test case": "testing plans",
    "qa": "testing quality assurance", "quality assurance": "testing", "user stories": "user requirements specifications",
    "requirements": "specifications", "sprint": "software development", "sprints": "software development",
    "agile": "software development", "scrum": "software development", "code reviews": "software code",
    "pull requests": "software code", "git": "software code", "github": "software code", "erp": "information systems business",
    "crm": "information systems business", "sap": "information systems business", "dynamics 365": "information systems",
    "salesforce": "information systems", "api": "software code application interfaces",
    "apis": "software code application interfaces", "rest": "software application interfaces",
    "microservices": "software applications", "backend": "software code", "back end": "software code",
    "python": "programming code software", "java": "programming code software",
    "javascript": "programming code web", "typescript": "programming code", "c#": "programming code software",
    "c++": "programming code software", "kotlin": "mobile applications code", "swift": "mobile applications code",
    "ios": "mobile applications", "android": "mobile applications", "sql": "database data",
    "react": "web application code interface", "angular": "web application code", "vue": "web application code",
    "html": "web site code", "css": "web site code", "frontend": "web interface", "front end": "web interface",
    "wordpress": "web site", "shopify": "web site e-commerce", "websites": "web site", "website": "web site",
    "aws": "cloud computing systems", "azure": "cloud computing systems", "kubernetes": "cloud systems software",
    "docker": "software systems", "terraform": "cloud infrastructure", "devops": "software deployment systems",
    "ci cd": "software deployment", "database": "data", "databases": "data", "tableau": "data analysis reports",
    "power bi": "data analysis reports", "dashboards": "data reports", "machine learning": "data models statistical",
    "firewalls": "network security", "firewall": "network security", "routers": "network hardware",
    "switches": "network hardware", "lan": "network", "wan": "network", "servers": "computer network systems",
    "cybersecurity": "information security", "figma": "user interface design", "wireframes": "interface design",
    "ux": "user interface design", "ui": "user interface", "photoshop": "graphic design",
    "illustrator": "graphic design", "indesign": "graphic design layout", "adobe": "graphic design",
    "coding": "program code", "enter": "input data entry", "entered": "input data", "entering": "input data entry",
    "hplc": "chemical analysis laboratory", "chromatography": "chemical analysis laboratory",
    "gc": "chemical analysis", "titration": "chemical analysis", "assays": "laboratory analysis tests",
    "sops": "procedures", "cameras": "surveillance", "cctv": "surveillance cameras", "patrol": "guard premises",
    "territory": "sales customers", "quotes": "prices estimates", "debug": "correct code", "debugging": "correct code",
    # finance and office
    "quickbooks": "bookkeeping accounting records", "sage": "bookkeeping accounting", "xero": "bookkeeping accounting",
    "accounts payable": "invoices bookkeeping", "bank reconciliations": "reconcile accounts bookkeeping",
    "reconcile": "bookkeeping accounts", "month end": "financial statements", "year end": "financial statements",
    "gst": "tax remittances", "hst": "tax remittances", "cra": "tax government", "t4s": "payroll tax", "t4": "payroll tax",
    "remittances": "payroll tax", "ifrs": "accounting standards financial statements",
    "aspe": "accounting standards financial statements", "gaap": "accounting standards", "cpa": "accountant",
    "excel": "spreadsheet", "spreadsheets": "spreadsheet", "calendar": "schedule appointments",
    "calendars": "schedule appointments", "phone calls": "telephone", "phones": "telephone", "emails": "correspondence",
    "email": "correspondence", "filing": "files records", "data entry": "enter data",
    # health
    "vitals": "patient health assess monitor", "vital signs": "patient health assess monitor",
    "blood pressure": "patient health monitor", "meds": "medication", "charting": "patient records",
    "ehr": "patient health records", "emr": "patient health records", "iv": "intravenous", "ivs": "intravenous",
    "psw": "personal support worker", "bathing": "personal care", "toileting": "personal care",
    "long term care": "nursing home residents", "wound care": "treatment", "care plans": "care plan nursing",
    # trades
    "framing": "carpentry frame", "drywall": "interior walls", "formwork": "concrete forms", "blueprints": "drawings",
    "wiring": "electrical wiring", "conduit": "electrical", "breakers": "electrical", "panels": "electrical",
    "hvac": "heating ventilation air conditioning", "furnaces": "heating", "heat pumps": "heating",
    "mig": "weld", "tig": "weld", "oil changes": "motor vehicle", "brakes": "motor vehicle repair",
    "faucets": "plumbing fixtures", "excavator": "heavy equipment", "backhoe": "heavy equipment",
    "bulldozer": "heavy equipment", "class 1": "truck", "class a": "truck", "long haul": "truck transport",
    "power saws": "carpentry tools", "nail guns": "carpentry tools",
    # food and hospitality
    "line cook": "cook", "line cooks": "cooks", "prep": "food preparation", "mise en place": "food preparation",
    "brigade": "kitchen staff", "barista": "coffee beverage", "espresso": "coffee beverage", "lattes": "coffee beverage",
    "front of house": "dining room service", "bussers": "food service", "dishes": "kitchen", "haccp": "food safety",
    "foodsafe": "food safety", "plating": "food presentation", "sous chefs": "cooks kitchen", "pass": "kitchen",
    # retail and service
    "pos": "cash register payments", "point of sale": "cash register payments", "till": "cash register",
    "restock": "stock shelves merchandise", "restocking": "stock shelves merchandise", "planogram": "merchandise display",
    "merchandising": "merchandise display", "upsell": "sales", "checkout": "cash register",
    # care and education
    "ece": "early childhood educator", "daycare": "child care", "toddlers": "child", "preschoolers": "child",
    "infants": "child", "kids": "child", "lesson plans": "lessons instruction", "iep": "special needs students",
    # management and general verbs
    "kpis": "performance objectives", "kpi": "performance objectives", "p l": "budget financial",
    "hiring": "recruit hire staff", "onboarding": "orientation training new staff", "direct reports": "staff supervise",
    "oversee": "supervise direct", "lead": "supervise direct", "fix": "repair resolve", "fixes": "repair resolve",
    "set up": "install configure", "walk": "assist", "escalate": "refer", "liaise": "coordinate communicate",
    "greet": "welcome customers", "ring up": "cash register", "keep track": "record monitor", "track": "monitor record",
    "look after": "care", "handle": "process", "vendors": "suppliers", "vendor": "suppliers",
    # property and real estate
    "yardi": "property management records", "appfolio": "property management", "tenants": "tenants rental",
    "arrears": "rent collect", "move in": "inspect rental", "move out": "inspect rental", "showings": "rental property",
    # engineering and design
    "autocad": "drafting design drawings", "civil 3d": "design drawings", "revit": "design drawings",
    "solidworks": "design drawings mechanical", "microstation": "drafting drawings", "stormwater": "storm water drainage",
    "subdivisions": "residential land development", "tender": "contract bids", "shop drawings": "construction drawings",
    "rfis": "construction contractors", "gis": "geographic information mapping", "arcgis": "geographic information mapping",
}

EXPANSION_MAX = 4
EXPANSIONS: dict[tuple[str, ...], str] = {}


def _split(key: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+(?:[+#]+)?", key.lower().replace("-", " ").replace("/", " ")))


for _k, _v in _EXPANSIONS_RAW.items():
    EXPANSIONS[_split(_k)] = _v

# --- French -----------------------------------------------------------------

FR_STOPWORDS = frozenset(
    """le la les l un une des du de d et ou a au aux en dans sur sous pour par avec sans selon afin que qui
    quoi dont ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes se s y ne pas
    plus tout tous toute toutes chaque autre autres entre lors lorsque ainsi comme aussi tres etc est sont
    ete etre avoir ont a fait faire peut peuvent doit doivent nouveau nouveaux nouvelle nouvelles nouvel
    je il elle ils elles nous vous on qu jusqu afin notamment egalement""".split()
)

FR_PHRASE_MAX = 4
_FR_PHRASES_RAW: dict[str, str] = {
    "plans et devis": "drawings and specifications", "appel d offres": "tender contract bids",
    "appels d offres": "tender contract bids", "eaux pluviales": "storm water drainage",
    "eau pluviale": "storm water drainage", "service a la clientele": "customer service",
    "services publics": "utilities", "arpenteurs geometres": "surveyors", "arpenteur geometre": "surveyor",
    "mise en service": "commissioning", "mise en place": "set up", "etats financiers": "financial statements",
    "tenue de livres": "bookkeeping", "comptes fournisseurs": "accounts payable", "comptes clients": "accounts receivable",
    "ressources humaines": "human resources", "chantiers de construction": "construction sites",
    "gestion de projet": "project management", "bon de commande": "purchase order", "bons de commande": "purchase orders",
    "soutien technique": "technical support", "soutien informatique": "computer user support",
    "mot de passe": "password", "mots de passe": "passwords", "base de donnees": "database",
    "bases de donnees": "databases", "genie civil": "civil engineering", "etudes de faisabilite": "feasibility studies",
    "chef d equipe": "supervisor", "hors d oeuvre": "appetizers", "salle a manger": "dining room",
    "caisse enregistreuse": "cash register", "point de vente": "point of sale", "prise de sang": "blood sample",
    "signes vitaux": "vital signs", "a aide": "", "au moyen": "", "en fonction": "", "en cours": "ongoing",
    "pluviaux": "storm water", "pluviales": "storm water", "plan de soins": "care plan", "plans de soins": "care plans",
}
FR_PHRASES: dict[tuple[str, ...], str] = {tuple(k.split()): v for k, v in _FR_PHRASES_RAW.items()}

FR_WORDS: dict[str, str] = {
    # verbs (infinitive)
    "concevoir": "design", "calculer": "calculate", "preparer": "prepare", "inspecter": "inspect",
    "verifier": "verify check", "coordonner": "coordinate", "rediger": "write", "gerer": "manage",
    "superviser": "supervise", "former": "train", "planifier": "plan", "organiser": "organize",
    "diriger": "direct", "controler": "control", "evaluer": "evaluate", "analyser": "analyze", "elaborer": "develop",
    "developper": "develop", "mettre": "put", "assurer": "ensure", "effectuer": "perform", "realiser": "carry out",
    "participer": "participate", "collaborer": "collaborate", "conseiller": "advise", "recommander": "recommend",
    "examiner": "examine review", "reviser": "review", "approuver": "approve", "estimer": "estimate",
    "repondre": "respond answer", "accueillir": "greet welcome", "servir": "serve", "vendre": "sell",
    "acheter": "purchase buy", "commander": "order", "negocier": "negotiate", "embaucher": "hire",
    "recruter": "recruit", "encadrer": "supervise", "installer": "install", "configurer": "configure",
    "reparer": "repair", "entretenir": "maintain", "tester": "test", "programmer": "program", "coder": "code",
    "documenter": "document", "resoudre": "resolve solve", "diagnostiquer": "diagnose", "surveiller": "monitor",
    "suivre": "follow monitor", "tenir": "keep maintain", "mesurer": "measure", "cuisiner": "cook",
    "nettoyer": "clean", "livrer": "deliver", "conduire": "drive", "soigner": "treat care", "administrer": "administer",
    "enseigner": "teach", "obtenir": "obtain", "presenter": "present", "creer": "create", "construire": "build construct",
    "assembler": "assemble", "poser": "install", "couper": "cut", "souder": "weld", "peindre": "paint",
    "recueillir": "collect", "collecter": "collect", "etablir": "establish", "fixer": "set", "definir": "define",
    "identifier": "identify", "determiner": "determine", "produire": "produce", "traiter": "process",
    "facturer": "invoice bill", "enregistrer": "record", "consigner": "record", "saisir": "enter",
    "communiquer": "communicate", "informer": "inform", "expliquer": "explain", "accompagner": "assist",
    "aider": "help assist", "appuyer": "support", "soutenir": "support", "respecter": "comply follow",
    "appliquer": "apply enforce", "reduire": "reduce", "ameliorer": "improve", "optimiser": "optimize",
    "dessiner": "draw design", "modeliser": "model", "simuler": "simulate",
    "rencontrer": "meet", "visiter": "visit", "charger": "load", "decharger": "unload", "emballer": "pack",
    "ranger": "store arrange", "etiqueter": "label", "accorder": "grant", "payer": "pay", "rembourser": "reimburse",
    "budgeter": "budget", "auditer": "audit", "recevoir": "receive", "transmettre": "send", "distribuer": "distribute",
    "fournir": "provide supply", "offrir": "offer", "proposer": "propose", "soumettre": "submit",
    # nouns
    "travaux": "work construction", "travail": "work", "chantier": "construction site", "chantiers": "construction sites",
    "plans": "drawings plans", "plan": "plan drawing", "devis": "specifications estimates", "egouts": "sewers",
    "egout": "sewer", "conduites": "pipes", "conduite": "pipe", "diametre": "diameter", "ruissellement": "runoff",
    "voirie": "roads", "routes": "roads", "route": "road", "trottoirs": "sidewalks", "trottoir": "sidewalk",
    "quartiers": "neighborhoods", "quartier": "neighborhood", "estimations": "estimates", "estimation": "estimate",
    "quantites": "quantities", "quantite": "quantity", "conformite": "compliance", "approuves": "approved",
    "approbations": "approvals", "approbation": "approval", "ville": "city municipal", "municipalites": "municipalities",
    "municipalite": "municipality", "rapports": "reports", "rapport": "report", "conception": "design",
    "clients": "clients", "client": "client", "clientele": "customers", "fournisseurs": "suppliers",
    "fournisseur": "supplier", "entrepreneurs": "contractors", "entrepreneur": "contractor", "ingenieur": "engineer",
    "ingenieure": "engineer", "ingenieurs": "engineers", "ingenierie": "engineering", "genie": "engineering",
    "civil": "civil", "civile": "civil", "batiments": "buildings", "batiment": "building", "structures": "structures",
    "ponts": "bridges", "pont": "bridge", "beton": "concrete", "acier": "steel", "bois": "wood lumber",
    "systemes": "systems", "systeme": "system", "logiciels": "software", "logiciel": "software",
    "informatique": "computer", "informatiques": "computer", "ordinateurs": "computers", "ordinateur": "computer",
    "reseau": "network", "reseaux": "networks", "utilisateurs": "users", "utilisateur": "user", "donnees": "data",
    "employes": "employees", "employe": "employee", "personnel": "staff", "equipe": "team", "equipes": "teams",
    "gestion": "management", "budget": "budget", "budgets": "budgets", "couts": "costs", "cout": "cost",
    "ventes": "sales", "vente": "sale", "commandes": "orders", "commande": "order", "stocks": "inventory stock",
    "inventaire": "inventory", "marchandises": "merchandise", "produits": "products", "produit": "product",
    "comptabilite": "accounting", "comptable": "accountant", "factures": "invoices", "facture": "invoice",
    "paie": "payroll", "salaires": "wages", "impots": "taxes", "taxes": "taxes", "banque": "bank",
    "patients": "patients", "patient": "patient", "soins": "care", "medicaments": "medication",
    "infirmiere": "nurse", "infirmier": "nurse", "sante": "health", "residents": "residents",
    "cuisine": "kitchen cooking", "repas": "meals", "menus": "menus", "menu": "menu", "aliments": "food",
    "nourriture": "food", "recettes": "recipes", "plats": "dishes", "salubrite": "sanitation", "hygiene": "hygiene",
    "restaurant": "restaurant", "enfants": "child", "enfant": "child", "eleves": "students", "etudiants": "students",
    "cours": "courses lessons", "securite": "safety security", "normes": "standards", "reglements": "regulations",
    "lois": "laws", "contrats": "contracts", "contrat": "contract", "baux": "leases", "bail": "lease",
    "locataires": "tenants", "locataire": "tenant", "loyers": "rents", "loyer": "rent", "immeubles": "buildings",
    "proprietaires": "owners", "reparations": "repairs", "entretien": "maintenance", "outils": "tools",
    "machines": "machines", "equipements": "equipment", "equipement": "equipment", "materiaux": "materials",
    "vehicules": "vehicles", "vehicule": "vehicle", "camions": "trucks", "livraisons": "deliveries",
    "marchandise": "merchandise", "caisse": "cash register", "magasin": "store", "courriels": "email",
    "courriel": "email", "telephone": "telephone", "appels": "calls", "dossiers": "files records",
    "documents": "documents", "formulaires": "forms", "reunions": "meetings", "rendez": "appointments",
    "horaires": "schedules", "horaire": "schedule", "calendrier": "schedule", "projets": "projects",
    "projet": "project", "etudes": "studies", "analyses": "analyses", "essais": "tests", "tests": "tests",
    "defauts": "defects", "anomalies": "defects", "besoins": "needs requirements", "exigences": "requirements",
    "processus": "processes", "procedures": "procedures", "politiques": "policies", "strategies": "strategies",
    "publicite": "advertising", "marketing": "marketing", "nouveaux": "new", "demandes": "requests",
    "plaintes": "complaints", "problemes": "problems", "probleme": "problem", "solutions": "solutions",
    "precipitations": "precipitation", "hydrauliques": "hydraulic", "hydraulique": "hydraulic",
    "geotechniques": "geotechnical", "topographiques": "survey", "releves": "surveys",
}

EN_PASSTHROUGH = frozenset("autocad civil 3d sql python java excel sap jira revit gis".split())

_COGNATES = (
    ("tions", "tions"), ("tion", "tion"), ("iques", "ic"), ("ique", "ic"), ("istes", "ist"), ("iste", "ist"),
    ("ites", "ity"), ("ite", "ity"), ("aires", "ary"), ("aire", "ary"), ("eurs", "or"), ("eur", "or"),
    ("ifs", "ive"), ("if", "ive"), ("ives", "ive"), ("ive", "ive"),
)


def fr_word(word: str) -> str | None:
    """English for one folded French word: dictionary, simple inflection, then
    regular cognate endings ("conformite" -> "conformity"). None if unknown."""
    for cand in _fr_candidates(word):
        if cand in FR_WORDS:
            return FR_WORDS[cand]
    for fr_end, en_end in _COGNATES:
        if word.endswith(fr_end) and len(word) > len(fr_end) + 3:
            return word[: -len(fr_end)] + en_end
    return None


def _fr_candidates(word: str) -> list[str]:
    """The word, its singular and masculine forms, and the infinitive of
    common conjugated or participle forms ("prepare" -> "preparer")."""
    cands = [word]
    if word.endswith(("s", "x")):
        cands.append(word[:-1])
    if word.endswith("es"):
        cands.append(word[:-2])
    if word.endswith("e"):
        cands += [word + "r", word[:-1] + "er", word[:-1]]
    if word.endswith("ent"):
        cands.append(word[:-3] + "er")
    if word.endswith("ant"):
        cands.append(word[:-3] + "er")
    if word.endswith("ees"):
        cands.append(word[:-3] + "er")
    if word.endswith(("it", "is")):
        cands += [word[:-1] + "re", word + "r", word[:-1] + "r"]
    return cands
