package org.opencustoms.selection.disclosure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * When a shipment can no longer be warned: its inspection is closed (an outcome was recorded), or, for a shipment
 * not sent to inspection, every one of its containers has left the terminal (a GATE_OUT from the filing's own
 * carrier, received after the decision). Withdrawn filings count as closed for the public embargo only.
 */
@ApplicationScoped
public class ShipmentClosures {

    private static final String LATEST = "d.filing_version = (select max(x.filing_version) from {h-schema}selection_decision x"
            + " where x.filing_id = d.filing_id)";
    private static final String INSPECTED_AT = "(select min(o.received_at) from {h-schema}outcome_label o"
            + " join {h-schema}selection_decision od on od.id = o.decision_id where od.filing_id = f.id)";
    private static final String CONTAINER_GATE_OUT = "(select min(m.received_at) from {h-schema}container_status_message m"
            + " where m.container_number = r.value and m.event_code = 'GATE_OUT' and m.carrier_code = f.carrier_code"
            + " and m.received_at >= d.decided_at)";
    /** The time the last container left, or null while any container is still in. */
    private static final String RELEASED_AT = "(select case when count(*) > 0 and count(*) = count(g.out_at) then max(g.out_at) end"
            + " from (select " + CONTAINER_GATE_OUT + " out_at from {h-schema}isf_filing_reference r"
            + " where r.filing_id = f.id and r.kind = 'CONTAINER') g)";
    private static final String INSPECTION_LANES = "('NII_SCAN', 'PHYSICAL_EXAM')";

    /** When the filing's latest decision may be shown to its importer, or null while it may not. Runs in a session. */
    public Uni<Instant> closedForImporter(UUID filingId) {
        String sql = "select case when f.status = 'WITHDRAWN' then null"
                + " when d.lane in " + INSPECTION_LANES + " then " + INSPECTED_AT
                + " else least(" + INSPECTED_AT + ", " + RELEASED_AT + ") end"
                + " from {h-schema}isf_filing f join {h-schema}selection_decision d on d.filing_id = f.id and " + LATEST
                + " where f.id = :filing";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object.class).setParameter("filing", filingId)
                .getResultList()).map(rows -> rows.isEmpty() ? null : instant(rows.get(0)));
    }

    /** How many shipments of a period are neither withdrawn, inspected nor released. Runs in a session. */
    public Uni<Long> openInPeriod(String period) {
        String sql = "select count(*) from {h-schema}selection_decision d join {h-schema}isf_filing f on f.id = d.filing_id"
                + " where d.random_period = :period and " + LATEST + " and f.status <> 'WITHDRAWN' and " + INSPECTED_AT + " is null"
                + " and (d.lane in " + INSPECTION_LANES + " or " + RELEASED_AT + " is null)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object.class).setParameter("period", period)
                .getSingleResult()).map(count -> ((Number) count).longValue());
    }

    /** Each shipment's latest decision in a period, with what its inspection found if one was recorded. Runs in a session. */
    public Uni<List<PeriodFigures.Shipment>> shipmentsOf(String period) {
        String sql = "select d.lane, d.picked_by_risk, d.picked_at_random, d.random_rate,"
                + " (select o.violation_found from {h-schema}outcome_label o join {h-schema}selection_decision od on od.id = o.decision_id"
                + " where od.filing_id = d.filing_id order by o.received_at desc, o.outcome_version desc limit 1)"
                + " from {h-schema}selection_decision d where d.random_period = :period and " + LATEST;
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("period", period)
                .getResultList()).map(rows -> rows.stream().map(r -> new PeriodFigures.Shipment(String.valueOf(r[0]),
                (Boolean) r[1], (Boolean) r[2], ((Number) r[3]).doubleValue(), (Boolean) r[4])).toList());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
