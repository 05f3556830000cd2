package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecidedArmsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        // An IF whose condition the literals decide runs one arm; the others are left out with the IF around them.
        "POSTGRESQL # p='' # IF p = '' THEN s := s || ';'; ELSE s := s || ' WHERE x'; END IF; EXECUTE s;"
                + " # s := s || ';'; EXECUTE s;",
        "POSTGRESQL # p='a' # IF p = '' THEN s := 'x'; ELSE s := 'y'; END IF; EXECUTE s; # s := 'y'; EXECUTE s;",
        "POSTGRESQL # p=false # IF p THEN DROP TABLE t; END IF; RETURN; # RETURN;",
        "POSTGRESQL # p=true # IF NOT p THEN a(); ELSIF p AND 1 = 1 THEN b(); ELSE c(); END IF; # b();",
        "MYSQL # m='drop' # IF m = 'keep' THEN SET @s = 'x'; ELSEIF m = 'drop' THEN SET @s = 'y'; END IF; # SET @s = 'y';",
        "POSTGRESQL # p=null # IF p IS NULL THEN a(); END IF; # a();",
        // Nested blocks, loops and CASEs inside an arm stay whole; an undecided IF inside is kept as written.
        "POSTGRESQL # p=true # IF p THEN LOOP EXIT WHEN q; END LOOP; IF r THEN a(); END IF; END IF; x();"
                + " # LOOP EXIT WHEN q; END LOOP; IF r THEN a(); END IF; x();",
        // A CASE the literals decide gives one value where it stands.
        "POSTGRESQL # u=false # m = CASE WHEN u THEN 'UNIQUE' ELSE '' END; # m = '' ;",
        "POSTGRESQL # k='b' # s := 'a' || CASE k WHEN 'a' THEN 'x' WHEN 'b' THEN 'y' || 'z' END || 'c';"
                + " # s := 'a' || 'y' || 'z' || 'c';",
        "POSTGRESQL # p=true # CASE WHEN p THEN DELETE FROM t; ELSE NULL; END CASE; x(); # DELETE FROM t; x();",
        // Undecided: other names, a parameter the body assigns, case or blanks that a collation may ignore, a CASE
        // whose value would regroup what is around it.
        "POSTGRESQL # p='a' # IF q = 'a' THEN a(); END IF; # IF q = 'a' THEN a(); END IF;",
        "POSTGRESQL # p='a' # p := 'b'; IF p = 'a' THEN a(); END IF; # p := 'b'; IF p = 'a' THEN a(); END IF;",
        "MYSQL # p='A' # IF p = 'a' THEN a(); END IF; # IF p = 'a' THEN a(); END IF;",
        "POSTGRESQL # p=true # n := CASE WHEN p THEN 1 + 2 ELSE 3 END * 4; # n := CASE WHEN p THEN 1 + 2 ELSE 3 END * 4;",
        "POSTGRESQL # p=false # m := CASE WHEN p THEN 'x' END; # m := CASE WHEN p THEN 'x' END;",
    })
    void leavesOutTheArmsTheCallCannotRun(Dialect dialect, String argument, String body, String taken) {
        Map<String, Token> arguments = new LinkedHashMap<>();
        String[] nameValue = argument.split("=", 2);
        arguments.put(nameValue[0], tokens(dialect, nameValue[1]).get(0));

        assertEquals(taken, Token.written(DecidedArms.taken(tokens(dialect, body), arguments)));
    }

    private static List<Token> tokens(Dialect dialect, String text) {
        return new Lexer(dialect).tokenize(text).tokens().stream()
                .filter(token -> token.type() != TokenType.COMMENT).toList();
    }
}
