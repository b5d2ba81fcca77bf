package dev.tracestack.rehearse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A key pair and a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
record SelfSignedCertificate(Path keystore, Path pem, char[] password) {

    static SelfSignedCertificate create(Path dir) {
        char[] password = "rehearsal".toCharArray();
        Path keystore = dir.resolve("proxy.p12");
        Path pem = dir.resolve("ca.crt");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(keystore);
            run(List.of(keytool, "-genkeypair", "-alias", "es", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(password)));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "es", "-keystore", keystore.toString(),
                    "-storepass", new String(password), "-file", pem.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a certificate in " + dir, e);
        }
        return new SelfSignedCertificate(keystore, pem, password);
    }

    SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new RehearsalException("cannot load the proxy's certificate " + keystore, e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new RehearsalException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }
}
