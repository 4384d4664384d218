"""Package data read through the package's loader, exactly as ``pkgutil.get_data``."""

from __future__ import annotations

import pkgutil

import pytest

from claimcheck import packaged

SHIPPED = [
    ("claimcheck.claimsfile", "claims.schema.json"),
    ("claimcheck.normalize", "places.txt"),
    ("claimcheck", "data/places_stop.txt"),
]


@pytest.mark.parametrize(("package", "name"), SHIPPED)
def test_read_text_is_what_pkgutil_reads(package: str, name: str) -> None:
    data = pkgutil.get_data(package, name)
    assert data is not None
    assert packaged.read_text(package, name) == data.decode("utf-8")


def test_a_missing_file_raises_as_pkgutil_does() -> None:
    with pytest.raises(FileNotFoundError):
        pkgutil.get_data("claimcheck", "data/no-such-file.txt")
    with pytest.raises(FileNotFoundError):
        packaged.read_text("claimcheck", "data/no-such-file.txt")


def test_reading_data_does_not_import_pkgutil() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom claimcheck import packaged\n"
        "packaged.read_text('claimcheck.claimsfile', 'claims.schema.json')\n"
        "print('pkgutil' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
