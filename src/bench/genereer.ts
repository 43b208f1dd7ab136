/**
 * A deterministic region-scale data set for the benchmark (SPEC §6): ten years of meldingen with
 * their forwardings and contacts, zaken, matrix acties with history, the overleggen they were
 * agreed in, and a valid audit chain. Built with prepared statements, one transaction per table.
 */
import { createHash } from 'node:crypto';
import { GENESIS_HASH, schrijfAuditBestand } from '../store/audit.js';
import { alleToestanden } from '../store/toestand.js';
import { openDatabase, type SqliteBestand as Db } from '../store/database.js';
import { formatNummer } from '../domain/nummers.js';
import { dagVan, instantVan, plusDagen, plusWeken, weekdag, type Datum } from '../domain/tijd.js';

export interface Omvang {
  meldingen: number;
  zaken: number;
  acties: number;
  jaren: number;
}

export const REGIO: Omvang = { meldingen: 1_000_000, zaken: 50_000, acties: 200_000, jaren: 10 };

export function verkleind(omvang: Omvang, deler: number): Omvang {
  return {
    meldingen: Math.round(omvang.meldingen / deler),
    zaken: Math.round(omvang.zaken / deler),
    acties: Math.round(omvang.acties / deler),
    jaren: omvang.jaren,
  };
}

/** mulberry32: small, fast and the same on every machine. */
function toeval(zaad: number): () => number {
  let a = zaad >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KERNEN = ['Avenhorn', 'Berkhout', 'Bobeldijk', 'De Goorn', 'Grosthuizen', 'Hensbroek', 'Obdam', 'Oostmijzen',
  'Oudendijk', 'Rustenburg', 'Scharwoude', 'Spierdijk', 'Ursem', 'Wogmeer', 'Zuid-Spierdijk', 'Zuidermeer'];
const CATEGORIEEN = ['jeugdoverlast', 'jeugdoverlast', 'jeugdoverlast', 'burenoverlast', 'burenoverlast', 'treiteren',
  'discriminatie', 'vandalisme', 'vandalisme', 'drugs', 'verward-gedrag', 'geluidsoverlast', 'geluidsoverlast', 'overig'];
const KANALEN = ['telefoon', 'telefoon', 'telefoon', 'balie', 'email', 'email', 'app', 'politie', 'anders'];
const PARTNERS = ['politie', 'jongerenwerk', 'zorgteam'];
const ACTIE_PARTNERS = ['politie', 'jongerenwerk', 'zorgteam', 'iv', 'casemanager-jeugd', 'handhaving', 'communicatie', 'vluchtelingenwerk'];
const ACTIE_SOORTEN = ['gesprek-bewoners', 'gesprek-melder', 'handhaving', 'huisbezoek', 'communicatie', 'zorg', 'overig'];

/** Creates `pad` (which must not exist) and fills it; `nu` is the benchmark's fixed clock. */
export function genereer(pad: string, omvang: Omvang, nu: Date): void {
  const db = openDatabase(pad, { nu }).ruw;
  try {
    // Generation only: the data is consistent by construction, and the file is thrown away on failure.
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('ignore_check_constraints = ON');
    db.pragma('cache_size = -262144');
    vul(db, omvang, nu);
    // The counters of the numbers given, as kvz keeps them.
    for (const soort of ['melding', 'zaak', 'actie']) {
      db.prepare(`INSERT INTO teller (soort, jaar, laatste) SELECT ?, jaar, max(volgnummer) FROM ${soort} GROUP BY jaar`).run(soort);
    }
    // The state of every object, recorded once as a migration does (SPEC §10), so check proves it all.
    const na = alleToestanden(db);
    schrijfAuditBestand(db, { gebruiker: 'bench', nu, commando: 'migratie' }, { resultaat: `toestand van ${na.length} objecten vastgelegd` }, { na, basis: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
}

function vul(db: Db, omvang: Omvang, nu: Date): void {
  const r = toeval(1598);
  const kies = <T>(lijst: readonly T[]): T => lijst[Math.floor(r() * lijst.length)]!;
  const vandaag = dagVan(nu);
  const eersteDag = plusDagen(vandaag, -365 * omvang.jaren);
  const spanne = 365 * omvang.jaren;
  const iso = (d: Date) => d.toISOString();
  const audit = auditSchrijver(db);

  // The GIO series runs on Tuesdays over the whole period; acties refer to its meetings.
  const gioStart = plusDagen(eersteDag, (2 - weekdag(eersteDag) + 7) % 7);
  db.prepare("UPDATE cadans SET start = ?, ingesteld_op = ? WHERE soort IN ('gio', 'politie')").run(gioStart, iso(nu));
  const gios: { id: number; datum: Datum }[] = [];
  db.transaction(() => {
    const ins = db.prepare(`INSERT INTO overleg (soort, nominale_datum, datum, gewijzigd_op) VALUES ('gio', ?, ?, ?)`);
    for (let d = gioStart; d <= vandaag; d = plusWeken(d, 6)) {
      gios.push({ id: Number(ins.run(d, d, iso(nu)).lastInsertRowid), datum: d });
    }
  })();

  // Zaken: opened evenly over the period; all but the last few months' are closed.
  const zaakOpen: Datum[] = [];
  db.transaction(() => {
    const ins = db.prepare(`INSERT INTO zaak (nummer, jaar, volgnummer, titel, soort, kern, eigenaar, vertrouwelijk, status,
      geopend_op, gesloten_op, resultaat, geopend_door, gewijzigd_op) VALUES (?, ?, ?, ?, ?, ?, 'iv', ?, ?, ?, ?, ?, 'iv-medewerker', ?)`);
    const perJaar = new Map<number, number>();
    for (let i = 0; i < omvang.zaken; i++) {
      const dag = plusDagen(eersteDag, Math.floor((i / omvang.zaken) * spanne));
      const jaar = Number(dag.slice(0, 4));
      const volg = (perJaar.get(jaar) ?? 0) + 1;
      perJaar.set(jaar, volg);
      const nummer = formatNummer('zaak', jaar, volg);
      const kern = kies(KERNEN);
      // A zaak runs one or two GIO cycles: open are those of the last 60 days, and a few that linger.
      const open = dag > plusDagen(vandaag, -60) || r() < 0.005;
      const gesloten = open ? null : iso(instantVan(plusDagen(dag, 30 + Math.floor(r() * 200)), '16:00'));
      const geopend = instantVan(dag, '10:00');
      ins.run(nummer, jaar, volg, `${kies(['Jeugdoverlast', 'Burenruzie', 'Treiteren', 'Overlast'])} ${kern} ${volg}`,
        r() < 0.8 ? 'overlast' : 'zorg', kern, r() < 0.03 ? 1 : 0, open ? 'open' : 'gesloten', iso(geopend),
        gesloten && gesloten < iso(nu) ? gesloten : open ? null : iso(nu), open ? null : 'Afgerond', iso(geopend));
      zaakOpen.push(dag);
      audit('zaak open', nummer, geopend);
    }
  })();

  db.transaction(() => {
    const ins = db.prepare(`INSERT INTO melding (jaar, volgnummer, ontvangen_op, ontvangen_dag, kanaal, categorie, kern,
      adres, omschrijving, melder_naam, melder_telefoon, melder_email, terugkoppeling, vergunninghouder, vertrouwelijk, zaak_id,
      status, afgehandeld_op, geregistreerd_door, aangemaakt_op, gewijzigd_op)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'balie', ?, ?)`);
    const door = db.prepare(`INSERT INTO doorzetting (melding_id, partner, op, dag, door) VALUES (?, ?, ?, ?, 'balie')`);
    const contact = db.prepare(`INSERT INTO contact (melding_id, op, soort, notitie, door) VALUES (?, ?, 'terugkoppeling', 'Teruggebeld', 'iv')`);
    const perJaar = new Map<number, number>();
    for (let i = 0; i < omvang.meldingen; i++) {
      const ontvangen = new Date(instantVan(eersteDag).getTime() + (i / omvang.meldingen) * spanne * 86_400_000 + r() * 3_600_000);
      const dag = dagVan(ontvangen);
      const jaar = Number(dag.slice(0, 4));
      const volg = (perJaar.get(jaar) ?? 0) + 1;
      perJaar.set(jaar, volg);
      const nummer = formatNummer('melding', jaar, volg);
      const oud = dag < plusDagen(vandaag, -60);
      const doorgezet = oud || r() < 0.9;
      const terug = r() < 0.3;
      const zaak = r() < 0.3 ? 1 + Math.floor(r() * omvang.zaken) : null;
      const status = oud && r() < 0.95 ? 'afgehandeld' : doorgezet ? 'doorgezet' : 'nieuw';
      const id = Number(
        ins.run(jaar, volg, iso(ontvangen), dag, kies(KANALEN), kies(CATEGORIEEN), kies(KERNEN), r() < 0.5 ? `Dorpsstraat ${i % 200}` : null,
          'Melding van overlast in de buurt', terug ? `Melder ${i}` : null, terug ? '0612345678' : null, null, terug ? 1 : 0,
          r() < 0.05 ? 1 : 0, r() < 0.03 ? 1 : 0, zaak, status, status === 'afgehandeld' ? iso(new Date(ontvangen.getTime() + 20 * 86_400_000)) : null,
          iso(ontvangen), iso(ontvangen)).lastInsertRowid,
      );
      if (doorgezet) {
        const op = new Date(ontvangen.getTime() + (r() < 0.85 ? 600_000 : 30 * 3_600_000));
        door.run(id, kies(PARTNERS), iso(op), dagVan(op));
        if (r() < 0.3) door.run(id, 'iv', iso(op), dagVan(op));
      }
      if (terug && oud) contact.run(id, iso(new Date(ontvangen.getTime() + 3 * 86_400_000)));
      audit('melding add', nummer, ontvangen);
    }
  })();

  db.transaction(() => {
    const ins = db.prepare(`INSERT INTO actie (nummer, jaar, volgnummer, zaak_id, omschrijving, soort, partner, deadline, status,
      keer_uitgesteld, overleg_id, aangemaakt_op, aangemaakt_door, gewijzigd_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'iv', ?)`);
    const hist = db.prepare(`INSERT INTO actie_historie (actie_id, op, door, status_oud, status_nieuw, deadline_oud, deadline_nieuw,
      partner_oud, partner_nieuw, notitie, overleg_id) VALUES (?, ?, 'iv', ?, ?, ?, ?, ?, ?, ?, ?)`);
    const perJaar = new Map<number, number>();
    const zaakStatus = db.prepare('SELECT status FROM zaak WHERE id = ?').pluck();
    for (let i = 0; i < omvang.acties; i++) {
      const zaakId = 1 + Math.floor((i / omvang.acties) * omvang.zaken);
      const geopend = zaakOpen[zaakId - 1]!;
      const gio = gios[Math.min(gios.length - 1, Math.max(0, gios.findIndex((g) => g.datum >= geopend)))] ?? gios[gios.length - 1]!;
      const jaar = Number(gio.datum.slice(0, 4));
      const volg = (perJaar.get(jaar) ?? 0) + 1;
      perJaar.set(jaar, volg);
      const nummer = formatNummer('actie', jaar, volg);
      const open = zaakStatus.get(zaakId) === 'open';
      const status = open ? kies(['open', 'open', 'loopt', 'gereed']) : kies(['gereed', 'gereed', 'gereed', 'vervallen']);
      const uitgesteld = r() < 0.2 ? 1 + Math.floor(r() * 3) : 0;
      const deadline = plusDagen(gio.datum, 14 + Math.floor(r() * 60) + uitgesteld * 14);
      const op = instantVan(gio.datum, '12:00');
      const partner = kies(ACTIE_PARTNERS);
      const id = Number(ins.run(nummer, jaar, volg, zaakId, 'Afspraak uit het GIO', kies(ACTIE_SOORTEN), partner, deadline, status,
        uitgesteld, gio.id, iso(op), iso(op)).lastInsertRowid);
      hist.run(id, iso(op), null, 'open', null, deadline, null, partner, null, gio.id);
      if (status !== 'open') hist.run(id, iso(op), 'open', status, deadline, deadline, partner, partner, 'Besproken', gio.id);
      audit('actie add', nummer, op);
    }
  })();
}

/** Appends audit rows with a valid hash chain (the same computation as store/audit.ts). */
function auditSchrijver(db: Db) {
  const ins = db.prepare(`INSERT INTO audit (id, op, gebruiker, commando, object, resultaat, details, vorige_hash, hash)
    VALUES (?, ?, 'bench', ?, ?, 'ok', '{}', ?, ?)`);
  let id = 0;
  let vorige = GENESIS_HASH;
  const schrijf = (commando: string, object: string, op: Date) => {
    id += 1;
    const inhoud = JSON.stringify([id, op.toISOString(), 'bench', commando, object, 'ok', '{}']);
    const hash = createHash('sha256').update(vorige).update('\n').update(inhoud).digest('hex');
    ins.run(id, op.toISOString(), commando, object, vorige, hash);
    vorige = hash;
  };
  return schrijf;
}
