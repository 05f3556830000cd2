package io.github.sqlguard.report;

/**
 * One line for the build log, with the level the Mojo logs it at ({@code [ERROR]}, {@code [WARNING]},
 * {@code [INFO]}).
 */
public record ConsoleLine(Level level, String text) {

    /** The log level of a console line. */
    public enum Level { ERROR, WARNING, INFO }

    static ConsoleLine error(String text) {
        return new ConsoleLine(Level.ERROR, text);
    }

    static ConsoleLine warning(String text) {
        return new ConsoleLine(Level.WARNING, text);
    }

    static ConsoleLine info(String text) {
        return new ConsoleLine(Level.INFO, text);
    }
}
