-- kvz — het canonieke schema (versie 8).
--
-- Eén SQLite-bestand is de hele toestand. kvz past dit bestand toe bij het aanmaken van een nieuwe
-- database, zet PRAGMA application_id op 0x4B565A31 ('KVZ1', herkenning van een kvz-database) en
-- PRAGMA user_version op de schemaversie. Latere versies migreren vooruit in één transactie
-- (src/store/migrations.ts); een database van een nieuwere kvz wordt geweigerd en niet aangeraakt.
--
-- Conventies:
--   * tijdstippen (…_op) zijn UTC ISO-8601 met milliseconden: 2027-03-16T09:30:00.000Z;
--   * datums (deadlines, overleggen, …_dag) zijn kalenderdatums in Europe/Amsterdam: 2027-03-16;
--   * booleans zijn INTEGER 0/1;
--   * nummers (M-2027-0001, Z-2027-001, A-2027-0001) worden nooit hergebruikt: ze volgen uit
--     (jaar, volgnummer), dat uniek is per tabel, en het volgnummer komt van de teller van dat jaar;
--   * opsommingen worden gecontroleerd als `x = 'a' OR x = 'b'` en niet als `x IN ('a', 'b')`: SQLite
--     bouwt voor een IN-lijst in een CHECK bij elke rij een tijdelijke tabel, wat een import van
--     100.000 meldingen een derde trager maakt.

-- Instellingen van deze database. Bij het aanmaken krijgt ze een eigen, willekeurige identiteit
-- (sleutel 'database_id', een UUID): een notulenbestand draagt die, zodat `kvz notulen verwerk` een
-- bestand dat bij een andere database hoort weigert. Een back-up is dezelfde database en houdt haar.
CREATE TABLE instelling (
  sleutel TEXT PRIMARY KEY CHECK (length(sleutel) BETWEEN 1 AND 60),
  waarde TEXT NOT NULL
) STRICT;

-- Tellers voor de nummers: per soort en jaar het laatst uitgegeven volgnummer. Een nieuw nummer wordt
-- in de transactie van het nieuwe object opgehoogd (niet 'hoogste zichtbare + 1'), zodat het ook op
-- PostgreSQL, waar niet iedereen alles ziet, nooit botst; een teruggedraaide opdracht laat geen gat.
CREATE TABLE teller (
  soort TEXT NOT NULL CHECK (soort = 'melding' OR soort = 'zaak' OR soort = 'actie' OR soort = 'afstemming' OR soort = 'plaatsing'),
  jaar INTEGER NOT NULL,
  laatste INTEGER NOT NULL CHECK (laatste >= 0),
  PRIMARY KEY (soort, jaar)
) STRICT, WITHOUT ROWID;

-- Referentietabellen: gevuld bij het aanmaken, uit te breiden met `kvz kern|partner|categorie add`.

-- De zestien kernen (dorpen) van Koggenland.
CREATE TABLE kern (
  naam TEXT PRIMARY KEY CHECK (length(trim(naam)) BETWEEN 1 AND 60)
) STRICT;

-- Samenwerkingspartners; de code wordt overal gebruikt (doorzettingen, acties, eigenaar van een zaak).
-- email: de adressen waarheen kvz een doorzetting mailt (met komma's; leeg: alleen vastleggen);
-- met_melder: mogen naam, telefoon en e-mail van de melder mee naar deze partner.
CREATE TABLE partner (
  code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9-]*' AND length(code) <= 40),
  naam TEXT NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 100),
  email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 1000),
  met_melder INTEGER NOT NULL DEFAULT 0 CHECK (met_melder = 0 OR met_melder = 1),
  zout TEXT DEFAULT (lower(hex(randomblob(16))))    -- willekeurig zout van de toestandshash (src/store/toestand.ts)
) STRICT;

-- Deelnemers van elke soort overleg (SPEC §8): wie de agenda noemt en wie een uitnodiging krijgt;
-- partner koppelt een deelnemer aan de aanwezigheid in de notulen. Gevuld met de deelnemers uit het plan.
CREATE TABLE deelnemer (
  soort TEXT NOT NULL CHECK (soort = 'gio' OR soort = 'tweewekelijks' OR soort = 'politie'),
  naam TEXT NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 100),
  email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  partner TEXT REFERENCES partner (code),
  volgorde INTEGER NOT NULL,
  PRIMARY KEY (soort, naam)
) STRICT, WITHOUT ROWID;

-- Categorieën van meldingen.
CREATE TABLE categorie (
  code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9-]*' AND length(code) <= 40),
  omschrijving TEXT NOT NULL CHECK (length(trim(omschrijving)) BETWEEN 1 AND 200)
) STRICT;

-- Een zaak bundelt meldingen die bij elkaar horen (overlastzaak of zorgzaak).
CREATE TABLE zaak (
  id INTEGER PRIMARY KEY,
  nummer TEXT NOT NULL UNIQUE,                       -- Z-2027-001
  jaar INTEGER NOT NULL,
  volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
  titel TEXT NOT NULL CHECK (length(trim(titel)) BETWEEN 1 AND 200),
  soort TEXT NOT NULL CHECK (soort = 'overlast' OR soort = 'zorg'),
  kern TEXT NOT NULL REFERENCES kern (naam) ON UPDATE CASCADE,
  eigenaar TEXT NOT NULL DEFAULT 'iv' REFERENCES partner (code),
  vertrouwelijk INTEGER NOT NULL DEFAULT 0 CHECK (vertrouwelijk = 0 OR vertrouwelijk = 1),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'gesloten'),
  geopend_op TEXT NOT NULL,
  gesloten_op TEXT,
  resultaat TEXT,
  geopend_door TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL,
  zout TEXT DEFAULT (lower(hex(randomblob(16)))),   -- willekeurig zout van de toestandshash (src/store/toestand.ts)
  UNIQUE (jaar, volgnummer),
  CHECK ((status = 'gesloten') = (gesloten_op IS NOT NULL))
) STRICT;
CREATE INDEX zaak_status ON zaak (status, vertrouwelijk);

-- Een melding zoals het Meldpunt Koggenland die ontvangt.
CREATE TABLE melding (
  id INTEGER PRIMARY KEY,
  jaar INTEGER NOT NULL,                             -- jaar van ontvangst (Amsterdam)
  volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
  -- Afgeleid, niet opgeslagen: een eigen index op het nummer zou elke invoer vertragen; zoeken op
  -- nummer gaat via (jaar, volgnummer).
  nummer TEXT GENERATED ALWAYS AS (printf('M-%d-%04d', jaar, volgnummer)) VIRTUAL, -- M-2027-0042
  ontvangen_op TEXT NOT NULL,
  ontvangen_dag TEXT NOT NULL,                       -- kalenderdag van ontvangst in Amsterdam (dagregels)
  kanaal TEXT NOT NULL CHECK (kanaal = 'telefoon' OR kanaal = 'balie' OR kanaal = 'email' OR kanaal = 'app' OR kanaal = 'politie' OR kanaal = 'anders'),
  categorie TEXT NOT NULL REFERENCES categorie (code),
  kern TEXT NOT NULL REFERENCES kern (naam) ON UPDATE CASCADE,
  adres TEXT,
  omschrijving TEXT NOT NULL CHECK (length(trim(omschrijving)) >= 1),
  -- Persoonsgegevens van de melder (alle drie optioneel: anoniem melden mag). Alleen in
  -- `kvz melding show` en in `kvz export meldingen --met-melder`; gewist door `kvz opschonen`.
  melder_naam TEXT,
  melder_telefoon TEXT,
  melder_email TEXT,
  melder_gewist_op TEXT,                             -- wanneer `kvz opschonen` ze verwijderde
  terugkoppeling INTEGER NOT NULL DEFAULT 0 CHECK (terugkoppeling = 0 OR terugkoppeling = 1),     -- melder wil terugkoppeling
  vergunninghouder INTEGER NOT NULL DEFAULT 0 CHECK (vergunninghouder = 0 OR vergunninghouder = 1), -- betreft een vergunninghouder
  vertrouwelijk INTEGER NOT NULL DEFAULT 0 CHECK (vertrouwelijk = 0 OR vertrouwelijk = 1),       -- alleen politieoverleg
  zaak_id INTEGER REFERENCES zaak (id),
  status TEXT NOT NULL DEFAULT 'nieuw' CHECK (status = 'nieuw' OR status = 'doorgezet' OR status = 'afgehandeld'),
  afgehandeld_op TEXT,
  afhandeling TEXT,                                  -- notitie bij het afhandelen
  geregistreerd_door TEXT NOT NULL,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL,
  zout TEXT DEFAULT (lower(hex(randomblob(16)))),   -- willekeurig zout van de toestandshash (src/store/toestand.ts)
  urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent = 0 OR urgent = 1),  -- acuut (SPEC §11): eerst, met !! tot ze is doorgezet
  -- Vervallen (#15 item 14): een dubbele of onterechte melding, afgehandeld met een reden (afhandeling);
  -- telt nergens meer mee, maar blijft in de lijst en het logboek. Status 'vervallen' voor de gebruiker.
  vervallen INTEGER NOT NULL DEFAULT 0 CHECK (vervallen = 0 OR (vervallen = 1 AND status = 'afgehandeld' AND afhandeling IS NOT NULL)),
  plaatsing_id INTEGER REFERENCES plaatsing (id),   -- over deze plaatsing van vergunninghouders (SPEC §11)
  UNIQUE (jaar, volgnummer),
  CHECK ((status = 'afgehandeld') = (afgehandeld_op IS NOT NULL))
) STRICT;
-- Vensters, lijsten (nieuwste eerst) en tellingen per categorie en kern lopen via de kalenderdag; de
-- index dekt ook de tellingen van de agenda's (vergunninghouders, vertrouwelijk, per zaak) zonder
-- opzoeking in de tabel per melding.
CREATE INDEX melding_dag ON melding (ontvangen_dag, categorie, kern, vergunninghouder, vertrouwelijk, zaak_id, vervallen);
-- De weinige vervallen meldingen (kvz status telt ze apart).
CREATE INDEX melding_vervallen ON melding (ontvangen_dag) WHERE vervallen = 1;
-- Alleen de meldingen die nog aandacht vragen, en alleen die van een zaak: kleine indexen.
CREATE INDEX melding_open ON melding (status, ontvangen_dag) WHERE status = 'nieuw' OR status = 'doorgezet';
-- Melders die op terugkoppeling wachten (kvz status): alleen open meldingen waarom gevraagd is.
CREATE INDEX melding_wacht ON melding (ontvangen_op) WHERE terugkoppeling = 1 AND melder_gewist_op IS NULL AND status <> 'afgehandeld';
-- Met vertrouwelijk: een agenda telt de meldingen van een zaak zonder de vertrouwelijke, op de index.
CREATE INDEX melding_zaak ON melding (zaak_id, ontvangen_dag, vertrouwelijk, vervallen) WHERE zaak_id IS NOT NULL;
-- De meldingen van een plaatsing (monitoring in het GIO en het rapport vergunninghouders).
CREATE INDEX melding_plaatsing ON melding (plaatsing_id, ontvangen_dag) WHERE plaatsing_id IS NOT NULL;

-- Het aantal meldingen, bijgehouden door de twee triggers hieronder: `kvz status` leest het hier in plaats
-- van een miljoen rijen te tellen (100 ms). Een import telt haar meldingen in één keer bij
-- (src/store/import.ts); `kvz check` vergelijkt het met de meldingen zelf.
CREATE TABLE melding_aantal (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  aantal INTEGER NOT NULL CHECK (aantal >= 0)
) STRICT;
INSERT INTO melding_aantal (id, aantal) VALUES (1, 0);

CREATE TRIGGER melding_aantal_bij AFTER INSERT ON melding
BEGIN
  UPDATE melding_aantal SET aantal = aantal + 1 WHERE id = 1;
END;

CREATE TRIGGER melding_aantal_af AFTER DELETE ON melding
BEGIN
  UPDATE melding_aantal SET aantal = aantal - 1 WHERE id = 1;
END;

-- Plaatsingen van vergunninghouders (SPEC §11; het plan §1: de plaatsing beter monitoren op meldingen
-- en incidenten; §2.4: toezien op de situatie, maatschappelijke begeleiding). Het adres is een
-- persoonsgegeven: alleen `kvz plaatsing show` en `kvz export plaatsingen` tonen het; `kvz opschonen`
-- wist het als de plaatsing de bewaartermijn geleden is geëindigd.
CREATE TABLE plaatsing (
  id INTEGER PRIMARY KEY,
  nummer TEXT NOT NULL UNIQUE,                       -- P-2027-01 (per jaar van plaatsing)
  jaar INTEGER NOT NULL,
  volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
  kern TEXT NOT NULL REFERENCES kern (naam) ON UPDATE CASCADE,
  adres TEXT CHECK (adres IS NULL OR length(trim(adres)) BETWEEN 1 AND 200),
  adres_gewist_op TEXT,                              -- wanneer `kvz opschonen` het adres wiste
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

-- Doorzetting van een melding naar een partner (één melding kan naar meerdere partners).
-- op/dag: het moment dat telt voor de regel 'dezelfde dag' (SPEC §8): wanneer de mail verzonden of
-- klaargezet is, of het vastgelegde moment als er geen mail bij was. Leeg zolang de mail wacht of
-- mislukte: dan is de melding nog niet doorgezet.
CREATE TABLE doorzetting (
  melding_id INTEGER NOT NULL REFERENCES melding (id),
  partner TEXT NOT NULL REFERENCES partner (code),
  op TEXT,
  dag TEXT,                                          -- kalenderdag van doorzetten in Amsterdam
  door TEXT NOT NULL,
  notitie TEXT,
  -- 1: doorgezet, maar wanneer is niet bekend (een import zonder datum): telt niet mee in de
  -- cijfers over dezelfde dag; op en dag zijn dan die van de ontvangst.
  tijd_onbekend INTEGER NOT NULL DEFAULT 0 CHECK (tijd_onbekend = 0 OR tijd_onbekend = 1),
  PRIMARY KEY (melding_id, partner),
  CHECK ((op IS NULL) = (dag IS NULL))
) STRICT, WITHOUT ROWID;

-- De uitgaande post (SPEC §8). Elk bericht komt in dezelfde transactie als waar het bij hoort en wordt
-- na de commit afgeleverd. status: wacht (nog niet geprobeerd of tijdelijk mislukt), mislukt (blijvend;
-- alleen opnieuw met post verzend --opnieuw), verzonden, klaargezet (.eml-concept geschreven), uit
-- (e-mail stond uit). Een verzending claimt het bericht eerst (bezet_tot), zodat twee runs het nooit
-- allebei versturen. De gegevens van de melder staan apart (melder_tekst, en aan bij aan_melder), zodat
-- opschonen ze kan wissen zonder de rest van het bericht.
CREATE TABLE bericht (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL CHECK (soort = 'doorzetting' OR soort = 'terugkoppeling' OR soort = 'uitnodiging' OR soort = 'annulering' OR soort = 'agenda'),
  object TEXT NOT NULL,                              -- M-2027-0042, of gio 2027-04-28
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
  bestand TEXT,
  kalender TEXT,                                     -- bij een uitnodiging of annulering: de iCalendar-tekst
  bijlage TEXT,                                      -- bij een agenda: het Word-document, base64
  bijlage_naam TEXT
) STRICT;
CREATE INDEX bericht_open ON bericht (status) WHERE status = 'wacht' OR status = 'mislukt';
CREATE INDEX bericht_melding ON bericht (melding_id) WHERE melding_id IS NOT NULL;

-- Contact met de melder: om informatie te vragen of om terug te koppelen.
CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  melding_id INTEGER NOT NULL REFERENCES melding (id),
  op TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort = 'informatie' OR soort = 'terugkoppeling'),
  notitie TEXT NOT NULL CHECK (length(trim(notitie)) >= 1),
  door TEXT NOT NULL
) STRICT;
CREATE INDEX contact_melding ON contact (melding_id, soort);

-- Cadans van de vaste overleggen. Het tweewekelijks overleg volgt het GIO (SPEC §12) en heeft daarom
-- geen eigen rij; wel kan het een eigen tijd en plek hebben (in de rij van het GIO).
CREATE TABLE cadans (
  soort TEXT PRIMARY KEY CHECK (soort = 'gio' OR soort = 'politie'),
  start TEXT NOT NULL,                               -- eerste (nominale) datum van de reeks
  interval_weken INTEGER NOT NULL CHECK (interval_weken BETWEEN 1 AND 52),
  tijd TEXT NOT NULL CHECK (tijd GLOB '[0-2][0-9]:[0-5][0-9]'),
  locatie TEXT NOT NULL,
  ingesteld_op TEXT,                                 -- NULL: nog de standaard van bij het aanmaken
  versie INTEGER NOT NULL DEFAULT 0 CHECK (versie >= 0), -- telt elke wijziging (iCalendar SEQUENCE)
  tweewekelijks_tijd TEXT CHECK (tweewekelijks_tijd IS NULL OR tweewekelijks_tijd GLOB '[0-2][0-9]:[0-5][0-9]'), -- NULL: die van het GIO
  tweewekelijks_locatie TEXT                         -- NULL: die van het GIO
) STRICT;

-- Een overleg dat ergens naar verwezen wordt, of dat verzet of geannuleerd is. Overleggen die
-- gewoon op hun cadans plaatsvinden, staan hier pas zodra iets ernaar verwijst (een actie die er is
-- afgesproken, aanwezigheid uit de notulen). Wordt de startdatum of het interval van een cadans
-- gewijzigd, dan blijven de overleggen van de oude cadans die al geweest zijn en vóór de nieuwe reeks
-- vallen hier staan (status gepland), ook al ligt hun nominale datum niet meer op de cadans.
-- Verschuiven vanwege een feestdag of weekend wordt niet opgeslagen maar berekend (domain/feestdagen.ts):
-- zo'n overleg heeft status 'gepland' en een datum na de nominale datum.
CREATE TABLE overleg (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL CHECK (soort = 'gio' OR soort = 'tweewekelijks' OR soort = 'politie'),
  nominale_datum TEXT NOT NULL,                      -- datum volgens de cadans
  datum TEXT NOT NULL,                               -- werkelijke datum
  status TEXT NOT NULL DEFAULT 'gepland' CHECK (status = 'gepland' OR status = 'verzet' OR status = 'geannuleerd'),
  verschoven_van TEXT,                               -- bij verzetten: de datum ervoor
  reden TEXT,                                        -- van het verzetten of annuleren
  tijd TEXT CHECK (tijd IS NULL OR tijd GLOB '[0-2][0-9]:[0-5][0-9]'), -- NULL: die van de cadans
  locatie TEXT,                                      -- NULL: die van de cadans
  versie INTEGER NOT NULL DEFAULT 0 CHECK (versie >= 0), -- telt verzetten en annuleren (iCalendar SEQUENCE)
  gewijzigd_op TEXT NOT NULL,
  gehouden_op TEXT,                                  -- wanneer de notulen het eerst zijn verwerkt (status gehouden)
  zout TEXT DEFAULT (lower(hex(randomblob(16)))),   -- willekeurig zout van de toestandshash (src/store/toestand.ts)
  UNIQUE (soort, nominale_datum)
) STRICT;
CREATE INDEX overleg_datum ON overleg (soort, datum);

-- Wat de agenda's buiten kvz van een overleg weten (SPEC §8): aan wie een uitnodiging ging (aan; leeg:
-- nooit uitgenodigd), wat er het laatst is verstuurd (methode request of cancel, met datum, tijd en
-- locatie) en het hoogste iCalendar-volgnummer (SEQUENCE) dat naar buiten ging. vervallen = 1: een
-- nieuwe cadans liet dit overleg wegvallen; overleg plan --ics geeft het dan als STATUS:CANCELLED.
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
) STRICT, WITHOUT ROWID;

-- Wie er bij een overleg aanwezig was (uit de verwerkte notulen).
CREATE TABLE aanwezigheid (
  overleg_id INTEGER NOT NULL REFERENCES overleg (id),
  partner TEXT NOT NULL REFERENCES partner (code),
  PRIMARY KEY (overleg_id, partner)
) STRICT, WITHOUT ROWID;

-- Het verslag van een overleg (SPEC §9): wat er per agendapunt en per zaak besproken en afgesproken
-- is, uit de verwerkte notulen. zaak_id leeg: het agendapunt zelf. Verwerkte notulen met tekst
-- vervangen het verslag van dat overleg.
CREATE TABLE verslag (
  id INTEGER PRIMARY KEY,
  overleg_id INTEGER NOT NULL REFERENCES overleg (id),
  volgorde INTEGER NOT NULL CHECK (volgorde >= 1),   -- plaats in het document
  punt TEXT NOT NULL CHECK (length(trim(punt)) >= 1), -- '3. Nieuwe zaken: aanpak bepalen'
  zaak_id INTEGER REFERENCES zaak (id),
  besproken TEXT NOT NULL DEFAULT '',
  afspraken TEXT NOT NULL DEFAULT '',
  CHECK (length(besproken) + length(afspraken) >= 1)
) STRICT;
CREATE INDEX verslag_overleg ON verslag (overleg_id, volgorde);
CREATE INDEX verslag_zaak ON verslag (zaak_id, overleg_id) WHERE zaak_id IS NOT NULL;

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

-- Een actie in de matrix: wat een partner voor een zaak doet, en wanneer.
CREATE TABLE actie (
  id INTEGER PRIMARY KEY,
  nummer TEXT NOT NULL UNIQUE,                       -- A-2027-0001
  jaar INTEGER NOT NULL,
  volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
  zaak_id INTEGER NOT NULL REFERENCES zaak (id),
  omschrijving TEXT NOT NULL CHECK (length(trim(omschrijving)) >= 1),
  soort TEXT NOT NULL DEFAULT 'overig' CHECK (soort = 'gesprek-bewoners' OR soort = 'gesprek-melder' OR soort = 'handhaving' OR soort = 'huisbezoek' OR soort = 'communicatie' OR soort = 'zorg' OR soort = 'overig'),
  partner TEXT NOT NULL REFERENCES partner (code),
  deadline TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'loopt' OR status = 'gereed' OR status = 'vervallen'),
  keer_uitgesteld INTEGER NOT NULL DEFAULT 0 CHECK (keer_uitgesteld >= 0), -- deadline later gezet
  overleg_id INTEGER REFERENCES overleg (id),       -- afgesproken in
  aangemaakt_op TEXT NOT NULL,
  aangemaakt_door TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL,
  zout TEXT DEFAULT (lower(hex(randomblob(16)))),   -- willekeurig zout van de toestandshash (src/store/toestand.ts)
  UNIQUE (jaar, volgnummer)
) STRICT;
CREATE INDEX actie_zaak ON actie (zaak_id, status);
CREATE INDEX actie_open ON actie (status, deadline);
CREATE INDEX actie_partner ON actie (partner, status);
CREATE INDEX actie_overleg ON actie (overleg_id) WHERE overleg_id IS NOT NULL; -- wat in een overleg is afgesproken
CREATE INDEX actie_aangemaakt ON actie (aangemaakt_op); -- kvz actie list: de nieuwste eerst, tot de limiet

-- De geschiedenis van een actie: één rij bij het aanmaken en één bij elke wijziging.
CREATE TABLE actie_historie (
  id INTEGER PRIMARY KEY,
  actie_id INTEGER NOT NULL REFERENCES actie (id),
  op TEXT NOT NULL,
  door TEXT NOT NULL,
  status_oud TEXT,
  status_nieuw TEXT NOT NULL,
  deadline_oud TEXT,
  deadline_nieuw TEXT NOT NULL,
  partner_oud TEXT,
  partner_nieuw TEXT NOT NULL,
  notitie TEXT,
  overleg_id INTEGER REFERENCES overleg (id)        -- het overleg waarin de wijziging is afgesproken
) STRICT;
CREATE INDEX actie_historie_actie ON actie_historie (actie_id, id);

-- Het auditlog: één rij per wijzigend commando en per export, in dezelfde transactie als de wijziging.
-- Alleen toevoegen: triggers weigeren UPDATE en DELETE. Elke rij draagt een SHA-256 over de hash van de
-- vorige rij en haar eigen inhoud, zodat `kvz check` een wijziging buiten kvz om vindt.
-- toestand legt per gewijzigd object (melding, zaak, actie, overleg, partner) een gezouten hash van de
-- toestand erna vast (na; null: verwijderd) en van die ervoor (voor); `kvz check` rekent ze na (SPEC §10).
-- Persoonsgegevens van melders komen hier nooit in (alleen dát ze gewijzigd zijn).
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  op TEXT NOT NULL,
  gebruiker TEXT NOT NULL,
  commando TEXT NOT NULL,                            -- bijv. 'melding add'
  object TEXT,                                       -- bijv. 'M-2027-0042'
  resultaat TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',                -- JSON; bij wijzigingen {veld: [oud, nieuw]}
  vorige_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  toestand TEXT                                      -- JSON {"na": {object: hash}, "voor": {…}}; NULL: geen
) STRICT;
CREATE INDEX audit_object ON audit (object, id);

CREATE TRIGGER audit_geen_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd');
END;

CREATE TRIGGER audit_geen_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'het auditlog kan niet worden verwijderd');
END;

-- Gegevens die bij het aanmaken worden vastgelegd.

INSERT INTO kern (naam) VALUES
  ('Avenhorn'), ('Berkhout'), ('Bobeldijk'), ('De Goorn'), ('Grosthuizen'), ('Hensbroek'), ('Obdam'),
  ('Oostmijzen'), ('Oudendijk'), ('Rustenburg'), ('Scharwoude'), ('Spierdijk'), ('Ursem'), ('Wogmeer'),
  ('Zuid-Spierdijk'), ('Zuidermeer');

INSERT INTO partner (code, naam) VALUES
  ('politie', 'Politie'),
  ('jongerenwerk', 'Jongerenwerk'),
  ('zorgteam', 'Zorgteam Koggenland'),
  ('iv', 'Cluster Integrale Veiligheid'),
  ('casemanager-jeugd', 'Casemanager jeugd'),
  ('portefeuillehouder', 'Portefeuillehouder'),
  ('burgemeester', 'Burgemeester'),
  ('oov', 'Openbare orde en veiligheid (OOV)'),
  ('communicatie', 'Communicatie'),
  ('vluchtelingenwerk', 'Stichting Vluchtelingenwerk'),
  ('handhaving', 'Handhaving');

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
  ('politie', 'Politie', 'politie', 3);

INSERT INTO categorie (code, omschrijving) VALUES
  ('jeugdoverlast', 'Jeugdoverlast'),
  ('burenoverlast', 'Burenoverlast'),
  ('treiteren', 'Treiteren, pesten, intimidatie'),
  ('discriminatie', 'Discriminatie'),
  ('vandalisme', 'Vandalisme'),
  ('drugs', 'Drugs'),
  ('verward-gedrag', 'Verward gedrag'),
  ('geluidsoverlast', 'Geluidsoverlast'),
  ('overig', 'Overig');
