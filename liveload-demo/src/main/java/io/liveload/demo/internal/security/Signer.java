package io.liveload.demo.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies tokens with HMAC-SHA256 under a key that belongs to one demo app.
 *
 * <p>A token is {@code base64url(payload) + "." + base64url(mac)}, where the MAC covers a purpose
 * label and the encoded payload, so a token signed for one purpose (say a session cookie) fails
 * verification for another. Thread-safe: each thread uses its own {@link Mac}.
 */
final class Signer {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    Signer(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    String sign(String purpose, byte[] payload) {
        String encoded = ENCODER.encodeToString(payload);
        return encoded + "." + ENCODER.encodeToString(mac(purpose, encoded));
    }

    /** Returns the payload when the token carries a valid signature for the purpose, else empty. */
    Optional<byte[]> verify(String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(purpose, encoded))) {
                return Optional.empty();
            }
            return Optional.of(DECODER.decode(encoded));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, String encodedPayload) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides no " + ALGORITHM, e);
        }
    }
}
