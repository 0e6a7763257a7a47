package io.pusherj.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate, made once per JVM and subject with the JDK's own {@code keytool} (no extra
 * crypto library), for the test server's TLS port and the clients that trust it. The usual one names
 * 127.0.0.1 and localhost; one for another name lets a test check that a trusted certificate for the
 * wrong host is still refused.
 */
final class TestCertificate {
    static final String PASSWORD = "pusherj-test";
    /** Subject alternative names of the usual certificate. */
    static final String LOOPBACK = "ip:127.0.0.1,dns:localhost";

    private static final Map<String, TestCertificate> MADE = new HashMap<>();

    private final String subjectAlternativeNames;
    private Path keyStore;

    private TestCertificate(String subjectAlternativeNames) {
        this.subjectAlternativeNames = subjectAlternativeNames;
    }

    /** The certificate for these subject alternative names (keytool's {@code SAN=} syntax). */
    static synchronized TestCertificate forNames(String subjectAlternativeNames) {
        return MADE.computeIfAbsent(subjectAlternativeNames, TestCertificate::new);
    }

    /** {@return the PKCS#12 key store holding the key and certificate} */
    synchronized Path keyStore() {
        if (keyStore == null) {
            try {
                Path dir = Files.createTempDirectory("pusherj-testkit-tls");
                Path file = dir.resolve("server.p12");
                Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
                Process p = new ProcessBuilder(
                                keytool.toString(),
                                "-genkeypair",
                                "-alias",
                                "pusherj-test",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-validity",
                                "30",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=" + subjectAlternativeNames,
                                "-keystore",
                                file.toString(),
                                "-storetype",
                                "PKCS12",
                                "-storepass",
                                PASSWORD,
                                "-keypass",
                                PASSWORD)
                        .redirectErrorStream(true)
                        .start();
                String output = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed to make the test certificate: " + output);
                }
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                keyStore = file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run keytool from " + System.getProperty("java.home"), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return keyStore;
    }

    /** {@return the certificate in PEM form, for clients that take a CA file (Node, curl, the CLI)} */
    String pem() {
        try (InputStream in = Files.newInputStream(keyStore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            byte[] der = ks.getCertificate("pusherj-test").getEncoded();
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test certificate", e);
        }
    }

    /** {@return a client TLS context that trusts exactly this certificate} */
    SSLContext trustingContext() {
        try (InputStream in = Files.newInputStream(keyStore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test certificate", e);
        }
    }
}
