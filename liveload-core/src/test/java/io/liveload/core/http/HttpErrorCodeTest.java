package io.liveload.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failures shaped as OkHttp 5 throws them for faults that a loopback server cannot produce (DNS, connect timeouts,
 * certificates for another name); {@code FaultInjectionTest} covers the rest with real connections.
 */
class HttpErrorCodeTest {

    private static SSLHandshakeException handshake(Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException("PKIX path validation failed");
        failure.initCause(cause);
        return failure;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new UnknownHostException("missing.invalid: Name or service not known"),
                        HttpErrorCode.DNS_NO_IP),
                Arguments.of(new SocketTimeoutException("Connect timed out"), HttpErrorCode.DIAL_TIMEOUT),
                Arguments.of(new SocketTimeoutException("timeout"), HttpErrorCode.REQUEST_TIMEOUT),
                Arguments.of(new InterruptedIOException("timeout"), HttpErrorCode.REQUEST_TIMEOUT),
                Arguments.of(new ConnectException("Failed to connect to /127.0.0.1:9"), HttpErrorCode.DIAL_ERROR),
                Arguments.of(new SocketException("Broken pipe"), HttpErrorCode.BROKEN_PIPE),
                Arguments.of(new SocketException("Socket closed"), HttpErrorCode.TCP_ERROR),
                Arguments.of(new SSLPeerUnverifiedException("Hostname localhost not verified"),
                        HttpErrorCode.TLS_HOSTNAME_MISMATCH),
                Arguments.of(handshake(new CertPathValidatorException("validity check failed", null, null, -1,
                        CertPathValidatorException.BasicReason.EXPIRED)), HttpErrorCode.TLS_ERROR),
                Arguments.of(handshake(new CertPathValidatorException("Path does not chain with any of the trust"
                        + " anchors")), HttpErrorCode.TLS_UNKNOWN_AUTHORITY),
                Arguments.of(new IOException("unexpected end of stream on http://127.0.0.1:9/...",
                        new EOFException("\\n not found: limit=0 content=")), HttpErrorCode.UNEXPECTED_EOF),
                Arguments.of(new IOException(new DataFormatException("invalid block type")),
                        HttpErrorCode.DECOMPRESSION_ERROR),
                Arguments.of(new IOException("Canceled"), HttpErrorCode.GENERIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failureClassified(IOException failure, HttpErrorCode expected) {
        assertThat(HttpErrorCode.classify(failure)).isEqualTo(expected);
    }

    @Test
    void gzipCheckFailureWhileDecoding() {
        IOException failure = new IOException("ID1ID2: actual 0x00007468 != expected 0x00001f8b");

        assertThat(HttpErrorCode.classify(failure, true)).isEqualTo(HttpErrorCode.DECOMPRESSION_ERROR);
        assertThat(HttpErrorCode.classify(failure)).isEqualTo(HttpErrorCode.GENERIC);
    }

    @Test
    void resetWhileDecodingStaysReset() {
        SocketException failure = new SocketException("Connection reset");

        assertThat(HttpErrorCode.classify(failure, true)).isEqualTo(HttpErrorCode.CONNECTION_RESET);
    }
}
