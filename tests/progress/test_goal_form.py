"""Setting a goal: what was typed is read in the owner's units and checked for sense;
anything else — nonsense, someone else's owner, a second copy — is refused clearly."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.progress.models import Goal
from tests.activities.pages import text_of
from tests.people import browser_of

pytestmark = pytest.mark.django_db

URL = "/stats/goals/new/"


def _post(user: User, **fields: str) -> tuple[int, str]:
    data = {"sport": "ride", "period": "year", "measure": "distance", "amount": "1000", **fields}
    response = browser_of(user).post(URL, data)
    return response.status_code, text_of(response.content.decode())


def test_a_goal_is_stored_in_metres_whatever_the_units(owner: User) -> None:
    assert _post(owner)[0] == 302
    goal = Goal.objects.get(owner=owner)
    assert (goal.sport, goal.period, goal.measure, goal.target) == ("ride", "year", "distance", 1e6)
    owner.units = "imperial"
    owner.save()
    assert _post(owner, period="month", amount="100")[0] == 302
    assert Goal.objects.get(owner=owner, period="month").target == pytest.approx(160_934.4)
    assert _post(owner, period="week", measure="moving_time", amount="4.5")[0] == 302
    assert Goal.objects.get(owner=owner, period="week").target == 4.5 * 3600


def test_all_sports_is_a_blank_sport(owner: User) -> None:
    assert _post(owner, sport="", measure="count", amount="200")[0] == 302
    assert Goal.objects.get(owner=owner).sport == ""


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "0"}, "The target must be more than zero."),
        ({"amount": "-5"}, "The target must be more than zero."),
        ({"amount": ""}, "This field is required."),
        ({"amount": "lots"}, "Enter a number."),
        ({"amount": "nan"}, "Enter a number."),
        ({"amount": "inf"}, "Enter a number."),
        ({"amount": "1e308"}, "is more than anyone could do"),
        ({"period": "week", "amount": "20000"}, "20,000 km in a week is more than anyone could do"),
        ({"measure": "count", "amount": "2.5"}, "A number of activities is a whole number."),
        ({"sport": "yoga"}, "Yoga has no distance: choose moving time or activities."),
        (
            {"sport": "cricket"},
            "Select a valid choice. cricket is not one of the available choices.",
        ),
        ({"period": "decade"}, "Select a valid choice."),
        ({"measure": "calories"}, "Select a valid choice."),
        ({"amount": "<script>alert(1)</script>"}, "Enter a number."),
    ],
)
def test_nonsense_is_refused_with_a_reason(
    owner: User, fields: dict[str, str], message: str
) -> None:
    status, words = _post(owner, **fields)
    assert status == 200
    assert message in words
    assert not Goal.objects.exists()


def test_a_second_copy_of_a_goal_is_refused(owner: User) -> None:
    assert _post(owner)[0] == 302
    status, words = _post(owner, amount="2000")
    assert status == 200
    assert "You already have this goal: change its target instead of adding another." in words
    assert Goal.objects.get(owner=owner).target == 1e6


def test_the_same_goal_for_another_person_is_theirs(owner: User, stranger: User) -> None:
    assert _post(owner)[0] == 302
    assert _post(stranger)[0] == 302
    assert Goal.objects.count() == 2


def test_an_owner_in_the_form_is_ignored(owner: User, stranger: User) -> None:
    assert _post(stranger, owner=str(owner.pk), target="1")[0] == 302
    goal = Goal.objects.get()
    assert goal.owner == stranger and goal.target == 1e6


def test_an_edit_may_keep_its_own_sport_period_and_measure(owner: User) -> None:
    assert _post(owner)[0] == 302
    goal = Goal.objects.get()
    response = browser_of(owner).post(
        f"/stats/goals/{goal.pk}/edit/",
        {"sport": "ride", "period": "year", "measure": "distance", "amount": "0.5"},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.target == 500


def test_the_form_names_every_field(owner: User) -> None:
    html = browser_of(owner).get(URL).content.decode()
    for label in ("Sport", "Period", "Measure", "Target"):
        assert f">{label}" in html
    assert '<option value="" selected>All sports</option>' in html
