"""Recognizers shared by extraction and the claims-file loader: amounts and times."""

from claimcheck.recognize.dates import TimeMention, find_times, parse_time
from claimcheck.recognize.numbers import AmountMention, find_amounts, parse_amount

__all__ = [
    "AmountMention",
    "TimeMention",
    "find_amounts",
    "find_times",
    "parse_amount",
    "parse_time",
]
