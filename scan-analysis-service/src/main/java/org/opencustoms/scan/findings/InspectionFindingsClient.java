package org.opencustoms.scan.findings;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencustoms.common.identity.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Posts findings to inspection-service: by inspection when the scanner named one, else by container number. */
@ApplicationScoped
public class InspectionFindingsClient {

    private final FindingsConfig config;
    private final HttpClient http;

    public InspectionFindingsClient(FindingsConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public Answer postToInspection(String inspectionId, String finding) throws IOException, InterruptedException {
        return post("/api/v1/inspections/" + inspectionId + "/scan-findings", finding);
    }

    public Answer postByContainer(String finding) throws IOException, InterruptedException {
        return post("/api/v1/scan-findings", finding);
    }

    private Answer post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.inspectionUrl().toString().replaceAll("/+$", "") + path))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", ServiceToken.authorization(ConfigProvider.getConfig()))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    public record Answer(int status, String body) {

        boolean accepted() {
            return status == 200 || status == 201;
        }

        /** The finding itself is wrong: sending it again cannot help. */
        boolean refusedForGood() {
            return status == 400 || status == 422;
        }
    }
}
