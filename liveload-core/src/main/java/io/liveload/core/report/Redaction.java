package io.liveload.core.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text shown in reports: values whose key names a credential, values that are an
 * {@code Authorization} header value, the user info of URLs and URL query parameters whose name names a credential.
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(auth|cookie|session|token|secret|passw|pwd|credential|private|api[-_.]?key|signature|jwt).*");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile("(?i)\\s*(bearer|basic|digest|token)\\s+\\S.*");
    private static final Pattern CREDENTIAL_IN_TEXT =
            Pattern.compile("(?i)\\b(bearer|basic|digest)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&])([^=&#]+)=([^&#]*)");

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

    /**
     * Returns a message with credentials after {@code Bearer}, {@code Basic} or {@code Digest} replaced, for error
     * messages that quote a header.
     */
    static String message(String text) {
        if (text == null) {
            return null;
        }
        return CREDENTIAL_IN_TEXT.matcher(text).replaceAll(match -> match.group(1) + " " + REDACTED);
    }

    /**
     * Returns the text with the user info of a URL ({@code user:password@}) and the values of query parameters
     * such as {@code token} or {@code api_key} replaced, other text unchanged.
     */
    static String url(String text) {
        return queryParameters(userInfo(text));
    }

    private static String queryParameters(String text) {
        if (text == null || text.indexOf('?') < 0) {
            return text;
        }
        Matcher matcher = QUERY_PARAMETER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement = isSecretKey(matcher.group(2))
                    ? matcher.group(1) + matcher.group(2) + "=" + REDACTED
                    : matcher.group();
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String userInfo(String text) {
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
