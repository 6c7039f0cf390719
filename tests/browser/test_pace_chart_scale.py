"""A run's pace chart is drawn fastest at the top, on a range set by the running, not by
the few seconds stood still at a crossing (those would squeeze the run into a band)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from saathi.accounts.models import User
from saathi.activities.charts import charts_for
from saathi.units import Units
from tests.activities.pages import imported
from tests.browser.login import log_in

pytestmark = pytest.mark.browser

RUN = "fit/garmin-stamina.fit"  # 4,488 points of running with a few slow stretches


def test_the_pace_axis_ignores_the_slowest_moments(page: Page, owner: User) -> None:
    activity = imported(owner, RUN)
    charts = charts_for(activity, Units.METRIC)
    assert charts is not None
    pace = next(s for s in charts.series if s.key == "pace")
    paces = sorted(pace.y)
    typical = paces[int(0.98 * (len(paces) - 1))]
    assert paces[-1] > typical * 1.2, "the run needs slow moments for this test to mean much"

    log_in(page, owner.handle)
    page.goto(f"/activities/{activity.pk}/")
    expect(page.locator("#chart-pace canvas")).to_have_count(1)
    low, high, direction = page.evaluate(
        "(() => { const s = document.getElementById('chart-pace').uplot.scales.y;"
        " return [s.min, s.max, s.dir]; })()"
    )
    assert direction == -1  # fastest at the top
    assert low <= paces[0]
    assert typical <= high < paces[-1]
