package io.github.sqlguard.maven;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * The encoding the scripts are read in. Flyway reads its scripts in its own {@code encoding} setting, whatever the
 * project's source encoding says, so that setting wins over the source encoding sqlguard takes by default; an
 * encoding given to sqlguard that differs from the source encoding is a deliberate choice and wins over both.
 */
final class ScriptEncoding {

    private ScriptEncoding() {
    }

    /**
     * @param configured sqlguard's {@code encoding}, which defaults to the project's source encoding
     * @param sourceEncoding the project's {@code project.build.sourceEncoding}, or null
     * @param flyway the Flyway plugin's, {@code flyway.*} or Spring Boot's {@code encoding} setting
     * @throws IllegalArgumentException for a name that is no charset, saying where it was written
     */
    static Charset of(String configured, String sourceEncoding, Optional<String> flyway) {
        String chosen = configured == null || configured.isBlank() ? null : configured.trim();
        if (flyway.isPresent() && !flyway.get().isBlank() && (chosen == null || chosen.equals(sourceEncoding))) {
            return named(flyway.get().trim(), " (Flyway's encoding setting)");
        }
        return chosen == null ? StandardCharsets.UTF_8 : named(chosen, "");
    }

    private static Charset named(String name, String origin) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown encoding '" + name + "'" + origin
                    + "; use a Java charset name such as UTF-8 or ISO-8859-1");
        }
    }
}
