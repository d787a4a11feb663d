"""The mention recognizer: model loading, offsets, sentence splitting, tag coding and known sentences."""
from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg import ner
from kg.errors import ModelError
from kg.ner import NerSpan, Recognizer

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return ner.default_recognizer()


def mentions(rec: Recognizer, text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in rec(text)]


def test_nerspan_is_a_frozen_slotted_record():
    s = NerSpan(0, 2, "PER")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 1  # type: ignore[misc]
    assert not hasattr(s, "__dict__")
    assert s == NerSpan(0, 2, "PER") and hash(s) == hash(NerSpan(0, 2, "PER"))


def test_shipped_model_is_small_and_cached():
    assert ner.MODEL_PATH.exists()
    assert ner.MODEL_PATH.stat().st_size < 6_000_000
    assert ner.default_recognizer() is ner.default_recognizer()


def test_missing_model_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match=r"missing\.zip.*missing or unreadable.*train_ner\.py"):
        Recognizer.load(tmp_path / "missing.zip")


def test_broken_model_raises_model_error(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(ModelError, match="broken"):
        Recognizer.load(bad)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("meta.json", '{"format": 1, "models": ["main"]}')
        z.writestr("lexicon.tsv", "[chars]\n[words]\n")
        z.writestr("main.crfsuite", b"garbage")
    bad.write_bytes(buf.getvalue())
    with pytest.raises(ModelError, match="not a CRFsuite model"):
        Recognizer.load(bad)


def test_known_sentence(rec):
    text = "国务院总理李鹏今天在北京会见了美国国务卿奥尔布赖特。"
    found = mentions(rec, text)
    # names, bodies and places exactly; titles (trained on CLUENER, whose spans are longer) by their head word
    assert [m for m in found if m[1] != "TITLE"] == [
        ("国务院", "ORG"), ("李鹏", "PER"), ("北京", "LOC"), ("美国", "LOC"), ("奥尔布赖特", "PER"),
    ]
    assert any(label == "TITLE" and word.endswith("总理") for word, label in found)


def test_company_and_title(rec):
    text = "阿里巴巴集团董事长张勇在杭州表示，公司将继续投资云计算。"
    assert mentions(rec, text) == [
        ("阿里巴巴集团", "ORG"), ("董事长", "TITLE"), ("张勇", "PER"), ("杭州", "LOC"),
    ]


def test_offsets_point_into_the_original_article(rec):
    first = "国务院总理李鹏今天在北京会见了美国国务卿奥尔布赖特。"
    article = "  新华社北京电\n\n" + first + "他说：“中国和美国应当加强合作！”\n" + first
    spans = rec(article)
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.label))
    for s in spans:
        assert 0 <= s.start < s.end <= len(article)
        assert article[s.start:s.end].strip() == article[s.start:s.end]
    got = [(s.start, article[s.start:s.end], s.label) for s in spans]
    i = article.index(first)
    j = article.rindex(first)
    assert (i + 5, "李鹏", "PER") in got and (j + 5, "李鹏", "PER") in got
    assert (i + 20, "奥尔布赖特", "PER") in got and (j + 20, "奥尔布赖特", "PER") in got
    # a sentence tags the same alone and inside the article
    alone = [(s.start + i, s.end + i, s.label) for s in rec(first)]
    assert [(s.start, s.end, s.label) for s in spans if i <= s.start < i + len(first)] == alone


def test_long_text_without_punctuation(rec):
    unit = "李鹏在北京会见了奥尔布赖特并且双方讨论了合作问题"
    text = unit * 120  # 2,880 characters, no sentence end
    spans = rec(text)
    assert spans and all(0 <= s.start < s.end <= len(text) for s in spans)
    assert sum(1 for s in spans if text[s.start:s.end] == "李鹏") >= 100


def test_empty_and_blank_text(rec):
    assert rec("") == []
    assert rec(" \n\n　") == []


def test_split_sentences_partitions_the_text():
    text = "第一句。第二句！第三句？“引号。”最后；\n\n尾巴" + "长" * 900
    parts = list(ner.split_sentences(text))
    assert "".join(text[s:e] for s, e in parts) == text
    assert all(s < e for s, e in parts)
    assert parts[0] == (0, 4)
    assert text[parts[3][0]:parts[3][1]] == "“引号。”"
    assert max(e - s for s, e in parts) <= 2 * ner.MAX_SENTENCE


@pytest.mark.parametrize("scheme", ["BIOES", "BIO"])
def test_tag_coding_round_trips(scheme):
    spans = [NerSpan(0, 1, "LOC"), NerSpan(1, 4, "ORG"), NerSpan(6, 8, "PER")]
    tags = ner.spans_to_tags(9, spans, scheme)
    if scheme == "BIOES":
        assert tags == ["S-LOC", "B-ORG", "I-ORG", "E-ORG", "O", "O", "B-PER", "E-PER", "O"]
    assert ner.tags_to_spans(tags) == spans
    assert ner.tags_to_spans(tags, offset=10) == [NerSpan(s.start + 10, s.end + 10, s.label) for s in spans]


def test_tags_to_spans_is_lenient():
    assert ner.tags_to_spans(["I-PER", "E-PER"]) == [NerSpan(0, 2, "PER")]
    assert ner.tags_to_spans(["B-PER", "I-LOC", "O"]) == [NerSpan(0, 1, "PER"), NerSpan(1, 2, "LOC")]
    assert ner.tags_to_spans(["B-ORG", "I-ORG"]) == [NerSpan(0, 2, "ORG")]


def test_lexicon_round_trips(rec):
    lex = ner.Lexicon.build({"北京": ner.LEX_LOC | ner.LEX_WORD, "总经理": ner.LEX_TITLE}, {"王": ["s"], "斌": ["g3"]})
    again = ner.Lexicon.loads(lex.dumps())
    assert again == lex
    assert again.surnames == frozenset("王")
    assert ner.Lexicon.loads(rec.lexicon.dumps()).words == rec.lexicon.words


def test_lexicon_features_mark_matches():
    lex = ner.Lexicon.build({"北京": ner.LEX_LOC, "北京大学": ner.LEX_ORG}, {})
    feats = ner.lexicon_features("在北京大学", lex)
    assert "LB2" in feats[1] and "LE2" in feats[2]
    assert "OB4" in feats[1] and "OE4" in feats[4] and "OM4" in feats[2]
    assert ">L" in feats[0] and ">O" in feats[0]


def test_recognizer_does_not_touch_global_jieba():
    code = (
        "import sys; from kg import ner; ner.recognize('李鹏在北京。');"
        "print('jieba' in sys.modules and sys.modules['jieba'].dt.initialized)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_word_features_mark_words_runs_and_context():
    text = "总理朱镕基会见了葛罗丽"
    feats = ner.word_features(text, ner.word_segmenter())
    assert feats[0] == ["uB2", "yn", "z朱镕基"]
    assert feats[2] == ["uB3", "ynr", "x总理", "z会见"]  # 朱: a dictionary name between two words
    assert feats[7] == ["uS1", "r4B", "x会见"]           # 了 starts a run of four single characters
    assert [f[:2] for f in feats[8:]] == [["uS1", "r4M"], ["uS1", "r4M"], ["uS1", "r4E"]]


def test_labels_limit_the_types_and_the_parts_run(rec):
    text = "阿里巴巴集团董事长张勇在杭州表示，公司将继续投资云计算。"
    assert rec(text, labels=("PER",)) == [s for s in rec(text) if s.label == "PER"]
    assert rec(text, labels=("TITLE",)) == [s for s in rec(text) if s.label == "TITLE"]


def test_tidy_span_trims_punctuation_and_closes_titles():
    text = "，张三、在《人民日报》"
    assert ner.tidy_span(text, NerSpan(0, 4, "PER")) == NerSpan(1, 3, "PER")
    assert ner.tidy_span(text, NerSpan(5, 10, "ORG")) == NerSpan(5, 11, "ORG")
    assert ner.tidy_span(text, NerSpan(3, 4, "PER")) is None
    assert ner.tidy_span(text, NerSpan(1, 3, "PER")) == NerSpan(1, 3, "PER")


def test_a_family_name_alone_stands_for_a_person():
    # after a pause (not inside a run of characters that may be a longer name), or before 某 anywhere
    text = "陈某将此事记到阮某名下。朱老说，江总书记说，对某些人。“郑先生来了。”小李师傅和老王。谈起郑先生。于某地。"
    spans = ner.family_names_alone(text, [ner.NerSpan(0, 2, "PER")], frozenset("陈阮朱江王郑于对李"))
    assert sorted((s.start, text[s.start:s.end]) for s in spans) == [
        (0, "陈"), (7, "阮"), (12, "朱"), (16, "江"), (28, "郑")]
