package org.opencustoms.inspection.photo;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.task.TaskAccess;
import org.opencustoms.inspection.task.TaskRepository;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

/** Photos of an inspection: images only, size-limited, stored once per content (SHA-256 named). */
@Path("/api/v1/inspections/{id}/photos")
public class PhotoResource {

    @Inject
    TaskRepository tasks;
    @Inject
    PhotoRepository photos;
    @Inject
    SecurityIdentity caller;
    @Inject
    PhotoStore store;
    @Inject
    TaskAccess access;
    @Inject
    Db db;
    @ConfigProperty(name = "inspection.photos.max-bytes")
    long maxBytes;
    @ConfigProperty(name = "inspection.photos.max-pixels")
    long maxPixels;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "Upload a photo (form field 'file': JPEG, PNG or WebP, at most 10 MB and 40 megapixels); the same bytes give the same id")
    public Response upload(@PathParam("id") UUID taskId, @RestForm("file") FileUpload file) throws IOException {
        access.require(taskId);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("missing-file", "send the photo as the multipart form field 'file'");
        }
        if (file.size() > maxBytes) {
            throw new ProblemException(Problem.of(413, "photo-too-large", "Payload too large",
                    "the photo has " + file.size() + " bytes; at most " + maxBytes + " are accepted"));
        }
        String contentType = ImageSniffer.contentType(PhotoStore.head(file.uploadedFile(), 12)).orElseThrow(() -> new ProblemException(Problem.of(415, "not-an-image",
                "Unsupported media type", "only JPEG, PNG and WebP photos are accepted; this file is none of them")));
        ImageDimensions.Size size = ImageDimensions.of(file.uploadedFile(), contentType).orElseThrow(() -> new ProblemException(
                Problem.of(415, "not-an-image", "Unsupported media type", "the photo's header does not say how large it is")));
        if (size.width() < 1 || size.height() < 1 || size.width() > maxPixels || size.height() > maxPixels || size.pixels() > maxPixels) {
            throw new ProblemException(Problem.of(422, "photo-too-many-pixels", "Unprocessable photo", "the photo declares "
                    + size.width() + " x " + size.height() + " pixels; at most " + maxPixels + " pixels are accepted"));
        }
        if (!store.hasRoomFor(file.size())) {
            // a 5xx: the tablet keeps the photo and sends it again later
            throw new ProblemException(Problem.of(507, "storage-full", "Insufficient storage",
                    "the photo store is nearly full; the photo was not stored, send it again later"));
        }
        String sha256 = store.put(file.uploadedFile());
        PhotoRepository.StoredPhoto photo = new PhotoRepository.StoredPhoto(sha256, contentType, (int) file.size());
        String uploader = caller.getPrincipal().getName();
        db.transaction(tx -> {
            if (photos.insertIfAbsent(tx, photo, taskId, uploader)) {
                tasks.recordEvent(tx, taskId, uploader, "PHOTO_ADDED", sha256 + " (" + contentType + ")");
            }
            return null;
        });
        return Response.created(URI.create("/api/v1/inspections/" + taskId + "/photos/" + sha256)).entity(photo).build();
    }

    @GET
    @Path("/{sha256}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    public Response photo(@PathParam("id") UUID taskId, @PathParam("sha256") String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw ProblemException.notFound("Photo", sha256);
        }
        access.require(taskId);
        PhotoRepository.StoredPhoto photo = photos.find(taskId, sha256)
                .orElseThrow(() -> ProblemException.notFound("Photo", sha256));
        return Response.ok(store.file(photo.id()).toFile(), photo.contentType())
                .header("Cache-Control", "private, max-age=31536000, immutable").build();
    }
}
