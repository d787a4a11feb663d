"""kg/ingest.py: what counts as binary text."""
from __future__ import annotations

import pytest

from kg.ingest import _looks_binary

TEXT = "郑州市总工会" * 1000  # 6,000 characters: only the first 4,096 are looked at


@pytest.mark.parametrize("controls, binary", [(0, False), (40, False), (41, True)])
def test_more_than_one_percent_of_control_characters_is_binary(controls, binary):
    # 1% of 4,096 characters is 40: up to 40 control characters is still text
    text = "\x00" * (controls // 2) + "\x1f" * (controls - controls // 2) + TEXT
    assert _looks_binary(text) is binary


def test_whitespace_controls_do_not_count_nor_text_past_the_sample():
    assert not _looks_binary("\t\n\x0b\x0c\r" * 100 + TEXT)
    assert not _looks_binary(TEXT + "\x00" * 1000)
    assert _looks_binary("\x0e" * 41 + TEXT)  # shift out: the first control character after carriage return


@pytest.mark.parametrize("text, binary", [("", False), ("\x00\x01", False), ("\x00\x01\x02", True), ("a\x00b", False)])
def test_short_texts_need_three_control_characters(text, binary):
    assert _looks_binary(text) is binary
