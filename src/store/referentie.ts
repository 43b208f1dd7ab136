/** The reference lists: kernen, partners and categorieën, seeded by schema.sql and extendable. */
import type { Keuzelijst } from '../domain/keuze.js';
import type { Lijsten } from '../domain/melding-invoer.js';
import { DomainError } from '../domain/errors.js';
import { schrijfAudit, inTransactie, type Actor } from './audit.js';
import type { Db } from './db.js';

export interface Partner {
  code: string;
  naam: string;
}

/** A partner as `partner list` shows it: with where its forwardings are mailed (SPEC §8). */
export interface PartnerMetAdres extends Partner {
  email: string[];
  /** Whether the melder's name, phone and e-mail may go to this partner. */
  met_melder: boolean;
}

export interface PartnerWijziging {
  naam?: string;
  /** The addresses; an empty list clears them. */
  email?: string[];
  metMelder?: boolean;
}

export interface Categorie {
  code: string;
  omschrijving: string;
}

export function kernen(db: Db): Promise<string[]> {
  return db.kolom<string>('SELECT naam FROM kern ORDER BY naam');
}

export function partners(db: Db): Promise<Partner[]> {
  return db.alle<Partner>('SELECT code, naam FROM partner ORDER BY code');
}

export async function partnersMetAdres(db: Db): Promise<PartnerMetAdres[]> {
  const rijen = await db.alle<{ code: string; naam: string; email: string | null; met_melder: number }>(
    'SELECT code, naam, email, met_melder FROM partner ORDER BY code',
  );
  return rijen.map(alsPartner);
}

function alsPartner(r: { code: string; naam: string; email: string | null; met_melder: number }): PartnerMetAdres {
  return { code: r.code, naam: r.naam, email: r.email ? r.email.split(',').map((a) => a.trim()) : [], met_melder: r.met_melder === 1 };
}

/** Changes a partner's name, addresses or melder permission; audited with old and new values. */
export async function wijzigPartner(db: Db, actor: Actor, code: string, w: PartnerWijziging): Promise<{ partner: PartnerMetAdres; gewijzigd: string[] }> {
  return inTransactie(db, async () => {
    const oud = await db.een<{ code: string; naam: string; email: string | null; met_melder: number }>(
      'SELECT code, naam, email, met_melder FROM partner WHERE code = ?',
      [code],
    );
    if (!oud) throw new DomainError(`Partner ${code} bestaat niet. Zie kvz partner list.`);
    const nieuw = { ...oud };
    if (w.naam !== undefined) {
      if (w.naam.toLowerCase() !== oud.naam.toLowerCase()) {
        await bestaatAl(db, 'SELECT naam FROM partner WHERE lower(naam) = lower(?)', w.naam, 'Partner met naam');
      }
      nieuw.naam = w.naam;
    }
    if (w.email !== undefined) nieuw.email = w.email.length > 0 ? w.email.join(', ') : null;
    if (w.metMelder !== undefined) nieuw.met_melder = w.metMelder ? 1 : 0;
    const details: Record<string, [unknown, unknown]> = {};
    if (nieuw.naam !== oud.naam) details.naam = [oud.naam, nieuw.naam];
    if (nieuw.email !== oud.email) details.email = [oud.email, nieuw.email];
    if (nieuw.met_melder !== oud.met_melder) details.met_melder = [oud.met_melder === 1, nieuw.met_melder === 1];
    const gewijzigd = Object.keys(details);
    if (gewijzigd.length > 0) {
      await db.voer('UPDATE partner SET naam = ?, email = ?, met_melder = ? WHERE code = ?', [nieuw.naam, nieuw.email, nieuw.met_melder, code]);
      await schrijfAudit(db, actor, { object: code, resultaat: `partner gewijzigd: ${gewijzigd.join(', ')}`, details });
    }
    return { partner: alsPartner(nieuw), gewijzigd };
  });
}

export function categorieen(db: Db): Promise<Categorie[]> {
  return db.alle<Categorie>('SELECT code, omschrijving FROM categorie ORDER BY code');
}

export async function kernLijst(db: Db): Promise<Keuzelijst> {
  return { soort: 'kern', waarden: await kernen(db), lijstCommando: 'kvz kern list' };
}

export async function categorieLijst(db: Db): Promise<Keuzelijst> {
  const alle = await categorieen(db);
  return { soort: 'categorie', waarden: alle.map((c) => c.code), lijstCommando: 'kvz categorie list' };
}

/** Partners by code or by name ('Zorgteam Koggenland' selects 'zorgteam'). */
export async function partnerLijst(db: Db): Promise<Keuzelijst> {
  const alle = await partners(db);
  return {
    soort: 'partner',
    waarden: alle.map((p) => p.code),
    aliassen: new Map(alle.map((p) => [p.naam, p.code])),
    lijstCommando: 'kvz partner list',
  };
}

/** The lists a melding is checked against, by melding add, melding update and the import. */
export async function meldingLijsten(db: Db): Promise<Lijsten> {
  // One query for the three lists: on a shared database every round trip counts at the desk.
  const rijen = await db.rauw<[string, string, string | null]>(
    `SELECT 'k', naam, NULL FROM kern UNION ALL SELECT 'c', code, NULL FROM categorie UNION ALL SELECT 'p', code, naam FROM partner
     ORDER BY 1, 2`,
  );
  const van = (soort: string) => rijen.filter((r) => r[0] === soort);
  const partnersNu = van('p');
  return {
    kern: { soort: 'kern', waarden: van('k').map((r) => r[1]), lijstCommando: 'kvz kern list' },
    categorie: { soort: 'categorie', waarden: van('c').map((r) => r[1]), lijstCommando: 'kvz categorie list' },
    partner: {
      soort: 'partner',
      waarden: partnersNu.map((r) => r[1]),
      aliassen: new Map(partnersNu.map((r) => [r[2]!, r[1]])),
      lijstCommando: 'kvz partner list',
    },
  };
}

async function bestaatAl(db: Db, sql: string, waarde: string, wat: string): Promise<void> {
  const bestaand = await db.waarde<string>(sql, [waarde]);
  if (bestaand !== undefined) throw new DomainError(`${wat} '${bestaand}' bestaat al.`);
}

export async function voegKernToe(db: Db, actor: Actor, naam: string): Promise<void> {
  await inTransactie(db, async () => {
    await bestaatAl(db, 'SELECT naam FROM kern WHERE lower(naam) = lower(?)', naam, 'Kern');
    await db.voer('INSERT INTO kern (naam) VALUES (?)', [naam]);
    await schrijfAudit(db, actor, { object: naam, resultaat: 'kern toegevoegd' });
  });
}

export async function voegPartnerToe(db: Db, actor: Actor, partner: Partner): Promise<void> {
  await inTransactie(db, async () => {
    await bestaatAl(db, 'SELECT code FROM partner WHERE code = ?', partner.code, 'Partner');
    await bestaatAl(db, 'SELECT naam FROM partner WHERE lower(naam) = lower(?)', partner.naam, 'Partner met naam');
    await db.voer('INSERT INTO partner (code, naam) VALUES (?, ?)', [partner.code, partner.naam]);
    await schrijfAudit(db, actor, { object: partner.code, resultaat: 'partner toegevoegd', details: { naam: partner.naam } });
  });
}

export async function voegCategorieToe(db: Db, actor: Actor, categorie: Categorie): Promise<void> {
  await inTransactie(db, async () => {
    await bestaatAl(db, 'SELECT code FROM categorie WHERE code = ?', categorie.code, 'Categorie');
    await db.voer('INSERT INTO categorie (code, omschrijving) VALUES (?, ?)', [categorie.code, categorie.omschrijving]);
    await schrijfAudit(db, actor, {
      object: categorie.code,
      resultaat: 'categorie toegevoegd',
      details: { omschrijving: categorie.omschrijving },
    });
  });
}
