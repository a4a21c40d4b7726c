package io.kycwhitelist.common.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fixed-window counters by key (a client address and what it does): at most {@code limit}
 * events a window. Windows of idle keys are dropped as they pass, so the map holds only
 * clients active within the last window.
 */
public final class RateLimiter {

    private record Window(long start, int count) {}

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public RateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of at least 1");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    /** Counts an event; answers 0 when it is allowed, else how long until the next is (rounded up to a second). */
    public long acquire(String key) {
        long now = clock.getAsLong();
        sweep(now);
        Window w = windows.compute(key, (k, old) -> old == null || now - old.start() >= windowNanos
                ? new Window(now, 1)
                : new Window(old.start(), old.count() + 1));
        return w.count() <= limit ? 0 : retryAfterSeconds(w, now);
    }

    /** Whether the key is over its limit now, without counting an event. */
    public long blocked(String key) {
        long now = clock.getAsLong();
        Window w = windows.get(key);
        return w == null || now - w.start() >= windowNanos || w.count() < limit ? 0 : retryAfterSeconds(w, now);
    }

    private long retryAfterSeconds(Window w, long now) {
        return Math.max(1, (w.start() + windowNanos - now + 999_999_999L) / 1_000_000_000L);
    }

    private void sweep(long now) {
        if (now - lastSweep < windowNanos) {
            return;
        }
        lastSweep = now;
        windows.entrySet().removeIf(e -> now - e.getValue().start() >= windowNanos);
    }

    int keys() {
        return windows.size();
    }
}
