import { text } from 'node:stream/consumers';
import { kies } from '../../../domain/keuze.js';
import { UsageError } from '../../../domain/errors.js';
import { gebruikers, verwijderGebruiker, voegGebruikerToe, wijzigRol } from '../../../store/gebruikers.js';
import { ROLLEN, type Rol } from '../../../store/rollen.js';
import { scramVerificatie } from '../../../store/scram.js';
import type { Context } from '../../context.js';
import { meld, schrijf, schrijfJson, tabel } from '../../output.js';

/** A file has one user: roles are for a shared database. */
function alleenGedeeld(ctx: Context): void {
  if (ctx.opslag !== 'postgres') {
    throw new UsageError(
      'Een databasebestand heeft één gebruiker; gebruikers en rollen horen bij een gedeelde PostgreSQL-database (--db postgres://…, zie de README: Met het hele team).',
    );
  }
}

/** A login name as PostgreSQL and a person can both read it. */
function leesLogin(invoer: string | undefined): string {
  const login = (invoer ?? '').trim();
  if (!/^[a-z_][a-z0-9_.@-]{0,62}$/.test(login) || login.startsWith('pg_')) {
    throw new UsageError(
      `Ongeldige login '${invoer ?? ''}': gebruik kleine letters, cijfers en . _ - @, beginnend met een letter (ten hoogste 63 tekens, niet pg_…).`,
    );
  }
  return login;
}

function leesRol(invoer: string | undefined): Rol {
  if (invoer === undefined) throw new UsageError(`--rol ontbreekt; kies uit ${ROLLEN.join(', ')}.`);
  return kies(invoer, '--rol', { soort: 'rol', waarden: [...ROLLEN] }) as Rol;
}

async function leesWachtwoord(ctx: Context, uitStdin: boolean): Promise<string | null> {
  let wachtwoord: string;
  if (uitStdin) {
    wachtwoord = (await text(ctx.io.stdin)).split(/\r?\n/)[0] ?? '';
  } else if (ctx.kanVragen) {
    wachtwoord = await ctx.vraag.wachtwoord({ message: 'Wachtwoord voor de nieuwe gebruiker (leeg: geen)' });
    if (wachtwoord === '') return null;
  } else {
    return null;
  }
  if (wachtwoord.length < 12) throw new UsageError('Het wachtwoord is te kort: gebruik ten minste 12 tekens.');
  return wachtwoord;
}

export async function add(ctx: Context, o: { rol?: string; wachtwoordStdin?: boolean; json?: boolean }, [invoer]: string[]): Promise<void> {
  alleenGedeeld(ctx);
  const login = leesLogin(invoer);
  const rol = leesRol(o.rol);
  const db = await ctx.db();
  const wachtwoord = await leesWachtwoord(ctx, o.wachtwoordStdin === true);
  // Only the SCRAM verifier leaves this process: the server and its log never see the password.
  const { bestond } = await voegGebruikerToe(db, ctx.actor('gebruiker add'), login, rol, wachtwoord === null ? null : scramVerificatie(wachtwoord));
  if (o.json) return schrijfJson(ctx, { login, rol });
  schrijf(ctx, `${login} is gebruiker met de rol ${rol}.`);
  if (bestond && wachtwoord === null) meld(ctx, `De login ${login} bestond al; het wachtwoord is niet gewijzigd.`);
  else if (wachtwoord === null) meld(ctx, `! ${login} heeft nog geen wachtwoord; geef er een met kvz gebruiker add … --wachtwoord-stdin, of laat IT een andere aanmelding instellen.`);
}

export async function list(ctx: Context, o: { json?: boolean }): Promise<void> {
  alleenGedeeld(ctx);
  const lijst = await gebruikers(await ctx.db());
  if (o.json) return schrijfJson(ctx, lijst);
  if (lijst.length === 0) return schrijf(ctx, 'Geen gebruikers.');
  schrijf(ctx, await tabel(ctx, ['Login', 'Rol'], lijst.map((g) => [g.login, g.rol])));
}

export async function rol(ctx: Context, o: { rol?: string; json?: boolean }, [invoer]: string[]): Promise<void> {
  alleenGedeeld(ctx);
  const login = leesLogin(invoer);
  const nieuw = leesRol(o.rol);
  const { was } = await wijzigRol(await ctx.db(), ctx.actor('gebruiker rol'), login, nieuw);
  if (o.json) return schrijfJson(ctx, { login, rol: nieuw });
  schrijf(ctx, was === nieuw ? `${login} had de rol ${nieuw} al.` : `${login} heeft nu de rol ${nieuw} (was ${was}).`);
}

export async function remove(ctx: Context, _o: unknown, [invoer]: string[]): Promise<void> {
  alleenGedeeld(ctx);
  const login = leesLogin(invoer);
  const { was } = await verwijderGebruiker(await ctx.db(), ctx.actor('gebruiker remove'), login);
  schrijf(ctx, `${login} heeft geen toegang meer tot deze database (had de rol ${was}).`);
}
