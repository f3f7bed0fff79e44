package org.opencustoms.scan.ingest;

import org.opencustoms.common.files.FreeSpace;
import org.opencustoms.scan.catalog.ScanRepository;
import org.opencustoms.scan.store.PayloadStore;

/** What an upload stream needs from the service. */
record IngestServices(IngestConfig config, UploadRegistry registry, StagingArea staging, PayloadStore store, ScanRepository repository,
                      IngestMetrics metrics, IngestAdmission admission, FreeSpace space) {
}
