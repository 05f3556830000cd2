package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The literals a call passes for a routine's input parameters, by position; anything else stays unknown. */
class CallArgumentsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CREATE PROCEDURE drop_column(IN tb VARCHAR(64), IN col VARCHAR(64)) BEGIN END | CALL drop_column('orders',"
                + " 'note') | {col='note', tb='orders'}",
        // Only literals count; a number is read as its text.
        "CREATE PROCEDURE p(IN tb VARCHAR(64), IN n INT) BEGIN END | CALL p(@t, 20) | {n='20'}",
        // Output parameters receive, they pass nothing in.
        "CREATE PROCEDURE p(OUT a INT, INOUT b INT, c INT) BEGIN END | CALL p('x', 'y', 'z') | {c='z'}",
        "CREATE PROCEDURE p(a IN OUT VARCHAR2, b IN VARCHAR2) IS BEGIN NULL; END; | p('x', 'y') | {b='y'}",
        // PostgreSQL and Oracle name an argument by its parameter, in any case, after the positional ones.
        "CREATE PROCEDURE p(a IN VARCHAR2) IS BEGIN NULL; END; | p(a => 'x') | {a='x'}",
        "CREATE FUNCTION f(t text, c text) RETURNS void AS $$ $$ | SELECT f(c := 'b', T := 'a') | {c='b', t='a'}",
        "CREATE FUNCTION f(t text, c text) RETURNS void AS $$ $$ | SELECT f('a', c => 'b') | {c='b', t='a'}",
        "CREATE FUNCTION f(t text, c text) RETURNS void AS $$ $$ | SELECT f(x => 'b') | {}",
        // A second call with other values, more arguments than parameters: nothing is known.
        "CREATE FUNCTION f(t text) RETURNS void AS $$ $$ | SELECT f('a'), f('b') | {}",
        "CREATE FUNCTION f(t text) RETURNS void AS $$ $$ | SELECT f('a', 'b') | {}",
        // T-SQL lists parameters and arguments without parentheses, and names an argument by its parameter.
        "CREATE PROCEDURE dbo.p @tb sysname, @n int = 5, @done int OUTPUT AS BEGIN END | EXEC dbo.p 'orders', 7,"
                + " @x OUTPUT | {@n='7', @tb='orders'}",
        "CREATE PROCEDURE dbo.p @tb sysname, @n int = 5, @done int OUTPUT AS BEGIN END | EXEC dbo.p @n = 3,"
                + " @done = 'x', @tb = 'items'; | {@n='3', @tb='items'}",
        "CREATE PROCEDURE dbo.p @tb sysname AS BEGIN END | EXEC @rc = dbo.p N'orders' | {@tb=N'orders'}",
        // A parameter the call leaves out takes its default, when that is a literal.
        "CREATE FUNCTION f(t text, c text DEFAULT 'null') RETURNS void AS $$ $$ | SELECT f('a') | {c='null', t='a'}",
        "CREATE FUNCTION f(t text, c int = 3) RETURNS void AS $$ $$ | SELECT f('a') | {c='3', t='a'}",
        "CREATE FUNCTION f(t text, c text DEFAULT now()) RETURNS void AS $$ $$ | SELECT f('a') | {t='a'}",
        "CREATE FUNCTION f(t text, c text DEFAULT 'x') RETURNS void AS $$ $$ | SELECT f('a', 'b') | {c='b', t='a'}",
        "CREATE PROCEDURE dbo.p @tb sysname, @n int = 5 AS BEGIN END | EXEC dbo.p 'orders' | {@n='5', @tb='orders'}",
        // A parameter without a name is read by its position, as PL/pgSQL reads it: $1, $2 ..
        "CREATE FUNCTION f(text) RETURNS void AS $$ $$ | SELECT f('a') | {$1='a'}",
        "CREATE FUNCTION f(t text, text, OUT r text) RETURNS void AS $$ $$ | SELECT f('a', 'b') | {$2='b', t='a'}",
    })
    void literalsFillNamedInputParameters(String definition, String call, String expected) {
        Map<String, Token> arguments = CallArguments.of(tokens(definition), 0, tokens(call), name(call));
        Map<String, String> shown = new TreeMap<>();
        arguments.forEach((name, literal) -> shown.put(name, literal.text()));
        assertEquals(expected, shown.toString());
    }

    private static String name(String call) {
        return call.contains("drop_column") ? "drop_column" : call.contains("f(") ? "f" : "p";
    }

    private static List<Token> tokens(String sql) {
        return new Lexer(Dialect.AUTO).tokenize(sql).tokens();
    }
}
