"""Extraction cache entries sealed by a digest of what they say, so a warm run trusts
an entry it wrote itself without re-checking every claim.

``run.verified`` checks a cache entry claim by claim (types, every quote at its span in
the article, the items of the JSON document): a third of a warm re-run, to guard against
entries edited by hand or written by another version. The key already holds the
article's bytes and the extractor's code, so an entry whose content is exactly what this
code wrote under that key needs none of it. The seal is a digest of the key and the
entry's text, written as the entry's first member (the file stays plain JSON); an entry
whose seal does not match (edited, truncated, reformatted) is checked in full as before.
"""

from __future__ import annotations

__all__ = ["sealed", "unsealed"]

_HEAD = '{"seal": "'
_SEP = '", '
_DIGEST_CHARS = 64


def _digest(key: str, body: str) -> str:
    import hashlib  # OpenSSL: the body is a whole article's entry

    return hashlib.sha256(
        f"extract-entry\0{key}\0{body}".encode("utf-8", "surrogatepass")
    ).hexdigest()


def sealed(key: str, body: str) -> str:
    """``body`` (a JSON object's text, as ``json.dumps`` wrote it) with its seal first."""
    if not body.startswith("{") or body.strip() == "{}":
        return body
    return f"{_HEAD}{_digest(key, body)}{_SEP}{body[1:]}"


def unsealed(key: str, text: str) -> str | None:
    """The body ``sealed`` was given, when ``text`` carries a matching seal; else None."""
    head = len(_HEAD)
    end = head + _DIGEST_CHARS
    if not text.startswith(_HEAD) or text[end : end + len(_SEP)] != _SEP:
        return None
    body = "{" + text[end + len(_SEP) :]
    return body if text[head:end] == _digest(key, body) else None
