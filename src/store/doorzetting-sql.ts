/**
 * What every read of meldingen says about their forwarding, as SQL fragments over `melding m`: to
 * whom (in the order it happened, from the dialect: `d.doorgezetNaar`) and when first. One
 * definition, so that lists, exports and agendas judge the same-day rule on the same facts.
 */

export const EERSTE_DOORZETTING_OP = '(SELECT min(op) FROM doorzetting d WHERE d.melding_id = m.id)';
export const EERSTE_DOORZETTING_DAG = '(SELECT min(dag) FROM doorzetting d WHERE d.melding_id = m.id)';
