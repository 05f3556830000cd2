package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INSERT OVERWRITE}, which empties its target before it inserts: Snowflake's {@code INSERT OVERWRITE INTO t}
 * and {@code INSERT OVERWRITE ALL INTO a .. INTO b ..}, Hive's, Spark's and Databricks' {@code INSERT OVERWRITE
 * [TABLE] t [PARTITION (..)]}. Whatever the SELECT returns, every row the table held before is gone. Hive's
 * {@code INSERT OVERWRITE [LOCAL] DIRECTORY '..'} writes files and names no table. Hive's and Spark's
 * {@code LOAD DATA [LOCAL] INPATH '..' OVERWRITE INTO TABLE t} does the same with the files it loads.
 */
final class OverwritingInsert {

    /**
     * One overwritten table.
     *
     * @param words the statement's words a message names it by: {@code INSERT OVERWRITE} or {@code LOAD DATA ..
     *     OVERWRITE}
     * @param at the {@code OVERWRITE} word
     * @param table the table as written
     * @param partition true when a {@code PARTITION (..)} limits the overwrite to the partition it names
     */
    record Overwritten(String words, Token at, String table, boolean partition) {
    }

    private OverwritingInsert() {
    }

    static List<Overwritten> of(List<Token> core) {
        if (core.size() > 2 && core.get(0).isWord("LOAD") && core.get(1).isWord("DATA")) {
            return loadedData(core);
        }
        if (core.size() < 3 || !core.get(0).isWord("INSERT") || !core.get(1).isWord("OVERWRITE")) {
            return List.of();
        }
        Token at = core.get(1);
        List<Overwritten> found = new ArrayList<>();
        if (core.get(2).isAnyWord("ALL", "FIRST")) {
            for (int i = 3; i < core.size(); i++) {
                if (core.get(i).isWord("INTO") && i + 1 < core.size()) {
                    ObjectNames.NameAt name = ObjectNames.readName(core, i + 1);
                    if (name != null) {
                        found.add(new Overwritten("INSERT OVERWRITE", at, name.text(), false));
                    }
                }
            }
            return found;
        }
        int i = 2;
        if (core.get(i).isAnyWord("LOCAL", "DIRECTORY")) {
            return List.of();
        }
        if (core.get(i).isAnyWord("INTO", "TABLE")) {
            i++;
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, i);
        if (name != null) {
            boolean partition = name.next() < core.size() && core.get(name.next()).isWord("PARTITION");
            found.add(new Overwritten("INSERT OVERWRITE", at, name.text(), partition));
        }
        return found;
    }

    /** Hive, Spark: {@code LOAD DATA [LOCAL] INPATH '..' OVERWRITE INTO TABLE t [PARTITION (..)]}. */
    private static List<Overwritten> loadedData(List<Token> core) {
        for (int i = 2; i + 3 < core.size(); i++) {
            if (core.get(i).isWord("OVERWRITE") && core.get(i + 1).isWord("INTO") && core.get(i + 2).isWord("TABLE")) {
                ObjectNames.NameAt name = ObjectNames.readName(core, i + 3);
                if (name == null) {
                    return List.of();
                }
                boolean partition = name.next() < core.size() && core.get(name.next()).isWord("PARTITION");
                return List.of(new Overwritten("LOAD DATA .. OVERWRITE", core.get(i), name.text(), partition));
            }
        }
        return List.of();
    }
}
