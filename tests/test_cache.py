"""The analysis cache: keys, fingerprints, atomic writes, and corrupt entries read as misses."""
from __future__ import annotations

import os

import pytest

from kg import cache as cache_mod
from kg.cache import AnalysisCache, decode, document_key, encode, fingerprint
from kg.types import Document

DOC = Document("doc-1", "郑州市总工会主席张三说：“好。”", source="a.txt", title="标题")


def test_key_follows_content_not_location():
    moved = Document(DOC.id, DOC.text, source="elsewhere/b.txt", title=DOC.title)
    assert document_key(moved) == document_key(DOC)
    assert document_key(Document(DOC.id, DOC.text + "。", title=DOC.title)) != document_key(DOC)
    assert document_key(Document(DOC.id, DOC.text, title="另一个标题")) != document_key(DOC)
    # None and "" are different metadata
    assert document_key(Document(DOC.id, DOC.text, title="")) != document_key(Document(DOC.id, DOC.text))


def test_fingerprint_covers_file_names_and_contents(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("一", encoding="utf-8")
    first = fingerprint(["v1"], [a])
    assert fingerprint(["v1"], [a]) == first
    a.write_text("二", encoding="utf-8")
    assert fingerprint(["v1"], [a]) != first
    assert fingerprint(["v1"], [a, tmp_path / "missing.txt"]) != fingerprint(["v1"], [a])
    b = tmp_path / "b.txt"
    b.write_text("二", encoding="utf-8")
    assert fingerprint(["v1"], [b]) != fingerprint(["v1"], [a])  # same bytes, another name
    assert fingerprint(["v1", ""], []) != fingerprint(["v1"], [])


def test_round_trip_and_miss(tmp_path):
    c = AnalysisCache(tmp_path / "cache", "f" * 64)
    key = document_key(DOC)
    assert c.get(key) is None
    assert c.put(key, ("value", [1, 2]))
    assert c.get(key) == ("value", [1, 2])
    assert (c.stats.hits, c.stats.misses, c.stats.writes, c.stats.corrupt) == (1, 1, 1, 0)
    assert c.path(key).parent.parent == tmp_path / "cache" / f"v{cache_mod.FORMAT}-{'f' * 24}"


def test_another_fingerprint_never_sees_the_entry(tmp_path):
    key = document_key(DOC)
    AnalysisCache(tmp_path, "a" * 64).put(key, "old")
    assert AnalysisCache(tmp_path, "b" * 64).get(key) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "other-format"])
def test_a_corrupt_entry_is_a_miss_and_gets_rewritten(tmp_path, damage):
    c = AnalysisCache(tmp_path, "a" * 64)
    key = document_key(DOC)
    c.put(key, {"mentions": list(range(100))})
    path = c.path(key)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:])
    elif damage == "garbage":
        path.write_bytes(os.urandom(200))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(data[: len(cache_mod.MAGIC)] + bytes([cache_mod.FORMAT + 1]) + data[len(cache_mod.MAGIC) + 1:])
    assert c.get(key) is None
    assert c.stats.corrupt == 1
    assert c.put(key, "fresh")
    assert c.get(key) == "fresh"


def test_decode_checks_the_checksum_before_unpickling():
    data = encode(["ok"])
    assert decode(data) == ["ok"]
    with pytest.raises(ValueError, match="checksum"):
        decode(data[:-1] + b"X")
    with pytest.raises(ValueError, match="not a cache entry"):
        decode(b"KG")


def test_a_write_that_fails_before_the_rename_leaves_no_entry_and_no_temp_file(tmp_path, monkeypatch):
    c = AnalysisCache(tmp_path, "a" * 64)
    key = document_key(DOC)

    def killed(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_mod.os, "replace", killed)
    assert c.put(key, "value") is False
    assert c.stats.write_errors and "No space left on device" in c.stats.write_errors[0]
    monkeypatch.undo()
    assert c.get(key) is None
    assert [p.name for p in c.path(key).parent.iterdir()] == []


def test_a_temp_file_left_by_a_killed_build_is_not_an_entry(tmp_path):
    c = AnalysisCache(tmp_path, "a" * 64)
    key = document_key(DOC)
    c.path(key).parent.mkdir(parents=True)
    partial = encode("value")
    (c.path(key).parent / f".{key[:16]}.abc.tmp").write_bytes(partial[:10])
    assert c.get(key) is None
    assert c.put(key, "value") and c.get(key) == "value"


def test_an_unwritable_cache_folder_does_not_raise(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    c = AnalysisCache(blocker / "cache", "a" * 64)
    assert c.put(document_key(DOC), "value") is False
    assert len(c.stats.write_errors) == 1
    assert c.get(document_key(DOC)) is None


def test_entries_hold_the_frozen_analysis_records(tmp_path, recognizer):
    from kg.pipeline import analyze

    doc = Document("doc-x", "郑州市总工会主席张三说：“我们会做好。”")
    _, dm, relations = analyze(doc, recognizer)
    c = AnalysisCache(tmp_path, "a" * 64)
    c.put("k" * 64, (dm, relations))
    assert dm.mentions  # the article names an organization and a person
    assert c.get("k" * 64) == (dm, relations)
