#!/usr/bin/env python3
"""Generate the realistic sample cases under ``samples/``.

Each case is a folder holding a ``case.yaml`` (the Express Entry claims, with
the kind of comments an applicant writes) and the documents that should prove
them: reference letters, pay stubs, work permits, T4 slips, notices of
assessment and employment contracts, as text PDFs (reportlab) and Word files
(python-docx), plus the noise real folders contain (a lease, a hydro bill, a
damaged download, a password-protected PDF, an iPhone photo...).

In ``expected/<case>.json`` is the answer a correct ``cec-checklist``
must give for the case. It is an independent ground truth: the qualifying
hours are computed below from ``../shared/spec/checks.md`` as read by the
devset README, not by any project code, and the codes are the ones each case
was built to trigger.

Everything is invented (people, employers, addresses, SINs, permit numbers)
and deterministic: fixed seeds, reportlab's invariant mode, fixed timestamps
inside the .docx zips. Run it twice and ``git status`` stays clean::

    .venv/bin/python samples/make_samples.py          # all cases
    .venv/bin/python samples/make_samples.py s03_cook  # cases whose name starts so

Needs ``reportlab``, ``python-docx``, ``pypdf`` and ``PyYAML``.
"""

from __future__ import annotations

import calendar
import io
import json
import random
import shutil
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable
from unittest import mock
from xml.sax.saxutils import escape

import docx
import yaml
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from pypdf import PdfReader, PdfWriter
from reportlab import rl_config

rl_config.invariant = 1  # no creation date / random id in the PDFs

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import inch  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
PAGE_W, PAGE_H = LETTER

# --------------------------------------------------------------------------
# Small formatting helpers
# --------------------------------------------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MESES_PT = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
]


def d(s: str) -> date:
    return date.fromisoformat(s)


def long_date(x: date) -> str:  # March 1, 2023
    return f"{MONTHS[x.month - 1]} {x.day}, {x.year}"


def dmy_date(x: date) -> str:  # 1 March 2023
    return f"{x.day} {MONTHS[x.month - 1]} {x.year}"


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def abbr_date(x: date) -> str:  # Mar. 1st, 2023
    return f"{MONTHS_ABBR[x.month - 1]} {ordinal(x.day)}, {x.year}"


def short_date(x: date) -> str:  # Mar 1, 2023 (stub style)
    return f"{MONTHS[x.month - 1][:3]} {x.day}, {x.year}"


def fr_date(x: date) -> str:  # 1er mars 2023
    day = "1er" if x.day == 1 else str(x.day)
    return f"{day} {MOIS[x.month - 1]} {x.year}"


def slash_date(x: date) -> str:  # 2023/03/01
    return x.strftime("%Y/%m/%d")


def upper_date(x: date) -> str:  # 01 MAR 2023
    return f"{x.day:02d} {MONTHS[x.month - 1][:3].upper()} {x.year}"


def money(x: float) -> str:  # 72,000.00
    return f"{x:,.2f}"


def money_fr(x: float) -> str:  # 72 000,00
    return f"{x:,.2f}".replace(",", " ").replace(".", ",")


def num_fr(x: float) -> str:  # 37,5
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def r2(x: float) -> float:
    return round(x + 1e-9, 2)


def luhn_complete(prefix: str) -> str:
    """Append the Luhn check digit to an 8-digit prefix (SIN style)."""
    total = 0
    for i, ch in enumerate(prefix):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return prefix + str((10 - total % 10) % 10)


def fake_sin(rng: random.Random) -> str:
    return luhn_complete("9" + "".join(str(rng.randrange(10)) for _ in range(7)))


def sin_spaced(sin: str) -> str:
    return f"{sin[:3]} {sin[3:6]} {sin[6:]}"


def weekdays_between(a: date, b: date) -> int:
    n, x = 0, a
    while x <= b:
        n += x.weekday() < 5
        x += timedelta(days=1)
    return n


def last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def friday_on_or_before(x: date) -> date:
    while x.weekday() > 4:
        x -= timedelta(days=1)
    return x


def years_before(x: date, n: int) -> date:
    try:
        return x.replace(year=x.year - n)
    except ValueError:  # 29 February
        return x.replace(year=x.year - n, day=28)


# --------------------------------------------------------------------------
# Ground truth: qualifying hours, read from checks.md + the devset README
# --------------------------------------------------------------------------
#
# - window = [as_of - 3 years, as_of], both ends included;
# - a claimed job earns (weekly hours / 7) on each day that is inside the
#   window, inside the claim's dates (open end -> as_of), covered by a work
#   permit (issue..expiry inclusive), outside full-time study, in a TEER 0-3
#   job that is not self-employment;
# - weekly hours = lower of the claim and the letter's stated hours (the claim
#   alone when no letter states hours);
# - days grouped into Monday-Sunday weeks, each week capped at 30 h over all
#   jobs.


def qualifying_hours(
    claims: dict, letter_hours: list[float | None], permits: list[tuple[date, date]], as_of: date
) -> dict:
    start_w = years_before(as_of, 3)
    study = [(s["start"], s["end"]) for s in claims.get("study") or []]
    weeks: dict[date, float] = defaultdict(float)
    per_job = []
    info = set()
    for i, job in enumerate(claims["jobs"]):
        teer = int(str(job["noc"])[1])
        start, end = job["start"], job.get("end") or as_of
        end = min(end, as_of)
        hours = float(job["hours_per_week"])
        if letter_hours[i] is not None:
            hours = min(hours, float(letter_hours[i]))
        earned = 0.0
        eligible = teer <= 3 and not job.get("self_employed", False)
        x = start
        while x <= end:
            if x < start_w:
                if eligible:
                    info.add("cec.outside-window")
            elif eligible and any(a <= x <= b for a, b in permits):
                if any(a <= x <= b for a, b in study):
                    info.add("cec.student-period")
                else:
                    weeks[x - timedelta(days=x.weekday())] += hours / 7
                    earned += hours / 7
            x += timedelta(days=1)
        per_job.append(r2(earned))
    if any(v > 30 + 1e-9 for v in weeks.values()):
        info.add("cec.hours-capped")
    total = sum(min(30.0, v) for v in weeks.values())
    return {"total": r2(total), "per_job_uncapped": per_job, "info": info}


# --------------------------------------------------------------------------
# Payroll maths (approximate but internally consistent)
# --------------------------------------------------------------------------

# (rate, max employee contribution, annual basic exemption)
CPP = {
    2018: (0.0495, 2593.80, 3500),
    2022: (0.0570, 3499.80, 3500),
    2023: (0.0595, 3754.45, 3500),
    2024: (0.0595, 3867.50, 3500),
    2025: (0.0595, 4034.10, 3500),
    2026: (0.0595, 4230.45, 3500),
}
QPP = {2023: (0.0640, 4038.40, 3500), 2024: (0.0640, 4160.00, 3500), 2025: (0.0640, 4339.20, 3500)}
EI = {
    2018: (0.0166, 858.22),
    2022: (0.0158, 952.74),
    2023: (0.0163, 1002.45),
    2024: (0.0166, 1049.12),
    2025: (0.0164, 1077.48),
    2026: (0.0163, 1123.07),
}
EI_QC = {2023: (0.0127, 781.05), 2024: (0.0132, 834.24), 2025: (0.0131, 860.67)}
QPIP = {2023: (0.00494, 449.54), 2024: (0.00494, 464.36), 2025: (0.00494, 484.12)}
YMPE = {2018: 55900, 2022: 64900, 2023: 66600, 2024: 68500, 2025: 71300, 2026: 74600}
MIE = {2018: 51700, 2022: 60300, 2023: 61500, 2024: 63200, 2025: 65700, 2026: 68900}
# rough flat withholding rates: (federal, provincial)
TAX = {
    "ON": (0.105, 0.048),
    "QC": (0.088, 0.105),
    "NS": (0.095, 0.065),
    "BC": (0.10, 0.04),
    "AB": (0.105, 0.06),
    "SK": (0.10, 0.055),
}
PROV_NAMES = {
    "ON": "Ontario",
    "QC": "Quebec",
    "NS": "Nova Scotia",
    "BC": "British Columbia",
    "AB": "Alberta",
    "SK": "Saskatchewan",
}


@dataclass
class Segment:
    """A stretch of pay at one rate: a position, or the pay before a raise."""

    start: date
    end: date | None
    weekly_hours: float  # hours actually paid per week
    annual: float | None = None  # salaried
    hourly: float | None = None  # hourly


@dataclass
class Stub:
    period_start: date
    period_end: date
    pay_date: date
    hours: float
    rate: float | None
    gross: float
    ytd_gross: float
    deductions: dict[str, float]
    ytd_deductions: dict[str, float]
    net: float
    number: int
    salaried: bool


def pay_periods(freq: str, first: date, last: date, anchor: date | None = None):
    """Yield (start, end, pay_date) for periods overlapping [first, last]."""
    if freq == "biweekly":
        s = anchor
        while s + timedelta(days=13) < first:
            s += timedelta(days=14)
        while s <= last:
            yield s, s + timedelta(days=13), s + timedelta(days=18)
            s += timedelta(days=14)
    elif freq == "semimonthly":
        y, m = first.year, first.month
        while date(y, m, 1) <= last:
            for a, b in ((date(y, m, 1), date(y, m, 15)), (date(y, m, 16), last_day(y, m))):
                if b >= first and a <= last:
                    yield a, b, friday_on_or_before(b)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    elif freq == "monthly":
        y, m = first.year, first.month
        while date(y, m, 1) <= last:
            yield date(y, m, 1), last_day(y, m), friday_on_or_before(last_day(y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        raise ValueError(freq)


PER_YEAR = {"biweekly": 26, "semimonthly": 24, "monthly": 12}


def make_stubs(
    segments: list[Segment], freq: str, province: str, cutoff: date, anchor: date | None = None, first_number: int = 1
) -> list[Stub]:
    """Every pay stub of a job from its first segment to ``cutoff`` (pay date).

    YTD figures run over the calendar year of the pay date, and include every
    stub, also those later left out of the case folder.
    """
    first = segments[0].start
    last = min([s.end or cutoff for s in segments[-1:]] + [cutoff])
    stubs: list[Stub] = []
    ytd: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    n = first_number
    quebec = province == "QC"
    for ps, pe, pay in pay_periods(freq, first, last, anchor):
        if pay > cutoff:
            break
        hours = gross = 0.0
        rate = None
        salaried = False
        for seg in segments:
            a, b = max(ps, seg.start), min(pe, seg.end or pe)
            if a > b:
                continue
            frac = weekdays_between(a, b) / max(1, weekdays_between(ps, pe))
            if seg.annual is not None:
                salaried = True
                hours += seg.weekly_hours * 52 / PER_YEAR[freq] * frac
                gross += seg.annual / PER_YEAR[freq] * frac
                rate = None
            else:
                h = seg.weekly_hours / 5 * weekdays_between(a, b)
                hours += h
                gross += h * seg.hourly
                rate = seg.hourly
        hours, gross = r2(hours), r2(gross)
        if gross <= 0:
            continue
        y = pay.year
        t = ytd[y]
        ded: dict[str, float] = {}
        pen_rate, pen_max, exempt = (QPP if quebec else CPP)[y]
        ded["QPP" if quebec else "CPP"] = r2(
            max(0.0, min((gross - exempt / PER_YEAR[freq]) * pen_rate, pen_max - t["QPP" if quebec else "CPP"]))
        )
        ei_rate, ei_max = (EI_QC if quebec else EI)[y]
        ded["EI"] = r2(max(0.0, min(gross * ei_rate, ei_max - t["EI"])))
        if quebec:
            q_rate, q_max = QPIP[y]
            ded["QPIP"] = r2(max(0.0, min(gross * q_rate, q_max - t["QPIP"])))
        fed, prov = TAX[province]
        ded["Federal tax"] = r2(gross * fed)
        ded["Provincial tax"] = r2(gross * prov)
        for k, v in ded.items():
            t[k] = r2(t[k] + v)
        t["gross"] = r2(t["gross"] + gross)
        net = r2(gross - sum(ded.values()))
        stubs.append(Stub(ps, pe, pay, hours, rate, gross, t["gross"], ded, {k: t[k] for k in ded}, net, n, salaried))
        n += 1
    return stubs


@dataclass
class T4Data:
    year: int
    employer: str  # as printed on the slip
    employer_address: str
    employee_first: str
    employee_last: str
    employee_address: list[str]
    sin: str
    province: str
    box14: float
    box16: float = 0.0  # CPP
    box17: float = 0.0  # QPP
    box18: float = 0.0  # EI
    box22: float = 0.0  # income tax
    box24: float = 0.0
    box26: float = 0.0
    box55: float = 0.0  # PPIP
    box56: float = 0.0
    box45: str = "1"
    account: str = ""


def t4_from_stubs(stubs: list[Stub], year: int, **kw) -> T4Data:
    mine = [s for s in stubs if s.pay_date.year == year]
    last = mine[-1]
    box14 = last.ytd_gross
    yd = last.ytd_deductions
    quebec = kw.get("province") == "QC"
    return T4Data(
        year=year,
        box14=box14,
        box16=0.0 if quebec else yd.get("CPP", 0.0),
        box17=yd.get("QPP", 0.0) if quebec else 0.0,
        box18=yd["EI"],
        box22=r2(yd["Federal tax"] + (0 if quebec else yd["Provincial tax"])),
        box24=min(box14, MIE[year]),
        box26=min(box14, YMPE[year]),
        box55=yd.get("QPIP", 0.0),
        box56=box14 if quebec else 0.0,
        **kw,
    )


# --------------------------------------------------------------------------
# PDF / DOCX plumbing
# --------------------------------------------------------------------------


def pstyle(
    name: str,
    size: float = 10,
    font: str = "Helvetica",
    leading: float | None = None,
    align: int = 0,
    color=colors.black,
    space_after: float = 0,
    **kw,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.3,
        alignment=align,
        textColor=color,
        spaceAfter=space_after,
        **kw,
    )


def P(text: str, style: ParagraphStyle) -> Paragraph:
    """Paragraph from plain text (escaped); use Pm for markup."""
    return Paragraph(escape(text), style)


def Pm(markup: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup, style)


def build_pdf(
    path: Path,
    story: list,
    on_page: Callable | None = None,
    *,
    left=0.9 * inch,
    right=0.9 * inch,
    top=0.8 * inch,
    bottom=0.9 * inch,
    title: str = "",
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author="",
        creator="",
        invariant=1,
    )
    hook = on_page or (lambda c, dd: None)
    doc.build(story, onFirstPage=hook, onLaterPages=hook)


def new_canvas(path: Path) -> rl_canvas.Canvas:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = rl_canvas.Canvas(str(path), pagesize=LETTER, invariant=1)
    c.setAuthor("")
    return c


def pdf_bytes_of(draw: Callable[[Path], None]) -> bytes:
    tmp = HERE / ".tmp_render.pdf"
    draw(tmp)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def new_docx(font: str = "Calibri", size: int = 11) -> docx.Document:
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    return doc


def save_docx(doc: docx.Document, path: Path, when: date, author: str = "") -> None:
    """Save with fixed metadata and fixed zip timestamps (reproducible bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    cp = doc.core_properties
    stamp = datetime(when.year, when.month, when.day, 9, 0, 0)
    cp.created = cp.modified = stamp
    cp.last_printed = stamp
    cp.author = author
    cp.last_modified_by = author
    cp.revision = 1
    cp.title = ""
    cp.comments = ""
    buf = io.BytesIO()
    doc.save(buf)
    normalize_zip(buf.getvalue(), path)


def normalize_zip(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


def docx_par(
    doc_or_cell,
    text: str = "",
    *,
    bold=False,
    size=None,
    align=None,
    italic=False,
    color=None,
    style=None,
    space_after=None,
):
    p = doc_or_cell.add_paragraph(style=style) if style else doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def label_run(p, label: str, value: str) -> None:
    r = p.add_run(label)
    r.bold = True
    p.add_run(value)


# --------------------------------------------------------------------------
# Reference letters: the data and one function per layout
# --------------------------------------------------------------------------


@dataclass
class Position:
    title: str | None
    start: date | None
    end: date | None  # None: current (or not stated, see Letter.current)
    hours: float | None  # the number the letter states
    hours_text: str | None  # how the letter writes it
    pay: float | None
    pay_period: str | None  # year / month / week / hour
    pay_text: str | None
    duties: list[str] = field(default_factory=list)


@dataclass
class Letter:
    employer: str
    address: str | None  # one line, as the truth gives it
    address_lines: list[str]
    phone: str | None
    email: str | None
    employee: str
    honorific: str  # Ms. / Mr.
    pronoun: str  # she / he
    positions: list[Position]
    current: bool  # the letter says the job is current
    benefits: str | None
    signatory_name: str | None
    signatory_title: str | None
    letter_date: date
    fmt: Callable[[date], str] = long_date
    website: str | None = None
    language: str = "en"
    noc_code: str | None = None
    city: str = ""
    call_name: str | None = None

    @property
    def last_name(self) -> str:
        return self.employee.split()[-1]

    @property
    def first_name(self) -> str:
        """The name the letter calls the employee by (Vietnamese given names have two words)."""
        return self.call_name or self.employee.split()[0]

    @property
    def pos(self) -> Position:  # the current / last position
        return self.positions[-1]

    @property
    def her(self) -> str:
        return {"she": "her", "he": "his"}[self.pronoun]

    def fields(self) -> dict:
        p = self.pos
        duties = [x for q in self.positions for x in q.duties]
        return {
            "employer_name": self.employer,
            "employee_name": self.employee,
            "job_title": p.title,
            "start_date": iso(self.positions[0].start),
            "end_date": iso(p.end),
            "currently_employed": self.current,
            "hours_per_week": p.hours,
            "salary_amount": p.pay,
            "salary_period": p.pay_period,
            "benefits": self.benefits,
            "duties": duties,
            "noc_code": self.noc_code,
            "signatory_name": self.signatory_name,
            "signatory_title": self.signatory_title,
            "employer_address": self.address,
            "employer_phone": self.phone,
            "employer_email": self.email,
            "letter_date": iso(self.letter_date),
            "language": self.language,
        }


def position_for(L: Letter, job: dict) -> Position:
    """The letter's position for a claimed job: same title if the letter lists several."""
    for q in L.positions:
        if q.title and q.title.lower() == str(job["title"]).lower():
            return q
    return L.pos


def iso(x: date | None) -> str | None:
    return x.isoformat() if x else None


# L1 -- letterhead with contact block on the right, duties as prose, "Per:" signature
def letter_letterhead_prose_pdf(path: Path, L: Letter) -> None:
    body = pstyle("b", 10.5, leading=15, space_after=9)
    right = pstyle("r", 8.5, leading=11, align=TA_RIGHT, color=colors.HexColor("#444444"))
    head = Table(
        [
            [
                Pm(
                    f"<font name='Helvetica-Bold' size='19'>{escape(L.employer.upper())}</font>"
                    f"<br/><font size='8.5' color='#777777'>brand &amp; editorial design</font>",
                    pstyle("h", 10, leading=22),
                ),
                Pm(
                    "<br/>".join(escape(x) for x in L.address_lines + [f"T. {L.phone}", L.email, L.website or ""]),
                    right,
                ),
            ]
        ],
        colWidths=[3.9 * inch, 2.8 * inch],
    )
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    p = L.pos
    story = [
        head,
        Spacer(1, 6),
        HRFlowable(width="100%", thickness=1.2, color=colors.HexColor("#1d4e89")),
        Spacer(1, 18),
        P(f"{L.city}, {L.fmt(L.letter_date)}", pstyle("d", 10.5, align=TA_RIGHT)),
        Spacer(1, 14),
        Pm(f"<b>Subject: Reference letter for {escape(L.honorific)} {escape(L.employee)}</b>", body),
        P("To the Visa Officer,", body),
        P(
            f"I am writing to confirm that {L.employee} has worked at {L.employer} since "
            f"{L.fmt(p.start)} and is still part of our team today. {L.pronoun.capitalize()} holds the "
            f"position of {p.title} on a permanent part-time basis and works {p.hours_text}.",
            body,
        ),
        P(
            f"{L.honorific} {L.last_name} is paid {p.pay_text}. As a part-time employee {L.pronoun} "
            f"receives {L.benefits}.",
            body,
        ),
        P(f"{L.first_name}'s work covers the whole design cycle. " + " ".join(p.duties), body),
        P(f"Should you need anything further, feel free to reach me at {L.phone} or at {L.email}.", body),
        Spacer(1, 6),
        P("Sincerely,", body),
        Spacer(1, 22),
        P(f"Per: {L.signatory_name}", pstyle("s", 10.5, leading=14)),
        P(L.signatory_title, pstyle("s2", 10.5, leading=14)),
        P(L.employer, pstyle("s3", 10.5, leading=14)),
    ]
    build_pdf(path, story, title="")


# L2 -- DOCX: contact block in a header table, positions table, duties per position
def letter_positions_table_docx(path: Path, L: Letter) -> None:
    doc = new_docx("Calibri", 10)
    sec = doc.sections[0]
    ht = sec.header.add_table(rows=1, cols=2, width=sec.page_width - sec.left_margin - sec.right_margin)
    c0, c1 = ht.rows[0].cells
    c0.paragraphs[0].add_run(L.employer.upper()).bold = True
    c0.paragraphs[0].runs[0].font.size = Pt(15)
    c0.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string("0B6E4F")
    docx_par(c0, "Engineering | People Operations", size=8, color="666666")
    cp = c1.paragraphs[0]
    cp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i, line in enumerate(L.address_lines + [L.phone, L.email]):
        run = cp.add_run(("" if i == 0 else "\n") + line)
        run.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.text = f"{L.employer} · {L.website}"
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER

    docx_par(doc, L.letter_date.isoformat(), align=WD_ALIGN_PARAGRAPH.RIGHT)
    docx_par(doc, "EMPLOYMENT REFERENCE", bold=True, size=13)
    docx_par(doc, "To the immigration officer:")
    docx_par(
        doc,
        f"{L.employer} confirms that {L.employee} has been employed by our company on a "
        f"permanent, full-time basis since {L.positions[0].start.isoformat()} and remains an "
        f"employee today. {L.pronoun.capitalize()} has held the following positions with us:",
    )
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, h in zip(t.rows[0].cells, ["Position", "From", "To", "Hours/week", "Annual salary"], strict=True):
        cell.paragraphs[0].add_run(h).bold = True
    for q in L.positions:
        row = t.add_row().cells
        for cell, v in zip(
            row,
            [q.title, q.start.isoformat(), q.end.isoformat() if q.end else "present", q.hours_text, q.pay_text],
            strict=True,
        ):
            cell.text = v
    docx_par(doc, "")
    docx_par(doc, f"Benefits: {L.benefits}.")
    for q in L.positions:
        until = q.end.isoformat() if q.end else "present"
        docx_par(doc, f"{q.title} ({q.start.isoformat()} to {until}) – responsibilities", bold=True)
        for duty in q.duties:
            docx_par(doc, duty, style="List Bullet")
    docx_par(
        doc, f"If you have any questions about {L.her} employment, you can reach me directly at {L.phone} or {L.email}."
    )
    docx_par(doc, "Yours truly,")
    docx_par(doc, "")
    docx_par(doc, L.signatory_name, bold=True, space_after=0)
    docx_par(doc, L.signatory_title, space_after=0)
    docx_par(doc, L.employer)
    save_docx(doc, path, L.letter_date, author=L.signatory_name)


# L3 -- one-page verification form: label/value grid, numbered duties, footer contact line
def letter_form_pdf(path: Path, L: Letter) -> None:
    p = L.pos
    lab = pstyle("lab", 9.5, font="Helvetica-Bold")
    val = pstyle("val", 9.5)
    rows = [
        ["Employee", L.employee],
        ["Position", p.title],
        ["Employment status", "Part-time, permanent – resigned" if p.end else "Part-time, permanent"],
        ["Start date", L.fmt(p.start)],
        ["Last day of work", L.fmt(p.end) if p.end else "—"],
        ["Regular hours", p.hours_text],
        ["Rate of pay", p.pay_text],
        ["Benefits", L.benefits],
    ]
    grid = Table([[P(a, lab), P(b, val)] for a, b in rows], colWidths=[1.8 * inch, 4.9 * inch])
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa5b1")),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    duties = ListFlowable(
        [ListItem(P(x, val), leftIndent=14) for x in p.duties], bulletType="1", bulletFormat="%s.", leftIndent=14
    )
    note = pstyle("n", 9.5, leading=13, space_after=6)

    def footer(c, _doc):
        c.saveState()
        c.setFillColor(colors.HexColor("#0f5d73"))
        c.rect(0, PAGE_H - 0.55 * inch, PAGE_W, 0.55 * inch, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(0.9 * inch, PAGE_H - 0.36 * inch, L.employer.upper())
        c.setFillColor(colors.HexColor("#555555"))
        c.setFont("Helvetica", 8)
        c.drawCentredString(PAGE_W / 2, 0.5 * inch, f"{L.address} · Tel. {L.phone} · {L.email}")
        c.restoreState()

    story = [
        Spacer(1, 10),
        P("EMPLOYMENT VERIFICATION", pstyle("t", 15, font="Helvetica-Bold", align=TA_CENTER)),
        Spacer(1, 4),
        P(f"Issued {L.fmt(L.letter_date)}", pstyle("i", 9, align=TA_CENTER)),
        Spacer(1, 14),
        P(
            f"At the employee's request, we confirm the following details of {L.her} employment "
            f"with {L.employer.rstrip('.')}. {L.honorific} {L.last_name} gave notice of resignation and {L.her} "
            f"last day of work will be {L.fmt(p.end)}.",
            note,
        ),
        grid,
        Spacer(1, 12),
        P("Responsibilities", pstyle("rh", 10.5, font="Helvetica-Bold")),
        Spacer(1, 4),
        duties,
        Spacer(1, 14),
        P("Issued by", pstyle("ib", 9.5, font="Helvetica-Bold")),
        Table(
            [
                [P("Name", lab), P(L.signatory_name, val)],
                [P("Title", lab), P(L.signatory_title, val)],
                [P("Signature", lab), P("__________________________", val)],
                [P("Date", lab), P(L.fmt(L.letter_date), val)],
            ],
            colWidths=[1.1 * inch, 3.5 * inch],
            hAlign="LEFT",
        ),
    ]
    build_pdf(path, story, footer, top=0.95 * inch)


# L4 -- French Quebec "Attestation d'emploi", DOCX, address in the footer, dash list
def lettre_attestation_docx(path: Path, L: Letter) -> None:
    doc = new_docx("Garamond", 11.5)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run(L.employer)
    r.bold = True
    r.font.size = Pt(14)
    hp.add_run("\nComptables professionnels agréés").italic = True
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run(f"{L.address}\nTél. : {L.phone} — {L.email}").font.size = Pt(8.5)
    p = L.pos
    docx_par(doc, f"{L.city}, le {fr_date(L.letter_date)}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    docx_par(doc, "")
    pp = docx_par(doc)
    label_run(pp, "OBJET : ", f"Attestation d'emploi — {L.honorific} {L.employee}")
    docx_par(doc, "Madame, Monsieur,")
    docx_par(
        doc,
        f"La présente atteste que {L.honorific} {L.employee} est à notre emploi depuis le "
        f"{fr_date(p.start)} à titre de {p.title.lower()}. Elle occupe toujours ce poste, "
        f"à temps partiel, à raison de {p.hours_text}.",
    )
    docx_par(doc, f"Sa rémunération annuelle est de {p.pay_text}. {L.benefits[0].upper() + L.benefits[1:]}.")
    docx_par(doc, "Dans le cadre de ses fonctions, elle :")
    for duty in p.duties:
        q = docx_par(doc, f"–  {duty}", space_after=2)
        q.paragraph_format.left_indent = Pt(18)
    docx_par(doc, "")
    docx_par(doc, "Pour toute vérification, n'hésitez pas à communiquer avec la soussignée aux coordonnées ci-dessous.")
    docx_par(doc, "Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.")
    docx_par(doc, "")
    docx_par(doc, L.signatory_name, bold=True, space_after=0)
    docx_par(doc, L.signatory_title, space_after=0)
    save_docx(doc, path, L.letter_date, author=L.signatory_name)


# L5 -- small business, plain typed letter, owner signs, free-mail address
def letter_small_business_pdf(path: Path, L: Letter) -> None:
    c = new_canvas(path)
    p = L.pos
    y = PAGE_H - 72
    c.setFont("Times-Bold", 13)
    c.drawString(72, y, L.employer)
    c.setFont("Times-Roman", 11)
    for line in L.address_lines + [f"Phone: {L.phone}", f"Email: {L.email}"]:
        y -= 14
        c.drawString(72, y, line)
    y -= 34
    c.drawString(72, y, L.fmt(L.letter_date))
    y -= 30
    c.drawString(72, y, "To Whom It May Concern,")
    y -= 24
    text = [
        f"This letter is to confirm that {L.employee} works at {L.employer.replace(' Ltd.', '')} as a {p.title}",
        f"(NOC {L.noc_code}) since {L.fmt(p.start)}. {L.pronoun.capitalize()} is still working with us full-time.",
        "",
        f"{L.pronoun.capitalize()} works {p.hours_text}. {L.her.capitalize()} wage is {p.pay_text}.",
        f"{L.pronoun.capitalize()} also gets {L.benefits}.",
        "",
        f"{L.first_name}'s job in our kitchen:",
    ]
    for line in text:
        c.drawString(72, y, line)
        y -= 15
    for duty in p.duties:
        c.drawString(86, y, f"- {duty}")
        y -= 15
    y -= 10
    for line in [
        f"{L.first_name} is a reliable worker and we are happy to have {L.pronoun == 'he' and 'him' or 'her'} "
        "on our team.",
        "If you have questions please call or email me.",
    ]:
        c.drawString(72, y, line)
        y -= 15
    y -= 14
    c.drawString(72, y, "Thanks,")
    y -= 40
    c.setFont("Times-Italic", 13)
    c.drawString(72, y + 14, L.signatory_name)
    c.setFont("Times-Roman", 11)
    c.drawString(72, y, L.signatory_name)
    c.drawString(72, y - 14, L.signatory_title)
    c.showPage()
    c.save()


# L6 -- DOCX internal memo signed by a department (deficient on purpose)
def letter_memo_docx(path: Path, L: Letter) -> None:
    doc = new_docx("Arial", 10.5)
    sec = doc.sections[0]
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run(L.address).font.size = Pt(8)
    docx_par(doc, L.employer.upper(), bold=True, size=16, color="8B1E1E", space_after=0)
    docx_par(doc, "Sales · Service · Parts", size=9, color="555555")
    docx_par(doc, "MEMORANDUM", bold=True, size=12)
    t = doc.add_table(rows=0, cols=2)
    p = L.pos
    for a, b in [
        ("Date:", L.fmt(L.letter_date)),
        ("To:", "Whom it may concern"),
        ("Re:", f"{L.employee} – confirmation of employment"),
    ]:
        row = t.add_row().cells
        row[0].text, row[1].text = a, b
        row[0].paragraphs[0].runs[0].bold = True
    docx_par(doc, "")
    docx_par(
        doc,
        f"Please accept this memo as confirmation that {L.employee} has been employed with "
        f"{L.employer} since {L.fmt(p.start)} and currently holds the position of {p.title}. "
        f"{L.pronoun.capitalize()} is a permanent, full-time member of our service department "
        f"and is enrolled in {L.benefits}.",
    )
    docx_par(doc, f"{L.first_name}'s day-to-day work in the shop includes:")
    for i, duty in enumerate(p.duties, 1):
        q = docx_par(doc, f"{i}. {duty}", space_after=1)
        q.paragraph_format.left_indent = Pt(14)
    docx_par(doc, "")
    docx_par(doc, f"{L.first_name} is a valued member of our team.")
    docx_par(doc, "Regards,")
    docx_par(doc, "")
    docx_par(doc, "Human Resources Department", bold=True, space_after=0)
    docx_par(doc, L.employer)
    save_docx(doc, path, L.letter_date)


# L7 -- Brazilian "Declaração" in Portuguese (needs a certified translation)
def carta_declaracao_pt_pdf(path: Path, L: Letter) -> None:
    p = L.pos
    body = pstyle("b", 11, font="Times-Roman", leading=16, space_after=10)

    def pt_date(x: date) -> str:
        return x.strftime("%d/%m/%Y")

    def head(c, _d):
        c.saveState()
        c.setFont("Times-Bold", 14)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 60, L.employer.upper())
        c.setFont("Times-Roman", 9)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 74, "Assessoria contábil e departamento pessoal")
        c.line(72, PAGE_H - 82, PAGE_W - 72, PAGE_H - 82)
        c.drawCentredString(PAGE_W / 2, 40, f"{L.address} · Tel. {L.phone} · {L.email}")
        c.restoreState()

    title = pstyle("t", 13, font="Times-Bold", align=TA_CENTER)
    story = [
        Spacer(1, 30),
        P("DECLARAÇÃO DE VÍNCULO EMPREGATÍCIO", title),
        Spacer(1, 20),
        P(
            f"Declaramos, para os devidos fins, que {L.employee.upper()} trabalhou nesta empresa no "
            f"período de {pt_date(p.start)} a {pt_date(p.end)}, com registro em Carteira de Trabalho, "
            f"exercendo o cargo de {p.title}, com jornada de {p.hours_text} e salário mensal de "
            f"{p.pay_text}, além de {L.benefits}.",
            body,
        ),
        P("Durante esse período, a funcionária desempenhou as seguintes atividades:", body),
    ]
    story.append(
        ListFlowable(
            [ListItem(P(x, body), leftIndent=12) for x in p.duties], bulletType="bullet", start="•", leftIndent=12
        )
    )
    story += [
        P("O desligamento ocorreu a pedido da funcionária. Por ser verdade, firmamos a presente.", body),
        Spacer(1, 10),
        P(f"{L.city}, {L.letter_date.day} de {MESES_PT[L.letter_date.month - 1]} de {L.letter_date.year}.", body),
        Spacer(1, 30),
        P("_______________________________", body),
        P(L.signatory_name, pstyle("s", 11, font="Times-Bold")),
        P(L.signatory_title, pstyle("s2", 11, font="Times-Roman")),
    ]
    build_pdf(path, story, head, top=1.3 * inch)


# L8 -- "verification of employment" form letter from a finance company (deficient)
def letter_voe_pdf(path: Path, L: Letter) -> None:
    p = L.pos
    lab = pstyle("l", 10, font="Helvetica-Bold")
    val = pstyle("v", 10)

    def head(c, _d):
        c.saveState()
        c.setFont("Helvetica-Bold", 16)
        c.setFillColor(colors.HexColor("#3b2a63"))
        c.drawString(0.9 * inch, PAGE_H - 0.9 * inch, L.employer)
        c.setFont("Helvetica", 8.5)
        c.setFillColor(colors.black)
        yy = PAGE_H - 0.75 * inch
        for line in L.address_lines + [f"T {L.phone}", L.email]:
            c.drawRightString(PAGE_W - 0.9 * inch, yy, line)
            yy -= 11
        c.restoreState()

    rows = [
        ["Employee name", L.employee],
        ["Department", "Corporate Finance"],
        ["Date of hire", L.fmt(p.start)],
        ["Employment status", f"Active, {p.hours_text}"],
        ["Base compensation", p.pay_text],
    ]
    t = Table([[P(a, lab), P(b, val)] for a, b in rows], colWidths=[2.0 * inch, 4.4 * inch])
    t.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    body = pstyle("b", 10, leading=14, space_after=8)
    story = [
        Spacer(1, 40),
        P("VERIFICATION OF EMPLOYMENT", pstyle("t", 14, font="Helvetica-Bold")),
        Spacer(1, 6),
        P(L.fmt(L.letter_date), body),
        P("To: Immigration, Refugees and Citizenship Canada", body),
        P(
            "At the request of the employee named below, Larkspur confirms the following "
            "information from our human resources records:",
            body,
        ),
        t,
        Spacer(1, 14),
        P(
            "This verification is provided for immigration purposes only and without liability on the "
            "part of the company.",
            body,
        ),
        Spacer(1, 24),
        P("Authorized by:", body),
        Spacer(1, 18),
        P(f"{L.signatory_name}, {L.signatory_title}", pstyle("s", 10, font="Helvetica-Bold")),
        P(f"{L.phone} · {L.email}", val),
    ]
    build_pdf(path, story, head, top=1.1 * inch)


# L9 -- short DOCX note from a one-person office (vague dates)
def letter_short_note_docx(path: Path, L: Letter) -> None:
    doc = new_docx("Georgia", 11)
    docx_par(doc, L.employer, bold=True, size=14, space_after=0)
    docx_par(doc, " | ".join(L.address_lines + [L.phone, L.email]), size=8.5, color="555555")
    docx_par(doc, "")
    docx_par(doc, L.fmt(L.letter_date))
    docx_par(doc, "To whom it may concern,")
    p = L.pos
    docx_par(
        doc,
        f"{L.employee} has helped our office as a part-time {p.title.lower()} since the fall "
        f"of 2024 and until this spring. {L.pronoun.capitalize()} worked {p.hours_text}, mostly "
        f"evenings and Saturdays, and was paid {p.pay_text}.",
    )
    docx_par(doc, f"{L.pronoun.capitalize()} took care of the following for our small-business clients:")
    for duty in p.duties:
        docx_par(doc, duty, style="List Bullet")
    docx_par(doc, f"I would gladly recommend {L.first_name}.")
    docx_par(doc, "Kind regards,")
    docx_par(doc, "")
    docx_par(doc, f"{L.signatory_name}, {L.signatory_title}")
    save_docx(doc, path, L.letter_date, author=L.signatory_name)


# L10 -- professional firm: centred letterhead, RE: line, bullet duties, "per:" firm signature
def letter_firm_pdf(path: Path, L: Letter) -> None:
    p = L.pos
    body = pstyle("b", 10.5, font="Times-Roman", leading=14.5, space_after=8)
    cen = pstyle("c", 8.5, font="Times-Roman", align=TA_CENTER, leading=11)
    story = [
        P(L.employer.upper(), pstyle("h", 15, font="Times-Bold", align=TA_CENTER)),
        P("CHARTERED PROFESSIONAL ACCOUNTANTS", pstyle("h2", 8, font="Times-Roman", align=TA_CENTER)),
        Spacer(1, 4),
        P(f"{L.address}  |  {L.phone}  |  {L.email}", cen),
        HRFlowable(width="100%", thickness=0.6, spaceBefore=6, spaceAfter=18),
        P(L.fmt(L.letter_date), body),
        Spacer(1, 6),
        Pm(f"<b>RE: Confirmation of Employment – {escape(L.employee)}</b>", body),
        P("Dear Sir or Madam:", body),
        P(
            f"We confirm that {L.employee} was employed by {L.employer} as a {p.title} from "
            f"{L.fmt(p.start)} to {L.fmt(p.end)}. This was a permanent, full-time position of "
            f"{p.hours_text}. {L.her.capitalize()} salary at the end of {L.her} employment was "
            f"{p.pay_text}, and {L.pronoun} participated in {L.benefits}.",
            body,
        ),
        P(
            f"In {L.her} role in our assurance and advisory group, {L.first_name} was responsible for the following:",
            body,
        ),
        ListFlowable(
            [ListItem(P(x, body), leftIndent=12) for x in p.duties], bulletType="bullet", start="•", leftIndent=12
        ),
        P(
            f"{L.first_name} left the firm on good terms. Please contact the undersigned if you "
            "require anything further.",
            body,
        ),
        P("Yours sincerely,", body),
        Spacer(1, 4),
        P(L.employer.upper(), pstyle("f", 10.5, font="Times-Bold")),
        Spacer(1, 22),
        P(f"per: {L.signatory_name}, CPA", body),
        P(L.signatory_title, pstyle("t2", 10.5, font="Times-Roman")),
    ]
    build_pdf(path, story, top=0.7 * inch)


# L11 -- industrial employer: summary box, duties as one semicolon-separated sentence
def letter_summary_box_pdf(path: Path, L: Letter) -> None:
    p = L.pos
    body = pstyle("b", 10.5, leading=15, space_after=10)

    def head(c, _d):
        c.saveState()
        c.setFillColor(colors.HexColor("#f2a900"))
        c.rect(0.9 * inch, PAGE_H - 1.05 * inch, 0.18 * inch, 0.5 * inch, fill=1, stroke=0)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 17)
        c.drawString(1.2 * inch, PAGE_H - 0.82 * inch, L.employer.upper())
        c.setFont("Helvetica", 8.5)
        c.drawString(1.2 * inch, PAGE_H - 1.0 * inch, f"{L.address}   ·   {L.phone}   ·   {L.email}")
        c.restoreState()

    box = Table(
        [
            [P("Position", body), P(p.title, body)],
            [P("Period of employment", body), P(f"{L.fmt(p.start)} to {L.fmt(p.end)}", body)],
            [P("Schedule", body), P(f"{p.hours_text}, day shift", body)],
            [P("Wage", body), P(p.pay_text, body)],
            [P("Benefits", body), P(L.benefits, body)],
        ],
        colWidths=[2.0 * inch, 4.6 * inch],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbf6e9")),
                ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
            ]
        )
    )
    story = [
        Spacer(1, 20),
        P(L.fmt(L.letter_date), body),
        P("To whom it may concern:", body),
        P(
            f"This letter confirms that {L.employee} worked for {L.employer} in our structural "
            f"fabrication shop. {L.pronoun.capitalize()} resigned to take a position closer to family "
            "and left in good standing.",
            body,
        ),
        KeepTogether([box]),
        Spacer(1, 12),
        P(f"As a {p.title.lower()} in our shop, {L.first_name} was responsible for " + "; ".join(p.duties) + ".", body),
        P("If you need to verify this information, please call our office during business hours.", body),
        Spacer(1, 6),
        P("Regards,", body),
        Spacer(1, 24),
        P(L.signatory_name, pstyle("s", 10.5, font="Helvetica-Bold")),
        P(L.signatory_title, body),
    ]
    build_pdf(path, story, head, top=1.3 * inch)


# L12 -- modern letter with a grey left sidebar holding the contact details
def letter_sidebar_pdf(path: Path, L: Letter) -> None:
    p = L.pos
    body = pstyle("b", 10, leading=14.5, space_after=9)

    def sidebar(c, _d):
        c.saveState()
        c.setFillColor(colors.HexColor("#e8edf2"))
        c.rect(0, 0, 2.25 * inch, PAGE_H, fill=1, stroke=0)
        c.setFillColor(colors.HexColor("#12355b"))
        c.setFont("Helvetica-Bold", 13)
        yy = PAGE_H - 1.0 * inch
        for w in L.employer.split():
            c.drawString(0.35 * inch, yy, w.upper())
            yy -= 16
        c.setFont("Helvetica", 8)
        c.setFillColor(colors.HexColor("#333333"))
        yy -= 20
        for line in L.address_lines + ["", L.phone, L.email, L.website or ""]:
            c.drawString(0.35 * inch, yy, line)
            yy -= 11
        c.restoreState()

    story = [
        P(L.fmt(L.letter_date), body),
        Spacer(1, 8),
        P("Employment confirmation", pstyle("t", 14, font="Helvetica-Bold")),
        Spacer(1, 6),
        P("To the officer reviewing this application,", body),
        P(
            f"{L.employer} has employed {L.employee} since {L.fmt(p.start)}. {L.pronoun.capitalize()} "
            f"currently works as our {p.title} in the Mississauga cross-dock, on a permanent schedule "
            f"of {p.hours_text}.",
            body,
        ),
        P(
            f"{L.her.capitalize()} base salary is {p.pay_text}. {L.pronoun.capitalize()} also receives {L.benefits}.",
            body,
        ),
        P(f"What {L.first_name} does for us:", pstyle("h", 10, font="Helvetica-Bold", space_after=4)),
        ListFlowable(
            [ListItem(P(x, body), leftIndent=10) for x in p.duties], bulletType="bullet", start="›", leftIndent=10
        ),
        P(
            f"I have supervised {L.first_name} directly since {L.pronoun} joined and I am glad to answer "
            "any questions.",
            body,
        ),
        Spacer(1, 20),
        P(L.signatory_name, pstyle("s", 10, font="Helvetica-Bold")),
        P(L.signatory_title, pstyle("s2", 10)),
        P(f"Direct: {L.phone}", pstyle("s3", 9)),
    ]
    build_pdf(path, story, sidebar, left=2.6 * inch, right=0.8 * inch, top=0.9 * inch)


# L13 -- DOCX with company in the header, phone/email in the footer, numbered duties,
#        signature table
def letter_header_footer_docx(path: Path, L: Letter) -> None:
    doc = new_docx("Cambria", 11)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    r = hp.add_run(L.employer)
    r.bold = True
    r.font.size = Pt(16)
    r.font.color.rgb = RGBColor.from_string("1F3A5F")
    hp.add_run("\n" + L.address).font.size = Pt(8.5)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run(f"Office {L.phone}   ·   {L.email}   ·   {L.website}").font.size = Pt(8)
    p = L.pos
    docx_par(doc, L.fmt(L.letter_date))
    docx_par(doc, "Employment Confirmation Letter", bold=True, size=13)
    pp = docx_par(doc)
    label_run(pp, "Employee: ", L.employee)
    pp = docx_par(doc)
    label_run(pp, "Position: ", p.title)
    docx_par(
        doc,
        f"We confirm that {L.employee} has worked at {L.employer} since {L.fmt(p.start)} "
        f"and is currently employed with us in a permanent full-time position. {L.her.capitalize()} "
        f"regular schedule is {p.hours_text}, and {L.pronoun} is paid {p.pay_text} plus overtime "
        f"when worked. {L.pronoun.capitalize()} is covered by {L.benefits}.",
    )
    docx_par(doc, f"{L.first_name}'s main responsibilities are:")
    for duty in p.duties:
        docx_par(doc, duty, style="List Number")
    docx_par(doc, "")
    t = doc.add_table(rows=3, cols=2)
    cells = [("Signature:", "________________________"), ("Name:", L.signatory_name), ("Title:", L.signatory_title)]
    for row, (a, b) in zip(t.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = a, b
        row.cells[0].paragraphs[0].runs[0].bold = True
    save_docx(doc, path, L.letter_date, author=L.signatory_name)


# --------------------------------------------------------------------------
# Employment contracts (DOCX)
# --------------------------------------------------------------------------


@dataclass
class Contract:
    employer: str
    employer_address: str
    employee: str
    employee_address: str
    title: str
    start: date
    hours: float
    hours_text: str
    pay: float
    pay_period: str
    pay_text: str
    signed: date
    signatory_name: str
    signatory_title: str
    noc: str | None = None

    def fields(self) -> dict:
        return {
            "employer_name": self.employer,
            "employee_name": self.employee,
            "job_title": self.title,
            "start_date": iso(self.start),
            "hours_per_week": self.hours,
            "salary_amount": self.pay,
            "salary_period": self.pay_period,
        }


# C1 -- offer letter with an acceptance block
def contract_offer_letter_docx(path: Path, C: Contract) -> None:
    doc = new_docx("Calibri", 11)
    docx_par(doc, C.employer, bold=True, size=14, color="0B6E4F", space_after=0)
    docx_par(doc, C.employer_address, size=8.5, color="666666")
    docx_par(doc, long_date(C.signed))
    docx_par(doc, "PRIVATE & CONFIDENTIAL", bold=True)
    docx_par(doc, f"{C.employee}\n{C.employee_address}")
    docx_par(doc, f"Dear {C.employee.split()[0]},")
    docx_par(
        doc,
        f"We are delighted to offer you the position of {C.title} with {C.employer}, "
        "reporting to the Engineering Manager. The terms of our offer are set out below.",
    )
    for label, text in [
        ("Start date. ", f"Your employment will begin on {long_date(C.start)}."),
        ("Hours of work. ", f"{C.hours_text}; core hours are 10:00 to 16:00."),
        ("Compensation. ", f"{C.pay_text}, paid semi-monthly by direct deposit, less statutory deductions."),
        (
            "Benefits. ",
            "You will be eligible for our extended health, dental and vision plan from your first day, "
            "and for RRSP matching of up to 4% of salary after three months.",
        ),
        ("Vacation. ", "Three weeks (15 days) of paid vacation per calendar year, prorated in your first year."),
        ("Probation. ", "The first three months of employment are a probationary period."),
    ]:
        p = docx_par(doc)
        label_run(p, label, text)
    docx_par(doc, "To accept this offer, please sign below and return a copy by August 18, 2023.")
    docx_par(doc, "Sincerely,")
    docx_par(doc, f"{C.signatory_name}\n{C.signatory_title}")
    docx_par(doc, "")
    docx_par(doc, "ACCEPTANCE", bold=True)
    docx_par(doc, f"I, {C.employee}, accept the offer of employment on the terms above.")
    docx_par(doc, "Signature: ______________________        Date: " + (C.signed + timedelta(days=3)).isoformat())
    save_docx(doc, path, C.signed, author=C.signatory_name)


# C2 -- LMIA-style employment contract: a table of terms, two signature lines
def contract_terms_table_docx(path: Path, C: Contract) -> None:
    doc = new_docx("Times New Roman", 11)
    docx_par(doc, "EMPLOYMENT CONTRACT", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    docx_par(doc, "(Temporary Foreign Worker – Low-wage stream)", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    docx_par(
        doc,
        f"This contract is made on {long_date(C.signed)} between the employer and the employee named "
        "below, who agree to the following terms.",
    )
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    rows = [
        ("Employer", f"{C.employer}\n{C.employer_address}"),
        ("Employee", f"{C.employee}\n{C.employee_address}"),
        ("Job title", C.title),
        ("NOC 2021 code", C.noc or ""),
        ("Start date", long_date(C.start)),
        ("Duration", "Two years from the start date, renewable"),
        ("Work location", C.employer_address),
        ("Hours of work", C.hours_text),
        ("Wage", C.pay_text),
        ("Overtime", "1.5 times the regular wage after 48 hours per week (Nova Scotia Labour Standards Code)"),
        ("Vacation", "Two weeks per year, vacation pay 4% of gross wages"),
        ("Deductions", "Only deductions required by law (CPP, EI, income tax)"),
        ("Health coverage", "Private health insurance paid by the employer until provincial coverage begins"),
        ("Recruitment fees", "None. The employer has not charged and will not charge any recruitment fee."),
    ]
    for a, b in rows:
        r = t.add_row().cells
        r[0].text, r[1].text = a, b
        r[0].paragraphs[0].runs[0].bold = True
    docx_par(doc, "")
    docx_par(
        doc,
        "Duties: prepare and cook menu items and daily specials, prepare sauces and stocks, "
        "keep food safety logs, rotate stock and help the kitchen manager order supplies.",
    )
    docx_par(doc, "")
    s = doc.add_table(rows=2, cols=2)
    s.rows[0].cells[0].text = "______________________________\nFor the employer"
    s.rows[0].cells[1].text = "______________________________\nEmployee"
    s.rows[1].cells[0].text = f"{C.signatory_name}, {C.signatory_title}"
    s.rows[1].cells[1].text = C.employee
    save_docx(doc, path, C.signed, author=C.signatory_name)


# C3 -- employment agreement with numbered clauses
def contract_clauses_docx(path: Path, C: Contract) -> None:
    doc = new_docx("Arial", 10)
    docx_par(doc, "EMPLOYMENT AGREEMENT", bold=True, size=14)
    docx_par(doc, f"THIS AGREEMENT is dated {long_date(C.signed)}.")
    docx_par(doc, f"BETWEEN: {C.employer.upper()}, a Saskatchewan corporation ({'the “Company”'})")
    docx_par(doc, f"AND: {C.employee.upper()}, of {C.employee_address} ({'the “Employee”'})")
    clauses = [
        ("Position", f"The Company employs the Employee as a {C.title}. The Employee reports to the Shop Foreman."),
        ("Commencement", f"Employment starts on {long_date(C.start)} and continues for an indefinite period."),
        ("Hours of Work", f"{C.hours_text}, Monday to Friday, 7:00 a.m. to 3:30 p.m. with a 30-minute unpaid lunch."),
        (
            "Remuneration",
            f"The Employee will be paid {C.pay_text}, semi-monthly, with overtime at time and a half "
            "after 8 hours in a day or 40 hours in a week.",
        ),
        ("Benefits", "After three months the Employee joins the Company's group health, dental and disability plan."),
        ("Safety", "The Employee will wear the personal protective equipment supplied and hold a valid CWB ticket."),
        ("Termination", "Either party may end this agreement in accordance with The Saskatchewan Employment Act."),
    ]
    for i, (head, text) in enumerate(clauses, 1):
        p = docx_par(doc)
        label_run(p, f"{i}. {head}. ", text)
    docx_par(doc, "")
    docx_par(doc, f"Signed for the Company: {C.signatory_name}, {C.signatory_title}      ______________")
    docx_par(doc, f"Signed by the Employee: {C.employee}      ______________")
    save_docx(doc, path, C.signed, author=C.signatory_name)


# --------------------------------------------------------------------------
# Pay stubs: one function per payroll layout
# --------------------------------------------------------------------------


@dataclass
class Payer:
    name: str
    address_lines: list[str]
    province: str
    code: str = ""


@dataclass
class Payee:
    name: str
    address_lines: list[str]
    employee_id: str
    sin: str
    bank_tail: str = "4821"


def stub_fields(payer: Payer, payee: Payee, s: Stub) -> dict:
    return {
        "employer_name": payer.name,
        "employee_name": payee.name,
        "period_start": iso(s.period_start),
        "period_end": iso(s.period_end),
        "pay_date": iso(s.pay_date),
        "hours": s.hours,
        "gross_pay": s.gross,
        "ytd_gross": s.ytd_gross,
    }


def draw_table(c, data, x, y_top, col_widths, style_cmds, font_size=8.5):
    t = Table(data, colWidths=col_widths)
    t.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 0), (-1, -1), font_size),
                ("FONTNAME", (0, 0), (-1, -1), "Helvetica"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
            + style_cmds
        )
    )
    _, h = t.wrapOn(c, PAGE_W, PAGE_H)
    t.drawOn(c, x, y_top - h)
    return y_top - h


DED_LABELS = {
    "CPP": "CPP",
    "QPP": "QPP",
    "EI": "EI",
    "QPIP": "QPIP",
    "Federal tax": "Federal income tax",
    "Provincial tax": "Provincial income tax",
}


# P1 -- ADP-like "Statement of Earnings and Deductions": earnings left, deductions right
def stub_two_column_pdf(path: Path, payer: Payer, payee: Payee, s: Stub, freq: str) -> None:
    c = new_canvas(path)
    top = PAGE_H - 54
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, top, payer.name)
    c.setFont("Helvetica", 8.5)
    for i, line in enumerate(payer.address_lines):
        c.drawString(50, top - 13 - 11 * i, line)
    c.setFont("Helvetica-Bold", 11)
    c.drawRightString(PAGE_W - 50, top, "Statement of Earnings and Deductions")
    c.setFont("Helvetica", 8.5)
    meta = [
        ("Period start", s.period_start.isoformat()),
        ("Period end", s.period_end.isoformat()),
        ("Pay date", s.pay_date.isoformat()),
        ("Advice no.", f"{payer.code}{s.number:06d}"),
    ]
    for i, (a, b) in enumerate(meta):
        c.drawRightString(PAGE_W - 130, top - 14 - 11 * i, a + ":")
        c.drawRightString(PAGE_W - 50, top - 14 - 11 * i, b)
    y = top - 80
    c.setStrokeColor(colors.HexColor("#c00000"))
    c.setLineWidth(1.5)
    c.line(50, y, PAGE_W - 50, y)
    y -= 16
    c.setFont("Helvetica-Bold", 9)
    c.drawString(50, y, payee.name.upper())
    c.setFont("Helvetica", 8.5)
    for i, line in enumerate(payee.address_lines):
        c.drawString(50, y - 11 * (i + 1), line)
    info = [
        ("Employee ID", payee.employee_id),
        ("SIN", f"***-***-{payee.sin[-3:]}"),
        ("Pay frequency", {"biweekly": "Bi-weekly", "semimonthly": "Semi-monthly", "monthly": "Monthly"}[freq]),
        ("Province of employment", payer.province),
    ]
    for i, (a, b) in enumerate(info):
        c.drawString(330, y - 11 * i, f"{a}:")
        c.drawString(440, y - 11 * i, b)
    y -= 60
    earn = [["EARNINGS", "Hours", "Rate", "Current", "Year to date"]]
    earn.append(
        [
            "Regular salary" if s.salaried else "Regular",
            f"{s.hours:.2f}",
            "" if s.rate is None else f"{s.rate:.2f}",
            money(s.gross),
            money(s.ytd_gross),
        ]
    )
    ded = [["DEDUCTIONS", "Current", "Year to date"]]
    for k, v in s.deductions.items():
        ded.append([DED_LABELS[k], money(v), money(s.ytd_deductions[k])])
    hdr = [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ]
    y1 = draw_table(c, earn, 50, y, [92, 40, 38, 55, 60], hdr)
    y2 = draw_table(c, ded, 350, y, [105, 50, 60], hdr)
    y = min(y1, y2) - 24
    tot_ded = r2(sum(s.deductions.values()))
    ytd_ded = r2(sum(s.ytd_deductions.values()))
    summary = [
        ["", "Gross pay", "Total deductions", "Net pay"],
        ["Current", money(s.gross), money(tot_ded), money(s.net)],
        ["Year to date", money(s.ytd_gross), money(ytd_ded), money(r2(s.ytd_gross - ytd_ded))],
    ]
    y = draw_table(
        c,
        summary,
        50,
        y,
        [120, 130, 130, 132],
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ],
        font_size=9,
    )
    c.setFont("Helvetica", 8)
    c.drawString(
        50, y - 24, f"Net pay of ${money(s.net)} deposited to account ******{payee.bank_tail}. This is not a cheque."
    )
    c.showPage()
    c.save()


def ceridian_date(x: date) -> str:  # 15-Jan-2024
    return f"{x.day:02d}-{MONTHS[x.month - 1][:3]}-{x.year}"


# P2 -- one table with Hours / Rate / Current / YTD, earnings and deductions together
def stub_table_pdf(path: Path, payer: Payer, payee: Payee, s: Stub, freq: str) -> None:
    c = new_canvas(path)
    top = PAGE_H - 50
    c.setFillColor(colors.HexColor("#004b87"))
    c.rect(40, top - 22, PAGE_W - 80, 28, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, top - 14, "PAY STATEMENT")
    c.setFont("Helvetica", 9)
    c.drawRightString(PAGE_W - 50, top - 14, payer.name)
    c.setFillColor(colors.black)
    y = top - 40
    box = [
        ["Company", payer.name, "Employee", payee.name],
        ["Address", ", ".join(payer.address_lines), "Employee #", payee.employee_id],
        [
            "Pay period",
            f"{ceridian_date(s.period_start)} to {ceridian_date(s.period_end)}",
            "SIN",
            f"XXX-XXX-{payee.sin[-3:]}",
        ],
        [
            "Pay date",
            ceridian_date(s.pay_date),
            "Frequency",
            {"biweekly": "Biweekly", "semimonthly": "Semi-Monthly", "monthly": "Monthly"}[freq],
        ],
    ]
    y = draw_table(
        c,
        box,
        40,
        y,
        [62, 230, 62, 178],
        [
            ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
            ("FONTNAME", (2, 0), (2, -1), "Helvetica-Bold"),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ],
        font_size=8,
    )
    y -= 16
    rows = [
        ["Description", "Hours", "Rate", "Current", "YTD"],
        ["Earnings", "", "", "", ""],
        [
            "Salary" if s.salaried else "Regular pay",
            f"{s.hours:.2f}",
            "" if s.rate is None else money(s.rate),
            money(s.gross),
            money(s.ytd_gross),
        ],
        ["Gross earnings", "", "", money(s.gross), money(s.ytd_gross)],
        ["Deductions", "", "", "", ""],
    ]
    for k, v in s.deductions.items():
        rows.append([DED_LABELS[k], "", "", f"-{money(v)}", money(s.ytd_deductions[k])])
    tot = r2(sum(s.deductions.values()))
    rows.append(["Total deductions", "", "", f"-{money(tot)}", money(r2(sum(s.ytd_deductions.values())))])
    rows.append(["NET PAY", "", "", money(s.net), ""])
    n = len(rows)
    y = draw_table(
        c,
        rows,
        40,
        y,
        [200, 60, 60, 100, 112],
        [
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe7f3")),
            ("FONTNAME", (0, 1), (0, 1), "Helvetica-Bold"),
            ("FONTNAME", (0, 4), (0, 4), "Helvetica-Bold"),
            ("FONTNAME", (0, n - 1), (-1, n - 1), "Helvetica-Bold"),
            ("LINEABOVE", (0, n - 1), (-1, n - 1), 0.8, colors.black),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
        ],
        font_size=9,
    )
    c.setFont("Helvetica-Oblique", 7.5)
    c.drawString(
        40,
        y - 20,
        f"Direct deposit: ******{payee.bank_tail}   ·   Questions about your pay? "
        "Contact payroll through the employee portal.",
    )
    c.showPage()
    c.save()


# P3 -- small-business stub from bookkeeping software: plain lines
def stub_simple_pdf(path: Path, payer: Payer, payee: Payee, s: Stub, freq: str) -> None:
    c = new_canvas(path)
    x, y = 60, PAGE_H - 60
    c.setFont("Helvetica-Bold", 16)
    c.drawString(x, y, "PAY STUB")
    c.setFont("Helvetica", 10)
    c.drawRightString(PAGE_W - 60, y, payer.name)
    c.drawRightString(PAGE_W - 60, y - 13, payer.address_lines[0])
    c.drawRightString(PAGE_W - 60, y - 26, payer.address_lines[-1])
    y -= 56
    lines = [
        ("Employee", payee.name),
        ("Pay period", f"{short_date(s.period_start)} to {short_date(s.period_end)}"),
        ("Cheque date", short_date(s.pay_date)),
        ("Cheque no.", f"{s.number + 1000}"),
    ]
    for a, b in lines:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x, y, a)
        c.setFont("Helvetica", 10)
        c.drawString(x + 110, y, b)
        y -= 15
    y -= 12
    c.line(x, y, PAGE_W - 60, y)
    y -= 18
    c.setFont("Helvetica", 10)
    if s.rate is not None:
        c.drawString(x, y, f"Regular hours   {s.hours:.2f} hrs @ ${s.rate:.2f}")
    else:
        c.drawString(x, y, f"Salary   {s.hours:.2f} hrs")
    c.drawRightString(PAGE_W - 60, y, f"${money(s.gross)}")
    y -= 22
    names = {
        "CPP": "CPP",
        "EI": "EI",
        "QPP": "QPP",
        "QPIP": "QPIP",
        "Federal tax": "Federal tax",
        "Provincial tax": f"{payer.province} tax",
    }
    for k, v in s.deductions.items():
        c.drawString(x, y, names[k])
        c.drawRightString(PAGE_W - 60, y, f"-${money(v)}")
        y -= 14
    y -= 6
    c.line(x, y, PAGE_W - 60, y)
    y -= 18
    c.setFont("Helvetica-Bold", 11)
    c.drawString(x, y, "Net pay")
    c.drawRightString(PAGE_W - 60, y, f"${money(s.net)}")
    y -= 30
    c.setFont("Helvetica", 9)
    c.drawString(
        x, y, f"Gross pay YTD: ${money(s.ytd_gross)}     Deductions YTD: ${money(r2(sum(s.ytd_deductions.values())))}"
    )
    c.showPage()
    c.save()


# P4 -- Quebec "Relevé de paie" in French, French number format
def stub_releve_paie_fr_pdf(path: Path, payer: Payer, payee: Payee, s: Stub, freq: str) -> None:
    c = new_canvas(path)
    top = PAGE_H - 56
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, top, "RELEVÉ DE PAIE")
    c.setFont("Helvetica", 8.5)
    c.drawString(50, top - 14, "Talon de paie – copie de l'employé(e)")
    c.setFont("Helvetica-Bold", 10)
    c.drawRightString(PAGE_W - 50, top, payer.name)
    c.setFont("Helvetica", 8.5)
    for i, line in enumerate(payer.address_lines):
        c.drawRightString(PAGE_W - 50, top - 13 - 11 * i, line)
    y = top - 60
    ident = [
        ["Employé(e)", payee.name, "Matricule", payee.employee_id],
        [
            "Période de paie",
            f"du {s.period_start.isoformat()} au {s.period_end.isoformat()}",
            "NAS",
            f"*** *** {payee.sin[-3:]}",
        ],
        ["Date de paie", s.pay_date.isoformat(), "Fréquence", "Aux deux semaines"],
    ]
    y = draw_table(
        c,
        ident,
        50,
        y,
        [85, 200, 70, 157],
        [
            ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
            ("FONTNAME", (2, 0), (2, -1), "Helvetica-Bold"),
            ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ],
    )
    y -= 16
    rows = [
        ["Gains", "Heures", "Taux", "Montant", "Cumulatif"],
        ["Salaire régulier", money_fr(s.hours), money_fr(s.rate or 0), money_fr(s.gross), money_fr(s.ytd_gross)],
        ["Salaire brut", "", "", money_fr(s.gross), money_fr(s.ytd_gross)],
    ]
    y = draw_table(
        c,
        rows,
        50,
        y,
        [160, 60, 60, 110, 122],
        [
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("FONTNAME", (0, 2), (-1, 2), "Helvetica-Bold"),
        ],
    )
    y -= 12
    fr = {
        "QPP": "RRQ",
        "EI": "Assurance-emploi",
        "QPIP": "RQAP",
        "Federal tax": "Impôt fédéral",
        "Provincial tax": "Impôt du Québec",
    }
    rows = [["Retenues", "", "", "Montant", "Cumulatif"]]
    for k, v in s.deductions.items():
        rows.append([fr[k], "", "", money_fr(v), money_fr(s.ytd_deductions[k])])
    rows.append(
        [
            "Total des retenues",
            "",
            "",
            money_fr(r2(sum(s.deductions.values()))),
            money_fr(r2(sum(s.ytd_deductions.values()))),
        ]
    )
    y = draw_table(
        c,
        rows,
        50,
        y,
        [160, 60, 60, 110, 122],
        [
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
        ],
    )
    y -= 18
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "Salaire net")
    c.drawRightString(PAGE_W - 60, y, f"{money_fr(s.net)} $")
    c.setFont("Helvetica", 8)
    c.drawString(50, y - 22, f"Dépôt direct au compte ****{payee.bank_tail}. Conservez ce relevé pour vos dossiers.")
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# T4 slips
# --------------------------------------------------------------------------


def t4_fields(t: T4Data) -> dict:
    return {
        "tax_year": t.year,
        "employer_name": t.employer,
        "employee_name": f"{t.employee_first} {t.employee_last}",
        "employment_income": t.box14,
        "province": t.province,
    }


def t4_boxes(t: T4Data) -> list[tuple[str, str, str, str]]:
    """(box, English label, French label, value) in slip order."""
    v = lambda x: money(x) if x else ""  # noqa: E731
    boxes = [
        ("14", "Employment income", "Revenus d'emploi", money(t.box14)),
        ("22", "Income tax deducted", "Impôt sur le revenu retenu", v(t.box22)),
        ("10", "Province of employment", "Province d'emploi", t.province),
        ("16", "Employee's CPP contributions", "Cotisations de l'employé au RPC", v(t.box16)),
        ("16A", "Employee's second CPP contributions", "Deuxièmes cotisations au RPC", ""),
        ("17", "Employee's QPP contributions", "Cotisations de l'employé au RRQ", v(t.box17)),
        ("18", "Employee's EI premiums", "Cotisations de l'employé à l'AE", v(t.box18)),
        ("24", "EI insurable earnings", "Gains assurables d'AE", v(t.box24)),
        ("26", "CPP/QPP pensionable earnings", "Gains ouvrant droit à pension – RPC/RRQ", v(t.box26)),
        ("44", "Union dues", "Cotisations syndicales", ""),
        ("46", "Charitable donations", "Dons de bienfaisance", ""),
        ("52", "Pension adjustment", "Facteur d'équivalence", ""),
        ("55", "Employee's PPIP premiums", "Cotisations de l'employé au RPAP", v(t.box55)),
        ("56", "PPIP insurable earnings", "Gains assurables du RPAP", v(t.box56)),
        (
            "45",
            "Employer-offered dental benefits",
            "Prestations dentaires offertes par l'employeur",
            t.box45 if t.year >= 2023 else "",
        ),
        ("29", "Employment code", "Code d'emploi", ""),
    ]
    if t.year < 2024:
        boxes = [b for b in boxes if b[0] != "16A"]
    return boxes


# T1 -- the CRA slip as a grid of numbered boxes
def t4_grid_pdf(path: Path, t: T4Data) -> None:
    c = new_canvas(path)
    top = PAGE_H - 50
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, top, "Canada Revenue Agency")
    c.drawString(40, top - 10, "Agence du revenu du Canada")
    c.setFont("Helvetica-Bold", 26)
    c.drawCentredString(PAGE_W / 2 - 40, top - 14, "T4")
    c.setFont("Helvetica", 8.5)
    c.drawString(PAGE_W / 2, top - 2, "Statement of Remuneration Paid")
    c.drawString(PAGE_W / 2, top - 12, "État de la rémunération payée")
    c.rect(PAGE_W - 120, top - 20, 80, 30)
    c.setFont("Helvetica", 6.5)
    c.drawString(PAGE_W - 116, top + 2, "Year / Année")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(PAGE_W - 100, top - 14, str(t.year))
    small = pstyle("sm", 6.5, leading=7.5)
    big = pstyle("bg", 10, font="Helvetica-Bold", leading=12)
    emp = Table(
        [
            [Pm("Employer's name – Nom de l'employeur", small)],
            [Pm(f"{escape(t.employer)}<br/><font size='8' name='Helvetica'>{escape(t.employer_address)}</font>", big)],
        ],
        colWidths=[PAGE_W - 80],
    )
    emp.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
    _, h = emp.wrapOn(c, PAGE_W, PAGE_H)
    y = top - 34
    emp.drawOn(c, 40, y - h)
    y -= h + 8
    value = pstyle("v", 10, font="Helvetica-Bold", leading=13)

    def box_cell(box: str, en: str, fr: str, val: str) -> list:
        return [Pm(f"<b>{box}</b> {escape(en)}<br/>{escape(fr)}", small), P(val or " ", value)]

    cells = [box_cell(*b) for b in t4_boxes(t)]
    cells.insert(3, box_cell("12", "Social insurance number", "Numéro d'assurance sociale", sin_spaced(t.sin)))
    cells.insert(4, box_cell("28", "Exempt – Exemption", "CPP/QPP  EI  PPIP", ""))
    while len(cells) % 3:
        cells.append("")
    grid = Table([cells[i : i + 3] for i in range(0, len(cells), 3)], colWidths=[(PAGE_W - 80) / 3] * 3)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    _, h = grid.wrapOn(c, PAGE_W, PAGE_H)
    grid.drawOn(c, 40, y - h)
    y -= h + 8
    ee = Table(
        [
            [Pm("Employee's name and address – Nom et adresse de l'employé", small)],
            [
                Pm(
                    f"Last name – Nom de famille: <b>{escape(t.employee_last.upper())}</b> &nbsp;&nbsp; "
                    f"First name – Prénom: <b>{escape(t.employee_first.upper())}</b><br/>"
                    + "<br/>".join(escape(x) for x in t.employee_address),
                    pstyle("ad", 9, leading=12),
                )
            ],
        ],
        colWidths=[PAGE_W - 80],
    )
    ee.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
    _, h = ee.wrapOn(c, PAGE_W, PAGE_H)
    ee.drawOn(c, 40, y - h)
    y -= h + 14
    c.setFont("Helvetica", 7)
    c.drawString(40, y, f"T4 ({t.year % 100:02d})   Protected B when completed / Protégé B une fois rempli")
    c.drawString(
        40,
        y - 10,
        "Copy 2 – Attach to your provincial/territorial return · "
        "Copie 2 – À joindre à votre déclaration provinciale ou territoriale",
    )
    c.showPage()
    c.save()


# T2 -- payroll provider printout: one line per box, two copies on the page
def t4_printout_pdf(path: Path, t: T4Data) -> None:
    c = new_canvas(path)
    for copy, y0 in (("Copy 2 / Copie 2", PAGE_H - 50), ("Copy 3 / Copie 3", PAGE_H / 2 - 14)):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(50, y0, f"T4 {t.year} — Statement of Remuneration Paid / État de la rémunération payée")
        c.setFont("Helvetica", 8)
        c.drawRightString(PAGE_W - 50, y0, copy)
        c.drawString(50, y0 - 14, f"Employer / Employeur : {t.employer}, {t.employer_address}")
        c.drawString(
            50,
            y0 - 25,
            f"Employee / Employé(e) : {t.employee_last.upper()}, {t.employee_first}  —  "
            f"{', '.join(t.employee_address)}",
        )
        c.drawString(
            50, y0 - 36, f"Box/Case 12  Social insurance number / Numéro d'assurance sociale : {sin_spaced(t.sin)}"
        )
        y = y0 - 52
        for box, en, fr, val in t4_boxes(t):
            if not val:
                continue
            c.drawString(50, y, f"Box/Case {box}")
            c.drawString(110, y, f"{en} / {fr}")
            c.drawRightString(PAGE_W - 50, y, val)
            y -= 12
        c.setDash(3, 3)
        if y0 > PAGE_H / 2:
            c.line(30, PAGE_H / 2, PAGE_W - 30, PAGE_H / 2)
        c.setDash()
    c.setFont("Helvetica", 7)
    c.drawString(
        50, 40, "Printed by the employer's payroll service. Keep Copy 3 for your records. Protected B when completed."
    )
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# CRA notices of assessment
# --------------------------------------------------------------------------


@dataclass
class NOAData:
    year: int
    name: str
    address: list[str]
    sin: str
    issued: date
    total_income: float
    deductions: float  # RRSP etc. (15000 -> 23600)
    tax_deducted: float  # line 43700
    province: str

    def lines(self) -> dict[str, float]:
        net = r2(self.total_income - self.deductions)
        fed = r2(max(0.0, net * 0.15 - 15705 * 0.15) * 0.92)
        prov = r2(max(0.0, net * 0.055 - 600))
        payable = r2(fed + prov)
        return {
            "total": self.total_income,
            "net": net,
            "taxable": net,
            "credits": r2(15705 * 0.15 + 1200),
            "fed": fed,
            "prov": prov,
            "payable": payable,
            "deducted": self.tax_deducted,
            "balance": r2(self.tax_deducted - payable),
        }

    def fields(self) -> dict:
        return {
            "tax_year": self.year,
            "employee_name": self.name,
            "total_income": self.total_income,
            "date_issued": iso(self.issued),
        }


def masked_noa_sin(sin: str) -> str:
    return f"XXX XX{sin[5]} {sin[6:]}"


# N1 -- modern notice (5-digit line numbers)
def noa_modern_pdf(path: Path, n: NOAData) -> None:
    L = n.lines()
    body = pstyle("b", 9.5, leading=13, space_after=6)

    def head(c, _d):
        c.saveState()
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, PAGE_H - 45, "Canada Revenue Agency   |   Agence du revenu du Canada")
        c.setFont("Helvetica-Bold", 16)
        c.drawRightString(PAGE_W - 50, PAGE_H - 48, "Notice of assessment")
        c.setFont("Helvetica", 7)
        c.drawString(50, 30, f"T451 E ({(n.issued.year) % 100:02d})")
        c.restoreState()

    ident = Table(
        [
            ["Tax year", "Date issued", "Social insurance number"],
            [str(n.year), long_date(n.issued), masked_noa_sin(n.sin)],
        ],
        colWidths=[1.3 * inch, 1.8 * inch, 2.2 * inch],
        hAlign="RIGHT",
    )
    ident.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    refund = L["balance"] >= 0
    rows = [
        ["Description", "Line", "Amount ($)"],
        ["Total income", "15000", money(L["total"])],
        ["Net income", "23600", money(L["net"])],
        ["Taxable income", "26000", money(L["taxable"])],
        ["Total federal non-refundable tax credits", "35000", money(L["credits"])],
        ["Net federal tax", "42000", money(L["fed"])],
        ["Net provincial tax", "42800", money(L["prov"])],
        ["Total payable", "43500", money(L["payable"])],
        ["Total income tax deducted", "43700", f"{money(L['deducted'])} CR"],
        ["Refund" if refund else "Balance owing", "48400" if refund else "48500", money(abs(L["balance"]))],
    ]
    tab = Table(rows, colWidths=[3.6 * inch, 0.9 * inch, 1.5 * inch])
    tab.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f3f3")]),
            ]
        )
    )
    story = [
        Spacer(1, 10),
        ident,
        Spacer(1, 14),
        P(n.name.upper(), pstyle("n", 9.5, font="Helvetica-Bold")),
        *[P(x.upper(), pstyle("a", 9.5)) for x in n.address],
        Spacer(1, 14),
        P(
            f"We assessed your {n.year} income tax and benefit return and calculated your balance. "
            "The following is a summary of our assessment, including any changes we made.",
            body,
        ),
        Table(
            [
                ["Account summary", ""],
                ["Balance from this assessment", f"${money(abs(L['balance']))} {'CR' if refund else 'DR'}"],
            ],
            colWidths=[3.6 * inch, 2.4 * inch],
            style=[
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
            ],
        ),
        Spacer(1, 12),
        P("Tax assessment summary", pstyle("h", 11, font="Helvetica-Bold", space_after=4)),
        tab,
        Spacer(1, 12),
        P(
            f"Your RRSP deduction limit for {n.year + 1} is ${money(r2(L['total'] * 0.18))}. "
            "Any refund will be deposited to your account on file.",
            body,
        ),
        P("Commissioner of Revenue", body),
    ]
    build_pdf(path, story, head, top=0.95 * inch)


# N2 -- older notice (pre-2019 style, 3-digit line numbers)
def noa_old_pdf(path: Path, n: NOAData) -> None:
    L = n.lines()
    c = new_canvas(path)
    y = PAGE_H - 50
    c.setFont("Times-Bold", 12)
    c.drawString(50, y, "Canada Revenue Agency")
    c.drawRightString(PAGE_W - 50, y, "Notice of Assessment")
    c.setFont("Times-Roman", 10)
    y -= 28
    for a, b in [
        ("Date", long_date(n.issued)),
        ("Taxation year", str(n.year)),
        ("Social insurance number", masked_noa_sin(n.sin)),
    ]:
        c.drawString(330, y, a)
        c.drawRightString(PAGE_W - 50, y, b)
        y -= 13
    y -= 10
    for line in [n.name.upper()] + [x.upper() for x in n.address]:
        c.drawString(50, y, line)
        y -= 13
    y -= 16
    c.drawString(
        50,
        y,
        f"Thank you for filing your {n.year} income tax and benefit return. We have assessed "
        "your return and calculated",
    )
    c.drawString(50, y - 13, "your balance as shown below.")
    y -= 40
    c.setFont("Times-Bold", 10)
    c.drawString(50, y, "Summary")
    c.drawString(380, y, "Line")
    c.drawRightString(PAGE_W - 50, y, "Amount")
    c.setFont("Times-Roman", 10)
    refund = L["balance"] >= 0
    for desc, line, key in [
        ("Total income", "150", "total"),
        ("Net income", "236", "net"),
        ("Taxable income", "260", "taxable"),
        ("Total federal non-refundable tax credits", "350", "credits"),
        ("Net federal tax", "420", "fed"),
        ("Net provincial tax", "428", "prov"),
        ("Total payable", "435", "payable"),
        ("Total income tax deducted", "437", "deducted"),
        ("Refund" if refund else "Balance owing", "484" if refund else "485", "balance"),
    ]:
        y -= 15
        c.drawString(50, y, desc)
        c.drawString(380, y, line)
        c.drawRightString(PAGE_W - 50, y, f"${money(abs(L[key]))}")
    y -= 36
    c.drawString(50, y, "Explanation of changes and other important information")
    c.drawString(50, y - 13, "We have no changes to your return. Keep this notice for your records.")
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# Work permits (IMM 1442-like)
# --------------------------------------------------------------------------


@dataclass
class PermitData:
    family: str
    given: str
    permit_number: str
    uci: str
    issued: date
    expiry: date
    open: bool
    employer: str | None
    employer_location: str | None
    occupation: str | None
    noc: str | None
    sex: str
    dob: date
    country: str
    conditions: list[str]
    remarks: str
    case_type: str | None
    port: str

    def fields(self) -> dict:
        return {
            "holder_name": f"{self.given} {self.family}".title(),
            "permit_number": self.permit_number,
            "uci": self.uci,
            "issue_date": iso(self.issued),
            "expiry_date": iso(self.expiry),
            "permit_type": "open" if self.open else "employer_specific",
            "employer": None if self.open else self.employer,
            "occupation": None if self.open else self.occupation,
            "noc_code": self.noc,
        }


@dataclass
class LanguageResult:
    """A language test result; `clb` is worked out by hand from IRCC's equivalency charts (ground truth)."""

    test: str  # celpip_general / ielts_general / tcf_canada
    holder_given: str
    holder_family: str
    test_date: date
    scores: dict[str, float]  # listening, reading, writing, speaking, as printed
    clb: dict[str, int]
    number: str

    def fields(self) -> dict:
        return {
            "test": self.test,
            "holder_name": f"{self.holder_given} {self.holder_family}",
            "test_date": iso(self.test_date),
            **{k: self.scores[k] for k in SKILL_ORDER},
            "clb": {k: self.clb[k] for k in SKILL_ORDER},
        }


SKILL_ORDER = ("listening", "reading", "writing", "speaking")


def _score(x: float) -> str:
    return f"{x:.1f}" if isinstance(x, float) else str(x)


def _labelled(
    c,
    rows,
    y: float,
    *,
    value_x: float,
    label_font=("Helvetica", 9),
    value_font=("Helvetica-Bold", 10),
    step: float = 16,
    suffix: str = "",
) -> float:
    """Label / value lines one under the other, as score reports print candidate details; the next y."""
    for label, value in rows:
        c.setFont(*label_font)
        c.drawString(50, y, label + suffix)
        c.setFont(*value_font)
        c.drawString(value_x, y, value)
        y -= step
    return y


# L1 -- CELPIP-General official score report: a component table with the CLB beside each level
def language_celpip_pdf(path: Path, t: LanguageResult) -> None:
    c = new_canvas(path)
    top = PAGE_H - 50
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, top, "CELPIP")
    c.setFont("Helvetica", 9)
    c.drawString(50, top - 14, "Paragon Testing Enterprises")
    c.setFont("Helvetica-Bold", 13)
    c.drawRightString(PAGE_W - 50, top, "Official Score Report")
    c.setFont("Helvetica", 10)
    c.drawRightString(PAGE_W - 50, top - 14, "CELPIP-General Test")
    y = top - 52
    y = _labelled(
        c,
        (
            ("Test Taker", f"{t.holder_given} {t.holder_family}"),
            ("Test Date", long_date(t.test_date)),
            ("Registration Number", t.number),
            ("Test Location", "Toronto - Downtown"),
        ),
        y,
        value_x=190,
    )
    y -= 14
    rows = [["Test Component", "CELPIP Level", "CLB Level"]]
    rows += [[k.title(), _score(t.scores[k]), str(t.clb[k])] for k in SKILL_ORDER]
    draw_table(
        c,
        rows,
        50,
        y,
        [180, 110, 110],
        [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")],
        font_size=10,
    )
    c.setFont("Helvetica", 7.5)
    c.drawString(
        50,
        90,
        "Results are valid for two years from the test date. Verify this report with the "
        "registration number on the test provider's website.",
    )
    c.showPage()
    c.save()


# L2 -- IELTS Test Report Form: stacked candidate details, a row of band scores, overall band and CEFR
def language_ielts_pdf(path: Path, t: LanguageResult) -> None:
    c = new_canvas(path)
    top = PAGE_H - 50
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, top, "IELTS")
    c.setFont("Helvetica-Bold", 12)
    c.drawRightString(PAGE_W - 50, top, "Test Report Form")
    c.setFont("Helvetica", 10)
    c.drawString(50, top - 22, "GENERAL TRAINING")
    y = top - 56
    y = _labelled(
        c,
        (
            ("Centre Number", "CA512"),
            ("Date", upper_date(t.test_date)),
            ("Candidate Number", t.number),
            ("Family Name", t.holder_family.upper()),
            ("First Name(s)", t.holder_given.upper()),
            ("Candidate ID", "P" + t.number[-7:]),
        ),
        y,
        value_x=170,
        label_font=("Helvetica", 8.5),
        value_font=("Courier-Bold", 10.5),
        step=15,
    )
    y -= 18
    bands = [float(t.scores[k]) for k in SKILL_ORDER]
    overall = round(sum(bands) / 4 * 2) / 2
    c.setFont("Helvetica", 8.5)
    x = 50
    for k in SKILL_ORDER:
        c.drawString(x, y, k.title())
        c.setFont("Courier-Bold", 11)
        c.drawString(x + 58, y, _score(t.scores[k]))
        c.setFont("Helvetica", 8.5)
        x += 100
    c.drawString(50, y - 24, "Overall Band Score")
    c.setFont("Courier-Bold", 11)
    c.drawString(160, y - 24, f"{overall:.1f}")
    c.setFont("Helvetica", 8.5)
    c.drawString(230, y - 24, "CEFR Level  B2")
    c.setFont("Helvetica", 7.5)
    c.drawString(50, 90, "Test Report Form Number 24CA512" + t.number[-6:] + "  Validation stamp")
    c.showPage()
    c.save()


# L3 -- TCF Canada attestation de résultats, in French: four ability rows with score and NCLC
def language_tcf_pdf(path: Path, t: LanguageResult) -> None:
    c = new_canvas(path)
    top = PAGE_H - 50
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, top, "France Éducation international")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, top - 26, "Attestation de résultats – TCF Canada")
    c.setFont("Helvetica", 9)
    c.drawString(50, top - 40, "Test de connaissance du français pour le Canada")
    y = top - 74
    y = _labelled(
        c,
        (
            ("Nom", t.holder_family.upper()),
            ("Prénom(s)", t.holder_given),
            ("Date de la session", t.test_date.strftime("%d/%m/%Y")),
            ("Numéro de candidat", t.number),
        ),
        y,
        value_x=190,
        suffix=" :",
    )
    y -= 14
    names = {
        "listening": "Compréhension de l'oral",
        "reading": "Compréhension écrite",
        "writing": "Expression écrite",
        "speaking": "Expression orale",
    }
    scale = {"listening": "/699", "reading": "/699", "writing": "/20", "speaking": "/20"}
    rows = [["Épreuve", "Score", "Niveau NCLC"]]
    rows += [
        [names[k], f"{_score(t.scores[k])} {scale[k]}", str(t.clb[k])]
        for k in ("listening", "reading", "writing", "speaking")
    ]
    draw_table(
        c,
        rows,
        50,
        y,
        [200, 110, 110],
        [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")],
        font_size=10,
    )
    c.setFont("Helvetica", 7.5)
    c.drawString(50, 90, "Attestation valable deux ans à compter de la date de la session.")
    c.showPage()
    c.save()


def permit_header(c, y):
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, y, "Immigration, Refugees and Citizenship Canada")
    c.drawString(40, y - 10, "Immigration, Réfugiés et Citoyenneté Canada")


# W1 -- grid of bilingual fields, dates as YYYY/MM/DD
def permit_grid_pdf(path: Path, w: PermitData) -> None:
    c = new_canvas(path)
    top = PAGE_H - 44
    permit_header(c, top)
    c.setFont("Helvetica-Bold", 9)
    c.drawRightString(PAGE_W - 40, top, "Permit No. / No de permis")
    c.setFont("Helvetica-Bold", 13)
    c.drawRightString(PAGE_W - 40, top - 16, w.permit_number)
    c.setFont("Helvetica-Bold", 15)
    c.drawCentredString(PAGE_W / 2, top - 40, "WORK PERMIT / PERMIS DE TRAVAIL")
    c.setFont("Helvetica", 7.5)
    c.drawCentredString(PAGE_W / 2, top - 52, "THIS DOES NOT AUTHORIZE RE-ENTRY – CECI N'AUTORISE PAS LA RENTRÉE")
    sm = pstyle("sm", 6.5, leading=7.5, color=colors.HexColor("#444444"))

    big = pstyle("big", 10, font="Helvetica-Bold", leading=13)

    def cell(en, fr, value):
        return [P(f"{en} / {fr}", sm), P(value or " ", big)]

    rows = [
        [
            cell("UCI", "IUC", w.uci),
            cell("Date issued", "Date de délivrance", slash_date(w.issued)),
            cell("Expiry date", "Date d'expiration", slash_date(w.expiry)),
        ],
        [
            cell("Family name", "Nom de famille", w.family),
            cell("Given name(s)", "Prénom(s)", w.given),
            cell("Sex", "Sexe", w.sex),
        ],
        [
            cell("Date of birth", "Date de naissance", slash_date(w.dob)),
            cell("Country of citizenship", "Pays de citoyenneté", w.country),
            cell("Case type", "Type de cas", w.case_type or ""),
        ],
        [
            cell("Employer", "Employeur", w.employer if not w.open else "OPEN"),
            cell("Occupation", "Profession", w.occupation if not w.open else "OPEN"),
            cell("Location of employment", "Lieu de l'emploi", w.employer_location if not w.open else "OPEN"),
        ],
    ]
    grid = Table(rows, colWidths=[(PAGE_W - 80) / 3] * 3)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    _, h = grid.wrapOn(c, PAGE_W, PAGE_H)
    y = top - 64
    grid.drawOn(c, 40, y - h)
    y -= h + 10
    txt = pstyle("txt", 9, leading=11.5)
    text = Table(
        [
            [[P("Conditions / Conditions", sm), Pm("<br/>".join(escape(x) for x in w.conditions), txt)]],
            [[P("Remarks / Observations", sm), P(w.remarks, txt)]],
            [[P("Port of entry / Point d'entrée", sm), P(f"{w.port}    Valid for / Valide pour: WORK / TRAVAIL", txt)]],
        ],
        colWidths=[PAGE_W - 80],
    )
    text.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    _, h = text.wrapOn(c, PAGE_W, PAGE_H)
    text.drawOn(c, 40, y - h)
    c.setFont("Helvetica", 7)
    c.drawString(
        40, y - h - 16, "IMM 1442 (10-2022) E   This is not a travel document / Ceci n'est pas un document de voyage"
    )
    c.showPage()
    c.save()


# W2 -- stacked LABEL / ÉTIQUETTE: VALUE lines, dates as DD MON YYYY
def permit_stacked_pdf(path: Path, w: PermitData) -> None:
    c = new_canvas(path)
    top = PAGE_H - 44
    permit_header(c, top)
    c.setFont("Courier-Bold", 11)
    c.drawRightString(PAGE_W - 40, top, w.permit_number)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, top - 36, "WORK PERMIT")
    c.drawString(40, top - 52, "PERMIS DE TRAVAIL")
    y = top - 84
    items = [
        ("CLIENT ID / IUC", w.uci),
        ("SURNAME / NOM", w.family),
        ("GIVEN NAME(S) / PRÉNOM(S)", w.given),
        ("DATE OF BIRTH / DATE DE NAISSANCE", upper_date(w.dob)),
        ("SEX / SEXE", w.sex),
        ("COUNTRY OF CITIZENSHIP / PAYS DE CITOYENNETÉ", w.country),
        ("DATE OF ISSUE / DATE DE DÉLIVRANCE", upper_date(w.issued)),
        ("EXPIRY DATE / DATE D'EXPIRATION", upper_date(w.expiry)),
        ("EMPLOYER / EMPLOYEUR", "OPEN" if w.open else w.employer),
        ("LOCATION / LIEU", "OPEN" if w.open else w.employer_location),
        ("OCCUPATION / PROFESSION", "OPEN" if w.open else f"{w.occupation} (NOC {w.noc})"),
    ]
    if w.case_type:
        items.append(("CASE TYPE / TYPE DE CAS", w.case_type))
    items.append(("PORT OF ENTRY / POINT D'ENTRÉE", w.port))
    for a, b in items:
        c.setFont("Helvetica", 8)
        c.drawString(40, y, a)
        c.setFont("Courier-Bold", 10.5)
        c.drawString(290, y, b)
        y -= 17
    y -= 8
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(40, y, "CONDITIONS")
    c.setFont("Courier", 9)
    for cond in w.conditions:
        y -= 12
        c.drawString(40, y, cond)
    y -= 22
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(40, y, "REMARKS / OBSERVATIONS")
    c.setFont("Courier", 9)
    c.drawString(40, y - 12, w.remarks)
    c.setFont("Helvetica", 7)
    c.drawString(40, 40, "IMM 1442 B   THIS IS NOT A TRAVEL DOCUMENT / CECI N'EST PAS UN DOCUMENT DE VOYAGE")
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# Documents that are none of the known kinds, and unreadable files
# --------------------------------------------------------------------------


def lease_pdf(path: Path, tenants: list[str], landlord: str, unit: str, start: date, rent: float) -> None:
    body = pstyle("b", 9.5, leading=13, space_after=6)
    story = [
        P("Residential Tenancy Agreement (Standard Form of Lease)", pstyle("t", 14, font="Helvetica-Bold")),
        Spacer(1, 8),
        P("1. Parties to the Agreement", pstyle("h", 10.5, font="Helvetica-Bold", space_after=4)),
        P(f"Landlord: {landlord}", body),
        P("Tenant(s): " + " and ".join(tenants), body),
        P("2. Rental Unit", pstyle("h2", 10.5, font="Helvetica-Bold", space_after=4)),
        P(f"Address: {unit}. Parking spaces: one (1), underground.", body),
        P("3. Term of Tenancy Agreement", pstyle("h3", 10.5, font="Helvetica-Bold", space_after=4)),
        P(
            f"This tenancy starts on {long_date(start)} and is for a fixed term of one year, ending on "
            f"{long_date(start.replace(year=start.year + 1) - timedelta(days=1))}; "
            "it then continues month to month.",
            body,
        ),
        P("4. Rent", pstyle("h4", 10.5, font="Helvetica-Bold", space_after=4)),
        P(
            f"Rent is to be paid on the first day of each month. Base rent for the rental unit: ${money(rent)}. "
            "Parking: $75.00. Total rent (lawful rent): "
            f"${money(rent + 75)}. Rent is payable by e-transfer to the landlord.",
            body,
        ),
        P("5. Services and Utilities", pstyle("h5", 10.5, font="Helvetica-Bold", space_after=4)),
        P("Included: water, heat, parking. The tenant is responsible for electricity and tenant insurance.", body),
        P("6. Rent Deposit", pstyle("h6", 10.5, font="Helvetica-Bold", space_after=4)),
        P(f"The tenant will pay a rent deposit of ${money(rent + 75)}, applied to the last month's rent.", body),
        Spacer(1, 16),
        P("Signatures", pstyle("h7", 10.5, font="Helvetica-Bold", space_after=4)),
        Table(
            [[f"Landlord: {landlord}", "Signature: ______________"]]
            + [[f"Tenant: {t}", "Signature: ______________"] for t in tenants],
            colWidths=[3.2 * inch, 3.0 * inch],
        ),
    ]
    build_pdf(path, story)


def hydro_bill_pdf(path: Path, name: str, address: list[str], bill_date: date) -> None:
    c = new_canvas(path)
    y = PAGE_H - 56
    c.setFillColor(colors.HexColor("#00843d"))
    c.setFont("Helvetica-Bold", 18)
    c.drawString(50, y, "Lakeshore Hydro")
    c.setFillColor(colors.black)
    c.setFont("Helvetica", 9)
    c.drawString(50, y - 14, "Electricity bill  ·  lakeshorehydro.example  ·  1-800-555-0199")
    y -= 50
    rows = [
        ("Account number", "7731 2240 0918"),
        ("Bill date", long_date(bill_date)),
        (
            "Billing period",
            f"{long_date(bill_date - timedelta(days=61))} to {long_date(bill_date - timedelta(days=3))}",
        ),
        ("Service address", ", ".join(address)),
    ]
    for a, b in rows:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(50, y, a)
        c.setFont("Helvetica", 9.5)
        c.drawString(180, y, b)
        y -= 14
    c.drawString(50, y - 10, name.upper())
    y -= 44
    for a, b in [
        ("Electricity (on-peak 212 kWh, mid-peak 188 kWh, off-peak 641 kWh)", "112.36"),
        ("Delivery", "58.10"),
        ("Regulatory charges", "7.42"),
        ("HST", "23.08"),
        ("Ontario Electricity Rebate", "-22.18"),
    ]:
        c.drawString(50, y, a)
        c.drawRightString(PAGE_W - 60, y, f"-${b[1:]}" if b.startswith("-") else f"${b}")
        y -= 14
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y - 10, "Amount due")
    c.drawRightString(PAGE_W - 60, y - 10, "$178.78")
    c.setFont("Helvetica", 9)
    c.drawString(50, y - 28, f"Due date: {long_date(bill_date + timedelta(days=20))}. Pre-authorized payment: no.")
    c.showPage()
    c.save()


def business_registration_pdf(path: Path, business: str, owner: str, number: str, reg: date, address: str) -> None:
    body = pstyle("b", 10, leading=14)
    rows = [
        ("Registration number", number),
        ("Business name", business.upper()),
        ("Business type", "Sole proprietorship"),
        ("Proprietor", owner.upper()),
        ("Registration date", long_date(reg)),
        ("Business address", address),
        ("Nature of business", "Bookkeeping and payroll services for small businesses"),
    ]
    t = Table(
        [[P(a, pstyle("l", 10, font="Helvetica-Bold")), P(b, body)] for a, b in rows],
        colWidths=[2.0 * inch, 4.5 * inch],
    )
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey)]))
    story = [
        P("Province of British Columbia – Corporate Registry", pstyle("o", 9)),
        Spacer(1, 6),
        P("Statement of Registration", pstyle("t", 16, font="Helvetica-Bold")),
        Spacer(1, 4),
        P("Sole Proprietorship / Partnership – Partnership Act", pstyle("s", 9)),
        Spacer(1, 18),
        t,
        Spacer(1, 18),
        P(
            "This statement confirms that the business name above is registered in British Columbia. "
            "Registration does not grant exclusive rights to the name.",
            body,
        ),
    ]
    build_pdf(path, story)


def write_truncated_pdf(path: Path, render: Callable[[Path], None], keep: float = 0.35) -> None:
    """A download that stopped part-way: the first bytes of a real PDF only."""
    data = pdf_bytes_of(render)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: int(len(data) * keep)])


def write_encrypted_pdf(path: Path, render: Callable[[Path], None], password: str, seed: int) -> None:
    """A PDF protected by a user password, as payroll portals send them."""
    data = pdf_bytes_of(render)
    rng = random.Random(seed)
    with mock.patch("secrets.token_bytes", lambda n: bytes(rng.randrange(256) for _ in range(n))):
        w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        w.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
        out = io.BytesIO()
        w.write(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def write_fake_heic(path: Path, seed: int, size: int = 9000) -> None:
    """Bytes shaped like an iPhone HEIC photo (ISO-BMFF 'ftyp heic' header)."""
    rng = random.Random(seed)
    head = (
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
        b"\x00\x00\x01\x0emeta\x00\x00\x00\x00\x00\x00\x00\x21hdlr\x00\x00\x00\x00\x00\x00\x00\x00pict"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(head + bytes(rng.randrange(256) for _ in range(size)))


def write_fake_pages(path: Path, seed: int) -> None:
    """An Apple Pages package: a zip of binary IWA chunks, readable by Pages only."""
    rng = random.Random(seed)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, n in [
            ("Index/Document.iwa", 5200),
            ("Index/DocumentStylesheet.iwa", 2100),
            ("Index/Metadata.iwa", 300),
            ("Metadata/BuildVersionHistory.plist", 0),
            ("Metadata/DocumentIdentifier", 0),
        ]:
            if name.endswith(".plist"):
                data = (
                    b'<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><array>'
                    b"<string>M13.2-7052.0.125-2</string></array></plist>\n"
                )
            elif name.endswith("Identifier"):
                data = b"5E0F2D1C-7A43-4B5D-9C1E-2B8E0A3F6D11"
            else:
                data = bytes(rng.randrange(256) for _ in range(n))
            z.writestr(name, data)
    normalize_zip(buf.getvalue(), path)


# --------------------------------------------------------------------------
# Cases: a small framework, then one function per case
# --------------------------------------------------------------------------


@dataclass
class Doc:
    path: str
    kind: str
    style: str
    fields: dict | None
    render: Callable[[Path], None]


@dataclass
class JobEvidence:
    letter: Letter | None = None
    stubs: list[Stub] = field(default_factory=list)  # the stubs present in the folder
    t4: dict[int, float] = field(default_factory=dict)  # year -> box 14


@dataclass
class Case:
    name: str
    scenario: str
    yaml_text: str
    codes: list[str]  # blocker + warning codes that must fire
    optional: list[str] = field(default_factory=list)
    sins: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    docs: list[Doc] = field(default_factory=list)
    permits: list[tuple[date, date]] = field(default_factory=list)
    evidence: dict[int, JobEvidence] = field(default_factory=lambda: defaultdict(JobEvidence))
    hours_alternatives: list[dict] = field(default_factory=list)
    alt_without_permits: bool = False

    # -- adding documents ---------------------------------------------------
    def add(
        self, path: str, kind: str, render: Callable[[Path], None], fields: dict | None = None, style: str | None = None
    ) -> None:
        if style is None:
            style = "docx" if path.endswith(".docx") else "text_pdf"
        self.docs.append(Doc(path, kind, style, fields, render))

    def letter(self, path: str, layout: Callable, L: Letter, job: int | None) -> None:
        self.add(path, "reference_letter", lambda p: layout(p, L), L.fields())
        if job is not None:
            self.evidence[job].letter = L

    def contract(self, path: str, layout: Callable, C: Contract) -> None:
        self.add(path, "employment_contract", lambda p: layout(p, C), C.fields())

    def permit(self, path: str, layout: Callable, w: PermitData) -> None:
        self.add(path, "work_permit", lambda p: layout(p, w), w.fields())
        self.permits.append((w.issued, w.expiry))

    def t4(self, path: str, layout: Callable, t: T4Data, job: int | list[int] | None) -> None:
        self.add(path, "t4", lambda p: layout(p, t), t4_fields(t))
        for j in [] if job is None else [job] if isinstance(job, int) else job:
            self.evidence[j].t4[t.year] = t.box14

    def noa(self, path: str, layout: Callable, n: NOAData) -> None:
        self.add(path, "noa", lambda p: layout(p, n), n.fields())

    def stubs(
        self,
        pattern: str,
        layout: Callable,
        payer: Payer,
        payee: Payee,
        stubs: list[Stub],
        freq: str,
        job: int | list[int],
        skip: Callable[[Stub], bool] = lambda s: False,
    ) -> list[Stub]:
        """Add pay stubs (file name from ``pattern`` with {pay}); fields on 4 of them, as the devset does."""
        kept = [s for s in stubs if not skip(s)]
        scored = {0, len(kept) // 3, 2 * len(kept) // 3, len(kept) - 1}
        for i, s in enumerate(kept):
            path = pattern.format(pay=s.pay_date.isoformat(), n=s.number)
            self.add(
                path,
                "pay_stub",
                lambda p, s=s: layout(p, payer, payee, s, freq),
                stub_fields(payer, payee, s) if i in scored else None,
            )
        for j in [job] if isinstance(job, int) else job:
            self.evidence[j].stubs = kept
        return kept

    def language(self, path: str, layout: Callable, t: LanguageResult) -> None:
        self.add(path, "language_test", lambda p: layout(p, t), t.fields())

    def other(self, path: str, render: Callable[[Path], None]) -> None:
        self.add(path, "other", render, None)

    def unreadable(self, path: str, render: Callable[[Path], None]) -> None:
        self.add(path, "unreadable", render, None, style="noise")

    # -- writing -------------------------------------------------------------
    def build(self) -> dict:
        root = HERE / "cases" / self.name
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        (root / "case.yaml").write_text(self.yaml_text, encoding="utf-8")
        claims = yaml.safe_load(self.yaml_text)
        for doc in self.docs:
            target = root / doc.path
            target.parent.mkdir(parents=True, exist_ok=True)
            doc.render(target)
        expected = self.expected(claims)
        answers = HERE / "expected"
        answers.mkdir(exist_ok=True)
        (answers / f"{self.name}.json").write_text(
            json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return expected

    def expected(self, claims: dict) -> dict:
        as_of = claims["application_date"]
        jobs = claims["jobs"]
        letter_hours = [
            position_for(self.evidence[i].letter, job).hours if self.evidence[i].letter else None
            for i, job in enumerate(jobs)
        ]
        h = qualifying_hours(claims, letter_hours, self.permits, as_of)
        notes = list(self.notes)
        if self.alt_without_permits:
            alt = qualifying_hours(claims, letter_hours, [(date.min, date.max)], as_of)["total"]
            notes.append(
                f"Without the permit-coverage condition the hours would be {alt:.2f}; the devset "
                "reading requires coverage, so 0 and cec.hours-short are the expected answer."
            )
        # A case without a language test result must report language.missing, a blocker.
        has_result = any(doc.kind == "language_test" for doc in self.docs)
        codes = set(self.codes) | (set() if has_result else {"language.missing"})
        info = set(h["info"])
        # eligibility codes follow from the numbers; keep the declared list honest
        assert ("cec.hours-short" in codes) == (h["total"] < 1560), (self.name, h["total"])
        ita = claims.get("ita_date")
        if ita:
            late = (as_of - ita).days > 60
            assert ("cec.ita-deadline" in codes) == late, self.name
            if not late:
                info.add("cec.ita-deadline")
        assert ("cec.teer-ineligible" in codes) == any(int(j["noc"][1]) > 3 for j in jobs), self.name
        assert ("cec.self-employed" in codes) == any(j.get("self_employed") for j in jobs), self.name
        self.check_evidence(claims, as_of)
        return {
            "case": self.name,
            "scenario": self.scenario,
            "as_of": as_of.isoformat(),
            "ready": not any(c in BLOCKERS for c in codes),
            "qualifying_hours": h["total"],
            "hours_tolerance": r2(max(16.0, h["total"] * 0.01)),
            "hours_alternatives": self.hours_alternatives,
            "codes": sorted(codes),
            "optional_codes": sorted(set(self.optional)),
            "info_codes": sorted(info),
            "documents": {
                d.path: ({"kind": d.kind, "style": d.style} | ({"fields": d.fields} if d.fields is not None else {}))
                for d in sorted(self.docs, key=lambda x: x.path)
            },
            "sins": self.sins,
            "notes": notes,
        }

    def check_evidence(self, claims: dict, as_of: date) -> None:
        """Recompute the evidence codes from the generated data; they must match the declared ones."""
        found: set[str] = set()
        for i, job in enumerate(claims["jobs"]):
            ev = self.evidence[i]
            start, end = job["start"], min(job.get("end") or as_of, as_of)
            L = ev.letter
            if L is None:
                found.add("letter.missing")
            if not ev.stubs:
                found.add("paystub.missing")
            else:
                covered = sorted((s.period_start, s.period_end) for s in ev.stubs)
                cursor = start
                for a, b in covered + [(as_of + timedelta(days=1), as_of + timedelta(days=1))]:
                    if a > cursor and (min(a, end + timedelta(days=1)) - cursor).days > 31:
                        found.add("paystub.gap")
                    cursor = max(cursor, b + timedelta(days=1))
                if L and L.pos.hours:
                    days = sum((s.period_end - s.period_start).days + 1 for s in ev.stubs)
                    weekly = sum(s.hours for s in ev.stubs) / (days / 7)
                    if weekly < 0.85 * L.pos.hours:
                        assert weekly < 0.8 * L.pos.hours, (self.name, i, weekly)
                        found.add("paystub.hours-inconsistent")
                    else:
                        assert weekly > 0.92 * L.pos.hours, (self.name, i, weekly)
            for y in range(start.year, min(end.year, as_of.year - 1) + 1):
                if y not in ev.t4:
                    found.add("t4.missing-year")
            if L and L.pos.pay:
                # the letter's pay for the year's months; a letter listing several positions
                # (a promotion) is read position by position, with the letter's own dates
                spans = (
                    [(q, q.start, q.end or as_of) for q in L.positions]
                    if len(L.positions) > 1
                    else [(L.pos, start, end)]
                )
                for y, box14 in ev.t4.items():
                    # two ways to count "that year's months": exact days, or calendar months touched
                    want_days = want_months = 0.0
                    for q, qs, qe in spans:
                        factor = {
                            "year": 1,
                            "month": 12,
                            "week": 52,
                            "hour": 52 * (q.hours or float(job["hours_per_week"])),
                        }[q.pay_period]
                        a, b = max(qs, date(y, 1, 1)), min(qe, date(y, 12, 31))
                        if a <= b:
                            want_days += q.pay * factor * ((b - a).days + 1) / (366 if calendar.isleap(y) else 365)
                            want_months += q.pay * factor * (b.month - a.month + 1) / 12
                    gaps = [abs(box14 - w) / w for w in (want_days, want_months)]
                    if all(g > 0.25 for g in gaps):
                        found.add("t4.income-mismatch")
                    else:  # no borderline values: a mismatch must be clear, a match must be clear
                        assert all(g < 0.16 for g in gaps), (self.name, i, y, box14, want_days, want_months)
        declared = set(self.codes)
        checkable = {
            "letter.missing",
            "paystub.missing",
            "paystub.gap",
            "paystub.hours-inconsistent",
            "t4.missing-year",
            "t4.income-mismatch",
        }
        extra = found - declared - set(self.optional)
        missing = (declared & checkable) - found
        assert not extra and not missing, (self.name, "undeclared:", extra, "not produced:", missing)


BLOCKERS = {
    "cec.hours-short",
    "cec.teer-ineligible",
    "cec.noc-unknown",
    "cec.ita-deadline",
    "letter.missing",
    "letter.missing-dates",
    "letter.missing-hours",
    "letter.missing-salary",
    "letter.missing-duties",
    "letter.missing-title",
    "letter.missing-contact",
    "letter.missing-signatory",
    "letter.claim-mismatch",
    "duties.noc-mismatch",
    "permit.missing",
    "permit.gap",
    "permit.employer-mismatch",
    "language.missing",
}


# ---- s01 -------------------------------------------------------------------


def case_s01() -> Case:
    rng = random.Random(101)
    sin = fake_sin(rng)
    me = "Kavya Iyer"
    home = ["88 Larchmount Crescent, Unit 1207", "Toronto, ON M4M 2Y6"]
    yaml_text = """\
# Express Entry profile – Kavya Iyer
# Copied from my online profile (Work history section). Promotion in July 2024,
# so IRCC wants two entries for the same employer.
applicant: Kavya Iyer
ita_date: 2025-10-22            # ITA received
application_date: 2025-11-14    # planning to submit the e-APR this day
jobs:
  - employer: Cedarline Data Systems Inc.
    title: Junior Software Developer
    noc: "21232"                # software developers and programmers
    start: 2023-09-01
    end: 2024-06-30
    hours_per_week: 37.5
  - employer: Cedarline Data Systems Inc.
    title: Software Developer   # promoted
    noc: "21232"
    start: 2024-07-01
    end: null                   # still there
    hours_per_week: 37.5
"""
    c = Case(
        "s01_clean_promotion",
        "One employer, two positions (promotion on 2024-07-01), both still evidenced: a Word "
        "reference letter with a positions table, the signed offer letter, semi-monthly pay stubs, "
        "T4s for 2023 and 2024, the 2024 notice of assessment and an open PGWP. ITA 24 days "
        "before as_of. Nothing to fix.",
        yaml_text,
        codes=[],
        optional=["duties.weak-coverage"],
        sins=[sin],
    )
    c.notes.append(
        "The letter lists two positions; its single-valued fields (job_title, hours, salary) "
        "are those of the current position, start_date is the first day at the company."
    )
    emp = "Cedarline Data Systems Inc."
    addr_lines = ["400 Tannery Row, 14th Floor", "Toronto, ON M5V 3K2"]
    junior = Position(
        "Junior Software Developer",
        d("2023-09-01"),
        d("2024-06-30"),
        37.5,
        "37.5 hrs/week",
        68000.0,
        "year",
        "$68,000.00",
        [
            "Build and fix features in the customer billing portal using TypeScript, React and Node.js",
            "Write unit and integration tests and keep the test suite green before each merge",
            "Investigate bugs reported by the support team, reproduce them locally and ship the fixes",
            "Review pull requests from other developers and address review comments on own code",
            "Update the API reference and README files whenever an endpoint changes",
        ],
    )
    senior = Position(
        "Software Developer",
        d("2024-07-01"),
        None,
        37.5,
        "37.5 hrs/week",
        79500.0,
        "year",
        "$79,500.00",
        [
            "Design and code new modules of the invoicing and payments platform in TypeScript and Go",
            "Plan changes to the service architecture with the product team and estimate the work",
            "Check how a change to one service affects the services that depend on it, to prevent regressions",
            "Write automated tests and run performance profiling before each release",
            "Maintain the technical documentation and release notes of every new version",
            "Mentor two junior developers through code reviews and pair programming",
        ],
    )
    L = Letter(
        emp,
        ", ".join(addr_lines),
        addr_lines,
        "416-555-0123",
        "people@cedarlinedata.ca",
        me,
        "Ms.",
        "she",
        [junior, senior],
        True,
        "extended health, dental and vision coverage, and RRSP matching up to 4% of salary",
        "Daniel Okafor",
        "Engineering Manager",
        d("2025-10-30"),
        website="www.cedarlinedata.ca",
        city="Toronto",
    )
    c.letter("Employment/Cedarline reference letter.docx", letter_positions_table_docx, L, 0)
    c.evidence[1].letter = L
    c.contract(
        "Employment/Offer letter - signed.docx",
        contract_offer_letter_docx,
        Contract(
            emp,
            ", ".join(addr_lines),
            me,
            ", ".join(home),
            "Junior Software Developer",
            d("2023-09-01"),
            37.5,
            "37.5 hours per week, Monday to Friday",
            68000.0,
            "year",
            "An annual base salary of $68,000.00",
            d("2023-08-11"),
            "Daniel Okafor",
            "Engineering Manager",
        ),
    )
    payer = Payer(emp, addr_lines, "ON", "CDS")
    payee = Payee(me, home, "E-20931", sin, "7730")
    stubs = make_stubs(
        [
            Segment(d("2023-09-01"), d("2024-06-30"), 37.5, annual=68000.0),
            Segment(d("2024-07-01"), None, 37.5, annual=79500.0),
        ],
        "semimonthly",
        "ON",
        cutoff=d("2025-10-31"),
    )
    c.stubs("Pay stubs/{pay}_Cedarline_paystatement.pdf", stub_table_pdf, payer, payee, stubs, "semimonthly", [0, 1])
    emp_addr = "400 Tannery Row, 14th Floor, Toronto ON M5V 3K2"
    for y in (2023, 2024):
        t = t4_from_stubs(
            stubs,
            y,
            employer=emp.upper(),
            employer_address=emp_addr,
            employee_first="Kavya",
            employee_last="Iyer",
            employee_address=home,
            sin=sin,
            province="ON",
        )
        c.t4(f"Taxes/T4_{y}.pdf", t4_grid_pdf, t, [0, 1])
        if y == 2024:
            t4_2024 = t
    c.noa(
        "Taxes/NOA_2024.pdf",
        noa_modern_pdf,
        NOAData(2024, me, home, sin, d("2025-03-17"), r2(t4_2024.box14 + 184.20), 3000.0, t4_2024.box22, "ON"),
    )
    c.permit(
        "Immigration/PGWP.pdf",
        permit_grid_pdf,
        PermitData(
            "IYER",
            "KAVYA",
            "U104857362",
            "1123-4587",
            d("2023-08-21"),
            d("2026-08-20"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1998-02-14"),
            "INDIA",
            [
                "MUST LEAVE CANADA BY 2026/08/20.",
                "NOT VALID FOR EMPLOYMENT IN BUSINESSES RELATED TO THE SEX TRADE SUCH AS STRIP CLUBS,",
                "MASSAGE PARLOURS OR ESCORT SERVICES.",
            ],
            "POST-GRADUATION WORK PERMIT. IMP EXEMPTION CODE C43.",
            "56",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.language(
        "Language/CELPIP score report.pdf",
        language_celpip_pdf,
        LanguageResult(
            "celpip_general",
            "Kavya",
            "Iyer",
            d("2025-03-10"),
            {"listening": 9, "reading": 9, "writing": 8, "speaking": 9},
            {"listening": 9, "reading": 9, "writing": 8, "speaking": 9},
            "CPG-0213-88417",
        ),
    )
    return c


# ---- s02 -------------------------------------------------------------------


def case_s02() -> Case:
    rng = random.Random(202)
    sin = fake_sin(rng)
    me = "Lucía Ferreyra"
    home = ["4520, rue de la Roche-Fendue, app. 3", "Montréal (Québec) H2J 3V2"]
    yaml_text = """\
# Profil Entrée express – Lucía Ferreyra
# Two part-time jobs at the same time (accounting firm + design studio).
applicant: Lucía Ferreyra
ita_date: 2025-06-20
application_date: 2025-09-30    # late... still gathering the documents
jobs:
  - employer: Comptabilité Lévesque & Associés inc.
    title: Technicienne comptable
    noc: "12200"                # accounting technicians and bookkeepers
    start: 2023-01-16
    hours_per_week: 25
  - employer: Studio Boréal Design Inc.
    title: Graphic Designer
    noc: "52120"
    start: 2023-06-05
    hours_per_week: 20          # evenings and Fridays
"""
    c = Case(
        "s02_quebec_two_parttime",
        "Two concurrent part-time jobs in Montreal (25 h + 20 h a week, capped at 30). A French "
        "'Attestation d'emploi' (Word) with French pay stubs, and an English letterhead letter with "
        "prose duties. The PGWP expired on 2024-10-31 and the next open permit was issued on "
        "2025-01-13, so ten weeks of work are unauthorized. The design studio's stubs show about "
        "14 h a week against the letter's 20, and its T4s are about 30% under the letter's pay. "
        "The e-APR date is 102 days after the ITA.",
        yaml_text,
        codes=[
            "cec.ita-deadline",
            "permit.gap",
            "paystub.hours-inconsistent",
            "t4.income-mismatch",
            "cec.province-unknown",
        ],
        optional=["duties.weak-coverage"],
        sins=[sin],
    )
    lev = "Comptabilité Lévesque & Associés inc."
    lev_addr = "1455, boulevard De Maisonneuve Ouest, bureau 810, Montréal (Québec) H3G 1M8"
    L1 = Letter(
        lev,
        lev_addr,
        [lev_addr],
        "514 555-0139",
        "info@levesque-cpa.ca",
        me,
        "Madame",
        "she",
        [
            Position(
                "Technicienne comptable",
                d("2023-01-16"),
                None,
                25.0,
                "25 heures par semaine",
                34450.0,
                "year",
                "34 450,00 $ (26,50 $ l'heure)",
                [
                    "tient la comptabilité complète d'une quarantaine de PME clientes dans Acomba et QuickBooks",
                    "saisit les écritures de journal, fait les conciliations bancaires et prépare la balance "
                    "de vérification mensuelle",
                    "prépare les paies des clients et les remises de retenues à la source",
                    "produit les déclarations de TPS et de TVQ ainsi que les formulaires de la CNESST",
                    "prépare les états financiers intermédiaires et les rapports demandés par les associés",
                ],
            )
        ],
        True,
        "elle a droit à une indemnité de vacances de 6 % et à l'assurance collective de la firme",
        "Nathalie Lévesque",
        "Associée directrice",
        d("2025-08-01"),
        language="fr",
        city="Montréal",
    )
    c.letter("Emploi - Lévesque/Attestation d'emploi Lévesque.docx", lettre_attestation_docx, L1, 0)
    sb = "Studio Boréal Design Inc."
    sb_lines = ["5333 Casgrain Avenue, Suite 402", "Montréal, QC H2T 1X3"]
    L2 = Letter(
        sb,
        ", ".join(sb_lines),
        sb_lines,
        "514-555-0186",
        "hello@studioboreal.ca",
        me,
        "Ms.",
        "she",
        [
            Position(
                "Graphic Designer",
                d("2023-06-05"),
                None,
                20.0,
                "20 hours per week",
                28.5,
                "hour",
                "$28.50/hour",
                [
                    "She sits down with clients at the start of each project to agree on the look, tone "
                    "and content of their brochures, packaging and web pages.",
                    "She decides which format and medium will carry each message best, whether print, "
                    "social media or signage.",
                    "She sketches concepts and builds layouts, logos and illustrations in Illustrator, "
                    "InDesign and Figma.",
                    "She estimates the hours and printing costs of each job before we quote the client.",
                    "She selects stock photography and typefaces, and briefs the freelance photographers we hire.",
                    "She prepares print-ready files and follows each job through proofing and production "
                    "with our printers.",
                ],
            )
        ],
        True,
        "paid vacation at 6% and access to our health spending account",
        "Mathieu Gendron",
        "Creative Director & Partner",
        d("2025-08-28"),
        fmt=abbr_date,
        website="studioboreal.ca",
        city="Montréal",
    )
    c.letter("Employment - Studio Boreal/Reference letter Studio Boreal.pdf", letter_letterhead_prose_pdf, L2, 1)

    lev_payer = Payer(lev, ["1455, boul. De Maisonneuve O., bureau 810", "Montréal (Québec) H3G 1M8"], "QC")
    payee1 = Payee(me, home, "0117", sin, "3306")
    lev_stubs = make_stubs(
        [Segment(d("2023-01-16"), None, 25.0, hourly=26.5)],
        "biweekly",
        "QC",
        cutoff=d("2025-09-19"),
        anchor=d("2023-01-16"),
    )
    c.stubs(
        "Emploi - Lévesque/talons de paie/{pay}.pdf",
        stub_releve_paie_fr_pdf,
        lev_payer,
        payee1,
        lev_stubs,
        "biweekly",
        0,
    )
    sb_payer = Payer(sb, sb_lines, "QC")
    payee2 = Payee(me, home, "SB-014", sin, "3306")
    # the stubs show what was really paid: about 14 h a week, not the 20 in the letter
    sb_stubs = make_stubs([Segment(d("2023-06-05"), None, 14.0, hourly=28.5)], "monthly", "QC", cutoff=d("2025-09-30"))
    c.stubs("Employment - Studio Boreal/Pay/stub_{pay}.pdf", stub_simple_pdf, sb_payer, payee2, sb_stubs, "monthly", 1)
    totals = 0.0
    for y in (2023, 2024):
        t = t4_from_stubs(
            lev_stubs,
            y,
            employer="COMPTABILITÉ LÉVESQUE & ASSOCIÉS INC.",
            employer_address=lev_addr,
            employee_first="Lucía",
            employee_last="Ferreyra",
            employee_address=home,
            sin=sin,
            province="QC",
        )
        c.t4(f"Impôts/{y}/T4 {y} Lévesque.pdf", t4_printout_pdf, t, 0)
        t2 = t4_from_stubs(
            sb_stubs,
            y,
            employer="STUDIO BORÉAL DESIGN INC.",
            employer_address=", ".join(sb_lines),
            employee_first="Lucía",
            employee_last="Ferreyra",
            employee_address=home,
            sin=sin,
            province="QC",
        )
        c.t4(f"Impôts/{y}/T4 {y} Studio Boreal.pdf", t4_printout_pdf, t2, 1)
        if y == 2024:
            totals = r2(t.box14 + t2.box14)
            deducted = r2(t.box22 + t2.box22)
    c.noa(
        "Impôts/2024/Avis de cotisation 2024 (federal).pdf",
        noa_modern_pdf,
        NOAData(2024, me, home, sin, d("2025-04-22"), totals, 0.0, deducted, "QC"),
    )
    c.permit(
        "Immigration/PGWP 2022.pdf",
        permit_grid_pdf,
        PermitData(
            "FERREYRA",
            "LUCÍA",
            "U219384756",
            "11-2094-5531",
            d("2022-11-01"),
            d("2024-10-31"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1996-07-09"),
            "ARGENTINA",
            ["MUST LEAVE CANADA BY 2024/10/31."],
            "POST-GRADUATION WORK PERMIT.",
            "56",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.permit(
        "Immigration/Open work permit 2025.pdf",
        permit_stacked_pdf,
        PermitData(
            "FERREYRA",
            "LUCIA",
            "W305718294",
            "11-2094-5531",
            d("2025-01-13"),
            d("2027-01-12"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1996-07-09"),
            "ARGENTINA",
            ["MUST LEAVE CANADA BY 2027/01/12."],
            "SPOUSE OF SKILLED WORKER - C41",
            "54",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.notes.append(
        "The new open permit was applied for after the PGWP expired, so there is no maintained "
        "status: 2024-11-01 to 2025-01-12 is a permit gap for both jobs."
    )
    c.language(
        "Langue/Attestation TCF Canada.pdf",
        language_tcf_pdf,
        LanguageResult(
            "tcf_canada",
            "Lucía",
            "Ferreyra",
            d("2025-02-22"),
            {"listening": 512, "reading": 480, "writing": 12, "speaking": 11},
            {"listening": 8, "reading": 7, "writing": 8, "speaking": 7},
            "TCFCA-2025-044817",
        ),
    )
    return c


# ---- s03 -------------------------------------------------------------------


def case_s03() -> Case:
    rng = random.Random(303)
    sin = fake_sin(rng)
    me = "Jerome Dizon"
    home = ["2218 Quinpool Ridge Road, Apt 3", "Halifax, NS B3L 1A4"]
    yaml_text = """\
# Jerome Dizon - Express Entry work history
# Main job: cook (LMIA). Also weekends at the coffee shop since June.
applicant: Jerome Dizon
application_date: 2025-01-31
jobs:
  - employer: Saffron Lane Kitchen Ltd.
    title: Cook
    noc: "63200"
    start: 2024-03-18
    hours_per_week: 40
  - employer: Daybreak Coffee Co.
    title: Food Counter Attendant
    noc: "65201"          # not sure about this code
    start: 2024-06-01
    hours_per_week: 12    # Sat + Sun
"""
    c = Case(
        "s03_cook_employer_specific",
        "An LMIA cook on an employer-specific permit for Saffron Lane Kitchen also claims a weekend "
        "job at a coffee shop: a TEER 5 occupation, worked outside the permit's employer condition, "
        "with no letter, no pay stubs and no T4. The restaurant's letter is a plain typed letter with a "
        "gmail address and '8 hours a day, 5 days a week'. About ten months of work: hours short.",
        yaml_text,
        codes=[
            "cec.hours-short",
            "cec.teer-ineligible",
            "letter.missing",
            "letter.personal-email",
            "paystub.missing",
            "permit.employer-mismatch",
            "t4.missing-year",
        ],
        optional=["duties.weak-coverage"],
        sins=[sin],
    )
    emp = "Saffron Lane Kitchen Ltd."
    lines = ["1591 Barrington Street", "Halifax, NS B3J 1Z7"]
    L = Letter(
        emp,
        ", ".join(lines),
        lines,
        "(902) 555-0168",
        "saffronlanekitchen@gmail.com",
        me,
        "Mr.",
        "he",
        [
            Position(
                "Cook",
                d("2024-03-18"),
                None,
                40.0,
                "8 hours a day, 5 days a week",
                18.25,
                "hour",
                "$18.25/hour",
                [
                    "Cook the dishes on our menu (curries, tandoori, biryani and the daily specials) "
                    "during lunch and dinner service",
                    "Prep ingredients and make the sauces, marinades and breads before service",
                    "Show the two kitchen helpers what to prep and check their work",
                    "Count the stock every week, keep the fridge temperature log and tell me what to order",
                    "Help plan the weekly specials and work out portion sizes and food cost",
                ],
            )
        ],
        True,
        "a free staff meal every shift and our group health and dental plan",
        "Anita Raman",
        "Owner",
        d("2025-01-20"),
        noc_code="63200",
        city="Halifax",
    )
    c.letter("letter from Saffron.pdf", letter_small_business_pdf, L, 0)
    c.contract(
        "LMIA/Employment contract Saffron Lane.docx",
        contract_terms_table_docx,
        Contract(
            emp,
            ", ".join(lines),
            me,
            "Purok 4, Barangay San Isidro, Tarlac City, Philippines",
            "Cook",
            d("2024-03-18"),
            40.0,
            "40 hours per week (8 hours a day, 5 days a week)",
            18.25,
            "hour",
            "$18.25 per hour",
            d("2023-11-20"),
            "Anita Raman",
            "Owner",
            noc="63200",
        ),
    )
    c.permit(
        "LMIA/work permit.pdf",
        permit_stacked_pdf,
        PermitData(
            "DIZON",
            "JEROME",
            "W108467391",
            "1098-7654",
            d("2024-03-04"),
            d("2026-03-03"),
            False,
            "SAFFRON LANE KITCHEN LTD.",
            "HALIFAX, NS",
            "COOK",
            "63200",
            "M",
            d("1994-05-22"),
            "PHILIPPINES",
            [
                "1. NOT AUTHORIZED TO WORK FOR ANY EMPLOYER OTHER THAN STATED.",
                "2. NOT AUTHORIZED TO WORK IN ANY OCCUPATION OTHER THAN STATED.",
                "3. NOT AUTHORIZED TO WORK IN ANY LOCATION OTHER THAN STATED.",
                "4. MUST LEAVE CANADA BY 03 MAR 2026.",
            ],
            "LMIA 8812406",
            None,
            "HALIFAX STANFIELD INT'L AIRPORT",
        ),
    )
    payer = Payer(emp, lines, "NS")
    payee = Payee(me, home, "07", sin, "1184")
    stubs = make_stubs(
        [Segment(d("2024-03-18"), None, 40.0, hourly=18.25)],
        "biweekly",
        "NS",
        cutoff=d("2025-01-24"),
        anchor=d("2024-03-18"),
    )
    c.stubs("paystubs/Saffron {pay}.pdf", stub_simple_pdf, payer, payee, stubs, "biweekly", 0)
    t = t4_from_stubs(
        stubs,
        2024,
        employer="SAFFRON LANE KITCHEN LTD.",
        employer_address=", ".join(lines),
        employee_first="Jerome",
        employee_last="Dizon",
        employee_address=home,
        sin=sin,
        province="NS",
    )
    c.t4("T4 2024.pdf", t4_grid_pdf, t, 0)
    c.notes.append(
        "permit.employer-mismatch: the only permit is employer-specific (Saffron Lane Kitchen) and "
        "covers the dates of the Daybreak Coffee job. Its hours count for nothing anyway (TEER 5)."
    )
    c.language(
        "IELTS TRF.pdf",
        language_ielts_pdf,
        LanguageResult(
            "ielts_general",
            "Jerome",
            "Dizon",
            d("2024-05-18"),
            {"listening": 7.5, "reading": 6.5, "writing": 6.0, "speaking": 6.5},
            {"listening": 8, "reading": 8, "writing": 7, "speaking": 8},
            "000318772",
        ),
    )
    return c


# ---- s04 -------------------------------------------------------------------


def case_s04() -> Case:
    rng = random.Random(404)
    sin = fake_sin(rng)
    me = "Beatriz Amaral"
    home = ["2-1547 Pembroke Lane", "Victoria, BC V8R 1W2"]
    yaml_text = """\
# Beatriz Amaral – CEC
# Open work permit (spouse). Did a one-year college certificate full time in 2023
# while keeping my part-time payroll job. Since July 2024 I do bookkeeping for
# clients on my own.
applicant: Beatriz Amaral
ita_date: 2025-06-04
application_date: 2025-07-15
jobs:
  - employer: Harbourview Dental Group Inc.
    title: Payroll Administrator
    noc: "13102"
    start: 2022-03-14
    end: 2024-06-28
    hours_per_week: 24
  - employer: Amaral Bookkeeping Services
    title: Bookkeeper
    noc: "12200"
    start: 2024-07-02
    hours_per_week: 30
    self_employed: true     # sole proprietorship, I invoice my clients
study:
  - start: 2023-01-09       # Pacific Ridge College, Accounting certificate (full time)
    end: 2023-12-15
"""
    c = Case(
        "s04_student_and_self_employed",
        "A part-time payroll job that started before the window and overlapped a year of full-time "
        "study, then self-employment. The reference letter was issued two weeks before the last day "
        "worked. The 2023 T4 is missing and eight weeks of 2023 pay stubs too. The folder also holds a "
        "business registration (not a known kind) and a Portuguese letter from a previous employer in "
        "Brazil (needs a translation). Hours short.",
        yaml_text,
        codes=[
            "cec.hours-short",
            "cec.short-at-ita",
            "cec.self-employed",
            "doc.needs-translation",
            "doc.unclassified",
            "letter.date-before-end",
            "paystub.gap",
            "t4.missing-year",
        ],
        optional=["letter.missing", "paystub.missing", "duties.weak-coverage"],
        sins=[sin],
    )
    c.notes.append(
        "The self-employed job has no letter, stubs or T4 by nature; letter.missing and "
        "paystub.missing for it are optional (its hours are excluded anyway). t4.missing-year is "
        "required for the Harbourview job (2023)."
    )
    c.notes.append(
        "The Portuguese letter is a reference letter from an employer that is not claimed; it does "
        "not make employer.name-mismatch fire."
    )
    emp = "Harbourview Dental Group Inc."
    addr = "1820 Fort Street, Suite 300, Victoria, BC V8R 1J4"
    L = Letter(
        emp,
        addr,
        [addr],
        "250-555-0147",
        "payroll@harbourviewdental.ca",
        me,
        "Ms.",
        "she",
        [
            Position(
                "Payroll Administrator",
                d("2022-03-14"),
                d("2024-06-28"),
                24.0,
                "24 hours per week",
                27.4,
                "hour",
                "$27.40 per hour",
                [
                    "Collect timesheets from our four clinics and check hours, overtime and leave against "
                    "the schedules",
                    "Run the bi-weekly payroll for about 60 staff in Ceridian Dayforce and fix any "
                    "discrepancies before approval",
                    "Calculate vacation pay, bonuses and final pays, and issue Records of Employment",
                    "Enrol new staff in the group benefits plan and send changes and terminations to the insurer",
                    "Prepare the year-end T4 slips and reconcile payroll remittances to the bank statements",
                    "Answer staff questions about pay stubs, deductions and benefits",
                ],
            )
        ],
        False,
        "Extended health and dental after three months; 4% vacation pay",
        "Colleen Brar",
        "Office Manager",
        d("2024-06-14"),
        fmt=dmy_date,
        city="Victoria",
    )
    c.letter("Work/Harbourview/Employment verification.pdf", letter_form_pdf, L, 0)
    payer = Payer(emp, ["1820 Fort Street, Suite 300", "Victoria, BC V8R 1J4"], "BC", "HDG")
    payee = Payee(me, home, "100482", sin, "0593")
    stubs = make_stubs(
        [Segment(d("2022-03-14"), d("2024-06-28"), 24.0, hourly=27.4)],
        "biweekly",
        "BC",
        cutoff=d("2025-07-15"),
        anchor=d("2022-03-14"),
    )
    gap = (d("2023-05-01"), d("2023-06-25"))  # four stubs the applicant could not find
    c.stubs(
        "Work/Harbourview/Pay/HDG_{pay}.pdf",
        stub_two_column_pdf,
        payer,
        payee,
        stubs,
        "biweekly",
        0,
        skip=lambda s: gap[0] <= s.period_start <= gap[1],
    )
    for y in (2022, 2024):
        t = t4_from_stubs(
            stubs,
            y,
            employer="HARBOURVIEW DENTAL GROUP INC.",
            employer_address=addr,
            employee_first="Beatriz",
            employee_last="Amaral",
            employee_address=home,
            sin=sin,
            province="BC",
        )
        c.t4(f"Tax/T4-{y}-Harbourview.pdf", t4_printout_pdf, t, 0)
        if y == 2022:
            t22 = t
    c.noa(
        "Tax/Notice of assessment 2022.pdf",
        noa_modern_pdf,
        NOAData(2022, me, home, sin, d("2023-04-11"), t22.box14, 0.0, t22.box22, "BC"),
    )
    sv = "Escritório Contábil Serra Verde Ltda."
    sv_addr = "Rua dos Timbiras, 1470, sala 803, Centro, Belo Horizonte – MG, CEP 30140-061"
    Lpt = Letter(
        sv,
        sv_addr,
        [sv_addr],
        "(31) 3555-0142",
        "contato@serraverdecontabil.com.br",
        me,
        "Sra.",
        "she",
        [
            Position(
                "Assistente de Departamento Pessoal",
                d("2018-03-05"),
                d("2021-10-29"),
                44.0,
                "44 (quarenta e quatro) horas semanais",
                3150.0,
                "month",
                "R$ 3.150,00 (três mil, cento e cinquenta reais)",
                [
                    "Elaboração da folha de pagamento de cerca de 30 empresas clientes",
                    "Cálculo de férias, 13º salário e rescisões contratuais",
                    "Envio das obrigações do eSocial e recolhimento de FGTS e INSS",
                    "Atendimento aos clientes sobre admissões e afastamentos de funcionários",
                ],
            )
        ],
        False,
        "vale-transporte, vale-refeição e plano de saúde",
        "Marcelo Tavares Pinto",
        "Sócio-Administrador",
        d("2021-11-12"),
        language="pt",
        city="Belo Horizonte",
    )
    c.letter("Work/Brazil/Declaracao Serra Verde.pdf", carta_declaracao_pt_pdf, Lpt, None)
    c.other(
        "Business/BC registration statement.pdf",
        lambda p: business_registration_pdf(
            p, "Amaral Bookkeeping Services", me, "FM1043387", d("2024-06-20"), ", ".join(home)
        ),
    )
    c.permit(
        "Status/SOWP 2021.pdf",
        permit_grid_pdf,
        PermitData(
            "AMARAL",
            "BEATRIZ",
            "W412093857",
            "32-1187-6650",
            d("2021-12-01"),
            d("2024-11-30"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1993-10-02"),
            "BRAZIL",
            ["MUST LEAVE CANADA BY 2024/11/30."],
            "SPOUSE OF SKILLED WORKER - C41",
            "54",
            "VANCOUVER INT'L AIRPORT",
        ),
    )
    c.permit(
        "Status/SOWP renewal 2024.pdf",
        permit_stacked_pdf,
        PermitData(
            "AMARAL",
            "BEATRIZ",
            "W517730264",
            "32-1187-6650",
            d("2024-11-20"),
            d("2027-11-19"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1993-10-02"),
            "BRAZIL",
            ["MUST LEAVE CANADA BY 19 NOV 2027."],
            "SPOUSE OF SKILLED WORKER - C41",
            "54",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.language(
        "Status/IELTS General Training.pdf",
        language_ielts_pdf,
        LanguageResult(
            "ielts_general",
            "Beatriz",
            "Amaral",
            d("2024-11-02"),
            {"listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0},
            {"listening": 9, "reading": 9, "writing": 9, "speaking": 9},
            "000427105",
        ),
    )
    return c


# ---- s05 -------------------------------------------------------------------


def case_s05() -> Case:
    rng = random.Random(505)
    sin = fake_sin(rng)
    me = "Kwame Mensah"
    home = ["411 Cranston Ridge Drive SE", "Calgary, AB T3M 0B7"]
    yaml_text = """\
# Kwame Mensah — Express Entry (CEC)
applicant: Kwame Mensah
application_date: 2025-08-08
jobs:
  - employer: Riverbend Auto Care Ltd.
    title: Automotive Service Technician
    noc: "72410"
    start: 2023-05-01
    end:                    # still working there
    hours_per_week: 44      # 4 x 11h shifts, paid straight time
"""
    c = Case(
        "s05_weak_reference_letter",
        "One current job at a garage, on an employer-specific permit that names the same employer. "
        "The reference letter is an internal memo in Word: it gives the title, start date, duties and "
        "benefits, but no hours, no salary, only the street address (no phone or email) and is signed "
        "by 'Human Resources Department' with no name or title. The 2024 T4 is missing.",
        yaml_text,
        codes=[
            "letter.missing-contact",
            "letter.missing-hours",
            "letter.missing-salary",
            "letter.missing-signatory",
            "t4.missing-year",
        ],
        optional=["duties.weak-coverage", "doc.needs-review"],
        sins=[sin],
    )
    c.notes.append(
        "The letter mentions benefits but no salary: letter.missing-benefits does not apply. "
        "Without stated hours the claim (44 h) is used, capped at 30 a week."
    )
    emp = "Riverbend Auto Care Ltd."
    addr = "6120 Macleod Trail SW, Calgary, AB T2H 0K4"
    L = Letter(
        emp,
        addr,
        [addr],
        None,
        None,
        me,
        "Mr.",
        "he",
        [
            Position(
                "Automotive Service Technician",
                d("2023-05-01"),
                None,
                None,
                None,
                None,
                None,
                None,
                [
                    "Diagnose engine, transmission, brake and electrical problems with scan tools and shop manuals",
                    "Carry out scheduled maintenance: oil changes, tire rotations, fluid flushes and inspections",
                    "Repair and replace steering, suspension, brake and exhaust components",
                    "Road-test vehicles after repairs and explain the work done to the service advisor",
                    "Keep repair orders up to date and flag further work for the customer's approval",
                ],
            )
        ],
        True,
        "our group health and dental plan",
        None,
        None,
        d("2025-07-21"),
        city="Calgary",
    )
    c.letter("Riverbend - employment letter.docx", letter_memo_docx, L, 0)
    c.permit(
        "Work permit (LMIA).pdf",
        permit_stacked_pdf,
        PermitData(
            "MENSAH",
            "KWAME",
            "W203948576",
            "7734-1290",
            d("2023-04-17"),
            d("2025-10-16"),
            False,
            "RIVERBEND AUTO CARE LTD.",
            "CALGARY, AB",
            "AUTOMOTIVE SERVICE TECHNICIAN",
            "72410",
            "M",
            d("1991-09-30"),
            "GHANA",
            [
                "1. NOT AUTHORIZED TO WORK FOR ANY EMPLOYER OTHER THAN STATED.",
                "2. NOT AUTHORIZED TO WORK IN ANY OCCUPATION OTHER THAN STATED.",
                "3. MUST LEAVE CANADA BY 16 OCT 2025.",
            ],
            "LMIA 9034417",
            None,
            "CALGARY INT'L AIRPORT",
        ),
    )
    payer = Payer(emp, ["6120 Macleod Trail SW", "Calgary, AB T2H 0K4"], "AB")
    payee = Payee(me, home, "112", sin, "2290")
    stubs = make_stubs(
        [Segment(d("2023-05-01"), None, 44.0, hourly=32.0)],
        "biweekly",
        "AB",
        cutoff=d("2025-08-01"),
        anchor=d("2023-05-01"),
    )
    c.stubs("pay stubs/Riverbend_{pay}.pdf", stub_simple_pdf, payer, payee, stubs, "biweekly", 0)
    t = t4_from_stubs(
        stubs,
        2023,
        employer="RIVERBEND AUTO CARE LTD.",
        employer_address=addr,
        employee_first="Kwame",
        employee_last="Mensah",
        employee_address=home,
        sin=sin,
        province="AB",
    )
    c.t4("T4 2023 Riverbend.pdf", t4_grid_pdf, t, 0)
    c.language(
        "CELPIP results.pdf",
        language_celpip_pdf,
        LanguageResult(
            "celpip_general",
            "Kwame",
            "Mensah",
            d("2025-01-25"),
            {"listening": 8, "reading": 7, "writing": 7, "speaking": 8},
            {"listening": 8, "reading": 7, "writing": 7, "speaking": 8},
            "CPG-0125-30962",
        ),
    )
    return c


# ---- s06 -------------------------------------------------------------------


def case_s06() -> Case:
    rng = random.Random(606)
    sin = fake_sin(rng)
    me = "Minh Anh Tran"
    home = ["2207-15 Lower Sherbourne Court", "Toronto, ON M5E 0C4"]
    yaml_text = """\
# CEC application - Minh Anh Tran
# 3 jobs: the accounting firm (left Feb 2024), Larkspur (current) and the
# bookkeeping side job (evenings/Saturdays, Sept 2024 to April 2025).
applicant: Minh Anh Tran
application_date: 2026-03-20
jobs:
  - employer: Pemberton & Vale LLP
    title: Senior Accountant
    noc: "11100"
    start: 2023-01-09
    end: 2024-02-29
    hours_per_week: 37.5
  - employer: Larkspur Capital Partners Inc.
    title: Financial Analyst
    noc: "11101"
    start: 2024-03-11
    end: null
    hours_per_week: 40
  - employer: Tidewater Bookkeeping Co.
    title: Bookkeeper
    noc: "12200"
    start: 2024-09-09
    end: 2025-04-25
    hours_per_week: 10
"""
    c = Case(
        "s06_three_jobs_letter_gaps",
        "Three jobs: a past one at an accounting firm (started before the window), a current "
        "full-time analyst job and a part-time bookkeeping job held at the same time. The firm's letter "
        "says 'Staff Accountant' where the claim says 'Senior Accountant'; the analyst's letter is a "
        "bare verification of employment (no title, no duties, no benefits, 35 h against 40 claimed); "
        "the bookkeeping letter gives no dates ('since the fall of 2024') and no benefits, and there "
        "are no pay stubs for that job.",
        yaml_text,
        codes=[
            "letter.claim-mismatch",
            "letter.missing-benefits",
            "letter.missing-dates",
            "letter.missing-duties",
            "letter.missing-title",
            "paystub.missing",
        ],
        optional=["duties.noc-mismatch", "duties.weak-coverage"],
        sins=[sin],
    )
    c.notes.append(
        "duties.noc-mismatch is optional for the Larkspur job: its letter has no duties at all "
        "(letter.missing-duties is the required finding)."
    )
    pv = "Pemberton & Vale LLP"
    pv_addr = "77 Sable Quay, Suite 1900, Toronto, ON M5J 2X4"
    L1 = Letter(
        pv,
        pv_addr,
        [pv_addr],
        "416-555-0172",
        "office@pembertonvale.ca",
        me,
        "Ms.",
        "she",
        [
            Position(
                "Staff Accountant",
                d("2023-01-09"),
                d("2024-02-29"),
                37.5,
                "37.5 hours per week",
                61000.0,
                "year",
                "$61,000.00 per year",
                [
                    "Prepared year-end financial statements and working papers for owner-managed businesses",
                    "Examined ledgers, bank reconciliations and supporting invoices during review and "
                    "audit engagements",
                    "Prepared corporate (T2) and personal tax returns from client accounting records",
                    "Set up charts of accounts and month-end closing procedures for new clients",
                    "Drafted management letters recommending improvements to clients' internal controls",
                    "Analyzed clients' financial results and answered their questions on tax and cash flow",
                ],
            )
        ],
        False,
        "the firm's group health, dental and life insurance plan",
        "Harjit Sandhu",
        "Partner",
        d("2024-03-08"),
        city="Toronto",
        call_name="Minh Anh",
    )
    c.letter("1 - Pemberton Vale/Employment letter PV.pdf", letter_firm_pdf, L1, 0)
    lk = "Larkspur Capital Partners Inc."
    lk_lines = ["200 Wellington Street West, Suite 2900", "Toronto, ON M5V 3C7"]
    L2 = Letter(
        lk,
        ", ".join(lk_lines),
        lk_lines,
        "416-555-0190",
        "hr@larkspurcapital.ca",
        me,
        "Ms.",
        "she",
        [
            Position(
                None,
                d("2024-03-11"),
                None,
                35.0,
                "full-time (35 hours weekly)",
                78500.0,
                "year",
                "CAD 78,500 per annum",
                [],
            )
        ],
        True,
        None,
        "Gregory Osei",
        "Vice-President, Finance",
        d("2026-02-24"),
        city="Toronto",
    )
    c.letter("2 - Larkspur/Larkspur VOE.pdf", letter_voe_pdf, L2, 1)
    tw = "Tidewater Bookkeeping Co."
    tw_lines = ["1032 Queen Street East, Unit 2", "Toronto, ON M4M 1K1"]
    L3 = Letter(
        tw,
        ", ".join(tw_lines),
        tw_lines,
        "647-555-0115",
        "grace@tidewaterbooks.ca",
        me,
        "Ms.",
        "she",
        [
            Position(
                "Bookkeeper",
                None,
                None,
                10.0,
                "about 10 hours per week",
                24.0,
                "hour",
                "$24.00 per hour",
                [
                    "Entering sales invoices, bills and receipts in QuickBooks Online",
                    "Reconciling bank and credit card accounts every month",
                    "Preparing HST returns and payroll remittances for review",
                    "Producing monthly income statements and balance sheets for clients",
                ],
            )
        ],
        False,
        None,
        "Grace Whitfield",
        "Owner",
        d("2025-05-16"),
        city="Toronto",
        call_name="Minh Anh",
    )
    c.letter("3 - Tidewater/Tidewater letter.docx", letter_short_note_docx, L3, 2)

    pv_payer = Payer(pv, ["77 Sable Quay, Suite 1900", "Toronto, ON M5J 2X4"], "ON")
    payee = Payee(me, home, "PV-0388", sin, "5519")
    pv_stubs = make_stubs(
        [
            Segment(d("2023-01-09"), d("2023-12-31"), 37.5, annual=59000.0),
            Segment(d("2024-01-01"), d("2024-02-29"), 37.5, annual=61000.0),
        ],
        "semimonthly",
        "ON",
        cutoff=d("2024-03-15"),
    )
    c.stubs("1 - Pemberton Vale/pay/PV_pay_{pay}.pdf", stub_table_pdf, pv_payer, payee, pv_stubs, "semimonthly", 0)
    lk_payer = Payer(lk, lk_lines, "ON")
    payee2 = Payee(me, home, "100-2291", sin, "5519")
    lk_stubs = make_stubs(
        [Segment(d("2024-03-11"), None, 35.0, annual=78500.0)], "monthly", "ON", cutoff=d("2026-02-27")
    )
    c.stubs("2 - Larkspur/pay statements/{pay}.pdf", stub_table_pdf, lk_payer, payee2, lk_stubs, "monthly", 1)
    # Tidewater paid through a payroll service: T4s exist, the stubs were never kept
    tw_stubs = make_stubs(
        [Segment(d("2024-09-09"), d("2025-04-25"), 10.0, hourly=24.0)],
        "biweekly",
        "ON",
        cutoff=d("2025-05-09"),
        anchor=d("2024-09-02"),
    )
    t4s: dict[int, list[T4Data]] = defaultdict(list)
    for job, stubs, name, addr, years in [
        (0, pv_stubs, "PEMBERTON & VALE LLP", pv_addr, (2023, 2024)),
        (1, lk_stubs, "LARKSPUR CAPITAL PARTNERS INC.", ", ".join(lk_lines), (2024, 2025)),
        (2, tw_stubs, "TIDEWATER BOOKKEEPING CO.", ", ".join(tw_lines), (2024, 2025)),
    ]:
        for y in years:
            t = t4_from_stubs(
                stubs,
                y,
                employer=name,
                employer_address=addr,
                employee_first="Minh Anh",
                employee_last="Tran",
                employee_address=home,
                sin=sin,
                province="ON",
            )
            short = name.split()[0].title()
            c.t4(f"Taxes/{y}/T4_{y}_{short}.pdf", t4_printout_pdf, t, job)
            t4s[y].append(t)
    c.noa(
        "Taxes/2024/NOA 2024.pdf",
        noa_modern_pdf,
        NOAData(
            2024,
            me,
            home,
            sin,
            d("2025-04-03"),
            r2(sum(t.box14 for t in t4s[2024]) + 61.35),
            2500.0,
            r2(sum(t.box22 for t in t4s[2024])),
            "ON",
        ),
    )
    c.permit(
        "Immigration/PGWP.pdf",
        permit_grid_pdf,
        PermitData(
            "TRAN",
            "MINH ANH",
            "U330192847",
            "1188-2047",
            d("2022-08-15"),
            d("2025-08-14"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1997-12-03"),
            "VIET NAM",
            ["MUST LEAVE CANADA BY 2025/08/14."],
            "POST-GRADUATION WORK PERMIT.",
            "56",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.permit(
        "Immigration/OWP 2025.pdf",
        permit_stacked_pdf,
        PermitData(
            "TRAN",
            "MINH ANH",
            "W662019374",
            "1188-2047",
            d("2025-07-30"),
            d("2028-07-29"),
            True,
            None,
            None,
            None,
            None,
            "F",
            d("1997-12-03"),
            "VIET NAM",
            ["MUST LEAVE CANADA BY 29 JUL 2028."],
            "SPOUSE OF SKILLED WORKER - C41",
            "54",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.language(
        "Immigration/CELPIP score report.pdf",
        language_celpip_pdf,
        LanguageResult(
            "celpip_general",
            "Minh Anh",
            "Tran",
            d("2025-06-14"),
            {"listening": 10, "reading": 9, "writing": 9, "speaking": 9},
            {"listening": 10, "reading": 9, "writing": 9, "speaking": 9},
            "CPG-0614-77120",
        ),
    )
    return c


# ---- s07 -------------------------------------------------------------------


def case_s07() -> Case:
    rng = random.Random(707)
    sin = fake_sin(rng)
    me = "Dmytro Kovalenko"
    home = ["318 Avenue Q North", "Saskatoon, SK S7L 2X9"]
    yaml_text = """\
# Dmytro Kovalenko – work history for Express Entry
applicant: Dmytro Kovalenko
application_date: 2025-05-30
jobs:
  - employer: Prairie Steelworks Ltd.      # Regina
    title: Welder
    noc: "72106"
    start: 2022-05-02
    end: 2023-10-27
    hours_per_week: 40
  - employer: Kestrel Fabrication Inc.     # Saskatoon, current
    title: Welder
    noc: "72106"
    start: 2023-11-06
    hours_per_week: 40
"""
    c = Case(
        "s07_no_readable_permit",
        "Two sequential welding jobs with complete letters, stubs, T4s and a signed employment "
        "agreement, but the only copy of the work permit is an iPhone .HEIC photo that cannot be read "
        "and that the IRCC portal refuses. With no permit, no day of work is shown to be authorized. "
        "Also an old (2018) notice of assessment with 3-digit line numbers.",
        yaml_text,
        codes=["cec.hours-short", "doc.portal-limit", "doc.unreadable", "permit.missing"],
        optional=["permit.gap", "duties.weak-coverage"],
        sins=[sin],
        alt_without_permits=True,
    )
    c.notes.append(
        "Following the devset reading, hours need permit coverage, so with no readable permit "
        "the qualifying hours are 0. permit.gap (every day uncovered) is optional next to "
        "permit.missing."
    )
    ps = "Prairie Steelworks Ltd."
    ps_addr = "1150 Ross Industrial Avenue, Regina, SK S4N 5P9"
    L1 = Letter(
        ps,
        ps_addr,
        [ps_addr],
        "306-555-0133",
        "office@prairiesteelworks.ca",
        me,
        "Mr.",
        "he",
        [
            Position(
                "Welder",
                d("2022-05-02"),
                d("2023-10-27"),
                40.0,
                "40 hours per week",
                31.5,
                "hour",
                "$31.50 per hour",
                [
                    "reading shop drawings and weld procedure specifications for structural beams, "
                    "columns and stair frames",
                    "welding carbon steel in all positions with the FCAW and GMAW processes",
                    "cutting and bevelling plate with the oxy-fuel torch and the plasma table",
                    "tacking and fitting up assemblies before final welding",
                    "grinding out and repairing defects found by the quality inspector",
                ],
            )
        ],
        False,
        "group health and dental coverage and a yearly boot allowance",
        "Brent Lachance",
        "Shop Superintendent",
        d("2023-11-03"),
        fmt=dmy_date,
        city="Regina",
    )
    c.letter("Jobs/Prairie Steelworks/Reference - Prairie Steelworks.pdf", letter_summary_box_pdf, L1, 0)
    ks = "Kestrel Fabrication Inc."
    ks_addr = "2702 Millwright Avenue, Saskatoon, SK S7K 4K4"
    L2 = Letter(
        ks,
        ks_addr,
        [ks_addr],
        "306-555-0158",
        "hr@kestrelfab.ca",
        me,
        "Mr.",
        "he",
        [
            Position(
                "Welder",
                d("2023-11-06"),
                None,
                40.0,
                "40 hours per week",
                34.0,
                "hour",
                "$34.00/hr",
                [
                    "Read fabrication drawings and weld maps for pressure vessel skids and pipe racks",
                    "Weld carbon and stainless steel with GTAW, GMAW and SMAW to company procedures",
                    "Operate the CNC plasma table, shears and press brake to cut and form parts",
                    "Rebuild worn parts of customer equipment by hardfacing and building up weld metal",
                    "Inspect own welds, fill in traveller sheets and keep the work area safe",
                ],
            )
        ],
        True,
        "our group health, dental and disability plan",
        "Angela Frieson",
        "HR & Safety Coordinator",
        d("2025-05-12"),
        fmt=abbr_date,
        website="www.kestrelfab.ca",
        city="Saskatoon",
    )
    c.letter("Jobs/Kestrel/Kestrel employment confirmation.docx", letter_header_footer_docx, L2, 1)
    c.contract(
        "Jobs/Kestrel/Employment agreement.docx",
        contract_clauses_docx,
        Contract(
            ks,
            ks_addr,
            me,
            ", ".join(home),
            "Welder",
            d("2023-11-06"),
            40.0,
            "40 hours per week",
            34.0,
            "hour",
            "$34.00 per hour",
            d("2023-10-23"),
            "Angela Frieson",
            "HR & Safety Coordinator",
        ),
    )
    payee = Payee(me, home, "4471", sin, "8802")
    ps_stubs = make_stubs(
        [Segment(d("2022-05-02"), d("2023-10-27"), 40.0, hourly=31.5)],
        "biweekly",
        "SK",
        cutoff=d("2025-05-30"),
        anchor=d("2022-05-02"),
    )
    c.stubs(
        "Jobs/Prairie Steelworks/stubs/PSW_{pay}.pdf",
        stub_two_column_pdf,
        Payer(ps, ["1150 Ross Industrial Avenue", "Regina, SK S4N 5P9"], "SK", "PSW"),
        payee,
        ps_stubs,
        "biweekly",
        0,
    )
    ks_stubs = make_stubs(
        [Segment(d("2023-11-06"), None, 40.0, hourly=34.0)], "semimonthly", "SK", cutoff=d("2025-05-15")
    )
    c.stubs(
        "Jobs/Kestrel/paystubs/Kestrel_{pay}.pdf",
        stub_table_pdf,
        Payer(ks, ["2702 Millwright Avenue", "Saskatoon, SK S7K 4K4"], "SK"),
        Payee(me, home, "K-0193", sin, "8802"),
        ks_stubs,
        "semimonthly",
        1,
    )
    for job, stubs, name, addr, years in [
        (0, ps_stubs, "PRAIRIE STEELWORKS LTD.", ps_addr, (2022, 2023)),
        (1, ks_stubs, "KESTREL FABRICATION INC.", ks_addr, (2023, 2024)),
    ]:
        for y in years:
            t = t4_from_stubs(
                stubs,
                y,
                employer=name,
                employer_address=addr,
                employee_first="Dmytro",
                employee_last="Kovalenko",
                employee_address=home,
                sin=sin,
                province="SK",
            )
            c.t4(f"Taxes/T4 {y} {name.split()[0].title()}.pdf", t4_grid_pdf, t, job)
    c.noa(
        "Taxes/old/NOA 2018.pdf",
        noa_old_pdf,
        NOAData(
            2018,
            me,
            ["112-1220 College Drive", "Saskatoon, SK S7N 0W3"],
            sin,
            d("2019-04-02"),
            14212.55,
            0.0,
            1104.30,
            "SK",
        ),
    )
    c.unreadable("Immigration/work_permit.HEIC", lambda p: write_fake_heic(p, 707))
    return c


# ---- s08 -------------------------------------------------------------------


def case_s08() -> Case:
    rng = random.Random(808)
    sin, spouse_sin = fake_sin(rng), fake_sin(rng)
    me, spouse = "Oluwaseun Adeyemi", "Funmilayo Adeyemi"
    home = ["1406-250 Cedarvale Terrace", "Toronto, ON M6C 1A6"]
    yaml_text = """\
# Oluwaseun Adeyemi - CEC
# Dumped everything from my Documents folder in here, sorry for the mess.
applicant: Oluwaseun Adeyemi
ita_date: 2025-08-27
application_date: 2025-09-12
jobs:
  - employer: Blue Harbour Logistics Ltd.
    title: Logistics Coordinator
    noc: "13201"
    start: 2023-06-12
    hours_per_week: 40
"""
    c = Case(
        "s08_ready_with_warnings",
        "Complete evidence for one current job, so the case is ready, but the folder is messy: the "
        "2024 T4 comes from the payroll company 'BH Freight Services Inc.', the spouse's notice of "
        "assessment is included, a lease and a hydro bill, a truncated download, a password-protected "
        "pay statement, an empty scan and an Apple Pages draft.",
        yaml_text,
        codes=["doc.portal-limit", "doc.unclassified", "doc.unreadable", "employer.name-mismatch", "name.mismatch"],
        optional=["t4.missing-year", "duties.weak-coverage"],
        sins=[sin, spouse_sin],
    )
    c.notes.append(
        "The 2024 T4 names BH Freight Services Inc. (the payroll entity): it is the T4 of this job, "
        "so employer.name-mismatch fires; a tool that does not attach it to the job may also emit "
        "t4.missing-year (optional)."
    )
    c.notes.append(
        "name.mismatch: the spouse's 2024 notice of assessment. The lease names both spouses and the landlord."
    )
    emp = "Blue Harbour Logistics Ltd."
    lines = ["6455 Harbourlink Drive, Unit 4", "Mississauga, ON L5T 1B8"]
    L = Letter(
        emp,
        ", ".join(lines),
        lines,
        "905-555-0121",
        "operations@blueharbourlogistics.ca",
        me,
        "Mr.",
        "he",
        [
            Position(
                "Logistics Coordinator",
                d("2023-06-12"),
                None,
                40.0,
                "40 hours per week",
                58500.0,
                "year",
                "$58,500 per year",
                [
                    "Book inbound and outbound truckloads with our carriers and confirm pickup and "
                    "delivery appointments",
                    "Track shipments in our TMS and warn customers and the warehouse about delays",
                    "Schedule dock doors and the receiving crew with the warehouse supervisors each morning",
                    "Prepare bills of lading and customs paperwork for cross-border loads to the U.S.",
                    "Check stock levels of packaging and pallets and reorder before they run out",
                    "Report weekly on on-time delivery, freight costs and carrier performance",
                ],
            )
        ],
        True,
        "three weeks of paid vacation and our group health and dental benefits",
        "Priya Natarajan",
        "Operations Manager",
        d("2025-08-29"),
        website="blueharbourlogistics.ca",
        city="Mississauga",
    )
    c.letter("Documents/Employment/BlueHarbour_letter_2025.pdf", letter_sidebar_pdf, L, 0)
    old = Letter(**{**L.__dict__, "letter_date": d("2023-11-20")})
    c.unreadable(
        "Documents/Employment/Employment_letter_2023 (1).pdf",
        lambda p: write_truncated_pdf(p, lambda q: letter_sidebar_pdf(q, old)),
    )
    payer = Payer(emp, lines, "ON", "BHL")
    payee = Payee(me, home, "003417", sin, "6012")
    stubs = make_stubs(
        [Segment(d("2023-06-12"), None, 40.0, annual=58500.0)],
        "biweekly",
        "ON",
        cutoff=d("2025-09-05"),
        anchor=d("2023-06-12"),
    )
    locked = d("2025-01-10")  # the payroll portal e-mailed this one password-protected
    c.stubs(
        "Documents/Pay/Statement_{pay}.pdf",
        stub_two_column_pdf,
        payer,
        payee,
        stubs,
        "biweekly",
        0,
        skip=lambda s: s.pay_date == locked,
    )
    s_locked = next(s for s in stubs if s.pay_date == locked)
    c.unreadable(
        f"Documents/Pay/Statement_{locked.isoformat()}_secure.pdf",
        lambda p: write_encrypted_pdf(
            p, lambda q: stub_two_column_pdf(q, payer, payee, s_locked, "biweekly"), "ADEYEMI0411", 808
        ),
    )
    t23 = t4_from_stubs(
        stubs,
        2023,
        employer="BLUE HARBOUR LOGISTICS LTD.",
        employer_address=", ".join(lines),
        employee_first="Oluwaseun",
        employee_last="Adeyemi",
        employee_address=home,
        sin=sin,
        province="ON",
    )
    c.t4("Documents/Tax/T4 2023.pdf", t4_grid_pdf, t23, 0)
    t24 = t4_from_stubs(
        stubs,
        2024,
        employer="BH FREIGHT SERVICES INC.",
        employer_address="2900 Courtneypark Drive East, Mississauga ON L5T 2R3",
        employee_first="Oluwaseun",
        employee_last="Adeyemi",
        employee_address=home,
        sin=sin,
        province="ON",
    )
    c.t4("Documents/Tax/T4 2024.pdf", t4_grid_pdf, t24, 0)
    c.noa(
        "Documents/Tax/NOA 2024.pdf",
        noa_modern_pdf,
        NOAData(2024, me, home, sin, d("2025-03-24"), r2(t24.box14 + 96.40), 1800.0, t24.box22, "ON"),
    )
    c.noa(
        "Documents/Tax/NOA 2024 (1).pdf",
        noa_modern_pdf,
        NOAData(2024, spouse, home, spouse_sin, d("2025-03-24"), 41220.18, 0.0, 6010.55, "ON"),
    )
    c.permit(
        "Documents/Immigration/PGWP.pdf",
        permit_stacked_pdf,
        PermitData(
            "ADEYEMI",
            "OLUWASEUN",
            "U748201936",
            "5521-0963",
            d("2023-05-29"),
            d("2026-05-28"),
            True,
            None,
            None,
            None,
            None,
            "M",
            d("1995-04-11"),
            "NIGERIA",
            ["MUST LEAVE CANADA BY 28 MAY 2026."],
            "POST-GRADUATION WORK PERMIT",
            "56",
            "IN-CANADA APPLICATION - CPC",
        ),
    )
    c.other(
        "Documents/Housing/Lease 2024-2025.pdf",
        lambda p: lease_pdf(
            p,
            [me, spouse],
            "Harold Fink",
            "250 Cedarvale Terrace, Unit 1406, Toronto, ON M6C 1A6",
            d("2024-09-01"),
            2150.0,
        ),
    )
    c.other("Documents/Housing/hydro bill july.pdf", lambda p: hydro_bill_pdf(p, me, home, d("2025-07-14")))
    c.unreadable("Documents/scan0001.pdf", lambda p: p.write_bytes(b""))
    c.unreadable("Documents/Cover letter draft.pages", lambda p: write_fake_pages(p, 808))
    c.language(
        "Documents/Immigration/CELPIP official score report.pdf",
        language_celpip_pdf,
        LanguageResult(
            "celpip_general",
            "Oluwaseun",
            "Adeyemi",
            d("2025-03-10"),
            {"listening": 9, "reading": 8, "writing": 8, "speaking": 9},
            {"listening": 9, "reading": 8, "writing": 8, "speaking": 9},
            "CPG-0310-51844",
        ),
    )
    return c


# --------------------------------------------------------------------------

CASES = [case_s01, case_s02, case_s03, case_s04, case_s05, case_s06, case_s07, case_s08]


# -- scans and photos ---------------------------------------------------------------------
# A copy of a text case in which some documents arrive as scans and phone photos, made from
# the text PDFs above: rendered, then turned, skewed, blurred and speckled a little.
SCANS_FROM = "s03_cook_employer_specific"
SCANS_CASE = "s09_scans_and_photos"
SCANNED = {  # source path -> (new path, style, turn in degrees, upside down)
    "letter from Saffron.pdf": ("scans/Scan_0001.pdf", "scanned", 1.2, False),
    "T4 2024.pdf": ("scans/Scan_0002.pdf", "scanned", -0.8, True),
    "LMIA/work permit.pdf": ("LMIA/IMG_4821.jpg", "image", 3.5, False),
}


def _degrade(page, seed: int, turn: float, upside_down: bool, photo: bool):
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    image = page.convert("L")
    if photo:  # a phone photo: the sheet on a darker desk, lit unevenly
        desk = Image.new("L", (int(image.width * 1.12), int(image.height * 1.1)), 92)
        desk.paste(image, (int(image.width * 0.06), int(image.height * 0.05)))
        image = desk
    image = image.rotate(turn, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=92 if photo else 255)
    if upside_down:
        image = image.rotate(180)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    speckle = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
    image = Image.blend(image, speckle, 0.08)
    return image


def build_scans() -> dict:
    import img2pdf
    import pypdfium2 as pdfium

    source, target = HERE / "cases" / SCANS_FROM, HERE / "cases" / SCANS_CASE
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    expected = json.loads((HERE / "expected" / f"{SCANS_FROM}.json").read_text(encoding="utf-8"))
    expected["case"] = SCANS_CASE
    expected["scenario"] = (
        "The same claims and evidence as " + SCANS_FROM + ", but the reference letter and the T4 "
        "are scans (turned a little, speckled; the T4 upside down) and the work permit is a phone "
        "photo: the answer must not change."
    )
    for number, (old, (new, style, turn, upside_down)) in enumerate(sorted(SCANNED.items())):
        page = pdfium.PdfDocument(str(source / old))[0].render(scale=150 / 72).to_pil()
        image = _degrade(page, 4200 + number, turn, upside_down, photo=style == "image")
        (target / old).unlink()
        (target / new).parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=80)
        if style == "image":
            (target / new).write_bytes(buffer.getvalue())
        else:
            when = datetime(2025, 1, 1)
            (target / new).write_bytes(img2pdf.convert(buffer.getvalue(), creationdate=when, moddate=when))
        document = expected["documents"].pop(old)
        document["style"] = style
        expected["documents"][new] = document
    expected["documents"] = dict(sorted(expected["documents"].items()))
    expected["info_codes"] = sorted(set(expected.get("info_codes", [])) | {"doc.scanned"})
    (HERE / "expected" / f"{SCANS_CASE}.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return expected


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    built = []
    for make in CASES:
        case = make()
        if wanted and not any(case.name.startswith(w) for w in wanted):
            continue
        exp = case.build()
        built.append(exp)
        print(
            f"{exp['case']:34s} hours={exp['qualifying_hours']:8.2f} ready={str(exp['ready']):5s} "
            f"docs={len(exp['documents']):3d} codes={','.join(exp['codes']) or '-'}"
        )
    if not wanted or any(SCANS_CASE.startswith(w) for w in wanted):
        exp = build_scans()
        built.append(exp)
        print(f"{exp['case']:34s} scans and photos of {SCANS_FROM}")
    size = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(f"{len(built)} case(s); samples/ is {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
