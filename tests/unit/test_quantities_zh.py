"""Chinese quantities: numerals and multipliers in every mix, currencies, percent forms,
classifiers, qualifiers, and what is not a quantity."""

from __future__ import annotations

import pytest

from factcheck.text.extract.quantities import extract_quantities

# (text, [(surface, kind, value, unit, display)])
TABLE = [
    ("这家估值1000亿美金的公司", [("1000亿美金", "money", 1e11, "USD", "$100B")]),
    ("约合人民币7100亿元", [("人民币7100亿元", "money", 7.1e11, "CNY", "¥710B")]),
    ("总额高达5100万美元", [("5100万美元", "money", 5.1e7, "USD", "$51M")]),
    ("短至232毫秒响应音频输入", [("232毫秒", "duration", 0.232, "s", "232 ms")]),
    ("全年国内生产总值1260582亿元", [("1260582亿元", "money", 1.260582e14, "CNY", "¥126.1T")]),
    ("全国粮食总产量69541万吨", [("69541万吨", "measure", 6.9541e8, "t", "695.4M t")]),
    ("原油产量2.09亿吨", [("2.09亿吨", "measure", 2.09e8, "t", "209M t")]),
    ("外汇储备19.88万亿元", [("19.88万亿元", "money", 1.988e13, "CNY", "¥19.88T")]),
    ("社会消费品零售总额206504亿元", [("206504亿元", "money", 2.06504e13, "CNY", "¥20.65T")]),
    ("融资3.6亿元", [("3.6亿元", "money", 3.6e8, "CNY", "¥360M")]),
    ("增速回落0.3个百分点", [("0.3个百分点", "percent", 0.3, "pp", "0.3 pp")]),
    ("同比下降6.8%", [("6.8%", "percent", 6.8, "%", "6.8%")]),
    ("占比百分之五十", [("百分之五十", "percent", 50, "%", "50%")]),
    ("三成企业亏损", [("三成", "percent", 30, "%", "30%")]),
    ("价格降低一半", [("一半", "percent", 50, "%", "50%")]),
    ("速度提升两倍", [("两倍", "ratio", 2, "x", "2x")]),
    ("连发13条推文", [("13条", "count", 13, "推文", "13")]),
    ("至少五个安全团队成员", [("五个", "count", 5, "安全", "5")]),
    ("一千多万人", [("一千多万人", "count", 1e7, "人", "10M")]),
    ("两分钟后", [("两分钟", "duration", 120, "s", "2 min")]),
    ("超过6个月没有出现", [("6个月", "duration", 15552000, "s", "6 months")]),
    ("近十年后", [("十年", "duration", 315360000, "s", "10 years")]),
    ("发行50亿日元债券", [("50亿日元", "money", 5e9, "JPY", "JP¥5B")]),
    ("约1000亿港元", [("1000亿港元", "money", 1e11, "HKD", "HK$100B")]),
    ("300万欧元罚款", [("300万欧元", "money", 3e6, "EUR", "€3M")]),
    ("新台币200亿元", [("新台币200亿元", "money", 2e10, "TWD", "NT$20B")]),
    ("售价1.2万英镑", [("1.2万英镑", "money", 1.2e4, "GBP", "£12K")]),
    ("处理了二十五万件包裹", [("二十五万件", "count", 2.5e5, "包裹", "250K")]),
    ("三四百家企业", [("三四百家", "count", 300, "企业", "300–400")]),
    ("发电量8.5万千瓦时", [("8.5万千瓦时", "measure", 8.5e4, "kWh", "85K kWh")]),
    # a prefixed unit is shown as written, another unit converted to its canonical one
    ("每包净含量500克", [("500克", "measure", 0.5, "kg", "500 g")]),
    ("粮食总产量13908.2亿斤", [("13908.2亿斤", "measure", 6.9541e11, "kg", "695.4B kg")]),
    ("累计降雨量100—200毫米", [("100—200毫米", "measure", 0.1, "m", "100–200 mm")]),
    ("新建高标准农田8000万亩", [("8000万亩", "measure", 5.33336e10, "m2", "53.33B m2")]),
    ("动力电池装车量387.7吉瓦时", [("387.7吉瓦时", "measure", 3.877e8, "kWh", "387.7 GWh")]),
    ("总库容为39.3亿立方米", [("39.3亿立方米", "measure", 3.93e9, "m3", "3.93B m3")]),
    ("博彩毛收入为568亿澳门元", [("568亿澳门元", "money", 5.68e10, "MOP", "MOP$56.8B")]),
    ("出口额为120亿新加坡元", [("120亿新加坡元", "money", 1.2e10, "SGD", "S$12B")]),
    # currencies named with their country, signs after the number, older currencies; an
    # amount in two parts (元角分, 美元又美分) is one amount; 分钟 and a name (马克) are no part
    ("这笔交易价值30亿加拿大元", [("30亿加拿大元", "money", 3000000000.0, "CAD", "C$3B")]),
    ("他在悉尼花了5000澳元，又在奥克兰花了300新西兰元", [("5000澳元", "money", 5000.0, "AUD", "A$5,000"), ("300新西兰元", "money", 300.0, "NZD", "NZ$300")]),
    ("汇率跌破20比索兑1美元", [("20比索", "money", 20.0, "MXN", "MX$20"), ("1美元", "money", 1.0, "USD", "$1")]),
    ("一杯咖啡在伊斯坦布尔要100里拉", [("100里拉", "money", 100.0, "TRY", "₺100")]),
    ("出口收入2万亿卢布", [("2万亿卢布", "money", 2000000000000.0, "RUB", "₽2T")]),
    ("一碗河粉3万越南盾", [("3万越南盾", "money", 30000.0, "VND", "₫30K")]),
    ("这幅画当年卖了5万德国马克", [("5万德国马克", "money", 50000.0, "DEM", "DM 50K")]),
    ("当年的票价是50法国法郎和300荷兰盾", [("50法国法郎", "money", 50.0, "FRF", "FRF 50"), ("300荷兰盾", "money", 300.0, "NLG", "NLG 300")]),
    ("菜市场里白菜七元五毛一斤", [("七元五毛", "money", 7.5, "CNY", "¥7.50"), ("一斤", "measure", 0.5, "kg", "0.5 kg")]),
    ("邮票每张20元3角5分", [("20元3角5分", "money", 20.35, "CNY", "¥20.35")]),
    ("一支笔三美元又五美分", [("三美元又五美分", "money", 3.05, "USD", "$3.05")]),
    ("车费两欧元五十欧分", [("两欧元五十欧分", "money", 2.5, "EUR", "€2.50")]),
    ("一张邮票5便士，一颗糖50美分", [("5便士", "money", 0.05, "GBP", "£0.05"), ("50美分", "money", 0.5, "USD", "$0.50")]),
    ("售价25€", [("25€", "money", 25.0, "EUR", "€25")]),
    ("充值5元5分钟到账", [("5元", "money", 5.0, "CNY", "¥5"), ("5分钟", "duration", 300.0, "s", "5 min")]),
    ("马克·扎克伯格捐了5000万美元", [("5000万美元", "money", 50000000.0, "USD", "$50M")]),
    # shares: N分之M in percent
    ("农村地区约占三分之一", [("三分之一", "percent", 100 / 3, "%", "33.33%")]),
    ("不合格率为千分之五", [("千分之五", "percent", 0.5, "%", "0.5%")]),
    ("五分之二以上的企业", [("五分之二以上", "percent", 40, "%", "40%")]),
    # an index in points (a time of day, 5点, is no quantity)
    ("上证指数收报3,050.12点", [("3,050.12点", "count", 3050.12, "points", "3,050.12")]),
    ("恒指跌300点,今天早上5点收盘", [("300点", "count", 300, "points", "300")]),
    # 人 and 人次 count people; the verb after them is not the counted noun
    ("造成3人死亡", [("3人", "count", 3, "人", "3")]),
    # doubling: 翻一番 is 2x, 翻两番 4x
    ("新能源汽车产量翻了一番", [("翻了一番", "ratio", 2, "x", "2x")]),
    ("营收力争翻两番", [("翻两番", "ratio", 4, "x", "4x")]),
    ("利润翻倍", [("翻倍", "ratio", 2, "x", "2x")]),
    ("其中七成为个体工商户", [("七成", "percent", 70, "%", "70%")]),
    # a distance per hour is a speed; the base of a rate is no count of its own
    ("高铁时速达350公里", [("350公里", "measure", 350, "km/h", "350 km/h")]),
    ("每十万人口发病率为41例", [("41例", "count", 41, "例", "41")]),
    ("花莲县海域发生7.1级地震", [("7.1级", "measure", 7.1, "magnitude", "M7.1")]),
]


@pytest.mark.parametrize("text, expected", TABLE, ids=[t for t, _ in TABLE])
def test_chinese_table(text, expected):
    found = extract_quantities(text)
    assert [(q.text, q.kind, q.unit, q.display) for q in found] == [(s, k, u, d) for s, k, _, u, d in expected]
    for quantity, (_, _, value, _, _) in zip(found, expected, strict=True):
        assert quantity.value == pytest.approx(value)
        assert text[quantity.start : quantity.end] == quantity.text


def test_full_width_text_after_normalisation():
    from factcheck.text.read.reading import normalise

    text = normalise("增长６．８％，达到１２３，４５６元")
    assert [q.display for q in extract_quantities(text)] == ["6.8%", "¥123,456"]


@pytest.mark.parametrize("text, expected", [
    # after a verb of change, "X至Y" with units on both sides is a move by X to Y
    ("油价每桶上涨2美元至85美元", [(2, None), (85, None)]),
    ("营收增长了3亿元至50亿元", [(3e8, None), (5e9, None)]),
    ("股价下跌1.5港元至20港元", [(1.5, None), (20, None)]),
    # near misses: still one range
    ("股价上涨2至3美元", [(2, 3)]),
    ("投资额在5亿元至8亿元之间", [(5e8, 8e8)]),
    ("净利润降至3亿元至5亿元", [(3e8, 5e8)]),
])
def test_a_change_by_one_amount_to_another_is_two_amounts(text, expected):
    assert [(q.value, q.high) for q in extract_quantities(text)] == expected


def test_ranges_and_qualifiers():
    (found,) = extract_quantities("他收到世界各地一、二十个国家的问候")
    assert (found.value, found.high, found.unit) == (10, 20, "国家")
    (found,) = extract_quantities("投资3.5-4亿元")
    assert (found.value, found.high) == (3.5e8, 4e8)
    (found,) = extract_quantities("营收将达到500亿至550亿元")
    assert (found.kind, found.value, found.high, found.display) == ("money", 5e10, 5.5e10, "¥50B–¥55B")
    (found,) = extract_quantities("增速在5%至6%之间")
    assert (found.value, found.high, found.display) == (5, 6, "5–6%")
    qualifiers = [q.qualifier for q in extract_quantities("约1000亿元,超过20亿美元,至少五个,近十年,100余家,20多亿元,30年左右")]
    assert qualifiers == ["约", "超过", "至少", "近", "余", "多", "左右"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("带动数十万人就业", ("数十万人", 1e5, "数")),
        ("设立了上千家门店", ("上千家", 1e3, "上")),
        ("高峰期有几百人同时施工", ("几百人", 100, "几")),
        ("造成十几人受伤", ("十几人", 10, "几")),
        ("是2019年的两倍多", ("两倍多", 2, "多")),
        ("两成多门店位于县城", ("两成多", 20, "多")),
        ("市值约为3.2万亿港元", ("3.2万亿港元", 3.2e12, "约")),
        ("停留在理论的层面上百年了", ("百年", 100 * 31536000, None)),  # 上 here is "on"
        ("连续3年多次获奖", ("3年", 3 * 31536000, None)),  # 多次: many times
    ],
)
def test_approximate_amounts_keep_the_value_and_record_the_qualifier(text, expected):
    found = [q for q in extract_quantities(text) if q.kind != "date"]
    assert [(q.text, q.value, q.qualifier) for q in found] == [expected]


@pytest.mark.parametrize("text", ["中国女排以3:1战胜对手", "按1:1的比例配套", "中国队以3比1获胜", "男女比例为3∶1"])
def test_scores_and_ratios_of_parts_are_not_counts(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("该公司净利润为-3.2亿元", ("-3.2亿元", -3.2e8, "-¥320M")),
        ("最低气温-5°C", ("-5°C", -5, "-5 °C")),
        ("气温降至零下5°C", ("零下5°C", -5, "-5 °C")),
    ],
)
def test_a_minus_sign_or_below_zero_makes_the_value_negative(text, expected):
    (found,) = extract_quantities(text)
    assert (found.text, found.value, found.display) == expected


@pytest.mark.parametrize("text", ["5月-7月", "2019年-2023年", "10亿元-20亿元"])
def test_a_dash_after_a_unit_joins_two_amounts(text):
    assert all(q.value is None or q.value > 0 for q in extract_quantities(text))


def test_statistical_release_style():
    text = (
        "初步核算,全年国内生产总值1260582亿元,比上年增长5.2%。全年粮食产量69541万吨,"
        "比上年增加888万吨,增长1.3%。城镇调查失业率平均值为5.2%,比上年下降0.4个百分点。"
    )
    found = [(q.kind, q.display) for q in extract_quantities(text, "2024-02-29")]
    # 比上年 is the comparison's base, not a date to check
    assert found == [
        ("money", "¥126.1T"), ("percent", "5.2%"), ("measure", "695.4M t"), ("measure", "8.88M t"),
        ("percent", "1.3%"), ("percent", "5.2%"), ("percent", "0.4 pp"),
    ]
    months = "1—10月份,全国固定资产投资423222亿元,同比增长3.4%。"
    assert [q.display for q in extract_quantities(months)] == ["¥42.32T", "3.4%"]


@pytest.mark.parametrize(
    "text",
    [
        "万万没想到",
        "信任一点一点崩溃",
        "把一系列的引擎给结合在一起",
        "一、二、三、",
        "第一条推文,排名第3位",
        "今天早上5点",
        "一位员工写了一篇文章",
        "千家万户",
        "四处点击",
        "十四届全国人大二次会议",
        "GPT-4o与GPT-3.5",
    ],
)
def test_idioms_ordinals_articles_and_times_are_not_quantities(text):
    assert extract_quantities(text) == []


def test_a_range_of_years_is_a_period_not_a_duration():
    found, doubled = extract_quantities("2019-2023年营收翻倍")
    assert (found.kind, found.iso, found.display) == ("date", "2019/2023", "2019–2023")
    assert (doubled.text, doubled.display) == ("翻倍", "2x")


def test_the_yen_sign_near_japan_is_the_yen():
    assert [q.unit for q in extract_quantities("在中国售价¥2000，在日本售价¥3000。")] == ["CNY", "JPY"]
    assert [q.unit for q in extract_quantities("售价¥500。")] == ["CNY"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("现年38岁的老将", [("38岁", "count", "age", 38.0)]),
        ("我国60岁及以上老年人口达3.1亿人", [("60岁", "count", "age", 60.0), ("3.1亿人", "count", "人", 3.1e8)]),
        ("年满18周岁的公民", [("18周岁", "count", "age", 18.0)]),
    ],
)
def test_an_age_in_sui_is_an_age(text, expected):
    assert [(q.text, q.kind, q.unit, q.value) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("易建联全场拿下26分、8个篮板", [("26分", "points", 26.0), ("8个", "篮板", 8.0)]),
        ("他数学考了95分", [("95分", "points", 95.0)]),
        ("下午3点26分开始", []),  # a time of day
        ("比赛进行到第26分钟", []),  # an ordinal minute
    ],
)
def test_fen_after_a_scoring_verb_is_points(text, expected):
    assert [(q.text, q.unit, q.value) for q in extract_quantities(text)] == expected


def test_a_term_in_a_products_name_and_a_festival_are_not_quantities():
    found = extract_quantities("1年期贷款市场报价利率为3.1%，三年期国债利率为2.38%，双11交易额14418亿元。")
    assert [q.text for q in found] == ["3.1%", "2.38%", "14418亿元"]
    for text in ("为期三年", "在那5天期间"):  # a span of time is still a duration
        (term,) = extract_quantities(text)
        assert term.kind == "duration"


def test_not_more_than_is_its_own_qualifier():
    found = extract_quantities("回购不超过2亿股，资金总额不低于10亿元")
    assert [(q.text, q.qualifier) for q in found] == [("2亿股", "不超过"), ("10亿元", "不低于")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("使用了2048块H800 GPU", [("2048块", "count", 2048.0)]),  # a count, not the year 2048
        ("建成3栋楼", [("3栋", "count", 3.0)]),
        ("5000万桶原油", [("5000万桶", "count", 5e7)]),
        ("花了50块钱", [("50块钱", "money", 50.0)]),  # 块钱 is still money
    ],
)
def test_more_classifiers_count(text, expected):
    assert [(q.text, q.kind, q.value) for q in extract_quantities(text)] == expected


def test_per_mille_is_a_percent_shown_as_written():
    found = extract_quantities("出生率为6.77‰；死亡率为7.76‰。")
    assert [(q.kind, q.unit, round(q.value, 4), q.display) for q in found] == [
        ("percent", "%", 0.677, "6.77‰"), ("percent", "%", 0.776, "7.76‰"),
    ]


# shares: a discount N折 is the share of the price paid, 成 a tenth, N分之M a part of the whole
SHARES = [
    ("全场商品打8折销售", [("8折", 80)]),
    ("会员可享85折优惠", [("85折", 85)]),
    ("新款手机七五折起售", [("七五折", 75)]),
    ("清仓商品一律打对折", [("对折", 50)]),
    ("部分机票低至三折", [("三折", 30)]),
    ("尾货低至二点五折", [("二点五折", 25)]),
    ("酒店房价8.5折", [("8.5折", 85)]),
    ("旧款九五折处理", [("九五折", 95)]),
    ("净利润同比下降四成半", [("四成半", 45)]),
    ("预计七点五成的企业将盈利", [("七点五成", 75)]),
    ("出口增速仅半成左右", [("半成左右", 5)]),
    ("三成", [("三成", 30)]),  # a headline: nothing after it
    ("超七成受访者表示满意", [("七成", 70)]),
    ("印花税税率为千分之三", [("千分之三", 0.3)]),
    ("交易佣金为万分之五", [("万分之五", 0.05)]),
    ("有害物质含量低于百万分之五", [("百万分之五", 0.0005)]),
    ("手续费为千分之贰", [("千分之贰", 0.2)]),
    ("费率为萬分之肆", [("萬分之肆", 0.04)]),
    ("费率为千分之零．五", [("千分之零．五", 0.05)]),
    ("费率为千分之0．5", [("千分之0．5", 0.05)]),
    ("占比达到百分之五点五", [("百分之五点五", 5.5)]),
    ("利润率为7．5成", [("7．5成", 75)]),
]


@pytest.mark.parametrize("text, expected", SHARES, ids=[t for t, _ in SHARES])
def test_shares_in_every_written_form_are_percents(text, expected):
    found = extract_quantities(text)
    assert [(q.text, q.kind, q.unit) for q in found] == [(s, "percent", "%") for s, _ in expected]
    assert [q.value for q in found] == pytest.approx([v for _, v in expected])


@pytest.mark.parametrize("text, expected", [("房价普遍下调一至两成", ("一至两成", 10, 20)), ("冬装7-8折促销", ("7-8折", 70, 80))])
def test_a_range_of_shares_keeps_both_ends(text, expected):
    (found,) = extract_quantities(text)
    assert (found.text, found.value, found.high) == expected


@pytest.mark.parametrize(
    "text",
    [
        "三折叠屏手机正式发布",  # a fold, not a discount
        "这个项目一波三折",
        "京剧第三折开演",
        "把纸对折后剪开",
        "公司财务折旧增加",
        "半成品仓库已满",
        "一半成为了废品",
        "这项制度一成不变",
        "三成立了新公司",
        "层层加价，七折八扣",
    ],
)
def test_words_with_zhe_and_cheng_are_not_shares(text):
    assert [q.text for q in extract_quantities(text) if "折" in q.text or "成" in q.text] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("每百万tokens收费2美元", ["2美元"]),  # the base of a rate is no amount; its price is
        ("每10万人口中有41例", ["41例"]),
        ("500医药指数上涨1.5%", ["1.5%"]),  # an index's name
        ("标普500指数下跌2%", ["2%"]),
        ("纳斯达克100指数收涨1%", ["1%"]),
        ("上证指数收报3000点", ["3000点"]),  # a level is an amount
        ("上证3000点保卫战", ["3000点"]),
        ("共有500亿元资金纳入指数", ["500亿元"]),  # an amount before the word 指数
        ("坚持三个代表重要思想", []),  # set phrases count nothing
        ("全面推进四个全面战略布局", []),
        ("做到两个维护", []),
        ("实现两个一百年奋斗目标", []),
        ("推进一带一路建设，两会期间审议十四五规划，坚持一国两制", []),
        ("五四运动以来，青年不断成长", []),
        ("三个代表团抵达北京", ["三个"]),  # a delegation is counted
        ("9·11事件造成近3000人遇难", ["3000人"]),  # an event named by its date
        ("5·12汶川地震", []),
    ],
)
def test_names_set_phrases_and_rate_bases_are_not_amounts(text, expected):
    assert [q.text for q in extract_quantities(text)] == expected


def test_a_three_wheeler_is_a_vehicle_not_a_count():
    assert [q.text for q in extract_quantities("包括三轮汽车和低速货车720万辆")] == ["720万辆"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("台积电营收新台币7596.9亿元，每股盈余12.54元。", ["TWD", "TWD"]),
        ("向市民派发港币1万元，涉及开支约660亿元。", ["HKD", "HKD"]),
        ("收入新台币100亿元。另外，大陆子公司营收5亿元。", ["TWD", "CNY"]),  # a new sentence
        ("折合港币1.1万元，人民币1万元，另付500元。", ["HKD", "CNY", "CNY"]),  # the last named
        ("公司营收50亿美元，每股收益5元。", ["USD", "CNY"]),  # 美元 is never written 元
        ("这是一句。又是一句。\n\n向市民派发港币7万元，涉及开支约731亿元。", ["HKD", "HKD"]),  # marks before
    ],
)
def test_a_bare_yuan_is_in_the_yuan_currency_its_sentence_named(text, expected):
    assert [q.unit for q in extract_quantities(text)] == expected


def test_tokens_counted_with_ge_are_a_measure():
    (found,) = extract_quantities("上下文窗口扩展至200万个token。")
    assert (found.text, found.kind, found.unit, found.value) == ("200万个token", "measure", "tokens", 2e6)


@pytest.mark.parametrize("text", ["沪深300指数涨1.5%", "中证500下跌1.5%", "科创50指数涨1.5%"])
def test_the_number_in_an_index_name_is_not_a_count(text):
    assert [q.text for q in extract_quantities(text)] == ["1.5%"]
