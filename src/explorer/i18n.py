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
    # Targets tracker
    "targets.title": (
        "目标追踪：论文提出的目标与已公布的进展",
        "Targets tracker: the paper's targets and their published status",
    ),
    "targets.intro": (
        "论文中的每一项目标，按原文限定方式列出；有公开来源（附原文引述）时给出最新进展及完成情况，"
        "没有来源时标为“暂无公开进展”。本应用从不估算缺失的数值。",
        "Every target in the paper, qualified as the paper states it. Where a public source (with a verbatim "
        "quote) reports where Shenzhen stands, the latest status and the progress are shown; otherwise the "
        "target says “no status published”. The app never estimates a missing value.",
    ),
    "targets.filter.section": ("章节", "Section"),
    "targets.filter.show": ("显示", "Show"),
    "targets.show.all": ("全部目标", "All targets"),
    "targets.show.with_status": ("有公开进展", "With a published status"),
    "targets.show.without_status": ("暂无公开进展", "Without a published status"),
    "targets.summary": (
        "显示 {shown} 项目标（共 {total} 项）：其中 {with_status} 项有公开的最新进展，{met} 项已达标。",
        "{shown} targets shown (of {total}): {with_status} with a published status, {met} met.",
    ),
    "targets.none": ("没有符合筛选条件的目标。", "No target matches these filters."),
    "targets.status": ("最新进展", "Latest status"),
    "targets.status.none": ("暂无公开进展", "no status published"),
    "targets.status.none_help": (
        "未找到附原文引述的公开来源，因此不显示进展；本应用不作估算。",
        "No public source with a verbatim quote was found, so no status is shown; the app does not estimate.",
    ),
    "targets.status.as_of": ("截至 {as_of}", "as of {as_of}"),
    "targets.status.source": ("进展数据的出处", "Where the status comes from"),
    "targets.status.definition": ("统计口径（英文）：{text}", "What was counted: {text}"),
    "targets.status.meta": (
        "{grade} · 截至 {as_of} · 访问日期 {accessed}",
        "{grade} · as of {as_of} · accessed {accessed}",
    ),
    "targets.status.earlier": ("较早的进展数据", "Earlier statuses"),
    "targets.year": ("目标年份 {year}", "target year {year}"),
    "targets.progress.floor": ("完成 {pct}", "{pct} of the target"),
    "targets.progress.exceeded": ("已超过目标：达到目标的 {pct}", "Target exceeded: {pct} of the target"),
    "targets.progress.lower_bound": (
        "区间目标（{range}），按下限 {low} 计算进度。",
        "A range target ({range}); progress is measured against its lower bound, {low}.",
    ),
    "targets.progress.open_status": (
        "进展数据本身是“超过”某数，因此完成比例是下限。",
        "The status is itself a “more than” figure, so the share of the target is a lower bound.",
    ),
    "targets.ceiling.met": (
        "上限目标：已达到（{status}，低于上限 {cap}）。上限目标不计算百分比。",
        "A ceiling: met ({status} is below the cap of {cap}). A ceiling has no percentage.",
    ),
    "targets.ceiling.not_met": (
        "上限目标：未达到（{status}，比上限 {cap} 高 {gap}）。上限目标不计算百分比。",
        "A ceiling: not met ({status} is {gap} above the cap of {cap}). A ceiling has no percentage.",
    ),
    "targets.ceiling.unknown": (
        "上限目标：现有数据无法判断是否达到（{status}，上限 {cap}）。",
        "A ceiling: the data cannot tell whether it is met ({status} against a cap of {cap}).",
    ),
    "targets.ceiling.none": (
        "上限目标（数值越低越好）：有进展数据时只显示“已达到/未达到”及与上限的差距，不显示百分比。",
        "A ceiling (lower is better): with a status it is shown as met or not met and the distance to the cap, "
        "never as a percentage.",
    ),
    "targets.unclear": (
        "目标按原文照录（{value}），数值存疑，因此不计算进度。",
        "The target is kept as printed ({value}) and looks doubtful, so no progress is computed.",
    ),
    "targets.met.true": ("已达标", "met"),
    "targets.met.false": ("未达标", "not met"),
    "targets.met.unknown": ("无法判断", "cannot tell"),
    "targets.link.scenarios": ("在政策情景中设为论文值", "Set this lever in Scenarios"),
    "targets.link.scenarios_racks": ("在政策情景中查看机柜杠杆", "See the racks lever in Scenarios"),
    "targets.link.racks_note": (
        "论文的 2.1 万个标准机柜是存量目标，不是每年新增的配额，因此链接不预设机柜杠杆的值。",
        "The paper's 21,000 racks is a stock, not an annual quota, so the link leaves the racks lever as it is.",
    ),
    "targets.table.title": ("表格视图与下载", "Table view and download"),
    "targets.col.target": ("目标", "Target"),
    "targets.col.status": ("最新进展", "Latest status"),
    "targets.col.as_of": ("截至", "As of"),
    "targets.col.progress": ("进度", "Progress"),
    "targets.col.met": ("是否达标", "Met"),
    "targets.download": ("下载目标与进展（CSV）", "Download targets and statuses (CSV)"),
    "targets.method": (
        "进度的算法：下限类目标（“达到”“以上”“不低于”“突破”）进度 = 最新进展 ÷ 目标，进度条最多显示到 100%，"
        "超过时注明；区间目标按下限计算；上限类目标（“小于”“以下”）只判断是否达到并给出与上限的差距。"
        "进展数据与目标使用同一单位；口径不同之处在每条出处中说明。",
        "How progress is computed: for a floor (reach, more than, at least) progress = latest status ÷ target; the "
        "bar stops at 100 % and says when the target is exceeded; a range target is measured against its lower "
        "bound; a ceiling (less than) is only met or not met, with the distance to the cap. Each status is in the "
        "target's own unit; any difference in scope is stated with its source.",
    ),
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
    # Bottlenecks
    "bottlenecks.title": ("深圳数字经济的五大瓶颈", "Five bottlenecks of Shenzhen's digital economy"),
    "bottlenecks.intro": (
        "论文第二部分列出的五个主要瓶颈（2.1–2.5）。每个瓶颈附有本站撰写、忠实于原文的简要概述，论文中的数字及其原句"
        "，以及论文针对它提出的对策。",
        "The five main bottlenecks of the paper's part 2 (sections 2.1–2.5). Each comes with a short summary written "
        "for this site and faithful to the paper, the paper's figures with their sentences, and the measures the "
        "paper proposes against it.",
    ),
    "bottlenecks.select": ("瓶颈", "Bottleneck"),
    "bottlenecks.all": ("全部五个瓶颈", "All five bottlenecks"),
    "bottlenecks.summary.2.1": (
        "论文认为，美国掌握数字经济核心硬件和网络资源的绝对控制权，未来可能加大对中国的科技打压。操作系统、数据库等基"
        "础软件被微软、谷歌、苹果、甲骨文等美国企业垄断，操作系统国产化率不足 5%；数据库、中间件、工业软件、核心硬件"
        "等方面也受制于人。若不改变这一现状，数字经济产业布局将存在较大隐患。",
        "The paper argues that the United States holds absolute control over the digital economy's core hardware and "
        "network resources and may step up technology pressure on China. Base software such as operating systems and "
        "databases is monopolised by US firms (Microsoft, Google, Apple, Oracle); less than 5 % of operating systems "
        "are domestic, and databases, middleware, industrial software and core hardware are also controlled by "
        "others. Unless this changes, the layout of the digital industries carries a serious hidden risk.",
    ),
    "bottlenecks.summary.2.2": (
        "算力是数字经济新业态、新模式的重要支撑，但存在两方面问题。一方面，企业算法开发严重依赖国外深度学习开源框架（"
        "如商汤使用 PyTorch），而 GitHub 上的开源代码受美国出口管制和司法管辖限制。另一方面，深圳新建数据中心受严格限"
        "制而需求旺盛：广东省 2023–2025 年要求上架率超过 70%、确保能耗强度下降等条件满足后才考虑新建或扩建，新项目难"
        "获节能审查批复。现有公共机构机房投用时间长（一半以上超过 5 年，16% 超过 15 年），且有供配电无冗余、设在地下"
        "室最底层等问题；广东电价高于中西部，电力成本最高占数据中心长期运营成本的 60%。",
        "Computing power underpins new digital business models, but the paper sees two problems. First, firms' "
        "algorithm development relies heavily on foreign deep-learning open-source frameworks (SenseTime uses "
        "PyTorch), and code hosted on GitHub falls under US export control and jurisdiction. Second, new data "
        "centres in Shenzhen are tightly restricted while demand is very strong: for 2023–2025 Guangdong considers "
        "new or expanded data centres only once rack utilisation exceeds 70 % and energy-intensity targets are met, "
        "so new projects struggle to pass energy review. Existing public-institution machine rooms are old (more "
        "than half in use for over 5 years, 16 % for over 15), some without redundant power or sited in the lowest "
        "basement; and Guangdong's power is dearer than in central and western China, making up as much as 60 % of a "
        "data centre's long-run running cost.",
    ),
    "bottlenecks.summary.2.3": (
        "数实融合成效显著，但仍有较大改进空间。一是企业“不想转”“不敢转”“不会转”：约 30% 的中小企业参与数字化转型，约 "
        "20% 真正发挥了数字化设备的作用，约 10% 真正实施了有效的数字化安全管理；部分企业觉得数字技术高不可攀、对数字"
        "化工厂心存疑虑或资金不足。二是为制造业提供生产性服务的平台企业仍然不够，尽管已有平台和企业入选工信部多项试点"
        "示范，并培育出 5 家双跨平台。",
        "Digital–real integration has made real progress but has far to go. First, firms 'don't want to, dare not, "
        "or don't know how to' transform: about 30 % of SMEs take part in digital transformation, about 20 % of "
        "firms really get value from digital equipment, and about 10 % take effective digital-security measures; "
        "some find digital technology out of reach, doubt digital factories or lack the money. Second, there are "
        "still too few platform firms providing production services to manufacturing, even though several platforms "
        "and firms are on MIIT pilot lists and 5 cross-industry platforms have been built.",
    ),
    "bottlenecks.summary.2.4": (
        "数据要素市场处于培育初期，深圳在培育机制和资源设施方面仍滞后于北京、上海等地，体现在四方面：市场培育力度不够"
        "、公共数据开发管理滞后、数据跨境流通不畅、国家级资源对接力度不够。论文对这一瓶颈没有给出数字。",
        "The data-factor market is at an early stage, and Shenzhen's cultivation mechanisms and facilities still lag "
        "behind Beijing and Shanghai in four ways: weak market support, lagging public-data management, poor "
        "cross-border data flow and weak ties with national-level resources. The paper gives no number for this "
        "bottleneck.",
    ),
    "bottlenecks.summary.2.5": (
        "随着数字经济与实体经济融合，高素质人才结构性短缺已成为关键瓶颈。深圳大多数人才分布在传统领域，既懂传统产业、"
        "又能在细分领域应用新一代信息技术的跨界人才严重缺乏。企业反映数字人才招聘难、流动性强；某软件公司高薪急招算法"
        "、C++ 开发工程师 51 名，短时间内难以招到。企业还缺少复合型人才储备和提升平台。",
        "As the digital economy merges with the manufacturing-based real economy, a structural shortage of "
        "high-quality talent has become a key constraint. Most of Shenzhen's talent works in traditional fields; "
        "cross-disciplinary people who know a traditional industry and can apply new information technology in it "
        "are badly lacking. Firms report that digital talent is hard to hire and quick to leave; one software "
        "company urgently seeking 51 algorithm and C++ engineers at high pay could not fill the posts quickly. Firms "
        "also lack reserves of such talent and platforms to train it.",
    ),
    "bottlenecks.figures": ("论文中的数字", "Figures in the paper"),
    "bottlenecks.no_figures": ("论文在本节没有给出数字。", "No figure in the paper for this section."),
    "bottlenecks.addressed_by": ("论文提出的对策：{measures}", "Measures the paper proposes against it: {measures}"),
    "bottlenecks.link.recs": ("针对 {code} 的对策", "Measures against {code}"),
    "bottlenecks.link.figures": ("在数据点页查看第 {code} 节的数字", "Figures of section {code}"),
    "bottlenecks.os.title": (
        "操作系统国产化率：论文只给出上限（不足 5%）",
        "Operating-system localisation: the paper gives only an upper bound (< 5 %)",
    ),
    "bottlenecks.os.band": ("国产：0–5% 之间的某处（不足 5%）", "Domestic: somewhere in 0–5 % (< 5 %)"),
    "bottlenecks.os.rest": ("非国产：超过 95%（由“不足 5%”推得）", "Not domestic: > 95 % (implied by < 5 %)"),
    "bottlenecks.os.axis": ("操作系统（%）", "Operating systems (%)"),
    "bottlenecks.os.segment": ("部分", "Part"),
    "bottlenecks.os.caption": (
        "虚线框是论文允许的范围（0 到 5% 之间），不是测得的数值；论文没有给出确切值。",
        "The dashed band is the range the paper allows (anywhere from 0 to 5 %), not a measured value; the paper "
        "gives no exact figure.",
    ),
    "bottlenecks.compute.title": ("算力瓶颈中的比例", "The shares behind the compute bottleneck"),
    "bottlenecks.compute.axis": ("百分比（%）", "Percent (%)"),
    "bottlenecks.compute.group": ("口径", "What it measures"),
    "bottlenecks.compute.group.rooms": (
        "公共机构机房（占机房数）",
        "Public-institution machine rooms (share of rooms)",
    ),
    "bottlenecks.compute.group.power": (
        "电力成本（占数据中心长期运营成本，最高）",
        "Power cost (share of a data centre's long-run running cost, at most)",
    ),
    "bottlenecks.compute.group.gate": (
        "广东新建/扩建门槛（上架率，是规则不是实测）",
        "Guangdong gate for new or expanded data centres (utilisation; a rule, not a measurement)",
    ),
    "bottlenecks.compute.caption": (
        "各条的分母不同，彼此不能比较。虚线表示论文只给出下限（“超过”）：真实值（对广东门槛而言，是所要求的上架率）落"
        "在虚线范围内的某处。",
        "The bars have different denominators and cannot be compared with each other. A dashed line means the paper "
        "gives only a lower bound (“more than”): the true value — for the Guangdong gate, the utilisation required — "
        "lies somewhere along it.",
    ),
    "bottlenecks.sme.title": (
        "中小企业数字化：出自两段不同原文的比例",
        "SME digitalisation: shares from two different passages",
    ),
    "bottlenecks.sme.axis": ("企业占比（%）", "Share of firms (%)"),
    "bottlenecks.sme.from": ("出自第 {section} 节", "From section {section}"),
    "bottlenecks.sme.legend": ("出处", "Source"),
    "bottlenecks.sme.caption": (
        "“超过 70%”“超过 50%”出自 1.3 节（使用数字化设备、采用云计算等技术），约 30%、20%、10% 出自 2.3 节（参与数字"
        "化转型、真正发挥设备作用、实施有效安全管理）。它们出自不同句子、回答不同问题，不是同一样本的漏斗；论文的参考"
        "文献 [4] 和 [7] 是同一篇报纸文章，两组数字放在一起难以对应。",
        "The > 70 % and > 50 % come from section 1.3 (using digital equipment; adopting cloud, big data or AI), the "
        "≈ 30, 20 and 10 % from section 2.3 (taking part in digital transformation; really using the equipment; "
        "effective security management). They come from different sentences and answer different questions, so they "
        "are not one funnel of one sample; the paper's references [4] and [7] are the same newspaper article, and "
        "the two sets are hard to reconcile.",
    ),
    "bottlenecks.platforms.title": ("入选工信部各类名单的深圳平台和企业", "Shenzhen platforms and firms on MIIT lists"),
    "bottlenecks.platforms.axis": ("个数", "Count"),
    "bottlenecks.platforms.caption": (
        "四个数字来自工信部的不同名单，可能互有重叠，不宜相加。论文的观点是：尽管有这些进展，为制造业提供生产性服务的"
        "平台企业仍然不够。",
        "The four counts come from different MIIT lists that may overlap; do not add them up. The paper's point is "
        "that, despite them, there are still too few platform firms serving manufacturing.",
    ),
    "bottlenecks.data.points": ("论文列出的四个短板（原文）", "The four gaps the paper lists (in its words)"),
    "bottlenecks.data.point.1": ("短板一：市场培育力度不够", "Gap 1: market cultivation is still too weak"),
    "bottlenecks.data.point.2": (
        "短板二：公共数据开发管理滞后",
        "Gap 2: public-data development and management lag behind",
    ),
    "bottlenecks.data.point.3": ("短板三：数据跨境流通不畅", "Gap 3: cross-border data flow is obstructed"),
    "bottlenecks.data.point.4": (
        "短板四：国家级资源对接力度不够",
        "Gap 4: too little connection with national-level resources",
    ),
    "bottlenecks.data.gloss.1": (
        "与上海相比，深圳尚无专门针对数据要素市场的扶持政策，数据要素产业园较少。",
        "Unlike Shanghai, Shenzhen has no dedicated support policy for the data market, and few data-industry parks.",
    ),
    "bottlenecks.data.gloss.2": (
        "公共数据授权运营机制落后于北京、上海、浙江，缺少规范与引导的制度文件。",
        "Authorised operation of public data lags behind Beijing, Shanghai and Zhejiang; rules to govern it are "
        "missing.",
    ),
    "bottlenecks.data.gloss.3": (
        "没有全业务国际通信出入口局和海底光缆登陆站；政策法规与分类体系不健全，隐私计算等核心技术尚不成熟。",
        "No full-service international gateway exchange or submarine-cable landing station; rules and classification "
        "are incomplete, and core technologies such as privacy computing are immature.",
    ),
    "bottlenecks.data.gloss.4": (
        "北京、上海、浙江在对接国家部委和国家级机构方面获得了较大支持，深圳亟待加强。",
        "Beijing, Shanghai and Zhejiang have won strong support by working with national ministries and "
        "institutions; Shenzhen needs to catch up.",
    ),
    "bottlenecks.talent.caption": (
        "这是论文举出的一家软件公司的例子，不是全市人才缺口的统计。",
        "This is the paper's example of one software company, not a city-wide count of the talent gap.",
    ),
    # Recommendations
    "recommendations.title": ("论文提出的八组对策", "The paper's eight groups of measures"),
    "recommendations.intro": (
        "论文第三部分的对策（3.1–3.8）与第二部分五个瓶颈（2.1–2.5）的对应关系。对应关系由本站依据原文整理，每条都附有"
        "对策章节中的原句和理由：“主要”表示该节直接针对这一瓶颈，“次要”表示部分或间接涉及。",
        "How the measures of the paper's part 3 (3.1–3.8) answer the five bottlenecks of part 2 (2.1–2.5). The "
        "mapping is this site's reading of the text; every link carries the clause of the measure section that "
        "justifies it and a rationale. “Primary” means the section targets that bottleneck directly, “secondary” "
        "that it touches it partly or indirectly.",
    ),
    "recommendations.filter": ("只看针对这些瓶颈的对策", "Show measures for these bottlenecks"),
    "recommendations.filter.placeholder": ("全部瓶颈", "All bottlenecks"),
    "recommendations.count": (
        "显示 {shown} / {total} 组对策；共 {links} 条对应关系（主要 {primary} 条，次要 {secondary} 条）。",
        "{shown} of {total} measure groups shown; {links} links in all ({primary} primary, {secondary} secondary).",
    ),
    "recommendations.heatmap.title": ("对策与瓶颈的对应", "Which measure answers which bottleneck"),
    "recommendations.heatmap.caption": (
        "悬停在格子上可查看对策章节中的原句和理由；表格页列出全部对应关系。选中瓶颈后，其余列变淡。",
        "Hover over a cell for the clause of the measure section and the rationale; the Table tab lists every link. "
        "When bottlenecks are selected, the other columns fade.",
    ),
    "recommendations.strength.primary": ("主要", "primary"),
    "recommendations.strength.secondary": ("次要", "secondary"),
    "recommendations.strength.none": ("无对应", "no link"),
    "recommendations.col.measure": ("对策", "Measure"),
    "recommendations.col.bottleneck": ("瓶颈", "Bottleneck"),
    "recommendations.col.strength": ("强度", "Strength"),
    "recommendations.col.quote": ("对策原句", "Clause of the measure"),
    "recommendations.col.rationale": ("理由", "Rationale"),
    "recommendations.summary.3.1": (
        "做大产业规模：依托重大项目（终端智能制造基地、腾讯“互联网+”未来科技城、美团超级总部等），深化“5G/F5G/IPv6+”"
        "在智能网联汽车、智慧港口、智慧电网、智慧医院中的融合应用，并针对网络直播带货、AR/VR、数字孪生、元宇宙、Web3."
        "0 等平台经济新赛道研究出台产业规划和政策。",
        "Grow the industries: build on major projects (a terminal smart-manufacturing base, Tencent's 'Internet+' "
        "future science city, Meituan's headquarters), deepen 5G/F5G/IPv6+ applications in connected vehicles, smart "
        "ports, grids and hospitals, and draw up plans and policies for new platform-economy tracks such as "
        "live-stream commerce, AR/VR, digital twins, the metaverse and Web3.0.",
    ),
    "recommendations.summary.3.2": (
        "做强创新策源：实施数字科技重大专项，攻关核心芯片、操作系统、数据库、深度学习计算框架、研发设计类工业软件；由"
        "领军企业牵头组建创新联合体；积极承担国家重大科技专项；实施前沿数字技术探索专项（量子信息、类脑计算、6G 等）"
        "，力争到 2025 年立项 50 个以上。",
        "Strengthen the sources of innovation: a major programme on core chips, operating systems, databases, "
        "deep-learning frameworks and industrial design software; innovation consortia led by leading firms; taking "
        "on national science projects; and a frontier programme (quantum information, brain-like computing, 6G) with "
        "more than 50 exploration projects approved by 2025.",
    ),
    "recommendations.summary.3.3": (
        "推动数实融合走向纵深：继续推动制造业数字化转型（智能仓储、在线检测、预测性维护等场景，国家智能制造示范工厂和"
        "“灯塔工厂”），加快工业互联网平台建设，提升金融、商贸、文化产业的数字化水平，引进平台经济企业总部，并对战略性"
        "平台企业实施审慎包容的监管。",
        "Push integration deeper: keep transforming manufacturing (smart warehousing, online inspection, predictive "
        "maintenance; national demonstration and 'lighthouse' factories), build industrial-internet platforms, "
        "digitalise finance, commerce and the cultural industries, attract platform-economy headquarters and "
        "regulate strategic platforms prudently and inclusively.",
    ),
    "recommendations.summary.3.4": (
        "完善数据要素市场：加快公共数据开发利用（制定公共数据开放管理办法，在交通、信用、气象和卫生等领域试点授权运营"
        "），研制数据要素市场培育扶持政策，以深港合作探索数据跨境流通机制，主动对接国家部委和科研院所。本节没有数值目"
        "标。",
        "Improve the data market: open and use public data (rules for opening it; authorised-operation pilots in "
        "transport, credit, weather and health), a support policy for the data market, Shenzhen–Hong Kong pilots for "
        "cross-border data, and closer ties with national ministries and research institutes. No numeric target.",
    ),
    "recommendations.summary.3.5": (
        "优化发展生态：培育开源生态（支持 FISCOBCOS、open island 等具有自主核心技术的开源社区，推进国际开源谷建设），"
        "培育信创应用生态（应用软件向开源鸿蒙、开源欧拉迁移，推广崖山等国产数据库，党政机关、国资国企信创产品采购比例"
        "不低于 40%）。",
        "Improve the ecosystem: foster open-source communities with their own core technology (FISCO BCOS, open "
        "island; an international open-source valley) and the Xinchuang (domestic IT) ecosystem — moving software to "
        "OpenHarmony and openEuler, promoting domestic databases, and at least 40 % Xinchuang products in the "
        "procurement of party, government and state-owned bodies.",
    ),
    "recommendations.summary.3.6": (
        "夯实核心底座：建设大湾区一体化算力调度中心和“深韶新干线”（深数韶算），扩大数据中心机柜规模并降低新建数据中心"
        " PUE；建设千兆光网和 5G 网络；建设多功能智能杆和车联网（C-V2X）路侧设施；并重复了 3.4 节的公共数据开发利用措"
        "施。",
        "Consolidate the core infrastructure: a Greater Bay Area compute-dispatch centre and the Shenzhen–Shaoguan "
        "network (data in Shenzhen, computing in Shaoguan), more data-centre racks and a lower PUE for new data "
        "centres; gigabit fibre and 5G; multi-function smart poles and C-V2X roadside units; and, repeated from 3.4, "
        "the public-data measures.",
    ),
    "recommendations.summary.3.7": (
        "人才引育：对从市外引进数字人才给予补贴，发放稳岗补贴并在住房、子女教育、医疗等方面提供保障；推动高校开设数字"
        "经济相关学科专业；建立“数字工匠”培育库、数字经济产业学院和实习实训基地；布局 AI 大模型应用人才培养。本节没有"
        "数值目标。",
        "Talent: subsidise bringing digital talent from outside the city, pay retention subsidies and provide "
        "housing, schooling and health care; have universities open digital-economy programmes; build a 'digital "
        "craftsmen' pool, industry colleges and training bases; and train people for AI large-model applications. No "
        "numeric target.",
    ),
    "recommendations.summary.3.8": (
        "拓展国际合作：布局海外仓和物流网络，建设跨境贸易大数据平台；深化与新加坡的智慧城市合作（含跨境数据互通）；出"
        "台 RCEP 出口退税和补贴方案；招引基础软件、工业软件领域的国际巨头和 500 强企业总部；推动国际产业与标准组织落"
        "地。",
        "Expand international cooperation: overseas warehouses and logistics, cross-border trade data platforms; "
        "smart-city cooperation with Singapore (including cross-border data exchange); RCEP export rebates and "
        "subsidies; attracting international leaders in base and industrial software and Fortune 500 headquarters; "
        "hosting international industry and standards bodies.",
    ),
    "recommendations.addresses": ("针对的瓶颈", "Bottlenecks addressed"),
    "recommendations.open_bottleneck": ("查看瓶颈 {code}", "See bottleneck {code}"),
    "recommendations.targets": ("本节的数值目标", "Numeric targets in this section"),
    "recommendations.no_targets": ("本节没有数值目标。", "This section sets no numeric target."),
    "recommendations.levers": ("情景模型中的对应杠杆", "Matching levers in the scenario model"),
    "recommendations.lever.no_value": (
        "论文未给出数值，保持模型默认值",
        "no number in the paper; the model's default is kept",
    ),
    "recommendations.lever.dc_racks": ("每年批准新增机架", "Racks approved per year"),
    "recommendations.lever.dc_pue": ("新建数据中心 PUE", "PUE of new data centres"),
    "recommendations.lever.dc_util_gate": ("新建数据中心的上架率门槛", "Utilisation gate for new data centres"),
    "recommendations.lever.xc_share": ("信创产品采购比例（%）", "Xinchuang procurement share (%)"),
    "recommendations.lever.talent_subsidy": ("人才补贴", "Talent subsidy"),
    "recommendations.lever.talent_quota": ("人才引进名额", "Talent recruitment quota"),
    "recommendations.open_scenarios": ("在政策情景中用这些杠杆打开", "Open in Scenarios with these levers"),
    "recommendations.open_scenarios.defaults": (
        "打开政策情景（论文未给出数值，使用默认值）",
        "Open in Scenarios (no number in the paper; defaults)",
    ),
    "recommendations.none": ("没有对策针对所选瓶颈。", "No measure addresses the selected bottlenecks."),
    # Benchmarks
    "city.beijing": ("北京", "Beijing"),
    "city.shanghai": ("上海", "Shanghai"),
    "city.shenzhen": ("深圳", "Shenzhen"),
    "grade.official": ("官方", "official"),
    "grade.secondary": ("二手", "secondary"),
    "status.observed": ("实际值", "observed"),
    "status.target": ("目标值", "target"),
    "unit.100m_yuan": ("亿元", "100 million yuan"),
    "unit.pct": ("%", "%"),
    "unit.count": ("个", "count"),
    "unit.per_10k_people": ("每万人", "per 10,000 people"),
    "unit.eflops": ("EFLOPS", "EFLOPS"),
    "unit.racks": ("标准机架", "standard racks"),
    "unit.ratio": ("比值", "ratio"),
    "unit.yuan": ("元", "yuan"),
    "param_unit.%": ("%", "%"),
    "param_unit.%/年": ("%/年", "% per year"),
    "param_unit.百分点/年": ("百分点/年", "percentage points per year"),
    "param_unit.比值": ("比值", "ratio"),
    "param_unit.倍": ("倍", "times"),
    "param_unit.年": ("年", "years"),
    "param_unit.人": ("人", "people"),
    "param_unit.亿元": ("亿元", "100 million yuan"),
    "param_unit.元/kWh": ("元/kWh", "yuan per kWh"),
    "param_unit.元/人·年": ("元/人·年", "yuan per person per year"),
    "param_unit.万元/人·年": ("万元/人·年", "10,000 yuan per person per year"),
    "param_unit.kW": ("kW", "kW"),
    "param_unit.TFLOPS": ("TFLOPS", "TFLOPS"),
    "param_unit.标准机架": ("标准机架", "standard racks"),
    "benchmarks.title": ("北京、上海、深圳对标", "Beijing, Shanghai and Shenzhen compared"),
    "benchmarks.intro": (
        "每个数值都注明出处、原文引语和等级（官方 / 二手）。定义不同的数据分组显示，绝不混在一起比较；"
        "没有公开数据的城市标为“未找到公开数据”，不作估算。",
        "Every value carries its source, a verbatim quote and a grade (official / secondary). Figures defined "
        "differently are charted apart, never mixed; a city with no published figure is marked as such, never "
        "estimated.",
    ),
    "benchmarks.indicator": ("指标", "Indicator"),
    "benchmarks.group": ("口径：{group}", "Definition group: {group}"),
    "benchmarks.groups_differ": (
        "该指标有 {count} 种不同口径（见下方各组）。不同口径之间不可直接比较。",
        "This indicator comes in {count} different definitions (one chart each below). Values from different "
        "definitions are not comparable.",
    ),
    "benchmarks.missing": ("未找到公开数据：{cities}", "No published figure found: {cities}"),
    "benchmarks.all_cities": ("三城市均有该口径的数据。", "All three cities have figures under this definition."),
    "benchmarks.axis.year": ("年份", "Year"),
    "benchmarks.legend.grade": ("等级（实心 = 官方，空心 = 二手）", "Grade (filled = official, hollow = secondary)"),
    "benchmarks.legend.status": ("类型", "Kind"),
    "benchmarks.paper_qualifier": (
        "深圳部分数值取自论文，带有原文限定词（如“近”“超过”）。",
        "Some Shenzhen values come from the paper and keep its qualifier (e.g. “nearly”, “more than”).",
    ),
    "benchmarks.download": ("下载本指标数据（含出处）CSV", "Download this indicator with its sources (CSV)"),
    "benchmarks.download_all": ("下载全部对标数据（含出处）CSV", "Download every benchmark with its sources (CSV)"),
    "benchmarks.peers.title": ("深圳与同行城市：最新可比数值", "Shenzhen against its peers: latest comparable values"),
    "benchmarks.peers.caption": (
        "每个指标取三城市在同一口径下都有数据的最近年份，以深圳 = 100 表示。悬停可查看原始数值和出处。",
        "For each indicator, the latest year in which all three cities have a figure under one definition, "
        "indexed to Shenzhen = 100. Hover for the actual values and sources.",
    ),
    "benchmarks.peers.axis": ("相对深圳（深圳 = 100）", "Relative to Shenzhen (Shenzhen = 100)"),
    "benchmarks.peers.none": ("没有三城市可比的指标。", "No indicator is comparable across all three cities."),
    "col.city": ("城市", "City"),
    "col.definition": ("口径说明", "Definition"),
    "col.group": ("口径组", "Definition group"),
    "col.status": ("类型", "Kind"),
    "col.grade": ("等级", "Grade"),
    "col.source": ("出处", "Source"),
    "col.source_url": ("链接", "Link"),
    "col.accessed": ("访问日期", "Accessed"),
    "col.indicator": ("指标", "Indicator"),
    "col.index": ("指数（深圳 = 100）", "Index (Shenzhen = 100)"),
    # Data page
    "data.title": ("数据：浏览、查询、下载、引用", "Data: browse, query, download, cite"),
    "data.intro": (
        "本应用的全部数据都在这里：逐表浏览与筛选、用只读 SQL 自行查询、下载 CSV / Parquet / DuckDB 文件，"
        "并按下方格式引用论文与本应用。筛选条件和查询语句都保存在链接中。",
        "All of the app's data is here: browse and filter every table, query it yourself in read-only SQL, "
        "download CSV, Parquet or the DuckDB file, and cite the paper and this app. Filters and queries live "
        "in the link.",
    ),
    "data.meta.schema": ("数据库结构版本", "Schema version"),
    "data.meta.version": ("数据版本", "Data version"),
    "data.meta.version_help": (
        "数据源（各 CSV 文件与论文全文）内容哈希的前 12 位。完整哈希：{hash}",
        "The first 12 characters of the content hash of the sources (the CSV files and the paper's text). "
        "Full hash: {hash}",
    ),
    "data.meta.tables": ("公开表", "Public tables"),
    "data.meta.rows": ("总行数", "Rows in all"),
    "data.tab.browse": ("浏览数据表", "Browse tables"),
    "data.tab.sql": ("SQL 查询", "SQL console"),
    "data.tab.downloads": ("下载", "Downloads"),
    "data.tab.cite": ("如何引用", "How to cite"),
    "data.table.label": ("数据表", "Table"),
    "data.table.no_desc": ("（暂无说明）此表的列见下方表格。", "(No description yet.) Its columns are shown below."),
    "data.table.figures": ("论文数字", "Paper figures"),
    "data.table.figures.desc": (
        "论文中的每一个数字：所在章节、类型（现状/瓶颈/目标/排名）、数值与单位、限定词（约、超过……）、年份，以及原句。",
        "Every number in the paper: its section, kind (status, bottleneck, target, rank), value and unit, "
        "qualifier (about, more than, ...), year and the sentence it comes from (in Chinese).",
    ),
    "data.table.paper_sections": ("论文章节", "Paper sections"),
    "data.table.paper_sections.desc": (
        "论文的章节编号、中英文标题与中文正文（经 OCR 识别）。",
        "The paper's sections: number, title in Chinese and English, and the Chinese text (from OCR).",
    ),
    "data.table.benchmarks": ("城市对标数据", "City benchmarks"),
    "data.table.benchmarks.desc": (
        "北京、上海、深圳的对标数据：年份、指标、数值、口径、观测值或目标，以及出处标题、链接、原文引语、"
        "等级（官方/二手）和访问日期。深圳引自论文的行，数值为空并以 figure_id 指向论文数字。",
        "Beijing, Shanghai and Shenzhen benchmarks: year, indicator, value, definition, observed or target, and "
        "the source's title, URL, quote, grade (official / secondary) and access date. Shenzhen rows taken "
        "from the paper leave value empty and point to the paper figure through figure_id.",
    ),
    "data.table.indicators": ("指标", "Indicators"),
    "data.table.indicators.desc": (
        "对标数据所用的指标：代码、中英文名称、单位、说明，以及数值越高是否越好。",
        "The indicators used by the benchmarks: code, name in Chinese and English, unit, description, and "
        "whether higher is better.",
    ),
    "data.table.parameters": ("情景模型参数", "Scenario-model parameters"),
    "data.table.parameters.desc": (
        "情景模型的参数：低/中/高取值、单位、等级（官方、二手、推算、假设），以及出处或假设理由。",
        "The scenario model's parameters: low, central and high values, unit, grade (official, secondary, "
        "derived, assumption) and the source or the rationale of an assumption.",
    ),
    "data.table.recommendations": ("对策与瓶颈", "Recommendations and bottlenecks"),
    "data.table.recommendations.desc": (
        "论文第三部分的每组对策（3.x）针对第二部分的哪个瓶颈（2.x），以及说明这一点的原文。",
        "Which measure group of part 3 (3.x) answers which bottleneck of part 2 (2.x), with the clause that says so.",
    ),
    "data.table.measure_levers": ("对策与情景杠杆", "Measures and scenario levers"),
    "data.table.measure_levers.desc": (
        "每组对策对应的情景模型杠杆及论文给出的数值（论文未给数字时为空）。",
        "The scenario-model levers each measure group speaks to, with the number the paper gives (empty where "
        "it gives none).",
    ),
    "data.table.target_status": ("目标进展", "Target status"),
    "data.table.target_status.desc": (
        "论文中各项目标的最新进展：对应的论文数字（figure_id）、截至日期、数值与限定词、口径，以及出处、等级和访问日期。",
        "The latest sourced status of the paper's targets: the paper figure (figure_id), the date it refers to, "
        "value and qualifier, definition, and the source, grade and access date.",
    ),
    "data.table.meta": ("构建信息", "Build metadata"),
    "data.table.meta.desc": (
        "数据库文件的构建信息：结构版本（schema_version）与数据源内容哈希（content_hash）。",
        "How the database file was built: the schema version and the sources' content hash.",
    ),
    "data.filter.text": ("关键词（所有文本列）", "Search (every text column)"),
    "data.filter.any": ("全部", "All"),
    "data.filter.text_placeholder": ("例如：深圳、official、2025", "e.g. Shenzhen, official, 2025"),
    "data.value.grade.derived": ("推算", "derived"),
    "data.value.grade.assumption": ("假设", "assumption"),
    "data.count": ("共 {total} 行，显示 {shown} 行", "{shown} of {total} rows"),
    "data.none": ("没有符合条件的行。", "No row matches these filters."),
    "data.download.view": ("下载当前视图（CSV）", "Download this view (CSV)"),
    "data.download.table": ("下载整张表（CSV）", "Download the whole table (CSV)"),
    "data.download.file": ("文件：{file}", "File: {file}"),
    "data.downloads.intro": (
        "CSV 文件为 UTF-8 编码（带 BOM，Excel 可直接打开中文）。Parquet 与 DuckDB 文件保留列类型。",
        "CSV files are UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. Parquet and "
        "DuckDB keep the column types.",
    ),
    "data.downloads.csv": ("逐表下载 CSV", "Each table as CSV"),
    "data.downloads.bulk": ("全部数据", "Everything at once"),
    "data.downloads.parquet": ("全部表（Parquet，zip）", "Every table (Parquet, zip)"),
    "data.downloads.duckdb": ("DuckDB 数据库文件", "The DuckDB database file"),
    "data.downloads.duckdb_note": (
        "DuckDB 文件可用 DuckDB 命令行或 Python 打开，例如：",
        "Open the DuckDB file with the DuckDB command line or Python, for example:",
    ),
    "sql.intro": (
        "在本应用的数据上运行一条只读 SQL 查询（DuckDB 语法，SELECT 或 WITH 开头）。查询在沙盒中运行："
        "不能写入、不能读取文件或网络；最多返回 {rows} 行，超过 {seconds} 秒即停止。查询语句保存在链接中，可分享。",
        "Run one read-only SQL query (DuckDB dialect, starting with SELECT or WITH) on the app's data. It runs "
        "in a sandbox: no writes, no file or network access; at most {rows} rows come back, and it is stopped "
        "after {seconds} s. The query lives in the link, so it can be shared.",
    ),
    "sql.label": ("SQL 查询语句", "SQL query"),
    "sql.placeholder": (
        "例如：SELECT kind, count(*) FROM figures GROUP BY kind",
        "e.g. SELECT kind, count(*) FROM figures GROUP BY kind",
    ),
    "sql.help": (
        "Ctrl+Enter 或点击“运行”执行。可查询的表：{tables}",
        "Press Ctrl+Enter or click Run. Tables you can query: {tables}",
    ),
    "sql.run": ("运行", "Run"),
    "sql.sample.label": ("示例查询", "Sample queries"),
    "sql.sample.placeholder": ("选择一个示例填入查询框", "Pick a sample to load it into the editor"),
    "sql.sample.figures_by_kind": ("论文数字按类型计数", "Paper figures by kind"),
    "sql.sample.targets_2025": ("论文中 2025 年的目标", "The paper's targets for 2025"),
    "sql.sample.benchmarks_sources": ("对标数据及其出处", "Benchmarks with their sources"),
    "sql.sample.gdp_sz_bj": ("深圳与北京 GDP 对比", "Shenzhen vs Beijing GDP"),
    "sql.sample.assumptions": ("属于假设的模型参数", "Model parameters that are assumptions"),
    "sql.schema": ("表与列", "Tables and columns"),
    "sql.hint": ("写一条查询或选择一个示例，然后点击“运行”。", "Write a query or pick a sample, then click Run."),
    "sql.rows": ("查询返回 {rows} 行。", "The query returned {rows} rows."),
    "sql.truncated": (
        "结果超过 {rows} 行，只显示前 {rows} 行。请加上 LIMIT / WHERE 缩小范围，或下载整张表。",
        "The result has more than {rows} rows; only the first {rows} are shown. Narrow it with WHERE or LIMIT, "
        "or download the whole table.",
    ),
    "sql.download": ("下载查询结果（CSV）", "Download the result (CSV)"),
    "sql.refused.empty": (
        "查询框是空的：请先写一条查询或选择一个示例。",
        "The editor is empty: write a query or pick a sample first.",
    ),
    "sql.refused.syntax": ("无法解析这条 SQL：{detail}", "This SQL could not be parsed: {detail}"),
    "sql.refused.one_statement": (
        "每次只能运行一条语句：请删除分号后的其他语句。",
        "Only one statement can run at a time: remove the statements after the semicolon.",
    ),
    "sql.refused.select_only": (
        "只允许读取数据的查询（SELECT 或 WITH）；这是一条 {detail} 语句，未运行。",
        "Only queries that read data (SELECT or WITH) are allowed; this is a {detail} statement and was not run.",
    ),
    "sql.refused.timeout": (
        "查询运行超过 {detail}，已停止。请缩小查询范围后重试。",
        "The query ran longer than {detail} and was stopped. Narrow it down and try again.",
    ),
    "sql.refused.error": ("DuckDB 无法执行这条查询：{detail}", "DuckDB could not run this query: {detail}"),
    "sql.refused.unknown_table": ("没有名为 {detail} 的公开表。", "There is no public table named {detail}."),
    "sql.refused.too_large": (
        "查询结果过大（{detail}），未显示。请减少列或行。",
        "The result is too large ({detail}) and is not shown. Select fewer columns or rows.",
    ),
    "cite.intro": (
        "引用数字时请同时引用论文；引用本应用时请注明数据版本和访问日期，以便他人复现同一份数据。",
        "When you use a number, cite the paper; when you cite this app, give the data version and the date you "
        "accessed it, so others can get the same data.",
    ),
    "cite.paper": ("论文", "The paper"),
    "cite.app.author": ("深圳数字经济政策探索器开发者", "Shenzhen digital-economy explorer contributors"),
    "cite.app": ("本应用与数据", "This app and its data"),
    "cite.text": ("文字引用", "As text"),
    "cite.journal_note": (
        "本应用所依据的论文文本中没有刊名；BibTeX 中以文章编号代替，请按原刊补充刊名。",
        "The journal's name is not in the text this app is built on; the BibTeX gives the article number "
        "instead. Add the journal's name from the printed issue.",
    ),
    "cite.paper.text": (
        "严红梅. 深圳数字经济高质量发展研究[J]. 2024(3): 82-87. 文章编号: 1673-5706(2024)03-0082-06.",
        "Yan Hongmei (严红梅). 2024. “深圳数字经济高质量发展研究” [Research on the High-Quality Development "
        "of Shenzhen's Digital Economy], no. 3: 82–87. Article no. 1673-5706(2024)03-0082-06.",
    ),
    "cite.app.text": (
        "深圳数字经济政策探索器（数据版本 {version}）[CP/OL]. {url}（访问日期：{date}）. 数据基于严红梅（2024）。",
        "Shenzhen digital-economy policy explorer (data version {version}). {url} (accessed {date}). Data based "
        "on Yan Hongmei (2024).",
    ),
    # Scenarios
    "scenarios.title": ("政策情景：三类政策杠杆", "Policy scenarios: three levers"),
    "scenarios.disclaimer": (
        "以下预测是基于公开参数的示意性情景，不是预测值。每个参数都有低/中/高取值与出处（或标为假设），见“方法”页。",
        "These projections are illustrative scenarios, not forecasts. Every parameter has a low / central / high "
        "value and a source (or is labelled an assumption); see the Methods page.",
    ),
    "scenarios.preset": ("预设情景", "Preset"),
    "scenarios.preset.modified": ("（已在预设基础上修改）", "(modified from the preset)"),
    "preset.paper": ("论文现行政策（基准）", "The paper's current policy (baseline)"),
    "preset.no_new_capacity": ("不新增数据中心", "No new data-centre capacity"),
    "preset.aggressive_buildout": ("大规模扩建数据中心", "Aggressive data-centre build-out"),
    "preset.talent_push": ("加大人才补贴", "Talent push"),
    "preset.xinchuang_push": ("信创采购提速（80%）", "Xinchuang push (80 %)"),
    "preset.no_xinchuang_floor": ("取消信创采购比例", "No Xinchuang floor"),
    "scenarios.group.dc": ("数据中心配额", "Data-centre quotas"),
    "scenarios.group.xc": ("信创采购", "Xinchuang procurement"),
    "scenarios.group.talent": ("人才补贴", "Talent subsidies"),
    "scenarios.group.horizon": ("时间范围", "Horizon"),
    "lever.dc_racks": ("每年新批标准机架（2.5 kW）", "New standard racks (2.5 kW) approved per year"),
    "lever.dc_pue": ("新建数据中心 PUE 上限", "PUE cap for new data centres"),
    "lever.dc_util_gate": (
        "新增审批所需上架率（%，0 = 不设门槛）",
        "Utilisation required before approval (%, 0 = none)",
    ),
    "lever.xc_share": ("党政机关与国企信创采购比例（%）", "Xinchuang share of public-sector IT procurement (%)"),
    "lever.talent_subsidy": ("每名数字人才每年补贴（元）", "Subsidy per digital professional per year (yuan)"),
    "lever.talent_quota": ("每年补贴引进人数", "Subsidised professionals recruited per year"),
    "lever.horizon": ("预测截至年份", "Last projected year"),
    "lever.paper_value": ("论文：{value}", "Paper: {value}"),
    "lever.no_paper_value": (
        "论文未给出数值（基准值为假设）",
        "The paper gives no number (the baseline value is an assumption)",
    ),
    "lever.racks_note": (
        "论文的 2.1 万个标准机柜是 2025 年主体数据中心和区域分中心的规模（存量），基准情景按 2023–2025 年平均每年 7,000 个计；"
        "深圳自身规划为 2025 年 50 万标准机架（全市口径）。",
        "The paper's 21,000 standard racks is the 2025 size (a stock) of the main and regional data centres; the "
        "baseline spreads it as 7,000 a year over 2023–2025. Shenzhen's own plan speaks of 500,000 standard racks "
        "city-wide by 2025.",
    ),
    "scenarios.outcome": ("查看指标", "Outcome"),
    "scenarios.chart.title": (
        "{indicator}：情景与基准（P10–P90 区间）",
        "{indicator}: scenario vs baseline (p10–p90 band)",
    ),
    "scenarios.series.scenario": ("情景", "Scenario"),
    "scenarios.series.baseline": ("基准（论文政策）", "Baseline (paper's policy)"),
    "scenarios.series.target": ("论文 2025 目标", "Paper's 2025 target"),
    "scenarios.axis.year": ("年份", "Year"),
    "scenarios.peers.note": (
        "北京、上海为相同口径的公开数据；最后观测值之后按各自增速外推（虚线），仅作示意。",
        "Beijing and Shanghai are published figures under the same definition; after their last observation they "
        "are extrapolated at their own growth (dashed), for illustration only.",
    ),
    "scenarios.peers.none": (
        "该指标没有北京、上海的同口径数据，图中不画同行城市。",
        "No Beijing or Shanghai figure shares this indicator's definition, so no peer is drawn.",
    ),
    "scenarios.target.caveat": (
        "目标标记与模型指标口径不完全相同：{caveat}",
        "The target marker and the model's indicator differ in scope: {caveat}",
    ),
    "caveat.dc_racks_total": (
        "论文目标只计主体数据中心和区域分中心，模型计全市标准机架。",
        "the paper's target counts main and regional centres only; the model counts all standard racks in the city.",
    ),
    "caveat.dc_pue_fleet": (
        "论文目标针对新建数据中心，模型为全部机架的平均 PUE。",
        "the paper's cap is for new data centres; the model shows the whole fleet's average PUE.",
    ),
    "caveat.xc_domestic_share": (
        "论文目标是采购比例，模型为已装机基础中的国产占比。",
        "the paper's target is a share of purchases; the model shows the domestic share of the installed base.",
    ),
    "scenarios.kpis": ("{year} 年关键结果（与基准相比）", "Key results in {year} (change against the baseline)"),
    "scenarios.tornado.title": (
        "敏感性：各参数低/高取值对 {indicator}（{year}）的影响",
        "Sensitivity: each parameter's low / high effect on {indicator} ({year})",
    ),
    "scenarios.tornado.axis": ("{indicator} 的取值", "Value of {indicator}"),
    "scenarios.tornado.low": ("参数取低值", "parameter at low"),
    "scenarios.tornado.high": ("参数取高值", "parameter at high"),
    "scenarios.tornado.flat": (
        "在此情景下，没有参数改变 {indicator}（例如补贴为零时新增人才恒为零）。",
        "In this scenario no parameter moves {indicator} (for example, with no subsidy no talent is added).",
    ),
    "scenarios.tornado.caption": (
        "其他参数取中值；条形越长，该参数对结果越关键。",
        "Other parameters at central; the longer the bar, the more the result depends on that parameter.",
    ),
    "scenarios.summary.title": ("情景摘要", "Summary"),
    "scenarios.summary.core": (
        "到 {year} 年，数字经济核心产业增加值中位数约为 {value} 亿元（较基准 {delta} 亿元，{pct}%），占 GDP {share}%。",
        "By {year}, core digital-economy value added is about {value} (100 million yuan) in the median ({delta}, "
        "{pct} % against the baseline), {share} % of GDP.",
    ),
    "scenarios.summary.dc": (
        "算力约 {compute} EFLOPS（{dcompute}），数据中心用电约 {power} GWh/年（{dpower}）。",
        "Compute reaches about {compute} EFLOPS ({dcompute}) and data-centre electricity about {power} GWh a year "
        "({dpower}).",
    ),
    "scenarios.summary.xc": (
        "公共部门基础软件国产占比约 {share}%（较基准 {delta} 个百分点）。",
        "The domestic share of public-sector base software is about {share} % ({delta} points).",
    ),
    "scenarios.summary.talent": (
        "补贴累计新增数字人才约 {people} 人，累计财政支出约 {cost} 亿元。",
        "Subsidies add about {people} digital professionals in total, at a cumulative fiscal cost of about "
        "{cost} (100 million yuan).",
    ),
    "scenarios.summary.crosses": (
        "深圳核心产业增加值在 {year} 年达到{city}的同口径水平。",
        "Shenzhen's core value added reaches {city}'s, same definition, in {year}.",
    ),
    "scenarios.summary.never": (
        "至 {year} 年，深圳核心产业增加值未达到{city}的同口径水平。",
        "By {year}, Shenzhen's core value added does not reach {city}'s (same definition).",
    ),
    "scenarios.summary.caveat": (
        "以上均为示意性情景，不是预测。",
        "All of this is an illustrative scenario, not a forecast.",
    ),
    "scenarios.version_moved": (
        "此链接生成于数据版本 `{old}`，当前为 `{new}`：数字可能已有变化。",
        "This link was made on data version `{old}`; the current one is `{new}`: the numbers may have moved.",
    ),
    "scenarios.download.csv": ("下载情景结果 CSV", "Download the scenario (CSV)"),
    "scenarios.download.json": (
        "下载情景 JSON（杠杆、结果、参数、数据版本）",
        "Download the scenario as JSON (levers, results, parameters, data version)",
    ),
    "scenarios.table.title": ("结果表（所有指标）", "Results table (every indicator)"),
    "col.p10": ("P10", "P10"),
    "col.p50": ("P50（中位数）", "p50 (median)"),
    "col.p90": ("P90", "P90"),
    "col.series": ("序列", "Series"),
    "col.parameter": ("参数", "Parameter"),
    "col.central": ("全部参数取中值", "all parameters central"),
    "ind.gdp": ("地区生产总值", "GDP"),
    "ind.core_va": ("数字经济核心产业增加值", "Core digital-economy value added"),
    "ind.core_va_share": ("核心产业增加值占 GDP 比重", "Core value added, share of GDP"),
    "ind.compute_eflops": ("算力", "Compute"),
    "ind.dc_racks_total": ("标准机架总数", "Standard racks installed"),
    "ind.dc_utilisation": ("机架上架率", "Rack utilisation"),
    "ind.dc_pue_fleet": ("数据中心平均 PUE", "Average data-centre PUE"),
    "ind.dc_power_gwh": ("数据中心用电量", "Data-centre electricity use"),
    "ind.dc_power_cost": ("数据中心电费", "Data-centre electricity cost"),
    "ind.xc_domestic_share": ("公共部门基础软件国产占比", "Domestic share of public-sector base software"),
    "ind.xc_vendor_revenue": ("国产厂商信创采购收入", "Domestic vendors' Xinchuang revenue"),
    "ind.xc_migration_cost": ("迁移成本", "Migration cost"),
    "ind.xc_migration_cost_cum": ("累计迁移成本", "Cumulative migration cost"),
    "ind.foreign_exposure": ("境外基础软件占比（暴露度）", "Foreign base-software exposure"),
    "ind.talent_added": ("累计新增数字人才", "Digital professionals added (cumulative)"),
    "ind.talent_gap_closed": ("人才缺口弥合比例", "Share of the talent gap closed"),
    "ind.fiscal_cost": ("人才补贴财政支出", "Fiscal cost of talent subsidies"),
    "ind.fiscal_cost_cum": ("累计人才补贴财政支出", "Cumulative fiscal cost of talent subsidies"),
    # Methods
    "methods.title": ("方法：模型如何从政策杠杆得到结果", "Methods: how the model turns levers into outcomes"),
    "methods.intro": (
        "情景模型是纯 numpy 的年度模型，基年 2022 年（论文数据年份）。每个参数都有低/中/高取值；"
        "蒙特卡洛抽样（{draws} 次，固定种子 {seed}）在每个参数的三角分布上独立抽取，给出每年每个指标的 P10 / P50 / P90。"
        "结果是示意性情景，不是预测。",
        "The scenario model is a yearly numpy model with base year 2022 (the paper's data year). Every parameter has "
        "a low / central / high value; a Monte Carlo run ({draws} draws, fixed seed {seed}) draws each parameter "
        "independently from a triangular distribution and reports p10 / p50 / p90 per year and indicator. The "
        "results are illustrative scenarios, not forecasts.",
    ),
    "methods.baseline.title": ("基准情景：论文的现行政策", "Baseline: the paper's current policy"),
    "methods.baseline.body": (
        "基准取论文给出的政策：新建数据中心 PUE < 1.25，上架率超过 70% 才审批新增，信创采购比例不低于 40%，"
        "2025 年主体数据中心和区域分中心达到 2.1 万个标准机柜（按 2023–2025 年每年 7,000 个计）。"
        "论文没有给出人才补贴金额：基准的每人每年 3 万元、每年 1 万人为假设，处于深圳现行政策范围之内。",
        "The baseline takes the policy the paper states: PUE below 1.25 for new data centres, new capacity only "
        "above 70 % utilisation, a Xinchuang procurement share of at least 40 %, and 21,000 standard racks in the "
        "main and regional data centres by 2025 (spread as 7,000 a year over 2023–2025). The paper gives no "
        "subsidy amount: the baseline's 30,000 yuan a year for 10,000 people a year is an assumption within "
        "Shenzhen's current offers.",
    ),
    "methods.channel.baseline.title": ("渠道 4：基线增长与校准", "Channel 4: baseline growth and calibration"),
    "methods.channel.baseline.body": (
        "以 2020 年核心产业增加值 8,446 亿元（占 GDP 30.5%）为锚，校准到 2022 年（论文：近万亿元、占比超过 30%；"
        "官方 2022 年 GDP 32,387.68 亿元）。之后 GDP 与核心产业增加值按参数区间增长。测试确认基准在 5% 以内再现 2022 年。",
        "Anchored on 2020 core value added of 844.6 billion yuan (30.5 % of GDP) and calibrated to 2022 (the "
        "paper: nearly one trillion yuan, more than 30 % of GDP; official 2022 GDP 3,238.768 billion yuan). GDP "
        "and core value added then grow within their parameter ranges. A test checks the baseline reproduces 2022 "
        "within 5 %.",
    ),
    "methods.channel.dc.title": (
        "渠道 1：数据中心 → 机架、算力、电力、增加值",
        "Channel 1: data centres → racks, compute, power, value added",
    ),
    "methods.channel.dc.body": (
        "每年新批机架受上架率门槛约束：上一年上架率低于门槛则当年不批；算力 = 机架 × 每机架算力；"
        "用电 = 在用机架 × 2.5 kW × 8,760 小时 × 负载率 × PUE；电费 = 用电 × 电价（论文：电力成本最高占数据中心运营成本 60%）；"
        "在用算力相对基准每高 1%，核心产业增加值高 ε%（中国信通院：算力每增长 1%，数字经济增长 0.4 个百分点，取区间上端）。",
        "New racks each year are limited by the utilisation gate: if last year's utilisation is below the gate, "
        "nothing is approved. Compute = racks × compute per rack; electricity = occupied racks × 2.5 kW × 8,760 h × "
        "load × PUE; cost = electricity × price (the paper: power is up to 60 % of a data centre's running cost). "
        "Compute in use one per cent above the baseline lifts core value added by ε per cent (CAICT: +1 % compute ↔ "
        "+0.4 pp digital-economy growth, taken as the upper end).",
    ),
    "methods.channel.xc.title": (
        "渠道 2：信创采购 → 国产占比、厂商收入、迁移成本",
        "Channel 2: Xinchuang → domestic share, vendor revenue, migration cost",
    ),
    "methods.channel.xc.body": (
        "每年按替换周期更新 1/L 的装机基础，按采购比例购买国产产品；起点为论文“操作系统国产化率不足 5%”。"
        "厂商收入 = 采购规模 × 比例；迁移成本与国产占比的增量成正比；境外暴露度 = 100 − 国产占比。本渠道不计入增加值。",
        "Each year 1/L of the installed base is replaced and bought at the procurement share; the start is the "
        "paper's “OS localisation below 5 %”. Vendor revenue = procurement volume × share; migration cost is "
        "proportional to the rise in the domestic share; foreign exposure = 100 − domestic share. This channel does "
        "not feed value added.",
    ),
    "methods.channel.talent.title": (
        "渠道 3：人才补贴 → 新增人才、财政成本",
        "Channel 3: talent subsidy → added talent, fiscal cost",
    ),
    "methods.channel.talent.body": (
        "领取率 r = 1 − exp(−补贴/s)（s 为假设）；每年招入 = 名额 × r，其中只有一部分是额外新增；财政成本 = 补贴 × 招入人数 × 补贴年限；"
        "补贴为零时，成本和新增人才都为零。新增人才按每人产出 × 增加值率计入核心产业增加值。",
        "Take-up r = 1 − exp(−subsidy / s) (s is an assumption); recruits per year = quota × r, of whom only a share "
        "is additional; fiscal cost = subsidy × recruits × years paid; with no subsidy both cost and added talent "
        "are zero. Added people add output per worker × value-added ratio to core value added.",
    ),
    "methods.peers.title": ("北京、上海的路径", "Beijing and Shanghai paths"),
    "methods.peers.body": (
        "北京、上海只画与模型指标同口径的公开数据（GDP、核心产业增加值及占比）；最后观测值之后按各自参数中的增速外推，并标明为外推。"
        "不同口径的数据不放在同一图中比较。",
        "Beijing and Shanghai are drawn only where their published figures share the model indicator's definition "
        "(GDP, core value added and its share); after the last observation they are extrapolated at their own "
        "growth parameter and labelled as such. Figures of different definitions are never compared on one chart.",
    ),
    "methods.limits.title": ("局限", "Limits"),
    "methods.limits.body": (
        "参数彼此独立抽样（忽略相关性）；名义值，无价格平减；弹性来自全国层面的共同变动，并非因果估计；"
        "深圳在韶关或西部使用的算力未计入；人才反应函数与多个规模参数为假设。",
        "Parameters are drawn independently (correlations ignored); values are nominal, without a deflator; the "
        "elasticity is national co-movement, not a causal estimate; compute Shenzhen uses in Shaoguan or the west "
        "is not credited; the talent response and several scale parameters are assumptions.",
    ),
    "methods.params.title": ("全部参数（低 / 中 / 高与出处）", "Every parameter (low / central / high and source)"),
    "methods.params.assumptions": (
        "{count} 个参数为假设，{sourced} 个有出处。",
        "{count} parameters are assumptions; {sourced} have a source.",
    ),
    "methods.params.filter": ("等级", "Grade"),
    "grade.derived": ("推算", "derived"),
    "grade.assumption": ("假设", "assumption"),
    "col.low": ("低", "Low"),
    "col.central_value": ("中", "Central"),
    "col.high": ("高", "High"),
    "col.rationale": ("依据", "Rationale"),
    "methods.open_scenarios": ("打开政策情景页", "Open the Scenarios page"),
    # --- new keys (shell) ---
    "error.data_unavailable": (
        "数据暂时无法读取，本页无法显示。详情如下。",
        "The data cannot be read right now, so this page cannot be shown. The details are below.",
    ),
    "notice.sources_broken": (
        "有一个数据源文件无法读取，因此显示的是上一次成功构建的数据。详情如下。",
        "A source file could not be read, so the last good build of the data is shown. The details are below.",
    ),
    "notice.rebuilt_temporary": (
        "数据目录不可写，重建的数据库保存在临时目录中，仅在本次运行期间有效。",
        "The data folder cannot be written, so the rebuilt database is kept in a temporary folder while the app runs.",
    ),
    "notice.link_too_long": (
        "此链接的参数超过 {limit} 个，无法读取，因此本页以默认设置打开。",
        "This link has more than {limit} parameters, too many to be read, so the page opens with its default settings.",
    ),
}


def t(key: str, lang: str, /, **values: object) -> str:
    """Return the string for `key` in `lang` (zh or en), formatted with `values`."""
    text = STRINGS[key][LANGS.index(lang)]
    return text.format(**values) if values else text
