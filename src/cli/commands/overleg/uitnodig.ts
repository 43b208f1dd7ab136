/**
 * `kvz overleg uitnodig <soort> [--datum D | --van D --tot D]`: mails iCalendar invitations to the
 * participants with an address (SPEC §8). Without a date: the next meeting of that soort. A meeting
 * invited before is sent again only to participants added since; its changes go out by themselves.
 */
import { soortNaam } from '../../../domain/cadans.js';
import { DomainError, UsageError } from '../../../domain/errors.js';
import type { Overleg } from '../../../domain/overleg.js';
import { dagVan, parseDatum } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { nodigUit } from '../../../store/kalender.js';
import { geenOverlegOp, overleggen, overlegOp, volgendOverleg } from '../../../store/overleggen.js';
import type { Context } from '../../context.js';
import { meervoud, schrijf, schrijfJson } from '../../output.js';
import { bezorgKalender, kalenderPost } from '../../post.js';
import { waarschuwStandaardCadans } from '../agenda/overleg-keuze.js';
import { parseSoort } from './invoer.js';

interface Opts {
  datum?: string;
  van?: string;
  tot?: string;
  json?: boolean;
}

export default async function overlegUitnodig(ctx: Context, o: Opts, [soortInvoer]: string[]): Promise<void> {
  const vandaag = dagVan(ctx.nu);
  const soort = parseSoort(soortInvoer!, 'het argument <soort>');
  if (o.datum !== undefined && (o.van !== undefined || o.tot !== undefined)) {
    throw new UsageError('Geef --datum voor één overleg, of --van en --tot voor een periode; niet allebei.');
  }
  if ((o.van === undefined) !== (o.tot === undefined)) {
    throw new UsageError(`Geef bij ${o.van === undefined ? '--tot ook --van' : '--van ook --tot'}: de periode waarvan de overleggen worden uitgenodigd.`);
  }
  const datum = o.datum === undefined ? undefined : parseDatum(o.datum, '--datum', vandaag);
  const van = o.van === undefined ? undefined : parseDatum(o.van, '--van', vandaag);
  const tot = o.tot === undefined ? undefined : parseDatum(o.tot, '--tot', vandaag);
  if (van !== undefined && tot !== undefined && van > tot) throw new UsageError('--van ligt na --tot; draai ze om.');

  const db = await ctx.db();
  await waarschuwStandaardCadans(ctx, db, soort);
  const naam = soortNaam(soort);
  let lijst: Overleg[];
  if (datum !== undefined) {
    const gevonden = await overlegOp(db, soort, datum);
    if (!gevonden || gevonden.status === 'geannuleerd') throw await geenOverlegOp(db, soort, datum, gevonden);
    if (gevonden.datum < vandaag) throw new DomainError(`Het ${naam} van ${datumLang(datum)} is al geweest; er is niets verstuurd.`);
    lijst = [gevonden];
  } else if (van !== undefined && tot !== undefined) {
    const begin = van < vandaag ? vandaag : van;
    if (begin > tot) throw new DomainError(`De periode tot en met ${datumLang(tot)} ligt in het verleden; alleen komende overleggen worden uitgenodigd. Er is niets verstuurd.`);
    lijst = (await overleggen(db, { soort, van: begin, tot })).filter((x) => x.status !== 'geannuleerd');
    if (lijst.length === 0) throw new DomainError(`Er is geen ${naam} van ${datumLang(begin)} tot en met ${datumLang(tot)} om uit te nodigen; er is niets verstuurd.`);
  } else {
    const volgend = await volgendOverleg(db, soort, vandaag);
    if (!volgend) throw new DomainError(`Er is geen ${naam} gepland. Zie kvz overleg plan.`);
    lijst = [volgend];
  }

  const mail = await kalenderPost(ctx, db);
  const actor = ctx.actor('overleg uitnodig');
  const uitkomst = await nodigUit(db, actor, mail.post, soort, lijst);
  if (o.json) {
    schrijfJson(ctx, uitkomst.map((u) => ({ soort: u.overleg.soort, datum: u.overleg.datum, aan: u.aan })));
  } else {
    for (const u of uitkomst) {
      const wat = `het ${naam} van ${datumLang(u.overleg.datum)}`;
      schrijf(ctx, u.aan.length === 0
        ? `Alle deelnemers zijn al uitgenodigd voor ${wat}; er is niets verstuurd.`
        : `Uitnodiging voor ${wat} aan ${meervoud(u.aan.length, 'deelnemer', 'deelnemers')}.`);
    }
  }
  await bezorgKalender(ctx, db, actor, mail, o.json === true);
}
