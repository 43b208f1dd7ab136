/** Building zaken and acties through the CLI, for tests of the matrix and its commands. */
import { kvzJson, kvzOk, lees, type RunOpties } from './run.js';

/**
 * A cadence to refer to with --overleg: GIO on Tuesday 2 March 2027 and every 6 weeks (so tweewekelijks
 * on 16 and 30 March), politieoverleg on Tuesday 9 March 2027 and every 8 weeks.
 */
export async function zetCadans(db: string): Promise<void> {
  await kvzOk(['overleg', 'cadans', 'gio', '--start', '2027-03-02'], { db });
  await kvzOk(['overleg', 'cadans', 'politie', '--start', '2027-03-09'], { db });
}

export async function nieuweMelding(db: string, extra: string[] = [], opties: RunOpties = {}): Promise<string> {
  const m = await kvzJson<{ nummer: string }>(
    ['melding', 'add', '--categorie', 'jeugdoverlast', '--kern', 'Spierdijk', '--omschrijving', 'Jongeren bij de bushalte', ...extra],
    { db, ...opties },
  );
  return m.nummer;
}

export async function nieuweZaak(db: string, extra: string[] = [], opties: RunOpties = {}): Promise<string> {
  const z = await kvzJson<{ nummer: string }>(
    ['zaak', 'open', '--titel', 'Jeugdoverlast bushalte', '--soort', 'overlast', '--kern', 'Spierdijk', ...extra],
    { db, ...opties },
  );
  return z.nummer;
}

export async function nieuweActie(
  db: string,
  zaak: string,
  partner: string,
  deadline: string,
  extra: string[] = [],
  opties: RunOpties = {},
): Promise<string> {
  const a = await kvzJson<{ nummer: string }>(
    ['actie', 'add', zaak, '--omschrijving', `Actie voor ${partner}`, '--partner', partner, '--deadline', deadline, ...extra],
    { db, ...opties },
  );
  return a.nummer;
}

/** What the audit log holds, oldest first: command, object and result. */
export function auditRegels(db: string): { commando: string; object: string | null; resultaat: string; details: string }[] {
  return lees(db, 'SELECT commando, object, resultaat, details FROM audit ORDER BY id');
}

/** `args` with the value of option `extra[0]` replaced by `extra[1]`, or `extra` added when the option is not there. */
export function metOptie(args: readonly string[], extra: readonly string[]): string[] {
  const uit = [...args];
  const plek = uit.indexOf(extra[0]!);
  if (plek >= 0) uit[plek + 1] = extra[1]!;
  else uit.push(...extra);
  return uit;
}

/** A snapshot of every table a zaak or actie command may write, to prove that a refusal wrote nothing. */
export function toestand(db: string): Record<string, unknown[]> {
  return Object.fromEntries(
    ['zaak', 'melding', 'actie', 'actie_historie', 'overleg', 'audit'].map((t) => [t, lees(db, `SELECT * FROM ${t} ORDER BY 1`)]),
  );
}
