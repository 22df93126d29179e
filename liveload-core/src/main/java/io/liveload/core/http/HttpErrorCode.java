package io.liveload.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a request failed without a usable response. The numbers are k6's {@code error_code} values (k6's
 * {@code lib/netext/httpext/error_codes.go}); only {@link #BODY_TOO_LARGE} is liveload's own, because k6 has no
 * body limit. Several kinds share k6's generic 1000, as they do in k6; the kind stays visible in
 * {@link HttpResponse#error()} and in the run's error list. Each failed request is tagged {@code error_code} with
 * the number. A response that arrived with a status of 400 or more is tagged {@code 1000 + status} instead (1404,
 * 1503), as k6 tags it; that is not a constant here because the request itself worked.
 *
 * <p>What OkHttp 5.5 throws for each fault, and the code it gets. The tests produce each fault with a loopback
 * server, except a connect timeout and a certificate for another host name, whose exceptions they build as
 * OkHttp throws them:
 * <table>
 *   <caption>Faults and their codes</caption>
 *   <tr><th>Fault</th><th>OkHttp throws</th><th>Code</th></tr>
 *   <tr><td>nothing listens on the port</td><td>{@code ConnectException: Failed to connect} caused by
 *       {@code ConnectException: Connection refused}</td><td>1212</td></tr>
 *   <tr><td>connect takes longer than the timeout</td><td>{@code SocketTimeoutException: Connect timed out}</td>
 *       <td>1211</td></tr>
 *   <tr><td>no response, or a body that trickles, past the request timeout</td><td>{@code InterruptedIOException:
 *       timeout} or {@code SocketTimeoutException: timeout}</td><td>1050</td></tr>
 *   <tr><td>reset (RST) while the response arrives</td><td>{@code SocketException: Connection reset}</td>
 *       <td>1220</td></tr>
 *   <tr><td>status line that is not HTTP</td><td>{@code ProtocolException: Unexpected status line}</td>
 *       <td>1000 ({@link #PROTOCOL_ERROR})</td></tr>
 *   <tr><td>body shorter than its Content-Length, then close</td><td>{@code ProtocolException: unexpected end of
 *       stream}</td><td>1000 ({@link #UNEXPECTED_EOF})</td></tr>
 *   <tr><td>{@code Content-Encoding: gzip} with bytes that are not gzip</td><td>{@code IOException: ID1ID2: actual
 *       ... != expected 0x00001f8b} from okio's gzip source</td><td>1701</td></tr>
 *   <tr><td>self-signed or otherwise untrusted certificate</td><td>{@code SSLHandshakeException} caused by
 *       {@code CertPathBuilderException}</td><td>1310</td></tr>
 *   <tr><td>certificate for another host name</td><td>{@code SSLPeerUnverifiedException}</td><td>1311</td></tr>
 *   <tr><td>body larger than {@code RunOptions.maxResponseBodyBytes}</td><td>nothing: liveload stops reading</td>
 *       <td>1900</td></tr>
 * </table>
 */
public enum HttpErrorCode {
    GENERIC(1000, "request failed"),
    REQUEST_TIMEOUT(1050, "request timed out"),
    DNS_NO_IP(1101, "no IP address found for host"),
    TCP_ERROR(1200, "TCP error"),
    BROKEN_PIPE(1201, "broken pipe while writing the request"),
    DIAL_ERROR(1210, "could not connect"),
    DIAL_TIMEOUT(1211, "connect timed out"),
    CONNECTION_REFUSED(1212, "connection refused"),
    CONNECTION_RESET(1220, "connection reset by peer"),
    TLS_ERROR(1300, "TLS handshake failed"),
    TLS_UNKNOWN_AUTHORITY(1310, "TLS certificate signed by an unknown authority"),
    TLS_HOSTNAME_MISMATCH(1311, "TLS certificate does not match the host name"),
    /** A response that is not HTTP/1.1, such as a garbage status line; k6 gives these its generic 1000. */
    PROTOCOL_ERROR(1000, "malformed HTTP response"),
    /** The connection ended before the response did, e.g. a body shorter than its Content-Length; k6's 1000. */
    UNEXPECTED_EOF(1000, "connection closed before the response was complete"),
    DECOMPRESSION_ERROR(1701, "response body could not be decompressed"),
    /** liveload's own code: the body is larger than {@code RunOptions.maxResponseBodyBytes}. */
    BODY_TOO_LARGE(1900, "response body larger than the limit");

    private final int code;
    private final String description;

    HttpErrorCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Returns the numeric code, as in the {@code error_code} tag. */
    public int code() {
        return code;
    }

    /** Returns a short description for people. */
    public String description() {
        return description;
    }

    /** Returns the code of an I/O failure of OkHttp. */
    public static HttpErrorCode classify(IOException failure) {
        return classify(failure, false);
    }

    /**
     * Returns the code of an I/O failure of OkHttp.
     *
     * @param decodingGzip whether the failure happened while OkHttp decompressed a gzip body for liveload; okio
     *                     then reports a damaged stream as a plain {@link IOException} naming the failed check
     */
    static HttpErrorCode classify(IOException failure, boolean decodingGzip) {
        HttpErrorCode fromCause = classifyCauses(failure);
        if (fromCause != null) {
            return fromCause;
        }
        String message = lowerCaseMessage(failure);
        if (decodingGzip && failure.getClass() == IOException.class || message.contains("gzip")) {
            return DECOMPRESSION_ERROR;
        }
        if (failure instanceof SocketTimeoutException) {
            return message.contains("connect") ? DIAL_TIMEOUT : REQUEST_TIMEOUT;
        }
        if (failure instanceof InterruptedIOException) {
            return message.contains("timeout") || message.contains("timed out") ? REQUEST_TIMEOUT : GENERIC;
        }
        if (failure instanceof SSLException) {
            return TLS_ERROR;
        }
        if (message.contains("unexpected end of stream")) {
            return UNEXPECTED_EOF;
        }
        if (failure instanceof ProtocolException) {
            return PROTOCOL_ERROR;
        }
        if (failure instanceof SocketException) {
            return classifySocket(message);
        }
        return GENERIC;
    }

    /** Returns the code that an exception in the cause chain decides, or null. */
    private static HttpErrorCode classifyCauses(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataFormatException || cause instanceof ZipException) {
                return DECOMPRESSION_ERROR;
            }
            if (cause instanceof CertPathValidatorException invalid && isOutsideValidity(invalid)) {
                return TLS_ERROR;
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return TLS_UNKNOWN_AUTHORITY;
            }
            if (cause instanceof SSLPeerUnverifiedException) {
                return TLS_HOSTNAME_MISMATCH;
            }
            if (cause instanceof UnknownHostException) {
                return DNS_NO_IP;
            }
            if (cause instanceof ConnectException) {
                return anyMessageContains(failure, "refused") ? CONNECTION_REFUSED : DIAL_ERROR;
            }
            if (cause instanceof NoRouteToHostException) {
                return DIAL_ERROR;
            }
            if (cause instanceof EOFException) {
                return UNEXPECTED_EOF;
            }
        }
        return null;
    }

    /** Returns whether the chain was rejected for an expired or not yet valid certificate, not its issuer. */
    private static boolean isOutsideValidity(CertPathValidatorException invalid) {
        return invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
    }

    private static HttpErrorCode classifySocket(String message) {
        if (message.contains("connection reset")) {
            return CONNECTION_RESET;
        }
        if (message.contains("broken pipe")) {
            return BROKEN_PIPE;
        }
        return TCP_ERROR;
    }

    private static boolean anyMessageContains(Throwable failure, String text) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (lowerCaseMessage(cause).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String lowerCaseMessage(Throwable failure) {
        return String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    }
}
