/**
 * What every read of meldingen says about their forwarding, as SQL fragments over `melding m`: to
 * whom (in the order it happened) and when first. One definition, so that lists, exports and
 * agendas judge the same-day rule on the same facts.
 */

/** The partner codes a melding went to, in order of forwarding, joined by `scheiding`. */
export function doorgezetNaar(scheiding: ',' | ', '): string {
  return `(SELECT group_concat(partner, '${scheiding}') FROM (SELECT partner FROM doorzetting d
            WHERE d.melding_id = m.id ORDER BY d.op, d.partner))`;
}

export const EERSTE_DOORZETTING_OP = '(SELECT min(op) FROM doorzetting d WHERE d.melding_id = m.id)';
export const EERSTE_DOORZETTING_DAG = '(SELECT min(dag) FROM doorzetting d WHERE d.melding_id = m.id)';
