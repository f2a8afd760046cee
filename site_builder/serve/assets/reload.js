// site_builder preview: reload this page when a rebuild changed it.
// Served only by `site-builder serve`, never part of the published site.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var epoch = script.getAttribute("data-epoch") || "0";
  var url = script.getAttribute("data-poll") || "/__site_builder/poll";
  var delay = 500;

  function poll() {
    var query = "?epoch=" + encodeURIComponent(epoch) +
      "&path=" + encodeURIComponent(location.pathname);
    fetch(url + query, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("poll failed: " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        delay = 500;
        if (answer.reload) {
          location.reload();
          return;
        }
        epoch = String(answer.epoch);
        poll();
      })
      .catch(function () {
        // The server stopped or restarted: try again, more slowly each time.
        delay = Math.min(delay * 2, 5000);
        setTimeout(poll, delay);
      });
  }

  poll();
})();
