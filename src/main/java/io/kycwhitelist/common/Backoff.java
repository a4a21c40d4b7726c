package io.kycwhitelist.common;

/** Waits between retries of deliveries that failed (webhooks, the token contract). */
public final class Backoff {

    private Backoff() {}

    /** The wait after failed attempt {@code n} (1, 2, ...): doubling from {@code initial}, at most {@code max} (any one unit). */
    public static long exponential(int n, long initial, long max) {
        long wait = initial;
        for (int i = 1; i < n && wait < max; i++) {
            wait *= 2;
        }
        return Math.min(wait, max);
    }
}
