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
import java.security.cert.CertPathValidatorException;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a request failed without a usable response. The numbers are k6's {@code error_code} values where k6
 * has one (1000 to 1701); {@link #UNEXPECTED_EOF} and {@link #BODY_TOO_LARGE} are liveload's own. Each failed
 * request is tagged {@code error_code} with the number.
 */
public enum HttpErrorCode {
    GENERIC(1000, "request failed"),
    REQUEST_TIMEOUT(1050, "request timed out"),
    DNS_NO_IP(1101, "no IP address found for host"),
    BROKEN_PIPE(1201, "broken pipe while writing the request"),
    DIAL_ERROR(1210, "could not connect"),
    DIAL_TIMEOUT(1211, "connect timed out"),
    CONNECTION_REFUSED(1212, "connection refused"),
    CONNECTION_RESET(1220, "connection reset by peer"),
    TLS_ERROR(1300, "TLS handshake failed"),
    TLS_UNKNOWN_AUTHORITY(1310, "TLS certificate signed by an unknown authority"),
    TLS_HOSTNAME_MISMATCH(1311, "TLS certificate does not match the host name"),
    PROTOCOL_ERROR(1600, "malformed HTTP response"),
    UNEXPECTED_EOF(1601, "connection closed before the response was complete"),
    DECOMPRESSION_ERROR(1701, "response body could not be decompressed"),
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
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataFormatException || cause instanceof ZipException) {
                return DECOMPRESSION_ERROR;
            }
            if (cause instanceof CertPathValidatorException) {
                return TLS_UNKNOWN_AUTHORITY;
            }
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("gzip")) {
            return DECOMPRESSION_ERROR;
        }
        if (failure instanceof UnknownHostException) {
            return DNS_NO_IP;
        }
        if (failure instanceof SocketTimeoutException) {
            return message.contains("connect") ? DIAL_TIMEOUT : REQUEST_TIMEOUT;
        }
        if (failure instanceof InterruptedIOException && message.contains("timeout")) {
            return REQUEST_TIMEOUT;
        }
        if (failure instanceof ConnectException) {
            return message.contains("refused") ? CONNECTION_REFUSED : DIAL_ERROR;
        }
        if (failure instanceof NoRouteToHostException) {
            return DIAL_ERROR;
        }
        if (failure instanceof SSLPeerUnverifiedException) {
            return TLS_HOSTNAME_MISMATCH;
        }
        if (failure instanceof SSLHandshakeException || failure instanceof SSLException) {
            return TLS_ERROR;
        }
        if (message.contains("connection reset")) {
            return CONNECTION_RESET;
        }
        if (message.contains("broken pipe")) {
            return BROKEN_PIPE;
        }
        if (failure instanceof ProtocolException || message.contains("unexpected status line")
                || message.contains("content-length") || message.contains("invalid")) {
            return PROTOCOL_ERROR;
        }
        if (failure instanceof EOFException || message.contains("unexpected end of stream")
                || message.contains("end of stream") || message.contains("closed")) {
            return UNEXPECTED_EOF;
        }
        if (failure instanceof SocketException) {
            return CONNECTION_RESET;
        }
        return GENERIC;
    }
}
