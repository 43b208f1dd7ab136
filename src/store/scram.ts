/**
 * A password as PostgreSQL stores it: a SCRAM-SHA-256 verifier (RFC 5802, 7677), made here so that the
 * password itself never reaches the server, nor its log (SPEC §7).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** SASLprep's steps that change the bytes (RFC 4013): what PostgreSQL and node-postgres do too. */
function saslprep(wachtwoord: string): string {
  return wachtwoord
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g, '')
    .normalize('NFKC');
}

/** PostgreSQL's default iteration count. */
const ITERATIES = 4096;

export function scramVerificatie(wachtwoord: string, zout: Buffer = randomBytes(16)): string {
  const gezouten = pbkdf2Sync(saslprep(wachtwoord), zout, ITERATIES, 32, 'sha256');
  const clientSleutel = createHmac('sha256', gezouten).update('Client Key').digest();
  const opgeslagen = createHash('sha256').update(clientSleutel).digest();
  const serverSleutel = createHmac('sha256', gezouten).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIES}:${zout.toString('base64')}$${opgeslagen.toString('base64')}:${serverSleutel.toString('base64')}`;
}
