"""Every visible string of the app, in Chinese and English."""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LANG_LABELS = {"zh": "中文", "en": "English"}

# key -> (zh, en). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    # Shell
    "app.title": ("深圳数字经济政策探索器", "Shenzhen digital-economy policy explorer"),
    "app.language": ("语言", "Language"),
    "nav.section.paper": ("论文", "The paper"),
    "nav.section.compare": ("比较与情景", "Compare and simulate"),
    "nav.section.data": ("数据", "Data"),
    "nav.overview": ("概览", "Overview"),
    "nav.figures": ("数据点", "Figures"),
    "nav.bottlenecks": ("瓶颈", "Bottlenecks"),
    "nav.recommendations": ("对策", "Recommendations"),
    "nav.targets": ("目标追踪", "Targets tracker"),
    "nav.benchmarks": ("城市对标", "Benchmarks"),
    "nav.scenarios": ("政策情景", "Scenarios"),
    "nav.methods": ("方法", "Methods"),
    "nav.data": ("数据与 SQL", "Data and SQL"),
    "share.label": ("复制此视图的链接", "Copy a link to this view"),
    "share.help": (
        "链接包含语言和本页全部设置，打开即可看到相同视图。",
        "The link carries the language and every setting on this page; opening it shows this view.",
    ),
    "footer.citation": (
        "数据来源：严红梅《深圳数字经济高质量发展研究》，2024年第3期，第82–87页"
        "（文章编号 1673-5706(2024)03-0082-06）。",
        "Source: Yan Hongmei (严红梅), “Research on the High-Quality Development of Shenzhen's Digital Economy” "
        "(深圳数字经济高质量发展研究), 2024 no. 3, pp. 82–87 (article 1673-5706(2024)03-0082-06).",
    ),
    "footer.licence": (
        "论文引文用于研究与评论；城市统计数据各注明出处与等级（官方/二手）。代码开源。",
        "Quotations of the paper are used for research and commentary; every city statistic names its "
        "source and grade (official / secondary). Open-source code.",
    ),
    "footer.version": ("数据版本 {version}", "Data version {version}"),
    # Notices and errors
    "notice.bad_param": (
        "链接中的参数 `{key}` 的值 `{value}` 无效，已改用 `{used}`。",
        "The link's value `{value}` for `{key}` is not valid; `{used}` is used instead.",
    ),
    "notice.rebuilt.missing": (
        "未找到数据库文件，已从数据源重新构建。",
        "The database file was missing; it has been rebuilt from its sources.",
    ),
    "notice.rebuilt.stale": (
        "数据库文件与数据源不一致，已重新构建。",
        "The database file did not match its sources; it has been rebuilt.",
    ),
    "notice.rebuilt.unreadable": (
        "数据库文件无法读取，已从数据源重新构建。",
        "The database file could not be read; it has been rebuilt from its sources.",
    ),
    "error.data": (
        "无法加载数据：{detail}。请检查 data/ 目录下的源文件，然后运行 `python -m explorer.build`。",
        "The data could not be loaded: {detail}. Check the source files under data/ and run "
        "`python -m explorer.build`.",
    ),
    # Figures: qualifiers, kinds, common words
    "qualifier.exact": ("确数", "exact"),
    "qualifier.approx": ("约/近", "approximately"),
    "qualifier.more_than": ("超过", "more than"),
    "qualifier.less_than": ("不足", "less than"),
    "qualifier.at_least": ("不低于", "at least"),
    "qualifier.range": ("区间", "range"),
    "qualifier.as_printed": ("按原文", "as printed"),
    "kind.status": ("现状", "status"),
    "kind.bottleneck": ("瓶颈", "bottleneck"),
    "kind.target": ("目标", "target"),
    "kind.rank": ("排名", "rank"),
    "word.source": ("出处", "Source"),
    "word.section": ("章节", "Section"),
    "word.year": ("年份", "Year"),
    "word.no_year": ("未注明年份", "no year given"),
    "word.ref": ("文献 [{ref}]", "reference [{ref}]"),
    "word.chart": ("图表", "Chart"),
    "word.table": ("表格", "Table"),
    "word.note": ("注", "Note"),
    "word.open_in_figures": ("在数据点页中查看", "Open in Figures"),
    "word.paper_sentence": ("论文原句", "The paper's sentence"),
    # Overview
    "overview.title": ("深圳数字经济概览", "Shenzhen's digital economy at a glance"),
    "overview.intro": (
        "本页数字全部来自严红梅（2024）的论文；每个数字都可以展开查看原句和所在章节。",
        "Every number on this page comes from Yan Hongmei's 2024 paper; open any card to read the sentence "
        "and section it came from.",
    ),
    "overview.headline": ("主要数字", "Headline figures"),
    "overview.funnel.title": ("中小企业数字化漏斗", "The SME digitalisation funnel"),
    "overview.funnel.caption": (
        "论文给出的中小企业比例（%）。前两项为“超过”，后三项为“约”；各项出自不同表述，并非严格的同一样本漏斗。",
        "Shares of SMEs given in the paper (%). The first two are “more than”, the last three “about”; they "
        "come from different sentences and are not a strict single-sample funnel.",
    ),
    "overview.funnel.axis": ("中小企业占比（%）", "Share of SMEs (%)"),
    "overview.sections.title": ("按章节统计的数字", "Figures by section of the paper"),
    "overview.sections.axis": ("数字个数", "Number of figures"),
    "overview.kinds.caption": (
        "论文共含 {total} 个数字：现状 {status}、瓶颈 {bottleneck}、目标 {target}、排名 {rank}。",
        "The paper holds {total} figures: {status} status, {bottleneck} bottleneck, {target} target and "
        "{rank} rank figures.",
    ),
    # Figures page
    "figures.title": ("论文中的全部数字", "Every figure in the paper"),
    "figures.intro": (
        "按章节、类型、限定词或关键词筛选（中英文均可）；筛选条件保存在链接中。选中一行即可在原文段落中查看该句。",
        "Filter by section, kind, qualifier or a word in either language; the filters live in the link. "
        "Select a row to read its sentence in its paragraph.",
    ),
    "figures.filter.section": ("章节", "Section"),
    "figures.filter.kind": ("类型", "Kind"),
    "figures.filter.qualifier": ("限定词", "Qualifier"),
    "figures.filter.text": ("关键词", "Search"),
    "figures.filter.text_placeholder": ("例如：5G、机柜、rack", "e.g. 5G, racks, PUE"),
    "figures.count": ("共 {shown} / {total} 个数字", "{shown} of {total} figures"),
    "figures.none": ("没有符合条件的数字。", "No figure matches these filters."),
    "figures.download": ("下载 CSV（含原句）", "Download CSV (with sentences)"),
    "figures.selected": ("所选数字", "Selected figure"),
    "figures.select_hint": ("在表格中选择一行以查看原文。", "Select a row in the table to see it in the paper."),
    "figures.paper.title": ("论文全文（数字已高亮）", "The whole paper (figures highlighted)"),
    "figures.paper.note": (
        "论文原文为中文。高亮处为数据库中的数字所在句子。",
        "The paper is in Chinese. Highlighted passages are the sentences behind the figures in the database.",
    ),
    "col.id": ("编号", "ID"),
    "col.section": ("章节", "Section"),
    "col.kind": ("类型", "Kind"),
    "col.metric": ("指标", "Metric"),
    "col.value": ("数值", "Value"),
    "col.unit": ("单位", "Unit"),
    "col.qualifier": ("限定词", "Qualifier"),
    "col.year": ("年份", "Year"),
    "col.quote": ("原句", "Sentence"),
    "col.note": ("说明（英文）", "Note"),
}


def t(key: str, lang: str, **values: object) -> str:
    """Return the string for `key` in `lang` (zh or en), formatted with `values`."""
    text = STRINGS[key][LANGS.index(lang)]
    return text.format(**values) if values else text
