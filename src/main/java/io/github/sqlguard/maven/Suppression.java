package io.github.sqlguard.maven;

/**
 * A {@code <suppression>} entry of the plugin configuration: findings of {@code rule} in files matching
 * {@code files} are deliberate, for {@code reason}. Maven fills the fields by name.
 */
public class Suppression {

    private String rule;
    private String files;
    private String reason;

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getFiles() {
        return files;
    }

    public void setFiles(String files) {
        this.files = files;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
