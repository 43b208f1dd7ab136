/**
 * Mail from the commands that forward (SPEC §8): the settings read before anything is written, the
 * messages delivered after the commit, and one line per message for the user. A server that is away
 * is not an error: the record stands, the message waits, one `!` line says so, exit 0.
 */
import type { DoorzetPost, PostKeuze } from '../store/meldingen.js';
import type { Actor } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { Bericht } from '../store/post.js';
import type { KalenderPost } from '../store/kalender.js';
import type { OverlegSoort } from '../domain/cadans.js';
import type { PostInstellingen } from '../post/instellingen.js';
import type { Afgeleverd } from '../post/verzend.js';
import type { Context } from './context.js';
import { kleuren, meld, schrijf } from './output.js';

export interface PostRun {
  keuze: PostKeuze;
  instellingen: PostInstellingen;
  verslag: DoorzetPost;
}

/** Reads (and checks) the mail settings; a malformed one refuses the command before anything is written. */
export async function bereidPostVoor(ctx: Context, db: Db, zonderMail = false): Promise<PostRun> {
  const { postInstellingen, postmap } = await import('../post/instellingen.js');
  const { mailAan } = await import('../store/instellingen.js');
  // Recorded only (--zonder-mail): no mail settings are read, so none can stand in the way.
  const instellingen = zonderMail ? { aan: await mailAan(db), postmap: postmap(ctx.env) } : await postInstellingen(db, ctx.env);
  const domein = instellingen.afzender?.split('@')[1] ?? 'kvz.localhost';
  return { keuze: { aan: instellingen.aan, zonderMail, domein }, instellingen, verslag: { berichten: [], zonderAdres: [], inGebruik: false } };
}

/** Delivers what the command put in the outbox. */
export async function leverAf(db: Db, actor: Actor, run: PostRun): Promise<Afgeleverd[]> {
  if (run.verslag.berichten.length === 0) return [];
  const { bezorg } = await import('../post/verzend.js');
  return bezorg(
    db,
    actor,
    run.instellingen,
    run.verslag.berichten.map((b: Bericht) => ({
      soort: b.soort, object: b.object, partner: b.partner ?? null, aan: b.aan.join(', '), onderwerp: b.onderwerp, tekst: b.tekst,
      melder_tekst: b.melderTekst ?? null, message_id: b.messageId, kalender: b.kalender ?? null,
      bijlage: b.bijlage ? b.bijlage.inhoud.toString('base64') : null, bijlage_naam: b.bijlage?.naam ?? null,
    })),
  );
}

const OVERLEG_POST = new Set(['uitnodiging', 'annulering', 'agenda']);

/** One line per message (stdout when it went, a `!` line on stderr when it waits or failed). */
export function meldPost(ctx: Context, run: PostRun | undefined, afgeleverd: readonly Afgeleverd[], json = false): void {
  const k = kleuren(ctx);
  for (const { bericht: b, uitkomst: u } of afgeleverd) {
    // A meeting's mail is named by its subject (there may be several, to the same participants).
    const overleg = OVERLEG_POST.has(b.soort);
    const wie = b.soort === 'terugkoppeling' ? 'de melder' : overleg ? 'de deelnemers' : (b.partner ?? b.aan);
    const de = overleg ? `De mail "${b.onderwerp}"` : `De mail aan ${wie}`;
    if (u.status === 'verzonden') {
      if (!json) {
        schrijf(ctx, b.soort === 'terugkoppeling' ? `Gemaild aan de melder.` : overleg ? `Gemaild: ${b.onderwerp} (aan ${b.aan}).` : `Gemaild aan ${wie} (${b.aan}).`);
      }
      if (u.fout) meld(ctx, k.yellow(`! ${de} is ${u.fout}; controleer het adres (${overleg ? 'kvz overleg deelnemer list' : 'kvz partner list'}).`));
    } else if (u.status === 'klaargezet') {
      if (!json) schrijf(ctx, `Concept ${overleg ? `"${b.onderwerp}"` : `voor ${wie}`} klaargezet: ${u.bestand} (open het in uw mailprogramma en verstuur het).`);
    } else if (u.status === 'wacht') {
      meld(ctx, k.yellow(`! ${de} wacht: ${u.fout}. ${overleg ? '' : 'Hij telt pas als hij weg is; '}kvz post verzend probeert het opnieuw.`));
    } else {
      meld(ctx, k.red(`! ${de} is mislukt: ${u.fout}. Herstel het en probeer opnieuw met kvz post verzend --opnieuw.`));
    }
  }
  if (run && run.verslag.inGebruik && !json) {
    for (const p of run.verslag.zonderAdres) {
      schrijf(ctx, `${p} heeft geen e-mailadres: alleen vastgelegd (adres instellen: kvz partner update ${p} --email …).`);
    }
  }
  if (run && !run.keuze.aan && !json && run.verslag.inGebruik) {
    schrijf(ctx, 'E-mail staat uit in deze database: er is niets gemaild (aanzetten: kvz instelling mail --aan).');
  }
}

/** The mail of a change to meetings (SPEC §8): the settings, and where the store puts its messages. */
export interface KalenderRun {
  run: PostRun;
  post: KalenderPost;
}

/** Reads the mail settings for mailing meetings (`overleg uitnodig`). */
export async function kalenderPost(ctx: Context, db: Db): Promise<KalenderRun> {
  const { databaseId } = await import('../store/instellingen.js');
  const run = await bereidPostVoor(ctx, db);
  const post: KalenderPost = { keuze: run.keuze, afzender: run.instellingen.afzender, databaseId: await databaseId(db), berichten: run.verslag.berichten };
  return { run, post };
}

/**
 * For a change to meetings (verzet, annuleer, cadans): the mail settings only when a meeting of these
 * soorten was ever invited, so that a change nobody was invited to never depends on them.
 */
export async function kalenderPostVoor(ctx: Context, db: Db, soorten: readonly OverlegSoort[]): Promise<KalenderRun | undefined> {
  const { uitgenodigd } = await import('../store/kalender.js');
  return (await uitgenodigd(db, soorten)) ? kalenderPost(ctx, db) : undefined;
}

/** Delivers a meeting change's messages after the commit, one line each. */
export async function bezorgKalender(ctx: Context, db: Db, actor: Actor, k: KalenderRun | undefined, json = false): Promise<void> {
  if (!k || k.post.berichten.length === 0) return;
  k.run.verslag.inGebruik = true;
  meldPost(ctx, k.run, await leverAf(db, actor, k.run), json);
}
