import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Mixed load against a running service, as buyers, reviewers and exchanges make it: each worker
 * applies, uploads a passport image, reads its status, has two reviewers approve (four eyes: the
 * soak policy makes wallet proofs optional, so applications arrive flagged WALLET_NOT_PROVEN),
 * and checks 20 whitelisted addresses as an exchange. Prints the counts every minute and at the
 * end: operations, errors (any unexpected answer), throughput.
 *
 *   java bench/soak/Soak.java BASE_URL SECONDS WORKERS REVIEWER_A_TOKEN REVIEWER_B_TOKEN EXCHANGE_TOKEN
 */
public class Soak {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TOKEN = Pattern.compile("\"statusToken\"\\s*:\\s*\"([^\"]+)\"");
    static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    static final AtomicLong ERRORS = new AtomicLong();
    static final List<String> FIRST_ERRORS = new CopyOnWriteArrayList<>();
    static final List<String> WHITELISTED = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long seconds = Long.parseLong(args[1]);
        int workers = Integer.parseInt(args[2]);
        String reviewerA = args[3], reviewerB = args[4], exchange = args[5];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] png = passport();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        cycle(http, base, png, reviewerA, reviewerB, exchange);
                    } catch (Exception e) {
                        error("exception " + e);
                    }
                }
            });
        }
        pool.shutdown();
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            if (System.nanoTime() > nextReport) {
                report("after " + (System.nanoTime() - started) / 1_000_000_000L + " s", started);
                nextReport += TimeUnit.SECONDS.toNanos(60);
            }
        }
        report("total", started);
        FIRST_ERRORS.forEach(e -> System.out.println("  error: " + e));
    }

    static void cycle(HttpClient http, String base, byte[] png, String reviewerA, String reviewerB, String exchange) throws Exception {
        String address = "0x" + HexFormat.of().formatHex(bytes(20));
        String name = "Soakly " + letters(8);
        String body = """
                {"applicantType": "INDIVIDUAL", "fullLegalName": "%s", "dateOfBirth": "1990-04-12", "citizenships": ["DE"],
                 "countryOfResidence": "DE", "usPermanentResident": false,
                 "idDocument": {"type": "PASSPORT", "number": "C%s", "issuingCountry": "DE", "expiryDate": "2031-08-31"},
                 "email": "soak@example.org", "wallets": [{"chain": "ETHEREUM", "address": "%s"}],
                 "declarations": {"notUsPerson": true, "termsVersion": "2026-11"}}""".formatted(name, letters(8).toUpperCase(), address);
        HttpResponse<String> created = send(http, "apply", HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        if (created == null) {
            return;
        }
        String id = group(ID, created.body());
        String token = group(TOKEN, created.body());
        if (send(http, "upload", HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + id + "/documents/identity"))
                .header("X-Status-Token", token).header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(png)), 200) == null) {
            return;
        }
        send(http, "status", HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + id)).header("X-Status-Token", token).GET(), 200);
        for (String reviewer : List.of(reviewerA, reviewerB)) {
            HttpResponse<String> view = send(http, "review-view", HttpRequest.newBuilder(URI.create(base + "/api/v1/review/applications/" + id))
                    .header("Authorization", "Bearer " + reviewer).GET(), 200);
            if (view == null || send(http, "review-decide", HttpRequest.newBuilder(URI.create(base + "/api/v1/review/applications/" + id + "/decision"))
                    .header("Authorization", "Bearer " + reviewer).header("If-Match", view.headers().firstValue("ETag").orElse(""))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"APPROVE\"}")), 200) == null) {
                return;
            }
        }
        WHITELISTED.add(address);
        for (int i = 0; i < 20; i++) {
            String checked = WHITELISTED.get(RANDOM.nextInt(WHITELISTED.size()));
            send(http, "check", HttpRequest.newBuilder(URI.create(base + "/api/v1/whitelist/" + checked))
                    .header("Authorization", "Bearer " + exchange).GET(), 200);
        }
    }

    static HttpResponse<String> send(HttpClient http, String what, HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            COUNTS.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
            if (response.statusCode() != expected) {
                error(what + " answered " + response.statusCode() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
                return null;
            }
            return response;
        } catch (Exception e) {
            error(what + ": " + e);
            return null;
        }
    }

    static void error(String message) {
        ERRORS.incrementAndGet();
        if (FIRST_ERRORS.size() < 10) {
            FIRST_ERRORS.add(message);
        }
    }

    static void report(String when, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = COUNTS.values().stream().mapToLong(AtomicLong::get).sum();
        StringBuilder line = new StringBuilder(String.format("%s: %d requests (%.0f/s), %d errors;", when, total, total / seconds, ERRORS.get()));
        COUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(String.format(" %s %d (%.1f/s)", e.getKey(), e.getValue().get(), e.getValue().get() / seconds)));
        System.out.println(line);
    }

    static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + text);
        }
        return m.group(1);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    static byte[] passport() throws Exception {
        BufferedImage image = new BufferedImage(240, 150, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
