"""PDF input: the text layer of a record typeset as a PDF, and PDFs that must be refused.

The PDFs are made here, with fpdf2, or written by hand for the hostile ones
(a page tree that loops, a decompression bomb): no binary fixture.  Every
refusal is a :class:`~quorum.errors.RecordError` with a French message,
given within a couple of seconds.
"""

from __future__ import annotations

import io
import itertools
import json
import random
import re
import sys
import time
import zlib
from pathlib import Path

import attrs
import pytest

fpdf = pytest.importorskip("fpdf")
pytest.importorskip("pypdf")

import quorum  # noqa: E402
from quorum.cli import main  # noqa: E402
from quorum.errors import MissingExtraError, QuorumError, RecordError  # noqa: E402
from quorum.reader import _pdf  # noqa: E402
from quorum.reader._pdf import PdfLimits, pdf_text  # noqa: E402

RECORDS = Path(__file__).parent / "data" / "records"
REFERENCE = RECORDS / "gbm-2026-06-25-rapport-26.txt"
# A Unicode font for the characters past Latin-1 (« œ », « – », « € »), where
# the machine has one; otherwise those characters are written plainly.
UNICODE_FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                 Path("/usr/share/fonts/TTF/DejaVuSans.ttf")]
_PLAIN = str.maketrans({"œ": "oe", "Œ": "OE", "–": "-", "—": "-", "•": "-", "€": "EUR",
                        "’": "'", "\t": " "})
HEADER = "Conseil municipal de Thise - séance du lundi 12 janvier 2026"


def typeset(text: str, *, header: str | None = None, page_numbers: bool = False,
            width: float = 210, height: float = 297, unicode: bool = False) -> bytes:
    """``text`` as a PDF, one paragraph a line, wrapped to the page; the header and the
    « Page n sur N » footer on every page when asked."""
    font_file = next((font for font in UNICODE_FONTS if font.is_file()), None) if unicode else None

    class Record(fpdf.FPDF):  # type: ignore[misc]
        family = "Helvetica"

        def header(self) -> None:
            if header:
                self.set_font(self.family, size=8)
                self.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            if page_numbers:
                self.set_y(-12)
                self.set_font(self.family, size=8)
                self.cell(0, 6, f"Page {self.page_no()} sur {{nb}}", align="C")

    pdf = Record(format=(width, height))
    if font_file is not None:
        pdf.add_font("Unicode", fname=str(font_file))
        pdf.family = "Unicode"
    pdf.add_page()
    pdf.set_font(pdf.family, size=9)
    for line in text.split("\n"):
        pdf.multi_cell(0, 4.5, line.replace("\t", " ") if font_file else line.translate(_PLAIN),
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def hand_pdf(*objects: bytes) -> bytes:
    """A PDF written by hand: object 1 is the catalog; a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(content), extra, content)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>")
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
HELLO = stream(b"BT /F1 12 Tf 72 720 Td (Pour : 17) Tj ET")


def without_places(sitting: quorum.Sitting) -> quorum.Sitting:
    """The sitting without its file and line numbers (a PDF drops the blank lines)."""
    origin = attrs.evolve(sitting.origin, files=(), locations=())
    return attrs.evolve(sitting, origin=origin)


# -- the text layer ------------------------------------------------------------

SURNAMES = ["BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY",
            "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND",
            "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRE", "MERCIER", "DUPONT",
            "LAMBERT", "BONNET", "FRANCOIS", "MARTINEZ", "LEGRAND", "GARNIER", "FAURE", "ROUSSEL",
            "BLANC", "GUERIN", "MULLER", "HENRY", "ROUSSEAU", "NICOLAS", "PERRIN", "MORIN",
            "MATHIEU", "CLEMENT", "GAUTHIER", "DUMONT", "LOPEZ", "FONTAINE", "CHEVALIER",
            "ROBIN", "MASSON", "SANCHEZ", "BOYER", "DENIS", "LEMAIRE", "DUVAL", "JOLY",
            "GAUTIER", "ROGER", "ROCHE", "ROY", "NOEL"]
GIVEN = ["Rémi", "Hélène", "Jérôme", "Cécile", "François", "Inès", "Noël", "Agnès", "Loïc", "Zoé"]


def test_pdf_text_keeps_every_name_in_order_across_pages() -> None:
    names = [f"{'Mme' if index % 2 else 'M.'} {GIVEN[index % len(GIVEN)]} {surname}"
             for index, surname in enumerate(SURNAMES)]
    intro = "\n".join(f"Rapport n°{n} - point inscrit à l'ordre du jour de la séance"
                      for n in range(1, 16))
    text = f"{intro}\nÉtaient présents : {', '.join(names)}\nPour : 60"
    data = typeset(text, header=HEADER, page_numbers=True, height=120)
    extracted = pdf_text(data, file="liste.pdf")
    pages = extracted.split("\n\f")
    assert len(pages) >= 2
    # The page furniture stays in the flow: the cleaning stage removes it.
    for number, page in enumerate(pages, start=1):
        assert page.startswith(HEADER)
        assert page.endswith(f"Page {number} sur {len(pages)}")
    # The list runs from one page to the next: every surname, each once, in order.
    listed = extracted[extracted.index("Étaient présents") :]
    found = [[m.start() for m in re.finditer(rf"\b{surname}\b", listed)] for surname in SURNAMES]
    assert all(len(places) == 1 for places in found), found
    positions = [places[0] for places in found]
    assert positions == sorted(positions)
    assert any(HEADER in listed[a:b] for a, b in itertools.pairwise(positions))
    assert "Jérôme" in extracted and "Hélène" in extracted  # Latin-1 accents as written


def test_a_record_typeset_as_a_pdf_reads_as_its_text(tmp_path: Path) -> None:
    record = RECORDS / "pouvoirs.txt"
    pdf = tmp_path / "pouvoirs.pdf"
    # A page wide enough that no line wraps: the record's lines as written.
    pdf.write_bytes(typeset(record.read_text(encoding="utf-8"), width=700))
    from_pdf = quorum.read_record(pdf)
    assert from_pdf.origin.files == (str(pdf),)
    assert without_places(from_pdf) == without_places(quorum.read_record(record))
    assert from_pdf.president == "Pascal DERIOT"
    assert [(where.what, where.key) for where in from_pdf.origin.locations] == [
        (where.what, where.key) for where in quorum.read_record(record).origin.locations]


def test_pdf_is_recognised_by_its_first_bytes_whatever_the_suffix(tmp_path: Path) -> None:
    record = RECORDS / "pouvoirs.txt"
    named_txt = tmp_path / "pouvoirs-exporte.txt"
    named_txt.write_bytes(typeset(record.read_text(encoding="utf-8"), width=700))
    assert without_places(quorum.read_record(named_txt)) == without_places(
        quorum.read_record(record))
    not_a_pdf = tmp_path / "texte.pdf"
    not_a_pdf.write_text(record.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RecordError, match="ce PDF est illisible"):
        quorum.read_record(not_a_pdf)


def test_reference_record_as_multipage_pdf(tmp_path: Path) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    pdf = tmp_path / "reference.pdf"
    pdf.write_bytes(typeset(text, unicode=True, page_numbers=True,
                            header="Grand Besançon Métropole - Conseil de Communauté "
                                   "du 25 juin 2026 - Rapport n° 26"))
    extracted = pdf_text(pdf.read_bytes(), file=str(pdf))
    assert extracted.count("\f") >= 10
    typeset_text = tmp_path / "reference.txt"
    font = next((font for font in UNICODE_FONTS if font.is_file()), None)
    typeset_text.write_text(text if font else text.translate(_PLAIN), encoding="utf-8")
    # The same people, proxies and figures at every question; titles and the place, wrapped
    # by the typesetting, may read otherwise.
    from_pdf, from_text = quorum.read_record(pdf), quorum.read_record(typeset_text)
    assert from_pdf.members == from_text.members
    assert from_pdf.attendance == from_text.attendance
    assert from_pdf.proxies == from_text.proxies
    assert [(s.question, s.present, s.represented, s.voters) for s in from_pdf.replay()] == [
        (s.question, s.present, s.represented, s.voters) for s in from_text.replay()]
    assert [d.tally for d in from_pdf.deliberations] == [d.tally for d in from_text.deliberations]
    assert quorum.audit(from_pdf).exit_status == 0


# -- refusals ------------------------------------------------------------------

def _valid() -> bytes:
    return typeset("Séance du lundi 12 janvier 2026\nPour : 17", header=HEADER)


def _encrypted(**passwords: str) -> bytes:
    pdf = fpdf.FPDF()
    pdf.set_encryption(**passwords)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Étaient présents : M. Rémi CARTIER")
    return bytes(pdf.output())


def _image_only() -> bytes:
    pillow = pytest.importorskip("PIL.Image")
    picture = io.BytesIO()
    pillow.new("L", (200, 60), color=200).save(picture, format="PNG")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=100)
    return bytes(pdf.output())


def _bomb_on_pages(count: int, size: int) -> bytes:
    """``count`` pages, each with its own content stream inflating to ``size`` bytes (under
    the limit of one stream): pypdf keeps them all, so their sum is bounded too."""
    inflating = stream(zlib.compress(b"0 " * (size // 2), 9), b"/Filter /FlateDecode")
    kids = b" ".join(b"%d 0 R" % (3 + 2 * index) for index in range(count))
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for index in range(count):
        objects += [PAGE.replace(b"4 0 R", b"%d 0 R" % (4 + 2 * index))
                        .replace(b"5 0 R", b"%d 0 R" % (3 + 2 * count)), inflating]
    return hand_pdf(*objects, FONT)


BOMB_BYTES = 120_000_000  # inflates past the 25 MB allowed to one stream
HOSTILE = {
    "tronqué": lambda: _valid()[: len(_valid()) // 2],
    "tronqué au début": lambda: _valid()[:40],
    "en-tête seul": lambda: b"%PDF-",
    "octets au hasard": lambda: b"%PDF-1.4\n" + random.Random(8).randbytes(50_000),
    "mot de passe": lambda: _encrypted(owner_password="maire", user_password="secret"),
    "image sans texte": _image_only,
    "page blanche": lambda: hand_pdf(CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                     PAGE, stream(b""), FONT),
    "arbre des pages en boucle": lambda: hand_pdf(
        CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
    "arbre des pages en boucle par un fils": lambda: hand_pdf(
        CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"),
    "bombe de décompression": lambda: hand_pdf(
        CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE,
        stream(zlib.compress(b"0" * BOMB_BYTES, 9), b"/Filter /FlateDecode"), FONT),
    "bombe sur plusieurs pages": lambda: _bomb_on_pages(5, 24_000_000),
    "contenu nul": lambda: hand_pdf(CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                    PAGE.replace(b"4 0 R", b"null")),
    "5 000 pages": lambda: hand_pdf(
        CATALOG, b"<< /Type /Pages /Kids [%s] /Count 5000 >>" % (b"3 0 R " * 5000), PAGE,
        HELLO, FONT),
    "aucune page": lambda: hand_pdf(CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"),
}
EXPECTED = {
    "mot de passe": "protégé par un mot de passe",
    "image sans texte": "pas de couche texte",
    "page blanche": "OCR",
    "bombe de décompression": "limite de sécurité",
    "bombe sur plusieurs pages": "dépasse 100000000 octets de contenu de page",
    "contenu nul": "pas de couche texte",
    "5 000 pages": "ce PDF a 5000 pages, plus que les 2000",
    "aucune page": "aucune page",
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_or_broken_pdf_is_refused_in_french(kind: str) -> None:
    data = HOSTILE[kind]()
    started = time.perf_counter()
    with pytest.raises(RecordError) as caught:
        pdf_text(data, file="deliberation.pdf")
    elapsed = time.perf_counter() - started
    # No hang: a loose bound, far above the milliseconds measured (docs/pdf.md), so that a
    # loaded machine does not fail it; the real figures are in benchmarks, not here.
    assert elapsed < 30, f"{kind}: {elapsed:.2f} s"
    error = caught.value
    assert isinstance(error, QuorumError)
    assert (error.file, error.line, error.column) == ("deliberation.pdf", 1, 1)
    assert error.summary.startswith("deliberation.pdf:1:1: ce PDF ")
    assert EXPECTED.get(kind, "ce PDF") in str(error)


def test_the_reader_refuses_a_hostile_pdf_by_path(tmp_path: Path) -> None:
    pdf = tmp_path / "boucle.pdf"
    pdf.write_bytes(HOSTILE["arbre des pages en boucle"]())
    with pytest.raises(RecordError) as caught:
        quorum.read_record(pdf)
    assert caught.value.file == str(pdf)


def test_a_pdf_protected_only_against_changes_opens() -> None:
    text = pdf_text(_encrypted(owner_password="maire"), file=None)
    assert "Étaient présents : M. Rémi CARTIER" in text


def test_limits_on_pages_characters_and_time(monkeypatch: pytest.MonkeyPatch) -> None:
    two_pages = typeset("\n".join(f"Rapport n°{n}" for n in range(100)))
    assert pdf_text(two_pages, file=None).count("\f") == 1
    with pytest.raises(RecordError, match="ce PDF a 2 pages, plus que les 1 que"):
        pdf_text(two_pages, file=None, limits=PdfLimits(pages=1))
    with pytest.raises(RecordError, match="plus de 100 caractères"):
        pdf_text(two_pages, file=None, limits=PdfLimits(characters=100))
    clock = itertools.count(step=10.0)
    monkeypatch.setattr(_pdf.time, "monotonic", lambda: next(clock))
    with pytest.raises(RecordError, match="dépasse 15 secondes"):
        pdf_text(two_pages, file=None, limits=PdfLimits(seconds=15))


@pytest.mark.parametrize(("failure", "words"), [
    (MemoryError, "trop gros pour la mémoire"),
    (RecursionError, "structure en boucle ou trop profonde"),
    (KeyError, "non conforme (KeyError)"),
])
def test_any_failure_inside_pypdf_is_a_refusal(monkeypatch: pytest.MonkeyPatch,
                                               failure: type[BaseException], words: str) -> None:
    import pypdf

    def fail(*args: object, **kwargs: object) -> None:
        raise failure("/Root")

    monkeypatch.setattr(pypdf, "PdfReader", fail)
    with pytest.raises(RecordError, match=words.replace("(", r"\(").replace(")", r"\)")):
        pdf_text(_valid(), file=None)


def test_without_pypdf_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # makes `import pypdf` fail
    with pytest.raises(MissingExtraError) as caught:
        pdf_text(_valid(), file=None)
    assert caught.value.extra == "pdf"
    assert str(caught.value) == ("la lecture des PDF demande pypdf, qui n'est pas installé : "
                                 "pip install 'quorum[pdf]'")


def test_pypdf_warnings_do_not_reach_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RecordError):
        pdf_text(HOSTILE["tronqué"](), file=None)
    assert capfd.readouterr().err == ""


# -- the command line ----------------------------------------------------------

def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdin=io.StringIO(""), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_replays_a_pdf(tmp_path: Path) -> None:
    record = RECORDS / "pouvoirs.txt"
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(typeset(record.read_text(encoding="utf-8"), width=700))
    status, out, err = run("replay", str(pdf), "--format", "json")
    assert (status, err) == (0, "")
    _, expected, _ = run("replay", str(record), "--format", "json")
    assert json.loads(out)["questions"] == json.loads(expected)["questions"]


def test_cli_without_pypdf_says_which_extra(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(_valid())
    monkeypatch.setitem(sys.modules, "pypdf", None)
    status, out, err = run("replay", str(pdf), "--format", "json")
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "quorum[pdf]" in err and err.startswith("quorum: la lecture des PDF demande pypdf")


def test_cli_refuses_a_hostile_pdf_in_one_line(tmp_path: Path) -> None:
    pdf = tmp_path / "bombe.pdf"
    pdf.write_bytes(HOSTILE["bombe de décompression"]())
    status, out, err = run("audit", str(pdf))
    assert (status, out) == (2, "")
    assert err == (f"quorum: {pdf}:1:1: ce PDF dépasse une limite de sécurité (un flux trop "
                   "gros une fois décompressé, ou une structure en boucle) : refusé\n")
