/**
 * Copying a whole kvz database between stores (`kvz kopieer`, and `kvz backup` on PostgreSQL; SPEC §7):
 * a desk's file up to the team's PostgreSQL, or PostgreSQL down to a file as an offline copy. Every
 * row and the audit chain as they are, read from one snapshot, written in one transaction into a
 * target that holds nothing yet, verified as `kvz check` does before it is committed, and ended with
 * one audited row naming the source. A copy keeps the database's identity but has mail switched off.
 */
import { DomainError } from '../domain/errors.js';
import { schrijfAudit, type Actor } from './audit.js';
import { bronKlopt, controleerKeten, type KetenUitslag } from './controle.js';
import type { Db } from './db.js';
import type { SqliteDb } from './sqlite.js';
import { vergeetWijzigingen, volledigVastleggen } from './toestand.js';

/** The tables and columns both stores have, in an order that satisfies every foreign key. */
export const KOPIE_TABELLEN: readonly {
  tabel: string;
  kolommen: readonly string[];
  volgorde: string;
  /** What is read for each column, where it is not the column itself. */
  lees?: Readonly<Record<string, string>>;
}[] = [
  { tabel: 'instelling', kolommen: ['sleutel', 'waarde'], volgorde: 'sleutel' },
  { tabel: 'teller', kolommen: ['soort', 'jaar', 'laatste'], volgorde: 'soort, jaar' },
  { tabel: 'kern', kolommen: ['naam'], volgorde: 'naam' },
  { tabel: 'partner', kolommen: ['code', 'naam', 'email', 'met_melder', 'zout'], volgorde: 'code' },
  { tabel: 'deelnemer', kolommen: ['soort', 'naam', 'email', 'partner', 'volgorde'], volgorde: 'soort, naam' },
  { tabel: 'categorie', kolommen: ['code', 'omschrijving'], volgorde: 'code' },
  { tabel: 'cadans', kolommen: ['soort', 'start', 'interval_weken', 'tijd', 'locatie', 'ingesteld_op', 'versie', 'tweewekelijks_tijd', 'tweewekelijks_locatie'], volgorde: 'soort' },
  {
    tabel: 'zaak',
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'titel', 'soort', 'kern', 'eigenaar', 'vertrouwelijk', 'status', 'geopend_op', 'gesloten_op',
      'resultaat', 'geopend_door', 'gewijzigd_op', 'zout'],
    volgorde: 'id',
  },
  {
    tabel: 'plaatsing',
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'kern', 'adres', 'adres_gewist_op', 'datum', 'einde', 'huishouden', 'begeleiding', 'notitie', 'door',
      'aangemaakt_op', 'gewijzigd_op', 'zout'],
    volgorde: 'id',
  },
  { tabel: 'plaatsing_contact', kolommen: ['id', 'plaatsing_id', 'op', 'dag', 'soort', 'partner', 'notitie', 'door'], volgorde: 'id' },
  {
    tabel: 'melding',
    kolommen: ['id', 'jaar', 'volgnummer', 'ontvangen_op', 'ontvangen_dag', 'kanaal', 'categorie', 'kern', 'adres', 'omschrijving', 'melder_naam',
      'melder_telefoon', 'melder_email', 'melder_gewist_op', 'terugkoppeling', 'vergunninghouder', 'vertrouwelijk', 'zaak_id', 'status',
      'afgehandeld_op', 'afhandeling', 'geregistreerd_door', 'aangemaakt_op', 'gewijzigd_op', 'urgent', 'vervallen', 'plaatsing_id', 'zout'],
    volgorde: 'id',
  },
  { tabel: 'doorzetting', kolommen: ['melding_id', 'partner', 'op', 'dag', 'door', 'notitie', 'tijd_onbekend'], volgorde: 'melding_id, partner' },
  { tabel: 'contact', kolommen: ['id', 'melding_id', 'op', 'soort', 'notitie', 'door'], volgorde: 'id' },
  {
    tabel: 'bericht',
    kolommen: ['id', 'soort', 'object', 'melding_id', 'partner', 'aan', 'aan_melder', 'onderwerp', 'tekst', 'melder_tekst', 'message_id', 'status',
      'gemaakt_op', 'gemaakt_door', 'verzonden_op', 'fout', 'bezet_tot', 'bestand', 'kalender', 'bijlage', 'bijlage_naam'],
    volgorde: 'id',
    // Waiting mail stays waiting (its forwarding does not count yet); the copy has mail switched off,
    // so only the database that is switched on sends it. A claim does not travel.
    lees: { bezet_tot: 'NULL' },
  },
  {
    tabel: 'overleg',
    kolommen: ['id', 'soort', 'nominale_datum', 'datum', 'status', 'verschoven_van', 'reden', 'tijd', 'locatie', 'versie', 'gewijzigd_op', 'gehouden_op', 'zout'],
    volgorde: 'id',
  },
  {
    tabel: 'kalender',
    kolommen: ['soort', 'nominale_datum', 'datum', 'tijd', 'locatie', 'volgnummer', 'aan', 'methode', 'vervallen', 'gewijzigd_op'],
    volgorde: 'soort, nominale_datum',
  },
  { tabel: 'aanwezigheid', kolommen: ['overleg_id', 'partner'], volgorde: 'overleg_id, partner' },
  { tabel: 'verslag', kolommen: ['id', 'overleg_id', 'volgorde', 'punt', 'zaak_id', 'besproken', 'afspraken'], volgorde: 'id' },
  {
    tabel: 'actie',
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'zaak_id', 'omschrijving', 'soort', 'partner', 'deadline', 'status', 'keer_uitgesteld',
      'overleg_id', 'aangemaakt_op', 'aangemaakt_door', 'gewijzigd_op', 'zout'],
    volgorde: 'id',
  },
  {
    tabel: 'actie_historie',
    kolommen: ['id', 'actie_id', 'op', 'door', 'status_oud', 'status_nieuw', 'deadline_oud', 'deadline_nieuw', 'partner_oud', 'partner_nieuw',
      'notitie', 'overleg_id'],
    volgorde: 'id',
  },
  {
    tabel: 'afstemming',
    kolommen: ['id', 'nummer', 'jaar', 'volgnummer', 'op', 'dag', 'tussen', 'onderwerp', 'zaak_id', 'vertrouwelijk', 'notitie', 'door', 'aangemaakt_op', 'zout'],
    volgorde: 'id',
  },
  { tabel: 'audit', kolommen: ['id', 'op', 'gebruiker', 'commando', 'object', 'resultaat', 'details', 'vorige_hash', 'hash', 'toestand'], volgorde: 'id' },
];

/**
 * Settings that are not copied: a PostgreSQL database's roles and version belong to that store, and
 * mail is switched off in every copy.
 */
const NIET_MEE = `sleutel NOT IN ('rollen', 'schema_versie', 'mail', 'toestand')`;

/** How many rows of each table the copy holds; the audit log counted without the copy's own row. */
export type Tellingen = Record<string, number>;

export interface Kopie {
  tellingen: Tellingen;
  keten: KetenUitslag;
}

/** A database that is ready to take a copy: a new file, or a PostgreSQL database on which only kvz init ran. */
export interface KopieDoel {
  db: Db;
  /** Clears what creating it wrote (its reference lists, its cadence, init's audit row); refuses one that holds data. */
  begin(): Promise<void>;
  rijen(tabel: string, kolommen: readonly string[], rijen: readonly (readonly unknown[])[]): Promise<void>;
  /** Moves id sequences past the copied rows and marks confidential audit rows (PostgreSQL). */
  einde(): Promise<void>;
}

/**
 * Copies `bron` into `doel` in one transaction on the target, verified before it commits: the chain
 * verifies and every table holds as many rows as the source. `bronNaam` is how the audit row names
 * the source (never with a password). A back-up gets no row of its own (it is written in the source),
 * so that its chain stays a prefix of the source's and `kvz check --vergelijk` can compare them.
 */
export async function kopieer(bron: Db, doel: KopieDoel, actor: Actor, bronNaam: string, opties: { auditRegel: boolean } = { auditRegel: true }): Promise<Kopie> {
  // A database whose data no longer matches its log is not copied: the copy's row would record the
  // tampered states as its new starting point (#14). (A back-up takes no row of its own: it keeps the
  // source's records, against which its own check still finds the tampering.)
  if (opties.auditRegel) {
    const fout = await bronKlopt(bron);
    if (fout) throw new DomainError(`De bron klopt niet: ${fout}. Er is niets gekopieerd; draai kvz check op de bron.`);
  }
  return doel.db.transactie(async () => {
    await doel.begin();
    const tellingen: Tellingen = {};
    await bron.momentopname(async () => {
      for (const t of KOPIE_TABELLEN) {
        let n = 0;
        const waar = t.tabel === 'instelling' ? `WHERE ${NIET_MEE}` : '';
        const lijst = t.kolommen.map((k) => (t.lees?.[k] ? `${t.lees[k]} AS ${k}` : k)).join(', ');
        for await (const batch of bron.stroom(`SELECT ${lijst} FROM ${t.tabel} ${waar} ORDER BY ${t.volgorde}`)) {
          await doel.rijen(t.tabel, t.kolommen, batch);
          n += batch.length;
        }
        tellingen[t.tabel] = n;
      }
    });
    await doel.einde();
    // A copy never mails: not a test copy, not an offline copy, until someone switches it on there.
    await doel.db.voer(`INSERT INTO instelling (sleutel, waarde) VALUES ('mail', 'uit') ON CONFLICT (sleutel) DO UPDATE SET waarde = 'uit'`);
    await controleerKopie(doel.db, tellingen);
    const keten = await controleerKeten(doel.db);
    if (!keten.ok) {
      throw new DomainError(`De kopie klopt niet: de hashketen van het auditlog is verbroken bij regel ${keten.eerste_fout?.id} (${keten.eerste_fout?.reden}); er is niets gekopieerd. Draai kvz check op de bron.`);
    }
    if (opties.auditRegel) {
      // This row also records the state of every copied object (SPEC §10), as a new starting point:
      // what the copied log recorded before was about another database's rows. (On PostgreSQL
      // kopie_einde tells the database so.)
      if (doel.db.soort === 'sqlite') volledigVastleggen((doel.db as SqliteDb).ruw);
      await schrijfAudit(doel.db, actor, { object: bronNaam, resultaat: 'kopie binnengehaald', details: { bron: bronNaam, ...tellingen } });
    } else if (doel.db.soort === 'sqlite') {
      // A back-up of PostgreSQL takes no row of its own: the states PostgreSQL recorded, computed as kvz
      // computes them on a file, are what check proves the back-up against.
      vergeetWijzigingen((doel.db as SqliteDb).ruw);
    }
    return { tellingen, keten };
  });
}

/** Every table holds what was read from the source (a row lost or refused on the way is a failed copy). */
async function controleerKopie(db: Db, tellingen: Tellingen): Promise<void> {
  for (const t of KOPIE_TABELLEN) {
    const waar = t.tabel === 'instelling' ? `WHERE ${NIET_MEE}` : '';
    const verwacht = tellingen[t.tabel]!;
    const n = (await db.waarde<number>(`SELECT count(*) FROM ${t.tabel} ${waar}`))!;
    if (n !== verwacht) throw new DomainError(`De kopie klopt niet: tabel ${t.tabel} heeft ${n} rijen in plaats van ${verwacht}; er is niets gekopieerd.`);
  }
}

/** The target of a copy on SQLite: a new file, opened as kvz creates one. */
export function sqliteDoel(db: Db): KopieDoel {
  return {
    db,
    async begin() {
      const iets = await db.waarde<number>('SELECT (SELECT count(*) FROM melding) + (SELECT count(*) FROM zaak) + (SELECT count(*) FROM audit)');
      if (iets !== 0) throw new DomainError('Het doel is niet leeg; kvz kopieert alleen naar een nieuw bestand.');
      for (const t of ['teller', 'cadans', 'kern', 'deelnemer', 'partner', 'categorie', 'instelling']) await db.voer(`DELETE FROM ${t}`);
      // What the new file was made with is no earlier state of what is copied in: the copy starts afresh.
      vergeetWijzigingen((db as SqliteDb).ruw);
    },
    rijen: (tabel, kolommen, rijen) => voegToe(db, tabel, kolommen, rijen),
    async einde() {},
  };
}

/** Rows in statements of up to 200 (SQLite allows 32,766 values in one statement). */
async function voegToe(db: Db, tabel: string, kolommen: readonly string[], rijen: readonly (readonly unknown[])[]): Promise<void> {
  const per = Math.max(1, Math.min(200, Math.floor(30_000 / kolommen.length)));
  for (let i = 0; i < rijen.length; i += per) {
    const deel = rijen.slice(i, i + per);
    const rij = `(${kolommen.map(() => '?').join(', ')})`;
    await db.voer(`INSERT INTO ${tabel} (${kolommen.join(', ')}) VALUES ${deel.map(() => rij).join(', ')}`, deel.flat());
  }
}

/** The target of a copy on PostgreSQL: the server's own functions, for beheer and only on an empty database. */
export function postgresDoel(db: Db): KopieDoel {
  return {
    db,
    async begin() {
      try {
        await db.voer('SELECT kopie_begin()');
      } catch (e) {
        if ((e as { code?: string }).code === '55000') {
          throw new DomainError(
            'De doeldatabase is niet leeg: kvz kopieert alleen naar een database waarop alleen kvz init is gedraaid. Er is niets gekopieerd.',
          );
        }
        throw e;
      }
    },
    async rijen(tabel, kolommen, rijen) {
      const objecten = rijen.map((r) => Object.fromEntries(kolommen.map((k, i) => [k, r[i]])));
      await db.voer('SELECT kopie_rijen(?, ?)', [tabel, JSON.stringify(objecten)]);
    },
    async einde() {
      await db.voer('SELECT kopie_einde()');
    },
  };
}
