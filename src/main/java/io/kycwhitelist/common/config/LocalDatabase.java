package io.kycwhitelist.common.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * An embedded PostgreSQL for development runs. It starts only when the system property
 * {@code kyc.local-database.enabled} is {@code true} (the Maven build sets it for {@code quarkus:dev}) and
 * no external database is configured, neither by {@code quarkus.datasource.jdbc.url} nor by
 * {@code QUARKUS_DATASOURCE_JDBC_URL}. Its data stays in {@code kyc.local-database.directory}
 * (default {@code .local-db/}) across restarts. The production profile never starts it.
 *
 * <p>This runs before Quarkus reads its configuration, so it looks at system properties and the
 * environment only.
 */
public final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);
    private static EmbeddedPostgres postgres;

    private LocalDatabase() {}

    public static synchronized void startIfWanted() {
        boolean wanted = Boolean.getBoolean("kyc.local-database.enabled");
        boolean external = System.getProperty("quarkus.datasource.jdbc.url") != null || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
        if (!wanted || external || postgres != null) {
            return;
        }
        Path directory = Path.of(System.getProperty("kyc.local-database.directory", ".local-db")).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            // Zonky's own shutdown hook stops the server when the JVM exits.
            postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
        System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        LOG.infof("No external database configured: started an embedded PostgreSQL on port %d with its data in %s",
                postgres.getPort(), directory);
    }
}
