package org.opencustoms.selection.admin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.selection.audit.AuditLogResource;
import org.opencustoms.selection.log.LogSigner;

/** Rotation of the key that signs the decision log's tree heads (bin/platform log rotate-key). */
@Path("/api/v1/admin/log/signing-keys")
@Tag(name = "Decision log keys", description = "Rotation of the tree-head signing key")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class LogKeyResource {

    private final LogSigner signer;

    public LogKeyResource(LogSigner signer) {
        this.signer = signer;
    }

    @POST
    @Operation(summary = "Retire the current signing key and sign new heads with a new one; old heads keep verifying with theirs")
    @APIResponse(responseCode = "409", description = "The key comes from configuration: rotate it by replacing the secret")
    public Uni<AuditLogResource.PublishedKey> rotate() {
        return signer.rotate().map(AuditLogResource.PublishedKey::of);
    }
}
