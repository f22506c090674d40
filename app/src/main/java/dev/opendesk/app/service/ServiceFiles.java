package dev.opendesk.app.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The service definitions as pure functions of a {@link ServiceSpec} (spec/surface.md §4):
 * a systemd user unit, a launchd agent plist and the {@code schtasks /create} arguments.
 */
public final class ServiceFiles {
    /** The systemd unit's name. */
    public static final String SYSTEMD_UNIT = "opendesk.service";
    /** The launchd label (and plist base name). */
    public static final String LAUNCHD_LABEL = "com.opendesk.serve";
    /** The Task Scheduler task name. */
    public static final String TASK_NAME = "opendesk";

    private static final Pattern SYSTEMD_PLAIN = Pattern.compile("[A-Za-z0-9/._:@+=,-]+");

    private ServiceFiles() {
    }

    /** {@code ~/.config/systemd/user/opendesk.service}. */
    public static Path systemdUnitPath(Path userHome) {
        return userHome.resolve(".config").resolve("systemd").resolve("user").resolve(SYSTEMD_UNIT);
    }

    /** {@code ~/Library/LaunchAgents/com.opendesk.serve.plist}. */
    public static Path launchdPlistPath(Path userHome) {
        return userHome.resolve("Library").resolve("LaunchAgents").resolve(LAUNCHD_LABEL + ".plist");
    }

    /** The systemd user unit running {@code serve}, restarted on failure after 5 s. */
    public static String systemdUnit(ServiceSpec spec) {
        List<String> words = new ArrayList<>();
        for (String word : spec.command()) {
            words.add(systemdQuote(word));
        }
        return "[Unit]\n"
                + "Description=opendesk serve — control this machine from paired controllers\n"
                + "After=network-online.target\n"
                + "Wants=network-online.target\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "ExecStart=" + String.join(" ", words) + "\n"
                + "Restart=on-failure\n"
                + "RestartSec=5\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=default.target\n";
    }

    /**
     * One word of a systemd command line: plain words as they are, others in double quotes with
     * {@code \} and {@code "} escaped; {@code %} and {@code $} doubled so systemd expands nothing.
     */
    static String systemdQuote(String word) {
        String escaped = word.replace("%", "%%").replace("$", "$$");
        if (SYSTEMD_PLAIN.matcher(word).matches()) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The launchd agent: label {@code com.opendesk.serve}, the command as ProgramArguments,
     * RunAtLoad and KeepAlive, output to {@code <home>/serve.log} and {@code <home>/serve.err}.
     */
    public static String launchdPlist(ServiceSpec spec, Path opendeskHome) {
        StringBuilder arguments = new StringBuilder();
        for (String word : spec.command()) {
            arguments.append("    <string>").append(xml(word)).append("</string>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n"
                + "<dict>\n"
                + "  <key>Label</key>\n"
                + "  <string>" + LAUNCHD_LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n"
                + "  <array>\n"
                + arguments
                + "  </array>\n"
                + "  <key>RunAtLoad</key>\n"
                + "  <true/>\n"
                + "  <key>KeepAlive</key>\n"
                + "  <true/>\n"
                + "  <key>StandardOutPath</key>\n"
                + "  <string>" + xml(opendeskHome.resolve("serve.log").toString()) + "</string>\n"
                + "  <key>StandardErrorPath</key>\n"
                + "  <string>" + xml(opendeskHome.resolve("serve.err").toString()) + "</string>\n"
                + "</dict>\n"
                + "</plist>\n";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    /**
     * The task's command line ({@code /tr}): the program in double quotes, then
     * {@code serve --port P}, and {@code --home "H"} when set, e.g.
     * {@code "C:\Program Files\opendesk\opendesk.cmd" serve --port 8423}.
     */
    public static String schtasksTaskCommand(ServiceSpec spec) {
        List<String> words = new ArrayList<>();
        List<String> launcher = spec.launcher();
        for (int i = 0; i < launcher.size(); i++) {
            String word = launcher.get(i);
            words.add(i == 0 || word.contains(" ") ? "\"" + word + "\"" : word);
        }
        words.addAll(List.of("serve", "--port", Integer.toString(spec.port())));
        spec.homeOption().ifPresent(home -> words.addAll(List.of("--home", "\"" + home + "\"")));
        return String.join(" ", words);
    }

    /**
     * The {@code schtasks} arguments creating the task: at log-on, limited rights, replacing an
     * old one. Each element is one argument; {@link #windowsCommandLine} renders them.
     */
    public static List<String> schtasksCreate(ServiceSpec spec) {
        return List.of("schtasks", "/create", "/sc", "onlogon", "/tn", TASK_NAME, "/tr", schtasksTaskCommand(spec),
                "/rl", "limited", "/f");
    }

    /**
     * Arguments as one Windows command line (the MSVC rules {@code schtasks} parses with): an
     * argument with spaces or quotes is put in double quotes, its quotes escaped as {@code \"}
     * (and backslashes before them doubled). So {@code /tr} becomes
     * {@code "\"C:\Program Files\opendesk\opendesk.cmd\" serve --port 8423"}.
     */
    public static String windowsCommandLine(List<String> arguments) {
        List<String> rendered = new ArrayList<>();
        for (String argument : arguments) {
            if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
                rendered.add(argument);
                continue;
            }
            StringBuilder quoted = new StringBuilder("\"");
            int backslashes = 0;
            for (char c : argument.toCharArray()) {
                if (c == '\\') {
                    backslashes++;
                    continue;
                }
                if (c == '"') {
                    quoted.append("\\".repeat(backslashes * 2 + 1)).append('"');
                } else {
                    quoted.append("\\".repeat(backslashes)).append(c);
                }
                backslashes = 0;
            }
            quoted.append("\\".repeat(backslashes * 2)).append('"');
            rendered.add(quoted.toString());
        }
        return String.join(" ", rendered);
    }
}
