package io.kycwhitelist.support;

import io.kycwhitelist.webhooks.service.SystemHostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook host resolver for the tests (installed with QuarkusMock): names under {@code .test}
 * (reserved, RFC 6761) resolve to what a test says, so that refusals of internal addresses are
 * shown without connecting anywhere; address literals resolve to themselves; nothing else
 * resolves (the tests reach no real DNS).
 */
public class TestHostResolver extends SystemHostResolver {

    private static final Map<String, List<InetAddress>> NAMES = new ConcurrentHashMap<>();

    /** From now on, {@code host} resolves to these address literals. */
    public static void answer(String host, String... addresses) {
        NAMES.put(host, java.util.Arrays.stream(addresses).map(TestHostResolver::literal).toList());
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> answer = NAMES.get(host);
        if (answer != null) {
            return answer;
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByName(host)); // a literal: no lookup
        }
        throw new UnknownHostException(host);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
