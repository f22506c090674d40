package dev.opendesk.core.system;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.OpendeskException;
import java.util.List;

/** fs.* on this machine (paths already {@code ~}-expanded by the dispatcher; expanded here too). */
public final class LocalFiles {
    public byte[] readFile(String path) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public void writeFile(String path, byte[] data) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public List<FileEntry> listFiles(String path) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public FileEntry statFile(String path) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public void deleteFile(String path) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public void moveFile(String src, String dst) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }

    public void makeDirectory(String path, boolean parents) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "local system: not implemented yet");
    }
}
