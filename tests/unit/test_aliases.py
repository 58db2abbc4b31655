from __future__ import annotations

from factcheck.text.extract.aliases import harvest_aliases


def test_title_before_a_transliterated_name_is_not_part_of_it():
    text = "OpenAI首席科学家伊利亚·苏茨克沃(Ilya Sutskever)官宣离职。负责人之一的简·雷克(Jan Leike)也宣布离职。"
    pairs = harvest_aliases(text)
    assert ("Ilya Sutskever", "伊利亚·苏茨克沃") in pairs
    assert ("Jan Leike", "简·雷克") in pairs
    assert ("Ilya Sutskever", "苏茨克沃") in pairs  # the family name alone is a variant too
    assert not any(variant.startswith(("席", "首席", "负责人", "的")) for _, variant in pairs)


def test_both_directions_full_width_brackets_and_spaces():
    text = "OpenAI CEO奥尔特曼(Sam Altman)们;Jan Leike (简·雷克) said;首席技术官米拉·穆拉蒂 (Mira Murati)表示;the Federal Reserve（美联储）"
    pairs = harvest_aliases(text)
    assert ("Sam Altman", "奥尔特曼") in pairs
    assert ("Jan Leike", "简·雷克") in pairs
    assert ("Mira Murati", "米拉·穆拉蒂") in pairs
    assert ("Federal Reserve", "美联储") in pairs


def test_long_phrases_and_lowercase_glosses_are_not_names():
    text = "一生中最奇特(surreal)的时刻;这是一个很长很长没有任何标点符号也没有停顿(Long Phrase)"
    assert harvest_aliases(text) == []


def test_each_pair_once_in_order_of_appearance():
    text = "奥尔特曼(Sam Altman)说。后来奥尔特曼(Sam Altman)又说。"
    assert harvest_aliases(text) == [("Sam Altman", "奥尔特曼")]
