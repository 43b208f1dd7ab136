/**
 * A large import is read in a worker thread while the main thread writes (the built binary only):
 * the same rules, the same numbering in order of receipt, and still all or nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OP_POSTGRES } from '../helpers/opslag.js';
import { lees, nieuweDb, spawnKvz, telRijen, tijdelijkeMap } from '../helpers/run.js';

const KOP = 'Datum;Kern;Categorie;Omschrijving;Doorgezet naar;Doorgezet op';
const NU = '2027-03-16T10:00:00.000Z';

/** `aantal` rows, from 1 January 2026 onwards, written newest first so that numbering must sort them. */
function lijst(aantal: number, fout: Map<number, string> = new Map()): string {
  const regels: string[] = [];
  for (let i = aantal - 1; i >= 0; i--) {
    const dag = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 200) * 86_400_000);
    const datum = `${String(dag.getUTCDate()).padStart(2, '0')}-${String(dag.getUTCMonth() + 1).padStart(2, '0')}-${dag.getUTCFullYear()}`;
    const minuut = 8 * 60 + (i % 200); // every row of a day its own minute
    const tijd = `${String(Math.floor(minuut / 60)).padStart(2, '0')}:${String(minuut % 60).padStart(2, '0')}`;
    regels.push(fout.get(i) ?? `${datum} ${tijd};Obdam;jeugdoverlast;Overlast nummer ${i} bij het sportveld;politie;${datum} 20:00`);
  }
  return `${KOP}\r\n${regels.join('\r\n')}\r\n`;
}

function bestand(inhoud: string): string {
  const pad = join(tijdelijkeMap(), 'groot.csv');
  writeFileSync(pad, inhoud);
  return pad;
}

describe('kvz import meldingen of a large file', () => {
  it('imports every row, numbered in order of receipt, with their forwardings and one audit row', async () => {
    const db = nieuweDb();
    const u = await spawnKvz(['import', 'meldingen', bestand(lijst(12_000))], { KVZ_DB: db, KVZ_NU: NU });
    expect(u.stderr).toBe('');
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('✓ 12000 meldingen geïmporteerd: M-2026-0001 t/m M-2026-12000.');
    expect(telRijen(db, 'melding')).toBe(12_000);
    expect(telRijen(db, 'doorzetting')).toBe(12_000);
    expect(telRijen(db, 'audit')).toBe(1);
    // The file lists the newest first; the numbers follow the moment of receipt.
    const rijen = lees<{ nummer: string; omschrijving: string }>(db, "SELECT nummer, omschrijving FROM melding WHERE nummer IN ('M-2026-0001', 'M-2026-12000') ORDER BY nummer");
    expect(rijen).toEqual([
      { nummer: 'M-2026-0001', omschrijving: 'Overlast nummer 0 bij het sportveld' },
      { nummer: 'M-2026-12000', omschrijving: 'Overlast nummer 11999 bij het sportveld' },
    ]);
    expect(lees(db, "SELECT count(*) AS n FROM melding m JOIN doorzetting d ON d.melding_id = m.id WHERE d.partner = 'politie'")).toEqual([{ n: 12_000 }]);
    // On a file the import counts its meldingen in one step, its counting trigger back as it was (#17).
    if (!OP_POSTGRES) {
      expect(lees(db, 'SELECT aantal FROM melding_aantal')).toEqual([{ aantal: 12_000 }]);
      expect(lees(db, `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'melding' ORDER BY name`)).toEqual([{ name: 'melding_aantal_af' }, { name: 'melding_aantal_bij' }]);
    }
  });

  // The reader reuses its arrays from batch to batch (postMessage copies them, #14): every row must
  // still land whole, with its own forwardings, and the states the reader hashed must be the rows'.
  it('writes each row whole across batches, with as many forwardings as it has, and check proves them', async () => {
    const db = nieuweDb();
    const partners = ['', 'politie', 'politie,zorgteam', 'jongerenwerk'];
    const regels: string[] = [];
    for (let i = 4_999; i >= 0; i--) {
      const dag = String(1 + Math.floor(i / 200)).padStart(2, '0');
      const minuut = 8 * 60 + (i % 200);
      const tijd = `${String(Math.floor(minuut / 60)).padStart(2, '0')}:${String(minuut % 60).padStart(2, '0')}`;
      const naar = partners[i % 4]!;
      regels.push(`${dag}-01-2026 ${tijd};Obdam;jeugdoverlast;Regel ${i}${'.'.repeat(i % 97)};${naar};${naar ? `${dag}-01-2026 20:00` : ''}`);
    }
    const u = await spawnKvz(['import', 'meldingen', bestand(`${KOP}\r\n${regels.join('\r\n')}\r\n`)], { KVZ_DB: db, KVZ_NU: NU });
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('✓ 5000 meldingen geïmporteerd: M-2026-0001 t/m M-2026-5000.');
    const rijen = lees<{ id: number; volgnummer: number; omschrijving: string; status: string }>(db, 'SELECT id, volgnummer, omschrijving, status FROM melding ORDER BY volgnummer');
    const naar = new Map<number, string[]>();
    for (const d of lees<{ melding_id: number; partner: string }>(db, 'SELECT melding_id, partner FROM doorzetting ORDER BY melding_id, partner')) {
      naar.set(d.melding_id, [...(naar.get(d.melding_id) ?? []), d.partner]);
    }
    expect(rijen).toHaveLength(5_000);
    const mis = rijen.filter((r) => {
      const i = r.volgnummer - 1;
      const verwacht = partners[i % 4]!.split(',').filter(Boolean).sort().join(',');
      return r.omschrijving !== `Regel ${i}${'.'.repeat(i % 97)}` || (naar.get(r.id) ?? []).join(',') !== verwacht || r.status !== (verwacht ? 'doorgezet' : 'nieuw');
    });
    expect(mis).toEqual([]);
    const check = await spawnKvz(['check'], { KVZ_DB: db, KVZ_NU: NU });
    expect(check.stdout).toContain('Alles in orde');
    expect(check.code).toBe(0);
  });

  it('names every bad row by its line, in line order, and writes nothing', async () => {
    const db = nieuweDb();
    // Row i is on line aantal - i + 1 (newest first, after the header).
    const fout = new Map([
      [11_000, '30-02-2026 10:00;Obdam;jeugdoverlast;Onmogelijke datum;;'],
      [50, '02-01-2026 10:00;Spierdyk;jeugdoverlast;Tikfout in de kern;;'],
      [6_000, '02-01-2026 10:00;Obdam;jeugdoverlast;Naar wie?;wijkagent;'],
    ]);
    const u = await spawnKvz(['import', 'meldingen', bestand(lijst(12_000, fout))], { KVZ_DB: db, KVZ_NU: NU });
    expect(u.code).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr.trim().split('\n')).toEqual([
      "Regel 1001: Ongeldige datum voor kolom 'Datum': '30-02-2026 10:00' bestaat niet. Gebruik 16-03-2027, 16-3-2027 of 2027-03-16; 16-3 of 16-03; vandaag, morgen, gisteren; een weekdag (vrijdag); over 3 dagen, over 2 weken, +3d, +2w, eventueel met een tijd HH:MM erachter.",
      "Regel 6001: Onbekende partner 'wijkagent' voor kolom 'Doorgezet naar'. Kies uit: burgemeester, casemanager-jeugd, communicatie, handhaving, iv, jongerenwerk, oov, politie, portefeuillehouder, vluchtelingenwerk, zorgteam.",
      "Regel 11951: Onbekende kern 'Spierdyk' voor kolom 'Kern'. Bedoelde u 'Spierdijk'?",
      '3 van de 12000 regels afgekeurd; er is niets geïmporteerd.',
    ]);
    expect(telRijen(db, 'melding')).toBe(0);
    expect(telRijen(db, 'doorzetting')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(0);
  });

  it('writes nothing when the only bad row is the last received, after thousands of good rows were read', async () => {
    const db = nieuweDb();
    // Row 11999 is received last: every other row is read, checked and handed on for writing before it.
    const fout = new Map([[11_999, '02-03-2026 23:00;Spierdyk;jeugdoverlast;De laatste, met een tikfout;politie;02-03-2026 23:30']]);
    const u = await spawnKvz(['import', 'meldingen', bestand(lijst(12_000, fout))], { KVZ_DB: db, KVZ_NU: NU });
    expect(u.code).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr.trim().split('\n')).toEqual([
      "Regel 2: Onbekende kern 'Spierdyk' voor kolom 'Kern'. Bedoelde u 'Spierdijk'?",
      '1 van de 12000 regels afgekeurd; er is niets geïmporteerd.',
    ]);
    expect(telRijen(db, 'melding')).toBe(0);
    expect(telRijen(db, 'doorzetting')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(0);
  });

  // The worker starts reading before the database is open (#14): what goes wrong on either side still
  // ends the command at once, with its own message.
  it('refuses a large file that cannot be read, before anything is written', async () => {
    const db = nieuweDb();
    const u = await spawnKvz(['import', 'meldingen', bestand(`${KOP}\r\n"16-03-2027 09:00;Obdam;overig;${'x'.repeat(300_000)}\r\n`)], { KVZ_DB: db, KVZ_NU: NU });
    expect(u).toMatchObject({ code: 2, stdout: '' });
    expect(u.stderr).toBe('Regel 2: een veld dat met een aanhalingsteken (") begint, wordt nergens afgesloten.\n');
    expect(telRijen(db, 'melding')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(0);
  });

  it('stops reading when the database cannot be opened, and leaves that file alone', async () => {
    const db = join(tijdelijkeMap(), 'geen.db');
    const inhoud = Buffer.alloc(8192, 7);
    writeFileSync(db, inhoud);
    const u = await spawnKvz(['import', 'meldingen', bestand(lijst(12_000))], { KVZ_DB: db, KVZ_NU: NU });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('is geen kvz-database');
    expect(readFileSync(db)).toEqual(inhoud);
  });

  it('only reports with --dry-run, writing nothing', async () => {
    const db = nieuweDb();
    const u = await spawnKvz(['import', 'meldingen', bestand(lijst(12_000)), '--dry-run'], { KVZ_DB: db, KVZ_NU: NU });
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('Proef: 12000 meldingen zijn in orde en zouden worden geïmporteerd als M-2026-0001 t/m M-2026-12000. Er is niets vastgelegd.');
    expect(telRijen(db, 'melding')).toBe(0);
    expect(telRijen(db, 'audit')).toBe(0);
  });
});
