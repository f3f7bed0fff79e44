package org.opencustoms.inspection.access;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opencustoms.common.identity.Caller;

import java.util.List;

/** Who the caller is: the tablet app checks a sign-in with it. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    @Inject
    SecurityIdentity identity;

    @GET
    public Me me() {
        Caller caller = Caller.of(identity);
        return new Me(caller.subject(), caller.roles().stream().sorted().toList(), caller.ports().stream().sorted().toList(), caller.party());
    }

    public record Me(String username, List<String> roles, List<String> ports, String party) {
    }
}
