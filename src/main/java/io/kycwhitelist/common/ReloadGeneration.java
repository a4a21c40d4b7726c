package io.kycwhitelist.common;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * A reload announced to every instance: a reload on one instance raises a generation number in
 * the database ({@code reload_generation}); every instance compares it with its own on a schedule
 * and reloads when it is behind. A reload that failed here is not tried again for the same
 * generation (what is in force stays, and the failure is logged once).
 */
public final class ReloadGeneration {

    private static final Logger LOG = Logger.getLogger(ReloadGeneration.class);

    private final String name;
    private final AgroalDataSource dataSource;
    /** The generation in force here; -1 until the first look at the database. */
    private long generation = -1;
    private long failedGeneration = -1;

    public ReloadGeneration(String name, AgroalDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Announces a reload made here. */
    public synchronized void raise(String actor) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE reload_generation SET generation = generation + 1, loaded_by = ?, loaded_at = now() WHERE name = ? RETURNING generation")) {
            s.setString(1, actor);
            s.setString(2, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                generation = r.getLong(1);
            }
        }
    }

    /** Runs {@code reload} when another instance announced a reload this one has not followed. */
    public synchronized void follow(Runnable reload) {
        long current;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT generation FROM reload_generation WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
                current = r.getLong(1);
            }
        } catch (SQLException e) {
            return; // the database is away: what is in force stays, the next look will tell
        }
        if (generation < 0) {
            generation = current; // read at start-up: the files as they are now
            return;
        }
        if (current <= generation || current == failedGeneration) {
            return;
        }
        try {
            reload.run();
            generation = current;
            LOG.infof("%s reloaded to follow another instance (generation %d)", name, current);
        } catch (RuntimeException e) {
            failedGeneration = current;
            LOG.errorf("%s not reloaded to follow another instance (generation %d), what is in use stays in force: %s",
                    name, current, e.getMessage());
        }
    }
}
