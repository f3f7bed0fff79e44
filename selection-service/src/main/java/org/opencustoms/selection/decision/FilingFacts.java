package org.opencustoms.selection.decision;

import org.opencustoms.selection.isf.compliance.ComplianceFacts;
import org.opencustoms.selection.isf.model.CommodityLine;
import org.opencustoms.selection.isf.model.Discrepancy;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.Party;
import org.opencustoms.selection.isf.validation.Codes;
import org.opencustoms.selection.rules.PartyNames;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The facts of one filing version that risk rules test (names as in {@link org.opencustoms.selection.rules.Facts}). */
public final class FilingFacts {

    private FilingFacts() {
    }

    public static Map<String, Object> of(IsfFiling filing, int version, ComplianceFacts compliance, List<Discrepancy> discrepancies,
                                         Collection<String> statusMessagePlaces, long partyPriorFilings) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("filingType", filing.type().name());
        if (filing.shipmentType() != null) {
            facts.put("shipmentType", filing.shipmentType().name());
        }
        facts.put("carrierCode", filing.carrierCode());
        facts.put("portOfArrival", filing.portOfArrival());
        facts.put("portOfLading", filing.foreignPortOfLading());
        facts.put("filedLate", compliance.filedLate());
        facts.put("amendedAfterLading", compliance.amendedAfterLading());
        facts.put("stuffingItemsOutstanding", compliance.stuffingItemsOutstanding());
        facts.put("stuffingItemsLate", compliance.stuffingItemsLate());
        facts.put("amendments", version - 1);
        facts.put("discrepancyKinds", set(discrepancies.stream().map(Discrepancy::kind)));
        facts.put("countriesOfOrigin", set(filing.lines().stream().map(CommodityLine::countryOfOrigin)));
        Set<String> route = new TreeSet<>(statusMessagePlaces);
        route.add(filing.foreignPortOfLading());
        if (filing.foreignPortOfUnlading() != null) {
            route.add(filing.foreignPortOfUnlading());
        }
        facts.put("routePorts", route);
        List<String> hts = filing.lines().stream().map(l -> Codes.normaliseHts(l.htsNumber())).toList();
        facts.put("htsChapters", set(hts.stream().map(h -> h.substring(0, 2))));
        facts.put("htsHeadings", set(hts.stream().map(h -> h.substring(0, 4))));
        facts.put("partyNames", set(parties(filing).map(Party::name)));
        facts.put("partyPriorFilings", partyPriorFilings);
        BigDecimal value = sum(filing.lines().stream().map(CommodityLine::declaredValueUsd));
        BigDecimal weight = sum(filing.lines().stream().map(CommodityLine::grossWeightKg));
        if (value != null) {
            facts.put("totalDeclaredValueUsd", value.doubleValue());
        }
        if (weight != null) {
            facts.put("totalGrossWeightKg", weight.doubleValue());
        }
        filing.lines().stream()
                .filter(l -> l.declaredValueUsd() != null && l.grossWeightKg() != null)
                .mapToDouble(l -> l.declaredValueUsd().doubleValue() / l.grossWeightKg().doubleValue())
                .min().ifPresent(min -> facts.put("minValuePerKg", min));
        return facts;
    }

    /** Who the filing speaks for, to count how often they have filed: importer of record, or the booking party. */
    public static String partyKey(IsfFiling filing) {
        return filing.importerOfRecordNumber() != null
                ? "IOR:" + filing.importerOfRecordNumber()
                : "BOOKING:" + PartyNames.normalise(filing.bookingParty().name());
    }

    private static Stream<Party> parties(IsfFiling f) {
        return Stream.concat(Stream.of(f.seller(), f.buyer(), f.shipTo(), f.containerStuffingLocation(), f.consolidator(), f.bookingParty()),
                f.lines().stream().map(CommodityLine::manufacturer)).filter(p -> p != null && p.name() != null);
    }

    private static Set<String> set(Stream<String> values) {
        Set<String> set = new TreeSet<>();
        values.filter(v -> v != null).forEach(set::add);
        return set;
    }

    private static BigDecimal sum(Stream<BigDecimal> values) {
        List<BigDecimal> present = values.filter(v -> v != null).toList();
        return present.isEmpty() ? null : present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
