package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Token#written}: a run of tokens shown as the script wrote it, its white space folded to one blank. */
class TokenWrittenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "round(price, 0)                            | round(price, 0)",
        "now()::date - '2020-01-01'                 | now()::date - '2020-01-01'",
        "coalesce( a ,b )                           | coalesce( a ,b )",
        "tags[1]::text                              | tags[1]::text",
        "~CASE WHEN a = 0\n        THEN 'x' END~   | CASE WHEN a = 0 THEN 'x' END",
        "lower(/* keep */ name)                     | lower( name)",
    })
    void showsTokensAsWritten(String text, String expected) {
        // As a statement's clauses hold them: without its comments.
        List<Token> tokens = new Lexer(Dialect.POSTGRESQL).tokenize(text).tokens().stream()
                .filter(token -> token.type() != TokenType.COMMENT).toList();

        assertEquals(expected, Token.written(tokens));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"a, b", "x"})
    void spacesTokensThatComeFromDifferentTexts(String second) {
        List<Token> first = new Lexer(Dialect.POSTGRESQL).tokenize("f(").tokens();
        List<Token> rest = new Lexer(Dialect.POSTGRESQL).tokenize(second).tokens();
        List<Token> joined = new java.util.ArrayList<>(first);
        joined.addAll(rest);

        assertEquals("f( " + Token.written(rest), Token.written(joined));
    }
}
