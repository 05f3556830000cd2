package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL enum changed as Prisma changes it (a new type, the column cast to it, the types renamed, the old one
 * dropped) is judged by the values of the two types: one added loses nothing, one left out fails every row
 * holding it.
 */
class LinterPostgresEnumRetypeTest {

    private static final String INIT = "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN', 'GUEST');\n"
            + "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, \"role\" \"Role\" NOT NULL DEFAULT 'USER',"
            + " CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n";

    /** Prisma's order: the new type first, renamed over the old one after the cast. */
    private static String newTypeFirst(String values) {
        return "BEGIN;\n"
                + "CREATE TYPE \"Role_new\" AS ENUM (" + values + ");\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" DROP DEFAULT;\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"Role_new\" USING (\"role\"::text::\"Role_new\");\n"
                + "ALTER TYPE \"Role\" RENAME TO \"Role_old\";\n"
                + "ALTER TYPE \"Role_new\" RENAME TO \"Role\";\n"
                + "DROP TYPE \"Role_old\";\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" SET DEFAULT 'USER';\n"
                + "COMMIT;\n";
    }

    /** The other common order: the old type renamed away first, the new one created under its name. */
    private static String oldTypeRenamedFirst(String values) {
        return "ALTER TYPE \"Role\" RENAME TO \"Role_old\";\n"
                + "CREATE TYPE \"Role\" AS ENUM (" + values + ");\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" DROP DEFAULT;\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"Role\" USING \"role\"::text::\"Role\";\n"
                + "DROP TYPE \"Role_old\";\n";
    }

    @TempDir
    Path project;

    @Test
    void addedValueLosesNothingAndTheOldTypeIsDroppedUnused() throws IOException {
        write("1_init", INIT);
        write("2_add", newTypeFirst("'USER', 'ADMIN', 'GUEST', 'OWNER'"));
        write("3_add_again", oldTypeRenamedFirst("'OWNER', 'USER', 'ADMIN', 'GUEST', 'BOT'"));

        assertEquals(List.of(), lint(null));
    }

    @Test
    void removedValueIsNamedInEitherOrderFollowingTheRenames() throws IOException {
        write("1_init", INIT);
        write("2_remove", newTypeFirst("'USER', 'ADMIN'"));
        write("3_remove_again", oldTypeRenamedFirst("'ADMIN'"));

        List<Finding> findings = lint("alter-column-type");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals(4, findings.get(0).location().line());
        assertEquals("ALTER TABLE \"User\" changes the type of column \"role\" from \"Role\" to \"Role_new\""
                + " (leaves out value 'GUEST': rows holding it make the statement fail)", findings.get(0).message());
        assertEquals("ALTER TABLE \"User\" changes the type of column \"role\" from \"Role_old\" to \"Role\""
                + " (leaves out value 'USER': rows holding it make the statement fail)", findings.get(1).message());
        assertEquals(List.of(), lint("drop-column"));
    }

    @Test
    void valuesAddedAndRenamedInEarlierMigrationsCount() throws IOException {
        write("1_init", INIT);
        write("2_add_value", "ALTER TYPE \"Role\" ADD VALUE IF NOT EXISTS 'OWNER' BEFORE 'ADMIN';\n"
                + "ALTER TYPE \"Role\" ADD VALUE 'BOT' AFTER 'GUEST';\n"
                + "ALTER TYPE \"Role\" RENAME VALUE 'GUEST' TO 'VISITOR';\n");
        write("3_keep", newTypeFirst("'USER', 'OWNER', 'ADMIN', 'VISITOR', 'BOT'"));
        write("4_narrow", oldTypeRenamedFirst("'USER', 'ADMIN', 'VISITOR'"));

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE \"User\" changes the type of column \"role\" from \"Role_old\" to \"Role\""
                + " (leaves out values 'OWNER', 'BOT': rows holding them make the statement fail)",
                findings.get(0).message());
    }

    @Test
    void valuesMovedAwayFirstAreNotLostAndADropCascadeFindsTheColumnUnderItsNewTypeName() throws IOException {
        write("1_init", INIT);
        write("2_move", "UPDATE \"User\" SET \"role\" = 'USER' WHERE \"role\" = 'GUEST';\n"
                + newTypeFirst("'USER', 'ADMIN'") + "DROP TYPE \"Role\" CASCADE;\n");

        assertEquals(List.of(), lint("alter-column-type"));
        List<Finding> dropped = lint("drop-column");
        assertEquals(1, dropped.size(), dropped.toString());
        assertEquals("DROP TYPE \"Role\" CASCADE also drops column User.role of type \"Role\", with every value"
                + " in it", dropped.get(0).message());
    }

    /**
     * Rows deleted by their value hold it no more, as rows moved away from it do not: the narrowing after loses
     * nothing on them. A DELETE whose WHERE also asks something else may leave rows holding it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM "User" WHERE "role" = 'GUEST'; |
            DELETE FROM ONLY "User" WHERE ("role" IN ('GUEST', 'ADMIN')); |
            DELETE FROM "User" WHERE "role" = 'GUEST' AND "id" > 5; | GUEST
            DELETE FROM "User" WHERE "role" = 'ADMIN'; | GUEST
            DELETE FROM "User" WHERE "role" = 'GUEST'; INSERT INTO "User" ("id", "role") VALUES (9, 'GUEST'); | GUEST
            """)
    void valuesDeletedFirstAreNotLost(String delete, String lost) throws IOException {
        write("1_init", INIT);
        write("2_delete", delete.replace("; ", ";\n") + "\n" + newTypeFirst("'USER', 'ADMIN'"));

        List<String> findings = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(lost == null ? List.of() : List.of("ALTER TABLE \"User\" changes the type of column \"role\""
                + " from \"Role\" to \"Role_new\" (leaves out value '" + lost + "': rows holding it make the"
                + " statement fail)"), findings);
    }

    @Test
    void aValueMovedAwayFromASchemaQualifiedEnumIsNotLost() throws IOException {
        write("1_init", INIT);
        write("2_move", "UPDATE \"public\".\"User\" SET \"role\" = 'USER' WHERE \"role\" = 'GUEST';\n"
                + newTypeFirst("'USER', 'ADMIN'").replace("\"Role", "\"public\".\"Role")
                        .replace("\"User\"", "\"public\".\"User\""));

        assertEquals(List.of(), lint("alter-column-type"));
    }

    @Test
    void aSchemaQualifiedTypeIsNamedAsWrittenWithoutSpacesAroundItsDot() throws IOException {
        write("1_init", INIT);
        write("2_remove", newTypeFirst("'USER', 'ADMIN'").replace("\"Role_new", "\"public\".\"Role_new"));

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE \"User\" changes the type of column \"role\" from \"Role\" to \"public\".\"Role_new\""
                + " (leaves out value 'GUEST': rows holding it make the statement fail)", findings.get(0).message());
    }

    @Test
    void anArrayTypeIsNamedAsWrittenWithoutSpacesInItsBrackets() throws IOException {
        write("1_init", "CREATE TABLE \"Note\" (\"id\" INT PRIMARY KEY, \"tags\" text[], \"grid\" int[3][3]);\n");
        write("2_retype", "ALTER TABLE \"Note\" ALTER COLUMN \"tags\" TYPE jsonb USING to_jsonb(\"tags\");\n"
                + "ALTER TABLE \"Note\" ALTER COLUMN \"grid\" TYPE jsonb USING to_jsonb(\"grid\");\n");

        List<String> findings = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE \"Note\" changes the type of column \"tags\" from text[] to jsonb"
                + " (other to json can fail or change values)", "ALTER TABLE \"Note\" changes the type of column"
                + " \"grid\" from int[3][3] to jsonb (other to json can fail or change values)"), findings);
    }

    @Test
    void aCastInParenthesesAsPrismaWritesItIsOnlyACast() throws IOException {
        write("1_init", "CREATE TABLE \"Note\" (\"id\" INT PRIMARY KEY, \"body\" VARCHAR(100));\n");
        write("2_widen", "ALTER TABLE \"Note\" ALTER COLUMN \"body\" TYPE text USING ((\"body\"::text));\n");

        assertEquals(List.of(), lint("alter-column-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"USING \"role\"::\"Role_new\"", "USING (\"role\"::text::\"Role_new\")", ""})
    void schemaQualifiedTypesAndEveryPlainCastAreCompared(String using) throws IOException {
        write("1_init", "CREATE TYPE \"public\".\"Role\" AS ENUM ('USER', 'ADMIN');\n"
                + "CREATE TABLE \"User\" (\"id\" INT PRIMARY KEY, \"role\" \"public\".\"Role\" NOT NULL);\n");
        write("2_add", "CREATE TYPE \"public\".\"Role_new\" AS ENUM ('USER', 'ADMIN', 'OWNER');\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"public\".\"Role_new\" " + using + ";\n");

        assertEquals(List.of(), lint("alter-column-type"));
    }

    /**
     * A USING that maps some values with CASE and casts the others in its ELSE is judged by where each old value
     * ends: a value mapped away from the left-out ones does not fail, one mapped onto a value that rows already
     * hold merges them, and one mapped to a new value is only renamed. The cast may follow the whole CASE, whose
     * WHEN and ELSE then read the column's label as text, as hand-edited Prisma migrations write it; a CASE whose
     * ELSE is not the column, or without ELSE, or cast to another type, is not judged by its values.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            USING (CASE WHEN "role" = 'GUEST' THEN 'USER'::"Role_new" ELSE "role"::text::"Role_new" END) | 'USER', 'ADMIN' | merges 'GUEST' into 'USER': rows holding either can no longer be told apart
            USING CASE "role" WHEN 'GUEST' THEN 'USER' WHEN 'ADMIN' THEN 'USER' ELSE "role"::"Role_new" END | 'USER' | merges 'ADMIN', 'GUEST' into 'USER': rows holding any of them can no longer be told apart
            USING CASE WHEN "role" = 'GUEST' THEN 'VISITOR'::"Role_new" ELSE "role"::text::"Role_new" END | 'USER', 'ADMIN', 'VISITOR' |
            USING CASE WHEN "role" = 'GUEST' THEN 'USER' ELSE "role"::text::"Role_new" END | 'USER' | leaves out value 'ADMIN': rows holding it make the statement fail; merges 'GUEST' into 'USER': rows holding either can no longer be told apart
            USING (CASE WHEN "role"::text = 'GUEST' THEN 'VISITOR' ELSE "role"::text END)::"Role_new" | 'USER', 'ADMIN', 'VISITOR' |
            USING ((CASE WHEN "role"::text = 'GUEST' THEN 'USER' ELSE "role"::text END)::"Role_new") | 'USER', 'ADMIN' | merges 'GUEST' into 'USER': rows holding either can no longer be told apart
            USING CASE "role"::text WHEN 'GUEST' THEN 'VISITOR' ELSE "role" END::"Role_new" | 'USER', 'VISITOR' | leaves out value 'ADMIN': rows holding it make the statement fail
            USING (CASE WHEN "role"::text = 'GUEST' THEN 'USER' ELSE 'ADMIN' END)::"Role_new" | 'USER', 'ADMIN' | types not compared
            USING (CASE WHEN "role"::text = 'GUEST' THEN 'USER' END)::"Role_new" | 'USER', 'ADMIN' | types not compared; its USING (CASE WHEN "role"::text = 'GUEST' THEN 'USER' .. has no ELSE, so every value it does not list becomes NULL
            USING (CASE WHEN "role"::text = 'GUEST' THEN 'USER' ELSE "role"::text END)::"Other" | 'USER', 'ADMIN' | types not compared
            """)
    void aCaseThatMapsValuesIsJudgedByWhereEachValueEnds(String using, String values, String expected)
            throws IOException {
        write("1_init", INIT);
        write("2_map", "CREATE TYPE \"Role_new\" AS ENUM (" + values + ");\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" DROP DEFAULT;\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"Role_new\" " + using + ";\n");

        List<String> findings = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(expected == null ? List.of() : List.of("ALTER TABLE \"User\" changes the type of column"
                + " \"role\" from \"Role\" to \"Role_new\" (" + expected + ")"), findings);
    }

    @Test
    void anEnumListIsJudgedByTheValuesAsPrismaCastsIt() throws IOException {
        write("1_init", INIT.replace(" NOT NULL DEFAULT 'USER',", " NOT NULL DEFAULT 'USER', \"roles\" \"Role\"[],"));
        String role = "USING (\"role\"::text::\"Role_new\");\n";
        String roles = role + "ALTER TABLE \"User\" ALTER COLUMN \"roles\" TYPE \"Role_new\"[]"
                + " USING (\"roles\"::text::\"Role_new\"[]);\n";
        write("2_add", newTypeFirst("'USER', 'ADMIN', 'GUEST', 'OWNER'").replace(role, roles));
        write("3_remove", newTypeFirst("'USER', 'ADMIN', 'OWNER'").replace(role, roles));

        List<String> findings = lint("alter-column-type").stream()
                .map(f -> f.location().path().replaceAll(".*/migrations/", "") + ":" + f.location().line() + " "
                        + f.message()).toList();

        assertEquals(List.of("3_remove/migration.sql:4 ALTER TABLE \"User\" changes the type of column \"role\""
                + " from \"Role\" to \"Role_new\" (leaves out value 'GUEST': rows holding it make the statement fail)",
                "3_remove/migration.sql:5 ALTER TABLE \"User\" changes the type of column \"roles\" from \"Role\"[]"
                        + " to \"Role_new\"[] (leaves out value 'GUEST': rows holding it make the statement fail)"),
                findings);
    }

    /**
     * A list moved off a value first, in every row ({@code array_replace(roles, 'GUEST', 'USER')}, {@code
     * array_remove(roles, 'GUEST')}), holds it no more when the new type leaves it out; one moved only in some rows,
     * or a value put back in afterwards, still fails.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE "User" SET "roles" = array_replace("roles", 'GUEST', 'USER'); |
            UPDATE "User" SET "roles" = array_replace("roles", 'GUEST'::"Role", 'USER'::"Role"); |
            UPDATE "User" SET "roles" = ARRAY_REMOVE("roles", 'GUEST'); |
            UPDATE "User" SET "roles" = array_replace("roles", 'GUEST', 'USER') WHERE "id" > 5; | GUEST
            UPDATE "User" SET "roles" = array_replace("roles", 'ADMIN', 'USER'); | GUEST
            UPDATE "User" SET "roles" = array_remove("roles", 'GUEST'); UPDATE "User" SET "roles" = array_replace("roles", 'USER', 'GUEST'); | GUEST
            """)
    void enumListsMovedOffAValueFirstDoNotLoseIt(String update, String lost) throws IOException {
        write("1_init", INIT.replace(" NOT NULL DEFAULT 'USER',", " NOT NULL DEFAULT 'USER', \"roles\" \"Role\"[],"));
        write("2_move", update.replace("; ", ";\n") + "\nCREATE TYPE \"Role_new\" AS ENUM ('USER', 'ADMIN');\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"roles\" TYPE \"Role_new\"[]"
                + " USING (\"roles\"::text::\"Role_new\"[]);\n");

        List<String> findings = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(lost == null ? List.of() : List.of("ALTER TABLE \"User\" changes the type of column \"roles\""
                + " from \"Role\"[] to \"Role_new\"[] (leaves out value '" + lost + "': rows holding it make the"
                + " statement fail)"), findings);
    }

    @Test
    void unknownEnumsAndMappingUsingsKeepTheirJudgement() throws IOException {
        // Role is created outside the scanned migrations; Kind is known, but its USING maps values.
        write("1_init", "CREATE TYPE \"Kind\" AS ENUM ('A', 'B', 'X');\n"
                + "CREATE TABLE \"User\" (\"id\" INT PRIMARY KEY, \"role\" \"Role\" NOT NULL,"
                + " \"kind\" \"Kind\");\n"
                + "CREATE TYPE \"Kind_new\" AS ENUM ('A', 'B');\n");
        write("2_change", "CREATE TYPE \"Role_new\" AS ENUM ('USER', 'ADMIN', 'OWNER');\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"Role_new\" USING (\"role\"::text::\"Role_new\");\n"
                + "ALTER TABLE \"User\" ALTER COLUMN \"kind\" TYPE \"Kind_new\""
                + " USING CASE WHEN \"kind\" = 'X' THEN 'A' ELSE 'B' END::\"Kind_new\";\n");

        List<Finding> findings = lint("alter-column-type");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals("ALTER TABLE \"User\" changes the type of column \"role\" from \"Role\" to \"Role_new\""
                + " (types not compared)", findings.get(0).message());
        assertEquals("ALTER TABLE \"User\" changes the type of column \"kind\" from \"Kind\" to \"Kind_new\""
                + " (types not compared)", findings.get(1).message());
    }

    /**
     * A down migration turns an enum column back into text before it drops the type (ente's
     * {@code ALTER COLUMN role_type TYPE TEXT}): every label has its text form, with no dialect configured too, as
     * only the PostgreSQL family creates such enums; a VARCHAR too short for a label fails on its rows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TEXT", "TEXT USING role_type::text", "VARCHAR", "CHARACTER VARYING(5)", "citext"})
    void anEnumTurnedIntoTextLongEnoughForEveryLabelLosesNothing(String type) throws IOException {
        TestProject.write(project, "db/migrations/1_init.up.sql", ROLES);
        TestProject.write(project, "db/migrations/2_text.up.sql",
                "ALTER TABLE shares ALTER COLUMN role_type TYPE " + type + ";\nDROP TYPE role_enum;\n");

        assertEquals(List.of(), lint("alter-column-type", Dialect.AUTO));
        assertEquals(List.of(), lint("alter-column-type", Dialect.POSTGRESQL));
    }

    @Test
    void anEnumTurnedIntoAVarcharTooShortForSomeLabelsNamesThem() throws IOException {
        TestProject.write(project, "db/migrations/1_init.up.sql", ROLES);
        TestProject.write(project, "db/migrations/2_text.up.sql",
                "ALTER TABLE shares ALTER COLUMN role_type TYPE VARCHAR(4);\n");

        List<Finding> findings = lint("alter-column-type", Dialect.AUTO);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE shares changes the type of column role_type from role_enum to VARCHAR(4)"
                + " (leaves out value 'ADMIN': rows holding it make the statement fail)", findings.get(0).message());
    }

    private static final String ROLES = "CREATE TYPE role_enum AS ENUM ('VIEW', 'EDIT', 'ADMIN');\n"
            + "CREATE TABLE shares (id BIGINT PRIMARY KEY, role_type role_enum NOT NULL DEFAULT 'VIEW');\n";

    private void write(String folder, String text) throws IOException {
        TestProject.write(project, "db/prisma/migrations/" + folder + "/migration.sql", text);
        TestProject.write(project, "db/prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
    }

    private List<Finding> lint(String rule) {
        return lint(rule, Dialect.POSTGRESQL);
    }

    private List<Finding> lint(String rule, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> rule == null || f.ruleId().equals(rule)).toList();
    }
}
