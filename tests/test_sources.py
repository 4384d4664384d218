"""Article files in any common encoding read the same; hostile files are refused with a place."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.sources import (
    MAX_SOURCE_BYTES,
    html_to_text,
    read_source_text,
    resolve_source_path,
)

TEXT = "Organisers said “more than 30,000” people joined.\nPolice counted about 12,000.\n"


def read(path: Path) -> str:
    return read_source_text(path, display=path.name)


def problem_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read(path)
    assert len(info.value.problems) == 1
    return info.value.problems[0].format()


def test_utf8_plain_and_bom(tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_bytes(TEXT.encode())
    bom = tmp_path / "b.txt"
    bom.write_bytes(codecs.BOM_UTF8 + TEXT.encode())
    assert read(plain) == read(bom) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path.write_bytes(bom + TEXT.encode(encoding))
    assert read(path) == TEXT


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode())
    assert read(path) == TEXT


def test_nul_bytes_refused_with_location(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"GIF89a\n\x01\x02\x00\x00binary")
    assert problem_of(path) == (
        "photo.txt:2:3: error: refused: the file contains NUL bytes; it looks binary, not text "
        "(hint: give a .txt, .md or .html file with the article text)"
    )


def test_undecodable_bytes_located(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Line one\nThe café served 300 guests.\n".encode("latin-1"))
    assert problem_of(path) == (
        "latin.txt:2:8: error: not valid UTF-8: byte 0xe9 cannot be decoded "
        "(hint: re-save the article as UTF-8 (e.g. `iconv -f latin1 -t utf-8`))"
    )


def test_too_large_refused(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)
    assert "larger than the 20 MB limit" in problem_of(path)


def test_missing_file(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "gone.txt").startswith(
        "gone.txt:1:1: error: source file not found"
    )


def test_html_stripped(tmp_path: Path) -> None:
    page = (
        "<html><head><title>T</title><style>p{color:red}</style>"
        "<script>var n = 99999;</script></head><body>"
        "<h1>Budget &amp; spending</h1><p>The council spent&nbsp;<b>$4.5&#160;million</b>"
        " on   roads.</p><p>It had planned &ldquo;about $4m&rdquo;.<br>Officials said so.</p>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read(path) == (
        "Budget & spending\n\nThe council spent $4.5 million on roads.\n\n"
        "It had planned “about $4m”.\nOfficials said so.\n"
    )


def test_markdown_kept_as_is(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\n*12* people <b>x</b>\n", encoding="utf-8")
    assert read(path) == "# Title\n\n*12* people <b>x</b>\n"


def test_html_to_text_empty() -> None:
    assert html_to_text("<script>x</script>") == ""


def test_path_inside_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert resolve_source_path(tmp_path, "sub/a.txt", allow_outside=False) == tmp_path / "sub/a.txt"


@pytest.mark.parametrize(
    ("file", "how"),
    [("../secret.txt", "through '..'"), ("sub/../../secret.txt", "through '..'")],
)
def test_path_escape_refused(tmp_path: Path, file: str, how: str) -> None:
    base = tmp_path / "claims"
    (base / "sub").mkdir(parents=True)
    with pytest.raises(InputError) as info:
        resolve_source_path(base, file, allow_outside=False)
    assert how in info.value.problems[0].message
    assert resolve_source_path(base, file, allow_outside=True) == base / file


def test_absolute_path_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is absolute"):
        resolve_source_path(tmp_path, "/etc/passwd", allow_outside=False)


def test_symlink_out_refused(tmp_path: Path) -> None:
    base = tmp_path / "claims"
    base.mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (base / "a.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(InputError, match="through a symbolic link"):
        resolve_source_path(base, "a.txt", allow_outside=False)


def test_symlink_inside_allowed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").symlink_to(tmp_path / "real.txt")
    assert resolve_source_path(tmp_path, "a.txt", allow_outside=False) == tmp_path / "a.txt"


@settings(max_examples=600, deadline=None)
@given(
    st.binary(max_size=24).map(lambda b: codecs.BOM_UTF8 + b)
    | st.binary(max_size=24)
    | st.text(max_size=12).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_utf8_read_as_the_utf8_sig_codec_reads_it(data: bytes) -> None:
    """decode_bytes drops the BOM itself (no codec module import): same text, or the
    same error at the same place, as ``data.decode("utf-8-sig")``."""
    from claimcheck.sources import decode_bytes

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return
    try:
        expected = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        with pytest.raises(InputError) as info:
            decode_bytes(data, display="a.txt")
        assert f"byte 0x{data[offset]:02x}" in info.value.problems[0].message
        return
    if "\x00" in expected:
        return
    expected = expected.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert decode_bytes(data, display="a.txt") == expected


def _stat_saying(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Path.stat reports ``size`` bytes: the file grew (or shrank) after the stat."""
    import os as _os

    real = Path.stat

    def stat(self: Path, **kw: object) -> _os.stat_result:
        st = real(self)
        fields = list(st)
        fields[6] = size  # st_size
        return _os.stat_result(fields)

    monkeypatch.setattr(Path, "stat", stat)


@pytest.mark.parametrize("stated", [0, 1, 10, 39, 40, 41])
def test_a_file_grown_after_the_stat_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stated: int
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 40, encoding="utf-8")
    _stat_saying(stated, monkeypatch)
    assert read(path) == "x" * 40


def test_a_file_grown_past_the_limit_after_the_stat_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.sources as sources

    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 50)
    path = tmp_path / "a.txt"
    path.write_text("x" * 51, encoding="utf-8")
    _stat_saying(10, monkeypatch)
    assert "grew past" in problem_of(path)
    path.write_text("x" * 50, encoding="utf-8")
    assert read(path) == "x" * 50
