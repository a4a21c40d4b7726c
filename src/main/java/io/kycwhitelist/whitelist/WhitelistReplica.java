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
 * About 100 bytes an address: a million addresses take some 100 MB of heap.
 */
@ApplicationScoped
public class WhitelistReplica {

    private static final Logger LOG = Logger.getLogger(WhitelistReplica.class);
    private static final int PAGE = 20_000;

    /** What an exchange is told about an address. */
    public record Entry(WhitelistStatus status, Instant since, Instant expiresAt, boolean ownershipProven) {}

    /**
     * An address (40 hex digits as three numbers) with its entry, in one object: a lookup touches
     * the map's node and this slot only. Slots are equal when their addresses are.
     */
    static final class Slot {
        private static final long NONE = Long.MIN_VALUE;
        final long high;
        final long middle;
        final int low;
        final WhitelistStatus status;
        final long since;
        final long expires;
        final boolean ownershipProven;

        private Slot(String address, WhitelistStatus status, long since, long expires, boolean ownershipProven) {
            String hex = address.substring(2);
            this.high = Long.parseUnsignedLong(hex.substring(0, 16), 16);
            this.middle = Long.parseUnsignedLong(hex.substring(16, 32), 16);
            this.low = Integer.parseUnsignedInt(hex.substring(32, 40), 16);
            this.status = status;
            this.since = since;
            this.expires = expires;
            this.ownershipProven = ownershipProven;
        }

        static Slot probe(String address) {
            return new Slot(address, null, NONE, NONE, false);
        }

        static Slot of(String address, WhitelistStatus status, Instant since, Instant expires, boolean ownershipProven) {
            return new Slot(address, status, since.toEpochMilli(), expires == null ? NONE : expires.toEpochMilli(), ownershipProven);
        }

        Entry entry() {
            return new Entry(status, Instant.ofEpochMilli(since), expires == NONE ? null : Instant.ofEpochMilli(expires), ownershipProven);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Slot slot && slot.high == high && slot.middle == middle && slot.low == low;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(high * 31 + middle) * 31 + low;
        }
    }

    private final AgroalDataSource dataSource;
    private final Duration refreshInterval;
    private final Map<Slot, Slot> entries = new ConcurrentHashMap<>(1 << 16);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "whitelist-replica");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastSeq;
    private volatile boolean loaded;
    /** Since when refreshing fails (null while it works): one warning per outage, not one every interval. */
    private Instant failingSince;

    WhitelistReplica(AgroalDataSource dataSource, KycConfig config) {
        this.dataSource = dataSource;
        this.refreshInterval = config.whitelist().refreshInterval();
    }

    /** The stored entry of a valid address (any case); empty when the address is not listed. */
    public Optional<Entry> find(String address) {
        Slot slot = entries.get(Slot.probe(address));
        return slot == null ? Optional.empty() : Optional.of(slot.entry());
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
                        "SELECT address_key, status, since, expires_at, change_seq, ownership_proven FROM whitelist_entry WHERE change_seq > ? ORDER BY change_seq LIMIT " + PAGE)) {
            int page;
            do {
                page = 0;
                query.setLong(1, lastSeq);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Timestamp expires = rows.getTimestamp(4);
                        Slot slot = Slot.of(rows.getString(1), WhitelistStatus.valueOf(rows.getString(2)),
                                rows.getTimestamp(3).toInstant(), expires == null ? null : expires.toInstant(), rows.getBoolean(6));
                        entries.put(slot, slot);
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
            if (failingSince != null) {
                LOG.infof("Whitelist replica refreshes again (it could not since %s)", failingSince);
                failingSince = null;
            }
        } catch (SQLException | RuntimeException e) {
            if (failingSince == null) {
                failingSince = Instant.now();
                LOG.warnf("Whitelist replica could not refresh (%s); answers stay as of change %d until it can", e.getMessage(), lastSeq);
            } else {
                LOG.debugf("Whitelist replica still cannot refresh: %s", e.getMessage());
            }
        }
    }
}
