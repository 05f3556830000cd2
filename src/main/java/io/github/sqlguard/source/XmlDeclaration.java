package io.github.sqlguard.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset an XML file declares ({@code <?xml version="1.0" encoding="ISO-8859-1"?>}): an XML parser, and so
 * Liquibase, decodes the file in it whatever the project's encoding, so sqlguard must too. Only declarations
 * written in ASCII-compatible bytes are read; a UTF-16 file carries a byte order mark, which wins anyway.
 */
final class XmlDeclaration {

    private static final int LONGEST_DECLARATION = 256;
    private static final Pattern ENCODING = Pattern.compile(
            "^<\\?xml\\s[^?>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private XmlDeclaration() {
    }

    /** The declared charset of {@code file}'s {@code bytes}; empty for other files and unknown names. */
    static Optional<Charset> charsetOf(String fileName, byte[] bytes) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return Optional.empty();
        }
        String head = new String(bytes, 0, Math.min(bytes.length, LONGEST_DECLARATION), StandardCharsets.ISO_8859_1);
        Matcher matcher = ENCODING.matcher(head);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(matcher.group(1)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
