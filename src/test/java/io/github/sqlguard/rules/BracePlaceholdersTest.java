package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SqlDataProvider scripts write every name as {@code {databaseOwner}{objectQualifier}Users}, the application
 * filling in the schema with its dot and a table prefix: the finding names the table as written, the statement is
 * not reported as unparsed, and a call of {@code {databaseOwner}sp_rename} is still a rename.
 */
class BracePlaceholdersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SQLSERVER | DELETE FROM {databaseOwner}{objectQualifier}Users\\nGO | 1:1 delete-without-where"
                + " DELETE without WHERE removes every row of {databaseOwner}{objectQualifier}Users",
        "AUTO | UPDATE {databaseOwner}[{objectQualifier}Users] SET Email = NULL\\nGO | 1:1 update-without-where"
                + " UPDATE without WHERE changes every row of {databaseOwner}[{objectQualifier}Users]",
        "SQLSERVER | UPDATE U SET U.Email = N'' FROM {databaseOwner}{objectQualifier}Users U\\nGO"
                + " | 1:1 update-without-where UPDATE without WHERE changes every row of"
                + " {databaseOwner}{objectQualifier}Users",
        "SQLSERVER | IF EXISTS (SELECT 1 FROM sys.objects"
                + " WHERE object_id = OBJECT_ID(N'{databaseOwner}{objectQualifier}Tasks'))"
                + "\\n    DROP TABLE {databaseOwner}{objectQualifier}Tasks\\nGO"
                + " | 2:5 drop-table DROP TABLE removes table {databaseOwner}{objectQualifier}Tasks and all its rows",
        "SQLSERVER | TRUNCATE TABLE {databaseOwner}{objectQualifier}Users\\nGO"
                + " | 1:1 truncate-table TRUNCATE removes every row of table {databaseOwner}{objectQualifier}Users",
        "SQLSERVER | EXEC {databaseOwner}sp_rename '{databaseOwner}[{objectQualifier}Users]',"
                + " '{objectQualifier}Members' | 1:1 rename-table"
                + " Renames table {databaseOwner}[{objectQualifier}Users] to {objectQualifier}Members",
        "SQLSERVER | DELETE FROM {databaseOwner}{objectQualifier}Users WHERE UserID = @UserID\\nGO | -",
        "SQLSERVER | UPDATE {databaseOwner}{objectQualifier}Users SET Flag = 0 WHERE {objectQualifier}Flag = 1 | -",
        "AUTO | DELETE FROM t WHERE ${prefix}_flag AND tenant = 3 | -",
    })
    void bracePlaceholderIsPartOfTheName(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }

    /**
     * MyBatis and Ruby write {@code #{name}}: read as T-SQL's temp-table prefix, the drop of a real table would pass
     * as a scratch table's, and read as MySQL's comment it would hide the statement's end.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "AUTO | DROP TABLE #{prefix}orders; | 1:1 drop-table DROP TABLE removes table #{prefix}orders and all its rows",
        "POSTGRESQL | DROP TABLE #{prefix}orders; | 1:1 drop-table DROP TABLE removes table #{prefix}orders and all"
                + " its rows",
        "MYSQL | DELETE FROM #{schema}.orders;\\nSELECT 1; | 1:1 delete-without-where DELETE without WHERE removes"
                + " every row of #{schema}.orders",
        "AUTO | TRUNCATE TABLE\\n#{prefix}orders; | 1:1 truncate-table TRUNCATE removes every row of table"
                + " #{prefix}orders",
        "SQLSERVER | DROP TABLE #orders; | -",
    })
    void hashBracePlaceholderIsPartOfTheName(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }
}
