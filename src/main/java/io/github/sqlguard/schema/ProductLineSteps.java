package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Upgrade steps of two or more product lines kept in one folder ({@code core-6.0-to-6.1.sql}, {@code
 * core-6.1-to-6.2.sql} beside {@code suite-6.0-to-6.1.sql}, {@code suite-6.1-to-6.2.sql}): the words before the
 * first version name the line, and an installation of one line runs that line's steps alone. Each line is a history
 * of its own, as copies of one schema's folders are ({@link MirroredFolders}); replayed one after the other, by the
 * version each step reaches, the first line's {@code MODIFY} would give a column the type the other line then
 * changes it to, and hide that line's own change, or create a table the other line creates again with other
 * columns, and leave its types unknown. A script of the folder that belongs to no line ({@code
 * scheduler-upgrade.sql}) runs in every line's history.
 *
 * <p>A folder holds product lines when at least two words open the names of two or more steps each; steps that
 * all open with one word ({@code upgrade-1.0-to-1.1.sql}) are one line, and a lone step under another word is no
 * line of its own. A word that names a part of one step ({@code schema-1.0-to-1.1.sql} beside {@code
 * data-1.0-to-1.1.sql}, {@code pre-} and {@code post-}) names no line: those parts run on one database, one after
 * the other.
 */
final class ProductLineSteps {

    /** The fewest steps a word must open for its steps to be a line rather than one script's odd name. */
    private static final int STEPS_OF_A_LINE = 2;

    /** Last words of a step's name that name a part of one upgrade rather than a product. */
    private static final Set<String> PARTS_OF_ONE_STEP = Set.of("schema", "data", "ddl", "dml", "before", "pre",
            "after", "post");

    private ProductLineSteps() {
    }

    /**
     * By history, the start of the path of each line's steps ({@code db/upgrade/core-}), for every folder that
     * holds two or more lines.
     */
    static Map<String, List<String>> of(List<MirroredFolders.PlainScript> scripts) {
        Map<List<String>, Map<String, Integer>> stepsByWordsByFolder = new HashMap<>();
        for (MirroredFolders.PlainScript script : scripts) {
            String path = script.path();
            int nameStart = path.lastIndexOf('/') + 1;
            UpgradeStepNames.leadingWords(path.substring(nameStart)).ifPresent(words -> stepsByWordsByFolder
                    .computeIfAbsent(List.of(script.history(), path.substring(0, nameStart)), k -> new TreeMap<>())
                    .merge(words, 1, Integer::sum));
        }
        Map<String, List<String>> linesByHistory = new HashMap<>();
        stepsByWordsByFolder.forEach((historyAndFolder, stepsByWords) -> {
            List<String> lines = new ArrayList<>();
            stepsByWords.forEach((words, steps) -> {
                if (steps >= STEPS_OF_A_LINE) {
                    lines.add(historyAndFolder.get(1) + words);
                }
            });
            if (lines.size() > 1 && stepsByWords.keySet().stream().noneMatch(ProductLineSteps::namesAPart)) {
                linesByHistory.merge(historyAndFolder.get(0), lines, (known, added) -> {
                    TreeSet<String> all = new TreeSet<>(known);
                    all.addAll(added);
                    return List.copyOf(all);
                });
            }
        });
        return linesByHistory;
    }

    /** Whether the last of {@code words} ({@code app-data-}) names a part of one step rather than a product line. */
    private static boolean namesAPart(String words) {
        String[] each = words.toLowerCase(Locale.ROOT).split("[-_]");
        return each.length > 0 && PARTS_OF_ONE_STEP.contains(each[each.length - 1]);
    }
}
