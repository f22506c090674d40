package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code audit} (spec/surface.md §1.10): the actions this agent session took, in memory. */
public final class AuditTool implements Tool {
    static final String NAME = "audit";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .optionalEnum("format", "summary (counts per action) or full (one line per action).", "full", "summary", "full")
            .string("session_id", "The session to show; default: this one.", null)
            .build();

    private final Function<String, Optional<ToolSession>> sessions;
    private final ZoneId zone;

    /** @param sessions finds another session by id (the registry's), for {@code session_id} */
    public AuditTool(Function<String, Optional<ToolSession>> sessions) {
        this(sessions, ZoneId.systemDefault());
    }

    AuditTool(Function<String, Optional<ToolSession>> sessions, ZoneId zone) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Show the actions taken in this session (screenshots, clicks, typing, …): format=summary for counts, "
                + "full for every action with its parameters.";
    }

    @Override
    public JsonObject inputSchema() {
        return PARAMETERS.schema();
    }

    /** The declared parameters. */
    public static ToolParameters parameters() {
        return PARAMETERS;
    }

    @Override
    public ToolResult execute(ToolContext context, JsonObject arguments) {
        ToolArguments args = PARAMETERS.parse(arguments);
        String sessionId = args.optionalString("session_id").filter(s -> !s.isEmpty()).orElse(context.sessionId());
        context.checkPermission(NAME, "read audit log: " + sessionId, "Show the actions of session '" + sessionId + "'");
        List<ToolSession.Action> actions = sessionId.equals(context.sessionId())
                ? context.session().actions()
                : sessions.apply(sessionId).map(ToolSession::actions).orElse(List.of());
        String output;
        if (args.string("format").equals("summary")) {
            Map<String, Long> counts = new TreeMap<>(actions.stream()
                    .collect(Collectors.groupingBy(ToolSession.Action::action, Collectors.counting())));
            String list = counts.isEmpty() ? "none" : counts.entrySet().stream()
                    .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
            output = "session=" + ToolText.truncate(sessionId, 12, "") + "… | " + actions.size() + " actions: " + list;
        } else if (actions.isEmpty()) {
            output = "No actions recorded yet for session '" + sessionId + "'.";
        } else {
            StringBuilder out = new StringBuilder("Audit log — session '" + sessionId + "' (" + actions.size() + " actions)");
            for (ToolSession.Action action : actions) {
                Instant at = Instant.ofEpochMilli(Math.round(action.timestamp() * 1000));
                out.append("\n[").append(TIME.format(at.atZone(zone))).append("] ")
                        .append(String.format("%-20s", action.action())).append(" ").append(action.params());
                if (action.error() != null && !action.error().isEmpty()) {
                    out.append("  ERROR: ").append(action.error());
                }
            }
            output = out.toString();
        }
        return ToolResult.text("Audit: " + sessionId, output);
    }
}
