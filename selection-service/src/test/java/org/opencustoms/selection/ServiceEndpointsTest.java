package org.opencustoms.selection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.testing.ServiceEndpointsContract;
import org.opencustoms.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(value = TokenTestResource.class, initArgs = @ResourceArg(name = "service", value = "selection-service"))
class ServiceEndpointsTest extends ServiceEndpointsContract {
}
