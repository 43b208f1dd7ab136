/**
 * Users of a shared database (`kvz gebruiker`, SPEC §7): PostgreSQL logins with one of the four
 * roles. The server's own functions (gebruiker_zet, gebruiker_weg) do the work, only for beheer; each
 * change is audited in the same transaction.
 */
import { DomainError } from '../domain/errors.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { ROLLEN, rolnamen, type Rol } from './postgres-schema.js';

export interface Gebruiker {
  login: string;
  rol: Rol;
}

/** The logins holding a role of this database, each with its highest role, by name. */
export async function gebruikers(db: Db): Promise<Gebruiker[]> {
  const r = rolnamen(db.identiteit!.voorvoegsel);
  const rijen = await db.rauw<[string, string]>(
    `SELECT u.rolname::text, g.rolname::text FROM pg_auth_members m
       JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
     WHERE u.rolcanlogin AND g.rolname IN (?, ?, ?, ?) ORDER BY 1`,
    [r.balie, r.iv, r.politieoverleg, r.beheer],
  );
  const per = new Map<string, Rol>();
  for (const [login, groep] of rijen) {
    const rol = ROLLEN.find((x) => r[x] === groep)!;
    const was = per.get(login);
    if (!was || ROLLEN.indexOf(rol) > ROLLEN.indexOf(was)) per.set(login, rol);
  }
  return [...per].map(([login, rol]) => ({ login, rol }));
}

async function huidigeRol(db: Db, login: string): Promise<Rol | undefined> {
  return (await gebruikers(db)).find((g) => g.login === login)?.rol;
}

/** Adds a login (or gives an existing one this role); `verificatie` is a SCRAM verifier or null. */
export async function voegGebruikerToe(db: Db, actor: Actor, login: string, rol: Rol, verificatie: string | null): Promise<{ bestond: boolean }> {
  return inTransactie(db, async () => {
    const bestond = (await db.waarde<number>('SELECT 1 FROM pg_roles WHERE rolname = ?', [login])) === 1;
    const was = await huidigeRol(db, login);
    if (was) throw new DomainError(`${login} is al gebruiker, met de rol ${was}. Een andere rol geeft u met kvz gebruiker rol ${login} --rol …`);
    await db.voer('SELECT gebruiker_zet(?, ?, ?)', [login, rol, verificatie]);
    await schrijfAudit(db, actor, {
      object: login,
      resultaat: `gebruiker toegevoegd met de rol ${rol}`,
      details: { rol, wachtwoord: verificatie ? 'gezet' : 'geen', bestaande_login: bestond },
    });
    return { bestond };
  });
}

export async function wijzigRol(db: Db, actor: Actor, login: string, rol: Rol): Promise<{ was: Rol }> {
  return inTransactie(db, async () => {
    const was = await huidigeRol(db, login);
    if (!was) throw new DomainError(`${login} is geen gebruiker van deze database. Zie kvz gebruiker list.`);
    if (was === rol) return { was };
    await db.voer('SELECT gebruiker_zet(?, ?, NULL)', [login, rol]);
    await schrijfAudit(db, actor, { object: login, resultaat: `rol gewijzigd: ${was} → ${rol}`, details: { rol: [was, rol] } });
    return { was };
  });
}

export async function verwijderGebruiker(db: Db, actor: Actor, login: string): Promise<{ was: Rol }> {
  return inTransactie(db, async () => {
    const was = await huidigeRol(db, login);
    if (!was) throw new DomainError(`${login} is geen gebruiker van deze database. Zie kvz gebruiker list.`);
    if (login === db.identiteit!.login) throw new DomainError('U kunt uzelf niet verwijderen; laat een andere beheerder dat doen.');
    await db.voer('SELECT gebruiker_weg(?)', [login]);
    await schrijfAudit(db, actor, { object: login, resultaat: `gebruiker verwijderd (had de rol ${was})`, details: { rol: [was, null] } });
    return { was };
  });
}
