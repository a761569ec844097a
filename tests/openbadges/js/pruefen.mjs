// One credential with the independent verifier (pruefer.mjs):
//
//   node pruefen.mjs CREDENTIAL.json DID-DOKUMENT.json STATUSLISTE.json
//
// Prints one JSON object: {"verified": bool, "status": {"verified": bool} | null, "fehler": [...]}
import {readFileSync} from 'node:fs';
import {pruefen} from './pruefer.mjs';

const lesen = (pfad) => JSON.parse(readFileSync(pfad, 'utf8'));
const [credentialPfad, didPfad, statuslistePfad] = process.argv.slice(2);
if (!statuslistePfad) {
  process.stderr.write("Aufruf: node pruefen.mjs CREDENTIAL.json DID-DOKUMENT.json STATUSLISTE.json\n");
  process.exit(2);
}
const ergebnis = await pruefen(lesen(credentialPfad), lesen(didPfad), [lesen(statuslistePfad)]);
process.stdout.write(JSON.stringify(ergebnis) + '\n');
