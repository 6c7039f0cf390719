// The privacy-zones page's map (Leaflet): your zones, and a click to mark a new place.
// The page is whole without it: coordinates can be typed, and no map tiles are needed
// (with none configured, the circles are drawn on a blank map).
(function () {
  "use strict";

  var node = document.getElementById("zones-map");
  if (!node || !window.L) return;
  var zones = JSON.parse(document.getElementById("zones-data").textContent);
  var tiles = JSON.parse(document.getElementById("map-tiles").textContent);
  var style = getComputedStyle(document.documentElement);
  var ink = (style.getPropertyValue("--accent-text") || "#9a4800").trim();
  var muted = (style.getPropertyValue("--muted") || "#5c574f").trim();
  var lat = document.getElementById("id_lat");
  var lon = document.getElementById("id_lon");
  var radius = document.getElementById("id_radius_m");

  var map = L.map(node, { scrollWheelZoom: false });
  if (tiles.url) {
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
  }
  var shapes = [];
  zones.forEach(function (zone) {
    // The circle Saathi drew (what hides the routes), and the point you gave, dashed.
    shapes.push(L.circle([zone.drawn[0], zone.drawn[1]], {
      radius: zone.drawn[2], color: ink, weight: 2, fillOpacity: 0.15,
    }).bindTooltip((zone.label || "A place") + ": hidden from others").addTo(map));
    shapes.push(L.circle([zone.lat, zone.lon], {
      radius: zone.radius_m, color: muted, weight: 1, dashArray: "4 6", fill: false,
    }).addTo(map));
  });
  var marked = null;
  function mark() {
    var at = [parseFloat(lat && lat.value), parseFloat(lon && lon.value)];
    if (isNaN(at[0]) || isNaN(at[1])) return;
    var r = parseFloat(radius && radius.value) || 400;
    if (marked) { marked.setLatLng(at).setRadius(r); }
    else { marked = L.circle(at, { radius: r, color: ink, weight: 2, dashArray: "4 6", fill: false }).addTo(map); }
  }
  if (shapes.length) {
    map.fitBounds(L.featureGroup(shapes).getBounds(), { padding: [20, 20] });
  } else if (lat && lat.value && lon && lon.value) {
    map.setView([parseFloat(lat.value), parseFloat(lon.value)], 14);
  } else {
    map.setView([20, 78], 4);
  }
  map.on("click", function (event) {
    if (!lat || !lon) return;
    lat.value = event.latlng.lat.toFixed(5);
    lon.value = event.latlng.lng.toFixed(5);
    mark();
  });
  [lat, lon, radius].forEach(function (input) { if (input) input.addEventListener("input", mark); });
  mark();
  node.dataset.ready = "true";
})();
