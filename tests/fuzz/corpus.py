"""Seeds, mutators and hostile files for fuzzing the readers and extractors.

Shared by the CI property tests (`tests/fuzz/`, driven by hypothesis) and the
longer randomized run (`bench/fuzz/run.py`, driven by `random.Random`): every
mutator is a function of the input and a `random.Random`, so hypothesis can
hand it a derandomized, shrinkable one (`st.randoms()`).

Seeds come only from this repository: the sample cases, the layout fixtures,
the kinds' own test texts (tests/kinds/<kind>/fixtures), and PDF, DOCX and
image files made here with reportlab, python-docx and Pillow.
"""

from __future__ import annotations

import base64
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from checklist.ingest.own import own_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
FIXTURES = ROOT / "tests" / "fixtures"
KIND_FIXTURES = ROOT / "tests" / "kinds"
REGRESSIONS = Path(__file__).resolve().parent / "regressions"  # inputs that once crashed a reader

EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "image": ".png", "text": ".txt", "other": ".bin"}


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # pdf, docx, image, text, other
    data: bytes

    def __repr__(self) -> str:  # hypothesis prints failing examples: the name says which file
        return f"Seed({self.name!r}, {self.kind!r}, <{len(self.data):,} bytes>)"

    @property
    def suffix(self) -> str:
        """The seed's own extension (a fuzzed .tif stays .tif), for file names people read."""
        return Path(self.name).suffix.lower() or EXTENSIONS[self.kind]


Mutator = Callable[[bytes, random.Random], bytes]


# --------------------------------------------------------------------------
# Seeds


@cache
def seeds() -> tuple[Seed, ...]:
    """Real samples (one file per folder, so every document kind is there) and files made in code."""
    found: list[Seed] = []
    seen_dirs: set[Path] = set()
    for path in sorted(SAMPLES.rglob("*")):
        if not path.is_file() or path.name == "case.yaml" or own_file(path):
            continue  # the case file, and reports the README's first command may have written there
        suffix = path.suffix.lower()
        if suffix == ".pdf" and path.parent in seen_dirs:
            continue  # hundreds of pay stubs: one per folder is enough
        seen_dirs.add(path.parent)
        kind = {".pdf": "pdf", ".docx": "docx"}.get(suffix, "other")
        found.append(Seed(path.relative_to(SAMPLES).as_posix(), kind, path.read_bytes()))
    for path in sorted(FIXTURES.rglob("*.txt")):
        found.append(Seed(path.relative_to(FIXTURES).as_posix(), "text", path.read_bytes()))
    for path in sorted(KIND_FIXTURES.rglob("fixtures/*.txt")):  # a kind's own test texts (tests/kinds/<kind>/fixtures)
        found.append(Seed(path.relative_to(ROOT / "tests").as_posix(), "text", path.read_bytes()))
    found += _made_seeds()
    return tuple(found)


def seeds_of(kind: str) -> list[Seed]:
    return [seed for seed in seeds() if seed.kind == kind]


LETTER = [
    "ACME ANALYTICS INC.  100 King St W, Toronto ON M5X 1A9  hr@acme.example  416-555-0100",
    "June 2, 2025",
    "To whom it may concern,",
    "This letter confirms that Maria Santos has been employed by Acme Analytics Inc.",
    "as a Software Developer from March 1, 2023 to present, full time, 40 hours per week.",
    "Her annual salary is $92,500.00 plus benefits.",
    "Main duties:",
    "- Design, write and test computer programs and software applications.",
    "- Identify and communicate technical problems and solutions.",
    "Sincerely, Jane Doe, Director of Human Resources",
]
STUB = [
    "EARNINGS STATEMENT",
    "Acme Analytics Inc.",
    "Employee: Maria Santos",
    "Pay period: 2024-03-01 to 2024-03-15   Pay date: 2024-03-20",
]


def _made_seeds() -> list[Seed]:
    from PIL import Image, ImageDraw

    made = [
        Seed("made/letter.pdf", "pdf", reportlab_pdf([LETTER, STUB])),
        Seed(
            "made/stub-table.pdf",
            "pdf",
            reportlab_pdf([STUB], columns=[(60, "Regular"), (300, "80.00"), (450, "3,557.69")]),
        ),
        Seed("made/scan.pdf", "pdf", reportlab_pdf([[]], image=True)),
        Seed(
            "made/letter.docx",
            "docx",
            docx_bytes(
                LETTER,
                header="ACME ANALYTICS INC.",
                footer="100 King St W",
                table=[["Position", "From", "To"], ["Developer", "2023-03-01", "present"]],
            ),
        ),
        Seed("made/nested-tables.docx", "docx", docx_bytes(STUB, table=[["a", "b"], ["c", "d"]], nested=3)),
    ]
    image = Image.new("RGB", (160, 60), "white")
    ImageDraw.Draw(image).text((5, 20), "Work permit U123456789", fill="black")
    for fmt, ext in (("PNG", "png"), ("JPEG", "jpg"), ("TIFF", "tif")):
        buffer = io.BytesIO()
        image.save(buffer, fmt)
        made.append(Seed(f"made/permit.{ext}", "image", buffer.getvalue()))
    buffer = io.BytesIO()
    image.save(buffer, "TIFF", save_all=True, append_images=[image.convert("L")])
    made.append(Seed("made/two-pages.tif", "image", buffer.getvalue()))
    return made


def reportlab_pdf(
    pages: list[list[str]], *, columns: list[tuple[float, str]] | None = None, image: bool = False
) -> bytes:
    from reportlab.lib.pagesizes import LETTER as PAGE
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    out = canvas.Canvas(buffer, pagesize=PAGE, invariant=1)
    for lines in pages:
        for index, line in enumerate(lines):
            out.drawString(60, 740 - 16 * index, line)
        for x, text in columns or []:
            out.drawString(x, 400, text)
        if image:
            from PIL import Image

            out.drawImage(ImageReader(Image.new("L", (40, 40), 200)), 60, 300, 200, 200)
        out.showPage()
    out.save()
    return buffer.getvalue()


def docx_bytes(
    paragraphs: list[str], *, header: str = "", footer: str = "", table: list[list[str]] | None = None, nested: int = 0
) -> bytes:
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text, style="List Bullet" if text.startswith("-") else None)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
        cell = grid.cell(0, 0)
        for depth in range(nested):
            inner = cell.add_table(rows=1, cols=2)
            inner.cell(0, 1).text = f"nested {depth}"
            cell = inner.cell(0, 0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------
# Byte-level mutators (any format)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)] if data else data


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 16, 64))):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)


_INTERESTING = [
    b"\x00",
    b"\xff",
    b"(",
    b")",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"/",
    b"\\",
    b"%",
    b"R",
    b"obj",
    b"stream",
    b"endstream",
    b"-1",
    b"0",
    b"4294967296",
    b"99999999999999999999",
    b"1e308",
    b"NaN",
    b"<",
    b">",
    b"&",
    b"]]>",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
]


def splice(data: bytes, rng: random.Random) -> bytes:
    """Insert, overwrite, delete or repeat a chunk."""
    if not data:
        return rng.choice(_INTERESTING)
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice((1, 4, 16, 256, 4096)))
    choice = rng.randrange(4)
    if choice == 0:
        return data[:start] + rng.choice(_INTERESTING) + data[start:]
    if choice == 1:
        return data[:start] + rng.choice(_INTERESTING) + data[end:]
    if choice == 2:
        return data[:start] + data[end:]
    return data[:end] + data[start:end] * rng.choice((2, 8, 64)) + data[end:]


def random_tail(data: bytes, rng: random.Random) -> bytes:
    """Keep the first bytes (the format's magic) and replace the rest with random bytes."""
    keep = min(len(data), rng.choice((8, 9, 16, 64, 1024)))
    return data[:keep] + rng.randbytes(rng.choice((0, 1, 100, 4096, 65536)))


BYTE_MUTATORS: list[Mutator] = [truncate, flip_bits, splice, random_tail]


# --------------------------------------------------------------------------
# Structure-aware mutators


_NUMBER = re.compile(rb"(?<![A-Za-z#])-?\d+(?:\.\d+)?")
_EXTREME_NUMBERS = [
    b"0",
    b"-1",
    b"1",
    b"2147483648",
    b"-2147483649",
    b"18446744073709551616",
    b"99999999999",
    b"1e99",
    b"0.000001",
    b"-0",
    b"65536",
    b"3.4e38",
]


def pdf_numbers(data: bytes, rng: random.Random) -> bytes:
    """Replace a few numbers (object numbers, /Length, /Count, offsets, coordinates) by extreme ones."""
    matches = list(_NUMBER.finditer(data[:2_000_000]))
    if not matches:
        return flip_bits(data, rng)
    out = data
    for match in sorted(rng.sample(matches, min(len(matches), rng.choice((1, 2, 5)))), key=lambda m: -m.start()):
        out = out[: match.start()] + rng.choice(_EXTREME_NUMBERS) + out[match.end() :]
    return out


_STREAM = re.compile(rb"(<<(?:[^<>]|<<[^<>]*>>)*>>)\s*stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)")


def pdf_inflate_streams(data: bytes, rng: random.Random) -> bytes:
    """Decode a few streams (ASCII85, Flate) in place and mutate their content, so the damage
    reaches content streams and fonts rather than stopping at zlib's checksum."""

    def expand(match: re.Match[bytes]) -> bytes:
        header, body = match.group(1), match.group(2)
        found = _FILTERS.search(header)
        names = re.findall(rb"/(\w+)", found.group(1)) if found else []
        try:
            for name in names:
                if name == b"ASCII85Decode":
                    body = base64.a85decode(
                        body.strip(), adobe=body.strip().startswith(b"<~"), ignorechars=b" \t\n\r\v"
                    )
                elif name == b"FlateDecode":
                    body = zlib.decompress(body)
                else:
                    return match.group(0)
        except (ValueError, zlib.error):
            return match.group(0)
        body = rng.choice((flip_bits, splice, splice, text_bytes))(body, rng)
        header = _FILTERS.sub(b"", header)
        header = re.sub(rb"/Length\s+\d+(\s+\d+\s+R)?", b"/Length %d" % len(body), header)
        return header + b"\nstream\n" + body + b"\nendstream"

    matches = list(_STREAM.finditer(data))
    if not matches:
        return splice(data, rng)
    chosen = {m.start() for m in rng.sample(matches, min(len(matches), rng.choice((1, 2, 3))))}
    return _STREAM.sub(lambda m: expand(m) if m.start() in chosen else m.group(0), data)


def zip_member(data: bytes, rng: random.Random) -> bytes:
    """Mutate one member of a zip (a DOCX part) and zip it again, so the damage is past the zip layer."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    except Exception:  # noqa: BLE001 - not a zip (any more): mutate the bytes instead
        return flip_bits(data, rng)
    if not members:
        return data
    index = rng.randrange(len(members))
    if rng.random() < 0.6:  # the body is where the text is
        index = next((i for i, (name, _) in enumerate(members) if name == "word/document.xml"), index)
    name, body = members[index]
    action = rng.randrange(6)
    if action == 5:
        members.pop(index)
    else:
        body = (truncate, flip_bits, splice, xml_text, xml_tags)[action](body, rng)
        members[index] = (name, body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member_name, member_body in members:
            archive.writestr(member_name, member_body)
    return buffer.getvalue()


def xml_text(data: bytes, rng: random.Random) -> bytes:
    """Change the text inside a few <w:t> runs (what the extractors see)."""
    runs = list(re.finditer(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", data))
    if not runs:
        return splice(data, rng)
    match = rng.choice(runs)
    text = mutate_text(match.group(2).decode("utf-8", "replace"), rng)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8", "replace")
    return data[: match.start(2)] + escaped + data[match.end(2) :]


def xml_tags(data: bytes, rng: random.Random) -> bytes:
    """Duplicate or drop an element, or unbalance a tag."""
    tags = list(re.finditer(rb"<(/?)([\w:]+)[^>]*>", data))
    if not tags:
        return splice(data, rng)
    match = rng.choice(tags)
    if rng.random() < 0.5:
        return data[: match.start()] + data[match.end() :]
    return data[: match.end()] + match.group(0) * rng.choice((1, 2, 50)) + data[match.end() :]


# --------------------------------------------------------------------------
# Text mutators (for the extractors: what a reader hands them)


_WEIRD = [
    "99999999999999999999",
    "0000-00-00",
    "31/02/2024",
    "2024-13-45",
    "$-1,000,000.00",
    "1e308",
    "NaN",
    "40 hours per week",
    "per hour",
    "40,5 h/sem",
    "Feb 30, 2023",
    "0 hours",
    "-40 hours per week",
    "\u202e\u05d0\u05d1",
    "e\u0301",
    "\ufeff",
    "\u00a0",
    "\t",
    "   ",
    "•",
    "NOC 21232",
    "SIN 046 454 286",
    "from 2023-03-01 to 2022-01-01",
    "to present",
    "x" * 5000,
    "1" * 400,
    "." * 2000,
    "  " * 300,
]


def mutate_text(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.choice((1, 2, 4))):
        action = rng.randrange(8)
        index = rng.randrange(len(lines)) if lines else 0
        if action == 0 and lines:
            lines.pop(index)
        elif action == 1 and lines:
            lines.insert(index, lines[index])
        elif action == 2:
            lines.insert(index, rng.choice(_WEIRD))
        elif action == 3 and lines:
            lines[index] = re.sub(r"\d", lambda _: str(rng.randrange(10)), lines[index])
        elif action == 4 and lines:
            cut = rng.randrange(len(lines[index]) + 1)
            lines[index] = lines[index][:cut] + rng.choice(_WEIRD) + lines[index][cut:]
        elif action == 5:
            rng.shuffle(lines)
        elif action == 6 and len(lines) > 1:
            lines[index : index + 2] = [" ".join(lines[index : index + 2])]
        else:
            lines = lines[: rng.randrange(len(lines) + 1)]
    return "\n".join(lines)


def text_bytes(data: bytes, rng: random.Random) -> bytes:
    return mutate_text(data.decode("utf-8", "replace"), rng).encode("utf-8")


MUTATORS: dict[str, list[Mutator]] = {
    "pdf": BYTE_MUTATORS + [pdf_numbers, pdf_numbers, pdf_inflate_streams],
    "docx": BYTE_MUTATORS + [zip_member, zip_member, zip_member],
    "image": BYTE_MUTATORS,
    "text": BYTE_MUTATORS + [text_bytes, text_bytes, text_bytes],
    "other": BYTE_MUTATORS,
}


def mutate(seed: Seed, rng: random.Random, rounds: int = 1) -> bytes:
    data = seed.data
    for _ in range(rounds):
        data = rng.choice(MUTATORS[seed.kind])(data, rng)
    return data


# --------------------------------------------------------------------------
# Hostile files made from scratch


def build_pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF of the given object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(body), extra) + body + b"\nendstream"


TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (Employment letter for Maria Santos, 40 hours per week) Tj ET"


def page_pdf(
    content: bytes = TEXT_OPS,
    *,
    page_extra: bytes = b"",
    pages_extra: bytes = b"",
    kids: bytes = b"[3 0 R]",
    count: int = 1,
    mediabox: bytes = b"[0 0 612 792]",
    filters: bytes = b"",
    extra_objects: list[bytes] | None = None,
    trailer: bytes = b"",
) -> bytes:
    """A one-page PDF (object 3 the page, 4 its content, 5 its font) with parts to make hostile."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids %s /Count %d %s >>" % (kids, count, pages_extra),
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 5 0 R >> %s >> /Contents 4 0 R >>"
            % (mediabox, page_extra),
            stream(content, filters),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *(extra_objects or []),
        ],
        trailer=trailer,
    )


def nested(depth: int, kind: str = "array") -> bytes:
    if kind == "array":
        return b"[" * depth + b"]" * depth
    return b"<< /A " * depth + b"1" + b" >>" * depth


@cache
def deflated(size: int, byte: bytes = b" ") -> bytes:
    """`size` bytes of `byte`, deflated (a bomb: a few KB that unpack to `size`)."""
    compressor = zlib.compressobj(9)
    chunk = byte * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(size >> 20)]
    parts.append(compressor.compress(byte * (size & ((1 << 20) - 1))))
    return b"".join(parts) + compressor.flush()


def pdf_bomb(size: int) -> bytes:
    """A page whose content stream unpacks to `size` bytes of spaces."""
    return page_pdf(deflated(size), filters=b"/Filter /FlateDecode")


def pdf_many_pages(count: int) -> bytes:
    """A page tree whose /Kids names the same page `count` times."""
    return page_pdf(kids=b"[" + b"3 0 R " * count + b"]", count=count)


def pdf_deep_page_tree(depth: int) -> bytes:
    """Pages nodes nested `depth` deep, the page at the bottom."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    first = 6
    objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % first)
    objects += [
        b"<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(TEXT_OPS),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for level in range(depth):
        number = first + level
        child = number + 1 if level < depth - 1 else 3
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % child)
    return build_pdf(objects)


def pdf_huge_content(operations: int, pages: int = 1) -> bytes:
    """`pages` pages (one page object, listed `pages` times) with `operations` text-showing
    operations each: slow to lay out, small on disk."""
    body = (
        b"BT /F1 6 Tf "
        + b"".join(b"1 0 0 1 %d %d Tm (w%d) Tj\n" % (i % 600, i % 780, i) for i in range(operations))
        + b"ET"
    )
    return page_pdf(
        zlib.compress(body, 6), filters=b"/Filter /FlateDecode", kids=b"[" + b"3 0 R " * pages + b"]", count=pages
    )


def pdf_huge_page(width: int, height: int) -> bytes:
    """A page without text, `width` x `height` points: a 'scan' too large to render."""
    return page_pdf(b"", mediabox=b"[0 0 %d %d]" % (width, height))


def pdf_huge_image(width: int, height: int) -> bytes:
    """A text-less page holding an image XObject that claims `width` x `height` pixels (its data a bomb)."""
    return page_pdf(
        b"q 612 0 0 792 0 0 cm /Im1 Do Q",
        page_extra=b"/XObject << /Im1 6 0 R >>",
        extra_objects=[
            stream(
                deflated(1 << 16, b"\x00"),
                b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
            )
        ],
    )


def docx_with_body(body_xml: bytes, *, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A real DOCX (made by python-docx) whose word/document.xml is replaced by `body_xml`."""
    base = docx_bytes(["placeholder"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(buffer, "w", level) as target:
        for info in source.infolist():
            body = body_xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, body)
    return buffer.getvalue()


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_document_xml(paragraph_text: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body><w:p><w:r><w:t>' % W
        + paragraph_text
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )


def docx_bomb(size: int) -> bytes:
    """A DOCX whose word/document.xml really unpacks to `size` bytes."""
    return docx_with_body(docx_document_xml(b"A" * size))


def docx_directory_patched(offset: int, fmt: str, value: int) -> bytes:
    """A small DOCX whose zip directory entry for word/document.xml has the field at `offset` set to `value`."""
    data = bytearray(docx_bytes(LETTER))
    directory = data.find(b"PK\x01\x02")
    while directory != -1:
        name_length = struct.unpack_from("<H", data, directory + 28)[0]
        if data[directory + 46 : directory + 46 + name_length] == b"word/document.xml":
            struct.pack_into(fmt, data, directory + offset, value)
        directory = data.find(b"PK\x01\x02", directory + 4)
    return bytes(data)


def docx_lying_sizes(claimed: int) -> bytes:
    """A small DOCX whose zip directory claims word/document.xml unpacks to `claimed` bytes."""
    return docx_directory_patched(24, "<I", claimed)


def docx_many_parts(count: int) -> bytes:
    """A real DOCX with `count` empty extra parts (each costs a directory entry to list)."""
    buffer = io.BytesIO(docx_bytes(LETTER))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as archive:
        for index in range(count):
            archive.writestr(f"x/{index}", b"")
    return buffer.getvalue()


def docx_deep_xml(depth: int) -> bytes:
    return docx_with_body(
        b'<?xml version="1.0"?>\n<w:document %s><w:body>' % W
        + b"<w:p>" * depth
        + b"</w:p>" * depth
        + b"</w:body></w:document>"
    )


def docx_entities() -> bytes:
    """A 'billion laughs' document.xml: entities that expand exponentially if resolved."""
    entities = b'<!ENTITY a0 "lol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    body = (
        b'<?xml version="1.0"?>\n<!DOCTYPE w:document [%s]>\n<w:document %s><w:body><w:p><w:r><w:t>&a9;'
        b"</w:t></w:r></w:p></w:body></w:document>" % (entities, W)
    )
    return docx_with_body(body)


def docx_deep_tables(depth: int) -> bytes:
    cell = b"<w:tbl><w:tr><w:tc>"
    close = b"</w:tc></w:tr></w:tbl>"
    return docx_with_body(
        b'<?xml version="1.0"?>\n<w:document %s><w:body>' % W
        + cell * depth
        + b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
        + close * depth
        + b"</w:body></w:document>"
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header (with a valid CRC) claims `width` x `height` RGB pixels, and a bomb for data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", deflated(1 << 20, b"\x00"))
        + _chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    """A baseline JPEG frame header claiming `width` x `height` (16 bits each), then junk scan data."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8\xff\xe0"
        + struct.pack(">H", 16)
        + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + sof
        + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"
        + b"\x00" * 1024
        + b"\xff\xd9"
    )


def tiff_claiming(width: int, height: int, frames: int = 1) -> bytes:
    """A little-endian TIFF whose IFDs claim `width` x `height` 8-bit gray pixels, in one strip each."""
    strip_offset = 8
    data = bytearray(b"II*\x00" + struct.pack("<I", 8 + 16))
    data += b"\x00" * 16  # the one strip, shared by every frame
    for frame in range(frames):
        entries = [
            (256, 4, 1, width),
            (257, 4, 1, height),
            (258, 3, 1, 8),
            (259, 3, 1, 1),
            (262, 3, 1, 1),
            (273, 4, 1, strip_offset),
            (277, 3, 1, 1),
            (278, 4, 1, height),
            (279, 4, 1, 16),
        ]
        next_ifd = len(data) + 2 + 12 * len(entries) + 4 if frame < frames - 1 else 0
        data += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            data += struct.pack("<HHI", tag, kind, count) + (
                struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
            )
        data += struct.pack("<I", next_ifd)
    return bytes(data)


def random_after_pdf_header(rng: random.Random) -> bytes:
    return b"%PDF-1.7\n" + rng.randbytes(rng.choice((0, 10, 1000, 50_000)))


@cache
def hostile_files() -> dict[str, bytes]:
    """Named hostile inputs, each meant to end as a document or a reason, quickly and in bounded memory."""
    files = {
        "pdf-nested-array-10000-in-page.pdf": page_pdf(page_extra=b"/Foo " + nested(10_000)),
        "pdf-nested-dict-10000-in-page.pdf": page_pdf(page_extra=b"/Foo " + nested(10_000, "dict")),
        "pdf-nested-array-10000-in-content.pdf": page_pdf(TEXT_OPS + b"\n" + nested(10_000) + b" TJ"),
        "pdf-nested-array-10000-in-trailer.pdf": page_pdf(trailer=b"/Info " + nested(10_000)),
        "pdf-deep-page-tree-5000.pdf": pdf_deep_page_tree(5_000),
        "pdf-self-referencing-kids.pdf": page_pdf(kids=b"[2 0 R 3 0 R]", count=2),
        "pdf-count-1e9.pdf": page_pdf(count=1_000_000_000),
        "pdf-count-negative.pdf": page_pdf(count=-5),
        "pdf-5000-pages.pdf": pdf_many_pages(5_000),
        "pdf-bomb-8mb.pdf": pdf_bomb(8 << 20),
        "pdf-page-100000in.pdf": pdf_huge_page(7_200_000, 7_200_000),
        "pdf-page-nan.pdf": page_pdf(b"", mediabox=b"[0 0 1e999 nan]"),
        "pdf-image-100000x100000.pdf": pdf_huge_image(100_000, 100_000),
        "pdf-random-tail.pdf": b"%PDF-1.7\n" + random.Random(7).randbytes(50_000),
        "pdf-header-only.pdf": b"%PDF-1.7\n",
        "pdf-length-huge.pdf": page_pdf().replace(b"/Length %d" % len(TEXT_OPS), b"/Length 99999999999"),
        "docx-bomb-8mb.docx": docx_bomb(8 << 20),
        "docx-lying-sizes.docx": docx_lying_sizes(3_000_000_000),
        # found by bench/fuzz/run.py: zipfile raises NotImplementedError for a 'version needed' it does not know
        "docx-zip-version-14.8.docx": docx_directory_patched(6, "<H", 148),
        "docx-compression-method-99.docx": docx_directory_patched(10, "<H", 99),
        "docx-deep-xml-10000.docx": docx_deep_xml(10_000),
        "docx-20000-parts.docx": docx_many_parts(20_000),
        "docx-entities.docx": docx_entities(),
        "docx-deep-tables-60.docx": docx_deep_tables(60),
        "png-100000x100000.png": png_claiming(100_000, 100_000),
        "jpeg-65535x65535.jpg": jpeg_claiming(65_535, 65_535),
        "tiff-100000x100000.tif": tiff_claiming(100_000, 100_000),
        "tiff-500-frames.tif": tiff_claiming(10, 10, frames=500),
        "text-one-long-line.txt": b"Pay stub " + b"9" * 1_000_000,
        "text-nul-bytes.txt": b"Pay stub\n" + b"\x00" * 1000,
    }
    return files


# Hostile files that stay small only under these limits (the CI run's): they test the limits, not memory.
SMALL_LIMITS = {"max_unzipped_bytes": 4 << 20}
