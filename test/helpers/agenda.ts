/**
 * A realistic month around the meetings of test/helpers/matrix.ts (GIO 2 March and 13 April 2027,
 * tweewekelijks 16 and 30 March, politie 9 March and 4 May), built through the CLI: meldingen in and
 * before the windows, open zaken in every place of the GIO agenda, a vertrouwelijke zaak and melding,
 * and melder data, addresses and descriptions that no agenda may show (they all contain GEHEIM).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.js';
import { kvzJson, kvzOk, STANDAARD_NU, tijdelijkeMap } from './run.js';
import { zetCadans } from './matrix.js';

const op = (datum: string, tijd = '09:00') => ({ nu: new Date(`${datum}T${tijd}:00+01:00`).toISOString() });

async function melding(db: string, datum: string, categorie: string, kern: string, extra: string[] = []): Promise<string> {
  const args = ['melding', 'add', '--categorie', categorie, '--kern', kern, '--ontvangen', `${datum} 09:00`];
  args.push('--omschrijving', `GEHEIM omschrijving ${categorie} ${datum}`, '--adres', `GEHEIM-adres ${datum}`);
  const m = await kvzJson<{ nummer: string }>([...args, ...extra], { db, ...op(datum, '09:30') });
  return m.nummer;
}

async function zaak(db: string, datum: string, titel: string, kern: string, extra: string[] = []): Promise<string> {
  const z = await kvzJson<{ nummer: string }>(['zaak', 'open', '--titel', titel, '--soort', 'overlast', '--kern', kern, ...extra], { db, ...op(datum) });
  return z.nummer;
}

async function actie(db: string, datum: string, z: string, partner: string, deadline: string, omschrijving: string, extra: string[] = []): Promise<string> {
  const args = ['actie', 'add', z, '--omschrijving', omschrijving, '--partner', partner, '--deadline', deadline, ...extra];
  return (await kvzJson<{ nummer: string }>(args, { db, ...op(datum) })).nummer;
}

export interface AgendaData {
  db: string;
  m: Record<string, string>;
  z: Record<'bushalte' | 'treiteren' | 'drugs' | 'burenruzie' | 'oud', string>;
  a: Record<'surveillance' | 'ouders' | 'drugs' | 'burenruzie', string>;
}

/** Builds the data set once in its own directory; `kopie` gives each test a fresh copy. */
export async function bouwAgendaData(): Promise<AgendaData & { opruimen: () => void }> {
  const map = mkdtempSync(join(tmpdir(), 'kvz-agenda-'));
  const db = join(map, 'kvz.db');
  // Made as its first command would have made it (a reading command no longer makes one).
  openDatabase(db, { nu: new Date(STANDAARD_NU) }).ruw.close();
  await zetCadans(db);
  const melder = ['--melder-naam', 'GEHEIM Jansen', '--melder-telefoon', '0612345678', '--melder-email', 'geheim@example.nl', '--terugkoppeling'];
  const m = {
    vorig: await melding(db, '2027-02-20', 'jeugdoverlast', 'Spierdijk', ['--doorzetten', 'politie']),
    bushalte1: await melding(db, '2027-03-03', 'jeugdoverlast', 'Spierdijk', ['--doorzetten', 'politie,jongerenwerk']),
    treiteren: await melding(db, '2027-03-04', 'treiteren', 'Obdam', ['--vergunninghouder', ...melder]),
    buren: await melding(db, '2027-03-05', 'burenoverlast', 'Ursem', melder),
    drugs: await melding(db, '2027-03-10', 'drugs', 'Ursem', ['--vertrouwelijk', '--doorzetten', 'politie']),
    bushalte2: await melding(db, '2027-03-10', 'jeugdoverlast', 'Spierdijk', ['--doorzetten', 'politie']),
    bushalte3: await melding(db, '2027-03-11', 'jeugdoverlast', 'Spierdijk', ['--doorzetten', 'jongerenwerk']),
    vernieling: await melding(db, '2027-03-12', 'vandalisme', 'Spierdijk', ['--doorzetten', 'politie']),
    inDrugszaak: await melding(db, '2027-03-12', 'overig', 'Avenhorn', ['--doorzetten', 'politie']),
  };
  // Forwarded the day after receipt: late.
  await kvzOk(['melding', 'forward', m.treiteren, '--naar', 'jongerenwerk', '--op', '2027-03-05 10:00'], { db, ...op('2027-03-05', '10:00') });

  const z = {
    oud: await zaak(db, '2026-12-01', 'Zorgen om bewoner Kerkstraat', 'Obdam'),
    bushalte: await zaak(db, '2027-02-10', 'Jeugdoverlast bushalte', 'Spierdijk', ['--melding', [m.bushalte1, m.bushalte2, m.bushalte3, m.vernieling].join(',')]),
    burenruzie: await zaak(db, '2027-01-20', 'Burenruzie Ursem', 'Ursem'),
    treiteren: await zaak(db, '2027-03-05', 'Treiteren nieuwe bewoners', 'Obdam', ['--melding', m.treiteren]),
    // Opened on the day of the politieoverleg of 9 March, so its minutes (the state of that day) have it.
    drugs: await zaak(db, '2027-03-09', 'GEHEIM drugszaak Ursem', 'Ursem', ['--vertrouwelijk', '--melding', `${m.drugs},${m.inDrugszaak}`]),
  };
  const a = {
    burenruzie: await actie(db, '2027-01-20', z.burenruzie, 'iv', '2027-02-15', 'Bemiddeling aanbieden'),
    surveillance: await actie(db, '2027-03-02', z.bushalte, 'politie', '2027-03-10', 'Extra surveillance bij de bushalte', ['--overleg', 'gio:2027-03-02']),
    ouders: await actie(db, '2027-03-02', z.bushalte, 'jongerenwerk', '2027-04-01', 'Gesprek met de ouders', ['--overleg', 'gio:2027-03-02']),
    drugs: await actie(db, '2027-03-09', z.drugs, 'politie', '2027-03-20', 'GEHEIM observatie woning', ['--overleg', 'politie:2027-03-09']),
  };
  await kvzOk(['actie', 'update', a.burenruzie, '--status', 'gereed'], { db, ...op('2027-02-10') });
  await kvzOk(['actie', 'update', a.ouders, '--status', 'loopt'], { db, ...op('2027-03-12') });
  return { db, m, z, a, opruimen: () => rmSync(map, { recursive: true, force: true }) };
}

/** A copy of the data set for one test (removed after it). */
export function kopie(data: AgendaData): string {
  const db = join(tijdelijkeMap(), 'kvz.db');
  copyFileSync(data.db, db);
  return db;
}
