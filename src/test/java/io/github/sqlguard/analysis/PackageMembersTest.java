package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oracle package bodies: each member spans its own text, up to the END that closes its block. */
class PackageMembersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // Each member ends at its END name;, whatever its body's IF, LOOP and CASE hold.
        "CREATE OR REPLACE PACKAGE BODY m AS PROCEDURE a IS BEGIN IF x THEN FOR r IN c LOOP NULL; END LOOP; END IF;"
                + " CASE y WHEN 1 THEN z := CASE WHEN q THEN 1 END; END CASE; END a; FUNCTION b RETURN NUMBER IS"
                + " BEGIN RETURN 1; END; END m; | m.a: PROCEDURE a .. END a; ;; m.b: FUNCTION b .. 1; END;",
        // A local subprogram and a nested block belong to their member; a forward declaration is no member.
        "CREATE PACKAGE BODY app.m IS PROCEDURE b; PROCEDURE a IS PROCEDURE local IS BEGIN NULL; END; BEGIN DECLARE"
                + " n NUMBER; BEGIN local; END; END a; PROCEDURE b IS BEGIN NULL; END b; END m; | m.a: PROCEDURE a .."
                + " END a; ;; m.b: PROCEDURE b .. END b;",
        // A call specification is a member; the initialization section is one named as the package.
        "CREATE PACKAGE BODY m AS PROCEDURE j IS LANGUAGE JAVA NAME 'A.b()'; PROCEDURE a IS BEGIN NULL; END; BEGIN"
                + " init; END m; | m.j: PROCEDURE j .. NAME 'A.b()'; ;; m.a: PROCEDURE a .. NULL; END; ;; m: BEGIN init; .. END m;",
    })
    void membersSpanTheirOwnText(String sql, String expected) {
        List<Token> tokens = new Lexer(Dialect.ORACLE).tokenize(sql).tokens();
        List<String> members = RoutineNames.definition(tokens).members().stream()
                .map(member -> member.name() + ": " + shown(sql, member)).toList();
        assertEquals(List.of(expected.split(" ;; ")), members);
    }

    private static String shown(String sql, RoutineNames.Member member) {
        String text = sql.substring(member.fromOffset(), member.toOffset()).strip();
        String[] words = text.split(" ");
        return words[0] + " " + words[1] + " .. " + words[words.length - 2] + " " + words[words.length - 1];
    }
}
