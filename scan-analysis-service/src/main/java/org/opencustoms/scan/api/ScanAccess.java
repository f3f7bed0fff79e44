package org.opencustoms.scan.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanRepository;

/**
 * Which scans the caller may see: an inspector those taken at its own ports, supervisors and
 * inspection-service (the tablets' image proxy) all. Any other scan is "not found".
 */
@ApplicationScoped
public class ScanAccess {

    private final ScanRepository scans;
    private final SecurityIdentity identity;

    @Inject
    public ScanAccess(ScanRepository scans, SecurityIdentity identity) {
        this.scans = scans;
        this.identity = identity;
    }

    public ScanRecord require(String id) {
        Caller caller = Caller.of(identity);
        return scans.find(id).filter(scan -> allows(caller, scan)).orElseThrow(() -> ProblemException.notFound("Scan", id));
    }

    static boolean allows(Caller caller, ScanRecord scan) {
        return caller.isAny(Roles.SUPERVISOR, Roles.INSPECTION_SERVICE) || (caller.is(Roles.INSPECTOR) && caller.ports().contains(scan.site()));
    }
}
