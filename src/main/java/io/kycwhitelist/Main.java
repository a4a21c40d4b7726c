package io.kycwhitelist;

import io.kycwhitelist.common.config.LocalDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service; in development ({@code ./mvnw quarkus:dev}) without an external database,
 * an embedded PostgreSQL is started first.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        LocalDatabase.startIfWanted();
        Quarkus.run(args);
    }
}
