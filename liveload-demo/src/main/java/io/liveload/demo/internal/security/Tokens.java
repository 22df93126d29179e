package io.liveload.demo.internal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues and checks every signed value of one demo app: the session cookie, the CSRF tokens
 * of its pages, the LiveView session and static tokens, and flash tokens.
 *
 * <p>The signing key is random per instance, so values from one app never verify in another.
 * Thread-safe.
 */
public final class Tokens {
    /** LiveView rejects session tokens older than this with "stale". */
    public static final Duration VIEW_TOKEN_MAX_AGE = Duration.ofDays(14);

    /** The JS client keeps a flash cookie for 60 s; older flash tokens are ignored. */
    public static final Duration FLASH_TOKEN_MAX_AGE = Duration.ofSeconds(60);

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{2,30}");
    private static final int CSRF_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Signer signer;
    // One generator per thread: the JDK's default SecureRandom funnels every caller through one
    // lock, which became the bottleneck of page loads under load.
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(Tokens::newRandom);
    private final ObjectMapper mapper;
    private final Clock clock;

    public Tokens(ObjectMapper mapper, Clock clock) {
        byte[] key = new byte[32];
        random.get().nextBytes(key);
        this.signer = new Signer(key);
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Returns whether the name is 2 to 30 letters, digits or underscores. */
    public static boolean isValidUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    /** Returns a new session with a fresh CSRF state. */
    public SessionData newSession(String user) {
        byte[] state = new byte[CSRF_BYTES];
        random.get().nextBytes(state);
        return new SessionData(user, ENCODER.encodeToString(state));
    }

    /** Returns the signed cookie value for the session. */
    public String encodeSession(SessionData session) {
        return signer.sign("session-cookie", toJson(session));
    }

    /** Returns the session in a cookie value, or empty when the value is missing, tampered or malformed. */
    public Optional<SessionData> decodeSession(String cookieValue) {
        return signer.verify("session-cookie", cookieValue).flatMap(bytes -> fromJson(bytes, SessionData.class));
    }

    /**
     * Returns a CSRF token for the page: the session's CSRF state masked with fresh random bytes,
     * so each page gets a different token that still verifies against the same session.
     */
    public String maskedCsrfToken(SessionData session) {
        byte[] state = DECODER.decode(session.csrfState());
        byte[] token = new byte[state.length * 2];
        byte[] mask = new byte[state.length];
        random.get().nextBytes(mask);
        for (int i = 0; i < state.length; i++) {
            token[i] = mask[i];
            token[state.length + i] = (byte) (state[i] ^ mask[i]);
        }
        return ENCODER.encodeToString(token);
    }

    /** Returns whether the masked token was derived from the session's CSRF state. */
    public boolean csrfTokenMatches(String maskedToken, SessionData session) {
        if (maskedToken == null) {
            return false;
        }
        try {
            byte[] token = DECODER.decode(maskedToken);
            byte[] state = DECODER.decode(session.csrfState());
            if (token.length != state.length * 2) {
                return false;
            }
            byte[] unmasked = new byte[state.length];
            for (int i = 0; i < state.length; i++) {
                unmasked[i] = (byte) (token[i] ^ token[state.length + i]);
            }
            return MessageDigest.isEqual(unmasked, state);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Returns a signed {@code data-phx-session} value. */
    public String signView(String id, String view, String liveSession, Long parentInstance, Map<String, String> session) {
        return signer.sign("lv-session", toJson(new ViewToken(id, view, liveSession, parentInstance, session, now())));
    }

    /** Returns the content of a {@code data-phx-session} value, or empty when it is invalid or older than 14 days. */
    public Optional<ViewToken> verifyView(String token) {
        return signer.verify("lv-session", token)
                .flatMap(bytes -> fromJson(bytes, ViewToken.class))
                .filter(view -> isFresh(view.issuedAtMillis(), VIEW_TOKEN_MAX_AGE));
    }

    /** Returns a signed {@code data-phx-static} value. */
    public String signStatic(String id, Map<String, String> flash) {
        return signer.sign("lv-static", toJson(new StaticToken(id, flash, now())));
    }

    /** Returns the content of a {@code data-phx-static} value, or empty when it is invalid or older than 14 days. */
    public Optional<StaticToken> verifyStatic(String token) {
        return signer.verify("lv-static", token)
                .flatMap(bytes -> fromJson(bytes, StaticToken.class))
                .filter(value -> isFresh(value.issuedAtMillis(), VIEW_TOKEN_MAX_AGE));
    }

    /** Returns a signed flash, as sent in redirect payloads and the {@code __phoenix_flash__} cookie. */
    public String signFlash(Map<String, String> flash) {
        return signer.sign("flash", toJson(Map.of("flash", flash, "iat", now())));
    }

    /** Returns the flash in a token, or an empty map when the token is invalid or older than 60 s. */
    public Map<String, String> verifyFlash(String token) {
        return signer.verify("flash", token)
                .flatMap(bytes -> fromJson(bytes, FlashTokenContent.class))
                .filter(content -> isFresh(content.iat(), FLASH_TOKEN_MAX_AGE))
                .map(FlashTokenContent::flash)
                .orElse(Map.of());
    }

    record FlashTokenContent(Map<String, String> flash, long iat) {
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private boolean isFresh(long issuedAtMillis, Duration maxAge) {
        long age = now() - issuedAtMillis;
        return age >= -Duration.ofMinutes(1).toMillis() && age <= maxAge.toMillis();
    }

    private long now() {
        return clock.millis();
    }

    private byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to encode " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> Optional<T> fromJson(byte[] json, Class<T> type) {
        try {
            return Optional.ofNullable(mapper.readValue(json, type));
        } catch (IOException | IllegalArgumentException e) {
            // A correctly signed token with unreadable content can only come from another version of this class.
            return Optional.empty();
        }
    }
}
