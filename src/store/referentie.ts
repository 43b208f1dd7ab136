/** The reference lists: kernen, partners and categorieën, seeded by schema.sql and extendable. */
import type { Keuzelijst } from '../domain/keuze.js';
import type { Lijsten } from '../domain/melding-invoer.js';
import { DomainError } from '../domain/errors.js';
import { schrijfAudit, inTransactie, type Actor } from './audit.js';
import type { Db } from './database.js';

export interface Partner {
  code: string;
  naam: string;
}

export interface Categorie {
  code: string;
  omschrijving: string;
}

export function kernen(db: Db): string[] {
  return db.prepare('SELECT naam FROM kern ORDER BY naam').pluck().all() as string[];
}

export function partners(db: Db): Partner[] {
  return db.prepare('SELECT code, naam FROM partner ORDER BY code').all() as Partner[];
}

export function categorieen(db: Db): Categorie[] {
  return db.prepare('SELECT code, omschrijving FROM categorie ORDER BY code').all() as Categorie[];
}

export function kernLijst(db: Db): Keuzelijst {
  return { soort: 'kern', waarden: kernen(db), lijstCommando: 'kvz kern list' };
}

export function categorieLijst(db: Db): Keuzelijst {
  const alle = categorieen(db);
  return { soort: 'categorie', waarden: alle.map((c) => c.code), lijstCommando: 'kvz categorie list' };
}

/** Partners by code or by name ('Zorgteam Koggenland' selects 'zorgteam'). */
export function partnerLijst(db: Db): Keuzelijst {
  const alle = partners(db);
  return {
    soort: 'partner',
    waarden: alle.map((p) => p.code),
    aliassen: new Map(alle.map((p) => [p.naam, p.code])),
    lijstCommando: 'kvz partner list',
  };
}

/** The lists a melding is checked against, by melding add, melding update and the import. */
export function meldingLijsten(db: Db): Lijsten {
  return { kern: kernLijst(db), categorie: categorieLijst(db), partner: partnerLijst(db) };
}

function bestaatAl(db: Db, sql: string, waarde: string, wat: string): void {
  const bestaand = db.prepare(sql).pluck().get(waarde) as string | undefined;
  if (bestaand !== undefined) throw new DomainError(`${wat} '${bestaand}' bestaat al.`);
}

export function voegKernToe(db: Db, actor: Actor, naam: string): void {
  inTransactie(db, () => {
    bestaatAl(db, 'SELECT naam FROM kern WHERE lower(naam) = lower(?)', naam, 'Kern');
    db.prepare('INSERT INTO kern (naam) VALUES (?)').run(naam);
    schrijfAudit(db, actor, { object: naam, resultaat: 'kern toegevoegd' });
  });
}

export function voegPartnerToe(db: Db, actor: Actor, partner: Partner): void {
  inTransactie(db, () => {
    bestaatAl(db, 'SELECT code FROM partner WHERE code = ?', partner.code, 'Partner');
    bestaatAl(db, 'SELECT naam FROM partner WHERE lower(naam) = lower(?)', partner.naam, 'Partner met naam');
    db.prepare('INSERT INTO partner (code, naam) VALUES (?, ?)').run(partner.code, partner.naam);
    schrijfAudit(db, actor, { object: partner.code, resultaat: 'partner toegevoegd', details: { naam: partner.naam } });
  });
}

export function voegCategorieToe(db: Db, actor: Actor, categorie: Categorie): void {
  inTransactie(db, () => {
    bestaatAl(db, 'SELECT code FROM categorie WHERE code = ?', categorie.code, 'Categorie');
    db.prepare('INSERT INTO categorie (code, omschrijving) VALUES (?, ?)').run(categorie.code, categorie.omschrijving);
    schrijfAudit(db, actor, {
      object: categorie.code,
      resultaat: 'categorie toegevoegd',
      details: { omschrijving: categorie.omschrijving },
    });
  });
}
