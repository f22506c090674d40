package dev.opendesk.core.remote;

import java.util.List;

/** What the admin IPC can ask of a running host. */
public interface SessionAdmin {
    /** The live sessions (0 or 1 under the single-controller rule). */
    List<SessionInfo> sessions();

    /**
     * Evicts one session (PUSH {@code session.evicted} {@code {"reason":"admin_disconnect"}}, then close).
     *
     * @return 1 if it was live, else 0
     */
    int kill(String sessionId);

    /** Evicts every session; returns how many. */
    int killAll();
}
