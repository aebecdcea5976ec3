"""Overview page (AppTest): it shows the headline cards, charts and captions explorer.features.overview.view returns."""

import pandas as pd
from apptest import run_page
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import t
from explorer.features.overview.view import overview


def test_overview_shows_what_the_view_returns():
    at = run_page("overview", lang="en")
    view = overview(frames()["figures"], "en")
    assert at.title[0].value == t("overview.title", "en")
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown == {fig["metric_en"]: formatting.figure_value(fig, "en") for _, fig in view.headline.iterrows()}
    tables = [frame.value for frame in at.dataframe]
    assert len(tables) == 2
    for chart, table in zip((view.funnel, view.sections), tables):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), chart.table.reset_index(drop=True))
    assert {view.funnel.caption, view.kinds_caption} <= {caption.value for caption in at.caption}
