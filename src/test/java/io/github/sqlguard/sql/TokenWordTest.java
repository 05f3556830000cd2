package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Token#isWord} and {@link Token#isAnyWord}: a word's spelling compared as {@code equalsIgnoreCase} does. */
class TokenWordTest {

    @ParameterizedTest(name = "{0} is {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "delete   | DELETE   | true",
        "DeLeTe   | DELETE   | true",
        "DELETED  | DELETE   | false",
        "xelete   | DELETE   | false",
        "_tmp     | _TMP     | true",
        "@tmp     | `TMP     | false",
        "\u0131d  | ID       | true",
        "\u212Aey | KEY      | true",
        "\u00e9t\u00e9 | \u00c9T\u00c9 | true",
    })
    void comparesAsEqualsIgnoreCase(String text, String keyword, boolean expected) {
        Token word = new Token(TokenType.WORD, text, 0, 1, 1);

        assertEquals(expected, word.isWord(keyword));
        assertEquals(expected, word.isAnyWord("SELECT", keyword));
        assertEquals(text.equalsIgnoreCase(keyword), word.isWord(keyword));
    }

    @Test
    void agreesWithEqualsIgnoreCaseOnEveryPairOfShortSpellings() {
        // Every character a script's words start with, in both cases, and some beyond ASCII that fold onto ASCII.
        List<String> spellings = new ArrayList<>();
        for (char c = ' '; c < 128; c++) {
            spellings.add(c + "x");
        }
        spellings.addAll(List.of("\u0131x", "\u0130x", "\u212Ax", "\u017Fx", "\u00dfx", "\u00e9x", "\u00c9x", ""));
        for (String text : spellings) {
            Token word = new Token(TokenType.WORD, text, 0, 1, 1);
            for (String keyword : spellings) {
                assertEquals(text.equalsIgnoreCase(keyword), word.isWord(keyword), text + " against " + keyword);
            }
        }
    }

    @Test
    void isNoWordWhenTheTokenIsOfAnotherType() {
        Token string = new Token(TokenType.STRING, "DELETE", 0, 1, 1);

        assertEquals(false, string.isWord("DELETE"));
        assertEquals(false, string.isAnyWord("DELETE", "UPDATE"));
    }
}
