/**
 * Forward migrations. schema.sql always describes the newest version and is what a new database
 * gets; an existing database of an older version runs every migration above its version, in order,
 * inside one transaction (store/database.ts). Add one entry per schema change, never edit an old one.
 */
import type Database from 'better-sqlite3';
import { schrijfAuditBestand } from './audit.js';
import { alleToestanden, zoutAlles } from './toestand.js';

export interface Migratie {
  /** The user_version this migration brings the database to. */
  versie: number;
  sql: string;
  /** What SQL alone cannot do: run in the same transaction after the SQL of every migration that is due. */
  na?: (db: Database.Database, nu: Date) => void;
}

export const MIGRATIES: readonly Migratie[] = [
  {
    // Numbers from a per-year counter (SPEC §7), filled from the numbers given so far.
    versie: 2,
    sql: `
      CREATE TABLE teller (
        soort TEXT NOT NULL CHECK (soort = 'melding' OR soort = 'zaak' OR soort = 'actie'),
        jaar INTEGER NOT NULL,
        laatste INTEGER NOT NULL CHECK (laatste >= 0),
        PRIMARY KEY (soort, jaar)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO teller (soort, jaar, laatste) SELECT 'melding', jaar, max(volgnummer) FROM melding GROUP BY jaar;
      INSERT INTO teller (soort, jaar, laatste) SELECT 'zaak', jaar, max(volgnummer) FROM zaak GROUP BY jaar;
      INSERT INTO teller (soort, jaar, laatste) SELECT 'actie', jaar, max(volgnummer) FROM actie GROUP BY jaar;`,
  },
  {
    // Mail (SPEC §8): partner addresses, the outbox, and a forwarding that counts only once its mail
    // went out (doorzetting.op/dag may be empty; SQLite changes NOT NULL only by rebuilding the table).
    versie: 3,
    sql: `
      ALTER TABLE partner ADD COLUMN email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 1000);
      ALTER TABLE partner ADD COLUMN met_melder INTEGER NOT NULL DEFAULT 0 CHECK (met_melder = 0 OR met_melder = 1);
      CREATE TABLE doorzetting_nieuw (
        melding_id INTEGER NOT NULL REFERENCES melding (id),
        partner TEXT NOT NULL REFERENCES partner (code),
        op TEXT,
        dag TEXT,
        door TEXT NOT NULL,
        notitie TEXT,
        PRIMARY KEY (melding_id, partner),
        CHECK ((op IS NULL) = (dag IS NULL))
      ) STRICT, WITHOUT ROWID;
      INSERT INTO doorzetting_nieuw (melding_id, partner, op, dag, door, notitie) SELECT melding_id, partner, op, dag, door, notitie FROM doorzetting;
      DROP TABLE doorzetting;
      ALTER TABLE doorzetting_nieuw RENAME TO doorzetting;
      CREATE TABLE bericht (
        id INTEGER PRIMARY KEY,
        soort TEXT NOT NULL CHECK (soort = 'doorzetting' OR soort = 'terugkoppeling' OR soort = 'uitnodiging' OR soort = 'annulering' OR soort = 'agenda'),
        object TEXT NOT NULL,
        melding_id INTEGER REFERENCES melding (id),
        partner TEXT REFERENCES partner (code),
        aan TEXT NOT NULL,
        aan_melder INTEGER NOT NULL DEFAULT 0 CHECK (aan_melder = 0 OR aan_melder = 1),
        onderwerp TEXT NOT NULL,
        tekst TEXT NOT NULL,
        melder_tekst TEXT,
        message_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status = 'wacht' OR status = 'mislukt' OR status = 'verzonden' OR status = 'klaargezet' OR status = 'uit'),
        gemaakt_op TEXT NOT NULL,
        gemaakt_door TEXT NOT NULL,
        verzonden_op TEXT,
        fout TEXT,
        bezet_tot TEXT,
        bestand TEXT
      ) STRICT;
      CREATE INDEX bericht_open ON bericht (status) WHERE status = 'wacht' OR status = 'mislukt';
      CREATE INDEX bericht_melding ON bericht (melding_id) WHERE melding_id IS NOT NULL;`,
  },
  {
    // Participants per overleg soort (SPEC §8), with the seed's defaults.
    versie: 4,
    sql: `
      CREATE TABLE deelnemer (
        soort TEXT NOT NULL CHECK (soort = 'gio' OR soort = 'tweewekelijks' OR soort = 'politie'),
        naam TEXT NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 100),
        email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
        partner TEXT REFERENCES partner (code),
        volgorde INTEGER NOT NULL,
        PRIMARY KEY (soort, naam)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO deelnemer (soort, naam, partner, volgorde) VALUES
        ('gio', 'Politie', 'politie', 1),
        ('gio', 'Zorgteam Koggenland', 'zorgteam', 2),
        ('gio', 'Jongerenwerk', 'jongerenwerk', 3),
        ('gio', 'Cluster Integrale Veiligheid', 'iv', 4),
        ('gio', 'Portefeuillehouder', 'portefeuillehouder', 5),
        ('tweewekelijks', 'Politie', 'politie', 1),
        ('tweewekelijks', 'Jongerenwerk', 'jongerenwerk', 2),
        ('tweewekelijks', 'Casemanager jeugd', 'casemanager-jeugd', 3),
        ('tweewekelijks', 'Cluster Integrale Veiligheid', 'iv', 4),
        ('politie', 'Burgemeester', 'burgemeester', 1),
        ('politie', 'Openbare orde en veiligheid (OOV)', 'oov', 2),
        ('politie', 'Politie', 'politie', 3);`,
  },
  {
    // Invitations (SPEC §8): the iCalendar text of a message, and what the calendars outside know of a meeting.
    versie: 5,
    sql: `
      ALTER TABLE bericht ADD COLUMN kalender TEXT;
      CREATE TABLE kalender (
        soort TEXT NOT NULL CHECK (soort = 'gio' OR soort = 'tweewekelijks' OR soort = 'politie'),
        nominale_datum TEXT NOT NULL,
        datum TEXT NOT NULL,
        tijd TEXT NOT NULL CHECK (tijd GLOB '[0-2][0-9]:[0-5][0-9]'),
        locatie TEXT NOT NULL,
        volgnummer INTEGER NOT NULL CHECK (volgnummer >= 0),
        aan TEXT NOT NULL DEFAULT '',
        methode TEXT CHECK (methode IS NULL OR methode = 'request' OR methode = 'cancel'),
        vervallen INTEGER NOT NULL DEFAULT 0 CHECK (vervallen = 0 OR vervallen = 1),
        gewijzigd_op TEXT NOT NULL,
        PRIMARY KEY (soort, nominale_datum)
      ) STRICT, WITHOUT ROWID;`,
  },
  {
    // The agenda by mail (SPEC §8): the Word document goes with the message, as it was when it was made.
    versie: 6,
    sql: `
      ALTER TABLE bericht ADD COLUMN bijlage TEXT;
      ALTER TABLE bericht ADD COLUMN bijlage_naam TEXT;`,
  },
  {
    // Decisions kept (SPEC §9): the verslag of a meeting, and when its minutes were processed (gehouden).
    versie: 7,
    sql: `
      ALTER TABLE overleg ADD COLUMN gehouden_op TEXT;
      CREATE TABLE verslag (
        id INTEGER PRIMARY KEY,
        overleg_id INTEGER NOT NULL REFERENCES overleg (id),
        volgorde INTEGER NOT NULL CHECK (volgorde >= 1),
        punt TEXT NOT NULL CHECK (length(trim(punt)) >= 1),
        zaak_id INTEGER REFERENCES zaak (id),
        besproken TEXT NOT NULL DEFAULT '',
        afspraken TEXT NOT NULL DEFAULT '',
        CHECK (length(besproken) + length(afspraken) >= 1)
      ) STRICT;
      CREATE INDEX verslag_overleg ON verslag (overleg_id, volgorde);
      CREATE INDEX verslag_zaak ON verslag (zaak_id, overleg_id) WHERE zaak_id IS NOT NULL;
      -- Meetings whose minutes were processed before: the audit log names them.
      UPDATE overleg SET gehouden_op = (SELECT min(a.op) FROM audit a WHERE a.commando = 'notulen verwerk' AND a.object = overleg.soort || ':' || overleg.nominale_datum)
      WHERE status <> 'geannuleerd';`,
  },
  {
    // Data proven against the log (SPEC §10): a random salt per object; the state of every object
    // that exists now is recorded once, by the migration, in an audited row that says so.
    versie: 8,
    sql: [...['partner', 'zaak', 'melding', 'overleg', 'actie'].map((t) => `ALTER TABLE ${t} ADD COLUMN zout TEXT;`), 'ALTER TABLE audit ADD COLUMN toestand TEXT;'].join('\n'),
    na: (db, nu) => {
      zoutAlles(db);
      const na = alleToestanden(db);
      const n = na.length;
      schrijfAuditBestand(db, { gebruiker: 'kvz', nu, commando: 'migratie' }, {
        resultaat: `toestand van ${n} ${n === 1 ? 'object' : 'objecten'} vastgelegd bij de migratie naar schemaversie 8 (zoals ze er toen stonden)`,
        details: { schemaversie: 8 },
      }, { na, basis: true });
    },
  },
  {
    // The tweewekelijks overleg's own time and place (#15 item 12); NULL keeps the GIO's.
    versie: 9,
    sql: `
      ALTER TABLE cadans ADD COLUMN tweewekelijks_tijd TEXT CHECK (tweewekelijks_tijd IS NULL OR tweewekelijks_tijd GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE cadans ADD COLUMN tweewekelijks_locatie TEXT;`,
  },
  {
    // Urgent meldingen (SPEC §11) and forwardings whose moment is unknown (#15 item 4). Neither changes
    // a recorded state: both enter an object's state only when set (src/store/toestand.ts).
    versie: 10,
    sql: `
      ALTER TABLE melding ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent = 0 OR urgent = 1);
      ALTER TABLE doorzetting ADD COLUMN tijd_onbekend INTEGER NOT NULL DEFAULT 0 CHECK (tijd_onbekend = 0 OR tijd_onbekend = 1);`,
  },
  {
    // Afstemming tussendoor (SPEC §11): its own table and numbers; the counter takes a fourth soort.
    versie: 11,
    sql: `
      CREATE TABLE teller_nieuw (
        soort TEXT NOT NULL CHECK (soort = 'melding' OR soort = 'zaak' OR soort = 'actie' OR soort = 'afstemming'),
        jaar INTEGER NOT NULL,
        laatste INTEGER NOT NULL CHECK (laatste >= 0),
        PRIMARY KEY (soort, jaar)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO teller_nieuw (soort, jaar, laatste) SELECT soort, jaar, laatste FROM teller;
      DROP TABLE teller;
      ALTER TABLE teller_nieuw RENAME TO teller;
      -- Afstemming tussendoor (SPEC §11; het plan §2.2: bij acute zaken contact tussen politie en
      -- ambtenaren OOV buiten de overleggen om). Het politieoverleg ziet ze terug op zijn agenda.
      -- Vertrouwelijk als daarom gevraagd is of als de zaak het is.
      CREATE TABLE afstemming (
        id INTEGER PRIMARY KEY,
        nummer TEXT NOT NULL UNIQUE,                       -- AF-2027-001
        jaar INTEGER NOT NULL,
        volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
        op TEXT NOT NULL,                                  -- wanneer het contact was (UTC)
        dag TEXT NOT NULL,                                 -- die kalenderdag in Amsterdam
        tussen TEXT NOT NULL CHECK (tussen GLOB '*,*'),    -- de partners (codes, op volgorde, met komma's)
        onderwerp TEXT NOT NULL CHECK (length(trim(onderwerp)) BETWEEN 1 AND 200),
        zaak_id INTEGER REFERENCES zaak (id),
        vertrouwelijk INTEGER NOT NULL DEFAULT 0 CHECK (vertrouwelijk = 0 OR vertrouwelijk = 1),
        notitie TEXT,
        door TEXT NOT NULL,
        aangemaakt_op TEXT NOT NULL,
        zout TEXT DEFAULT (lower(hex(randomblob(16)))),   -- willekeurig zout van de toestandshash (src/store/toestand.ts)
        UNIQUE (jaar, volgnummer)
      ) STRICT;
      CREATE INDEX afstemming_dag ON afstemming (dag);
`,
  },
  {
    // A melding that lapsed (#15 item 14): a duplicate or one made in error, closed with a reason. It is
    // a kind of handling (status afgehandeld, so nothing waits on it) that no count or report includes;
    // the counting index carries the flag so the agendas' counts stay index-only.
    versie: 12,
    sql: `
      ALTER TABLE melding ADD COLUMN vervallen INTEGER NOT NULL DEFAULT 0
        CHECK (vervallen = 0 OR (vervallen = 1 AND status = 'afgehandeld' AND afhandeling IS NOT NULL));
      DROP INDEX melding_dag;
      CREATE INDEX melding_dag ON melding (ontvangen_dag, categorie, kern, vergunninghouder, vertrouwelijk, zaak_id, vervallen);
      CREATE INDEX melding_vervallen ON melding (ontvangen_dag) WHERE vervallen = 1;`,
  },
  {
    // Placements of vergunninghouders (SPEC §11): their own table and numbers, contacts, and the
    // melding's link to one. The counter takes a fifth soort.
    versie: 13,
    sql: `
      CREATE TABLE teller_nieuw (
        soort TEXT NOT NULL CHECK (soort = 'melding' OR soort = 'zaak' OR soort = 'actie' OR soort = 'afstemming' OR soort = 'plaatsing'),
        jaar INTEGER NOT NULL,
        laatste INTEGER NOT NULL CHECK (laatste >= 0),
        PRIMARY KEY (soort, jaar)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO teller_nieuw (soort, jaar, laatste) SELECT soort, jaar, laatste FROM teller;
      DROP TABLE teller;
      ALTER TABLE teller_nieuw RENAME TO teller;
      -- Plaatsingen van vergunninghouders (SPEC §11; het plan §1: de plaatsing beter monitoren op meldingen
      -- en incidenten; §2.4: toezien op de situatie, maatschappelijke begeleiding). Het adres is een
      -- persoonsgegeven: alleen 'kvz plaatsing show' en 'kvz export plaatsingen' tonen het; 'kvz opschonen'
      -- wist het als de plaatsing de bewaartermijn geleden is geëindigd.
      CREATE TABLE plaatsing (
        id INTEGER PRIMARY KEY,
        nummer TEXT NOT NULL UNIQUE,                       -- P-2027-01 (per jaar van plaatsing)
        jaar INTEGER NOT NULL,
        volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
        kern TEXT NOT NULL REFERENCES kern (naam) ON UPDATE CASCADE,
        adres TEXT CHECK (adres IS NULL OR length(trim(adres)) BETWEEN 1 AND 200),
        adres_gewist_op TEXT,                              -- wanneer 'kvz opschonen' het adres wiste
        datum TEXT NOT NULL,                               -- dag van plaatsing (mag vooruit liggen)
        einde TEXT CHECK (einde IS NULL OR einde >= datum),
        huishouden INTEGER CHECK (huishouden IS NULL OR huishouden BETWEEN 1 AND 30),
        begeleiding TEXT REFERENCES partner (code),        -- maatschappelijke begeleiding
        notitie TEXT,
        door TEXT NOT NULL,
        aangemaakt_op TEXT NOT NULL,
        gewijzigd_op TEXT NOT NULL,
        zout TEXT DEFAULT (lower(hex(randomblob(16)))),   -- willekeurig zout van de toestandshash (src/store/toestand.ts)
        UNIQUE (jaar, volgnummer),
        CHECK ((adres IS NULL) = (adres_gewist_op IS NOT NULL))
      ) STRICT;
      CREATE INDEX plaatsing_datum ON plaatsing (datum);
      -- Toezien op de situatie: een bezoek, telefoontje of gesprek, met een notitie.
      CREATE TABLE plaatsing_contact (
        id INTEGER PRIMARY KEY,
        plaatsing_id INTEGER NOT NULL REFERENCES plaatsing (id),
        op TEXT NOT NULL,
        dag TEXT NOT NULL,
        soort TEXT NOT NULL CHECK (soort = 'bezoek' OR soort = 'telefoon' OR soort = 'gesprek' OR soort = 'overig'),
        partner TEXT REFERENCES partner (code),            -- wie het contact had (leeg: de gebruiker zelf)
        notitie TEXT NOT NULL,
        door TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plaatsing_contact_plaatsing ON plaatsing_contact (plaatsing_id, op);
      ALTER TABLE melding ADD COLUMN plaatsing_id INTEGER REFERENCES plaatsing (id);
      CREATE INDEX melding_plaatsing ON melding (plaatsing_id, ontvangen_dag) WHERE plaatsing_id IS NOT NULL;`,
  },
  {
    // The meldingen of a zaak counted without the lapsed ones, on the index alone (the agendas count them
    // per open zaak: region scale, a thousand zaken; with a look-up per melding the GIO agenda lost 15%).
    versie: 14,
    sql: `
      DROP INDEX melding_zaak;
      CREATE INDEX melding_zaak ON melding (zaak_id, ontvangen_dag, vertrouwelijk, vervallen) WHERE zaak_id IS NOT NULL;`,
  },
  {
    // PostgreSQL records the state of every object from this version on (toestand-pg.ts); a file did
    // already, and its tables stay as they were.
    versie: 15,
    sql: '',
  },
  {
    // The number of meldingen, kept by triggers (kvz status read a million rows for it, #17); counted
    // once here. The triggers are schema.sql's, which kvz check holds them against. And kvz actie list,
    // newest first, walks an index back to its limit instead of sorting every actie (0.5 s at region scale).
    versie: 16,
    sql: `
      CREATE INDEX actie_aangemaakt ON actie (aangemaakt_op);
      CREATE TABLE melding_aantal (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        aantal INTEGER NOT NULL CHECK (aantal >= 0)
      ) STRICT;
      INSERT INTO melding_aantal (id, aantal) SELECT 1, count(*) FROM melding;
      CREATE TRIGGER melding_aantal_bij AFTER INSERT ON melding
      BEGIN
        UPDATE melding_aantal SET aantal = aantal + 1 WHERE id = 1;
      END;
      CREATE TRIGGER melding_aantal_af AFTER DELETE ON melding
      BEGIN
        UPDATE melding_aantal SET aantal = aantal - 1 WHERE id = 1;
      END;`,
  },
  {
    // PostgreSQL finds the newest audit row that records states through an index (postgres-schema.ts):
    // right after kvz kopieer hardly any row does, and its planner then read the whole audit table on
    // every write. SQLite walks the log back from its newest row, as before; a file is unchanged.
    versie: 17,
    sql: '',
  },
];
