"""The stats page, a day of its calendar, and goals.

Everything here is the signed-in person's own: there is no page of someone else's
stats yet, and another person's goal answers 404.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from saathi.accounts.requests import AuthedRequest
from saathi.activities.models import Activity
from saathi.progress.forms import GoalForm
from saathi.progress.goals import goal_progress
from saathi.progress.heatmap import one_day
from saathi.progress.models import Goal, Measure
from saathi.progress.stats import Selection, chart_data, stats, summary


def _owned_goal(request: AuthedRequest, pk: int) -> Goal:
    return get_object_or_404(Goal.objects.owned_by(request.user), pk=pk)


@login_required
def stats_page(request: AuthedRequest) -> HttpResponse:
    me = request.user
    today = me.today()
    selection = Selection.from_query(request.GET, today)
    figures = stats(me, selection, today)
    units = me.unit_system
    context = {
        "stats": figures,
        "selection": selection,
        "charts": chart_data(figures, units),
        "summaries": {
            "week": summary(figures.weekly, figures.measure, units, "week"),
            "month": summary(figures.monthly, figures.measure, units, "month"),
            "year": summary(figures.yearly, figures.measure, units, "year"),
        },
        "goals": goal_progress(me, today),
        "measures": Measure.choices,
        # The to-date line's measure, for the amount filters, and in words.
        "line_measure": (figures.to_date.measure, units),
        "line_label": Measure(figures.to_date.measure).label.lower(),
        "distance_units": (Measure.DISTANCE, units),
        "units": units,
        "today": today,
    }
    return render(request, "progress/stats.html", context)


@login_required
def day(request: AuthedRequest, day: str) -> HttpResponse:
    """One day of the calendar: its activities, linked (the calendar's panel, by htmx)."""
    me = request.user
    try:
        chosen = date.fromisoformat(day)
    except ValueError as error:
        raise Http404("Not a date.") from error
    selection = Selection.from_query(request.GET, me.today())
    activities = Activity.objects.owned_by(me).of_sport(selection.sport)
    context = {
        "day": one_day(activities, chosen, me.unit_system),
        "selection": selection,
        "today": me.today(),
    }
    return render(request, "progress/partials/day.html", context)


@login_required
def new_goal(request: AuthedRequest) -> HttpResponse:
    me = request.user
    form = GoalForm(request.POST or None, owner=me)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your goal is set: its progress is on the stats page.")
        return redirect("progress:index")
    return render(request, "progress/goal_form.html", {"form": form, "goal": None})


@login_required
def edit_goal(request: AuthedRequest, pk: int) -> HttpResponse:
    me = request.user
    goal = _owned_goal(request, pk)
    form = GoalForm(request.POST or None, instance=goal, owner=me)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your goal is changed.")
        return redirect("progress:index")
    return render(request, "progress/goal_form.html", {"form": form, "goal": goal})


@login_required
def delete_goal(request: AuthedRequest, pk: int) -> HttpResponse:
    goal = _owned_goal(request, pk)
    if request.method == "POST":
        goal.delete()
        messages.success(request, "The goal is deleted; your activities are untouched.")
        return redirect("progress:index")
    return render(request, "progress/goal_delete.html", {"goal": goal})
