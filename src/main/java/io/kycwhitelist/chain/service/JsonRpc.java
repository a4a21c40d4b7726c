package io.kycwhitelist.chain.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Ethereum node's JSON-RPC 2.0 API over HTTP: the few methods the publication needs, with
 * quantities as hex strings as the API has them. Every failure is a {@link ChainException}: the
 * node's own error (code, message, data) or a transport failure.
 */
public class JsonRpc {

    /** A mined transaction: its block and whether it succeeded (status 1) or reverted (0). */
    public record Receipt(String transactionHash, long blockNumber, boolean succeeded) {}

    private final URI url;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpc(URI url, Duration timeout, ObjectMapper json) {
        this.url = url;
        this.timeout = timeout;
        this.json = json;
        // HTTP/1.1: what every node serves; no h2c upgrade attempt on plain-http nodes (some hang on it)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The result of a call; a JSON-RPC error or a failed exchange is a {@link ChainException}. */
    public JsonNode call(String method, Object... params) {
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        request.set("params", json.valueToTree(List.of(params)));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException(method + ": interrupted", null);
        } catch (IOException e) {
            throw new ChainException(method + ": the node did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ChainException(method + ": the node answered HTTP " + response.statusCode(), null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new ChainException(method + ": the node's answer is not JSON", null);
        }
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw new ChainException(method + ": " + error.path("message").asText("error " + error.path("code").asText()), error.get("data"));
        }
        return answer.path("result");
    }

    public long chainId() {
        return quantity(call("eth_chainId")).longValueExact();
    }

    public long blockNumber() {
        return quantity(call("eth_blockNumber")).longValueExact();
    }

    /** The account's transaction count at {@code block} ("latest": mined; "pending": with the node's queue). */
    public long transactionCount(String address, String block) {
        return quantity(call("eth_getTransactionCount", address, block)).longValueExact();
    }

    public BigInteger gasPrice() {
        return quantity(call("eth_gasPrice"));
    }

    /** A read-only call of a contract at the latest block; returns the hex result. */
    public String ethCall(String to, String data) {
        return call("eth_call", Map.of("to", to, "data", data), "latest").asText();
    }

    public long estimateGas(String from, String to, String data) {
        return quantity(call("eth_estimateGas", Map.of("from", from, "to", to, "data", data))).longValueExact();
    }

    /** Broadcasts a signed transaction; returns its hash. */
    public String sendRawTransaction(String signedHex) {
        return call("eth_sendRawTransaction", signedHex).asText();
    }

    /** The receipt of a mined transaction; empty while it is not mined (or unknown to the node). */
    public Optional<Receipt> receipt(String transactionHash) {
        JsonNode receipt = call("eth_getTransactionReceipt", transactionHash);
        if (receipt.isNull() || receipt.isMissingNode() || receipt.path("blockNumber").isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Receipt(transactionHash, quantity(receipt.get("blockNumber")).longValueExact(),
                quantity(receipt.path("status")).signum() == 1));
    }

    public static BigInteger quantity(JsonNode hex) {
        String text = hex.asText();
        if (!text.startsWith("0x") || text.length() < 3) {
            throw new ChainException("not a quantity: " + text, null);
        }
        return new BigInteger(text.substring(2), 16);
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
