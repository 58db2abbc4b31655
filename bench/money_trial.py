"""Money as news writes it: recall and precision of extraction on hand-marked sentences.

    python bench/money_trial.py            # figures for the code importable here
    PYTHONPATH=OLD_CHECKOUT python bench/money_trial.py   # the same for another version

The sentences were written for this trial in the styles of wire, business and local news,
English and Chinese, and are not in the test tables. Each lists the amounts of money a
reader would take from it: (surface, ISO code, value, high end of a range or None).

A found quantity counts when its kind is money or it overlaps a marked amount (an amount
read as a plain count is a wrong reading, not a silent one). It is right when its text,
currency and value (and high end) are the marked ones. Recall: marked amounts found right;
precision: counted quantities that are right.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH: another version may be measured

from factcheck.text.extract.quantities import extract_quantities  # noqa: E402

TRIAL: list[tuple[str, list[tuple[str, str, float, float | None]]]] = [
    ("BHP agreed to pay 4.1 billion Australian dollars for the copper miner, a premium of 32%.",
     [("4.1 billion Australian dollars", "AUD", 4.1e9, None)]),
    ("Shares of Air Canada fell 40 cents to C$18.25 in Toronto trading on Tuesday.",
     [("40 cents", "USD", 0.40, None), ("C$18.25", "CAD", 18.25, None)]),
    ("The Hong Kong government will hand out HK$ 5,000 in vouchers, costing hk $ 36 billion in all.",
     [("HK$ 5,000", "HKD", 5000, None), ("hk $ 36 billion", "HKD", 36e9, None)]),
    ("UBS set aside 2.5 billion Swiss francs for legal costs in the quarter.",
     [("2.5 billion Swiss francs", "CHF", 2.5e9, None)]),
    ("The Reserve Bank of New Zealand said the scheme would cost 1.2 billion New Zealand dollars.",
     [("1.2 billion New Zealand dollars", "NZD", 1.2e9, None)]),
    ("Singapore Airlines posted a record profit of 2.68 billion Singapore dollars.",
     [("2.68 billion Singapore dollars", "SGD", 2.68e9, None)]),
    ("A kilo of tomatoes now costs 60 Turkish lira in Ankara, up from 25 lira a year ago.",
     [("60 Turkish lira", "TRY", 60, None), ("25 lira", "TRY", 25, None)]),
    ("Mexico's central bank sold 200 million US dollars as the peso slid past 20 pesos per dollar.",
     [("200 million US dollars", "USD", 2e8, None), ("20 pesos", "MXN", 20, None)]),
    ("Tata Motors will invest 9,000 crore rupees, or about ₹90 billion, in the plant.",
     [("9,000 crore rupees", "INR", 9e10, None), ("₹90 billion", "INR", 9e10, None)]),
    ("A bus ticket in Kyiv costs ₴8 and a metro ride in Moscow ₽62.",
     [("₴8", "UAH", 8, None), ("₽62", "RUB", 62, None)]),
    ("The Nigerian regulator fined the bank ₦1.2 billion, and Ghana's 500 million cedis deal stalled.",
     [("₦1.2 billion", "NGN", 1.2e9, None)]),
    ("Cinema tickets were 12 € in Paris and 9 € in Lyon, against 15 $ in New York.",
     [("12 €", "EUR", 12, None), ("9 €", "EUR", 9, None), ("15 $", "USD", 15, None)]),
    ("In 1998 a stamp cost 3 French francs and a beer in Munich 5 Deutsche marks.",
     [("3 French francs", "FRF", 3, None), ("5 Deutsche marks", "DEM", 5, None)]),
    ("The museum bought the painting for 40 million guilders in 1987, worth 18 million euros today.",
     [("40 million guilders", "NLG", 4e7, None), ("18 million euros", "EUR", 1.8e7, None)]),
    ("Gas rose to 3 dollars 89 cents a gallon, while a loaf of bread was two dollars and fifty cents.",
     [("3 dollars 89 cents", "USD", 3.89, None), ("two dollars and fifty cents", "USD", 2.50, None)]),
    ("Royal Mail will raise the price of a first-class stamp by 30p to £1.65; not a penny more, it said.",
     [("30p", "GBP", 0.30, None), ("£1.65", "GBP", 1.65, None), ("a penny", "GBP", 0.01, None)]),
    ("Microsoft announced a $10-billion investment and a $1.5-million fund for local schools.",
     [("$10-billion", "USD", 1e10, None), ("$1.5-million", "USD", 1.5e6, None)]),
    ("The stake could be valued at $3 billion to $5 billion, people familiar with the matter said.",
     [("$3 billion to $5 billion", "USD", 3e9, 5e9)]),
    ("Sales grew from $3 billion to $5 billion, and the rocks there are 65 million years old.",
     [("$3 billion", "USD", 3e9, None), ("$5 billion", "USD", 5e9, None)]),
    ("The student scored 480 marks out of 500, and her school received Rs 2 lakh.",
     [("Rs 2 lakh", "INR", 2e5, None)]),
    ("Brent rose 2% to US$ 82.40 a barrel while the loonie bought 73 U.S. cents.",
     [("US$ 82.40", "USD", 82.40, None), ("73 U.S. cents", "USD", 0.73, None)]),
    ("The rupee hit 83.5 per dollar, and the order is worth Rs. 4,500 crore.",
     [("Rs. 4,500 crore", "INR", 4.5e10, None)]),
    ("Tesco said a meal deal would rise 25p to £3.85, the first rise in two years.",
     [("25p", "GBP", 0.25, None), ("£3.85", "GBP", 3.85, None)]),
    ("长江电力拟每10股派发现金红利8.2元（含税），合计约200亿元。",
     [("8.2元", "CNY", 8.2, None), ("200亿元", "CNY", 2e10, None)]),
    ("比特币一度跌破6万美元关口，以太坊报3000美元左右。",
     [("6万美元", "USD", 6e4, None), ("3000美元左右", "USD", 3000, None)]),
    ("这家矿企以41亿澳元收购铜矿，溢价32%。", [("41亿澳元", "AUD", 4.1e9, None)]),
    ("加拿大航空股价下跌至18.25加元，市值蒸发约12亿加拿大元。",
     [("18.25加元", "CAD", 18.25, None), ("12亿加拿大元", "CAD", 1.2e9, None)]),
    ("瑞银计提25亿瑞士法郎法律费用，另有3000万新加坡元罚款。",
     [("25亿瑞士法郎", "CHF", 2.5e9, None), ("3000万新加坡元", "SGD", 3e7, None)]),
    ("伊斯坦布尔一公斤西红柿涨到60里拉，墨西哥一张公交卡要15比索。",
     [("60里拉", "TRY", 60, None), ("15比索", "MXN", 15, None)]),
    ("菜场里的黄瓜卖三元五毛一斤，鸡蛋每斤6元2角5分。",
     [("三元五毛", "CNY", 3.5, None), ("6元2角5分", "CNY", 6.25, None)]),
    ("一杯咖啡在纽约要四美元又五十美分，在伦敦要3英镑50便士。",
     [("四美元又五十美分", "USD", 4.5, None), ("3英镑50便士", "GBP", 3.5, None)]),
    ("上世纪90年代，一辆二手车要3万德国马克，一套公寓约60万法国法郎。",
     [("3万德国马克", "DEM", 3e4, None), ("60万法国法郎", "FRF", 6e5, None)]),
    ("这家公司在俄罗斯的收入为120亿卢布，在越南为2万亿越南盾。",
     [("120亿卢布", "RUB", 1.2e10, None), ("2万亿越南盾", "VND", 2e12, None)]),
    ("充值50元5分钟内到账，马克在直播中说。", [("50元", "CNY", 50, None)]),
    ("该基金规模为20至40亿港元，首期募集5亿元人民币。",
     [("20至40亿港元", "HKD", 2e9, 4e9), ("5亿元人民币", "CNY", 5e8, None)]),
]


def _right(q, surface: str, code: str, value: float, high: float | None) -> bool:
    same_high = (q.high is None and high is None) or (
        q.high is not None and high is not None and math.isclose(q.high, high, rel_tol=1e-9)
    )
    return (q.text == surface and q.kind == "money" and q.unit == code and q.value is not None
            and math.isclose(q.value, value, rel_tol=1e-9) and same_high)


def main() -> None:
    marked = right_found = counted = 0
    misses: list[str] = []
    for text, expected in TRIAL:
        found = extract_quantities(text, "2024-05-20")
        spans = [(text.index(surface), text.index(surface) + len(surface)) for surface, *_ in expected]
        counted_here = [q for q in found if q.kind == "money" or any(q.start < e and s < q.end for s, e in spans)]
        counted += len(counted_here)
        marked += len(expected)
        for surface, code, value, high in expected:
            if any(_right(q, surface, code, value, high) for q in counted_here):
                right_found += 1
            else:
                misses.append(f"  missed {surface!r} in {text[:50]}…")
        for q in counted_here:
            if not any(_right(q, *e) for e in expected):
                misses.append(f"  wrong  {q.text!r} ({q.kind} {q.unit} {q.value}) in {text[:50]}…")
    print(f"{len(TRIAL)} sentences, {marked} marked amounts of money")
    print(f"recall    {right_found}/{marked} = {right_found / marked:.1%}")
    print(f"precision {right_found}/{counted} = {right_found / counted:.1%}" if counted else "precision: nothing found")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
