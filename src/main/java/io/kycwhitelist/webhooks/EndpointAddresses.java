package io.kycwhitelist.webhooks;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses a webhook may be sent to: public ones only. Loopback, link-local (cloud
 * metadata services at 169.254.169.254 among them), private, unique-local, carrier-grade NAT,
 * unspecified, multicast and reserved addresses are internal, and so are IPv6 addresses that embed
 * an internal IPv4 address (mapped, compatible, NAT64, 6to4). Plain Java, no lookups.
 */
public final class EndpointAddresses {

    private EndpointAddresses() {}

    public static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return internalV4(b);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // fc00::/7 unique local
        }
        boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        boolean mapped = zeroPrefix && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        if (mapped || nat64) {
            return internalV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return internalV4(Arrays.copyOfRange(b, 2, 6)); // 6to4
        }
        return false;
    }

    private static boolean internalV4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        return a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 169 && c == 254)
                || (a == 172 && (c & 0xf0) == 16)
                || (a == 192 && c == 168)
                || (a == 100 && (c & 0xc0) == 64)
                || (a == 192 && c == 0 && (b[2] & 0xff) == 0)
                || (a == 198 && (c & 0xfe) == 18);
    }
}
