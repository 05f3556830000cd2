package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestroyingNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fn_db_drop_column                          | drops columns or tables",
        "com.acme.upgrade.DropLegacyTablesTask      | drops columns or tables",
        "com.acme.upgrade.PurgeExpiredTokens        | deletes rows",
        "com.acme.upgrade.Cleanup$DeleteOrphanRows  | deletes rows",
        "com.acme.upgrade.RemoveDuplicateUsers      | deletes rows",
        "com.acme.upgrade.ClearOrphanedAttachments  | deletes rows",
        "V7__Delete_history                         | deletes rows",
        "com.acme.upgrade.ChangeColumnTypeOfAmount  | changes a column's type",
        "com.acme.upgrade.RemoveDuplicateIndexes    | ''",
        "com.acme.upgrade.RemoveDuplicateGrants     | ''",
        "com.acme.upgrade.MoveDeletedMessages       | ''",
        "com.acme.upgrade.FillMissingUuids          | ''",
        "com.acme.upgrade.Purge                     | ''",
        "''                                         | ''",
    })
    void theClassNameSaysWhatItDestroysOnlyInPlainWords(String className, String says) {
        assertEquals(says, DestroyingNames.whatTheClassNameSays(className));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "purgeOldRows       | purge,old,rows",
        "\"Drop_Col\"       | drop,col",
        "HL7sArchive        | hl7s,archive",
        "V2_1__Wipe         | v2,1,wipe",
    })
    void wordsSplitAtUnderscoresQuotesAndCamelCase(String name, String words) {
        assertEquals(List.of(words.split(",")), DestroyingNames.words(name));
    }
}
