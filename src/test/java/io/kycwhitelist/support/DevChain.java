package io.kycwhitelist.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kycwhitelist.chain.service.ChainException;
import io.kycwhitelist.chain.service.JsonRpc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;

/**
 * A local development chain for the token contract tests: compiles
 * {@code src/main/solidity/KycWhitelistToken.sol} with solc-js, starts ganache (both from the npm
 * registry, in {@code src/test/chain}, installed by {@code npm ci} there when missing), deploys the
 * contract from the issuer's account with the operator's address as its whitelist operator, and
 * hands the service the node's address through a proxy that a test can make fail.
 */
public class DevChain implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(DevChain.class);
    static final Path TOOLS = Path.of("src", "test", "chain");
    static final Path CONTRACT_SOURCE = Path.of("src", "main", "solidity", "KycWhitelistToken.sol");
    public static final long CHAIN_ID = 1337;
    /** ganache's deterministic accounts 0 (the issuer, who deploys and mints) and 1 (the service's operator key). */
    public static final Credentials ISSUER = Credentials.create("0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d");
    public static final Credentials OPERATOR = Credentials.create("0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1");

    public static final AtomicBoolean NODE_DOWN = new AtomicBoolean();
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();

    private static JsonRpc rpc;
    private static String contract;
    private Process ganache;
    private HttpServer proxy;

    /** Why the chain tests cannot run here (no Node.js/npm), or empty. */
    public static Optional<String> unavailable() {
        if (Files.isDirectory(TOOLS.resolve("node_modules").resolve("ganache")) && Files.isDirectory(TOOLS.resolve("node_modules").resolve("solc"))
                || (onPath("npm") && onPath("node"))) {
            return Optional.empty();
        }
        return Optional.of("No Node.js and npm: the token contract tests are skipped (apt-get install nodejs npm; .ci/run does)");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    /** The node, directly (not through the failing proxy). */
    public static JsonRpc rpc() {
        return rpc;
    }

    public static String contract() {
        return contract;
    }

    @Override
    public Map<String, String> start() {
        try {
            installTools();
            JsonNode compiled = new ObjectMapper().readTree(run(Duration.ofMinutes(2), "node", "compile.js", "../../main/solidity/KycWhitelistToken.sol"));
            Path artifact = Path.of("target", "chain", "KycWhitelistToken.json");
            Files.createDirectories(artifact.getParent());
            Files.writeString(artifact, compiled.toString());
            int port = freePort();
            ganache = new ProcessBuilder("node", "node_modules/ganache/dist/node/cli.js", "--server.host", "127.0.0.1", "--server.port",
                    String.valueOf(port), "--chain.chainId", String.valueOf(CHAIN_ID), "--chain.hardfork", "shanghai", "--wallet.deterministic",
                    "--miner.blockTime", "1", "--logging.quiet")
                    .directory(TOOLS.toFile()).redirectErrorStream(true).redirectOutput(Path.of("target", "chain", "ganache.log").toFile()).start();
            Process started = ganache;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // also when the test JVM is stopped
            URI node = URI.create("http://127.0.0.1:" + port);
            rpc = new JsonRpc(node, Duration.ofSeconds(10), new ObjectMapper());
            Eventually.until("ganache answers", Duration.ofSeconds(60), () -> {
                try {
                    return rpc.chainId() == CHAIN_ID;
                } catch (ChainException e) {
                    return false;
                }
            });
            JsonNode token = compiled.path("contracts").path("KycWhitelistToken");
            String constructor = FunctionEncoder.encodeConstructor(List.of(new Utf8String("Regulation S Token"), new Utf8String("REGS"),
                    new Address(OPERATOR.getAddress())));
            String deploy = sendFrom(ISSUER.getAddress(), null, token.path("bytecode").asText() + constructor);
            contract = awaitReceipt(deploy).path("contractAddress").asText();
            LOG.infof("KycWhitelistToken (%s) deployed at %s on ganache at %s", compiled.path("compiler").asText(), contract, node);
            proxy = proxy(node);
            return Map.of(
                    "kyc.chain.enabled", "true",
                    "kyc.chain.rpc-url", "http://127.0.0.1:" + proxy.getAddress().getPort(),
                    "kyc.chain.chain-id", String.valueOf(CHAIN_ID),
                    "kyc.chain.contract-address", contract,
                    "kyc.chain.operator-key", OPERATOR.getEcKeyPair().getPrivateKey().toString(16),
                    "kyc.chain.confirmations", "2",
                                        "kyc.chain.initial-backoff", "0.2s",
                    "kyc.chain.max-backoff", "1s",
                    "kyc.chain.give-up-after", "8s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.stop(0);
        }
        if (ganache != null) {
            ganache.destroy();
            try {
                if (!ganache.waitFor(10, TimeUnit.SECONDS)) {
                    ganache.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** npm ci in src/test/chain when its node_modules is missing (the lock file pins every package). */
    private static void installTools() throws IOException {
        if (Files.isDirectory(TOOLS.resolve("node_modules").resolve("ganache")) && Files.isDirectory(TOOLS.resolve("node_modules").resolve("solc"))) {
            return;
        }
        LOG.info("Installing solc and ganache from the npm registry (npm ci in src/test/chain)");
        run(Duration.ofMinutes(10), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
    }

    private static String run(Duration timeout, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes());
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + TOOLS + ": " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Forwards JSON-RPC to the node; answers 503 while {@link #NODE_DOWN} or for the next {@link #FAIL_NEXT} requests. */
    private static HttpServer proxy(URI node) throws IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (NODE_DOWN.get() || FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            try {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(node).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    // --- what the tests do on the chain, as the issuer and holders

    /** A transaction from one of ganache's unlocked accounts; returns its hash. */
    public static String sendFrom(String from, String to, String data) {
        Map<String, Object> tx = new HashMap<>(Map.of("from", from, "data", data, "gas", "0x2dc6c0"));
        if (to != null) {
            tx.put("to", to);
        }
        return rpc.call("eth_sendTransaction", tx).asText();
    }

    /** Pays ether from the issuer's account (for a holder's gas). */
    public static void fund(String address) {
        awaitReceipt(rpc.call("eth_sendTransaction", Map.of("from", ISSUER.getAddress(), "to", address, "value", "0xde0b6b3a7640000")).asText());
    }

    public static JsonNode awaitReceipt(String hash) {
        JsonNode[] receipt = new JsonNode[1];
        Eventually.until("transaction " + hash + " is mined", Duration.ofSeconds(30), () -> {
            receipt[0] = rpc.call("eth_getTransactionReceipt", hash);
            return !receipt[0].isNull();
        });
        return receipt[0];
    }

    /** A read-only call of the contract from {@code from}; the result as hex. */
    public static String call(String from, String data) {
        return rpc.call("eth_call", Map.of("from", from, "to", contract, "data", data), "latest").asText();
    }

    public static BigInteger uint(String from, Function function) {
        List<Type> values = FunctionReturnDecoder.decode(call(from, FunctionEncoder.encode(function)), function.getOutputParameters());
        return (BigInteger) values.get(0).getValue();
    }

    public static String string(Function function) {
        List<Type> values = FunctionReturnDecoder.decode(call(ISSUER.getAddress(), FunctionEncoder.encode(function)), function.getOutputParameters());
        return (String) values.get(0).getValue();
    }

    private static final Pattern ERROR_STRING = Pattern.compile("0x08c379a0([0-9a-fA-F]+)");

    /** The reason a call reverted with (Solidity's Error(string)), as the node reports it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String revertReason(ChainException e) {
        String where = (e.data() == null ? "" : e.data().toString()) + " " + e.getMessage();
        Matcher m = ERROR_STRING.matcher(where);
        if (m.find()) {
            List<Type> values = FunctionReturnDecoder.decode("0x" + m.group(1), List.of((TypeReference) new TypeReference<Utf8String>() {}));
            return values.get(0).getValue().toString();
        }
        return e.getMessage();
    }
}
