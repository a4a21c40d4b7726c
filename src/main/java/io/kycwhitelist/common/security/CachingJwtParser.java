package io.kycwhitelist.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.KeyLocationResolver;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies bearer tokens as smallrye-jwt does, and remembers the tokens it verified. Exchanges send
 * the same token with every check: verifying its RSA signature each time would cost more than the
 * check itself. A token is taken from memory only while it is equal, character for character, to
 * one verified before, has not expired, and its key id still resolves, in the issuer's key set as
 * it is now ({@code mp.jwt.verify.publickey.location}: a PEM, or a JWKS the resolver refreshes),
 * to the very key that verified it. A key rotated out of the set, or replaced under its id, ends
 * every remembered token it verified at their next use. Anything else is verified in full, against
 * the same key set. At most {@value #MAX_TOKENS} tokens are kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    static final int MAX_TOKENS = 10_000;

    /** A verified token, its header (read-only from then on), the id of the key that verified it and the key. */
    private record Verified(JsonWebToken token, JsonWebSignature header, String keyId, Key key) {}

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final JWTAuthContextInfo authContextInfo;
    private volatile VerificationKeyResolver keys;

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContextInfo) {
        this(authContextInfo, null);
    }

    /** With the key set given (tests); null: the configured issuer's. */
    CachingJwtParser(JWTAuthContextInfo authContextInfo, VerificationKeyResolver keys) {
        super(authContextInfo);
        this.authContextInfo = authContextInfo;
        this.keys = keys;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        JsonWebSignature header = known != null ? known.header() : new JsonWebSignature(); // a remembered token's header is read once
        Key key;
        try {
            if (known == null) {
                header.setCompactSerialization(token);
            }
            key = keys().resolveKey(header, List.of());
        } catch (JoseException e) {
            verified.remove(token);
            throw new ParseException("The bearer token is not a signed JWT whose key the issuer publishes", e);
        }
        String keyId = Objects.requireNonNullElse(header.getKeyIdHeaderValue(), "");
        if (known != null) {
            if (now < known.token().getExpirationTime() && known.key().equals(key)) {
                return known.token();
            }
            verified.remove(token);
            if (!known.key().equals(key)) {
                verified.values().removeIf(v -> v.keyId().equals(keyId)); // the key under this id changed
            }
        }
        JsonWebToken parsed = key instanceof SecretKey secret ? verify(token, secret) : verify(token, (PublicKey) key);
        if (parsed.getExpirationTime() > now) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, new Verified(parsed, header, keyId, key));
        }
        return parsed;
    }

    private VerificationKeyResolver keys() throws UnresolvableKeyException {
        VerificationKeyResolver resolver = keys;
        if (resolver == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = new KeyLocationResolver(authContextInfo);
                }
                resolver = keys;
            }
        }
        return resolver;
    }
}
