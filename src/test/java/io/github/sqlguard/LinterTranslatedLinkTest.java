package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A link moved to another key of the row it names: {@code permission.user_id} named an account, and an UPDATE sets a
 * new column {@code permission.entity_id} to the account's other key before the old column is dropped. No two
 * accounts share an entity_id, so the account the new column names still holds each old value, and the drop loses
 * nothing, as long as the UPDATE reached every row and nothing wrote either column or either key since.
 */
class LinterTranslatedLinkTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "[{index}] {0} unique={1} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id); | INFO | values of user_id kept in account: the UPDATE at line 2 sets entity_id of each row to the entity_id of the account row whose user_id it held, and no two account rows share a value of entity_id
            POSTGRESQL | true  | UPDATE permission p SET entity_id = (SELECT a.entity_id FROM account a WHERE p.user_id = a.user_id); | INFO | values of user_id kept in account
            SQLSERVER  | true  | UPDATE [permission] SET [entity_id] = (SELECT [entity_id] FROM [account] WHERE [account].[user_id] = [permission].[user_id]); | INFO | values of user_id kept in account
            MYSQL      | true  | UPDATE permission JOIN account a ON a.user_id = permission.user_id SET permission.entity_id = a.entity_id; | INFO | values of user_id kept in account
            SQLSERVER  | true  | UPDATE p SET p.entity_id = a.entity_id FROM permission p JOIN account a ON a.user_id = p.user_id; | INFO | values of user_id kept in account
            POSTGRESQL | true  | UPDATE permission SET entity_id = a.entity_id FROM account a WHERE a.user_id = permission.user_id; | INFO | values of user_id kept in account
            POSTGRESQL | false | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id); | ERROR |
            MYSQL      | false | UPDATE permission JOIN account a ON a.user_id = permission.user_id SET permission.entity_id = a.entity_id; | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id) WHERE kind = 'READ'; | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id AND account.name = 'x'); | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.kind); | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT name FROM account WHERE account.user_id = permission.user_id); | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id); UPDATE permission SET entity_id = NULL WHERE kind = 'x'; | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id); UPDATE account SET entity_id = entity_id + 1; | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id); UPDATE account SET user_id = 7 WHERE name = 'x'; | ERROR |
            POSTGRESQL | true  | UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id); DELETE FROM account WHERE name = 'x'; | ERROR |
            """)
    void theDropOfALinkMovedToAnotherKeyBeforeIt(Dialect dialect, boolean unique, String translation,
            Severity expected, String note) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE account (user_id int PRIMARY KEY, entity_id int NOT NULL, name varchar(40)%s);
                CREATE TABLE permission (user_id int NOT NULL, kind varchar(20),
                    CONSTRAINT permission_account FOREIGN KEY (user_id) REFERENCES account (user_id));
                """.formatted(unique ? ", CONSTRAINT account_entity UNIQUE (entity_id)" : ""));
        TestProject.write(project, "db/V2__move.sql", """
                ALTER TABLE permission ADD entity_id int;
                %s
                ALTER TABLE permission DROP COLUMN user_id;
                """.formatted(translation.replace("; ", ";\n")));

        List<Finding> drops = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        if (note != null) {
            assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
        }
    }

    @ParameterizedTest(name = "[{index}] dangling noted={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ", CONSTRAINT permission_account FOREIGN KEY (user_id) REFERENCES account (user_id)" | NOT NULL | false
            ""                                                                                     | NOT NULL | true
            ", CONSTRAINT permission_account FOREIGN KEY (user_id) REFERENCES account (user_id)" | NULL     | true
            """)
    void aGuardedDropNotesTheDanglingReferencesUnlessAForeignKeyAndANotNullKeyRuleThemOut(String foreignKey,
            String nullability, boolean noted) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE account (user_id int PRIMARY KEY, entity_id int %s, CONSTRAINT account_entity UNIQUE (entity_id));
                CREATE TABLE permission (user_id int NOT NULL, kind varchar(20)%s);
                """.formatted(nullability, foreignKey));
        TestProject.write(project, "db/V2__move.sql", """
                ALTER TABLE permission ADD entity_id int;
                UPDATE permission SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = permission.user_id);
                ALTER TABLE permission DROP COLUMN user_id;
                """);

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertEquals(noted, drops.get(0).message().contains("dangling references"), drops.get(0).message());
        assertEquals(3, drops.get(0).location().line());
        assertEquals(24, drops.get(0).location().column());
    }
}
