"""Recall and precision on news-style passages with shares, index names, set phrases, rate
bases and dates, marked by hand (written for this trial, not taken from the test tables).

    python bench/shares_dates_trial.py [-v]

A quantity found is right when its text, kind and value (a date's ISO string) are those
marked; each passage is read with the document date given beside it (None: none known).
Figures are printed, not asserted; record them in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.text.extract.dates import reference_for  # noqa: E402
from factcheck.text.extract.quantities import extract_quantities  # noqa: E402

# (passage, document date, [(text, kind, value or ISO date)])
PASSAGES: list[tuple[str, str | None, list[tuple[str, str, float | str]]]] = [
    ("“双十一”期间，该品牌羽绒服全场打7折，部分款式低至35折。", "2024-11-12",
     [("7折", "percent", 70), ("35折", "percent", 35)]),
    ("受疫情影响，景区门票一律五折，老年人凭证件打对折后再减20元。", "2023-03-02",
     [("五折", "percent", 50), ("对折", "percent", 50), ("20元", "money", 20)]),
    ("二手房成交价普遍下调一至两成，个别楼盘降幅接近三成半。", "2024-06-30",
     [("一至两成", "percent", 10), ("三成半", "percent", 35)]),
    ("调查显示，约六点五成的受访企业计划扩大招聘。", "2024-02-01",
     [("六点五成", "percent", 65)]),
    ("证券交易印花税由千分之一减半征收，即按万分之五计征。", "2023-08-28",
     [("千分之一", "percent", 0.1), ("万分之五", "percent", 0.05)]),
    ("该批次奶粉中三聚氰胺含量为百万分之二点五，低于限量标准。", None,
     [("百万分之二点五", "percent", 0.00025)]),
    ("当日沪深300指数上涨1.2%，中证500指数下跌0.3%，创业板指涨0.8%。", "2024-09-30",
     [("1.2%", "percent", 1.2), ("0.3%", "percent", 0.3), ("0.8%", "percent", 0.8)]),
    ("中证500医药指数年内累计下跌18%，跑输标普500指数。", "2024-07-15",
     [("18%", "percent", 18)]),
    ("上证指数收报2,950.12点，成交额为6,812亿元。", "2024-02-05",
     [("2,950.12点", "count", 2950.12), ("6,812亿元", "money", 6.812e11)]),
    ("该模型输入价格为每百万tokens 0.5元，输出价格为每百万tokens 2元。", "2024-05-15",
     [("0.5元", "money", 0.5), ("2元", "money", 2)]),
    ("全国每10万人口拥有执业医师330人。", "2024-03-01",
     [("330人", "count", 330)]),
    ("会议强调，要深入学习贯彻三个代表重要思想，坚定做到两个维护。", "2024-03-05", []),
    ("两会期间，代表们围绕一带一路、十四五规划建言献策，共提交议案298件。", "2024-03-11",
     [("298件", "count", 298)]),
    ("9·11事件发生后，纽约证券交易所休市4天。", None,
     [("4天", "duration", 345600)]),
    ("2024年第三季度，全省地区生产总值增长5.1%。今年1—8月，规上工业增加值增长6.2%，前三季度固定资产投资增长3.4%。", None,
     [("2024年第三季度", "date", "2024-07/2024-09"), ("5.1%", "percent", 5.1),
      ("今年1—8月", "date", "2024-01/2024-08"), ("6.2%", "percent", 6.2),
      ("前三季度", "date", "2024-01/2024-09"), ("3.4%", "percent", 3.4)]),
    ("公司于2015年在深交所上市，当年营收突破10亿元。", "2024-04-20",
     [("2015年", "date", "2015"), ("当年", "date", "2015"), ("10亿元", "money", 1e9)]),
    ("1月，全国居民消费价格同比下降0.8%。", "2024-02-08",
     [("1月", "date", "2024-01"), ("0.8%", "percent", 0.8)]),
    ("Shares of the retailer fell 4% in January after it cut prices by a fifth.", "2024-03-04",
     [("4%", "percent", 4), ("January", "date", "2024-01"), ("a fifth", "percent", 20)]),
    ("The plant will close by October, the company said on March 5.", "2024-03-06",
     [("October", "date", "2024-10"), ("March 5", "date", "2024-03-05")]),
    ("Home prices have risen every month since April, up 6.1% from a year earlier.", "2024-09-20",
     [("April", "date", "2024-04"), ("6.1%", "percent", 6.1)]),
    ("The S&P 500 rose 0.9% and the Nasdaq 100 added 1.4%, while the FTSE 100 slipped 0.2%.", "2024-08-01",
     [("0.9%", "percent", 0.9), ("1.4%", "percent", 1.4), ("0.2%", "percent", 0.2)]),
    ("Nikkei 225 futures pointed to a 1.1% drop; the Russell 2000 ended 2.3% higher.", "2024-08-05",
     [("1.1%", "percent", 1.1), ("2.3%", "percent", 2.3)]),
    ("The Dow fell 494 points, or 1.2%, to close at 39,737.", "2024-08-02",
     [("494", "count", 494), ("1.2%", "percent", 1.2), ("39,737", "count", 39737)]),
    ("The service charges $2.50 per 1,000 requests and $10 per million tokens.", "2024-06-01",
     [("$2.50", "money", 2.5), ("$10", "money", 10)]),
    ("The disease kills 12 people per 100,000 each year, and screening is advised every 3 years.", None,
     [("12", "count", 12)]),
    ("Revenue in Quarter 2 2019 was $4.1 billion, up from $3.6 billion a year earlier.", None,
     [("Quarter 2 2019", "date", "2019-04/2019-06"), ("$4.1 billion", "money", 4.1e9), ("$3.6 billion", "money", 3.6e9)]),
    ("Between 2019 and 2022, the share of renters rose to 36%.", None,
     [("2019 and 2022", "date", "2019/2022"), ("36%", "percent", 36)]),
    ("GDP grew 4.6% in the third quarter of 2024; in the first three quarters growth was 4.8%.", None,
     [("4.6%", "percent", 4.6), ("third quarter of 2024", "date", "2024-07/2024-09"),
      ("4.8%", "percent", 4.8)]),
    ("Theresa May said March sales may recover, and 500 index funds track the market.", "2019-02-01",
     [("500", "count", 500)]),
    ("The merger closed in 2018 and the chain raised prices 8% that year and again in June.", "2024-07-01",
     [("2018", "date", "2018"), ("8%", "percent", 8), ("June", "date", "2024-06")]),
]


def score(verbose: bool) -> tuple[int, int, int]:
    """(right, found, marked) over all passages."""
    right = found_total = marked_total = 0
    for text, published, marked in PASSAGES:
        found = extract_quantities(text, reference_for(text, published))
        got = {(q.text, q.kind, q.iso if q.kind == "date" else f"{q.value:.6g}") for q in found}
        want = {(t, k, v if k == "date" else f"{float(v):.6g}") for t, k, v in marked}
        right += len(got & want)
        found_total += len(got)
        marked_total += len(want)
        if verbose and got != want:
            print(text, "\n  missed:", sorted(want - got, key=str), "\n  noise: ", sorted(got - want, key=str))
    return right, found_total, marked_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show each passage read otherwise than marked")
    args = parser.parse_args()
    right, found, marked = score(args.verbose)
    print(f"{len(PASSAGES)} passages, {marked} quantities marked, {found} found, {right} right")
    print(f"recall {right / marked:.1%}, precision {right / found:.1%}")


if __name__ == "__main__":
    main()
