/**
 * Hostile input for every command (SPEC §5): whatever is typed, kvz either stores it literally
 * (free text: SQL-looking text, emoji, combining characters) or refuses it with exit 2, one clean
 * Dutch line on stderr that cannot steer the terminal, and nothing written. The table is in
 * doelwitten.ts; the vijandig-*.test.ts files each run a part of it, so they run in parallel.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { kvz, kvzOk, lees, nieuweDb, tijdelijkeMap } from '../helpers/run.js';
import { maakZaak } from '../helpers/zaken.js';
import { VIJANDIG, type Doelwit, type Plek, type Vijandig } from './doelwitten.js';

let sjabloon: string;

async function maakSjabloon(): Promise<void> {
  // Made once, copied for every case: a melding with melder data, an open zaak with an actie, a GIO cadence.
  sjabloon = join(mkdtempSync(join(tmpdir(), 'kvz-sjabloon-')), 'sjabloon.db');
  await kvzOk(
    ['melding', 'add', '--categorie', 'treiteren', '--kern', 'Obdam', '--omschrijving', 'Scheldwoorden', '--melder-naam', 'Anna', '--ontvangen', '2027-03-15 09:00'],
    { db: sjabloon },
  );
  maakZaak(sjabloon, { nummer: 'Z-2027-001' });
  await kvzOk(['actie', 'add', 'Z-2027-001', '--omschrijving', 'Buurtonderzoek', '--partner', 'politie', '--deadline', '2027-04-01'], { db: sjabloon });
  await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-03-02'], { db: sjabloon });
}

/**
 * The database file's bytes, and whether a write-ahead log with content was left: equal before and
 * after means nothing was written (a committed write is checkpointed into the file when kvz closes).
 */
function vingerafdruk(db: string): string {
  const wal = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
  return `${createHash('sha256').update(readFileSync(db)).digest('hex')} wal=${wal}`;
}

function verwachting(plek: Plek, v: Vijandig): 'aanvaard' | 'geweigerd' {
  if (plek.leegMag && v.waarde.trim() === '') return 'aanvaard';
  return v.aanvaard.includes(plek.soort) ? 'aanvaard' : 'geweigerd';
}

/** How kvz stores typed text: NFC, CRLF as LF, trimmed; empty is absent. */
function alsOpgeslagen(w: string): string | null {
  return w.normalize('NFC').replace(/\r\n?/g, '\n').trim() || null;
}

/** Every place of every given command × every hostile value. */
export function toetsVijandigeInvoer(doelwitten: Doelwit[]): void {
  // Not in tijdelijkeMap(), which is emptied after each test: the template outlives them.
  beforeAll(maakSjabloon);
  afterAll(() => rmSync(dirname(sjabloon), { recursive: true, force: true }));
  for (const doelwit of doelwitten) toetsDoelwit(doelwit);
}

function toetsDoelwit(doelwit: Doelwit): void {
  describe(`kvz ${doelwit.commando}`, () => {
    for (const plek of doelwit.plekken) {
      it.each(VIJANDIG.map((v) => [v.naam, v] as const))(`${plek.naam} met %s`, async (_naam, v) => {
        const map = tijdelijkeMap();
        const db = plek.zonderDb ? join(map, 'nieuw.db') : nieuweDb();
        if (!plek.zonderDb) copyFileSync(sjabloon, db);
        const voor = plek.zonderDb ? undefined : vingerafdruk(db);
        const bestandenVoor = readdirSync(map);
        const u = await kvz(plek.args(v.waarde, { map }), { db });

        if (verwachting(plek, v) === 'geweigerd') {
          expect(u.code, u.stderr).toBe(2);
          expect(u.stdout).toBe('');
          const regels = u.stderr.split('\n');
          expect(regels, 'één regel').toHaveLength(2);
          expect(regels[1]).toBe('');
          // Nothing that can steer a terminal, no stack trace, no wall of echoed input.
          expect(u.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
          expect(u.stderr).not.toMatch(/Onverwachte fout|at .*\.(ts|js):\d+/);
          expect(u.stderr.length).toBeLessThan(400);
          if (plek.zonderDb) expect(existsSync(db)).toBe(false);
          else expect(vingerafdruk(db)).toBe(voor);
          expect(readdirSync(map)).toEqual(bestandenVoor);
          return;
        }

        expect(u.code, u.stderr).toBe(plek.aanvaardCode ?? 0);
        if (plek.opgeslagen) {
          const [rij] = lees<Record<string, string | null>>(db, plek.opgeslagen);
          expect(Object.values(rij!)[0]).toBe(alsOpgeslagen(v.waarde));
        }
        if (plek.soort === 'pad' && plek.aanvaardCode === undefined) expect(existsSync(join(map, v.waarde))).toBe(true);
        // SQL-looking text harmed nothing: the database is whole and the melding is still there.
        if (!plek.zonderDb) {
          expect(lees(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          expect(lees(db, `SELECT nummer FROM melding WHERE nummer = 'M-2027-0001'`)).toHaveLength(1);
        }
      });
    }
  });
}
