/**
 * `kvz log`: the audit log, newest first. Reading it is not itself logged: it changes nothing and
 * holds no personal data of melders (only which meldingen were touched).
 */
import { UsageError } from '../../../domain/errors.js';
import { parseNummer, type NummerSoort } from '../../../domain/nummers.js';
import { optioneleTekst } from '../../../domain/tekst.js';
import { dagGrenzen, dagVan, tijdstipKort } from '../../../domain/tijd.js';
import { zoekAudit, type AuditFilter } from '../../../store/auditlog.js';
import type { Context } from '../../context.js';
import { leesVanTot, lijstLimiet } from '../../invoer.js';
import { lijstTelling, schrijf, schrijfJson, tabel } from '../../output.js';
import { zichtbaar } from '../../zichtbaar.js';

interface Opts {
  van?: string;
  tot?: string;
  object?: string;
  door?: string;
  limit?: string;
  json?: boolean;
}

const SOORT: Record<string, NummerSoort> = { m: 'melding', z: 'zaak', a: 'actie', af: 'afstemming', p: 'plaatsing' };

/** M-, Z-, A-, AF- and P-numbers in any case or spacing; anything else (a kern, a partner code) as typed. */
function leesObject(invoer: string): AuditFilter['object'] {
  const nummer = /^(af|[mzap])-?\d{4}-?\d+$/i.exec(invoer.trim());
  if (nummer) return { waarde: parseNummer(SOORT[nummer[1]!.toLowerCase()]!, invoer, '--object'), exact: true };
  const waarde = optioneleTekst(invoer, '--object', { max: 200 });
  if (waarde === undefined) throw new UsageError('--object mag niet leeg zijn; geef bijvoorbeeld M-2027-0042.');
  return { waarde, exact: false };
}

function moment(op: string): string {
  const d = new Date(op);
  return Number.isNaN(d.getTime()) ? op : tijdstipKort(d);
}

export default async function log(ctx: Context, o: Opts): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const filter: AuditFilter = {};
  const { van, tot } = leesVanTot(o.van, o.tot, vandaag);
  if (van) filter.van = dagGrenzen(van).start.toISOString();
  if (tot) filter.tot = dagGrenzen(tot).eind.toISOString();
  if (o.object !== undefined) filter.object = leesObject(o.object);
  if (o.door !== undefined) {
    filter.door = optioneleTekst(o.door, '--door', { max: 100 });
    if (filter.door === undefined) throw new UsageError('--door mag niet leeg zijn; geef de naam van een gebruiker.');
  }
  filter.limit = lijstLimiet(o.limit, o.json);

  const { regels, totaal } = await zoekAudit(await ctx.db(), filter);
  if (o.json) return schrijfJson(ctx, regels);
  if (regels.length === 0) return schrijf(ctx, 'Geen regels in het auditlog gevonden.');
  const rijen = regels.map((r) => [String(r.id), moment(r.op), r.gebruiker, r.actie, r.object ?? '—', r.resultaat]);
  // Rows written by another tool could hold escape sequences; they must not reach the terminal raw.
  schrijf(ctx, await tabel(ctx, ['Nr', 'Op', 'Gebruiker', 'Actie', 'Object', 'Resultaat'], rijen.map((r) => r.map(zichtbaar))));
  schrijf(ctx, lijstTelling(totaal, regels.length, 'regel', 'regels'));
}
