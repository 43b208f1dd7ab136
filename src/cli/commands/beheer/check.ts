/** `kvz check`: exit 0 when the database is whole and its audit log is as kvz wrote it, else 1 naming what broke. */
import { existsSync } from 'node:fs';
import { DomainError } from '../../../domain/errors.js';
import { tijdstipKort } from '../../../domain/tijd.js';
import { meervoud } from '../../../domain/taal.js';
import { UsageError } from '../../../domain/errors.js';
import { controleer, controleerPostgres, vergelijkMetKopie, type Anker, type BrokenRij, type Controle } from '../../../store/controle.js';
import { schadeZin, type Schade } from '../../../store/schade.js';
import type { ToestandVerschil } from '../../../store/toestand.js';
import { shellWoord } from '../../opmaak.js';
import { SqliteDb } from '../../../store/sqlite.js';
import type { Context } from '../../context.js';
import { leesPad } from '../../invoer.js';
import { kleuren, meld, schrijf, schrijfJson } from '../../output.js';
import { zichtbaar } from '../../zichtbaar.js';
import { bestaandeDb } from './bestaand.js';

function rijNaam(r: Pick<BrokenRij, 'id' | 'op' | 'commando' | 'object'>): string {
  const d = new Date(r.op);
  const op = Number.isNaN(d.getTime()) ? r.op : tijdstipKort(d);
  return zichtbaar(`regel ${r.id} (${[op, r.commando, r.object].filter(Boolean).join(', ')})`);
}

/** '1234:<64 hex>' as check printed it. */
function leesAnker(invoer: string): Anker {
  const m = /^\s*(\d{1,15}):([0-9a-f]{64})\s*$/i.exec(invoer);
  if (!m || Number(m[1]) < 1) throw new UsageError('--anker verwacht <regel>:<hash> zoals kvz check en kvz backup het tonen, bijvoorbeeld 1234:9f86d08…(64 tekens 0-9 en a-f).');
  return { id: Number(m[1]), hash: m[2]!.toLowerCase() };
}

/** The anchor to keep elsewhere: the newest row of an intact chain. */
export function ankerVan(u: Pick<Controle, 'auditlog'>): string | null {
  return u.auditlog.ok && u.auditlog.laatste ? `${u.auditlog.laatste.id}:${u.auditlog.laatste.hash}` : null;
}

const WAT: Record<ToestandVerschil['wat'], string> = {
  gewijzigd: 'buiten kvz om gewijzigd',
  verwijderd: 'buiten kvz om verwijderd',
  toegevoegd: 'buiten kvz om toegevoegd (geen auditregel legde het vast)',
};

/** What happened to it, and when the records show it happened. */
const wat = (v: ToestandVerschil) => (v.voor ? `${WAT[v.wat]} vóór regel ${v.voor.id} (${zichtbaar(v.voor.commando)})` : WAT[v.wat]);

/** An object as the records name it, for reading: 'gio:2027-03-02' → 'gio 2027-03-02'. */
const objectNaam = (object: string) => zichtbaar(object.replace(':', ' '));

/** Every problem as one sentence (for --json's `problemen`). */
function problemen(u: Controle): string[] {
  const uit: string[] = [];
  if (!u.integriteit.ok) uit.push(...u.integriteit.meldingen.map((m) => `integriteit: ${m}`));
  for (const f of u.verwijzingen.fouten) uit.push(`verwijzing: ${f.tabel}${f.rij === null ? '' : ` rij ${f.rij}`} naar ${f.verwijst_naar}`);
  if (u.auditlog.eerste_fout) uit.push(`auditlog: ${rijNaam(u.auditlog.eerste_fout)}: ${u.auditlog.eerste_fout.reden}`);
  if (u.auditlog.ontbrekende_triggers.length > 0) uit.push(`auditlog: ${u.auditlog.ontbrekende_triggers.length === 1 ? 'ontbrekende trigger' : 'ontbrekende triggers'} ${u.auditlog.ontbrekende_triggers.join(', ')}`);
  if (u.auditlog.gewijzigde_triggers.length > 0) uit.push(`auditlog: ${u.auditlog.gewijzigde_triggers.length === 1 ? 'gewijzigde trigger' : 'gewijzigde triggers'} ${u.auditlog.gewijzigde_triggers.join(', ')}`);
  if (u.vergelijking?.eerste_verschil) uit.push(`vergelijking: ${rijNaam(u.vergelijking.eerste_verschil)}: ${u.vergelijking.eerste_verschil.reden}`);
  if (u.anker && !u.anker.ok) uit.push(`anker ${u.anker.id}: ${u.anker.reden}`);
  if (!u.toestand.ok && u.toestand.verschillen.length === 0) uit.push(`gegevens: ${u.toestand.reden}`);
  for (const v of u.toestand.verschillen) uit.push(`gegevens: ${objectNaam(v.object)} ${wat(v)}`);
  if (!u.rechten.ok && u.rechten.modus.startsWith('rijbeveiliging')) uit.push(`rechten: ${u.rechten.modus}`);
  return uit;
}

export default async function check(ctx: Context, o: { vergelijk?: string; anker?: string; json?: boolean }): Promise<number> {
  const kopie = o.vergelijk === undefined ? undefined : leesPad(o.vergelijk, '--vergelijk');
  const anker = o.anker === undefined ? undefined : leesAnker(o.anker);
  const db = ctx.opslag === 'postgres' ? await ctx.db() : await bestaandeDb(ctx);
  if (kopie !== undefined && !existsSync(kopie)) {
    throw new DomainError(`De back-up ${kopie} bestaat niet; geef het pad van een kopie gemaakt met kvz backup.`);
  }
  // On a terminal a line says what check is doing (at region scale it takes a while); gone before the report.
  const opTerminal = ctx.io.stderr.isTTY === true && ctx.env.TERM !== 'dumb';
  const voortgang = opTerminal ? (stap: string) => void ctx.io.stderr.write(`\r\x1b[2K${stap}…`) : undefined;
  let uitslag: Controle;
  try {
    // KVZ_CHECK_APART: from which file size SQLite's own checks run in a thread of their own (tests set 0).
    const apart = ctx.env.KVZ_CHECK_APART === undefined ? undefined : Number(ctx.env.KVZ_CHECK_APART);
    const debug = ctx.env.KVZ_DEBUG === '1' ? (tekst: string) => void ctx.io.stderr.write(`${tekst}\n`) : undefined;
    uitslag = db instanceof SqliteDb ? await controleer(db, ctx.dbPad(), anker, voortgang, apart, debug) : await controleerPostgres(db, anker, voortgang);
  } finally {
    if (opTerminal) ctx.io.stderr.write('\r\x1b[2K');
  }
  if (kopie !== undefined) {
    uitslag.vergelijking = await vergelijkMetKopie(db, kopie);
    uitslag.ok &&= uitslag.vergelijking.ok;
  }
  if (o.json) schrijfJson(ctx, { ...uitslag, problemen: problemen(uitslag), anker: ankerVan(uitslag), anker_toets: uitslag.anker ?? null, database: ctx.dbPad() });
  else schrijf(ctx, verslag(ctx, uitslag));
  if (uitslag.ok) return 0;
  meld(ctx, 'De database is niet in orde (zie hierboven). Maak geen wijzigingen meer, bewaar het bestand en herstel zo nodig een back-up.');
  return 1;
}

function verslag(ctx: Context, u: Controle): string {
  const k = kleuren(ctx);
  const goed = (t: string) => k.green(`✓ ${t}`);
  const fout = (t: string) => k.red(`✗ ${t}`);
  const regels = [`${k.bold('Database')}  ${ctx.dbPad()}`];
  // On PostgreSQL the server guards its pages; kvz recomputes what its triggers keep beside the data.
  const goedeIntegriteit = ctx.opslag === 'postgres' ? 'Integriteit: de pagina’s bewaakt de server zelf; geheimhouding en tellingen kloppen' : 'Integriteit: in orde';
  if (u.integriteit.ok) regels.push(goed(goedeIntegriteit));
  else if (!u.integriteit.schade?.length) regels.push(fout(`Integriteit: ${zichtbaar(u.integriteit.meldingen.slice(0, 5).join('; '))}`));
  else regels.push(...schadeRegels(ctx, u.integriteit.schade, fout, u.toestand.ok && u.toestand.bijgehouden));
  if (u.verwijzingen.ok) regels.push(goed('Verwijzingen: in orde'));
  else {
    const f = u.verwijzingen.fouten[0]!;
    regels.push(fout(`Verwijzingen: ${meervoud(u.verwijzingen.fouten.length, 'rij verwijst', 'rijen verwijzen')} naar iets dat niet bestaat, de eerste in ${f.tabel} (rij ${f.rij}) naar ${f.verwijst_naar}`));
  }
  const a = u.auditlog;
  if (a.eerste_fout) {
    const waar = a.eerste_fout.id > 0 ? ` bij ${rijNaam(a.eerste_fout)}` : '';
    regels.push(fout(`Auditlog: de hashketen is verbroken${waar}: ${a.eerste_fout.reden}.`));
  } else {
    const laatste = a.laatste ? ` (laatste regel ${a.laatste.id}, hash ${a.laatste.hash})` : '';
    regels.push(goed(`Auditlog: ${a.rijen} ${a.rijen === 1 ? 'regel' : 'regels'}, de hashketen klopt${laatste}`));
  }
  if (a.ontbrekende_triggers.length > 0) {
    regels.push(fout(`Auditlog: niet meer beveiligd tegen wijzigen; ${a.ontbrekende_triggers.length === 1 ? 'ontbrekende trigger' : 'ontbrekende triggers'}: ${a.ontbrekende_triggers.join(', ')}`));
  }
  if (a.gewijzigde_triggers.length > 0) {
    const wat = ctx.opslag === 'postgres'
      ? `${a.gewijzigde_triggers.length === 1 ? 'functie' : 'functies'} anders dan kvz ze aanmaakt`
      : `${a.gewijzigde_triggers.length === 1 ? 'trigger' : 'triggers'} anders dan in schema.sql`;
    regels.push(fout(`Auditlog: niet meer beveiligd tegen wijzigen; ${wat}: ${zichtbaar(a.gewijzigde_triggers.join(', '))}`));
  }
  regels.push(...toestandRegels(u.toestand, goed, fout, k.yellow));
  if (u.vergelijking) {
    const v = u.vergelijking;
    regels.push(
      v.eerste_verschil
        ? fout(`Vergeleken met ${v.bestand}: ${rijNaam(v.eerste_verschil)}: ${v.eerste_verschil.reden}.`)
        : goed(`Vergeleken met ${v.bestand}: alle ${v.rijen} regels van de kopie staan hier ongewijzigd`),
    );
  }
  if (ctx.opslag === 'postgres') {
    regels.push(u.rechten.ok ? goed(`Rechten: ${u.rechten.modus}`) : fout(`Rechten: ${u.rechten.modus}; draai kvz init niet opnieuw maar laat IT de rijbeveiliging herstellen`));
  } else {
    regels.push(
      u.rechten.ok
        ? goed(`Rechten: alleen de eigenaar kan het bestand lezen (${u.rechten.modus})`)
        : k.yellow(`! Rechten: ook anderen kunnen het bestand lezen (${u.rechten.modus}); zet ze met: chmod 600 ${ctx.dbPad()}`),
    );
  }
  if (u.anker) {
    regels.push(u.anker.ok
      ? goed(`Anker ${u.anker.id}: de regels tot en met ${u.anker.id} staan er zoals toen het anker werd genoteerd`)
      : fout(`Anker ${u.anker.id}: ${u.anker.reden}.`));
  }
  regels.push(u.ok ? k.green('Alles in orde.') : k.red('Niet in orde.'));
  const anker = ankerVan(u);
  // The chain's head, to note elsewhere (with a date): a later check --anker proves the rows up to it.
  if (anker) regels.push(`anker ${anker}`);
  return regels.join('\n');
}

/** How many differences the text names before it refers to --json for the rest. */
const TOON = 20;

function toestandRegels(t: Controle['toestand'], goed: (s: string) => string, fout: (s: string) => string, geel: (s: string) => string): string[] {
  if (!t.bijgehouden) return [t.reden === 'er is nog niets gewijzigd' ? goed(`Gegevens: ${t.reden}, er is nog geen toestand om na te rekenen`) : geel(`! Gegevens: niet nagerekend: ${t.reden}`)];
  if (t.verschillen.length === 0) {
    return [t.ok ? goed(`Gegevens: alle ${meervoud(t.objecten, 'object', 'objecten')} zoals het auditlog ze vastlegde`) : fout(`Gegevens: ${t.reden}.`)];
  }
  const n = t.verschillen.length;
  const breed = Math.min(TOON, n);
  const lengte = t.verschillen.slice(0, breed).reduce((m, v) => Math.max(m, objectNaam(v.object).length), 0);
  const regels = [fout(`Gegevens: ${meervoud(n, 'object wijkt', 'objecten wijken')} af van wat het auditlog vastlegde:`)];
  for (const v of t.verschillen.slice(0, TOON)) regels.push(`    ${objectNaam(v.object).padEnd(lengte)}  ${wat(v)}`);
  if (n > TOON) regels.push(`    … en ${n - TOON} meer (kvz check --json noemt ze allemaal)`);
  return regels;
}

/** A damaged file: where, per table or index, and what that means for the rows (SPEC §10). */
function schadeRegels(ctx: Context, schade: Schade[], fout: (s: string) => string, rijenKloppen: boolean): string[] {
  const regels = [fout(`Integriteit: het bestand is beschadigd, ${schade.length === 1 ? 'op één plaats' : `op ${schade.length} plaatsen`}:`)];
  for (const s of schade.slice(0, 10)) regels.push(`    ${zichtbaar(schadeZin(s))}`);
  if (schade.length > 10) regels.push(`    … en ${schade.length - 10} meer (kvz check --json noemt ze allemaal)`);
  // Only when every object also matched the log: a wrong count in an index can mean rows went missing.
  if (rijenKloppen && schade.every((s) => s.index !== null)) {
    regels.push(`    Alleen zoekindexen zijn geraakt; de rijen zelf zijn heel. Bewaar eerst een kopie van het bestand en herbouw ze dan met: sqlite3 ${shellWoord(ctx.dbPad())} REINDEX`);
  } else {
    regels.push('    Rijen in deze tabellen kunnen verloren of verminkt zijn: zet de laatste goede back-up terug (zie de README: Back-ups).');
  }
  return regels;
}
