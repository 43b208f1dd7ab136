/** `kvz afstemming add|list`: contact in between, recorded and listed (SPEC §11). */
import { UsageError } from '../../../domain/errors.js';
import { kiesMeerdere } from '../../../domain/keuze.js';
import { parseNummer } from '../../../domain/nummers.js';
import { optioneleTekst, tekst } from '../../../domain/tekst.js';
import { dagVan, parseTijdstip, tijdstipKort } from '../../../domain/tijd.js';
import { voegAfstemmingToe, zoekAfstemmingen, zonderNotitie } from '../../../store/afstemmingen.js';
import { partnerLijst } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { eisWaarden, leesVanTot } from '../../invoer.js';
import { kleuren, meervoud, schrijf, schrijfJson, tabel } from '../../output.js';

interface AddOpts {
  tussen?: string;
  onderwerp?: string;
  zaak?: string;
  op?: string;
  vertrouwelijk?: boolean;
  notitie?: string;
  json?: boolean;
}

export async function add(ctx: Context, o: AddOpts): Promise<void> {
  eisWaarden({ '--tussen': o.tussen, '--onderwerp': o.onderwerp });
  const onderwerp = tekst(o.onderwerp!, '--onderwerp', { max: 200 });
  const zaak = o.zaak === undefined ? undefined : parseNummer('zaak', o.zaak, '--zaak');
  const op = o.op === undefined ? ctx.nu : parseTijdstip(o.op, '--op', ctx.nu);
  if (op.getTime() > ctx.nu.getTime() + 60_000) throw new UsageError(`--op ligt in de toekomst (${tijdstipKort(op)}); geef een moment tot en met nu.`);
  const notitie = optioneleTekst(o.notitie, '--notitie', { max: 2000, meerdereRegels: true });
  const db = await ctx.db();
  const tussen = kiesMeerdere(o.tussen!, '--tussen', await partnerLijst(db));
  if (tussen.length < 2) {
    throw new UsageError(`--tussen vraagt minstens twee partners (wie stemden met wie af?), bijvoorbeeld politie,oov; gegeven: ${tussen.join(', ')}.`);
  }
  const a = await voegAfstemmingToe(db, ctx.actor('afstemming add'), {
    op, tussen, onderwerp, vertrouwelijk: o.vertrouwelijk === true,
    ...(zaak ? { zaak } : {}), ...(notitie ? { notitie } : {}),
  });
  if (o.json) return schrijfJson(ctx, zonderNotitie(a));
  const k = kleuren(ctx);
  schrijf(ctx, k.green(`Afstemming ${a.nummer} vastgelegd: ${a.tussen.join(' en ')}, ${tijdstipKort(new Date(a.op))}.`));
  schrijf(ctx, a.vertrouwelijk
    ? 'Vertrouwelijk: alleen het politieoverleg ziet haar, ook op zijn agenda.'
    : 'Ze staat op de agenda van het volgende politieoverleg.');
}

export async function list(ctx: Context, o: { van?: string; tot?: string; json?: boolean }): Promise<void> {
  const { van, tot } = leesVanTot(o.van, o.tot, dagVan(ctx.nu));
  const lijst = await zoekAfstemmingen(await ctx.db(), { ...(van ? { van } : {}), ...(tot ? { tot } : {}) });
  if (o.json) return schrijfJson(ctx, lijst.map(zonderNotitie));
  if (lijst.length === 0) return schrijf(ctx, 'Geen afstemmingen gevonden.');
  schrijf(
    ctx,
    await tabel(
      ctx,
      ['Nummer', 'Op', 'Tussen', 'Onderwerp', 'Zaak'],
      lijst.map((a) => [a.nummer + (a.vertrouwelijk ? '*' : ''), tijdstipKort(new Date(a.op)), a.tussen.join(', '), a.onderwerp, a.zaak ?? '']),
    ),
  );
  const regels = [`${meervoud(lijst.length, 'afstemming', 'afstemmingen')}.`];
  if (lijst.some((a) => a.vertrouwelijk)) regels.push('* = vertrouwelijk (alleen politieoverleg).');
  schrijf(ctx, regels.join('\n'));
}
