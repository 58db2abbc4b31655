"""A Chinese article with English and Chinese evidence, judged with notes in Chinese (one of
several lines, one after the verdict), for the reports in Chinese. Written for these tests."""

from __future__ import annotations

ARTICLES = {
    "openai-zh.md": """# OpenAI估值再创新高，算力订单引关注

Source: https://news.example.cn/2024/05/openai-valuation
Published: 2024-05-19

据彭博社报道，OpenAI的最新估值达到1000亿美金（约合人民币5000亿元），较去年增长两倍。

奥尔特曼表示，公司已经下达了一笔5100万美元的算力订单。

GPT-4o响应音频输入的时间最短为232毫秒，平均为320毫秒。

该公司目前的员工人数超过1500人。
""",
}
EVIDENCE = {
    "hello-gpt4o.md": """# Hello GPT-4o

Source: https://openai.example.com/index/hello-gpt-4o/
Published: 2024-05-13

GPT-4o can respond to audio inputs in as little as 232 milliseconds, with an average of 320 milliseconds.
""",
    "unicorns-zh.md": """# 2024全球独角兽榜

Source: https://unicorns.example.cn/2024
Published: 2024-04-09

榜单显示，OpenAI的估值为1000亿美元，位列全球第三。

OpenAI的员工人数约为770人。
""",
}


def review(engine, claim_id, link_id) -> None:
    from factcheck.services.review import add_note, record_verdict, set_link_state

    valuation, order = claim_id("估值达到"), claim_id("算力订单")
    latency, staff = claim_id("232毫秒"), claim_id("员工人数")
    record_verdict(engine, valuation, "misleading",
                   note="榜单的估值确为1000亿美元，但“较去年增长两倍”没有依据。", reviewer="ann")
    set_link_state(engine, link_id(valuation), "confirmed", reviewer="ann")
    record_verdict(engine, latency, "supported", note="OpenAI的发布说明写明最短232毫秒、平均320毫秒。",
                   reviewer="ben")
    set_link_state(engine, link_id(latency), "confirmed", reviewer="ben")
    record_verdict(engine, order, "unverifiable", note="未能找到这笔订单的公开记录。\n公司没有回应。",
                   reviewer="ann")
    add_note(engine, order, "已于6月3日再次联系公司求证。", reviewer="ann")
    record_verdict(engine, staff, "refuted", note="榜单给出的员工人数约为770人。", reviewer="root")
