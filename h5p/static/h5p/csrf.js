/* Loaded by h5p-standalone inside the player frame (customJs): H5P core saves the resume state
 * with jQuery POSTs, which need Django's CSRF token. The token comes from the embedding page. */
(function () {
  "use strict";
  var seite = window.parent && window.parent.document ? window.parent.document : document;
  var quelle = seite.querySelector("[data-h5p-csrf]");
  if (quelle && window.H5P && window.H5P.jQuery) {
    window.H5P.jQuery.ajaxSetup({ headers: { "X-CSRFToken": quelle.dataset.h5pCsrf } });
  }
})();
