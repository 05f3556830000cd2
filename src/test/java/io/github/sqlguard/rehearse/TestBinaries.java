package io.github.sqlguard.rehearse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The PostgreSQL binaries jar that the tests have on their class path (linux-amd64, a test dependency). */
final class TestBinaries {

    private TestBinaries() {
    }

    static Path jar() {
        URL archive = TestBinaries.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
        assumeTrue(archive != null && PostgresPlatform.current().map(p -> p.classifier().equals("linux-amd64"))
                .orElse(false), "the test binaries are packaged for linux-amd64 only");
        String url = archive.toString();
        try {
            return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
