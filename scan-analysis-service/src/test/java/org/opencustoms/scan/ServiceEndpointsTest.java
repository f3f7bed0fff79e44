package org.opencustoms.scan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.testing.ServiceEndpointsContract;
import org.opencustoms.testing.TokenTestResource;
import org.opencustoms.scan.ingest.IngestTlsTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(IngestTlsTestResource.class)
@QuarkusTestResource(value = TokenTestResource.class, initArgs = @ResourceArg(name = "service", value = "scan-analysis-service"))
class ServiceEndpointsTest extends ServiceEndpointsContract {
}
