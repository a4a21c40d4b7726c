package io.kycwhitelist.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kycwhitelist.common.ratelimit.ClientAddress;
import io.kycwhitelist.common.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static final List<ClientAddress.Block> PROXIES = List.of(ClientAddress.Block.parse("10.0.0.0/8"), ClientAddress.Block.parse("fd00::/8"),
            ClientAddress.Block.parse("192.0.2.7"));

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        assertEquals("198.51.100.9", ClientAddress.resolve("198.51.100.9", "1.2.3.4", PROXIES));
        assertEquals("198.51.100.9", ClientAddress.resolve("198.51.100.9", null, PROXIES));
    }

    @Test
    void aTrustedChainIsFollowedBackToTheFirstUntrustedHop() {
        assertEquals("203.0.113.5", ClientAddress.resolve("10.0.0.1", "203.0.113.5", PROXIES));
        assertEquals("203.0.113.5", ClientAddress.resolve("10.0.0.1", "6.6.6.6, 203.0.113.5, 192.0.2.7", PROXIES));
        assertEquals("2001:db8::1", ClientAddress.resolve("fd00::1", "2001:db8::1", PROXIES));
        assertEquals("203.0.113.5", ClientAddress.resolve("10.0.0.1", "203.0.113.5, 10.9.9.9", PROXIES));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.1", "10.0.0.2", PROXIES), "all trusted: the furthest hop");
        assertEquals("unknown", ClientAddress.resolve("10.0.0.1", "unknown", PROXIES), "garbage is its own key, never a lookup");
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", " ", PROXIES));
    }

    @Test
    void blocksAreCheckedBitByBit() {
        assertEquals("11.0.0.1", ClientAddress.resolve("11.0.0.1", "203.0.113.5", PROXIES), "11/8 is not 10/8");
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.Block.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.Block.parse("proxy.internal"));
    }

    @Test
    void aWindowAllowsItsLimitThenSaysHowLongToWait() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(60), now::get);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        now.set(Duration.ofSeconds(15).toNanos());
        assertEquals(45, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("b"), "another key has its own window");
        assertEquals(45, limiter.blocked("a"));
        now.set(Duration.ofSeconds(60).toNanos());
        assertEquals(0, limiter.blocked("a"));
        assertEquals(0, limiter.acquire("a"), "a new window");
    }
}
