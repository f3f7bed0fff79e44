package org.opencustoms.selection.isf.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.entity.FilingReferenceEntity;
import org.opencustoms.selection.isf.entity.IsfFilingEntity;
import org.opencustoms.selection.isf.model.FilingQuery;
import org.opencustoms.selection.isf.model.FilingStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IsfFilingRepository implements PanacheRepositoryBase<IsfFilingEntity, UUID> {

    /** The carrier's active filings on the voyage. */
    public Uni<List<IsfFilingEntity>> activeOnVoyage(String vesselKey, String carrierCode) {
        return list("vesselKey = ?1 and status <> ?2 and carrierCode = ?3", vesselKey, FilingStatus.WITHDRAWN, carrierCode);
    }

    /** The carrier's active filings that name the container. */
    public Uni<List<IsfFilingEntity>> activeWithContainer(String container, String carrierCode) {
        return list("status <> ?1 and carrierCode = ?4 and id in (select r.filingId from FilingReferenceEntity r where r.kind = ?2 and r.value = ?3)",
                FilingStatus.WITHDRAWN, FilingReferenceEntity.CONTAINER, container, carrierCode);
    }

    public record Found(List<IsfFilingEntity> items, long total) {
    }

    /** Filings matching the query; with a party, only that party's. */
    public Uni<Found> search(FilingQuery query, String party) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (party != null) {
            where.add("filerParty = :party");
            parameters.and("party", party);
        }
        if (query.status() != null) {
            where.add("status = :status");
            parameters.and("status", query.status());
        }
        if (query.filedFrom() != null) {
            where.add("firstFiledAt >= :from");
            parameters.and("from", query.filedFrom());
        }
        if (query.filedTo() != null) {
            where.add("firstFiledAt < :to");
            parameters.and("to", query.filedTo());
        }
        if (query.billOfLading() != null) {
            where.add(referenced("bill", FilingReferenceEntity.BILL_OF_LADING));
            parameters.and("bill", query.billOfLading());
        }
        if (query.container() != null) {
            where.add(referenced("container", FilingReferenceEntity.CONTAINER));
            parameters.and("container", query.container());
        }
        String hql = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = find(hql, Sort.descending("firstFiledAt").and("id"), parameters).page(Page.of(query.page(), query.size()));
        return found.list().chain(items -> found.count().map(total -> new Found(items, total)));
    }

    private static String referenced(String parameter, String kind) {
        return "id in (select r.filingId from FilingReferenceEntity r where r.kind = '" + kind + "' and r.value = :" + parameter + ")";
    }
}
