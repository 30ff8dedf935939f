/* iframe-worker 1.0.4 (MIT, Martin Donath): the script its shim wrote inline into the worker's iframe,
 * as a file, so that the Content-Security-Policy allows it without 'unsafe-inline'. */
"use strict";
(function () {
  var filename = document.currentScript.dataset.filename;
  window.postMessage = function (message, origin) { parent.postMessage(message, origin || "*"); };
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: filename, error: event.error }));
  });
})();
