// The stats page's charts (uPlot): bars per week, month and year, and this year against
// last as two cumulative lines. The page is whole without it: every chart has its
// sentence and its table in the HTML.
(function () {
  "use strict";

  var node = document.getElementById("stats-data");
  if (!node) return;
  var data = JSON.parse(node.textContent);
  var style = getComputedStyle(document.documentElement);
  function colour(name, fallback) { return (style.getPropertyValue(name) || fallback).trim(); }
  var accent = colour("--accent", "#f29f05");
  var ink = colour("--accent-text", "#9a4800");
  var muted = colour("--muted", "#5c574f");
  var border = colour("--border", "#e3dfd7");
  var strong = colour("--border-strong", "#857d70");
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var charts = [];

  function number(value, measure) {
    if (value == null) return "";
    if (measure === "moving_time") {
      var minutes = Math.round(value * 60);
      return Math.floor(minutes / 60) + ":" + String(minutes % 60).padStart(2, "0");
    }
    return (+value.toFixed(value < 10 && measure === "distance" ? 1 : 0)).toLocaleString();
  }

  function axis(values) {
    return { stroke: muted, grid: { stroke: border }, ticks: { stroke: border }, values: values };
  }

  function yAxis(measure, unit) {
    var a = axis(function (u, ticks) { return ticks.map(function (t) { return number(t, measure); }); });
    a.size = 52;
    a.label = unit || (measure === "count" ? "activities" : "");
    a.labelSize = 18;
    return a;
  }

  function bars(key) {
    var target = document.getElementById("chart-" + key);
    var set = data[key];
    if (!target || !set || !set.values.length) return;
    var xs = set.values.map(function (_, i) { return i; });
    var width = target.clientWidth || 320;
    // A label at least every 48 px, so "Jan Feb Mar" never run together on a phone.
    var every = Math.max(1, Math.ceil(set.labels.length / Math.max(1, Math.floor((width - 60) / 48))));
    var options = {
      width: width,
      height: 170,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: [-0.5, xs.length - 0.5] }, y: { range: function (u, min, max) { return [0, Math.max(max, 1) * 1.05]; } } },
      axes: [
        Object.assign(axis(function (u, ticks) {
          return ticks.map(function (t) { return Number.isInteger(t) && t % every === 0 ? set.labels[t] || "" : ""; });
        }), { grid: { show: false } }),
        yAxis(data.measure, data.unit),
      ],
      series: [
        {},
        {
          label: set.label || data.measure, stroke: ink, fill: accent, width: 0,
          paths: uPlot.paths.bars({ size: [0.75, 40], gap: 1 }), points: { show: false },
          value: function (u, v) { return number(v, data.measure) + " " + data.unit; },
        },
      ],
    };
    options.axes[0].splits = function () { return xs; };
    charts.push(new uPlot(options, [xs, set.values], target));
  }

  function toDate() {
    var target = document.getElementById("chart-to-date");
    var line = data.to_date;
    if (!target || !line) return;
    var length = Math.max(line.last.length, 366);
    var xs = [], thisYear = [], lastYear = [];
    for (var i = 0; i < length; i++) {
      xs.push(i + 1);
      thisYear.push(i < line.this.length ? line.this[i] : null);
      lastYear.push(i < line.last.length ? line.last[i] : null);
    }
    var options = {
      width: target.clientWidth || 320,
      height: 200,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [1, length] } },
      axes: [
        axis(function (u, ticks) {
          return ticks.map(function (t) { return months[new Date(line.year, 0, t).getMonth()]; });
        }),
        yAxis(line.measure, line.unit),
      ],
      series: [
        {},
        { label: String(line.year), stroke: ink, width: 2.5, points: { show: false } },
        { label: String(line.year - 1), stroke: strong, width: 1.5, dash: [6, 4], points: { show: false } },
      ],
    };
    // A tick on the first of each month.
    var step = (target.clientWidth || 320) < 560 ? 2 : 1;
    options.axes[0].splits = function () {
      return months.filter(function (_, m) { return m % step === 0; }).map(function (_, i) {
        var first = new Date(line.year, i * step, 1);
        return Math.round((first - new Date(line.year, 0, 1)) / 864e5) + 1;
      });
    };
    charts.push(new uPlot(options, [xs, thisYear, lastYear], target));
  }

  function resize() {
    charts.forEach(function (chart) {
      var width = chart.root.parentNode.clientWidth;
      if (width && width !== chart.width) chart.setSize({ width: width, height: chart.height });
    });
  }

  // The day shown in the panel below the calendar stays marked.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var cell = event.target;
    if (!cell.classList || !cell.classList.contains("heat")) return;
    document.querySelectorAll(".heat.chosen").forEach(function (other) { other.classList.remove("chosen"); });
    cell.classList.add("chosen");
  });

  // On a phone the year scrolls sideways: start with today in view, not January.
  var today = document.querySelector("#heatmap .is-today");
  var wrap = document.querySelector(".heatmap-wrap");
  if (today && wrap && wrap.scrollWidth > wrap.clientWidth) {
    wrap.scrollLeft = today.getBoundingClientRect().left - wrap.getBoundingClientRect().left - wrap.clientWidth + 48;
  }

  if (window.uPlot) {
    ["week", "month", "year"].forEach(bars);
    toDate();
  }
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(resize, 150);
  });
  document.documentElement.dataset.statsReady = "true";
})();
