// The activity page's map (Leaflet) and charts (uPlot). The page is whole without it:
// figures, tables and each chart's text summary are in the HTML.
(function () {
  "use strict";

  var dataNode = document.getElementById("activity-data");
  if (!dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var tiles = JSON.parse(document.getElementById("map-tiles").textContent);
  var route = data.route || {};
  var style = getComputedStyle(document.documentElement);
  function colour(name, fallback) { return (style.getPropertyValue(name) || fallback).trim(); }
  var accent = colour("--accent", "#f29f05");
  var ink = colour("--accent-text", "#9a4800");
  var muted = colour("--muted", "#5c574f");
  var border = colour("--border", "#e3dfd7");
  var cursorMarker = null;

  function drawMap() {
    var node = document.getElementById("activity-map");
    if (!node || !window.L || !route.lat || !route.lat.length) return;
    var points = route.lat.map(function (lat, i) { return [lat, route.lon[i]]; });
    var map = L.map(node, { scrollWheelZoom: false });
    // No tile URL (tests, offline servers): the route is still drawn as a vector line.
    if (tiles.url) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
    }
    // The owner's page: the whole route dashed and grey, the part others see drawn over it.
    var visible = data.visible;
    var line = visible
      ? L.polyline(points, { color: muted, weight: 3, opacity: 0.8, dashArray: "6 8" }).addTo(map)
      : L.polyline(points, { color: ink, weight: 4, opacity: 0.9 }).addTo(map);
    if (visible && visible.lat.length) {
      var shown = visible.lat.map(function (lat, i) { return [lat, visible.lon[i]]; });
      L.polyline(shown, { color: ink, weight: 4, opacity: 0.9 }).addTo(map);
    }
    map.fitBounds(line.getBounds(), { padding: [20, 20] });
    var end = function (at, fill, label) {
      L.circleMarker(at, { radius: 7, color: "#fff", weight: 2, fillColor: fill, fillOpacity: 1 })
        .bindTooltip(label).addTo(map);
    };
    end(points[points.length - 1], "#b42318", "Finish");
    end(points[0], "#1d6b37", "Start");
    cursorMarker = L.circleMarker(points[0], {
      radius: 6, color: "#fff", weight: 2, fillColor: accent, opacity: 0, fillOpacity: 0,
    }).addTo(map);
    node.dataset.ready = "true";
  }

  // The route point nearest to an x value (distance or seconds) on the shared axis.
  function nearest(x) {
    var xs = route.x, lo = 0, hi = xs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (xs[mid] < x) lo = mid + 1; else hi = mid;
    }
    if (lo > 0 && Math.abs(xs[lo - 1] - x) < Math.abs(xs[lo] - x)) lo -= 1;
    return lo;
  }

  function showCursor(x) {
    if (!cursorMarker || !route.x) return;
    if (x == null) { cursorMarker.setStyle({ opacity: 0, fillOpacity: 0 }); return; }
    var i = nearest(x);
    cursorMarker.setLatLng([route.lat[i], route.lon[i]]);
    cursorMarker.setStyle({ opacity: 1, fillOpacity: 1 });
  }

  function clock(seconds) {
    seconds = Math.round(seconds);
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var mm = (h && m < 10 ? "0" : "") + m;
    return (h ? h + ":" : "") + mm + ":" + (s < 10 ? "0" : "") + s;
  }

  function xValues(u, ticks) {
    return ticks.map(function (t) { return data.axis === "time" ? clock(t) : +t.toFixed(1); });
  }

  var charts = [];
  var PACE_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800];

  // Fastest at the top, and the range cut at the 98th percentile: a few stops at a
  // crossing would otherwise squeeze the whole run into a thin band.
  function paceScale(values) {
    var sorted = values.filter(function (v) { return v != null; }).sort(function (a, b) { return a - b; });
    if (!sorted.length) return { dir: -1 };
    var low = sorted[0], high = sorted[Math.floor(0.98 * (sorted.length - 1))];
    var pad = Math.max(5, (high - low) * 0.05);
    return { dir: -1, auto: false, range: [Math.max(0, low - pad), high + pad] };
  }

  function drawCharts() {
    if (!window.uPlot) return;
    var sync = uPlot.sync("activity");
    (data.series || []).forEach(function (series) {
      var node = document.getElementById("chart-" + series.key);
      if (!node) return;
      var options = {
        width: node.clientWidth || 320,
        height: 130,
        legend: { show: false },
        cursor: { sync: { key: sync.key }, drag: { x: false, y: false }, points: { size: 7 } },
        scales: { x: { time: false }, y: series.pace ? paceScale(series.y) : {} },
        axes: [
          { stroke: muted, grid: { stroke: border }, ticks: { stroke: border }, values: xValues },
          {
            stroke: muted, grid: { stroke: border }, ticks: { stroke: border }, size: 48,
            // Whole minutes and their halves read as paces; uPlot's decimal steps do not.
            incrs: series.pace ? PACE_STEPS : undefined,
            values: series.pace
              ? function (u, ticks) { return ticks.map(clock); }
              : function (u, ticks) { return ticks.map(function (t) { return +t.toFixed(0); }); },
          },
        ],
        series: [
          {},
          { label: series.label, stroke: ink, width: 1.5, fill: accent + "33", points: { show: false } },
        ],
        hooks: {
          setCursor: [function (u) {
            var i = u.cursor.idx;
            showCursor(i == null ? null : u.data[0][i]);
          }],
        },
      };
      // Kept on the node so tests (and the console) can read a chart's scales.
      node.uplot = new uPlot(options, [series.x, series.y], node);
      charts.push(node.uplot);
    });
  }

  function resize() {
    charts.forEach(function (chart) {
      var width = chart.root.parentNode.clientWidth;
      if (width && width !== chart.width) chart.setSize({ width: width, height: chart.height });
    });
  }

  drawMap();
  drawCharts();
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(resize, 150);
  });
})();
