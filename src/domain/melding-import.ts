/**
 * From a spreadsheet list to valid meldingen: which column means which field (Dutch names and
 * their usual synonyms, any case), and each row checked by the same validators as
 * `kvz melding add`, with errors that name the line and the column.
 */
import { UsageError } from './errors.js';
import { leesNieuweMelding, veldRegels, type RegelContext, type RuweMelding } from './melding-invoer.js';
import type { NieuweMelding } from './melding.js';
import { normaliseer } from './suggestie.js';
import { tijdstipKort } from './tijd.js';

/** The fields an import can fill; `tijd` is a separate time column next to a date. */
export type ImportVeld = Exclude<keyof RuweMelding, 'zaak' | 'plaatsing'> | 'tijd' | 'doorgezetOp';

/**
 * Column names per field, compared without case, accents, spaces or punctuation. The first name
 * is the one `kvz export meldingen` writes, so its output can be read back.
 */
const KOLOMNAMEN: Record<ImportVeld, readonly string[]> = {
  ontvangen: ['Ontvangen op', 'Ontvangen', 'Datum', 'Datum ontvangen', 'Datum melding', 'Meldingsdatum', 'Datum en tijd', 'Datum/tijd'],
  tijd: ['Tijd', 'Tijdstip', 'Uur'],
  kanaal: ['Kanaal', 'Binnengekomen via', 'Via'],
  categorie: ['Categorie', 'Soort melding', 'Soort', 'Type'],
  kern: ['Kern', 'Dorp', 'Plaats', 'Woonplaats'],
  adres: ['Adres', 'Locatie', 'Plek', 'Straat'],
  omschrijving: ['Omschrijving', 'Melding', 'Beschrijving', 'Toelichting'],
  melderNaam: ['Naam melder', 'Melder', 'Naam', 'Melder naam'],
  melderTelefoon: ['Telefoon melder', 'Telefoon', 'Telefoonnummer', 'Tel', 'Telefoonnummer melder'],
  melderEmail: ['E-mail melder', 'E-mail', 'Email', 'E-mailadres', 'Mail'],
  terugkoppeling: ['Terugkoppeling', 'Terugkoppeling gewenst'],
  vergunninghouder: ['Vergunninghouder', 'Betreft vergunninghouder', 'Statushouder'],
  vertrouwelijk: ['Vertrouwelijk'],
  urgent: ['Urgent', 'Acuut', 'Spoed'],
  doorzetten: ['Doorgezet naar', 'Doorzetten naar', 'Doorgezet', 'Partners'],
  doorgezetOp: ['Eerst doorgezet op', 'Doorgezet op', 'Datum doorgezet'],
};

const VERPLICHT: readonly ImportVeld[] = ['ontvangen', 'categorie', 'kern', 'omschrijving'];

const sleutel = (naam: string) => normaliseer(naam).replace(/[^a-z0-9]/g, '');

const VELD_BIJ_NAAM = new Map<string, ImportVeld>(
  (Object.entries(KOLOMNAMEN) as [ImportVeld, readonly string[]][]).flatMap(([veld, namen]) => namen.map((n) => [sleutel(n), veld] as const)),
);

export interface Koppeling {
  /** Column index per field. */
  kolom: Partial<Record<ImportVeld, number>>;
  /** How a field is named in messages: its column header, or the standard name. */
  naam: (veld: ImportVeld) => string;
  /** Headers that match no field (Nummer, Status, Zaak, …): their cells are not read. */
  genegeerd: string[];
  breedte: number;
}

/** Maps header cells to fields; refuses a header without the required columns or with doubles. */
export function koppelKolommen(kop: readonly string[]): Koppeling {
  const kolom: Partial<Record<ImportVeld, number>> = {};
  const genegeerd: string[] = [];
  const dubbel: string[] = [];
  kop.forEach((h, i) => {
    const veld = VELD_BIJ_NAAM.get(sleutel(h));
    if (veld === undefined) {
      if (h.trim() !== '') genegeerd.push(h.trim());
    } else if (kolom[veld] !== undefined) {
      dubbel.push(`'${kop[kolom[veld]!]!.trim()}' en '${h.trim()}'`);
    } else {
      kolom[veld] = i;
    }
  });
  if (dubbel.length > 0) {
    throw new UsageError(`Regel 1: de kolommen ${dubbel.join(', ')} betekenen hetzelfde; laat er één over.`);
  }
  const ontbreekt = VERPLICHT.filter((v) => kolom[v] === undefined);
  if (ontbreekt.length > 0) {
    const wat = ontbreekt.map((v) => `${KOLOMNAMEN[v][0]} (of ${KOLOMNAMEN[v].slice(1, 3).join(', ')})`).join('; ');
    throw new UsageError(`Regel 1: de kopregel mist ${ontbreekt.length === 1 ? 'de kolom' : 'de kolommen'} ${wat}.`);
  }
  const namen = Object.fromEntries(
    (Object.keys(KOLOMNAMEN) as ImportVeld[]).map((v) => [v, `kolom '${kolom[v] === undefined ? KOLOMNAMEN[v][0] : kop[kolom[v]!]!.trim()}'`]),
  ) as Record<ImportVeld, string>;
  return { kolom, naam: (veld) => namen[veld], genegeerd, breedte: kop.length };
}

/** 'ja'/'nee' and the usual spellings; empty is nee. */
function leesJaNee(waarde: string, veld: string): boolean {
  const w = waarde.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'waar', 'true', '1', 'x'].includes(w)) return true;
  if (['', 'nee', 'n', 'no', 'onwaar', 'false', '0', '-'].includes(w)) return false;
  throw new UsageError(`Ongeldige waarde voor ${veld}: '${waarde}'. Gebruik ja of nee.`);
}

/** Undoes the formula guard of kvz's own export (`'=…` back to `=…`). */
function zonderNeutralisatie(cel: string): string {
  return cel.charCodeAt(0) === 0x27 && /^'[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(cel) ? cel.slice(1) : cel;
}

/** Spreadsheets often add seconds ('09:30:00'); kvz's date rule takes HH:MM. */
function zonderSeconden(waarde: string): string {
  return waarde.indexOf(':') === waarde.lastIndexOf(':') ? waarde : waarde.replace(/(\d:\d{2}):\d{2}(?:\.\d+)?$/, '$1');
}

/** The moment of receipt as the row gives it: the date cell, with the time cell if there is one. */
export function ontvangstTekst(cellen: readonly string[], k: Koppeling): string {
  const cel = (veld: ImportVeld) => {
    const i = k.kolom[veld];
    return i === undefined ? undefined : zonderNeutralisatie(cellen[i] ?? '');
  };
  const datum = cel('ontvangen') ?? '';
  const tijd = cel('tijd')?.trim();
  return zonderSeconden(tijd ? `${datum.trim()} ${tijd}` : datum);
}

const TEKSTVELDEN = ['categorie', 'kern', 'omschrijving', 'adres', 'kanaal', 'melderNaam', 'melderTelefoon', 'melderEmail', 'doorzetten'] as const;
const JANEE = ['terugkoppeling', 'vergunninghouder', 'vertrouwelijk', 'urgent'] as const;

/**
 * Reads one data row. Returns the melding, or every error in the row, each starting with
 * "Regel n:". Checking a good row costs one pass of the validators; only a bad row is checked
 * field by field, so that all its errors are named at once.
 */
export function leesImportRij(
  cellen: readonly string[],
  regel: number,
  k: Koppeling,
  c: RegelContext,
): { melding: NieuweMelding } | { fouten: string[] } {
  const cel = (veld: ImportVeld) => {
    const i = k.kolom[veld];
    return i === undefined ? undefined : zonderNeutralisatie(cellen[i] ?? '');
  };
  const fouten: string[] = [];
  const probeer = <T>(werk: () => T): T | undefined => {
    try {
      return werk();
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      fouten.push(`Regel ${regel}: ${e.message}`);
      return undefined;
    }
  };

  const extra = cellen.slice(k.breedte).filter((w) => w.trim() !== '').length;
  if (extra > 0) {
    fouten.push(`Regel ${regel}: meer cellen dan de kopregel kolommen heeft; staat er een scheidingsteken in een veld zonder aanhalingstekens?`);
  }
  const ruw: RuweMelding = {};
  for (const veld of TEKSTVELDEN) {
    const w = cel(veld);
    if (w !== undefined && (w.trim() !== '' || (VERPLICHT as readonly string[]).includes(veld))) ruw[veld] = w;
  }
  for (const veld of JANEE) {
    const w = cel(veld);
    if (w !== undefined) ruw[veld] = probeer(() => leesJaNee(w, k.naam(veld))) ?? false;
  }
  ruw.ontvangen = ontvangstTekst(cellen, k);

  let melding: NieuweMelding | undefined;
  if (fouten.length === 0) {
    try {
      melding = leesNieuweMelding(ruw, c, (veld) => k.naam(veld as ImportVeld));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
    }
  }
  if (melding === undefined) return { fouten: alleFouten(ruw, regel, k, c, fouten) };

  probeer(() => nietInDeToekomst(melding.ontvangenOp, c.nu, k.naam('ontvangen')));
  const doorgezet = cel('doorgezetOp')?.trim();
  if (doorgezet) {
    const op = probeer(() => veldRegels.ontvangen(zonderSeconden(doorgezet), k.naam('doorgezetOp'), c));
    if (op !== undefined) {
      probeer(() => nietInDeToekomst(op, c.nu, k.naam('doorgezetOp')));
      if (melding.doorzettenNaar.length === 0) {
        fouten.push(`Regel ${regel}: ${k.naam('doorgezetOp')} is ingevuld, maar ${k.naam('doorzetten')} niet; zeg naar welke partners.`);
      } else if (op < melding.ontvangenOp) {
        fouten.push(`Regel ${regel}: ${k.naam('doorgezetOp')} (${tijdstipKort(op)}) ligt vóór de ontvangst (${tijdstipKort(melding.ontvangenOp)}).`);
      } else {
        melding.doorgezetOp = op;
      }
    }
  }
  return fouten.length > 0 ? { fouten } : { melding };
}

/** A bad row: every field on its own, so the user can fix the whole row in one go. */
function alleFouten(ruw: RuweMelding, regel: number, k: Koppeling, c: RegelContext, eerder: string[]): string[] {
  const fouten = [...eerder];
  for (const veld of [...TEKSTVELDEN, 'ontvangen'] as const) {
    const w = ruw[veld];
    if (w === undefined || w.trim() === '') {
      if ((VERPLICHT as readonly string[]).includes(veld)) fouten.push(`Regel ${regel}: ${k.naam(veld)} is leeg; dat veld is verplicht.`);
      continue;
    }
    try {
      const waarde = veldRegels[veld](w, k.naam(veld), c);
      if (waarde instanceof Date) nietInDeToekomst(waarde, c.nu, k.naam(veld));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      fouten.push(`Regel ${regel}: ${e.message}`);
    }
  }
  if (fouten.length === eerder.length) {
    // Every field is fine on its own: the rule that failed spans fields (terugkoppeling without contact).
    try {
      leesNieuweMelding(ruw, c, (veld) => k.naam(veld as ImportVeld));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      fouten.push(`Regel ${regel}: ${e.message}`);
    }
  }
  return fouten;
}

function nietInDeToekomst(op: Date, nu: Date, veld: string): void {
  if (op.getTime() > nu.getTime() + 60_000) {
    throw new UsageError(`${veld} ligt in de toekomst (${tijdstipKort(op)}); geef een moment tot en met nu.`);
  }
}
