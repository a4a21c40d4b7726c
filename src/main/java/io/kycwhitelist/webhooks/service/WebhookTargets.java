package io.kycwhitelist.webhooks.service;

import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.ratelimit.ClientAddress;
import io.kycwhitelist.webhooks.EndpointAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may go: the endpoint's host is resolved, and every address it resolves to must
 * be public ({@link EndpointAddresses}) unless an operator allowed it
 * ({@code kyc.webhooks.allowed-private-hosts}: host names, addresses or blocks). Checked at
 * registration and again before every delivery, and the delivery connects to the address that was
 * checked, so a DNS answer that changes in between is never followed.
 */
@ApplicationScoped
public class WebhookTargets {

    /** An endpoint the service may call, at the address to connect to. */
    public record Target(URI uri, InetAddress address, int port, boolean https) {}

    /** Why an endpoint may not be called, in words that say nothing of the network behind it. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final HostResolver resolver;
    private final List<String> allowedHosts = new ArrayList<>();
    private final List<ClientAddress.Block> allowedBlocks = new ArrayList<>();

    WebhookTargets(HostResolver resolver, KycConfig config) {
        this.resolver = resolver;
        for (String entry : config.webhooks().allowedPrivateHosts().orElse(List.of())) {
            try {
                allowedBlocks.add(ClientAddress.Block.parse(entry));
            } catch (IllegalArgumentException notAnAddress) {
                allowedHosts.add(entry.trim().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The address to deliver to, or why not. Call with an absolute http(s) URL. */
    public Target vet(URI uri) throws Refused {
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("its host does not resolve");
        }
        boolean hostAllowed = allowedHosts.contains(bare.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            if (!hostAllowed && EndpointAddresses.internal(address) && allowedBlocks.stream().noneMatch(b -> b.contains(address.getAddress()))) {
                throw new Refused("its host resolves to an address the service may not call (loopback, link-local, private or unique-local)");
            }
        }
        if (addresses.isEmpty()) {
            throw new Refused("its host does not resolve");
        }
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, addresses.get(0), port, https);
    }
}
