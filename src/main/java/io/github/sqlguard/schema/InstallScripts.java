package io.github.sqlguard.schema;

import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.source.FlywayVersion;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scripts that install the latest schema in one go, kept beside a folder of version steps that upgrade an older
 * one: {@code schema.sql} next to {@code versioned/v0.1/base.sql} .. {@code versioned/v0.8/x.sql} (as some
 * projects' schema tools keep them), {@code chat_mysql.sql} next to {@code upgrade/9/chat_mysql.sql}. The tool runs
 * the one on a new database and the steps on an existing one, never both, so each is a history of its own: replayed
 * first, the install script would have every step's table "created again, with other columns" and leave each
 * type change of the steps without the type it changes.
 *
 * <p>A folder of version steps is one holding two or more folders named as versions ({@code v0.1}, {@code 9},
 * {@code 2.0.1}, {@code 3.0.0_schema}) that hold scripts, directly or in a folder per database
 * ({@code 3.0.0_schema/mysql/}), and is not itself named as a version ({@code 2023/01/} are dates), or one
 * holding two or more scripts each named for the step from one version to the next ({@code update/update_5.0-5.1.sql},
 * {@code upgrade/v4.3.x-v5.0.x.sql}, {@code upgrade/1.2_to_1.3.sql}), or a single one beside a script named for one of
 * its two versions ({@code upgrade-1.0.0-to-1.1.0.sql} beside {@code schema-1.0.0.sql}). The install scripts are the files directly in
 * the folder above it and, for a folder of steps named for a database ({@code update/postgres/}), the files in the
 * folder of that name beside the one above ({@code postgres/}), where projects that keep one tree per database put
 * that database's install script, and those in the folder of that name in another tree beside the steps' one
 * ({@code db/ddl-scripts/mysql5/} beside {@code db/upgrade-scripts/mysql5/}, as some projects keep them), and, for
 * steps named for their database by their last word ({@code db/upgrade/1.3.0-upgrade-1.4.0-mysql.sql}), those in
 * the folder of that name in another tree beside theirs ({@code db/init/mysql/}). A script named for one version in
 * the folder of such step scripts
 * ({@code hive-schema-3.1.0.mysql.sql} beside {@code upgrade-3.0.0-to-3.1.0.mysql.sql}, as Hive keeps them)
 * installs that version, alone. A folder named for upgrading ({@code upgrade/}, {@code update/}), or a folder per
 * database in one ({@code upgrade/mysql/}), holding two or more scripts each named for the one release it upgrades to
 * ({@code upgrade-pre-0.9.10.sql}, {@code 2.1.0.sql}) is a folder of version steps too; beside a folder per database,
 * a script in another tree whose name names that database ({@code schema/mysql-schema.sql},
 * {@code data/mysql-data.sql} beside {@code upgrade/mysql/2.1.0.sql}) installs it. A {@code baseline/} folder in the
 * folder above the steps or in a tree there ({@code db/liquibase/baseline/} beside {@code db/upgrade/}) holds the
 * schema of one release that new databases start from, a history of its own as well, and so are the full schemas
 * kept per version beside the steps ({@link VersionSnapshots}), the latest of which the steps run after when none
 * of them stands at or below its version.
 */
final class InstallScripts {

    private static final Pattern VERSION_FOLDER = Pattern.compile("v?\\d+(?:[._]\\d+)*", Pattern.CASE_INSENSITIVE);

    /**
     * A folder named for a dotted version and a word ({@code 3.0.0_schema/}, as some projects keep their upgrade
     * steps). The dots tell it from a numbered migration's folder ({@code 1_init/}).
     */
    private static final Pattern NAMED_VERSION_FOLDER = Pattern.compile("v?\\d+(?:\\.\\d+)+[-_][a-z][a-z0-9]*",
            Pattern.CASE_INSENSITIVE);

    /**
     * A folder named for the step from one version to a later one ({@code delta/v230-v240/}, {@code 1.2_to_1.3/}),
     * as some projects keep their upgrade scripts. The later version must be higher: {@code 2023-01} is a month.
     */
    private static final Pattern VERSION_RANGE_FOLDER = Pattern.compile(
            "v?(?<from>\\d+(?:\\.\\d+)*)(?:-|[-_.]to[-_.])v?(?<to>\\d+(?:\\.\\d+)*)", Pattern.CASE_INSENSITIVE);

    /**
     * What stands between the two versions of a step script's name: one {@code -} or {@code _}, or a {@code to} or
     * {@code upgrade} between them ({@code 1.2_to_1.3.sql}, {@code 1.3.0-upgrade-1.4.0-mysql.sql}).
     */
    private static final String STEP_JOINER = "(?:[-_]|[-_.](?:to|upgrade)[-_.])";

    /**
     * A script named for an upgrade between two dotted versions, {@code x} standing for any number, joined by
     * {@link #STEP_JOINER}. PostgreSQL's extension updates ({@code ext--1.0--1.1.sql}) are not meant: they are
     * ordered by their own rules.
     */
    private static final Pattern VERSION_STEP_FILE = Pattern.compile(
            "(?:.*[^0-9a-z])?" + dotted("from") + STEP_JOINER + dotted("to") + "(?:[-_.][^/]*)?\\.sql",
            Pattern.CASE_INSENSITIVE);

    /**
     * A script named for an upgrade between two versions written without dots, joined by a {@code to}:
     * {@code engine.mysql.upgradestep.52.to.53.engine.sql}, as some projects run their digits together.
     */
    private static final Pattern UNDOTTED_STEP_FILE = Pattern.compile(
            "(?:.*[^0-9a-z])?v?\\d+[-_.]to[-_.]v?\\d+(?:[-_.][^/]*)?\\.sql", Pattern.CASE_INSENSITIVE);

    /**
     * Folders beside a folder of steps that install the schema ({@code create/}) and tear it down again
     * ({@code drop/}), as the BPM engines keep them ({@code db/create/}, {@code db/drop/}, {@code db/upgrade/}):
     * the teardown runs on what the install made, never before a step, so both share the install's history.
     */
    private static final List<String> INSTALL_AND_TEARDOWN_FOLDERS = List.of("create", "drop");

    /**
     * The folder that holds a baseline, the whole schema of one release that a new database is created from
     * ({@code db/liquibase/baseline/} beside {@code db/upgrade/}, where a Liquibase changelog starts from it and
     * then runs only the later steps). Like an install, it never runs before the steps that upgrade an older schema.
     */
    private static final String BASELINE_FOLDER = "baseline";

    /**
     * A script named for one dotted version ({@code hive-schema-3.1.0.mysql.sql}), which, in a folder of version step
     * scripts, installs that version.
     */
    private static final Pattern ONE_VERSION_FILE = Pattern.compile(
            "(?:.*[^0-9a-z.])?v?(?<version>\\d+(?:\\.\\d+)+)(?:[-_.][^/]*)?\\.sql", Pattern.CASE_INSENSITIVE);

    /** The first dotted version of a step script's name that a second one follows: the version it starts from. */
    private static final Pattern STEP_START = Pattern.compile(
            "(?:^|[^0-9a-z.])v?(\\d+(?:\\.\\d+)+)" + STEP_JOINER + "v?\\d+(?:\\.(?:\\d+|x))+",
            Pattern.CASE_INSENSITIVE);

    /**
     * The two versions of a step script's name without a wildcard ({@code 1.0.0} and {@code 1.1.0} of {@code
     * upgrade-1.0.0-to-1.1.0-mysql.sql}), each whole: no digit or dotted part follows the second.
     */
    private static final Pattern STEP_ENDS = Pattern.compile("(?:^|[^0-9a-z.])v?(?<from>\\d+(?:\\.\\d+)+)"
            + STEP_JOINER + "v?(?<to>\\d+(?:\\.\\d+)+)(?!\\.?[0-9x])", Pattern.CASE_INSENSITIVE);

    /**
     * The folders whose name says their scripts upgrade an existing schema: scripts in them named for one release are
     * the steps to that release, not installs of it.
     */
    private static final Set<String> UPGRADE_FOLDERS = Set.of("upgrade", "upgrades", "update", "updates");

    /** Each install folder, and the folder whose history its scripts join. */
    private final Map<String, String> installFolders;

    /** The install scripts kept in the folder of the steps, each a history of its own. */
    private final Set<String> installFiles;

    /** The install scripts of the version their folder's first step starts from, which the steps run after. */
    private final Set<String> stepsBases;

    /**
     * The install scripts named for the database of a folder of steps, in another tree, and those beside scripts
     * named for the changes of one release ({@link ReleaseChangeScripts}), each with the history it joins.
     */
    private final Map<String, String> databaseInstallFiles;

    private InstallScripts(Map<String, String> installFolders, Set<String> installFiles, Set<String> stepsBases,
            Map<String, String> databaseInstallFiles) {
        this.installFolders = installFolders;
        this.installFiles = installFiles;
        this.stepsBases = stepsBases;
        this.databaseInstallFiles = databaseInstallFiles;
    }

    /** Finds the install scripts among {@code paths}, the plain scripts of one history, with {@code /} between. */
    static InstallScripts of(Collection<String> paths) {
        Map<String, Set<String>> versionsByStepsFolder = new HashMap<>();
        Map<String, Set<String>> releasesByUpgradeFolder = new HashMap<>();
        for (String path : paths) {
            String[] parts = path.split("/");
            if (parts.length >= 2 && isStepFile(parts[parts.length - 1])) {
                versionsByStepsFolder.computeIfAbsent(folderOf(path), f -> new HashSet<>())
                        .add(parts[parts.length - 1]);
            } else if (isReleaseStep(parts)) {
                releasesByUpgradeFolder.computeIfAbsent(folderOf(path), f -> new HashSet<>())
                        .add(parts[parts.length - 1]);
            }
            int version = versionFolderAt(parts);
            if (version >= 1 && !isVersionFolder(parts[version - 1])
                    && !VersionSnapshots.isSnapshotFolder(parts[version - 1])) {
                String stepsFolder = String.join("/", List.of(parts).subList(0, version)) + "/";
                versionsByStepsFolder.computeIfAbsent(stepsFolder, f -> new HashSet<>()).add(parts[version]);
            }
        }
        Set<String> loneSteps = loneStepFolders(versionsByStepsFolder, paths);
        Map<String, String> installFolders = new HashMap<>();
        Set<String> installFiles = new HashSet<>();
        Set<String> stepsBases = new HashSet<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            Set<String> steps = versionsByStepsFolder.get(folderOf(path));
            Matcher install = ONE_VERSION_FILE.matcher(name);
            if (steps != null && (steps.size() >= 2 || loneSteps.contains(folderOf(path))) && !isStepFile(name)
                    && install.matches()) {
                installFiles.add(path);
                FlywayVersion version = FlywayVersion.parse(install.group("version"));
                if (firstStepStart(steps).filter(first -> first.compareTo(version) == 0).isPresent()) {
                    stepsBases.add(path);
                }
            }
        }
        // Added only now: each of their scripts is a step, none the install of its release
        releasesByUpgradeFolder.forEach((folder, releases) -> versionsByStepsFolder
                .computeIfAbsent(folder, f -> new HashSet<>()).addAll(releases));
        Map<String, String> databaseInstallFiles = new HashMap<>();
        // The searches for folders beside each folder of steps look at each folder once, not once per script in it.
        Set<String> folders = new HashSet<>();
        paths.forEach(path -> folders.add(folderOf(path)));
        versionsByStepsFolder.forEach((stepsFolder, versions) -> {
            if (versions.size() >= 2 || loneSteps.contains(stepsFolder)) {
                String above = folderOf(stepsFolder.substring(0, stepsFolder.length() - 1));
                installFolders.put(above, above);
                String name = stepsFolder.substring(above.length(), stepsFolder.length() - 1);
                if (!above.isEmpty() && DatabaseNames.isDatabase(name.toLowerCase(Locale.ROOT))) {
                    String named = folderOf(above.substring(0, above.length() - 1)) + name + "/";
                    installFolders.put(named, named);
                    siblingTreeFolders(folders, above, name).forEach(folder -> installFolders.put(folder, folder));
                    siblingTreeScripts(paths, above, name).forEach(script -> databaseInstallFiles.put(script,
                            "beside " + stepsFolder));
                }
                // steps named for their database by the last word (1.0-upgrade-1.1-mysql.sql) install from the
                // folders of that name in the trees beside theirs (db/init/mysql/ beside db/upgrade/)
                databaseWords(versions).forEach(word -> siblingTreeFolders(folders, stepsFolder, word)
                        .forEach(folder -> installFolders.put(folder, folder)));
                String install = above + INSTALL_AND_TEARDOWN_FOLDERS.get(0) + "/";
                INSTALL_AND_TEARDOWN_FOLDERS.forEach(folder -> installFolders.put(above + folder + "/", install));
                baselineFolders(folders, above).forEach(folder -> installFolders.put(folder, folder));
            }
        });
        VersionSnapshots snapshots = VersionSnapshots.of(paths, versionsByStepsFolder);
        snapshots.ownFolders().forEach(folder -> installFolders.put(folder, folder));
        stepsBases.addAll(snapshots.stepsBases());
        ReleaseChangeScripts.installsBeside(paths).forEach(databaseInstallFiles::putIfAbsent);
        return new InstallScripts(installFolders, installFiles, stepsBases, databaseInstallFiles);
    }

    /**
     * The folders holding a single step script between two dotted versions beside a script named for one of them
     * ({@code upgrade-1.0.0-to-1.1.0-mysql.sql} beside {@code schema-1.0.0-mysql.sql} and {@code
     * schema-1.1.0-mysql.sql}), as a project keeps its first upgrade beside the installs of the releases it joins: a
     * folder of version steps as much as one holding two steps. A lone step with no such script beside it is not.
     */
    private static Set<String> loneStepFolders(Map<String, Set<String>> versionsByStepsFolder,
            Collection<String> paths) {
        Map<String, Set<FlywayVersion>> stepEnds = new HashMap<>();
        versionsByStepsFolder.forEach((folder, steps) -> {
            String name = steps.iterator().next();
            Matcher step = STEP_ENDS.matcher(name);
            if (steps.size() == 1 && VERSION_STEP_FILE.matcher(name).matches() && step.find()) {
                stepEnds.put(folder, Set.of(FlywayVersion.parse(step.group("from")),
                        FlywayVersion.parse(step.group("to"))));
            }
        });
        Set<String> folders = new HashSet<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            Set<FlywayVersion> ends = stepEnds.get(folderOf(path));
            Matcher install = ONE_VERSION_FILE.matcher(name);
            if (ends != null && !isStepFile(name) && install.matches()
                    && ends.contains(FlywayVersion.parse(install.group("version")))) {
                folders.add(folderOf(path));
            }
        }
        return folders;
    }

    /**
     * The scripts in the trees beside the steps' tree whose name names that database ({@code schema/mysql-schema.sql}
     * and {@code data/mysql-data.sql} beside {@code upgrade/mysql/}), which install it.
     *
     * @param stepsTree the tree holding the steps folder, {@code upgrade/}
     * @param database the name of the steps folder, {@code mysql}
     */
    private static Set<String> siblingTreeScripts(Collection<String> paths, String stepsTree, String database) {
        String top = folderOf(stepsTree.substring(0, stepsTree.length() - 1));
        Set<String> scripts = new HashSet<>();
        for (String path : paths) {
            String tree = path.startsWith(top) ? folderOf(path.substring(top.length())) : "";
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (tree.length() > 1 && tree.indexOf('/') == tree.length() - 1 && !(top + tree).equals(stepsTree)
                    && DatabaseNames.parts(name).stream().anyMatch(database::equalsIgnoreCase)) {
                scripts.add(path);
            }
        }
        return scripts;
    }

    /**
     * The baseline folders beside a folder of steps: {@code baseline/} in the folder above the steps, or in a tree
     * there ({@code db/liquibase/baseline/} beside {@code db/upgrade/}).
     *
     * @param above the folder holding the steps folder, {@code db/}
     */
    private static Set<String> baselineFolders(Set<String> scriptFolders, String above) {
        Set<String> folders = new HashSet<>();
        for (String folder : scriptFolders) {
            String below = folder.startsWith(above) ? folder.substring(above.length()) : "";
            String[] names = below.split("/");
            if ((names.length == 1 || names.length == 2) && BASELINE_FOLDER.equalsIgnoreCase(names[names.length - 1])) {
                folders.add(folder);
            }
        }
        return folders;
    }

    /**
     * True for a script named for one release ({@code upgrade-pre-0.9.10.sql}, {@code 2.1.0.sql}) in a folder named
     * for upgrading, directly or in a folder per database there ({@code upgrade/mysql/2.1.0.sql}).
     *
     * @param parts the script's path split at {@code /}
     */
    private static boolean isReleaseStep(String[] parts) {
        int folder = parts.length - 2;
        if (folder < 0 || !ONE_VERSION_FILE.matcher(parts[parts.length - 1]).matches()) {
            return false;
        }
        if (folder >= 1 && DatabaseNames.isDatabase(parts[folder].toLowerCase(Locale.ROOT))) {
            folder--;
        }
        return UPGRADE_FOLDERS.contains(parts[folder].toLowerCase(Locale.ROOT));
    }

    /**
     * The folders of that database's name in the trees beside the steps' tree ({@code db/ddl-scripts/mysql5/} beside
     * {@code db/upgrade-scripts/mysql5/}, as some projects keep their install and upgrade scripts per
     * database), which hold its install and teardown scripts.
     *
     * @param stepsTree the tree holding the steps folder, {@code db/upgrade-scripts/}
     * @param database the name of the steps folder, {@code mysql5}
     */
    private static Set<String> siblingTreeFolders(Set<String> scriptFolders, String stepsTree, String database) {
        String top = folderOf(stepsTree.substring(0, stepsTree.length() - 1));
        Set<String> folders = new HashSet<>();
        for (String folder : scriptFolders) {
            String tree = folder.startsWith(top) && folder.endsWith("/" + database + "/")
                    ? folder.substring(top.length(), folder.length() - database.length() - 1) : "";
            if (tree.length() > 1 && tree.indexOf('/') == tree.length() - 1 && !(top + tree).equals(stepsTree)) {
                folders.add(folder);
            }
        }
        return folders;
    }

    /**
     * The last words of the step scripts named {@code steps} ({@code mysql} of {@code 1.3.0-upgrade-1.4.0-mysql.sql},
     * {@code og} of its openGauss sibling), when one of them names a database we know: then each names the database
     * its step is for. Empty otherwise.
     */
    private static Set<String> databaseWords(Set<String> steps) {
        Set<String> words = new HashSet<>();
        for (String step : steps) {
            String lower = step.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".sql")) {
                String stem = lower.substring(0, lower.length() - ".sql".length());
                String word = stem.substring(Math.max(stem.lastIndexOf('-'), stem.lastIndexOf('_')) + 1);
                if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && word.chars().allMatch(
                        Character::isLetterOrDigit)) {
                    words.add(word);
                }
            }
        }
        return words.stream().anyMatch(DatabaseNames::isDatabase) ? words : Set.of();
    }

    /** The lowest version the step scripts named {@code steps} upgrade from, when they name dotted versions. */
    private static Optional<FlywayVersion> firstStepStart(Set<String> steps) {
        return steps.stream().map(STEP_START::matcher).filter(Matcher::find)
                .map(step -> FlywayVersion.parse(step.group(1))).min(FlywayVersion::compareTo);
    }

    /**
     * True for an install script that the step scripts beside it run after: the install of the version the first
     * step upgrades from ({@code hive-schema-1.2.0.mysql.sql} before {@code upgrade-1.2.0-to-2.0.0.mysql.sql}), as a
     * schema tool installs the oldest version it knows and then upgrades it.
     */
    boolean startsTheSteps(String path) {
        return stepsBases.contains(path);
    }

    /**
     * The install folder whose history {@code path} joins, when it is an install or teardown script beside
     * version steps.
     */
    Optional<String> installFolder(String path) {
        if (installFiles.contains(path)) {
            return Optional.of(path); // each version's install runs alone, never after another version's
        }
        if (databaseInstallFiles.containsKey(path)) {
            return Optional.of(databaseInstallFiles.get(path));
        }
        return Optional.ofNullable(installFolders.get(folderOf(path)));
    }

    /**
     * Where among the folders of {@code parts} (a path split at {@code /}) the version folder holding the script
     * is: the folder of the script ({@code upgrade/9/x.sql}), or the one above a folder named for a database
     * ({@code upgrade/3.0.0_schema/mysql/x.sql}, a step kept per database); -1 when neither is one.
     */
    private static int versionFolderAt(String[] parts) {
        int folder = parts.length - 2;
        if (folder >= 1 && DatabaseNames.isDatabase(parts[folder].toLowerCase(Locale.ROOT))
                && isVersionFolder(parts[folder - 1])) {
            return folder - 1;
        }
        return folder >= 0 && isVersionFolder(parts[folder]) ? folder : -1;
    }

    private static boolean isStepFile(String name) {
        return VERSION_STEP_FILE.matcher(name).matches() || UNDOTTED_STEP_FILE.matcher(name).matches();
    }

    static boolean isVersionFolder(String name) {
        if (VERSION_FOLDER.matcher(name).matches() || NAMED_VERSION_FOLDER.matcher(name).matches()) {
            return true;
        }
        Matcher range = VERSION_RANGE_FOLDER.matcher(name);
        return range.matches()
                && FlywayVersion.parse(range.group("from")).compareTo(FlywayVersion.parse(range.group("to"))) < 0;
    }

    private static String dotted(String name) {
        return "v?(?<" + name + ">\\d+(?:\\.(?:\\d+|x))+)";
    }

    /** The folder holding {@code path}, ending in {@code /}, or empty at the top. */
    private static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
