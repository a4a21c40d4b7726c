package io.kycwhitelist.common.config;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings production cannot run without, checked before Quarkus starts so that one message
 * names every missing setting. Production takes them from the environment (or system
 * properties); the application's own properties file holds none of them.
 */
public final class ProductionSettings {

    static final List<String> REQUIRED = List.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "kyc.status-token.secret");

    private ProductionSettings() {}

    /** True when this JVM runs the packaged application in its production profile. */
    public static boolean isProduction(Properties system, Map<String, String> env) {
        String profile = system.getProperty("quarkus.profile", env.getOrDefault("QUARKUS_PROFILE", "prod"));
        return !Boolean.parseBoolean(system.getProperty("kyc.local-database.enabled")) && profile.equals("prod");
    }

    /** The missing settings, each as "ENVIRONMENT_VARIABLE (property)". */
    public static List<String> missing(Properties system, Map<String, String> env) {
        return REQUIRED.stream()
                .filter(name -> isBlank(system.getProperty(name)) && isBlank(env.get(envName(name))))
                .map(name -> envName(name) + " (" + name + ")")
                .toList();
    }

    /** Refuses to go on, naming every missing setting, when production lacks one. */
    public static void requireInProduction() {
        Properties system = System.getProperties();
        Map<String, String> env = System.getenv();
        if (!isProduction(system, env)) {
            return;
        }
        List<String> missing = missing(system, env);
        if (!missing.isEmpty()) {
            String message = "kyc-whitelist cannot start in production: missing setting(s) " + String.join(", ", missing)
                    + ". Give them as environment variables; production never starts an embedded database.";
            // Logging is not set up yet: the JVM prints this one line (no stack trace) and exits with 1.
            throw new MissingSettingsException(message);
        }
    }

    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Ends the start; its message says what to set. */
    public static final class MissingSettingsException extends RuntimeException {
        MissingSettingsException(String message) {
            super(message, null, false, false);
        }
    }
}
