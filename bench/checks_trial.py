"""The consistency checks on realistic news paragraphs, clean and with one planted error each.

    python bench/checks_trial.py [-v]

Each paragraph is written in the style of a news report (Chinese or English) with its
numbers right; each plant changes one figure so that it contradicts the rest. A finding
'inconsistent' on a clean paragraph is a false alarm; a plant is caught when an
inconsistent finding involves the changed figure. Figures are printed, not asserted; record
them in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.text.checks.run import DocumentDate, check_claims  # noqa: E402
from factcheck.text.extract.claims import extract_claims  # noqa: E402


@dataclass(frozen=True)
class Case:
    published: str
    text: str
    plants: tuple[tuple[str, str], ...]  # (figure as written, what it becomes)


CASES = [
    Case("2024-10-18", (
        "国家统计局10月18日发布数据，初步核算，前三季度国内生产总值949746亿元，按不变价格计算，同比增长4.8%。"
        "分产业看，第一产业增加值57733亿元，同比增长3.4%；第二产业增加值361362亿元，增长5.4%；"
        "第三产业增加值530651亿元，增长4.7%。"
    ), (("增长5.4%", "增长5.4%"),)),  # no arithmetic to plant on: the parts are the control
    Case("2024-01-17", (
        "全年全国粮食总产量69541万吨，比上年增加888万吨，增长1.3%。其中，夏粮产量14615万吨，"
        "早稻产量2817万吨，秋粮产量52109万吨。"
    ), (("秋粮产量52109万吨", "秋粮产量55109万吨"),)),
    Case("2024-05-21", (
        "小米集团发布财报显示，一季度营收755.07亿元，同比增长27%，上年同期为594.75亿元。"
        "其中，智能手机业务收入465亿元，IoT与生活消费产品收入248亿元。"
    ), (("465亿元", "565亿元"),)),
    Case("2024-04-30", (
        "据悉，这家公司去年完成了5亿美元(约合人民币35.5亿元)的C轮融资，投后估值达到30亿美元。"
        "公司员工人数从2022年的800人增长到1200人，增长了50%。"
    ), (("约合人民币35.5亿元", "约合人民币45.5亿元"), ("增长了50%", "增长了40%"))),
    Case("2024-05-14", (
        "5月14日（周二）凌晨，OpenAI发布新一代旗舰模型GPT-4o。该公司成立于2015年，9年后的今天，"
        "其估值已超过800亿美元。"
    ), (("（周二）", "（周三）"), ("9年后", "6年后"))),
    Case("2024-03-08", (
        "一项覆盖2000名受访者的调查显示，支持延迟退休的受访者占35%，反对者占52%，另有13%表示无所谓。"
        "受访者中，男性占51%，女性占49%。"
    ), (("反对者占52%", "反对者占62%"),)),
    Case("2024-08-02", (
        "今年上半年，全市接待游客1.2亿人次，同比增长15%，实现旅游收入1380亿元，比上年同期的1150亿元增长20%。"
    ), (("增长20%", "增长12%"),)),
    Case("2024-05-20", (
        "Nvidia said revenue rose to $26.0 billion in the quarter, up 262% from $7.19 billion a year earlier. "
        "Data center revenue of $22.6 billion accounted for 87% of the total."
    ), (("up 262%", "up 226%"),)),
    Case("2024-02-13", (
        "Consumer prices rose 3.1% in the 12 months to January, the Labor Department said on Tuesday, February 13. "
        "Shelter costs, which make up about a third of the index, climbed 6%."
    ), (("Tuesday, February 13", "Wednesday, February 13"),)),
    Case("2024-06-05", (
        "The European Central Bank is expected to cut rates on Thursday. Inflation in the euro zone fell from "
        "10.6% in October 2022 to 2.6% in May, a drop of 8 percentage points."
    ), (("a drop of 8 percentage points", "a drop of 80%"),)),
    Case("2024-04-12", (
        "The storm killed at least 27 people, including 9 children, officials said. About 4,000 homes were damaged, "
        "of which 1,200 were destroyed."
    ), (("of which 1,200", "of which 5,200"),)),
    Case("2024-05-16", (
        "A survey of 1,500 voters found that 48% supported the measure, 44% opposed it and 8% were undecided. "
        "Support among men was 51%, and among women 45%."
    ), (("44% opposed", "54% opposed"),)),
    Case("2024-09-10", (
        "Apple, founded in 1976, unveiled the iPhone in 2007, 31 years later. The company paid $1 billion "
        "(about €906 million) in fines last year. Its chief executive, Tim Cook, 63, was born in 1960."
    ), (("31 years later", "21 years later"), ("about €906 million", "about €606 million"), ("Cook, 63", "Cook, 68"))),
    Case("2024-07-25", (
        "Tesla said second-quarter profit fell 45% to $1.48 billion from $2.7 billion a year earlier, while "
        "deliveries dropped 4.8% to 443,956 vehicles. Energy storage deployments more than doubled to 9.4 GWh."
    ), (("fell 45%", "fell 25%"),)),
]


# A second set, written after the rules were last changed and run as it was written: the
# first set helped find the rules' gaps, this one measures them.
FRESH = [
    Case("2024-05-09", (
        "海关总署5月9日发布数据，前4个月，我国货物贸易进出口总值13.81万亿元，同比增长5.7%。"
        "其中，出口7.81万亿元，增长4.9%；进口6万亿元，增长6.8%。"
    ), (("出口7.81万亿元", "出口8.81万亿元"),)),
    Case("2024-06-01", "比亚迪5月销量33.2万辆，同比增长38%，去年同期为24.0万辆。", (("增长38%", "增长58%"),)),
    Case("2024-01-17", (
        "2023年末全国人口140967万人，比上年末减少208万人。全年出生人口902万人，死亡人口1110万人。"
    ), ()),
    Case("2024-03-01", "该项目总投资50亿港元（约合6.4亿美元），预计2026年建成。", (("约合6.4亿美元", "约合8.4亿美元"),)),
    Case("2024-03-01", "马斯克今年52岁，1971年出生于南非。", (("今年52岁", "今年56岁"),)),
    Case("2024-03-01", "沪指收报3050.12点，上涨0.5%，成交额8000亿元。", ()),
    Case("2024-04-26", (
        "Microsoft said revenue for the quarter ended March 31 rose 17% to $61.9 billion from $52.9 billion "
        "a year earlier."
    ), (("rose 17%", "rose 27%"),)),
    Case("2024-01-10", "The company cut 1,800 jobs, or about 6% of its 30,000-strong workforce.", ()),
    Case("2024-04-24", (
        "The bill allocates $95 billion in aid, including $61 billion for Ukraine and $26 billion for Israel."
    ), (("$61 billion", "$71 billion"),)),
    Case("2024-03-01", (
        "According to the poll, 41% of Americans approve of the president's job performance, while 56% disapprove."
    ), (("56% disapprove", "61% disapprove"),)),
    Case("2024-03-01", "Born in 1946, Trump, 77, would be the oldest president at his inauguration.", (("Trump, 77", "Trump, 72"),)),
    Case("2024-03-01", "Siemens will invest €2 billion ($2.2 billion) in new factories.", (("($2.2 billion)", "($3.2 billion)"),)),
    Case("2024-03-01", "The results will be released on Thursday, March 7, 2024.", (("Thursday, March 7", "Friday, March 7"),)),
    Case("2024-03-01", "The bridge, opened in 1937, was closed in 2023, 86 years later.", (("86 years later", "68 years later"),)),
    Case("2024-03-01", "去年该市新能源汽车保有量达到60万辆，是2020年15万辆的4倍。", (("的4倍", "的3倍"),)),
    Case("2024-03-01", "Exports have tripled since 2015, from $20 billion to $61 billion.", (("$61 billion", "$40 billion"),)),
]


# A third set, written after the second set's gaps were mended and run once as written.
THIRD = [
    Case("2024-07-15", (
        "国家统计局今天公布，上半年国内生产总值616836亿元，同比增长5.0%。二季度增长4.7%，比一季度回落0.6个百分点。"
    ), ()),
    Case("2024-07-12", (
        "今年上半年，我国汽车产销分别完成1389.1万辆和1404.7万辆，同比分别增长4.9%和6.1%。"
        "其中，新能源汽车产销分别完成492.9万辆和494.4万辆。"
    ), ()),
    Case("2024-06-20", (
        "该公司去年营收为80亿元。今年一季度，公司营收同比增长12%至25亿元，净利润3亿元，"
        "研发投入占营收的15%。"
    ), ()),
    Case("2024-06-20", "阿里巴巴以26亿美元（约合188亿元人民币）出售银泰百货。", (("约合188亿元", "约合128亿元"),)),
    Case("2024-06-20", "截至5月底，全国累计发电装机容量约30.7亿千瓦，同比增长14.1%。其中，太阳能发电装机容量约6.9亿千瓦，风电装机容量约4.6亿千瓦。", (("约6.9亿千瓦", "约36.9亿千瓦"),)),
    Case("2024-06-20", "本次调查共回收有效问卷3000份，其中认为房价会上涨的占28%，认为持平的占47%，认为会下跌的占25%。", (("持平的占47%", "持平的占57%"),)),
    Case("2024-06-03", (
        "Boeing delivered 24 jets in May, down from 50 a year earlier. Airbus, founded in 1970, delivered 53, "
        "and said 35% of its orders came from Asia and 20% from Europe."
    ), ()),
    Case("2024-06-03", (
        "Shares of Nvidia closed at $1,150 on Monday, June 3, giving the company a market value of $2.8 trillion, "
        "up from $1.2 trillion at the start of the year, a rise of 133%."
    ), (("a rise of 133%", "a rise of 113%"), ("Monday, June 3", "Sunday, June 3"))),
    Case("2024-06-03", (
        "The fund, which manages $1.6 trillion (about 17 trillion kroner), returned 16% last year, its best result "
        "since 2019."
    ), ()),
    Case("2024-06-03", (
        "The city's population grew from 8.2 million in 2010 to 8.8 million in 2020, an increase of about 7%. "
        "Residents aged 65 and older made up 16% of the total, and children 21%."
    ), (("an increase of about 7%", "an increase of about 17%"),)),
    Case("2024-06-03", (
        "Warren Buffett, 93, who was born in 1930, has run Berkshire Hathaway since 1965, nearly 60 years."
    ), (("Buffett, 93", "Buffett, 98"),)),
    Case("2024-06-03", (
        "The airline carried 4.5 million passengers in April, of whom 2.9 million flew domestically and "
        "1.6 million abroad. Fares rose 8% on average, to €112."
    ), (("1.6 million abroad", "2.6 million abroad"),)),
    Case("2024-06-03", (
        "Global sales of electric cars doubled from 6.8 million in 2021 to 13.8 million in 2023, "
        "the agency said."
    ), (("13.8 million in 2023", "20.8 million in 2023"),)),
]


def _inconsistent(text: str, published: str):
    claims = extract_claims(text, published)
    return [f for f in check_claims(text, claims, DocumentDate(published, "published")) if f.result == "inconsistent"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every finding")
    verbose = parser.parse_args().verbose
    for name, cases in (("first set", CASES), ("second set", FRESH), ("third set", THIRD)):
        print(f"-- {name}")
        _trial(cases, verbose)


def _trial(cases: list[Case], verbose: bool) -> None:
    alarms = planted = caught = alarms_in_planted = 0
    for case in cases:
        found = _inconsistent(case.text, case.published)
        alarms += len(found)
        for finding in found if verbose else ():
            print("FALSE ALARM:", finding.sentence)
        for written, becomes in case.plants:
            if written == becomes:
                continue
            planted += 1
            text = case.text.replace(written, becomes, 1)
            at = text.index(becomes)
            found = _inconsistent(text, case.published)
            hit = [f for f in found if any(q.start < at + len(becomes) and at < q.end for q in f.quantities)]
            caught += bool(hit)
            alarms_in_planted += len(found) - len(hit)
            if verbose:
                print(("caught " if hit else "MISSED ") + becomes, "|", (hit or found or [None])[0] and (hit or found)[0].sentence)
    print(f"{len(cases)} clean paragraphs: {alarms} false alarms")
    print(f"{planted} planted errors: {caught} caught ({caught / planted:.0%}), {alarms_in_planted} other alarms")


if __name__ == "__main__":
    main()
