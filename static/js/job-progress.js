// The "being prepared" page: ask the job's status now and then, and reload the page once the job has
// finished; the page then answers with the file or with the reason it failed. Without JavaScript the
// page's meta refresh reloads it every few seconds instead.
(function () {
  "use strict";
  var element = document.querySelector("[data-job-status-url]");
  if (!element || !window.fetch) {
    return;
  }
  var url = element.getAttribute("data-job-status-url");
  var delay = 700;

  function poll() {
    window.fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        if (data.finished) {
          window.location.reload();
          return;
        }
        delay = Math.min(delay * 1.5, 4000);
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        window.setTimeout(poll, 4000);
      });
  }

  window.setTimeout(poll, delay);
})();
