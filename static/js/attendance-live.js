// The attendance page: update the counts in place every few seconds (checked in per day, approved
// registrations) from the page's JSON, with a toggle button (aria-pressed) that pauses them (WCAG 2.2.2).
// Without JavaScript the page offers its meta refresh instead, which this script hides.
(function () {
  "use strict";
  var live = document.querySelector("[data-attendance-url]");
  if (!live || !window.fetch) {
    return;
  }
  var url = live.getAttribute("data-attendance-url");
  var seconds = parseInt(live.getAttribute("data-interval"), 10) || 15;
  var toggle = live.querySelector("[data-live-toggle]");
  var running = live.querySelector("[data-live-running]");
  var paused = live.querySelector("[data-live-paused]");
  var timer = null;

  var reload = document.querySelector(".attendance-reload");
  if (reload) {
    reload.hidden = true;
  }
  live.hidden = false;

  function setText(selector, value) {
    var elements = document.querySelectorAll(selector);
    for (var i = 0; i < elements.length; i++) {
      if (elements[i].textContent !== String(value)) {
        elements[i].textContent = String(value);
      }
    }
  }

  function update(data) {
    setText("[data-approved]", data.approved);
    for (var i = 0; i < data.days.length; i++) {
      var day = data.days[i];
      setText('[data-checked-in="' + day.id + '"]', day.checked_in);
      setText('[data-expected="' + day.id + '"]', day.expected);
    }
  }

  function poll() {
    window
      .fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && timer !== null) {
          update(data); // an answer that arrives after a pause is dropped
        }
      })
      .catch(function () {})
      .then(function () {
        if (timer !== null) {
          timer = window.setTimeout(poll, seconds * 1000);
        }
      });
  }

  function start() {
    timer = window.setTimeout(poll, seconds * 1000);
    toggle.setAttribute("aria-pressed", "false");
    running.hidden = false;
    paused.hidden = true;
  }

  function stop() {
    window.clearTimeout(timer);
    timer = null;
    toggle.setAttribute("aria-pressed", "true");
    running.hidden = true;
    paused.hidden = false;
  }

  toggle.addEventListener("click", function () {
    if (timer === null) {
      start();
    } else {
      stop();
    }
  });
  start();
})();
