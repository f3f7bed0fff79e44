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
 * When a shipment can no longer be warned. Its latest decision counts, and only what happened after it:
 * <ul>
 * <li>sent to inspection: an outcome of that decision's inspection was recorded (an amendment after an
 * inspection is a new decision, closed by its own inspection);</li>
 * <li>not sent to inspection: every container of the filing was discharged from the filing's vessel at its port of
 * arrival and then left the terminal there (DISCHARGED, then GATE_OUT), both reported by the filing's own carrier
 * after the decision. The vessel and the port tie the events to this shipment: listing another shipment's
 * containers in a filing does not make its gate-out count.</li>
 * </ul>
 * Withdrawn filings count as closed for the public embargo only.
 */
@ApplicationScoped
public class ShipmentClosures {

    /** The decision an importer may read, and since when; both null while it may not. */
    public record Closure(UUID decisionId, Instant closedAt) {
    }

    private static final String LATEST = "d.filing_version = (select max(x.filing_version) from {h-schema}selection_decision x"
            + " where x.filing_id = d.filing_id)";
    private static final String INSPECTED_AT = "(select min(o.received_at) from {h-schema}outcome_label o where o.decision_id = d.id)";
    private static final String DISCHARGED_AT = "(select min(m.received_at) from {h-schema}container_status_message m"
            + " where m.container_number = r.value and m.event_code = 'DISCHARGED' and m.carrier_code = f.carrier_code"
            + " and m.vessel_key = f.vessel_key and m.place = f.port_of_arrival and m.received_at >= d.decided_at)";
    private static final String GATED_OUT_AT = "(select min(m.received_at) from {h-schema}container_status_message m"
            + " where m.container_number = r.value and m.event_code = 'GATE_OUT' and m.carrier_code = f.carrier_code"
            + " and m.place = f.port_of_arrival and m.received_at >= " + DISCHARGED_AT + ")";
    /** The time the last container left, or null while any container is still in. */
    private static final String RELEASED_AT = "(select case when count(*) > 0 and count(*) = count(g.out_at) then max(g.out_at) end"
            + " from (select " + GATED_OUT_AT + " out_at from {h-schema}isf_filing_reference r"
            + " where r.filing_id = f.id and r.kind = 'CONTAINER') g)";
    private static final String INSPECTION_LANES = "('NII_SCAN', 'PHYSICAL_EXAM')";

    /** Whether the filing's latest decision may be shown to its importer, and which decision that is. Runs in a session. */
    public Uni<Closure> closedForImporter(UUID filingId) {
        String sql = "select d.id, case when f.status = 'WITHDRAWN' then null"
                + " when d.lane in " + INSPECTION_LANES + " then " + INSPECTED_AT
                + " else least(" + INSPECTED_AT + ", " + RELEASED_AT + ") end"
                + " from {h-schema}isf_filing f join {h-schema}selection_decision d on d.filing_id = f.id and " + LATEST
                + " where f.id = :filing";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("filing", filingId)
                .getResultList()).map(rows -> {
                    if (rows.isEmpty() || rows.get(0)[1] == null) {
                        return new Closure(null, null);
                    }
                    return new Closure((UUID) rows.get(0)[0], instant(rows.get(0)[1]));
                });
    }

    /** How many shipments of a period are neither withdrawn, inspected nor released. Runs in a session. */
    public Uni<Long> openInPeriod(String period) {
        String sql = "select count(*) from {h-schema}selection_decision d join {h-schema}isf_filing f on f.id = d.filing_id"
                + " where d.random_period = :period and " + LATEST + " and f.status <> 'WITHDRAWN' and " + INSPECTED_AT + " is null"
                + " and (d.lane in " + INSPECTION_LANES + " or " + RELEASED_AT + " is null)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object.class).setParameter("period", period)
                .getSingleResult()).map(count -> ((Number) count).longValue());
    }

    /** Each shipment's latest decision in a period logged below {@code logSize}, with what its inspection found. Runs in a session. */
    public Uni<List<PeriodFigures.Shipment>> shipmentsOf(String period, long logSize) {
        String sql = "select d.lane, d.picked_by_risk, d.picked_at_random, d.random_rate,"
                + " (select o.violation_found from {h-schema}outcome_label o where o.decision_id = d.id"
                + " order by o.received_at desc, o.outcome_version desc limit 1)"
                + " from {h-schema}selection_decision d where d.random_period = :period and d.log_index < :size"
                + " and d.filing_version = (select max(x.filing_version) from {h-schema}selection_decision x"
                + " where x.filing_id = d.filing_id and x.log_index < :size)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("period", period)
                .setParameter("size", logSize).getResultList()).map(rows -> rows.stream().map(r -> new PeriodFigures.Shipment(
                String.valueOf(r[0]), (Boolean) r[1], (Boolean) r[2], ((Number) r[3]).doubleValue(), (Boolean) r[4])).toList());
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
