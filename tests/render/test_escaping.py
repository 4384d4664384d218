"""Text from inputs is inert in every output: no control, bidi or invisible character
reaches the reader unescaped, and no line it starts is a GitHub workflow command."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model import Location
from claimcheck.render.common import safe_terminal_text
from claimcheck.render.github import annotation

HIDDEN = "\x1b\x07\r\x85\u2028\u2029\u200b\u200d\u2060\ufeff\u00ad\u202e\u2066"


def test_invisible_and_control_characters_are_shown() -> None:
    shown = safe_terminal_text("floods\u200b in\u202e Dunmore\x1b[2J")
    assert shown == "floods\\u200b in\\u202e Dunmore\\x1b[2J"


def test_a_line_from_input_never_starts_a_workflow_command() -> None:
    shown = safe_terminal_text("ok\n::error file=a::pwned\n  ::warning::x")
    assert all(not line.lstrip().startswith("::") for line in shown.splitlines())
    assert "\\x3a:error" in shown


@settings(max_examples=300)
@given(text=st.text(alphabet=st.sampled_from(list(":%,\n\r ab" + HIDDEN)), max_size=40))
def test_annotations_are_one_command_per_line(text: str) -> None:
    line = annotation("error", Location(text or "x", 3, 1), text, text)
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error file=")
    props, _, _message = line[len("::error ") :].partition("::")
    assert props.count("=") == 4  # file, line, col, title: nothing injected
    assert not any(ch in line for ch in HIDDEN)
