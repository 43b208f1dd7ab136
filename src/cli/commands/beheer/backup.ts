/** `kvz backup <bestand>`: a checked copy of the database, made while others may keep working. */
import { maakBackup, maakPostgresBackup } from '../../../store/backup.js';
import type { Context } from '../../context.js';
import { leesPad } from '../../invoer.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';
import { shellWoord } from '../../opmaak.js';
import { bestaandeDb } from './bestaand.js';

export default async function backup(ctx: Context, o: { overschrijf?: boolean; json?: boolean }, [bestand]: string[]): Promise<void> {
  const doel = leesPad(bestand, 'het back-upbestand');
  const b =
    ctx.opslag === 'postgres'
      ? await maakPostgresBackup(await ctx.db(), ctx.dbPad(), ctx.actor('backup'), doel, o.overschrijf === true)
      : await maakBackup(await bestaandeDb(ctx), ctx.dbPad(), ctx.actor('backup'), doel, o.overschrijf === true);
  if (o.json) return schrijfJson(ctx, b);
  const k = kleuren(ctx);
  schrijf(ctx, k.green(`✓ Back-up gemaakt en gecontroleerd: ${b.bestand} (${Math.ceil(b.bytes / 1024)} kB).`));
  schrijf(ctx, 'Alleen de eigenaar kan het bestand lezen. Bewaar het even veilig als de database: het bevat ook de gegevens van melders.');
  if (b.laatste_audit) {
    const db = ctx.opslag === 'postgres' ? '' : ` --db ${shellWoord(ctx.dbPad())}`;
    schrijf(ctx, `Anker van deze back-up (noteer het buiten de database): ${b.laatste_audit.id}:${b.laatste_audit.hash}`);
    schrijf(ctx, `Later nagaan dat het auditlog tot hier niet is herschreven: kvz check${db} --anker ${b.laatste_audit.id}:${b.laatste_audit.hash}`);
    schrijf(ctx, `Of tegen de back-up zelf: kvz check${db} --vergelijk ${shellWoord(b.bestand)}`);
  }
}
