package io.kycwhitelist.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache never outlives the issuer's key: a token is served from memory only
 * while its key id still resolves, in the key set as it is now, to the key that verified it.
 */
class CachingJwtParserTest {

    static final String ISSUER = "https://issuer.example";

    /** The issuer's published keys, by key id; a test rotates them. */
    final Map<String, Key> published = new ConcurrentHashMap<>();
    final VerificationKeyResolver keySet = (jws, nesting) -> {
        Key key = published.get(String.valueOf(jws.getKeyIdHeaderValue()));
        if (key == null) {
            throw new UnresolvableKeyException("no key " + jws.getKeyIdHeaderValue() + " in the issuer's key set");
        }
        return key;
    };

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String token(KeyPair key, String keyId, String subject) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of("exchange")).expiresIn(3600).jws().keyId(keyId).sign(key.getPrivate());
    }

    CachingJwtParser parser() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(ISSUER);
        return new CachingJwtParser(info, keySet);
    }

    @Test
    void aVerifiedTokenIsServedFromMemoryWhileItsKeyIsPublished() throws Exception {
        KeyPair a = rsa();
        published.put("a", a.getPublic());
        CachingJwtParser parser = parser();
        String token = token(a, "a", "exchange-1");
        JsonWebToken first = parser.parse(token);
        assertEquals("exchange-1", first.getSubject());
        assertSame(first, parser.parse(token), "from memory");
    }

    @Test
    void aTokenWhoseKeyWasRotatedOutIsRefusedAtOnceThoughNotExpired() throws Exception {
        KeyPair a = rsa();
        KeyPair b = rsa();
        published.put("a", a.getPublic());
        published.put("b", b.getPublic());
        CachingJwtParser parser = parser();
        String old = token(a, "a", "exchange-1");
        String current = token(b, "b", "exchange-2");
        parser.parse(old);
        JsonWebToken remembered = parser.parse(current);

        published.remove("a"); // the issuer rotated key a out (compromised, say)
        assertThrows(ParseException.class, () -> parser.parse(old));
        assertThrows(ParseException.class, () -> parser.parse(old), "and stays refused");
        assertSame(remembered, parser.parse(current), "tokens of the keys still published are not affected");
    }

    @Test
    void aKeyIdReusedForAnotherKeyEndsWhatTheOldKeyVerified() throws Exception {
        KeyPair a = rsa();
        published.put("a", a.getPublic());
        CachingJwtParser parser = parser();
        String token = token(a, "a", "exchange-1");
        parser.parse(token);
        KeyPair replacement = rsa();
        published.put("a", replacement.getPublic()); // the same id now names another key
        assertThrows(ParseException.class, () -> parser.parse(token), "verified again, against the key published now: the signature fails");
        String reissued = token(replacement, "a", "exchange-1");
        JsonWebToken fresh = parser.parse(reissued);
        assertNotSame(fresh, parser.parse(token(replacement, "a", "exchange-1")));
        assertSame(fresh, parser.parse(reissued));
    }

    @Test
    void aTamperedTokenIsNeverServedFromMemory() throws Exception {
        KeyPair a = rsa();
        published.put("a", a.getPublic());
        CachingJwtParser parser = parser();
        String token = token(a, "a", "exchange-1");
        parser.parse(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThrows(ParseException.class, () -> parser.parse(tampered));
    }
}
