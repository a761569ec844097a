// Independent verification of a Lernkette Open Badges credential with the Digital Credentials
// Consortium's libraries (not our code): @digitalcredentials/vc + eddsa-rdfc-2022 cryptosuite +
// vc-bitstring-status-list. Offline: contexts come bundled with security-document-loader; the
// issuer's DID document and the status list credentials are handed in.
//
// pruefen() gives {"verified": bool, "status": {"verified": bool} | null, "fehler": [...]}.
import * as vc from '@digitalcredentials/vc';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalcredentials/vc-bitstring-status-list';
import {securityLoader} from '@digitalcredentials/security-document-loader';

// No fetching: only the bundled contexts (fetchRemoteContexts=false) plus our documents.
const gebuendelt = securityLoader({fetchRemoteContexts: false}).build();
const dokument = (document, url) => ({contextUrl: null, documentUrl: url, document});

function ladenMit(didDokument, statuslisten) {
  return async function documentLoader(url) {
    if (url.startsWith('did:')) {
      const [did] = url.split('#');
      if (did !== didDokument.id) {
        throw new Error(`Unbekannte DID: ${url}`);
      }
      if (url === did) {
        return dokument(didDokument, url);
      }
      const methode = (didDokument.verificationMethod || []).find((m) => m.id === url);
      if (!methode) {
        throw new Error(`Verifikationsmethode nicht im DID-Dokument: ${url}`);
      }
      return dokument({'@context': didDokument['@context'], ...methode}, url);
    }
    const liste = statuslisten.find((l) => l && l.id === url);
    if (liste) {
      return dokument(liste, url);
    }
    return gebuendelt(url);
  };
}

export async function pruefen(credential, didDokument, statuslisten) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
  const ergebnis = {verified: false, status: null, fehler: []};
  try {
    const pruefung = await vc.verifyCredential({
      credential,
      suite,
      documentLoader: ladenMit(didDokument, statuslisten),
      checkStatus,
    });
    ergebnis.verified = pruefung.verified === true;
    if (pruefung.statusResult) {
      ergebnis.status = {verified: pruefung.statusResult.verified === true};
    }
    const sammeln = (fehler) => {
      if (!fehler) return;
      for (const f of Array.isArray(fehler) ? fehler : [fehler]) {
        ergebnis.fehler.push(String(f && f.message ? f.message : f));
        if (f && f.errors) sammeln(f.errors);
      }
    };
    sammeln(pruefung.error);
    for (const r of pruefung.results || []) sammeln(r.error);
    if (pruefung.statusResult && pruefung.statusResult.error) sammeln(pruefung.statusResult.error);
  } catch (fehler) {
    ergebnis.fehler.push(String(fehler && fehler.message ? fehler.message : fehler));
  }
  return ergebnis;
}
