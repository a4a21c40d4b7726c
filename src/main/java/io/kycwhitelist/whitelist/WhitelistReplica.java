package io.kycwhitelist.whitelist;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.common.config.KycConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This instance's copy of the whitelist, in memory, so that the exchange check costs no database
 * round trip. It follows the store by {@code change_seq}: every refresh reads the entries changed
 * since the last one (the first reads them all). Writers to the store serialize on an advisory
 * lock, so change_seq order is commit order and no change is skipped. With several instances, a
 * change made through one is seen by the others within one refresh interval (250 ms by default).
 * About 120 bytes an address: a million addresses take some 120 MB of heap.
 */
@ApplicationScoped
public class WhitelistReplica {

    private static final Logger LOG = Logger.getLogger(WhitelistReplica.class);
    private static final int PAGE = 20_000;

    /** An address as three numbers: 40 hex digits without the string. */
    record Key(long high, long middle, int low) {
        static Key of(String address) {
            String hex = address.substring(2);
            return new Key(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16, 32), 16),
                    Integer.parseUnsignedInt(hex.substring(32, 40), 16));
        }
    }

    /** What an exchange is told about an address. */
    public record Entry(WhitelistStatus status, Instant since, Instant expiresAt) {}

    private final AgroalDataSource dataSource;
    private final Duration refreshInterval;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>(1 << 16);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "whitelist-replica");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastSeq;
    private volatile boolean loaded;

    WhitelistReplica(AgroalDataSource dataSource, KycConfig config) {
        this.dataSource = dataSource;
        this.refreshInterval = config.whitelist().refreshInterval();
    }

    /** The stored entry of a valid address (any case); empty when the address is not listed. */
    public Optional<Entry> find(String address) {
        return Optional.ofNullable(entries.get(Key.of(address)));
    }

    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return entries.size();
    }

    /** Refreshes on a thread of its own: the scheduler extension checks its triggers once a second only. */
    void start(@Observes StartupEvent started) {
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** Reads every change since the last refresh; safe to call from several threads. */
    public synchronized void refresh() {
        long started = System.nanoTime();
        int read = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT address_key, status, since, expires_at, change_seq FROM whitelist_entry WHERE change_seq > ? ORDER BY change_seq LIMIT " + PAGE)) {
            int page;
            do {
                page = 0;
                query.setLong(1, lastSeq);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Timestamp expires = rows.getTimestamp(4);
                        entries.put(Key.of(rows.getString(1)), new Entry(WhitelistStatus.valueOf(rows.getString(2)),
                                rows.getTimestamp(3).toInstant(), expires == null ? null : expires.toInstant()));
                        lastSeq = rows.getLong(5);
                        page++;
                    }
                }
                read += page;
            } while (page == PAGE);
            if (!loaded || read > 1000) {
                LOG.infof("Whitelist replica: read %d change(s) in %d ms; %d address(es) known", read,
                        (System.nanoTime() - started) / 1_000_000, entries.size());
            }
            loaded = true;
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Whitelist replica could not refresh (%s); answers stay as of change %d", e.getMessage(), lastSeq);
        }
    }
}
