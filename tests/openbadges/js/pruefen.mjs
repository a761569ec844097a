// Independent verification of a Lernkette Open Badges credential with the Digital Credentials
// Consortium's libraries (not our code): @digitalcredentials/vc + eddsa-rdfc-2022 cryptosuite +
// vc-bitstring-status-list. Offline: contexts come bundled with security-document-loader; the
// issuer's DID document and the status list credential are read from files given here.
//
//   node pruefen.mjs CREDENTIAL.json DID-DOKUMENT.json STATUSLISTE.json
//
// Prints one JSON object: {"verified": bool, "status": {"verified": bool} | null, "fehler": [...]}
import {readFileSync} from 'node:fs';
import * as vc from '@digitalcredentials/vc';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalcredentials/vc-bitstring-status-list';
import {securityLoader} from '@digitalcredentials/security-document-loader';

const lesen = (pfad) => JSON.parse(readFileSync(pfad, 'utf8'));
const [credentialPfad, didPfad, statuslistePfad] = process.argv.slice(2);
if (!statuslistePfad) {
  process.stderr.write("Aufruf: node pruefen.mjs CREDENTIAL.json DID-DOKUMENT.json STATUSLISTE.json\n");
  process.exit(2);
}
const credential = lesen(credentialPfad);
const didDokument = lesen(didPfad);
const statusliste = lesen(statuslistePfad);

// No fetching: only the bundled contexts (fetchRemoteContexts=false) plus our two documents.
const gebuendelt = securityLoader({fetchRemoteContexts: false}).build();
const dokument = (document, url) => ({contextUrl: null, documentUrl: url, document});
async function documentLoader(url) {
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
  if (url === statusliste.id) {
    return dokument(statusliste, url);
  }
  return gebuendelt(url);
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
const ergebnis = {verified: false, status: null, fehler: []};
try {
  const pruefung = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
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
process.stdout.write(JSON.stringify(ergebnis) + '\n');
