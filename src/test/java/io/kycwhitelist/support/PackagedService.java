package io.kycwhitelist.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app}) run as an operator runs it: a separate
 * JVM in the production profile, configured by environment variables, against an external
 * PostgreSQL. For the {@code *IT} tests, which run after {@code package}.
 */
public final class PackagedService {

    public static final Path JAR = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    public static final List<String> REQUIRED_SETTINGS = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KYC_STATUS_TOKEN_SECRET", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER",
            "MP_JWT_VERIFY_AUDIENCES", "KYC_ENCRYPTION_KEYS", "KYC_ENCRYPTION_ACTIVE_KEY");
    private static int runs;

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private PackagedService(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Every required setting, for the given database, with the test key as the token issuer's. */
    public static Map<String, String> settings(String jdbcUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        settings.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        settings.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        settings.put("KYC_STATUS_TOKEN_SECRET", "integration-test-secret-0123456789abcdef");
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/test-jwt/public.pem").toAbsolutePath().toString());
        settings.put("MP_JWT_VERIFY_ISSUER", "https://test.kyc-whitelist.local");
        settings.put("MP_JWT_VERIFY_AUDIENCES", "kyc-whitelist");
        settings.put("KYC_ENCRYPTION_KEYS", "it-1:yjpM7dfC4hZTOEUcbj/i9kBVSYVXuj3RpeSCzc1k+t0=");
        settings.put("KYC_ENCRYPTION_ACTIVE_KEY", "it-1");
        return settings;
    }

    /** The command with exactly these settings (the caller's environment's own are removed). */
    public static ProcessBuilder command(Map<String, String> settings, Path log, int port, int managementPort) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString());
        REQUIRED_SETTINGS.forEach(builder.environment()::remove);
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().putAll(settings);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        // the runs submit many applications from this one address (RateLimitTest covers the limits)
        builder.environment().putIfAbsent("KYC_RATE_LIMIT_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder;
    }

    /** Starts the service and waits until it is ready. */
    public static PackagedService start(Map<String, String> settings, String name) throws Exception {
        return start(settings, name, freePort());
    }

    public static PackagedService start(Map<String, String> settings, String name, int port) throws Exception {
        Path log = Path.of("target", name + "-" + (++runs) + ".log");
        Files.deleteIfExists(log);
        int managementPort = freePort();
        PackagedService service = new PackagedService(command(settings, log, port, managementPort).start(), log, port, managementPort);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(service.process.isAlive(), () -> "the service died: " + read(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(service.managementUrl("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return service;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        service.process.destroyForcibly();
        throw new AssertionError("the service did not become ready: " + read(log));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** On the management interface (health, metrics, OpenAPI), which the public route never reaches. */
    public String managementUrl(String path) {
        return "http://localhost:" + managementPort + path;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, and waits for a clean stop. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the service stops on SIGTERM");
    }

    /** SIGKILL: no shutdown hook, no clean-up, as a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
