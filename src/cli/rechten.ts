/**
 * Which role may run which command on a shared database (SPEC §7's table). The database enforces it
 * (GRANTs, row-level security); this table only lets kvz refuse early, before any number is looked
 * up, with one sentence instead of a server error. A file has one user, who may do everything.
 */
import { GeenToegang } from '../domain/errors.js';
import type { Rol } from '../store/rollen.js';

const RANG: Record<Rol, number> = { balie: 1, iv: 2, politieoverleg: 3, beheer: 4 };

interface Recht {
  rol: Rol;
  /** What the user cannot do, for the sentence: 'geen zaak openen'. */
  wat: string;
}

const recht = (rol: Rol, wat: string): Recht => ({ rol, wat });

/** Commands by their path; a noun alone covers all its verbs. Absent: no database needed, or every role. */
const RECHTEN: Record<string, Recht> = {
  'melding link': recht('iv', 'geen melding aan een zaak koppelen'),
  'zaak open': recht('iv', 'geen zaak openen'),
  zaak: recht('iv', 'geen zaken bekijken of wijzigen'),
  'actie add': recht('iv', 'geen actie toevoegen'),
  actie: recht('iv', 'geen acties bekijken of wijzigen'),
  matrix: recht('iv', 'de matrix niet bekijken'),
  afstemming: recht('iv', 'geen afstemming tussendoor vastleggen of bekijken'),
  plaatsing: recht('iv', 'geen plaatsingen van vergunninghouders vastleggen of bekijken'),
  rapport: recht('iv', 'geen rapporten maken'),
  export: recht('iv', 'niet exporteren'),
  import: recht('iv', 'niet importeren'),
  overleg: recht('iv', 'de overleggen niet bekijken of plannen'),
  'overleg deelnemer add': recht('beheer', 'geen deelnemers van een overleg toevoegen'),
  'overleg deelnemer remove': recht('beheer', 'geen deelnemers van een overleg weghalen'),
  'agenda gio': recht('iv', 'geen agenda maken'),
  'agenda tweewekelijks': recht('iv', 'geen agenda maken'),
  'agenda politie': recht('politieoverleg', 'de agenda van het politieoverleg niet maken'),
  'notulen gio': recht('iv', 'geen notulen maken'),
  'notulen tweewekelijks': recht('iv', 'geen notulen maken'),
  'notulen politie': recht('politieoverleg', 'de notulen van het politieoverleg niet maken'),
  'notulen verwerk': recht('iv', 'geen notulen verwerken'),
  'kern add': recht('beheer', 'geen kern toevoegen'),
  'partner add': recht('beheer', 'geen partner toevoegen'),
  'partner update': recht('beheer', 'geen adressen van partners wijzigen'),
  post: recht('iv', 'de uitgaande post niet bekijken of verzenden'),
  'categorie add': recht('beheer', 'geen categorie toevoegen'),
  log: recht('iv', 'het auditlog niet lezen'),
  check: recht('beheer', 'de database niet controleren'),
  opschonen: recht('beheer', 'niet opschonen'),
  backup: recht('beheer', 'geen back-up maken'),
  kopieer: recht('beheer', 'de database niet kopiëren'),
  gebruiker: recht('beheer', 'geen gebruikers beheren'),
  demo: recht('beheer', 'geen demo vullen'),
  instelling: recht('beheer', 'de instellingen niet wijzigen'),
};

/** Options that need more than the command itself: including confidential items, linking to a zaak. */
const OPTIE_RECHTEN: { pad: string; optie: string; recht: Recht }[] = [
  { pad: 'melding add', optie: 'zaak', recht: recht('iv', 'een melding niet aan een zaak koppelen') },
  { pad: 'matrix', optie: 'metVertrouwelijk', recht: recht('politieoverleg', 'geen vertrouwelijke zaken in de matrix zien') },
  { pad: 'export matrix', optie: 'metVertrouwelijk', recht: recht('politieoverleg', 'geen vertrouwelijke zaken exporteren') },
  { pad: 'export meldingen', optie: 'metVertrouwelijk', recht: recht('politieoverleg', 'geen vertrouwelijke meldingen exporteren') },
];

function rechtVan(pad: string): Recht | undefined {
  return RECHTEN[pad] ?? RECHTEN[pad.split(' ')[0]!];
}

/** The one sentence of a refusal. */
export function geenToegang(rol: Rol, wat: string): GeenToegang {
  return new GeenToegang(`Geen toegang: met de rol ${rol} kunt u ${wat}.`);
}

/** Refuses (exit 4) when `rol` may not run the command at `pad` with these options. */
export function controleerRecht(rol: Rol, pad: string, opties: Record<string, unknown>): void {
  const r = rechtVan(pad);
  if (r && RANG[rol] < RANG[r.rol]) throw geenToegang(rol, r.wat);
  for (const o of OPTIE_RECHTEN) {
    if (o.pad === pad && opties[o.optie] !== undefined && opties[o.optie] !== false && RANG[rol] < RANG[o.recht.rol]) {
      throw geenToegang(rol, o.recht.wat);
    }
  }
}

/** Whether `rol` includes the rights of `nodig`. */
export function heeftRecht(rol: Rol | undefined, nodig: Rol): boolean {
  return rol === undefined || RANG[rol] >= RANG[nodig];
}
