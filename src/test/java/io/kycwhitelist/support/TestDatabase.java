package io.kycwhitelist.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every Quarkus test of the suite runs against one embedded PostgreSQL. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {
    private TestDatabase() {}
}
