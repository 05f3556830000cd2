package io.github.sqlguard.rules;

import java.util.List;

/** The rules for statements that destroy data or break running code; the registry includes them all. */
public final class DataLossRules {

    private DataLossRules() {
    }

    /** A fresh instance of every data-loss rule, errors first. */
    public static List<Rule> all() {
        return List.of(new TruncateTableRule(), new DropTableRule(), new DropColumnRule(), new DropSchemaRule(),
                new DropDatabaseRule(), new DropPartitionRule(), new DeleteHistoryRule(), new FlashbackTableRule(),
                new AlterIgnoreUniqueRule(), new RenameTableRule(), new RenameColumnRule(),
                new AlterColumnTypeRule(), new DeleteBeforeNarrowingRule(), new NotNullFillsNullsRule(), new ReplaceIntoRule(), new UnloggedTableRule(), new CascadingDeleteRule(), new DedupeKeepsNoCopyRule(),
                new CascadeRule());
    }
}
