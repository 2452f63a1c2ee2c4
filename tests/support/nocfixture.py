"""A small NOC 2021 data set in the official file formats, written by the project for its tests.

Thirty-odd unit groups: the codes the samples and the tests claim, and a few
neighbours so that search and duty matching have something to rank. The
titles are the classification's; lead statements, duties and most example
titles are written here (plausible, not copied), so the suite runs on a
fresh clone without the real files. Tests that need the real data (all 516
groups, rankings over them, the samples' golden results) use
``tests.support.noc.REAL_NOC_DIR`` and skip without it.

``python -m tests.support.nocfixture`` rewrites ``tests/fixtures/noc2021``;
``tests/noc/test_fixture.py`` fails when the committed files are stale.

Formats, as the official downloads: UTF-8 with a BOM; the structure CSV,
the OaSIS 2023 v1.0 CSVs (one row per profile ``NNNNN.NN``) and the NOC
2016 -> 2021 concordance; example titles with CRLF line endings, the rest LF.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "noc2021"
STRUCTURE = "noc_2021_version_1.0_-_classification_structure.csv"
CONCORDANCE = "noc2016v1_3-noc2021v1_0-eng.csv"
OASIS = "oasis_2023_v1.0"


@dataclass
class Group:
    code: str
    title: str
    lead: str
    duties: list[str]
    examples: list[str]
    index: list[str] = field(default_factory=list)
    # further OaSIS profiles of the group: (label, duties, example titles)
    profiles: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    exclusions: list[tuple[str, str]] = field(default_factory=list)  # (excluded profile code, job title or "")


PARENTS = {
    "0": "Legislative and senior management occupations",
    "00": "Legislative and senior managers",
    "000": "Legislative and senior managers",
    "0001": "Legislative and senior managers",
    "1": "Business, finance and administration occupations",
    "10": "Specialized middle management occupations in administrative services, financial and business services",
    "100": "Specialized middle management occupations in administrative services, financial and business services",
    "1001": "Administrative services managers",
    "11": "Professional occupations in finance and business",
    "111": "Professional occupations in finance",
    "1110": "Auditors, accountants and investment professionals",
    "12": "Administrative and financial supervisors and specialized administrative occupations",
    "121": "Specialized administrative occupations",
    "1210": "Administrative and regulatory occupations",
    "122": "Accounting, insurance and related business administrative occupations",
    "1220": "Accounting, insurance and related business administrative occupations",
    "13": "Administrative occupations and transportation logistics occupations",
    "131": "Administrative occupations",
    "1310": "Administrative, property and payroll officers",
    "1311": "Office administrative assistants - general, legal and medical",
    "132": "Transportation and production logistics coordinators and customs brokers",
    "1320": "Transportation and production logistics coordinators and customs brokers",
    "14": "Administrative and financial support and supply chain logistics occupations",
    "141": "Office, court, and data support occupations",
    "1410": "Office support and court services occupations",
    "2": "Natural and applied sciences and related occupations",
    "21": "Professional occupations in natural and applied sciences",
    "212": "Professional occupations in applied sciences (except engineering)",
    "2121": "Mathematicians, statisticians, actuaries and data scientists",
    "2122": "Computer and information systems professionals",
    "2123": "Computer, software and Web designers and developers",
    "213": "Professional occupations in engineering",
    "2130": "Civil and mechanical engineers",
    "22": "Technical occupations related to natural and applied sciences",
    "222": "Technical occupations related to applied sciences (except engineering)",
    "2222": "Technical occupations in computer and information systems",
    "223": "Technical occupations related to engineering",
    "2230": "Technical occupations in civil, mechanical and industrial engineering",
    "3": "Health occupations",
    "31": "Professional occupations in health",
    "311": "Health treating and consultation services professionals",
    "3110": "Physicians and veterinarians",
    "313": "Nursing and allied health professionals",
    "3130": "Nursing and allied health professionals",
    "5": "Occupations in art, culture, recreation and sport",
    "52": "Technical occupations in art, culture and sport",
    "521": "Technical occupations in art and culture",
    "5212": "Graphic and interior designers",
    "6": "Sales and service occupations",
    "60": "Middle management occupations in retail and wholesale trade and customer services",
    "600": "Middle management occupations in retail and wholesale trade and customer services",
    "6003": "Managers in food service and accommodation",
    "62": "Retail sales and service supervisors and specialized occupations in sales and services",
    "620": "Retail sales and service supervisors",
    "6201": "Retail sales supervisors",
    "6202": "Service supervisors",
    "622": "Specialized services occupations",
    "6220": "Specialized occupations in services",
    "63": "Occupations in sales and services",
    "632": "Occupations in services",
    "6320": "Cooks, butchers and bakers",
    "64": "Sales and service representatives and other customer and personal services occupations",
    "641": "Retail salespersons and non-technical wholesale trade sales and account representatives",
    "6410": "Retail salespersons and non-technical wholesale trade sales and account representatives",
    "644": "Customer and information services representatives",
    "6440": "Customer and information services representatives",
    "65": "Sales and service support occupations",
    "651": "Sales support occupations",
    "6510": "Cashiers and other sales support occupations",
    "652": "Support occupations in food, accommodation and tourism",
    "6520": "Food support occupations",
    "7": "Trades, transport and equipment operators and related occupations",
    "72": "Technical trades and transportation officers and controllers",
    "721": "Technical industrial trades",
    "7210": "Machining, metal forming, shaping and erecting trades",
    "724": "Technical maintenance trades",
    "7241": "Automotive service technicians",
}

GROUPS = [
    Group(
        "00010",
        "Legislators",
        "Legislators take part in the work of an elected federal, provincial, territorial or local legislative body, "
        "band council or school board as its members.",
        [
            "Propose, debate and vote on laws and by-laws",
            "Take part in committees that review government programs",
            "Represent the concerns of the people of their riding or ward",
            "Meet constituents and community groups",
        ],
        ["city councillor", "member of Parliament (MP)", "school board trustee"],
        ["band council chief"],
    ),
    Group(
        "10010",
        "Financial managers",
        "Financial managers plan, organize and control the work of departments that look after an organization's "
        "financial planning, accounting and reporting. They work in companies and in government.",
        [
            "Plan and direct the preparation of budgets and financial statements",
            "Set the accounting policies and internal controls of the organization",
            "Supervise the accountants and clerks who keep the books",
            "Advise senior managers on investments, financing and cash flow",
        ],
        ["controller - financial services", "director of finance", "treasurer"],
        exclusions=[("11100.00", "")],
    ),
    Group(
        "11100",
        "Financial auditors and accountants",
        "Financial auditors examine the accounting records of organizations and individuals to confirm that they are "
        "accurate and follow the rules. Accountants plan and run accounting, audit and tax systems and prepare "
        "financial statements. They work in accounting firms, in companies and in government, or on their own.",
        [
            "Examine ledgers, reconciliations and supporting documents during audit and review engagements",
            "Prepare financial statements, working papers and reports for management and clients",
            "Prepare corporate and personal income tax returns and advise on tax planning",
            "Set up and maintain accounting systems, charts of accounts and closing procedures",
            "Assess internal controls and recommend improvements to management",
            "Analyze financial results and explain them to clients or managers",
        ],
        ["accountant", "chartered professional accountant (CPA)", "financial auditor", "staff accountant"],
        ["senior accountant", "public accountant"],
        exclusions=[("10010.00", "controller")],
    ),
    Group(
        "11101",
        "Financial and investment analysts",
        "Financial and investment analysts gather and analyze financial information to advise on investments, "
        "financing and the financial performance of organizations. They work for banks, investment firms, "
        "insurers and companies.",
        [
            "Build financial models and forecasts of revenue, costs and cash flow",
            "Analyze financial statements and market data to assess companies and investments",
            "Prepare reports and presentations with recommendations for managers or clients",
            "Monitor the performance of budgets, portfolios and business units against targets",
            "Evaluate the financial risk and return of proposed projects",
        ],
        ["financial analyst", "investment analyst", "budget analyst"],
        ["portfolio analyst"],
    ),
    Group(
        "12102",
        "Procurement and purchasing agents and officers",
        "Procurement and purchasing agents and officers buy the equipment, materials, supplies and services an "
        "organization needs. They work in companies and in government.",
        [
            "Review purchase requisitions and find suppliers",
            "Ask suppliers for quotations and compare bids",
            "Negotiate prices and terms of purchase contracts",
            "Follow up deliveries and solve problems with suppliers",
        ],
        ["purchasing agent", "procurement officer", "buyer - industrial supplies"],
    ),
    Group(
        "12200",
        "Accounting technicians and bookkeepers",
        "Accounting technicians and bookkeepers keep complete sets of books and financial records for businesses "
        "and other organizations. They work in accounting firms and in offices of all kinds, or on their own.",
        [
            "Keep the general ledger and record journal entries for sales, purchases and payments",
            "Reconcile bank and credit card accounts and prepare the trial balance",
            "Prepare payroll, source deductions and remittances",
            "Prepare sales tax returns and other government forms",
            "Prepare monthly financial statements and reports for managers or clients",
            "Calculate and pay the accounts payable and follow up the accounts receivable",
        ],
        ["bookkeeper", "accounting technician", "full-charge bookkeeper"],
        ["technicien comptable", "teneur de livres"],
    ),
    Group(
        "13102",
        "Payroll administrators",
        "Payroll administrators gather and check the hours and pay information of employees, run the payroll and "
        "keep the pay and benefit records. They work in payroll departments and firms.",
        [
            "Collect and check timesheets, overtime and leave records",
            "Run the payroll and correct errors before pay is released",
            "Calculate vacation pay, bonuses, deductions and final pays",
            "Enrol employees in benefit plans and report changes to the insurer",
            "Prepare T4 slips, Records of Employment and remittance reports",
            "Answer employees' questions about their pay and deductions",
        ],
        ["payroll administrator", "payroll clerk", "payroll officer"],
    ),
    Group(
        "13110",
        "Administrative assistants",
        "Administrative assistants manage the office work of managers and professionals: correspondence, "
        "schedules, files and meetings. They work in offices of every kind.",
        [
            "Schedule appointments and meetings and keep calendars",
            "Prepare letters, reports and presentations",
            "Answer telephone and email enquiries",
            "Keep filing systems and order office supplies",
        ],
        ["administrative assistant", "executive assistant", "office administrator"],
    ),
    Group(
        "13201",
        "Production and transportation logistics coordinators",
        "Production and transportation logistics coordinators plan and coordinate the movement of goods and the "
        "schedules of production, shipping and receiving. They work for manufacturers, distributors, carriers "
        "and warehouses.",
        [
            "Book carriers for inbound and outbound shipments and confirm pickup and delivery times",
            "Track shipments and tell customers and the warehouse about delays",
            "Schedule docks, crews and equipment for shipping and receiving",
            "Prepare bills of lading, customs forms and other shipping documents",
            "Monitor stock levels of materials and reorder supplies",
            "Report on delivery performance, freight costs and carriers",
        ],
        ["logistics coordinator", "dispatcher - logistics", "production coordinator", "freight coordinator"],
    ),
    Group(
        "14100",
        "General office support workers",
        "General office support workers prepare correspondence, keep records and do other clerical work in offices.",
        [
            "Type and proofread letters and documents",
            "Sort and distribute mail",
            "Keep files and records up to date",
            "Answer the telephone and greet visitors",
        ],
        ["office clerk", "general office worker", "records clerk"],
    ),
    Group(
        "14101",
        "Receptionists",
        "Receptionists greet visitors, answer telephone calls and chats and direct them to the right person.",
        [
            "Answer telephone calls and chats and take messages",
            "Greet visitors and staff at the front desk",
            "Book meeting rooms and keep the visitors' log",
            "Walk visitors through sign-in and safety rules",
        ],
        ["receptionist", "front desk clerk", "switchboard operator"],
    ),
    Group(
        "21211",
        "Data scientists",
        "Data scientists build models and tools that extract knowledge from large data sets, using statistics, "
        "machine learning and programming. They work in companies, research centres and government.",
        [
            "Collect, clean and combine data from many sources",
            "Build and test statistical and machine learning models",
            "Write programs and data pipelines to put models into production",
            "Present findings and their limits to managers and clients",
        ],
        ["data scientist", "machine learning scientist"],
    ),
    Group(
        "21220",
        "Cybersecurity specialists",
        "Cybersecurity specialists protect an organization's networks, systems and accounts from attacks and "
        "misuse. They work in IT departments, security firms and government.",
        [
            "Monitor networks and systems for security incidents and respond to them",
            "Manage user accounts, passwords and access rights in the directory",
            "Install and update security software on servers, laptops and phones",
            "Log incidents and report them to managers",
            "Train staff on safe use of email and the VPN",
        ],
        ["cybersecurity analyst", "information security specialist"],
    ),
    Group(
        "21221",
        "Business systems specialists",
        "Business systems specialists study how an organization works and recommend information systems that "
        "improve its processes.",
        [
            "Interview managers and staff about their business processes",
            "Recommend software and process changes",
            "Write business requirements and test plans",
            "Train users on new systems",
        ],
        ["business systems analyst", "business analyst - information technology"],
    ),
    Group(
        "21223",
        "Database analysts and data administrators",
        "Database analysts design and manage databases; data administrators set the rules for an organization's data.",
        [
            "Design and build databases and their reports",
            "Back up databases and restore them after failures",
            "Manage database accounts and access",
            "Tune the performance of queries",
        ],
        ["database analyst", "database administrator (DBA)", "data administrator"],
    ),
    Group(
        "21222",
        "Information systems specialists",
        "Information systems specialists analyze an organization's information needs and design, set up and run "
        "the systems that meet them. They work in information technology units and consulting firms.",
        [
            "Meet users to define their requirements and document business processes",
            "Configure and customize enterprise systems such as ERP and CRM software",
            "Plan system changes, test them and train users",
            "Evaluate the performance and security of information systems and recommend improvements",
            "Write specifications for developers and coordinate their work",
        ],
        ["information systems analyst", "ERP analyst", "systems analyst", "IT consultant"],
    ),
    Group(
        "21230",
        "Computer systems developers and programmers",
        "Computer systems developers and programmers write, test and maintain the code of operating systems, "
        "embedded systems and the software that runs computer hardware and networks.",
        [
            "Write and test code for operating systems, firmware and device drivers",
            "Maintain and debug systems software",
            "Document the programs they write",
        ],
        ["systems programmer", "embedded software developer", "firmware developer"],
    ),
    Group(
        "21231",
        "Software engineers and designers",
        "Software engineers and designers research, design and evaluate software architectures and the systems "
        "built on them. They work in software companies, consulting firms and IT departments.",
        [
            "Research and design the architecture of software systems",
            "Evaluate software requirements and technologies and choose among them",
            "Lead teams of developers through the design and testing of systems",
            "Assess the performance, security and reliability of software systems",
        ],
        ["software engineer", "software architect", "software design engineer"],
    ),
    Group(
        "21232",
        "Software developers and programmers",
        "Software developers and programmers design, write, test and maintain computer software and applications "
        "following specifications. They work in software companies, in IT departments and for consulting firms.",
        [
            "Write, modify, integrate and test the code of software applications",
            "Design software modules and plan the changes with users and product teams",
            "Find and fix defects reported by users and testers",
            "Write automated tests and review the code of other developers",
            "Analyze the impact of changes on the systems that depend on them",
            "Keep technical documentation up to date",
            "May lead and coordinate the work of other programmers",
        ],
        ["software developer", "programmer analyst", "application programmer", "computer programmer"],
        ["junior software developer", "back-end developer", "full stack developer"],
    ),
    Group(
        "21233",
        "Web designers",
        "Web designers plan and create the look, layout and navigation of websites and web applications.",
        [
            "Meet clients to define the purpose and audience of a website",
            "Design page layouts, graphics and navigation",
            "Build prototypes and test them with users",
        ],
        ["web designer", "user experience (UX) designer"],
    ),
    Group(
        "21234",
        "Web developers and programmers",
        "Web developers and programmers build and maintain websites and web applications and their back ends.",
        [
            "Write the code of websites and web applications",
            "Integrate websites with databases and services",
            "Test and fix web pages across browsers and devices",
        ],
        ["web developer", "front-end developer", "web programmer"],
    ),
    Group(
        "21300",
        "Civil engineers",
        "Civil engineers plan, design and supervise the building and repair of roads, bridges, water systems and "
        "other structures. They work for engineering firms, builders and governments.",
        [
            "Design roads, bridges, pipelines and water and sewer systems",
            "Prepare plans, specifications and cost estimates for construction projects",
            "Supervise construction sites and inspect the work",
            "Carry out technical studies of soils, traffic and environmental effects",
        ],
        ["civil engineer", "structural engineer", "municipal engineer"],
        ["ingénieure civile", "ingénieur civil"],
    ),
    Group(
        "22220",
        "Computer network and web technicians",
        "Computer network technicians set up, run and repair local and wide area networks, servers and the "
        "computers and phones on them.",
        [
            "Set up computers, laptops, printers and phones on the network for new staff",
            "Create user accounts and reset passwords in the network directory",
            "Troubleshoot network, email and VPN problems reported by users",
            "Log incidents and changes in the ticketing system",
            "Back up servers and apply updates",
        ],
        ["network technician", "computer network administrator", "LAN technician"],
    ),
    Group(
        "22221",
        "User support technicians",
        "User support technicians help the users of computer hardware and software by answering their questions "
        "and solving their problems, in person, by telephone or remotely.",
        [
            "Answer users' calls and tickets about computer problems",
            "Install and configure computers, printers and software for users",
            "Reset passwords and manage user accounts",
            "Record problems and their solutions in the help desk system",
        ],
        ["help desk technician", "IT support technician", "technical support analyst"],
    ),
    Group(
        "22300",
        "Civil engineering technologists and technicians",
        "Civil engineering technologists and technicians support civil engineers with drawings, surveys, tests and "
        "site inspections.",
        [
            "Prepare drawings and plans with design software",
            "Test soils and construction materials",
            "Inspect construction work for quality and safety",
        ],
        ["civil engineering technician", "construction technologist"],
    ),
    Group(
        "31100",
        "Specialists in clinical and laboratory medicine",
        "Specialists in clinical and laboratory medicine diagnose and treat diseases in a field of medicine, in "
        "hospitals and clinics.",
        [
            "Examine patients and order diagnostic tests",
            "Diagnose and treat diseases in their specialty",
            "Consult with other physicians",
        ],
        ["cardiologist", "pathologist", "dermatologist"],
        profiles=[("Specialists in laboratory medicine", [], ["laboratory physician"])],
    ),
    Group(
        "31301",
        "Registered nurses and registered psychiatric nurses",
        "Registered nurses and registered psychiatric nurses give direct nursing care to patients, teach health and "
        "coordinate care. They work in hospitals, clinics, long-term care homes and the community.",
        [
            "Assess patients and plan, give and evaluate nursing care",
            "Give medication and treatments as prescribed",
            "Monitor patients and report changes to physicians",
            "Teach patients and families about health and recovery",
        ],
        ["registered nurse (RN)", "psychiatric nurse", "nurse clinician"],
        ["registered nurse"],
    ),
    Group(
        "52120",
        "Graphic designers and illustrators",
        "Graphic designers plan and produce visual materials that communicate information for print, websites and "
        "other media. Illustrators create drawings for books, advertising and other uses.",
        [
            "Meet clients to agree on the purpose, style and content of a project",
            "Choose the medium and format that will best carry the message",
            "Prepare sketches, layouts, logos and illustrations with design software",
            "Present designs to clients and revise them",
            "Prepare files for printing or for the web",
        ],
        ["graphic designer", "illustrator", "graphic artist"],
        ["graphiste"],
    ),
    Group(
        "60030",
        "Restaurant and food service managers",
        "Restaurant and food service managers plan, organize and control the work of restaurants, bars and cafeterias.",
        [
            "Plan menus and set prices with the chef",
            "Hire, train and supervise staff",
            "Control costs, inventory and cash",
            "Deal with customers' complaints",
        ],
        ["restaurant manager", "food service manager"],
    ),
    Group(
        "62010",
        "Retail sales supervisors",
        "Retail sales supervisors supervise and coordinate the work of sales clerks and cashiers in stores.",
        [
            "Supervise, coordinate and schedule the work of sales staff",
            "Train new sales staff",
            "Handle customer complaints and returns",
            "Order merchandise and count stock",
        ],
        ["retail sales supervisor", "department supervisor - retail"],
    ),
    Group(
        "62020",
        "Food service supervisors",
        "Food service supervisors supervise the staff who prepare and serve food in restaurants and cafeterias.",
        [
            "Supervise and schedule kitchen and counter staff",
            "Check that food meets quality and safety standards",
            "Order supplies",
        ],
        ["food service supervisor", "kitchen supervisor"],
    ),
    Group(
        "62200",
        "Chefs",
        "Chefs plan and direct the preparation and cooking of food in restaurants, hotels and other places that "
        "serve meals.",
        [
            "Plan menus and make sure the food meets quality standards",
            "Plan and direct the preparation and cooking of food",
            "Estimate food needs and food costs and order supplies",
            "Supervise, train and schedule the kitchen staff",
            "Create new dishes and recipes",
        ],
        ["chef", "executive chef", "sous-chef"],
    ),
    Group(
        "63200",
        "Cooks",
        "Cooks prepare and cook meals and special dishes. They work in restaurants, hotels, hospitals, catering "
        "companies and other places that serve food.",
        [
            "Prepare and cook complete meals and individual dishes",
            "Prepare ingredients, sauces and doughs before service",
            "Schedule and supervise kitchen helpers",
            "Keep inventory of food and supplies and order them",
            "Plan menus and work out portion sizes and food costs",
            "Clean the kitchen and work areas and keep food safety records",
        ],
        ["cook", "line cook", "short order cook", "ethnic foods cook"],
        ["tandoori cook"],
    ),
    Group(
        "64100",
        "Retail salespersons and visual merchandisers",
        "Retail salespersons sell goods in stores; visual merchandisers set up displays.",
        ["Greet customers and help them choose goods", "Process sales and returns", "Set up product displays"],
        ["retail salesperson", "sales associate", "visual merchandiser"],
    ),
    Group(
        "64409",
        "Other customer and information services representatives",
        "Customer and information services representatives answer questions about products and services, "
        "by telephone, chat and email, and solve customers' problems or pass them on.",
        [
            "Answer customers' questions and help requests by phone, chat and email",
            "Walk customers through problems with products and accounts",
            "Log every call and request in the ticketing system",
            "Pass complex problems on to specialists",
        ],
        ["customer service representative", "help desk clerk", "information clerk"],
    ),
    Group(
        "65100",
        "Cashiers",
        "Cashiers take payment for goods and services in stores, restaurants and other businesses.",
        ["Scan items and take payment", "Count the cash at the start and end of shifts", "Bag goods"],
        ["cashier", "grocery cashier"],
    ),
    Group(
        "65201",
        "Food counter attendants, kitchen helpers and related support occupations",
        "Food counter attendants take orders and serve food over a counter; kitchen helpers clean the kitchen and "
        "help cooks. They work in restaurants, cafeterias, hospitals and fast food outlets.",
        [
            "Take customers' orders and serve food and drinks at the counter",
            "Prepare simple foods such as sandwiches, salads and hot drinks",
            "Take payment from customers",
            "Clean counters, tables and the serving area",
        ],
        ["food counter attendant", "cafeteria attendant", "fast food preparer"],
        profiles=[
            (
                "Kitchen helpers",
                [
                    "Wash dishes and clean the kitchen and equipment",
                    "Help cooks prepare vegetables and other ingredients",
                    "Unpack and store food deliveries",
                ],
                ["kitchen helper", "dishwasher"],
            )
        ],
        exclusions=[("63200.00", "")],
    ),
    Group(
        "72106",
        "Welders and related machine operators",
        "Welders join metal parts by welding, brazing and soldering, following drawings and procedures. They work "
        "for fabricators, manufacturers and construction companies, or on their own.",
        [
            "Read drawings and welding procedure specifications",
            "Weld metal parts in all positions using arc, gas and other processes",
            "Cut, shape and fit metal parts with torches, shears and plasma equipment",
            "Repair worn parts by building up and hardfacing metal",
            "Inspect welds and fix defects",
        ],
        ["welder", "pipe welder", "welder-fitter"],
        ["production welder"],
    ),
    Group(
        "72410",
        "Automotive service technicians, truck and bus mechanics and mechanical repairers",
        "Automotive service technicians inspect, diagnose, repair and service the mechanical, electrical and "
        "electronic systems of cars, trucks and buses. They work in dealerships, garages and fleets.",
        [
            "Diagnose faults in engines, transmissions, brakes and electrical systems with test equipment",
            "Do scheduled maintenance such as oil changes, lubrication and inspections",
            "Repair or replace brakes, steering, suspension and exhaust parts",
            "Test-drive vehicles to check repairs",
            "Explain the work done and the work needed to customers or service advisors",
        ],
        ["automotive service technician", "car mechanic", "truck mechanic"],
        ["auto repair technician"],
    ),
]

CONCORDANCE_ROWS = [  # (2016 code without leading zeros, 2016 title, type of change, 2021 code without leading zeros, 2021 title)
    ("11", "Legislators", "VC1 - Code Change", "10", "Legislators"),
    ("1111", "Financial auditors and accountants", "VC1 - Code Change", "11100", "Financial auditors and accountants"),
    ("1112", "Financial and investment analysts", "VC1 - Code Change", "11101", "Financial and investment analysts"),
    (
        "1311",
        "Accounting technicians and bookkeepers",
        "VC1 - Code Change",
        "12200",
        "Accounting technicians and bookkeepers",
    ),
    ("1432", "Payroll clerks", "VC1 - Code Change, VC2 - Name Change", "13102", "Payroll administrators"),
    ("2171", "Information systems analysts and consultants", "VC4 - Split", "21222", "Information systems specialists"),
    ("2171", "Information systems analysts and consultants", "VC4 - Split", "21211", "Data scientists"),
    ("2173", "Software engineers and designers", "VC1 - Code Change", "21231", "Software engineers and designers"),
    (
        "2174",
        "Computer programmers and interactive media developers",
        "VC4 - Split",
        "21230",
        "Computer systems developers and programmers",
    ),
    (
        "2174",
        "Computer programmers and interactive media developers",
        "VC4 - Split",
        "21232",
        "Software developers and programmers",
    ),
    ("2175", "Web designers and developers", "VC4 - Split", "21233", "Web designers"),
    ("2175", "Web designers and developers", "VC4 - Split", "21234", "Web developers and programmers"),
    (
        "3012",
        "Registered nurses and registered psychiatric nurses",
        "VC1 - Code Change",
        "31301",
        "Registered nurses and registered psychiatric nurses",
    ),
    ("6321", "Chefs", "VC1 - Code Change", "62200", "Chefs"),
    ("6322", "Cooks", "VC1 - Code Change", "63200", "Cooks"),
    (
        "7237",
        "Welders and related machine operators",
        "VC1 - Code Change",
        "72106",
        "Welders and related machine operators",
    ),
]


def _csv(rows: list[list[str]], line_end: str = "\n") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def files() -> dict[str, bytes]:
    """Relative path -> bytes of every file of the fixture."""
    levels = {1: "Broad Category", 2: "Major Group", 3: "Sub-major Group", 4: "Minor Group", 5: "Unit Group"}
    structure = [["Level", "Hierarchical structure", "Code - NOC 2021 V1.0", "Class title", "Class definition"]]
    seen: set[str] = set()
    for group in sorted(GROUPS, key=lambda g: g.code):
        for size in (1, 2, 3, 4):
            prefix = group.code[:size]
            if prefix not in seen:
                seen.add(prefix)
                title = PARENTS[prefix]
                structure.append(
                    [
                        str(size),
                        levels[size],
                        prefix,
                        title,
                        f"This {levels[size].lower()} comprises {title[0].lower() + title[1:]}.",
                    ]
                )
        structure.append(["5", levels[5], group.code, group.title, group.lead])
    lead = [["OaSIS profile code", "Lead statement"]]
    duties = [["OaSIS profile code", "Main duties"]]
    titles = [["OaSIS profile code", "Concordance number", "Job title type", "Job title text"]]
    labels = [["OaSIS profile code", "Label"]]
    exclusions = [["OaSIS profile code", "Excluded code", "Job title"]]
    for group in sorted(GROUPS, key=lambda g: g.code):
        profiles = [(group.title, group.duties, group.examples), *group.profiles]
        for number, (label, profile_duties, examples) in enumerate(profiles):
            code = f"{group.code}.{number:02d}"
            lead.append([code, group.lead.split(". ")[0].rstrip(".") + "."])
            labels.append([code, label])
            # as upstream, the last duty of a profile ends with a period
            duties += [
                [code, duty + ("." if i == len(profile_duties) - 1 else "")] for i, duty in enumerate(profile_duties)
            ]
            titles += [[code, str(i + 1), "Example", t] for i, t in enumerate(examples)]
            if number == 0:
                titles += [[code, str(len(examples) + i + 1), "Index", t] for i, t in enumerate(group.index)]
                exclusions += [[code, excluded, job] for excluded, job in group.exclusions]
    concordance = [
        [
            "NOC 2016 V1.3 Code",
            "NOC 2016 V1.3 Title",
            " GSIM Type of Change",
            "NOC 2021 V1.0 Code",
            "NOC 2021 V1.0 Title",
            "Notes",
        ]
    ]
    concordance += [[*row, ""] for row in CONCORDANCE_ROWS]
    return {
        STRUCTURE: _csv(structure),
        CONCORDANCE: _csv(concordance),
        f"{OASIS}/lead-statement_oasis_2023_v1.0.csv": _csv(lead),
        f"{OASIS}/main-duties_oasis-2023_v1.0.csv": _csv(duties),
        f"{OASIS}/example-titles_oasis_2023_v1.0.csv": _csv(titles, "\r\n"),
        f"{OASIS}/labels_oasis_2023_v1.0.csv": _csv(labels),
        f"{OASIS}/exclusions_oasis_2023_v1.0.csv": _csv(exclusions),
    }


UNIT_GROUPS = len(GROUPS)


def write(dest: Path = FIXTURE_DIR) -> Path:
    for name, data in files().items():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return dest


if __name__ == "__main__":
    print(write())
