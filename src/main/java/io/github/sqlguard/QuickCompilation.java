package io.github.sqlguard;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Asks a HotSpot JVM to compile sqlguard's own code, and the JDK methods it calls, with its quick compiler (C1)
 * only while a large analysis runs. Such an analysis lasts seconds, and in that time the optimizing compiler (C2)
 * spends more processor time compiling the analysis's large methods, into which it inlines thousands of bytes of
 * code, than its faster code gives back: on 22,230 files, C2 compiled for 22 s of a 23 s run, 17 s of it on
 * sqlguard's code, which on two cores leaves the workers one. The JDK's string, collection and regular expression
 * methods that the analysis is the first to make hot cost as much again on a 700-file run, where the analysis is
 * over before C2's code would pay back. The request is a compiler directive (JEP 165) added through the JVM's
 * diagnostic command bean and removed when the run, or the linter that keeps it, ends. HotSpot does not offer a
 * method it excluded to C2 again, so a JDK method first made hot during the run keeps its C1 code for the rest of
 * the build; those the build made hot before, as javac does in every module with Java sources, keep their C2 code,
 * and Maven's and every other plugin's own code compile as before. A JVM without that bean, or one that refuses the
 * directive, goes on as it was.
 */
final class QuickCompilation implements AutoCloseable {

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private static final String[] ARGUMENTS_SIGNATURE = {String[].class.getName()};

    /**
     * Every class of this build, shaded libraries included (the SQL parser is among them), as a directive's
     * class pattern: a trailing star matches every class whose name begins with the rest.
     */
    static final String CLASS_PATTERN = QuickCompilation.class.getPackageName().replace('.', '/') + "/*.*";

    /** The JDK's classes, whose methods the analysis calls in its hot loops. */
    static final List<String> JDK_PATTERNS = List.of("java/*.*", "jdk/*.*", "sun/*.*");

    private final BackgroundTask<Boolean> added;

    private QuickCompilation(BackgroundTask<Boolean> added) {
        this.added = added;
    }

    /**
     * Starts adding the directive on a thread of its own: the platform bean server costs a JVM that has not
     * started it a fifth of a second, which the analysis need not wait for.
     */
    static QuickCompilation request() {
        return new QuickCompilation(BackgroundTask.start("sqlguard-compiler-directive", QuickCompilation::add));
    }

    /**
     * Counts the characters a run reads and asks for quick compilation once they reach a threshold; the request,
     * if one was made, is the caller's to close. Thread-safe: the workers count the files they read.
     */
    static final class WhenLarge implements LongConsumer {

        private final long thresholdChars;
        private final AtomicLong read = new AtomicLong();
        private final AtomicBoolean asked = new AtomicBoolean();
        private volatile QuickCompilation requested;

        WhenLarge(long thresholdChars) {
            this.thresholdChars = thresholdChars;
        }

        @Override
        public void accept(long chars) {
            if (read.addAndGet(chars) >= thresholdChars && asked.compareAndSet(false, true)) {
                requested = request();
            }
        }

        /** The request made, once every counting thread is done; empty when the run stayed below the threshold. */
        Optional<QuickCompilation> requested() {
            return Optional.ofNullable(requested);
        }
    }

    /** Whether the JVM took the directive; waits until it has answered. */
    boolean accepted() {
        return added.result();
    }

    /** Removes the directive, once the JVM has taken it. */
    @Override
    public void close() {
        if (accepted()) {
            command("compilerDirectivesRemove");
        }
    }

    private static boolean add() {
        try {
            Path directives = Files.createTempFile("sqlguard-compiler-directive", ".json");
            try {
                String patterns = Stream.concat(Stream.of(CLASS_PATTERN), JDK_PATTERNS.stream())
                        .map(pattern -> '"' + pattern + '"').collect(Collectors.joining(", "));
                Files.writeString(directives, "[{ match: [" + patterns + "], c2: { Exclude: true } }]",
                        StandardCharsets.UTF_8);
                String answer = command("compilerDirectivesAdd", directives.toString());
                // HotSpot answers "1 compiler directives added"; a parse error is told in words, not thrown.
                return answer != null && answer.trim().startsWith("1 ");
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (IOException | RuntimeException e) {
            return false; // no temporary folder to write the directive to: the analysis runs as it would have
        }
    }

    /** Runs a diagnostic command; its answer, or null where this JVM has no such command. */
    static String command(String name, String... arguments) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object answer = server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), name, new Object[] {arguments},
                    ARGUMENTS_SIGNATURE);
            return answer == null ? "" : answer.toString();
        } catch (JMException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
