package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The parse time limit is for the statement, not for loading JSqlParser: the first statement a JVM parses must
 * not come back unparsed because the parser's classes were still being loaded (on a busy machine that took longer
 * than the default two seconds, so the same script was parsed or not depending on the load).
 */
class ParserLoadingTimeLimitTest {

    @Test
    void theFirstParseInAJvmIsNotChargedForLoadingTheParser() throws IOException, InterruptedException {
        // Loading takes about half a second even on an idle machine; the statement itself well under 100 ms.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FirstParseInFreshJvm.class.getName(), "250")
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits");

        assertEquals("Parsed", new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
