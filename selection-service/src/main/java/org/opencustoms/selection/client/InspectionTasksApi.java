package org.opencustoms.selection.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** inspection-service's task intake. Package-private use only: callers go through {@link InspectionTasksClient}. */
@RegisterRestClient(configKey = "inspection")
@Path("/api/v1/inspections")
@ClientHeaderParam(name = "Authorization", value = "{basicAuthorization}")
interface InspectionTasksApi {

    /** selection-service's own account at inspection-service (a Secret in production). */
    default String basicAuthorization() {
        Config config = ConfigProvider.getConfig();
        String user = config.getValue("inspection-client.username", String.class);
        String password = config.getValue("inspection-client.password", String.class);
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> create(String task);
}
