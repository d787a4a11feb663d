"""The two segmenters (jieba, rjieba) give the same words, tags and dictionary answers."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import lexicon
from kg.errors import ModelError
from kg.segment import SEGMENTERS, JiebaSegmenter, RjiebaSegmenter, _jieba_dictionary, make_segmenter

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

SAMPLES = [
    "开封市总工会副主席刘晓梅说：“我们将做好服务，让职工满意。”",
    "2024年，ABC公司的CEO张三在NBA赛场上用iPhone 15拍了3.5万张照片，T恤上写着“卡拉OK”。",
    "中国一重集团有限公司焊工李会东、郑州煤矿机械集团股份有限公司高级技师王建国",
    "  \r\n\t空白　全角，标点！？……——《书名》【注】(1)[2]",
    "龘靐齉爩𠮷野家",  # rare characters and one outside the BMP
    "",
]


def _user_words() -> list[tuple[str, str]]:
    lex = lexicon.load()
    words = [(t, "n") for t in lex.titles] + [(h, "nz") for h in lex.honors if len(h) <= 12]
    return words + [(s, "n") for s in lex.org_suffixes if len(s) >= 2]


@pytest.fixture(scope="module")
def pair() -> tuple[JiebaSegmenter, RjiebaSegmenter]:
    words = _user_words()
    return JiebaSegmenter(words), RjiebaSegmenter(words)


def _texts() -> list[str]:
    texts = list(SAMPLES) + [(ROOT / "seeds" / "000_d1f69c5291068c9f.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((EVAL / "corpus").glob("*.md"))]
    return texts


def test_both_segmenters_cut_and_tag_alike(pair):
    a, b = pair
    for text in _texts():
        assert b.tokens(text) == a.tokens(text), text[:30]
        assert b.tagged(text) == a.tagged(text), text[:30]


def test_tagged_tokens_tile_the_text(pair):
    for seg in pair:
        for text in SAMPLES:
            tokens = seg.tagged(text)
            assert "".join(t.text for t in tokens) == text
            assert all(t.pos for t in tokens)
            assert [t.start for t in tokens[1:]] == [t.end for t in tokens[:-1]]


def test_dictionary_answers_agree_on_every_user_word_and_a_sample_of_the_dictionary(pair):
    a, b = pair
    words = [w for w, _ in _user_words()] + sorted(_jieba_dictionary().freq)[::50] + ["", "不是词语啊", "龘"]
    for w in words:
        assert (a.is_common_word(w), a.word_tag(w), a.in_dictionary(w), a.is_generic_noun(w)) == (
            b.is_common_word(w), b.word_tag(w), b.in_dictionary(w), b.is_generic_noun(w)), w


def test_common_word_does_not_depend_on_having_tagged_before():
    seg = JiebaSegmenter([("麻醉师", "n")])  # a dictionary person-tagged (nr) word re-added as a noun
    before = seg.word_tag("麻醉师")
    seg.tagged("麻醉师")
    assert before == seg.word_tag("麻醉师") == "n"


def test_the_balancing_word_never_comes_out(pair):
    _, b = pair
    text = "\ue000\ue001\ue000"
    assert "".join(t.text for t in b.tokens(text)) == text
    assert all(len(t.text) == 1 for t in b.tagged(text))


def test_segmenters_are_chosen_by_name():
    assert SEGMENTERS == ("jieba", "rjieba")
    assert make_segmenter("rjieba").name == "rjieba"
    with pytest.raises(ModelError, match="unknown segmenter 'pkuseg'"):
        make_segmenter("pkuseg")


def test_the_faster_viterbi_finds_jieba_posseg_states():
    import random

    import jieba.posseg as posseg

    from kg.segment import _viterbi

    texts = [t for text in _texts()[:len(SAMPLES) + 1] for t in posseg.re_han_detail.findall(text)]
    rng = random.Random(7)
    alphabet = "".join(texts)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 15))) for _ in range(200)]
    texts += ["龘", "的的的的的", "𠮷"]
    for text in texts:
        _, expected = posseg.viterbi(text, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
        assert _viterbi(text) == expected, text


def test_an_unpickled_segmenter_cuts_tags_and_answers_as_the_original(pair):
    import pickle

    words = [w for w, _ in _user_words()][::20] + sorted(_jieba_dictionary().freq)[::500] + ["", "不是词语啊"]
    for seg in pair:
        copy = pickle.loads(pickle.dumps(seg))
        assert type(copy) is type(seg)
        for text in _texts():
            assert (copy.tokens(text), copy.tagged(text)) == (seg.tokens(text), seg.tagged(text)), text[:30]
        assert [copy._freq_tag(w) for w in words] == [seg._freq_tag(w) for w in words]
