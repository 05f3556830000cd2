package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a DECLARE in a body starts, and the token the body's scanner goes on at after it. */
class BodyDeclaresTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // A local or cursor: the scanner goes on at the end of its statement.
        "MYSQL      | true  | true  | DECLARE done INT DEFAULT 0; DELETE FROM t;                    | LOCAL             | ;",
        "MYSQL      | true  | true  | DECLARE c CURSOR FOR SELECT id FROM t; OPEN c;                | LOCAL             | ;",
        // A handler: the scanner goes on at the statement it runs.
        "MYSQL      | true  | true  | DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;          | NOT_FOUND_HANDLER | SET",
        "MYSQL      | true  | true  | DECLARE EXIT HANDLER FOR SQLEXCEPTION ROLLBACK;               | CONDITION_HANDLER | ROLLBACK",
        "MYSQL      | true  | true  | DECLARE CONTINUE HANDLER FOR SQLSTATE '42S01' SET x = 1;      | CONDITION_HANDLER | SET",
        // NOT FOUND among other conditions: the handler also takes failures.
        "MYSQL      | true  | true  | DECLARE CONTINUE HANDLER FOR NOT FOUND, SQLEXCEPTION SET x = 1; | CONDITION_HANDLER | SET",
        // A section: the scanner goes on at its first declaration.
        "POSTGRESQL | false | true  | DECLARE n integer; BEGIN DELETE FROM t; END;                  | SECTION           | n",
        "ORACLE     | false | true  | DECLARE v NUMBER; BEGIN DELETE FROM t; END;                   | SECTION           | v",
        // Inside a declaration section, even where DECLARE declares locals, it starts a nested one.
        "MYSQL      | true  | false | DECLARE x INT; BEGIN DELETE FROM t; END;                      | SECTION           | x",
    })
    void readsWhatTheDeclareStarts(Dialect dialect, boolean localDeclare, boolean statementLevel, String body,
            BodyDeclares.Kind kind, String nextToken) {
        List<Token> tokens = new Lexer(dialect).tokenize(body).tokens().stream()
                .filter(token -> token.type() != TokenType.COMMENT).toList();

        BodyDeclares.Declare declare = new BodyDeclares(localDeclare).at(tokens, 0, tokens.size(), statementLevel);

        assertEquals(kind, declare.kind());
        assertEquals(nextToken, tokens.get(declare.next()).text());
    }
}
