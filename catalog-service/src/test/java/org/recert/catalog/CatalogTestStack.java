package org.recert.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.recert.devstack.test.DevStackResource;

/** Every test of this module runs against the JVM's real PostgreSQL (database "catalog") and Kafka. */
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
public class CatalogTestStack {
}
