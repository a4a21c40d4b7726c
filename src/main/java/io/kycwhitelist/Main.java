package io.kycwhitelist;

import io.kycwhitelist.common.config.LocalDatabase;
import io.kycwhitelist.common.config.ProductionSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Production refuses to start without its settings, naming each missing
 * one; in development ({@code ./mvnw quarkus:dev}) without an external database, an embedded
 * PostgreSQL is started first.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        ProductionSettings.requireInProduction();
        LocalDatabase.startIfWanted();
        Quarkus.run(args);
    }
}
