package io.kycwhitelist.exchange;

import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.exchange.api.WhitelistAnswer;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.screening.service.SanctionsListsInForce;
import io.kycwhitelist.whitelist.WhitelistReplica;
import io.kycwhitelist.whitelist.WhitelistStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers exchanges from this instance's whitelist replica and the sanctions lists in force: no database round trip. */
@ApplicationScoped
public class WhitelistCheck {

    private final WhitelistReplica replica;
    private final SanctionsListsInForce sanctions;

    WhitelistCheck(WhitelistReplica replica, SanctionsListsInForce sanctions) {
        this.replica = replica;
        this.sanctions = sanctions;
    }

    /** @param field the name of the address in the request, for the error */
    public WhitelistAnswer check(String address, String field) {
        RequestValidator.failIfAny(Ethereum.addressErrors(address, field));
        return answer(Ethereum.normalized(address), Instant.now());
    }

    public List<WhitelistAnswer> checkAll(List<String> addresses) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            errors.addAll(Ethereum.addressErrors(addresses.get(i), "addresses[" + i + "]"));
        }
        RequestValidator.failIfAny(errors);
        Instant now = Instant.now();
        return addresses.stream().map(a -> answer(Ethereum.normalized(a), now)).toList();
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
