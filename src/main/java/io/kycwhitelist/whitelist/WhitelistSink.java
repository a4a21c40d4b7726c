package io.kycwhitelist.whitelist;

/**
 * Somewhere whitelist changes are published to. The publisher delivers each change at least
 * once, in the order of the outbox, inside the transaction that then marks it published; a sink
 * must therefore apply a change idempotently. The whitelist store is the first sink; webhooks to
 * exchanges and the token contract are later ones.
 */
public interface WhitelistSink {

    void publish(WhitelistChange change);
}
