package io.kycwhitelist.common.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only as far as
 * the proxies that wrote it are trusted: from the connection's peer backwards, each trusted proxy
 * hands over to the address it names; the first untrusted one is the client.
 */
public final class ClientAddress {

    /** A block of addresses, {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    public record Block(byte[] network, int prefix) {

        public static Block parse(String cidr) {
            String text = cidr.trim();
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or block: " + cidr);
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + cidr);
            }
            return new Block(address, prefix);
        }

        public boolean contains(byte[] address) {
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private ClientAddress() {}

    /**
     * @param peer the address the connection comes from
     * @param forwardedFor the X-Forwarded-For header, or null
     */
    public static String resolve(String peer, String forwardedFor, List<Block> trustedProxies) {
        if (forwardedFor == null || !trusted(peer, trustedProxies)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) {
                return hop.isEmpty() ? peer : hop; // not an address: the chain is not usable beyond this point
            }
            if (!trusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return hops[0].trim(); // every hop is a trusted proxy: the first is as far back as it goes
    }

    /** Whether the address (a literal) is in one of the blocks. */
    public static boolean trusted(String address, List<Block> blocks) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /** The bytes of an IP address literal, or null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !(text.matches("[0-9.]+") || text.matches("\\[?[0-9a-fA-F:.]+]?"))) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (bare.matches("[0-9.]+") && !bare.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress(); // a literal: no lookup
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
