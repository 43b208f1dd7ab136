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
