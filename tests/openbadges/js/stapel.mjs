// Many credentials in one Node process (the differential tests): reads
// {"did": DID-DOKUMENT, "statuslisten": [...], "credentials": [...]} from the file given and prints
// one JSON array with the result of pruefer.mjs for each credential, in order.
import {readFileSync} from 'node:fs';
import {pruefen} from './pruefer.mjs';

const {did, statuslisten, credentials} = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ergebnisse = [];
for (const credential of credentials) {
  ergebnisse.push(await pruefen(credential, did, statuslisten));
}
process.stdout.write(JSON.stringify(ergebnisse) + '\n');
