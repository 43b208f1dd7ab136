/**
 * What every read of meldingen says about their forwarding, as SQL fragments over `melding m`: to
 * whom (in the order it happened, from the dialect: `d.doorgezetNaar`) and when first. One
 * definition, so that lists, exports and agendas judge the same-day rule on the same facts.
 */

// Forwardings whose moment is unknown (an import without dates) count as forwarded, never as on time or late.
export const EERSTE_DOORZETTING_OP = '(SELECT min(op) FROM doorzetting d WHERE d.melding_id = m.id AND d.tijd_onbekend = 0)';
export const EERSTE_DOORZETTING_DAG = '(SELECT min(dag) FROM doorzetting d WHERE d.melding_id = m.id AND d.tijd_onbekend = 0)';
/** 1 when the melding was forwarded at an unknown moment (and not also at a known one: then that one counts). */
export const DOORZETTING_ONBEKEND = '(SELECT max(d.tijd_onbekend) FROM doorzetting d WHERE d.melding_id = m.id)';
