package dev.opendesk.core.system;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Process;
import java.util.List;

/** process.list on this machine. */
public final class LocalProcesses {
    public List<Process> processes() {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }
}
