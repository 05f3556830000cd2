package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlTest {

    /** Raw text, as an attribute, as element text. Java literals: CSV sources would eat the control characters. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("a < b & c > \"d\"", "a &lt; b &amp; c &gt; &quot;d&quot;", "a &lt; b &amp; c &gt; \"d\""),
                Arguments.of("line\nbreak\ttab", "line&#10;break&#9;tab", "line\nbreak\ttab"),
                Arguments.of("cr\rhere", "cr&#13;here", "cr&#13;here"),
                Arguments.of("bell\u0007 nul\0", "bell\\u0007 nul\\u0000", "bell\\u0007 nul\\u0000"),
                Arguments.of("non-char \uFFFE", "non-char \\uFFFE", "non-char \\uFFFE"),
                Arguments.of("emoji \uD83D\uDE00 and lone \uD83D", "emoji \uD83D\uDE00 and lone \\uD83D",
                        "emoji \uD83D\uDE00 and lone \\uD83D"),
                Arguments.of(null, "", ""));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void escapesMarkupAndMakesForbiddenCharactersVisible(String raw, String attribute, String text) {
        assertEquals(attribute, Xml.attribute(raw));
        assertEquals(text, Xml.text(raw));
    }
}
