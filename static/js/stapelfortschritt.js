// Live progress of "Zertifikate für Durchgang erzeugen": polls the job's status endpoint.
(function () {
  "use strict";
  var box = document.querySelector(".stapel[data-status-url]");
  if (!box || box.dataset.fertig === "ja") { return; }
  var balken = box.querySelector("progress");
  var text = box.querySelector(".stapel__text");
  var zip = box.querySelector(".stapel__zip");

  function abfragen() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (antwort) { return antwort.ok ? antwort.json() : Promise.reject(antwort.status); })
      .then(function (stand) {
        balken.value = stand.prozent;
        balken.textContent = stand.prozent + " %";
        if (stand.status === "fertig") {
          text.textContent = "Fertig: " + stand.erledigt + " PDF-Dateien erzeugt, " +
            stand.fehlgeschlagen + " fehlgeschlagen.";
          zip.hidden = false;
        } else {
          text.textContent = "Läuft: " + stand.prozent + " % (" + stand.erledigt + " von " +
            (stand.gesamt === null ? "?" : stand.gesamt) + ")";
          window.setTimeout(abfragen, 1000);
        }
      })
      .catch(function () { window.setTimeout(abfragen, 5000); });
  }
  window.setTimeout(abfragen, 500);
})();
