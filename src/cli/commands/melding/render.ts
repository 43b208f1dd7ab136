/** How meldingen look on screen: the confirmation, the detail view and the list table. */
import { dagVan, datumKort, tijdstipKort } from '../../../domain/tijd.js';
import { isVerborgen, type MeldingDetail, type MeldingOverzicht, type VerborgenMelding } from '../../../store/meldingen.js';
import type { Context } from '../../context.js';
import { ingesprongen, jaNee, kleuren, tabel } from '../../output.js';
import { passendeBreedtes, schermBreedte, vouw } from '../../opmaak.js';

const t = (iso: string | null) => (iso ? tijdstipKort(new Date(iso)) : '—');

/** A short reading of the same-day rule, with a marker that works without colour. */
export function doorzettingTekst(ctx: Context, m: MeldingOverzicht): string {
  const k = kleuren(ctx);
  // Urgent and not yet forwarded: !! until it is (SPEC §11).
  if (m.urgent && m.status === 'nieuw') return k.red.bold('!! urgent: nu doorzetten');
  // A lapsed melding never forwarded needed no forwarding.
  if (m.status === 'vervallen' && m.doorgezet_naar.length === 0) return '—';
  switch (m.doorzetting) {
    case 'op-tijd':
      return `✓ ${m.doorgezet_naar.join(', ')}`;
    case 'te-laat':
      return k.yellow(`! ${m.doorgezet_naar.join(', ')} (te laat)`);
    case 'vandaag-nog-doen':
      return k.yellow('! nog doorzetten');
    case 'niet-doorgezet':
      return k.red('✗ niet doorgezet');
    case 'onbekend':
      return `${m.doorgezet_naar.join(', ')} (wanneer onbekend)`;
  }
}

export function bevestiging(ctx: Context, m: MeldingDetail | VerborgenMelding): string {
  const k = kleuren(ctx);
  if (isVerborgen(m)) {
    return `${k.green(`Melding ${m.nummer} vastgelegd.`)}\nZe is vertrouwelijk: alleen het politieoverleg ziet haar; met uw rol is ze hierna niet meer te zien.\n`;
  }
  const regels = [k.green(`Melding ${m.nummer} vastgelegd.`)];
  if (m.urgent && m.status === 'nieuw') regels.push(k.red.bold('!! Urgent: zet haar nu door; tot dan staat ze bovenaan in kvz status en de lijsten.'));
  const ontvangen = datumKort(m.ontvangen_dag);
  switch (m.doorzetting) {
    case 'op-tijd':
      regels.push(`Doorgezet naar ${m.doorgezet_naar.join(', ')}.`);
      break;
    case 'te-laat':
      regels.push(`Doorgezet naar ${m.doorgezet_naar.join(', ')}, maar later dan de dag van ontvangst (${ontvangen}).`);
      break;
    case 'vandaag-nog-doen':
      regels.push(k.yellow(`! Nog niet doorgezet: zet deze melding vandaag nog door, bijvoorbeeld met`));
      regels.push(`  kvz melding forward ${m.nummer} --naar politie,jongerenwerk`);
      break;
    case 'niet-doorgezet':
      regels.push(k.red(`! Ontvangen op ${ontvangen} en nog niet doorgezet; dat had die dag moeten gebeuren. Zet haar nu door met`));
      regels.push(`  kvz melding forward ${m.nummer} --naar politie,jongerenwerk`);
      break;
    case 'onbekend':
      regels.push(`Doorgezet naar ${m.doorgezet_naar.join(', ')}; wanneer is niet bekend.`);
      break;
  }
  return `${regels.join('\n')}\n`;
}

function kenmerken(m: MeldingOverzicht): string {
  const k: string[] = [];
  if (m.urgent) k.push('urgent');
  if (m.vergunninghouder) k.push('vergunninghouder');
  if (m.vertrouwelijk) k.push('vertrouwelijk');
  if (m.terugkoppeling) k.push('terugkoppeling');
  return k.join(', ');
}

export async function meldingTabel(ctx: Context, meldingen: MeldingOverzicht[]): Promise<string> {
  const kop = ['Nummer', 'Ontvangen', 'Categorie', 'Kern', 'Status', 'Doorgezet', 'Zaak', 'Kenmerken'];
  const rijen = meldingen.map((m) => [m.nummer, t(m.ontvangen_op), m.categorie, m.kern, m.status, doorzettingTekst(ctx, m), m.zaak ?? '', kenmerken(m)]);
  // Too wide for the terminal (#15 item 7): a compact list, one line per melding, with a key, rather
  // than every cell wrapped and cut. Piped output keeps the full table.
  if (!ctx.io.stdout.isTTY || passendeBreedtes(schermBreedte(ctx), kop, rijen) === undefined) return tabel(ctx, kop, rijen);
  const ditJaar = dagVan(ctx.nu).slice(0, 4);
  const k = kleuren(ctx);
  const compact = meldingen.map((m) => [
    m.nummer + (m.vertrouwelijk ? '*' : ''),
    m.ontvangen_dag.startsWith(ditJaar) ? `${m.ontvangen_dag.slice(8, 10)}-${m.ontvangen_dag.slice(5, 7)}` : datumKort(m.ontvangen_dag).replace(/-(\d\d)(\d\d)$/, '-$2'),
    m.categorie,
    m.kern,
    `${m.status} ${doorzettingTeken(ctx, m)}`,
    m.zaak ?? '',
  ]);
  const legenda = 'Achter de status: ✓ op tijd doorgezet, ! te laat, ✗ niet doorgezet, … vandaag nog doen, !! urgent, ? wanneer onbekend; ' +
    '* achter het nummer: vertrouwelijk. Alles voluit (ook vergunninghouder en terugkoppeling): melding show, --json of een breder venster.';
  const uitleg = vouw(legenda, schermBreedte(ctx), 0).map((r) => k.dim(r)).join('\n');
  return `${await tabel(ctx, ['Nummer', 'Ontv.', 'Categorie', 'Kern', 'Status', 'Zaak'], compact)}\n${uitleg}`;
}

/** The forwarding state in one sign, for the compact list. */
function doorzettingTeken(ctx: Context, m: MeldingOverzicht): string {
  const k = kleuren(ctx);
  if (m.urgent && m.status === 'nieuw') return k.red.bold('!!');
  if (m.status === 'vervallen' && m.doorgezet_naar.length === 0) return '—';
  switch (m.doorzetting) {
    case 'op-tijd':
      return '✓';
    case 'te-laat':
      return k.yellow('!');
    case 'vandaag-nog-doen':
      return k.yellow('…');
    case 'niet-doorgezet':
      return k.red('✗');
    case 'onbekend':
      return '?';
  }
}

export function meldingDetail(ctx: Context, m: MeldingDetail): string {
  const k = kleuren(ctx);
  const regel = (label: string, waarde: string) => `${k.bold(label.padEnd(18))}${waarde}`;
  const melder =
    m.melder_gewist_op !== null
      ? `(gewist op ${t(m.melder_gewist_op)}, bewaartermijn)`
      : [m.melder_naam, m.melder_telefoon, m.melder_email].filter(Boolean).join(' · ') || 'anoniem';
  const uit = [
    k.bold(`Melding ${m.nummer}`) + (m.vertrouwelijk ? k.red('  [vertrouwelijk]') : ''),
    '',
    regel('Ontvangen', `${t(m.ontvangen_op)} via ${m.kanaal}`),
    regel('Categorie', m.categorie),
    regel('Kern', m.kern),
    regel('Adres', m.adres ?? '—'),
    regel('Status', m.status + (m.afgehandeld_op ? ` (${t(m.afgehandeld_op)})` : '')),
    regel('Zaak', m.zaak ?? '—'),
    regel('Vergunninghouder', jaNee(m.vergunninghouder)),
    ...(m.plaatsing ? [regel('Plaatsing', m.plaatsing)] : []),
    ...(m.urgent ? [regel('Urgent', m.status === 'nieuw' ? kleuren(ctx).red.bold('ja: !! nog niet doorgezet') : 'ja')] : []),
    regel('Melder', melder),
    regel('Terugkoppeling', m.terugkoppeling ? 'gewenst' : 'niet gevraagd'),
    regel('Doorzetting', doorzettingTekst(ctx, m)),
    regel('Geregistreerd', `${t(m.aangemaakt_op)} door ${m.geregistreerd_door}`),
    '',
    k.bold('Omschrijving'),
    ingesprongen(m.omschrijving, 2),
  ];
  if (m.afhandeling) uit.push('', k.bold(m.status === 'vervallen' ? 'Vervallen, reden' : 'Afhandeling'), ingesprongen(m.afhandeling, 2));
  uit.push('', k.bold('Doorzettingen'));
  if (m.doorzettingen.length === 0) uit.push('  (nog geen)');
  for (const d of m.doorzettingen) {
    const mail = d.mail === null ? '' : d.op === null ? `  (mail ${d.mail}: telt nog niet)` : d.mail === 'verzonden' ? '  (gemaild)' : d.mail === 'klaargezet' ? '  (concept klaargezet)' : '';
    const wanneer = d.tijd_onbekend ? 'wanneer onbekend' : d.op === null ? 'nog niet verzonden' : t(d.op);
    uit.push(`  ${d.zelfde_dag ? '✓' : d.tijd_onbekend ? '?' : '!'} ${wanneer}  ${d.partner}  door ${d.door}${mail}${d.notitie ? ` — ${ingesprongen(d.notitie, 6).trimStart()}` : ''}`);
  }
  uit.push('', k.bold('Contact met de melder'));
  if (m.contacten.length === 0) uit.push('  (nog geen)');
  for (const c of m.contacten) uit.push(`  ${t(c.op)}  ${c.soort}  door ${c.door} — ${ingesprongen(c.notitie, 6).trimStart()}`);
  return `${uit.join('\n')}\n`;
}
