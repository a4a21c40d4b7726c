package io.kycwhitelist.exchange;

import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.exchange.api.WhitelistAnswer;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.screening.service.SanctionsListsInForce;
import io.kycwhitelist.whitelist.WhitelistReplica;
import io.kycwhitelist.whitelist.WhitelistStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Answers exchanges from this instance's whitelist replica and the sanctions lists in force: no database round trip. */
@ApplicationScoped
public class WhitelistCheck {

    private final WhitelistReplica replica;
    private final SanctionsListsInForce sanctions;

    private final Timer latency;

    WhitelistCheck(WhitelistReplica replica, SanctionsListsInForce sanctions, MeterRegistry metrics) {
        this.replica = replica;
        this.sanctions = sanctions;
        this.latency = Timer.builder("kyc.whitelist.check")
                .description("Time to answer an exchange's check (one address or a batch), from the replica")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /** @param field the name of the address in the request, for the error */
    public WhitelistAnswer check(String address, String field) {
        long start = System.nanoTime();
        RequestValidator.failIfAny(Ethereum.addressErrors(address, field));
        WhitelistAnswer answer = answer(Ethereum.normalized(address), Instant.now());
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return answer;
    }

    public List<WhitelistAnswer> checkAll(List<String> addresses) {
        long start = System.nanoTime();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            errors.addAll(Ethereum.addressErrors(addresses.get(i), "addresses[" + i + "]"));
        }
        RequestValidator.failIfAny(errors);
        Instant now = Instant.now();
        List<WhitelistAnswer> answers = addresses.stream().map(a -> answer(Ethereum.normalized(a), now)).toList();
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return answers;
    }

    /** The effective status of an address that passed {@link Ethereum#addressErrors}. */
    public WhitelistStatus status(String address) {
        return answer(Ethereum.normalized(address), Instant.now()).status();
    }

    private WhitelistAnswer answer(String address, Instant now) {
        Optional<WhitelistReplica.Entry> entry = replica.find(address);
        WhitelistStatus status = sanctions.current().address(address).isPresent()
                ? WhitelistStatus.SANCTIONED // a listed address is never whitelisted, whatever was approved before it was listed
                : entry.map(e -> WhitelistStatus.effective(e.status(), e.expiresAt(), now)).orElse(WhitelistStatus.NOT_LISTED);
        return new WhitelistAnswer(Ethereum.checksummed(address), Chain.ETHEREUM, status == WhitelistStatus.ACTIVE, status,
                entry.map(e -> status == WhitelistStatus.EXPIRED ? e.expiresAt() : e.since()).orElse(null),
                entry.map(WhitelistReplica.Entry::expiresAt).orElse(null),
                entry.map(WhitelistReplica.Entry::ownershipProven).orElse(null));
    }
}
