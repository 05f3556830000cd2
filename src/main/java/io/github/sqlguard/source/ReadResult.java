package io.github.sqlguard.source;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/** The outcome of reading one file with {@link SourceReader}: its text, or why it could not be read. */
public sealed interface ReadResult {

    /**
     * The file's text, byte order mark removed, line ends untouched.
     *
     * @param text the decoded text
     * @param charset the charset the text was decoded with: the configured one, the one a byte order
     *     mark names, or ISO-8859-1 after invalid bytes
     * @param decodeWarning present when the bytes were not valid in the expected charset
     * @param stamp the file's size, time and content hash when the text was read from a file; null for bytes
     *     decoded in memory
     */
    record Text(String text, Charset charset, Optional<DecodeWarning> decodeWarning, ReadStamp stamp)
            implements ReadResult {

        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(decodeWarning, "decodeWarning");
        }

        /** The same text, stamped with the file it was read from. */
        Text stamped(ReadStamp fileStamp) {
            return new Text(text, charset, decodeWarning, fileStamp);
        }
    }

    /**
     * The file could not be read as text; the caller reports an {@code unreadable-file} finding.
     *
     * @param reason what went wrong, e.g. {@code binary file (contains NUL bytes); not a SQL script}
     */
    record Unreadable(String reason) implements ReadResult {

        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
