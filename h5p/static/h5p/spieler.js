/* Starts every H5P activity on the page with h5p-standalone, one after another, and posts the
 * top-level xAPI statements to our endpoint. Configuration comes from data-h5p-* attributes
 * (no inline script: the site's CSP forbids it). */
(function () {
  "use strict";

  var spielerNachObjekt = new Map();
  var lauschtSchon = false;

  function statusSetzen(el, text) {
    var status = el.parentElement.querySelector(".h5p-aktivitaet__status");
    if (status) {
      status.textContent = text;
    }
  }

  function zwischenstandLaden(el) {
    if (!el.dataset.h5pZwischenstand) {
      return Promise.resolve(null); // preview in the admin: nothing is kept
    }
    var adresse = el.dataset.h5pZwischenstand
      .replace(":dataType", "state")
      .replace(":subContentId", "0");
    return fetch(adresse, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (antwort) { return antwort.ok ? antwort.json() : null; })
      .then(function (daten) { return daten && daten.success && daten.data ? daten.data : null; })
      .catch(function () { return null; });
  }

  function aussageSenden(el, aussage) {
    return fetch(el.dataset.h5pXapi, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": el.dataset.h5pCsrf
      },
      body: JSON.stringify(aussage)
    })
      .then(function (antwort) {
        if (!antwort.ok) {
          throw new Error(String(antwort.status));
        }
        return antwort.json();
      })
      .then(function (daten) {
        if (daten.erfuellt && el.dataset.h5pErfuellt !== "1") {
          el.dataset.h5pErfuellt = "1";
          statusSetzen(el, el.dataset.h5pTextErfuellt);
        }
      })
      .catch(function () {
        statusSetzen(el, el.dataset.h5pTextFehler);
      });
  }

  function beiXapi(ereignis) {
    var aussage = ereignis && ereignis.data && ereignis.data.statement;
    if (!aussage || !aussage.object) {
      return;
    }
    var kontext = aussage.context && aussage.context.contextActivities;
    if (kontext && kontext.parent && kontext.parent.length) {
      return; // sub-content: the top-level statement carries the result
    }
    var el = spielerNachObjekt.get(aussage.object.id);
    if (el && el.dataset.h5pXapi) {
      aussageSenden(el, aussage);
    }
  }

  function optionen(el, zustand) {
    var inhalt = el.dataset.h5pInhalt.replace(/\/h5p\.json$/, "");
    var werte = {
      id: el.dataset.h5pId,
      h5pJsonPath: inhalt,
      frameJs: el.dataset.h5pFrameJs,
      frameCss: el.dataset.h5pFrameCss,
      frame: false,
      fullScreen: false
    };
    if (el.dataset.h5pObjekt) {
      werte.xAPIObjectIRI = el.dataset.h5pObjekt;
    }
    if (el.dataset.h5pZwischenstand) {
      werte.customJs = [el.dataset.h5pCsrfJs];
      werte.saveFreq = 15;
      werte.user = { name: el.dataset.h5pNutzer, mail: el.dataset.h5pNutzerKennung };
      werte.ajax = { contentUserDataUrl: el.dataset.h5pZwischenstand };
    }
    if (zustand) {
      werte.contentUserData = [{ dataType: "state", previousState: zustand, subContentId: "*" }];
    }
    return werte;
  }

  function starten(el) {
    return zwischenstandLaden(el).then(function (zustand) {
      var werte = optionen(el, zustand);
      if (werte.xAPIObjectIRI) {
        spielerNachObjekt.set(werte.xAPIObjectIRI, el);
      }
      var laden = el.querySelector(".h5p-aktivitaet__laden");
      return new window.H5PStandalone.H5P(el, werte).then(function () {
        if (laden) {
          laden.remove();
        }
        var rahmen = el.querySelector("iframe");
        if (rahmen && el.dataset.h5pTitel) {
          rahmen.title = el.dataset.h5pTitel; // frames need an accessible name (WCAG 4.1.2)
        }
        el.dataset.h5pBereit = "1";
        if (!lauschtSchon && window.H5P && window.H5P.externalDispatcher) {
          window.H5P.externalDispatcher.on("xAPI", beiXapi);
          lauschtSchon = true;
        }
      });
    }).catch(function () {
      statusSetzen(el, el.dataset.h5pTextLadefehler);
    });
  }

  function alleStarten() {
    var elemente = Array.prototype.slice.call(document.querySelectorAll("[data-h5p-inhalt]"));
    // One player at a time: h5p-standalone sets up global H5P state while it starts.
    elemente.reduce(function (vorher, el) {
      return vorher.then(function () { return starten(el); });
    }, Promise.resolve());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", alleStarten);
  } else {
    alleStarten();
  }
})();
