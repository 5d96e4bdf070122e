"""Readies `re` for PyYAML: pk.load.source imports this module before PyYAML.

PyYAML's pure-Python reader, unused since libyaml parses, compiles at import the class of
characters outside YAML's printable set, written as `[^` and the printable ranges: Python's
regex compiler marks those 63 000 characters one by one, about 6% of `pk validate`'s start-up.
The same class written as the few ranges outside the set compiles in a tenth of the time and
matches the same characters (tests/test_startup.py checks every code point); it goes into
`re`'s cache under PyYAML's pattern, where `re.compile` looks first. A Python whose `re` keeps
no such cache compiles PyYAML's pattern itself, as before.
"""

import re

PYYAML_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
"""PyYAML's `Reader.NON_PRINTABLE`: any character outside YAML's printable set."""
NON_PRINTABLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
"""The same characters, named by the ranges outside that set."""

_cache = getattr(re, "_cache", None)
if isinstance(_cache, dict):
    _cache.setdefault((str, PYYAML_NON_PRINTABLE, 0), re.compile(NON_PRINTABLE))
