/* Autosave for the consolidation template: posts the form (with its version) a moment after typing
   stops, and keeps the version field up to date. The Save buttons work without this script. While an
   edit is not saved yet (typing, a save under way, a failed save), leaving the page asks first. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector(".autosave-status");
  var version = form.querySelector("input[name=version]");
  var timer = null;
  var busy = false;
  var again = false;
  var stopped = false;
  var dirty = false;  // an edit that no successful save has covered yet
  var submitting = false;

  function say(text) { if (status) { status.textContent = text; } }

  function save() {
    if (stopped) { return; }
    if (busy) { again = true; return; }
    busy = true;
    dirty = false;
    say(status.dataset.saving);
    fetch(form.dataset.autosave, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Autosave": "1", "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (result.ok && result.data.version) {
        version.value = result.data.version;
        say(status.dataset.saved + " (v" + result.data.version + ")");
      } else {
        dirty = true;
        // A conflict or an error: stop autosaving; the Save button shows the details.
        if (result.data && result.data.conflict) { stopped = true; }
        say(status.dataset.failed + " " + ((result.data && result.data.error) || ""));
      }
    }).catch(function () {
      dirty = true;
      say(status.dataset.failed);
    }).then(function () {
      busy = false;
      if (again) { again = false; schedule(); }
    });
  }

  function schedule() {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2000);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () {
    stopped = true; submitting = true; window.clearTimeout(timer);
  });
  window.addEventListener("beforeunload", function (event) {
    if (submitting || !(dirty || busy)) { return; }
    event.preventDefault();
    event.returnValue = status ? status.dataset.unsaved : "";
    return event.returnValue;
  });
})();
