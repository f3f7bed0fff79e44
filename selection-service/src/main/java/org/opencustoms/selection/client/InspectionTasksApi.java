package org.opencustoms.selection.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.opencustoms.common.identity.ServiceToken;

/** inspection-service's task intake and cancellations. Package-private use only: callers go through {@link InspectionTasksClient}. */
@RegisterRestClient(configKey = "inspection")
@Path("/api/v1/inspections")
@ClientHeaderParam(name = "Authorization", value = "{authorization}")
interface InspectionTasksApi {

    /** selection-service's own identity at inspection-service. */
    default String authorization() {
        return ServiceToken.authorization(ConfigProvider.getConfig());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> create(String task);

    @POST
    @Path("/cancellations")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> cancel(String cancellation);
}
