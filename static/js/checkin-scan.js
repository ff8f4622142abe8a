// The check-in page's camera: where the browser has the BarcodeDetector API and a camera, a "Scan with
// the camera" button reads the QR code on a badge, puts its code in the form and sends it. Without it
// (or without JavaScript) staff type the code; the form works the same either way.
(function () {
  "use strict";
  var form = document.querySelector("[data-checkin-form]");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var startButton = form.querySelector("[data-checkin-scan]");
  var stopButton = form.querySelector("[data-checkin-stop]");
  var panel = form.querySelector("[data-checkin-camera]");
  var error = form.querySelector("[data-checkin-camera-error]");
  var video = panel.querySelector("video");
  var input = form.querySelector("input[name=code]");
  var stream = null;
  var detector = null;

  function stop() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    panel.hidden = true;
    startButton.hidden = false;
  }

  function scan() {
    if (!stream) {
      return;
    }
    detector.detect(video).then(function (codes) {
      if (codes.length && codes[0].rawValue) {
        input.value = codes[0].rawValue;
        stop();
        form.submit();
        return;
      }
      window.setTimeout(scan, 250);
    }).catch(function () {
      window.setTimeout(scan, 500);
    });
  }

  function start() {
    error.hidden = true;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        panel.hidden = false;
        startButton.hidden = true;
        return video.play();
      })
      .then(scan)
      .catch(function () {
        stop();
        error.hidden = false;
      });
  }

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") === -1) {
      return;
    }
    detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    startButton.hidden = false;
    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", stop);
  }).catch(function () {});
})();
