package org.opencustoms.inspection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencustoms.platform.testing.PostgresTestResource;
import org.opencustoms.platform.testing.ServiceEndpointsContract;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {
}
