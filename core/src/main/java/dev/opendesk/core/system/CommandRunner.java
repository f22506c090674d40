package dev.opendesk.core.system;

import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;

/** process.shell and process.exec on this machine. */
public final class CommandRunner {
    public CompletedCommand shell(ShellCommand command) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public CompletedCommand exec(ExecCommand command) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }
}
