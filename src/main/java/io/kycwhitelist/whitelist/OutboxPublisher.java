package io.kycwhitelist.whitelist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Delivers outbox events to every sink, oldest first, at least once: an event is marked
 * published in the transaction that delivered it, so a crash before the commit delivers it again
 * after the restart. Several instances may publish at once: each takes a batch of its own
 * ({@code FOR UPDATE SKIP LOCKED}). Decisions call {@link #publishPending()} right after their
 * commit; the schedule catches up on whatever that missed (a crash, a sink that failed).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Instance<WhitelistSink> sinks;
    private final WhitelistReplica replica;

    OutboxPublisher(EntityManager em, Instance<WhitelistSink> sinks, WhitelistReplica replica) {
        this.em = em;
        this.sinks = sinks;
        this.replica = replica;
    }

    private volatile boolean stopping;

    @Scheduled(every = "${kyc.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        publishPending();
    }

    /** What is left is published by the next start: the outbox keeps it. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Publishes until the outbox is empty or a sink fails; never throws. Returns how many it published. */
    public int publishPending() {
        if (stopping) {
            return 0;
        }
        int total = 0;
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                total += published;
            } while (published == BATCH);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Publishing whitelist changes failed after %d; the schedule will retry", total);
        }
        if (total > 0) {
            replica.refresh();
        }
        return total;
    }

    private int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(
                        "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                        OutboxEvent.class)
                .getResultList();
        Instant now = Instant.now();
        for (OutboxEvent event : batch) {
            WhitelistChange change = WhitelistChange.of(event);
            for (WhitelistSink sink : sinks) {
                sink.publish(change);
            }
            event.publishedAt = now;
        }
        if (!batch.isEmpty()) {
            LOG.infof("Published %d whitelist change(s), up to outbox event %d", batch.size(), batch.get(batch.size() - 1).id);
        }
        return batch.size();
    }
}
