// The outing page's map: every participant's line the viewer may see, one colour each.
// The page is whole without it: who was there and their figures are in the HTML.
(function () {
  "use strict";

  var linesNode = document.getElementById("outing-lines");
  var node = document.getElementById("outing-map");
  if (!linesNode || !node || !window.L) return;
  var lines = JSON.parse(linesNode.textContent);
  var tiles = JSON.parse(document.getElementById("map-tiles").textContent);
  var map = L.map(node, { scrollWheelZoom: false });
  // No tile URL (tests, offline servers): the routes are still drawn as vector lines.
  if (tiles.url) {
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
  }
  var bounds = null;
  lines.forEach(function (line) {
    var points = line.lat.map(function (lat, i) { return [lat, line.lon[i]]; });
    if (!points.length) return;
    var drawn = L.polyline(points, { color: line.colour, weight: 4, opacity: 0.85 })
      .bindTooltip(line.name).addTo(map);
    bounds = bounds ? bounds.extend(drawn.getBounds()) : drawn.getBounds();
  });
  if (bounds) map.fitBounds(bounds, { padding: [20, 20] });
  node.dataset.ready = "true";
})();
