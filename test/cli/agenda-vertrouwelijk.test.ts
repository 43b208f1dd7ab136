/**
 * Confidentiality over random data: every melder field, address and description, and every
 * vertrouwelijke zaak, actie and melding carries a unique marker; no GIO or tweewekelijks agenda,
 * its JSON or its minutes, over a year of windows, may show one; no document shows melder data,
 * addresses or descriptions; and the counts equal counts made here, independently, over the data
 * that is not confidential.
 */
import { describe, expect, it } from 'vitest';
import { dagVan, instantVan, plusDagen, type Datum } from '../../src/domain/tijd.js';
import { overleggen, overlegVoor } from '../../src/store/overleggen.js';
import { schrijfAudit } from '../../src/store/audit.js';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { kvzOk, nieuweDb, openTest, STANDAARD_NU, tijdelijkeMap } from '../helpers/run.js';

const NU = new Date(STANDAARD_NU);
const CATEGORIEEN = ['jeugdoverlast', 'burenoverlast', 'treiteren', 'drugs', 'overig'];
const KERNEN = ['Obdam', 'Spierdijk', 'Ursem', 'Avenhorn'];
const PARTNERS = ['politie', 'jongerenwerk', 'zorgteam', 'iv'];
const STATUSSEN = ['open', 'loopt', 'gereed', 'vervallen'] as const;

interface Zaak { id: number; nummer: string; vertrouwelijk: boolean; open: boolean; geopend: Datum }
interface Melding { nummer: string; dag: Datum; op: string; categorie: string; kern: string; vh: boolean; vertrouwelijk: boolean; zaak: Zaak | null; plaatsing?: Plaatsing }
interface Plaatsing { nummer: string; datum: Datum; einde: Datum | null; vastgelegd: string }
interface Actie { nummer: string; zaak: Zaak; status: string; deadline: Datum; overleg: number | null; op: string }

function toeval(zaad: number): () => number {
  let a = zaad >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function genereer(pad: string, zaad: number) {
  const r = toeval(zaad);
  const kies = <T>(l: readonly T[]): T => l[Math.floor(r() * l.length)]!;
  // Through kvz's own store surface, so the same data goes into a file or a PostgreSQL database.
  const db = await openTest(pad, NU);
  const geheim: string[] = [];
  const persoonlijk: string[] = [];
  try {
    return await db.transactie(async () => {
      await db.voer(`UPDATE cadans SET start = ?, ingesteld_op = ? WHERE soort = 'gio'`, ['2026-03-03', STANDAARD_NU]);
      await db.voer(`UPDATE cadans SET start = ?, ingesteld_op = ? WHERE soort = 'politie'`, ['2026-03-10', STANDAARD_NU]);
      const gios: number[] = [];
      for (const o of await overleggen(db, { soort: 'gio', van: '2026-03-01', tot: dagVan(NU) })) gios.push(await overlegVoor(db, 'gio', o.datum, NU));
      const dag = () => plusDagen('2026-03-01', Math.floor(r() * 380));
      const zaken: Zaak[] = [];
      for (let i = 1; i <= 80; i++) {
        const open = dag();
        const z: Zaak = { id: i, nummer: `Z-${open.slice(0, 4)}-${String(i).padStart(3, '0')}`, vertrouwelijk: r() < 0.25, open: r() < 0.7, geopend: open };
        const geopend = instantVan(open, '10:00').toISOString();
        await db.voer(
          `INSERT INTO zaak (id, nummer, jaar, volgnummer, titel, soort, kern, vertrouwelijk, status, geopend_op, gesloten_op, geopend_door, gewijzigd_op)
           VALUES (?, ?, ?, ?, ?, 'overlast', ?, ?, ?, ?, ?, 'test', ?)`,
          [i, z.nummer, +open.slice(0, 4), i, z.vertrouwelijk ? `GEHEIMZAAK${i}Q` : `Zaak ${i}`, kies(KERNEN), +z.vertrouwelijk,
            z.open ? 'open' : 'gesloten', geopend, z.open ? null : STANDAARD_NU, geopend],
        );
        if (z.vertrouwelijk) geheim.push(z.nummer, `GEHEIMZAAK${i}Q`);
        zaken.push(z);
      }
      const meldingen: Melding[] = [];
      for (let i = 1; i <= 700; i++) {
        const op = new Date(instantVan('2026-03-01').getTime() + r() * (NU.getTime() - instantVan('2026-03-01').getTime()));
        const m: Melding = {
          nummer: `M-${dagVan(op).slice(0, 4)}-${String(i).padStart(4, '0')}`, dag: dagVan(op), op: op.toISOString(), categorie: kies(CATEGORIEEN),
          kern: kies(KERNEN), vh: r() < 0.2, vertrouwelijk: r() < 0.15, zaak: r() < 0.5 ? kies(zaken) : null,
        };
        await db.voer(
          `INSERT INTO melding (id, jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern, adres, omschrijving, melder_naam,
             melder_telefoon, melder_email, vergunninghouder, vertrouwelijk, zaak_id, status, geregistreerd_door, aangemaakt_op, gewijzigd_op)
           VALUES (?, ?, ?, ?, ?, 'telefoon', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nieuw', 'test', ?, ?)`,
          [i, +m.dag.slice(0, 4), i, m.op, m.dag, m.categorie, m.kern, `ADRES${i}Q`, `OMSCHRIJVING${i}Q`, `MELDER${i}Q`, `TEL${i}Q`,
            `MAIL${i}Q@example.nl`, +m.vh, +m.vertrouwelijk, m.zaak?.id ?? null, m.op, m.op],
        );
        persoonlijk.push(`ADRES${i}Q`, `OMSCHRIJVING${i}Q`, `MELDER${i}Q`, `TEL${i}Q`, `MAIL${i}Q`);
        if (m.vertrouwelijk || m.zaak?.vertrouwelijk) geheim.push(m.nummer);
        if (r() < 0.7) {
          const door = new Date(op.getTime() + (r() < 0.7 ? 600_000 : 2 * 86_400_000));
          await db.voer(`INSERT INTO doorzetting (melding_id, partner, op, dag, door) VALUES (?, ?, ?, ?, 'test')`, [i, kies(PARTNERS), door.toISOString(), dagVan(door)]);
        }
        meldingen.push(m);
      }
      const acties: Actie[] = [];
      for (let i = 1; i <= 250; i++) {
        const a: Actie = { nummer: `A-2027-${String(i).padStart(4, '0')}`, zaak: kies(zaken), status: kies(STATUSSEN), deadline: plusDagen('2026-10-01', Math.floor(r() * 300)),
          overleg: r() < 0.6 ? kies(gios) : null, op: '' };
        const op = instantVan(plusDagen('2026-09-01', Math.floor(r() * 190))).toISOString();
        a.op = op;
        await db.voer(
          `INSERT INTO actie (id, nummer, jaar, volgnummer, zaak_id, omschrijving, partner, deadline, status, overleg_id, aangemaakt_op, aangemaakt_door, gewijzigd_op)
           VALUES (?, ?, 2027, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)`,
          [i, a.nummer, i, a.zaak.id, a.zaak.vertrouwelijk ? `GEHEIMACTIE${i}Q` : `Actie ${i}`, kies(PARTNERS), a.deadline, a.status, a.overleg, op, op],
        );
        // Its history as kvz writes it: what a document of a past meeting reads the actie's state from.
        await db.voer(
          `INSERT INTO actie_historie (actie_id, op, door, status_oud, status_nieuw, deadline_oud, deadline_nieuw, partner_oud, partner_nieuw)
           SELECT id, aangemaakt_op, 'test', NULL, status, NULL, deadline, NULL, partner FROM actie WHERE id = ?`,
          [i],
        );
        if (a.zaak.vertrouwelijk) geheim.push(a.nummer, `GEHEIMACTIE${i}Q`);
        acties.push(a);
      }
      // Placements of vergunninghouders (SPEC §11), from a stream of their own: their address is personal data.
      const rp = toeval(zaad + 1);
      const plaatsingen: Plaatsing[] = [];
      for (let i = 1; i <= 12; i++) {
        const datum = plusDagen('2026-02-01', Math.floor(rp() * 420));
        // Recorded two weeks before the household arrives.
        const vastgelegd = instantVan(plusDagen(datum, -14), '10:00').toISOString();
        const p: Plaatsing = { nummer: `P-${datum.slice(0, 4)}-${String(i).padStart(2, '0')}`, datum, einde: rp() < 0.3 ? plusDagen(datum, 20 + Math.floor(rp() * 150)) : null, vastgelegd };
        await db.voer(
          `INSERT INTO plaatsing (id, nummer, jaar, volgnummer, kern, adres, datum, einde, huishouden, door, aangemaakt_op, gewijzigd_op)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?)`,
          [i, p.nummer, +datum.slice(0, 4), i, KERNEN[i % KERNEN.length]!, `PLAATSADRES${i}Q`, datum, p.einde, 1 + (i % 5), vastgelegd, vastgelegd],
        );
        persoonlijk.push(`PLAATSADRES${i}Q`);
        plaatsingen.push(p);
      }
      for (const [i, m] of meldingen.entries()) {
        if (rp() >= 0.1) continue;
        const p = plaatsingen[Math.floor(rp() * plaatsingen.length)]!;
        m.plaatsing = p;
        m.vh = true;
        await db.voer('UPDATE melding SET plaatsing_id = ?, vergunninghouder = 1 WHERE id = ?', [plaatsingen.indexOf(p) + 1, i + 1]);
      }
      const overlegId = new Map((await overleggen(db, { soort: 'gio', van: '2026-03-01', tot: dagVan(NU) })).map((o) => [o.datum, o.id]));
      // Written as kvz writes: with its audit row, which records the state of all of it (SPEC §10).
      await schrijfAudit(db, { gebruiker: 'test', nu: NU, commando: 'test' }, { resultaat: 'willekeurige testgegevens' });
      return { zaken, meldingen, acties, geheim, persoonlijk, overlegId, plaatsingen };
    });
  } finally {
    await db.sluit();
  }
}

const MARKERING = /(?:PLAATSADRES|ADRES|OMSCHRIJVING|MELDER|TEL|MAIL|GEHEIMZAAK|GEHEIMACTIE)\d+Q/g;

/** Every marker in a document, and every number in it that is confidential. */
function lekken(tekst: string, geheim: ReadonlySet<string>): string[] {
  const uit = [...tekst.matchAll(MARKERING)].map((m) => m[0]);
  for (const [n] of tekst.matchAll(/[MZA]-\d{4}-\d{3,4}/g)) if (geheim.has(n)) uit.push(n);
  return uit;
}

const vertrouwelijk = (m: Melding) => m.vertrouwelijk || m.zaak?.vertrouwelijk === true;
const binnen = (d: Datum, p: { van: Datum; tot_en_met: Datum }) => d >= p.van && d <= p.tot_en_met;

describe.each([11, 2027, 1598])('random data, seed %i', (zaad) => {
  it('shows no confidential or personal text in any GIO or tweewekelijks document, and counts only what is not confidential', async () => {
    const db = nieuweDb();
    const g = await genereer(db, zaad);
    const conn = await openTest(db, NU);
    const plan = (await overleggen(conn, { van: '2026-04-01', tot: '2027-04-30' })).filter((o) => o.soort !== 'politie');
    await conn.sluit();
    expect(plan.length).toBeGreaterThan(20);
    const openbaar = g.meldingen.filter((m) => !vertrouwelijk(m));
    const geheim = new Set(g.geheim.filter((n) => /^[MZA]-/.test(n)));
    // The check itself: a document made of the markers is caught.
    expect(lekken(`${g.persoonlijk[0]} ${g.geheim.at(-1)} ${[...geheim][0]}`, geheim)).toHaveLength(3);

    for (const o of plan) {
      const args = ['--datum', o.datum];
      const documenten = [
        (await kvzOk(['agenda', o.soort, ...args], { db })).stdout,
        (await kvzOk(['notulen', o.soort, ...args], { db })).stdout,
        (await kvzOk(['agenda', o.soort, ...args, '--json'], { db })).stdout,
      ];
      for (const tekst of documenten) expect(lekken(tekst, geheim), `${o.soort} ${o.datum}`).toEqual([]);
      const a = JSON.parse(documenten[2]!);
      const inVenster = openbaar.filter((m) => binnen(m.dag, a.venster));
      // A meeting already held shows what was recorded by the end of its day (#15 item 6).
      const stand = o.datum < dagVan(NU) ? instantVan(plusDagen(o.datum, 1)).toISOString() : '9999';
      const bekend = (op: string) => op < stand;
      const zaakBekend = (z: Zaak) => stand === '9999' || bekend(instantVan(z.geopend, '10:00').toISOString());
      if (o.soort === 'gio') {
        expect(a.vergunninghouders.totaal).toBe(inVenster.filter((m) => m.vh).length);
        // Per placement running in the window: its meldingen that are not confidential, since and in the window.
        const lopend = g.plaatsingen.filter((p) => p.datum <= a.venster.tot_en_met && (p.einde === null || p.einde >= a.venster.van) && bekend(p.vastgelegd));
        expect(a.vergunninghouders.plaatsingen.map((p: { nummer: string }) => p.nummer).sort()).toEqual(lopend.map((p) => p.nummer).sort());
        for (const p of a.vergunninghouders.plaatsingen as { nummer: string; meldingen_sinds_plaatsing: number; meldingen_in_periode: number }[]) {
          const van = openbaar.filter((m) => m.plaatsing?.nummer === p.nummer && m.dag >= m.plaatsing.datum && bekend(m.op));
          expect(p.meldingen_sinds_plaatsing, p.nummer).toBe(van.filter((m) => m.dag <= a.venster.tot_en_met).length);
          expect(p.meldingen_in_periode, p.nummer).toBe(van.filter((m) => binnen(m.dag, a.venster)).length);
        }
        expect(a.jeugdoverlast.aantal).toBe(inVenster.filter((m) => m.categorie === 'jeugdoverlast').length);
        expect(a.jeugdoverlast.vorige_periode).toBe(openbaar.filter((m) => binnen(m.dag, a.vorig_venster) && m.categorie === 'jeugdoverlast').length);
        const zaken = [...a.nieuwe_zaken, ...a.lopende_zaken, ...a.klaar_om_te_sluiten];
        // Open then: opened by that day (closed ones were closed today); open now for a meeting ahead.
        const open = g.zaken.filter((z) => !z.vertrouwelijk && (stand === '9999' ? z.open : bekend(instantVan(z.geopend, '10:00').toISOString())));
        expect(zaken.map((z: { nummer: string }) => z.nummer).sort()).toEqual(open.map((z) => z.nummer).sort());
        for (const z of zaken) {
          expect(z.meldingen, z.nummer).toBe(openbaar.filter((m) => m.zaak?.nummer === z.nummer && bekend(m.op)).length);
          expect(z.meldingen_in_periode, z.nummer).toBe(inVenster.filter((m) => m.zaak?.nummer === z.nummer).length);
        }
        if (a.vorig_gio) {
          const id = g.overlegId.get(a.vorig_gio.datum);
          expect(a.vorig_gio.acties).toBe(g.acties.filter((x) => x.overleg === id && !x.zaak.vertrouwelijk && bekend(x.op)).length);
        }
      } else {
        expect(a.nieuwe_meldingen.map((m: { nummer: string }) => m.nummer)).toEqual(inVenster.sort((x, y) => x.op.localeCompare(y.op)).map((m) => m.nummer));
        const teLaat = g.acties.filter((x) => !x.zaak.vertrouwelijk && ['open', 'loopt'].includes(x.status) && x.deadline < a.peildatum && bekend(x.op) && zaakBekend(x.zaak));
        expect(a.te_late_acties.map((x: { nummer: string }) => x.nummer).sort()).toEqual(teLaat.map((x) => x.nummer).sort());
        const laatste = a.laatste_gio ? g.overlegId.get(a.laatste_gio) : undefined;
        const uitGio = g.acties.filter((x) => x.overleg === laatste && laatste !== undefined && !x.zaak.vertrouwelijk && bekend(x.op) && zaakBekend(x.zaak) && (!a.volgende_gio || x.deadline < a.volgende_gio));
        expect(a.acties_laatste_gio.map((x: { nummer: string }) => x.nummer).sort()).toEqual(uitGio.map((x) => x.nummer).sort());
        for (const z of a.zaken) expect(g.zaken.find((x) => x.nummer === z.nummer)!.vertrouwelijk).toBe(false);
      }
    }
  }, 120_000);

  it('shows nothing confidential or personal in the Word agendas and minutes of the GIO and tweewekelijks overleg', async () => {
    const db = nieuweDb();
    const g = await genereer(db, zaad);
    const geheim = new Set(g.geheim.filter((n) => /^[MZA]-/.test(n)));
    const conn = await openTest(db, NU);
    const plan = (await overleggen(conn, { van: '2026-09-01', tot: '2027-04-30' })).filter((o) => o.soort !== 'politie' && o.status !== 'geannuleerd');
    await conn.sluit();
    const map = tijdelijkeMap();
    // Every third meeting: the Word route renders the same blocks as the Markdown one checked above.
    for (const o of plan.filter((_, i) => i % 3 === 0)) {
      for (const wat of ['agenda', 'notulen']) {
        const pad = join(map, `${wat}-${o.soort}-${o.datum}.docx`);
        await kvzOk([wat, o.soort, '--datum', o.datum, '--output', pad], { db });
        const tekst = (await mammoth.extractRawText({ path: pad })).value;
        expect(lekken(tekst, geheim), `${wat} ${o.soort} ${o.datum}`).toEqual([]);
        expect(tekst).toMatch(/Opening/);
      }
    }
  }, 120_000);

  it('puts no melder data and nothing confidential in a default Excel workbook, on any sheet', async () => {
    const db = nieuweDb();
    const g = await genereer(db, zaad);
    const geheim = new Set(g.geheim.filter((n) => /^[MZA]-/.test(n)));
    const map = tijdelijkeMap();
    for (const args of [['matrix', '--status', 'alle'], ['meldingen']]) {
      const pad = join(map, `${args[0]}.xlsx`);
      await kvzOk(['export', ...args, '--per-partner', '--output', pad], { db });
      const boek = new ExcelJS.Workbook();
      await boek.xlsx.readFile(pad);
      expect(boek.worksheets.length).toBeGreaterThan(2);
      const tekst = JSON.stringify(boek.worksheets.map((w) => w.getSheetValues()));
      const gelekt = lekken(tekst, geheim).filter((m) => !/^(ADRES|OMSCHRIJVING)/.test(m));
      expect(gelekt, args[0]).toEqual([]);
      // The check itself: the workbook does hold the open data.
      expect(tekst).toMatch(args[0] === 'matrix' ? /A-\d{4}-\d{4}/ : /OMSCHRIJVING\d+Q/);
    }
  }, 60_000);

  it('shows no melder data, address or description in a politieoverleg document either', async () => {
    const db = nieuweDb();
    const g = await genereer(db, zaad);
    for (const datum of ['2026-05-05', '2026-12-15', '2027-02-09']) {
      for (const args of [['agenda', 'politie'], ['agenda', 'politie', '--json'], ['notulen', 'politie']]) {
        const { stdout } = await kvzOk([...args, '--datum', datum], { db });
        expect([...stdout.matchAll(MARKERING)].map((m) => m[0]).filter((m) => !/^GEHEIM/.test(m)), `${args.join(' ')} ${datum}`).toEqual([]);
      }
    }
  }, 60_000);
});
