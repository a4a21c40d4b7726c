package io.kycwhitelist.chain.service;

import com.fasterxml.jackson.databind.JsonNode;

/** An Ethereum node refused a call or could not be reached; the message says which and why. */
public class ChainException extends RuntimeException {

    private final transient JsonNode data;

    public ChainException(String message, JsonNode data) {
        super(message, null, false, false);
        this.data = data;
    }

    /** The node's error data (such as a revert reason), when it gave any. */
    public JsonNode data() {
        return data;
    }
}
