/**
 * What every read of meldingen says about their forwarding, as SQL fragments over `melding m`: to
 * whom (in the order it happened, from the dialect: `d.doorgezetNaar`) and when first. One
 * definition, so that lists, exports and agendas judge the same-day rule on the same facts.
 */

// A melding once forwarded at a moment nobody knows (an import without dates) was first forwarded then:
// its first forwarding is unknown, never on time or late, even after a later known one (#15 item 4).
export const EERSTE_DOORZETTING_OP = '(SELECT CASE WHEN max(d.tijd_onbekend) = 1 THEN NULL ELSE min(d.op) END FROM doorzetting d WHERE d.melding_id = m.id)';
export const EERSTE_DOORZETTING_DAG = '(SELECT CASE WHEN max(d.tijd_onbekend) = 1 THEN NULL ELSE min(d.dag) END FROM doorzetting d WHERE d.melding_id = m.id)';
/** 1 when the melding was forwarded at an unknown moment: its first forwarding is then unknown. */
export const DOORZETTING_ONBEKEND = '(SELECT max(d.tijd_onbekend) FROM doorzetting d WHERE d.melding_id = m.id)';
