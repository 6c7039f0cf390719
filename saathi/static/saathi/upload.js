// The upload form works without this file (a plain multipart form). With it, files can
// be dropped on the zone, and the form says it is sending while htmx posts it.
(function () {
  "use strict";

  function setUp(form) {
    var zone = form.querySelector("[data-drop-zone]");
    var input = form.querySelector("input[type=file]");
    var busy = form.querySelector("[data-upload-busy]");
    if (!zone || !input) return;

    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!event.dataTransfer || !event.dataTransfer.files.length) return;
      input.files = event.dataTransfer.files;
      form.requestSubmit();
    });

    form.addEventListener("htmx:beforeRequest", function () {
      if (busy) { busy.textContent = "Sending…"; busy.hidden = false; }
    });
    form.addEventListener("htmx:xhr:progress", function (event) {
      if (!busy || !event.detail.lengthComputable) return;
      busy.textContent = "Sending… " + Math.round(100 * event.detail.loaded / event.detail.total) + "%";
    });
    form.addEventListener("htmx:afterRequest", function (event) {
      if (busy) busy.hidden = true;
      if (event.detail.successful) form.reset();
    });
  }

  document.querySelectorAll(".upload-form").forEach(setUp);
})();
