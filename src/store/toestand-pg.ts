/**
 * The state of the data on PostgreSQL (SPEC §10), as toestand.ts keeps it on a file: every audit row
 * records a salted hash of the state of each object its transaction changed, and of what each was
 * before. Here the database does it itself, with the same object descriptions (SOORTEN) and the same
 * text per state, byte for byte: a file copied into PostgreSQL, or a back-up of PostgreSQL in a file,
 * proves its recorded states on the other store too (test/postgres/toestand.test.ts).
 *
 * Which objects a transaction changed is noted by triggers into `toestand_wacht`, keyed by the
 * transaction, but only in kvz's own sessions: kvz connects with `kvz.toestand=volgen`. A change made in
 * psql is noted nowhere, no audit row records it, and `kvz check` names the object. `audit_schrijf`
 * turns the noted objects into the row's states and clears them.
 */
import { SOORTEN, type Soort } from './toestand.js';

/** A value as JSON text, as SQLite's json_array writes it (null for NULL). */
const json = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;

/**
 * One row as JSON array text: its columns, then the arrays of `delen`, then each later column (0 or
 * NULL before it existed) as ["naam", waarde] when set — toestand.ts's metLater, in PostgreSQL.
 */
function rij(t: string, kolommen: readonly string[], delen: readonly string[], later: readonly string[] = []): string {
  const elementen = [...kolommen.map((k) => json(`${t}.${k}`)), ...delen].join(` || ',' || `);
  const extra = later.map((k) => ` || CASE WHEN coalesce(${t}.${k}, 0) = 0 THEN '' ELSE ',["${k}",' || ${json(`${t}.${k}`)} || ']' END`).join('');
  return `'[' || ${elementen}${extra} || ']'`;
}

/** The state of the object in row `t` as text: exactly what SQLite's staatSql gives. */
export function staatPg(s: Soort, t = 't'): string {
  const delen = s.delen.map(
    (d, i) =>
      `'[' || coalesce((SELECT string_agg(${rij(`d${i}`, d.kolommen, [], d.later)}, ',' ORDER BY d${i}.${d.volgorde}) FROM ${d.tabel} d${i} WHERE d${i}.${d.naar} = ${t}.${s.id}), '') || ']'`,
  );
  return rij(t, s.kolommen, delen, s.later);
}

const type = (s: Soort) => (s.id === 'id' ? 'integer' : 'text');
/** The current transaction, as toestand_wacht keys it. */
const TX = 'pg_current_xact_id()::text::bigint';
/** Only in kvz's own sessions, and not while a copy or an import writes in bulk. */
const VOLGEN = `current_setting('kvz.toestand', true) = 'volgen'`;

/** The table of noted objects (in tabellen() and in the migration to schema 15). */
export const TOESTAND_WACHT = `-- De objecten die de lopende transactie veranderde, met hun toestand ervoor (SPEC §10): audit_schrijf
-- legt ze vast en ruimt ze op. Alleen via de functies hieronder (rijbeveiliging zonder beleid voor de rollen).
CREATE TABLE toestand_wacht (
  tx bigint NOT NULL,
  tabel text COLLATE "C" NOT NULL,
  rij text COLLATE "C" NOT NULL,     -- id, of de code van een partner
  sleutel text COLLATE "C" NOT NULL, -- M-2027-0042, Z-2027-001, gio:2027-03-02, partner:politie
  voor text,                         -- de hash ervoor; leeg voor een object dat deze transactie maakte
  na text,                           -- de hash erna, vlak voor de auditregel uitgerekend
  PRIMARY KEY (tx, tabel, rij)
);`;

/**
 * The functions and triggers that note and record states (part of functies(): dropped and made again by
 * every migration, and compared by `kvz check` with what this kvz defines).
 */
export function toestandFuncties(definer: string): string {
  const uit: string[] = [
    `-- De gezouten hash van een toestand, zoals kvz op een bestand hem uitrekent (128 bits van SHA-256).
CREATE FUNCTION toestand_hash(p_zout text, p_staat text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT left(encode(sha256(convert_to(coalesce(p_zout, '') || E'\\n' || p_staat, 'UTF8')), 'hex'), 32) $$;`,
  ];
  for (const s of SOORTEN) {
    // The state before: noted once per transaction, before its first change of the object.
    uit.push(`CREATE FUNCTION toestand_noteer_${s.tabel}(p_rij ${type(s)}) RETURNS void LANGUAGE plpgsql ${definer} AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM toestand_wacht w WHERE w.tx = ${TX} AND w.tabel = '${s.tabel}' AND w.rij = p_rij::text) THEN
    INSERT INTO toestand_wacht (tx, tabel, rij, sleutel, voor)
      SELECT ${TX}, '${s.tabel}', p_rij::text, ${s.sleutelPg('t')}, toestand_hash(t.zout, ${staatPg(s)}) FROM ${s.tabel} t WHERE t.${s.id} = p_rij
      ON CONFLICT DO NOTHING;
  END IF;
END $$;`);
    // New objects: one statement per statement, so an insert of many rows costs one.
    uit.push(`CREATE FUNCTION toestand_nieuw_${s.tabel}() RETURNS trigger LANGUAGE plpgsql ${definer} AS $$
BEGIN
  IF ${VOLGEN} THEN
    INSERT INTO toestand_wacht (tx, tabel, rij, sleutel) SELECT ${TX}, '${s.tabel}', t.${s.id}::text, ${s.sleutelPg('t')} FROM nieuw t
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER toestand_nieuw AFTER INSERT ON ${s.tabel} REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION toestand_nieuw_${s.tabel}();`);
    uit.push(`CREATE FUNCTION toestand_voor_${s.tabel}() RETURNS trigger LANGUAGE plpgsql ${definer} AS $$
BEGIN
  IF ${VOLGEN} THEN
    PERFORM toestand_noteer_${s.tabel}(OLD.${s.id});
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER toestand_voor BEFORE UPDATE OR DELETE ON ${s.tabel} FOR EACH ROW EXECUTE FUNCTION toestand_voor_${s.tabel}();`);
    for (const d of s.delen) {
      uit.push(`CREATE FUNCTION toestand_voor_${d.tabel}() RETURNS trigger LANGUAGE plpgsql ${definer} AS $$
BEGIN
  IF ${VOLGEN} THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM toestand_noteer_${s.tabel}(NEW.${d.naar});
    ELSE
      PERFORM toestand_noteer_${s.tabel}(OLD.${d.naar});
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER toestand_voor BEFORE INSERT OR UPDATE OR DELETE ON ${d.tabel} FOR EACH ROW EXECUTE FUNCTION toestand_voor_${d.tabel}();`);
    }
  }
  const alle = SOORTEN.map((s) => `SELECT ${s.sleutelPg('t')}, toestand_hash(t.zout, ${staatPg(s)}) FROM ${s.tabel} t`).join('\n  UNION ALL ');
  const paar = (sleutel: string, hash: string) => `to_json(${sleutel})::text || ':' || coalesce(to_json(${hash})::text, 'null')`;
  for (const s of SOORTEN) {
    // The noted objects' states now, one soort at a time: a session plans only the soorten its
    // transaction changed (a melding add one small query, not the union of all seven).
    uit.push(`CREATE FUNCTION toestand_na_${s.tabel}(p_tx bigint) RETURNS void LANGUAGE plpgsql ${definer} AS $$
BEGIN
  UPDATE toestand_wacht w SET na = toestand_hash(t.zout, ${staatPg(s)})
    FROM ${s.tabel} t WHERE w.tx = p_tx AND w.tabel = '${s.tabel}' AND t.${s.id} = w.rij::${type(s)};
END $$;`);
  }
  const perSoort = SOORTEN.map((s) => `      WHEN '${s.tabel}' THEN PERFORM toestand_na_${s.tabel}(v_tx);`).join('\n');
  uit.push(`-- De toestand van elk object (kvz check; een eerste of volledige vastlegging).
CREATE FUNCTION toestand_alle() RETURNS TABLE (sleutel text, hash text) LANGUAGE sql STABLE ${definer} AS $$
  ${alle}
$$;

-- Wat de auditregel van deze transactie vastlegt (toestand.ts: registratieTekst), en de genoteerde
-- objecten opgeruimd. Alles als er nog geen regel een toestand vastlegde, of na een kopie.
CREATE FUNCTION toestand_registratie() RETURNS text LANGUAGE plpgsql ${definer} AS $$
DECLARE
  v_tx bigint := ${TX};
  v_na text;
  v_voor text;
  v_tabel text;
BEGIN
  IF NOT ${VOLGEN} THEN
    RETURN NULL;
  END IF;
  IF current_setting('kvz.basis', true) = '1' OR (SELECT a.id FROM audit a WHERE a.toestand IS NOT NULL ORDER BY a.id DESC LIMIT 1) IS NULL THEN
    PERFORM set_config('kvz.basis', '', true);
    DELETE FROM toestand_wacht WHERE tx = v_tx;
    SELECT string_agg(${paar('x.sleutel', 'x.hash')}, ',') INTO v_na FROM toestand_alle() x;
    RETURN '{"basis":true,"na":{' || coalesce(v_na, '') || '}}';
  END IF;
  FOR v_tabel IN SELECT DISTINCT w.tabel FROM toestand_wacht w WHERE w.tx = v_tx LOOP
    CASE v_tabel
${perSoort}
    END CASE;
  END LOOP;
  SELECT string_agg(${paar('w.sleutel', 'w.na')}, ',' ORDER BY w.tabel, w.rij),
         string_agg(${paar('w.sleutel', 'w.voor')}, ',' ORDER BY w.tabel, w.rij) FILTER (WHERE w.voor IS NOT NULL)
    INTO v_na, v_voor
    FROM toestand_wacht w WHERE w.tx = v_tx;
  DELETE FROM toestand_wacht WHERE tx = v_tx;
  IF v_na IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN '{"na":{' || v_na || '}' || CASE WHEN v_voor IS NULL THEN '' ELSE ',"voor":{' || v_voor || '}' END || '}';
END $$;

-- Een import schrijft meldingen in bulk zonder trigger per rij (kvz.toestand = 'bulk'); daarna noteert
-- dit in één keer de meldingen die deze transactie maakte, met een id boven p_id.
CREATE FUNCTION toestand_bulk_klaar(p_id integer) RETURNS void LANGUAGE plpgsql ${definer} AS $$
BEGIN
  PERFORM set_config('kvz.toestand', 'volgen', true);
  INSERT INTO toestand_wacht (tx, tabel, rij, sleutel)
    SELECT ${TX}, 'melding', t.id::text, t.nummer FROM melding t
    WHERE t.id > p_id AND t.xmin::text = (${TX} % 4294967296)::text
    ON CONFLICT DO NOTHING;
END $$;`);
  return uit.join('\n\n');
}
