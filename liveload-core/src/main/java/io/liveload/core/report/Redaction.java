package io.liveload.core.report;

import java.util.regex.Pattern;

/**
 * Hides secrets in configuration shown in reports: values whose key names a credential, values that are an
 * {@code Authorization} header value, and the user info of URLs.
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(auth|cookie|session|token|secret|passw|pwd|credential|private|api[-_.]?key|signature|jwt).*");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile("(?i)\\s*(bearer|basic|digest|token)\\s+\\S.*");

    private Redaction() {
    }

    /** Returns whether a key such as {@code API_TOKEN} or {@code Authorization} names a secret. */
    static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    /**
     * Returns the value, or {@link #REDACTED} when the key names a secret or the value looks like an
     * {@code Authorization} header value ({@code Bearer ...}, {@code Basic ...}).
     */
    static String value(String key, String value) {
        if (isSecretKey(key) || value != null && CREDENTIAL_VALUE.matcher(value).matches()) {
            return REDACTED;
        }
        return url(value);
    }

    /** Returns the text with the user info of a URL ({@code user:password@}) replaced, other text unchanged. */
    static String url(String text) {
        if (text == null) {
            return null;
        }
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return text;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = text.lastIndexOf('@', authorityEnd - 1);
        if (at < authorityStart) {
            return text;
        }
        return text.substring(0, authorityStart) + REDACTED + text.substring(at);
    }
}
