package io.kycwhitelist.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * How a delivery that must not be lost is retried (a webhook delivery, a token contract
 * publication): when it is due next, when retrying stops, how many attempts it took since it was
 * (re)started, and the last error. Waits double from the initial backoff up to the maximum.
 */
@Embeddable
public class Retries {

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** When retrying stops and the delivery is parked; a replay sets it again. */
    @Column(name = "give_up_at", nullable = false)
    public Instant giveUpAt;

    @Column(name = "last_error")
    public String lastError;

    /** Due at once, retried for {@code giveUpAfter}. */
    public static Retries startingAt(Instant now, Duration giveUpAfter) {
        Retries retries = new Retries();
        retries.restart(now, giveUpAfter);
        return retries;
    }

    /** Due at once again, with a fresh retry window (an admin's replay). */
    public void restart(Instant now, Duration giveUpAfter) {
        attempts = 0;
        nextAttemptAt = now;
        giveUpAt = now.plus(giveUpAfter);
    }

    public boolean due(Instant now) {
        return !nextAttemptAt.isAfter(now);
    }

    /**
     * Records a failed attempt (counted in {@link #attempts} by the caller): true when the retry
     * window is over and the delivery is to be parked, else it is due again after the backoff.
     */
    public boolean failed(String error, Instant now, Duration initialBackoff, Duration maxBackoff) {
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (!now.isBefore(giveUpAt)) {
            return true;
        }
        nextAttemptAt = now.plusMillis(Backoff.exponential(attempts, Math.max(1, initialBackoff.toMillis()), maxBackoff.toMillis()));
        return false;
    }
}
